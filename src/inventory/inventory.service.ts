import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Caller } from '../accounts/caller.js';
import { User } from '../accounts/user.entity.js';
import type { AnswerSource } from '../assessments/answer.entity.js';
import { AssessmentsService, type LoadedAssessment } from '../assessments/assessments.service.js';
import { DomainError, ErrorCode, type FieldError } from '../common/domain-error.js';
import { assertAcceptableInput, textProblem } from '../common/input-limits.js';
import { tenantScope } from '../common/tenant-scope.js';
import { validationProblem } from '../common/validation.js';
import { checkAnswerValue } from '../questionnaires/answer-validation.js';
import { derivePreview, type CurrentAnswer, type InventoryPreview } from './derive.js';
import { classRuleProblems } from './inventory-content.js';
import { InventoryImport, InventoryMapping, InventoryRules } from './inventory.entities.js';
import {
  IMPORT_LIMITS,
  type ApplyImportDto,
  type ApplyRecord,
  type ApplyResultDto,
  type InventoryImportDto,
  type MappingDto,
  type PutRulesDto,
  type RulesDto,
  type UploadFieldsDto,
} from './inventory.dto.js';
import { FIELDS, type ClassRule, type ColumnMapping, type DeviceClass, type InventoryContent } from './inventory.types.js';
import { InventoryFileError } from './limits.js';
import { ParseRunner, TooBusyError } from './parse-runner.js';
import { headerFingerprint } from './recognise.js';

export const INVENTORY_CONTENT = Symbol('InventoryContent');

/** The uploaded file as multer hands it over (memory storage). */
export interface UploadedExport {
  originalname: string;
  size: number;
  buffer: Buffer;
}

const FIGURE_ORDER = { count: 0, lifespanYears: 1, refurbishedShare: 2 } as const;

