import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Caller } from '../accounts/caller.js';
import { DomainError } from '../common/domain-error.js';
import type { FootprintFactors } from '../footprint/index.js';
import { FOOTPRINT_FACTORS } from '../footprint/footprint.module.js';
import { QuestionnairesService } from '../questionnaires/questionnaires.service.js';
import type { MethodologyVersion } from '../scoring/index.js';

/**
 * Computed results documents kept in the database (`results_cache`), keyed by everything they are
 * computed from, so that any instance behind the load balancer serves the same document and none
 * keeps state of its own:
 * - the assessment: its year, status, recorded methodology, template, and `updated_at` (which moves
 *   with every change made through the service),
 * - every answer's question and version (a save, a clear, a copy-forward or an import changes one),
 * - the earlier assessment whose plan the document reports on ("committed last year vs done"): its
 *   row, its answers' versions, its commitments' and the carried ones' versions,
 * - the content: both templates, the action catalogue and the footprint factors as loaded (hashed
 *   once per template version), and FORMAT, bumped when the computation itself changes,
 * - the methodology asked for.
 * A write changes the key, so a stale document is never served (a write "invalidates" it without
 * a statement of its own in the save path); the next read recomputes and replaces the row.
 */
export const RESULTS_CACHE_FORMAT = 1;

/** What the key is built from, read in one query with the cached row. */
interface ProbeRow {
  year: number;
  status: string;
  methodology_version: string | null;
  questionnaire_id: string;
  template_version: number;
  updated_at: Date;
  answers_key: string;
  previous_id: string | null;
  previous_questionnaire_id: string | null;
  previous_template_version: number | null;
  previous_updated_at: Date | null;
  previous_answers_key: string | null;
  plan_key: string;
  cached_key: string | null;
}

const versionsOf = (table: string, idColumn: string, where: string) =>
  `(SELECT md5(coalesce(string_agg(${idColumn} || ':' || version, ',' ORDER BY ${idColumn}), '')) FROM ${table} WHERE ${where})`;

const PROBE_SQL = `
WITH a AS (
  SELECT id, year, status, methodology_version, questionnaire_id, template_version, copy_forward, updated_at
    FROM assessments WHERE id = $1::uuid AND organisation_id = $2::uuid
),
p AS (
  -- the assessment whose plan this one follows: its copy-forward source if earlier, else the latest earlier year
  SELECT x.id, x.questionnaire_id, x.template_version, x.updated_at
    FROM assessments x, a
   WHERE x.organisation_id = $2::uuid AND x.year < a.year
   ORDER BY (x.id::text IS NOT DISTINCT FROM (a.copy_forward ->> 'fromAssessmentId')) DESC, x.year DESC
   LIMIT 1
)
SELECT a.year, a.status, a.methodology_version, a.questionnaire_id, a.template_version, a.updated_at,
       ${versionsOf('answers', 'question_id', 'assessment_id = a.id AND organisation_id = $2::uuid')} AS answers_key,
       p.id AS previous_id, p.questionnaire_id AS previous_questionnaire_id, p.template_version AS previous_template_version,
       p.updated_at AS previous_updated_at,
       ${versionsOf('answers', 'question_id', 'assessment_id = p.id AND organisation_id = $2::uuid')} AS previous_answers_key,
       ${versionsOf(
         'plan_commitments',
         'id::text',
         'organisation_id = $2::uuid AND (assessment_id = p.id OR (assessment_id = a.id AND carried_from_id IS NOT NULL))',
       )} AS plan_key,
       c.key AS cached_key
  FROM a
  LEFT JOIN p ON true
  LEFT JOIN results_cache c ON c.assessment_id = a.id AND c.methodology = $3::text`;

const STORE_SQL = `
INSERT INTO results_cache (assessment_id, organisation_id, methodology, key, body, computed_at)
VALUES ($1::uuid, $2::uuid, $3::text, $4::text, $5::text, now())
ON CONFLICT (assessment_id, methodology) DO UPDATE SET key = EXCLUDED.key, body = EXCLUDED.body, computed_at = EXCLUDED.computed_at`;

const BODY_SQL = `
SELECT body FROM results_cache
 WHERE assessment_id = $1::uuid AND organisation_id = $2::uuid AND methodology = $3::text AND key = $4::text`;

