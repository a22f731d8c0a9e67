import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ical, { ICalEventStatus } from 'ical-generator';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import type { Caller } from '../accounts/caller.js';
import { Assessment } from '../assessments/assessment.entity.js';
import { DomainError } from '../common/domain-error.js';
import { tenantScope } from '../common/tenant-scope.js';
import { CalendarFeed } from './calendar-feed.entity.js';
import { PlanCommitment } from './commitment.entity.js';
import { dueText } from './dates.js';
import type { CalendarCreatedDto, CalendarStatusDto } from './plan.dto.js';
import { PlanService } from './plan.service.js';

const SECRET = /^[A-Za-z0-9_-]{32,64}$/;
const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');
export const CALENDAR_PATH = '/api/v1/calendar';

const STATUS_WORDS = {
  not_started: { fr: 'pas commencé', en: 'not started' },
  in_progress: { fr: 'en cours', en: 'in progress' },
  done: { fr: 'fait', en: 'done' },
  dropped: { fr: 'abandonné', en: 'dropped' },
} as const;

/**
 * The organisation's iCalendar feed of due dates, at a secret address (32 random bytes) that an
 * owner creates, replaces or revokes. Only the secret's sha256 is stored.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly plan: PlanService,
  ) {}

  async status(caller: Caller): Promise<CalendarStatusDto> {
    const live = await tenantScope(this.ds.manager, CalendarFeed, caller.organisationId, 'Calendar')
      .query('f')
      .andWhere('f.revokedAt IS NULL')
      .getOne();
    return { active: Boolean(live), createdAt: live ? live.createdAt.toISOString() : null };
  }

  /** A new secret address; the previous one, if any, stops working. */
  async create(caller: Caller, origin: string): Promise<CalendarCreatedDto> {
    const secret = randomBytes(32).toString('base64url');
    const createdAt = await this.ds.transaction(async (m) => {
      await m.query(`UPDATE calendar_feeds SET revoked_at = now(), revoked_by = $1 WHERE organisation_id = $2 AND revoked_at IS NULL`, [
        caller.userId,
        caller.organisationId,
      ]);
      const feed = await tenantScope(m, CalendarFeed, caller.organisationId, 'Calendar').insert({
        secretHash: hash(secret),
        createdBy: caller.userId,
        revokedAt: null,
        revokedBy: null,
      });
      return feed.createdAt;
    });
    const path = `${CALENDAR_PATH}/${secret}.ics`;
    return { url: `${origin}${path}`, path, createdAt: createdAt.toISOString() };
  }

  async revoke(caller: Caller): Promise<void> {
    await this.ds.query(`UPDATE calendar_feeds SET revoked_at = now(), revoked_by = $1 WHERE organisation_id = $2 AND revoked_at IS NULL`, [
      caller.userId,
      caller.organisationId,
    ]);
  }

  /** The feed behind a secret: every commitment with a due day, except dropped ones, as all-day events. */
  async feed(secret: string): Promise<string> {
    if (!SECRET.test(secret)) throw DomainError.notFound('Calendar');
    const feed = await this.ds.getRepository(CalendarFeed).findOne({ where: { secretHash: hash(secret) } });
    if (!feed || feed.revokedAt) throw DomainError.notFound('Calendar');
    const organisationId = feed.organisationId;
    const org = await this.plan.organisation(organisationId);
    const lang = org.language;
    const rows = await tenantScope(this.ds.manager, PlanCommitment, organisationId, 'Commitment')
      .query('c')
      .andWhere('c.dueDate IS NOT NULL')
      .andWhere('c.status <> :dropped', { dropped: 'dropped' })
      .orderBy('c.dueDate', 'ASC')
      .getMany();
    const years = new Map(
      rows.length
        ? (
            await tenantScope(this.ds.manager, Assessment, organisationId, 'Assessment').find({
              id: In([...new Set(rows.map((r) => r.assessmentId))]),
            })
          ).map((a) => [a.id, a.year])
        : [],
    );
    const emails = await this.plan.emails(
      { organisationId },
      rows.map((r) => r.ownerUserId),
    );
    const title = lang === 'fr' ? `Plan d’action numérique responsable · ${org.name}` : `Responsible digital action plan · ${org.name}`;
    const calendar = ical({
      name: title,
      description:
        lang === 'fr' ? 'Échéances des engagements du plan (Fresque impact)' : 'Due dates of the plan’s commitments (Fresque impact)',
      prodId: { company: 'fresque-impact', product: 'plan', language: lang.toUpperCase() },
      ttl: 3600,
    });
    calendar.x([{ key: 'X-WR-TIMEZONE', value: org.timeZone }]);
    for (const c of rows) {
      const action = this.plan.action(c.actionId);
      const name = action?.title[lang] ?? c.actionId;
      const owner = this.plan.owner(c, emails);
      const year = years.get(c.assessmentId);
      const due = dueText(c.dueKind!, c.dueDate!);
      const lines = [
        lang === 'fr'
          ? `Plan ${year ?? ''} · statut\u00a0: ${STATUS_WORDS[c.status].fr}`
          : `${year ?? ''} plan · status: ${STATUS_WORDS[c.status].en}`,
        owner ? (lang === 'fr' ? `Responsable\u00a0: ${owner.name}` : `Owner: ${owner.name}`) : null,
        c.dueKind === 'quarter'
          ? lang === 'fr'
            ? `Échéance\u00a0: ${due} (dernier jour du trimestre)`
            : `Due: ${due} (last day of the quarter)`
          : null,
        action ? (lang === 'fr' ? `Indicateur\u00a0: ${action.indicator.fr}` : `Indicator: ${action.indicator.en}`) : null,
      ].filter((x): x is string => x !== null);
      calendar.createEvent({
        id: `${c.id}@fresque-impact`,
        sequence: c.version,
        start: new Date(`${c.dueDate}T00:00:00Z`),
        allDay: true,
        summary: `${c.status === 'done' ? '✓ ' : ''}${name}`,
        description: lines.join('\n'),
        status: c.status === 'done' ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
        lastModified: c.updatedAt,
        stamp: c.updatedAt,
        created: c.createdAt,
      });
    }
    return calendar.toString();
  }
}