@Injectable()
export class InventoryService implements OnApplicationShutdown {
  private readonly logger = new Logger('Inventory');
  private readonly runner = new ParseRunner();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly assessments: AssessmentsService,
    @Inject(INVENTORY_CONTENT) private readonly content: InventoryContent,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.runner.close();
  }

  private imports(caller: Caller, m: EntityManager = this.ds.manager) {
    return tenantScope(m, InventoryImport, caller.organisationId, 'Inventory import');
  }

  private mappings(caller: Caller, m: EntityManager = this.ds.manager) {
    return tenantScope(m, InventoryMapping, caller.organisationId, 'Mapping');
  }

  // ---------------------------------------------------------------- upload -> preview

  /**
   * Parses the file in a worker thread, keeps the aggregates (never the file), saves a mapping the
   * person gave for these headers, and answers with the preview.
   */
  async upload(
    caller: Caller,
    assessmentId: string,
    file: UploadedExport | undefined,
    fields: UploadFieldsDto,
  ): Promise<InventoryImportDto> {
    assertAcceptableInput(fields, 'body');
    const loaded = await this.assessments.load(caller, assessmentId);
    if (loaded.assessment.status === 'submitted') {
      throw new DomainError(
        ErrorCode.AssessmentLocked,
        `The ${loaded.assessment.year} assessment is submitted and read-only; an owner can reopen it`,
      );
    }
    if (!file) {
      throw validationProblem([
        { field: 'file', rule: 'required', message: 'send the export as multipart/form-data in a part named "file"' },
      ]);
    }
    const fileName = cleanFileName(file.originalname);
    const mapping = fields.mapping === undefined ? undefined : parseMappingField(fields.mapping);
    const asOf = fields.asOf ?? new Date().toISOString().slice(0, 10);
    if (Number.isNaN(Date.parse(`${asOf}T00:00:00Z`)) || new Date(`${asOf}T00:00:00Z`).toISOString().slice(0, 10) !== asOf) {
      throw validationProblem([{ field: 'asOf', rule: 'isDate', message: `asOf "${asOf}" is not a day of the calendar` }]);
    }
    const saved = await this.mappings(caller).find();
    // A fresh, exactly sized buffer moves to the worker (multer's may share memory with others).
    const bytes = new Uint8Array(file.buffer.byteLength);
    bytes.set(file.buffer);
    let result;
    try {
      result = await this.runner.parse({
        bytes,
        content: this.content,
        asOf,
        mapping,
        savedMappings: Object.fromEntries(saved.map((s) => [s.fingerprint, s.mapping])),
      });
    } catch (e) {
      throw toProblem(e);
    }
    const { parsed, ms } = result;
    this.logger.log(
      { organisationId: caller.organisationId, rows: parsed.rowCount, format: parsed.formatId, ms: Math.round(ms) },
      'inventory file parsed',
    );

    const id = await this.ds.transaction(async (m) => {
      if (mapping) {
        const fingerprint = headerFingerprint(parsed.headers);
        await m.query(
          `INSERT INTO inventory_mappings (organisation_id, fingerprint, headers, mapping, updated_by, updated_at)
           VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, now())
           ON CONFLICT (organisation_id, fingerprint) DO UPDATE SET mapping = EXCLUDED.mapping, headers = EXCLUDED.headers,
             updated_by = EXCLUDED.updated_by, updated_at = now()`,
          [caller.organisationId, fingerprint, JSON.stringify(parsed.headers), JSON.stringify(mapping), caller.userId],
        );
      }
      const created = await this.imports(caller, m).insert({
        assessmentId,
        fileName,
        fileBytes: file.size,
        fileKind: parsed.fileKind,
        encoding: parsed.encoding,
        delimiter: parsed.delimiter,
        sheet: parsed.sheet,
        formatId: parsed.formatId,
        headers: parsed.headers,
        mapping: parsed.mapping,
        defaultClass: fields.defaultClass ?? null,
        asOf,
        rowCount: parsed.rowCount,
        acceptedCount: parsed.acceptedCount,
        rejectedCount: parsed.rejectedCount,
        rejected: parsed.rejected,
        rejectedByReason: parsed.rejectedByReason,
        groups: parsed.groups,
        warnings: parsed.warnings,
        ageFrom: parsed.ageFrom,
        parseMs: Math.round(ms),
        createdBy: caller.userId,
        appliedAt: null,
        appliedBy: null,
        applied: null,
      });
      return created.id;
    });
    return this.get(caller, assessmentId, id);
  }

  async list(caller: Caller, assessmentId: string, take = 20): Promise<InventoryImportDto[]> {
    const loaded = await this.assessments.load(caller, assessmentId);
    const rows = await this.imports(caller).find({ assessmentId }, { order: { createdAt: 'DESC' }, take });
    const rules = await this.organisationRules(caller);
    const emails = await this.emails(
      caller,
      rows.map((r) => r.createdBy),
    );
    return rows.map((r) => this.toDto(r, loaded, rules, emails));
  }

  async get(caller: Caller, assessmentId: string, importId: string, m: EntityManager = this.ds.manager): Promise<InventoryImportDto> {
    const loaded = await this.assessments.load(caller, assessmentId, m);
    const row = await this.imports(caller, m).get({ id: importId, assessmentId });
    const rules = await this.organisationRules(caller, m);
    return this.toDto(row, loaded, rules, await this.emails(caller, [row.createdBy], m));
  }

  // ---------------------------------------------------------------- apply

  /**
   * Writes the preview's applicable figures through the answers' own path (validation, optimistic
   * versions, audit trail), all or nothing, each answer and audit event carrying the import's
   * provenance. Answers stay editable by hand (which clears the provenance).
   */
  async apply(caller: Caller, assessmentId: string, importId: string, dto: ApplyImportDto): Promise<ApplyResultDto> {
    const problems: FieldError[] = [];
    for (const [qid, v] of Object.entries(dto.expectedVersions ?? {})) {
      if (!Number.isInteger(v) || v < 0)
        problems.push({ field: `expectedVersions.${qid}`, rule: 'isInt', message: `expectedVersions.${qid} must be a whole number >= 0` });
    }
    if (Object.keys(dto.expectedVersions ?? {}).length > 100)
      problems.push({ field: 'expectedVersions', rule: 'maxFields', message: 'at most 100 versions' });
    if (problems.length) throw validationProblem(problems);

    const record = await this.ds.transaction(async (m) => {
      // One apply of an import at a time: a second waits, then finds the answers already written.
      const row = await this.imports(caller, m)
        .query('i')
        .andWhere('i.id = :importId AND i.assessmentId = :assessmentId', { importId, assessmentId })
        .setLock('pessimistic_write')
        .getOne();
      if (!row) throw DomainError.notFound('Inventory import');
      const loaded = await this.assessments.load(caller, assessmentId, m);
      const preview = this.preview(row, loaded, (await this.organisationRules(caller, m)).rules);
      const unknown = (dto.questionIds ?? []).filter((q) => !preview.proposals.some((p) => p.questionId === q));
      if (unknown.length) {
        throw validationProblem(
          unknown.map((q) => ({ field: 'questionIds', rule: 'inPreview', message: `${q} is not a figure of this import's preview` })),
        );
      }
      const chosen = preview.proposals
        .filter((p) => !dto.questionIds || dto.questionIds.includes(p.questionId))
        .sort((a, b) => FIGURE_ORDER[a.figure] - FIGURE_ORDER[b.figure]);
      const now = new Date();
      const source: AnswerSource = {
        kind: 'inventory-import',
        importId: row.id,
        fileName: row.fileName,
        formatId: row.formatId,
        rows: row.rowCount,
        acceptedRows: row.acceptedCount,
        appliedAt: now.toISOString(),
        appliedBy: caller.userId,
        appliedByEmail: caller.email,
      };
      const applied: ApplyRecord = {
        appliedAt: now.toISOString(),
        appliedBy: caller.userId,
        appliedByEmail: caller.email,
        written: [],
        skipped: [],
      };
      for (const p of chosen) {
        if (!p.applicable) {
          applied.skipped.push({ questionId: p.questionId, reason: p.reason! });
          continue;
        }
        if (p.change === 'unchanged') {
          applied.skipped.push({ questionId: p.questionId, reason: { fr: 'Déjà cette valeur.', en: 'Already this value.' } });
          continue;
        }
        const expectedVersion = dto.expectedVersions?.[p.questionId] ?? p.current?.version ?? 0;
        const saved = await this.assessments.saveAnswer(
          caller,
          assessmentId,
          p.questionId,
          { value: p.proposed, expectedVersion },
          { manager: m, source },
        );
        applied.written.push({ questionId: p.questionId, from: p.current?.value ?? null, to: p.proposed, version: saved.version });
      }
      await this.imports(caller, m).update({ id: row.id }, { appliedAt: now, appliedBy: caller.userId, applied });
      return applied;
    });
    return { import: await this.get(caller, assessmentId, importId), written: record.written, skipped: record.skipped };
  }

  classLabels(): InventoryContent['classLabels'] {
    return this.content.classLabels;
  }

  // ---------------------------------------------------------------- rules and mappings

  async rules(caller: Caller): Promise<RulesDto> {
    const own = await this.organisationRules(caller);
    return { rules: own.rules, version: own.version, defaults: this.content.rules, defaultsVersion: this.content.rulesVersion };
  }

  async putRules(caller: Caller, dto: PutRulesDto): Promise<RulesDto> {
    const rules: ClassRule[] = dto.rules.map((r) => ({
      id: r.id,
      class: r.class,
      field: r.field,
      ...(r.pattern !== undefined ? { pattern: r.pattern } : {}),
      ...(r.gte !== undefined ? { gte: r.gte } : {}),
      ...(r.lt !== undefined ? { lt: r.lt } : {}),
    }));
    const problems = classRuleProblems(rules, 'rules');
    for (const r of rules) {
      const p = textProblem('rules.pattern', r.pattern ?? '');
      if (p) problems.push(p.message);
    }
    if (problems.length) {
      throw validationProblem(problems.map((message) => ({ field: 'rules', rule: 'classificationRule', message })));
    }
    await this.ds.transaction(async (m) => {
      if (dto.expectedVersion === 0) {
        const inserted = (await m.query(
          `INSERT INTO inventory_rules (organisation_id, rules, version, updated_by) VALUES ($1, $2::jsonb, 1, $3)
           ON CONFLICT (organisation_id) DO NOTHING RETURNING version`,
          [caller.organisationId, JSON.stringify(rules), caller.userId],
        )) as unknown[];
        if (!inserted.length) throw await this.staleRules(caller, m, 0);
        return;
      }
      const updated = (await m.query(
        `UPDATE inventory_rules SET rules = $1::jsonb, version = version + 1, updated_by = $2, updated_at = now()
          WHERE organisation_id = $3 AND version = $4 RETURNING version`,
        [JSON.stringify(rules), caller.userId, caller.organisationId, dto.expectedVersion],
      )) as [unknown[], number] | unknown[];
      const rows = Array.isArray(updated[0]) ? (updated[0] as unknown[]) : (updated as unknown[]);
      if (!rows.length) throw await this.staleRules(caller, m, dto.expectedVersion);
    });
    return this.rules(caller);
  }

  async listMappings(caller: Caller): Promise<MappingDto[]> {
    const rows = await this.mappings(caller).find({}, { order: { updatedAt: 'DESC' } });
    return rows.map((r) => ({ id: r.id, headers: r.headers, mapping: r.mapping, updatedAt: r.updatedAt.toISOString() }));
  }

  async deleteMapping(caller: Caller, id: string): Promise<void> {
    if (!(await this.mappings(caller).delete({ id }))) throw DomainError.notFound('Mapping');
  }

  // ---------------------------------------------------------------- helpers

  private async staleRules(caller: Caller, m: EntityManager, expected: number): Promise<DomainError> {
    const current = await this.organisationRules(caller, m);
    return new DomainError(
      ErrorCode.StaleWrite,
      `The classification rules changed since version ${expected}: they are now at version ${current.version}. Review them, then send them again.`,
      { currentVersion: current.version, current: current.rules },
    );
  }

  private async organisationRules(caller: Caller, m: EntityManager = this.ds.manager): Promise<{ rules: ClassRule[]; version: number }> {
    const row = await m.getRepository(InventoryRules).findOne({ where: { organisationId: caller.organisationId } });
    return row ? { rules: row.rules, version: row.version } : { rules: [], version: 0 };
  }

  private preview(row: InventoryImport, loaded: LoadedAssessment, organisationRules: ClassRule[]): InventoryPreview {
    const current: Record<string, CurrentAnswer> = {};
    for (const a of loaded.answers)
      current[a.questionId] = { value: a.value, version: a.version, source: a.source as Record<string, unknown> | null };
    return derivePreview({
      parsed: { groups: row.groups, ageFrom: row.ageFrom, mapping: row.mapping },
      content: this.content,
      organisationRules,
      defaultClass: row.defaultClass,
      questionIds: new Set(loaded.template.questions.keys()),
      current,
      check: (questionId, value) => {
        const q = loaded.template.questions.get(questionId)?.question;
        return q ? (checkAnswerValue(q, value)?.message ?? null) : 'not a question of this template';
      },
    });
  }

  private toDto(
    row: InventoryImport,
    loaded: LoadedAssessment,
    rules: { rules: ClassRule[]; version: number },
    emails: Map<string, string>,
  ): InventoryImportDto {
    const format = this.content.formats.find((f) => f.id === row.formatId);
    return {
      id: row.id,
      assessmentId: row.assessmentId,
      fileName: row.fileName,
      fileBytes: row.fileBytes,
      fileKind: row.fileKind,
      encoding: row.encoding,
      delimiter: row.delimiter,
      sheet: row.sheet,
      format: format
        ? { id: format.id, label: format.label, source: format.source }
        : row.formatId
          ? { id: row.formatId, label: FORMAT_LABELS[row.formatId] ?? { fr: row.formatId, en: row.formatId } }
          : null,
      headers: row.headers,
      mapping: row.mapping,
      defaultClass: row.defaultClass,
      asOf: row.asOf,
      rows: { total: row.rowCount, accepted: row.acceptedCount, rejected: row.rejectedCount },
      rejected: row.rejected,
      rejectedByReason: row.rejectedByReason,
      warnings: row.warnings,
      preview: this.preview(row, loaded, rules.rules),
      rulesVersion: rules.version,
      parseMs: row.parseMs,
      createdAt: row.createdAt.toISOString(),
      createdByEmail: emails.get(row.createdBy ?? '') ?? null,
      applied: row.applied,
      limits: IMPORT_LIMITS,
    };
  }

  private async emails(caller: Caller, ids: Array<string | null>, m: EntityManager = this.ds.manager): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((x): x is string => !!x))];
    if (!wanted.length) return new Map();
    const users = await tenantScope(m, User, caller.organisationId, 'User').find({ id: In(wanted) });
    return new Map(users.map((u) => [u.id, u.email]));
  }
}