/** How many bytes of documents an instance keeps in memory, besides the database's copy (most recently served first). */
const MEMORY_BYTES = 32 * 2 ** 20;

export interface CachedResults {
  /** The key of the document as the database stands now. */
  key: string;
  /** The stored JSON document (UTF-8) when its key is still current. */
  body: Buffer | null;
}

@Injectable()
export class ResultsCache {
  private readonly contentKeys = new Map<string, string>();
  /** Documents served lately, by assessment and methodology, with their key: never served without the key checked in the database. */
  private readonly memory = new Map<string, { key: string; body: Buffer }>();
  private memoryBytes = 0;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly questionnaires: QuestionnairesService,
    @Inject(FOOTPRINT_FACTORS) private readonly factors: FootprintFactors,
  ) {}

  /** The current key of an assessment's results and the stored document if it is current; 404 outside the organisation. */
  async lookup(caller: Caller, assessmentId: string, methodology: MethodologyVersion): Promise<CachedResults> {
    const rows = (await this.ds.query(PROBE_SQL, [assessmentId, caller.organisationId, methodology])) as ProbeRow[];
    const row = rows[0];
    if (!row) throw DomainError.notFound('Assessment');
    const key = createHash('sha256')
      .update(
        JSON.stringify([
          RESULTS_CACHE_FORMAT,
          methodology,
          row.year,
          row.status,
          row.methodology_version,
          new Date(row.updated_at).toISOString(),
          this.contentKey(row.questionnaire_id, row.template_version),
          row.answers_key,
          row.previous_id,
          row.previous_updated_at && new Date(row.previous_updated_at).toISOString(),
          row.previous_questionnaire_id && this.contentKey(row.previous_questionnaire_id, row.previous_template_version!),
          row.previous_answers_key,
          row.plan_key,
        ]),
      )
      .digest('base64url');
    if (row.cached_key !== key) return { key, body: null };
    // The database holds the current document: this instance may have it in memory already (the key
    // was just checked against the database, so it is the same document), else it reads it once.
    const slot = `${assessmentId}|${methodology}`;
    const kept = this.memory.get(slot);
    if (kept?.key === key) {
      this.memory.delete(slot);
      this.memory.set(slot, kept);
      return { key, body: kept.body };
    }
    const found = (await this.ds.query(BODY_SQL, [assessmentId, caller.organisationId, methodology, key])) as Array<{ body: string }>;
    if (!found[0]) return { key, body: null }; // replaced in between
    const body = Buffer.from(found[0].body, 'utf8');
    this.remember(slot, key, body);
    return { key, body };
  }

  /** Keeps a computed document under its key (the last writer's document wins; a stale key is never served). */
  async store(caller: Caller, assessmentId: string, methodology: MethodologyVersion, key: string, json: string): Promise<Buffer> {
    await this.ds.query(STORE_SQL, [assessmentId, caller.organisationId, methodology, key, json]);
    const body = Buffer.from(json, 'utf8');
    this.remember(`${assessmentId}|${methodology}`, key, body);
    return body;
  }

  private remember(slot: string, key: string, body: Buffer): void {
    const old = this.memory.get(slot);
    if (old) {
      this.memoryBytes -= old.body.length;
      this.memory.delete(slot);
    }
    if (body.length > MEMORY_BYTES / 4) return;
    this.memory.set(slot, { key, body });
    this.memoryBytes += body.length;
    for (const [oldest, entry] of this.memory) {
      if (this.memoryBytes <= MEMORY_BYTES) break;
      this.memory.delete(oldest);
      this.memoryBytes -= entry.body.length;
    }
  }

  /** The content a document is computed from: the template (as loaded), the actions and the factors; hashed once per version. */
  private contentKey(questionnaireId: string, version: number): string {
    const id = `${questionnaireId}@${version}`;
    let key = this.contentKeys.get(id);
    if (!key) {
      key = createHash('sha256')
        .update(JSON.stringify(this.questionnaires.get(questionnaireId, version).template))
        .update(JSON.stringify(this.questionnaires.actions()))
        .update(JSON.stringify(this.factors))
        .digest('base64url');
      this.contentKeys.set(id, key);
    }
    return key;
  }
}