const FORMAT_LABELS: Record<string, { fr: string; en: string }> = {
  mapping: { fr: 'Fichier lu avec votre correspondance de colonnes', en: 'File read with your column mapping' },
  'saved-mapping': {
    fr: 'Fichier lu avec la correspondance enregistrée pour ces colonnes',
    en: 'File read with the mapping saved for these columns',
  },
};

function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const problem = textProblem('file.name', base);
  if (problem) throw validationProblem([problem]);
  const trimmed = [...base.trim()].slice(0, 200).join('');
  return trimmed || 'export';
}

/** The mapping field: JSON with known fields, header names as text, a date order. */
function parseMappingField(text: string): ColumnMapping {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw validationProblem([{ field: 'mapping', rule: 'json', message: `mapping is not valid JSON: ${(e as Error).message}` }]);
  }
  const problems: FieldError[] = [];
  const obj = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  if (!obj || typeof obj.columns !== 'object' || obj.columns === null || Array.isArray(obj.columns)) {
    throw validationProblem([{ field: 'mapping.columns', rule: 'isObject', message: 'mapping.columns must map fields to header names' }]);
  }
  for (const k of Object.keys(obj)) {
    if (k !== 'columns' && k !== 'dateOrder')
      problems.push({ field: `mapping.${k}`, rule: 'unknownField', message: `mapping.${k} is not a known property` });
  }
  const columns: ColumnMapping['columns'] = {};
  for (const [field, header] of Object.entries(obj.columns as Record<string, unknown>)) {
    if (!(FIELDS as readonly string[]).includes(field)) {
      problems.push({
        field: `mapping.columns.${field}`,
        rule: 'unknownField',
        message: `"${field}" is not a field of the import (${FIELDS.join(', ')})`,
      });
    } else if (header === null || header === '') continue;
    else if (typeof header !== 'string' || header.length > 200) {
      problems.push({ field: `mapping.columns.${field}`, rule: 'isString', message: `mapping.columns.${field} must be a header name` });
    } else columns[field as keyof ColumnMapping['columns']] = header;
  }
  const dateOrder = obj.dateOrder ?? 'dmy';
  if (!['dmy', 'mdy', 'ymd'].includes(dateOrder as string)) {
    problems.push({ field: 'mapping.dateOrder', rule: 'isIn', message: 'mapping.dateOrder must be dmy, mdy or ymd' });
  }
  if (problems.length) throw validationProblem(problems);
  return { columns, dateOrder: dateOrder as ColumnMapping['dateOrder'] };
}

function toProblem(e: unknown): unknown {
  if (e instanceof TooBusyError) {
    return new DomainError(ErrorCode.TooManyImports, 'Several inventory files are being read right now: try again in a few seconds', {
      retryAfterSeconds: 5,
    });
  }
  if (e instanceof InventoryFileError) {
    const { errors, ...extensions } = e.extensions as { errors?: Array<{ field: string; rule: string; message: string }> };
    const fieldErrors = errors ?? [{ field: e.rule === 'mappingRequired' ? 'mapping' : 'file', rule: e.rule, message: e.message }];
    return new DomainError(e.status === 413 ? ErrorCode.PayloadTooLarge : ErrorCode.InvalidInput, e.message, extensions, fieldErrors);
  }
  return e;
}

export type { DeviceClass };
