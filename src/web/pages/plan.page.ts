import type { UserDto } from '../../accounts/accounts.dto.js';
import type { CommitmentDto, PlanDto, PlanHistoryEventDto } from '../../plan/plan.dto.js';
import { COMMITMENT_STATUSES, type CommitmentStatus } from '../../plan/plan.types.js';
import { attrs, html, type SafeHtml } from '../html.js';
import { formatNumber, t, tr, type Lang } from '../i18n.js';
import { layout, type PageContext } from '../layout.js';

export interface PlanFilters {
  status: CommitmentStatus | null;
  /** A member id, a named role (prefixed "role:"), or "none". */
  owner: string | null;
  overdueOnly: boolean;
  view: 'status' | 'owner';
}

export interface PlanView {
  plan: PlanDto;
  members: UserDto[];
  filters: PlanFilters;
  /** Owner of the organisation: manages the plan. */
  isOwner: boolean;
  /** Editors update the commitments they own. */
  userId: string;
  canEdit: boolean;
  calendar: { active: boolean; createdAt: string | null };
  history: PlanHistoryEventDto[];
  /** The commitment just saved (after a reload), to confirm and focus. */
  saved: string | null;
}

const STATUS_ORDER: CommitmentStatus[] = ['in_progress', 'not_started', 'done', 'dropped'];

/** A day (YYYY-MM-DD) in words, read as a calendar day (no time zone shift). */
export function formatDay(day: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

function formatInZone(iso: string, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
}

function dueWords(c: Pick<CommitmentDto, 'due'>, lang: Lang): string {
  if (!c.due) return t(lang, 'plan.noDue');
  if (c.due.kind === 'quarter') {
    const [year, q] = c.due.text.split('-Q');
    return t(lang, 'plan.dueQuarter', { quarter: q, year, date: formatDay(c.due.date, lang) });
  }
  return formatDay(c.due.date, lang);
}

function daysLate(due: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000);
}

function ownerKey(c: CommitmentDto): string {
  if (!c.owner) return 'none';
  return c.owner.kind === 'member' ? (c.owner.userId ?? 'none') : `role:${c.owner.name}`;
}

function valueText(value: number | null | undefined, unit: string, lang: Lang): string {
  if (value === null || value === undefined) return '—';
  return `${formatNumber(value, lang, 2)}${unit ? `\u00a0${unit}` : ''}`;
}

function indicatorBlock(lang: Lang, c: CommitmentDto): SafeHtml {
  const unit = c.baseline?.unit[lang] ?? '';
  const target = c.target ? (c.target.value !== null ? valueText(c.target.value, unit, lang) : (c.target.text ?? '—')) : '—';
  return html`<dl class="commitment-indicator">
    <div class="ci-wide">
      <dt>${t(lang, 'plan.indicator')}</dt>
      <dd>${tr(c.indicator, lang)}</dd>
    </div>
    <div>
      <dt>${t(lang, 'plan.baseline')}</dt>
      <dd>
        ${c.baseline ? valueText(c.baseline.value, unit, lang) : html`<span class="muted">${t(lang, 'plan.notMeasured')}</span>`}
        ${c.baseline?.source === 'answers' ? html`<span class="cell-sub">${t(lang, 'plan.fromAnswers')}</span>` : ''}
        ${c.baseline?.detail ? html`<span class="cell-sub">${tr(c.baseline.detail, lang)}</span>` : ''}
      </dd>
    </div>
    <div>
      <dt>${t(lang, 'plan.target')}</dt>
      <dd>${target}</dd>
    </div>
    <div>
      <dt>${t(lang, 'plan.lastValue')}</dt>
      <dd>
        ${
          c.lastMeasurement
            ? html`${valueText(c.lastMeasurement.value, unit, lang)}<span class="cell-sub"
                  >${formatDay(c.lastMeasurement.date, lang)}</span
                >`
            : html`<span class="muted">${t(lang, 'plan.noValue')}</span>`
        }
      </dd>
    </div>
  </dl>`;
}

function memberOptions(lang: Lang, members: UserDto[], c: CommitmentDto | null): SafeHtml[] {
  const current = c ? ownerKey(c) : 'none';
  return [
    html`<option ${attrs({ value: '', selected: current === 'none' })}>${t(lang, 'plan.ownerNone')}</option>`,
    ...members.map((m) => html`<option ${attrs({ value: m.id, selected: current === m.id })}>${m.email}</option>`),
    html`<option ${attrs({ value: '__role', selected: current.startsWith('role:') })}>${t(lang, 'plan.ownerNamedRole')}</option>`,
  ];
}

function editForm(lang: Lang, v: PlanView, c: CommitmentDto): SafeHtml {
  const id = c.id;
  const manage = v.isOwner;
  const steps = c.checklist;
  return html`<details class="commitment-edit">
    <summary>${t(lang, 'plan.update')}<span class="visually-hidden"> : ${tr(c.title, lang)}</span></summary>
    <form class="commitment-form stack" data-commitment-id="${id}" data-version="${c.version}" novalidate>
      <p class="form-error" role="alert" hidden></p>
      <div class="field">
        <label for="status-${id}">${t(lang, 'plan.status')}</label>
        <select id="status-${id}" name="status">
          ${COMMITMENT_STATUSES.map((s) => html`<option ${attrs({ value: s, selected: s === c.status })}>${t(lang, `plan.status.${s}`)}</option>`)}
        </select>
      </div>
      <div class="field drop-reason" ${attrs({ hidden: c.status !== 'dropped' })}>
        <label for="reason-${id}">${t(lang, 'plan.dropReason')}</label>
        <p class="field-error" id="reason-${id}-error" hidden></p>
        <input
          id="reason-${id}"
          name="dropReason"
          type="text"
          maxlength="500"
          value="${c.dropReason ?? ''}"
          aria-describedby="reason-${id}-error"
        />
      </div>
      ${
        manage
          ? html`<div class="field-row">
              <div class="field">
                <label for="owner-${id}">${t(lang, 'plan.owner')}</label>
                <select id="owner-${id}" name="owner">
                  ${memberOptions(lang, v.members, c)}
                </select>
              </div>
              <div class="field owner-role" ${attrs({ hidden: c.owner?.kind !== 'role' })}>
                <label for="role-${id}">${t(lang, 'plan.ownerRole')}</label>
                <input
                  id="role-${id}"
                  name="ownerRole"
                  type="text"
                  maxlength="120"
                  value="${c.owner?.kind === 'role' ? c.owner.name : ''}"
                />
              </div>
              <div class="field">
                <label for="due-${id}">${t(lang, 'plan.due')}</label>
                <p class="field-hint" id="due-${id}-hint">${t(lang, 'plan.dueHint')}</p>
                <p class="field-error" id="due-${id}-error" hidden></p>
                <input
                  id="due-${id}"
                  name="due"
                  type="text"
                  inputmode="numeric"
                  maxlength="10"
                  value="${c.due?.text ?? ''}"
                  aria-describedby="due-${id}-hint due-${id}-error"
                  class="input-due"
                />
              </div>
              <div class="field">
                <label for="target-${id}">${t(lang, 'plan.target')}</label>
                <input
                  id="target-${id}"
                  name="target"
                  type="text"
                  maxlength="200"
                  value="${c.target ? (c.target.value !== null ? String(c.target.value) : (c.target.text ?? '')) : ''}"
                />
              </div>
            </div>`
          : ''
      }
      <fieldset class="field measurement">
        <legend>${t(lang, 'plan.addValue')}</legend>
        <div class="field-row">
          <div class="field">
            <label for="mdate-${id}">${t(lang, 'plan.valueDate')}</label>
            <input id="mdate-${id}" name="measurementDate" type="date" value="${v.plan.today}" />
          </div>
          <div class="field">
            <label for="mvalue-${id}">${t(lang, 'plan.value')}${c.baseline?.unit[lang] ? ` (${c.baseline.unit[lang]})` : ''}</label>
            <p class="field-error" id="mvalue-${id}-error" hidden></p>
            <input id="mvalue-${id}" name="measurementValue" type="text" inputmode="decimal" aria-describedby="mvalue-${id}-error" />
          </div>
        </div>
      </fieldset>
      ${
        steps.length
          ? html`<fieldset class="field checklist">
              <legend>${t(lang, 'plan.checklist')}</legend>
              <div class="options">
                ${steps.map(
                  (s, i) =>
                    html`<div class="option">
                      <input type="checkbox" id="step-${id}-${i}" name="step" value="${i}" ${attrs({ checked: s.done })} /><label
                        for="step-${id}-${i}"
                        >${tr(s.step, lang)}</label
                      >
                    </div>`,
                )}
              </div>
            </fieldset>`
          : ''
      }
      <div class="field">
        <label for="notes-${id}">${t(lang, 'plan.notes')}</label>
        <textarea id="notes-${id}" name="notes" rows="3" maxlength="4000">${c.notes ?? ''}</textarea>
      </div>
      <div class="form-actions">
        <button type="submit" class="button button-primary">${t(lang, 'plan.save')}</button>
        ${manage ? html`<button type="button" class="button button-danger button-small commitment-remove">${t(lang, 'plan.remove')}</button>` : ''}
      </div>
    </form>
  </details>`;
}

function commitmentCard(lang: Lang, v: PlanView, c: CommitmentDto): SafeHtml {
  const canUpdate = v.isOwner || (v.canEdit && c.owner?.kind === 'member' && c.owner.userId === v.userId);
  const done = c.checklist.filter((s) => s.done).length;
  const saving = (c.adopted as { saving?: { climateKgCo2ePerYear: number | null } | null }).saving?.climateKgCo2ePerYear ?? null;
  return html`<li
    class="card commitment${c.overdue ? ' is-overdue' : ''}${v.saved === c.id ? ' is-saved' : ''}"
    id="c-${c.id}"
    data-action-id="${c.actionId}"
    data-status="${c.status}"
    tabindex="-1"
  >
    <div class="commitment-head">
      <h3>${tr(c.title, lang)}</h3>
      <span class="badge badge-status-${c.status}">${t(lang, `plan.status.${c.status}`)}</span>
      ${c.overdue && c.due ? html`<span class="badge badge-overdue">${t(lang, 'plan.overdueBy', { days: daysLate(c.due.date, v.plan.today) })}</span>` : ''}
      ${c.carriedFromId ? html`<span class="badge badge-carried">${t(lang, 'plan.carried')}</span>` : ''}
    </div>
    <dl class="commitment-facts">
      <div>
        <dt>${t(lang, 'plan.owner')}</dt>
        <dd>${c.owner ? c.owner.name : html`<span class="muted">${t(lang, 'plan.ownerNone')}</span>`}</dd>
      </div>
      <div>
        <dt>${t(lang, 'plan.due')}</dt>
        <dd class="${c.overdue ? 'overdue-text' : ''}">${dueWords(c, lang)}</dd>
      </div>
      <div>
        <dt>${t(lang, 'plan.steps')}</dt>
        <dd>${c.checklist.length ? `${done} / ${c.checklist.length}` : '—'}</dd>
      </div>
      <div>
        <dt>${t(lang, 'plan.saving')}</dt>
        <dd>
          ${saving === null ? html`<span class="muted">${t(lang, 'plan.notEstimated')}</span>` : t(lang, 'plan.savingKg', { kg: formatNumber(Number(saving.toPrecision(2)), lang, 0) })}
        </dd>
      </div>
    </dl>
    ${c.status === 'dropped' && c.dropReason ? html`<p class="small"><strong>${t(lang, 'plan.dropReason')}</strong> : ${c.dropReason}</p>` : ''}
    ${indicatorBlock(lang, c)} ${c.notes ? html`<p class="commitment-notes small">${c.notes}</p>` : ''}
    <p class="small muted">
      ${t(lang, 'plan.updated', { date: formatInZone(c.updatedAt, lang, v.plan.timeZone) })}${c.updatedByEmail ? ` · ${c.updatedByEmail}` : ''}
    </p>
    ${canUpdate ? editForm(lang, v, c) : ''}
  </li>`;
}

function filtersForm(lang: Lang, v: PlanView): SafeHtml {
  const owners = new Map<string, string>();
  for (const c of v.plan.commitments) owners.set(ownerKey(c), c.owner?.name ?? t(lang, 'plan.ownerNone'));
  const f = v.filters;
  return html`<form
    class="card plan-filters"
    method="get"
    action="/assessments/${v.plan.assessment.id}/plan"
    aria-label="${t(lang, 'plan.filters')}"
  >
    <div class="field">
      <label for="f-view">${t(lang, 'plan.viewBy')}</label>
      <select id="f-view" name="view">
        <option ${attrs({ value: 'status', selected: f.view === 'status' })}>${t(lang, 'plan.byStatus')}</option>
        <option ${attrs({ value: 'owner', selected: f.view === 'owner' })}>${t(lang, 'plan.byOwner')}</option>
      </select>
    </div>
    <div class="field">
      <label for="f-status">${t(lang, 'plan.status')}</label>
      <select id="f-status" name="status">
        <option value="">${t(lang, 'plan.all')}</option>
        ${COMMITMENT_STATUSES.map((s) => html`<option ${attrs({ value: s, selected: f.status === s })}>${t(lang, `plan.status.${s}`)}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="f-owner">${t(lang, 'plan.owner')}</label>
      <select id="f-owner" name="owner">
        <option value="">${t(lang, 'plan.all')}</option>
        ${[...owners.entries()].map(([k, name]) => html`<option ${attrs({ value: k, selected: f.owner === k })}>${name}</option>`)}
      </select>
    </div>
    <div class="field field-check">
      <input type="checkbox" id="f-overdue" name="overdue" value="1" ${attrs({ checked: f.overdueOnly })} />
      <label for="f-overdue">${t(lang, 'plan.overdueOnly')}</label>
    </div>
    <div class="plan-filters-go"><button type="submit" class="button">${t(lang, 'plan.apply')}</button></div>
  </form>`;
}

function lastYearSection(lang: Lang, v: PlanView): SafeHtml {
  const last = v.plan.lastYear;
  if (!last) return html``;
  const carriable = last.commitments.filter((c) => c.canCarry).length;
  return html`<section class="card last-year" aria-labelledby="last-year-title">
    <h2 id="last-year-title">${t(lang, 'plan.lastYearTitle', { year: last.year })}</h2>
    <div class="table-scroll">
      <table class="table table-compact">
        <caption class="visually-hidden">
          ${t(lang, 'plan.lastYearTitle', { year: last.year })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t(lang, 'plan.action')}</th>
            <th scope="col">${t(lang, 'plan.finalStatus')}</th>
            <th scope="col">${t(lang, 'plan.owner')}</th>
            <th scope="col">${t(lang, 'plan.due')}</th>
          </tr>
        </thead>
        <tbody>
          ${last.commitments.map(
            (c) =>
              html`<tr data-last-year-id="${c.id}">
                <th scope="row">${tr(c.title, lang)}</th>
                <td>
                  <span class="badge badge-status-${c.status}">${t(lang, `plan.status.${c.status}`)}</span>
                  ${c.carriedIntoId ? html`<span class="cell-sub">${t(lang, 'plan.carriedInto', { year: v.plan.assessment.year })}</span>` : ''}
                  ${c.dropReason ? html`<span class="cell-sub">${c.dropReason}</span>` : ''}
                </td>
                <td>${c.owner?.name ?? '—'}</td>
                <td>${dueWords(c, lang)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${
      v.isOwner && carriable
        ? html`<p>
            <button type="button" class="button button-primary" id="carry-over">${t(lang, 'plan.carryOver', { count: carriable })}</button>
          </p>`
        : ''
    }
    ${
      last.reviewFirst.length
        ? html`<details class="data-details">
            <summary>${t(lang, 'plan.reviewFirst', { count: last.reviewFirst.length })}</summary>
            <ul class="review-first">
              ${last.reviewFirst.map(
                (q) =>
                  html`<li>
                    <a
                      href="/assessments/${v.plan.assessment.id}?section=${encodeURIComponent(q.sectionId)}&q=${encodeURIComponent(q.questionId)}"
                      >${tr(q.label, lang)}</a
                    >${q.carriedOver ? html` <span class="badge badge-carried">${t(lang, 'plan.toConfirm')}</span>` : ''}
                  </li>`,
              )}
            </ul>
          </details>`
        : ''
    }
  </section>`;
}

function toolsSection(lang: Lang, v: PlanView): SafeHtml {
  const base = `/api/v1/assessments/${v.plan.assessment.id}/plan/export`;
  return html`<section class="card plan-tools" aria-labelledby="tools-title">
    <h2 id="tools-title">${t(lang, 'plan.toolsTitle')}</h2>
    <ul class="download-list">
      <li><a class="button" id="export-xlsx" href="${base}?format=xlsx&lang=${lang}" download>${t(lang, 'plan.xlsx')}</a></li>
      <li><a class="button" id="export-csv" href="${base}?format=csv&lang=${lang}" download>${t(lang, 'plan.csv')}</a></li>
    </ul>
    <h3>${t(lang, 'plan.calendarTitle')}</h3>
    <p class="small">${t(lang, 'plan.calendarLead')}</p>
    <p class="small" id="calendar-status">
      ${v.calendar.active && v.calendar.createdAt ? t(lang, 'plan.calendarActive', { date: formatInZone(v.calendar.createdAt, lang, v.plan.timeZone) }) : t(lang, 'plan.calendarNone')}
    </p>
    <div id="calendar-result" hidden></div>
    ${
      v.isOwner
        ? html`<p class="form-actions">
            <button type="button" class="button" id="calendar-create">
              ${t(lang, v.calendar.active ? 'plan.calendarRenew' : 'plan.calendarCreate')}
            </button>
            ${v.calendar.active ? html`<button type="button" class="button button-danger" id="calendar-revoke">${t(lang, 'plan.calendarRevoke')}</button>` : ''}
          </p>`
        : ''
    }
    <h3>${t(lang, 'plan.timeZoneTitle')}</h3>
    ${
      v.isOwner
        ? html`<form id="timezone-form" class="inline-fields" novalidate>
            <label for="timezone">${t(lang, 'plan.timeZone')}</label>
            <p class="field-error" id="timezone-error" hidden></p>
            <input
              id="timezone"
              name="timeZone"
              type="text"
              value="${v.plan.timeZone}"
              maxlength="64"
              aria-describedby="timezone-error"
              spellcheck="false"
            />
            <button type="submit" class="button button-small">${t(lang, 'plan.save')}</button>
          </form>`
        : html`<p class="small">${v.plan.timeZone}</p>`
    }
  </section>`;
}

function historySection(lang: Lang, v: PlanView): SafeHtml {
  if (!v.history.length) return html``;
  const title = (actionId: string | null) => {
    const c = v.plan.commitments.find((x) => x.actionId === actionId);
    return c ? tr(c.title, lang) : (actionId ?? '');
  };
  return html`<details class="card plan-history">
    <summary><h2>${t(lang, 'plan.historyTitle')}</h2></summary>
    <ol class="history-list">
      ${v.history.map(
        (e) =>
          html`<li>
            <span class="muted small">${formatInZone(e.at, lang, v.plan.timeZone)}</span> · ${e.actorEmail ?? '—'} ·
            ${t(lang, `plan.event.${e.action as 'adopted' | 'updated' | 'removed' | 'carried_over'}`)} :
            <strong>${title(e.actionId)}</strong>
            ${
              Object.keys(e.changes).length && e.action === 'updated'
                ? html`<span class="small">
                    (${Object.keys(e.changes)
                      .map((k) => t(lang, `plan.field.${k as 'status'}`))
                      .join(', ')})</span
                  >`
                : ''
            }
          </li>`,
      )}
    </ol>
  </details>`;
}

export const HISTORY_FIELDS = ['status', 'dropReason', 'owner', 'due', 'target', 'baseline', 'measurements', 'checklist', 'notes'] as const;

export function filterCommitments(commitments: CommitmentDto[], f: PlanFilters): CommitmentDto[] {
  return commitments.filter(
    (c) => (!f.status || c.status === f.status) && (!f.owner || ownerKey(c) === f.owner) && (!f.overdueOnly || c.overdue),
  );
}

export function planPage(ctx: PageContext, v: PlanView): string {
  const { lang } = ctx;
  const { plan } = v;
  const a = plan.assessment;
  const shown = filterCommitments(plan.commitments, v.filters);
  const groups: Array<{ key: string; title: string; items: CommitmentDto[] }> =
    v.filters.view === 'owner'
      ? [...new Set(shown.map(ownerKey))].map((k) => {
          const items = shown.filter((c) => ownerKey(c) === k);
          return { key: k, title: items[0].owner?.name ?? t(lang, 'plan.ownerNone'), items };
        })
      : STATUS_ORDER.map((s) => ({ key: s, title: t(lang, `plan.status.${s}`), items: shown.filter((c) => c.status === s) })).filter(
          (g) => g.items.length,
        );
  const overdue = plan.commitments.filter((c) => c.overdue);
  const main = html`<div class="page-head">
      <p class="breadcrumb">
        <a href="/dashboard">${t(lang, 'nav.dashboard')}</a>
        <span aria-hidden="true">›</span> <a href="/assessments/${a.id}/results">${t(lang, 'results.title', { year: a.year })}</a>
        <span aria-hidden="true">›</span> ${t(lang, 'plan.crumb')}
      </p>
      <h1>${t(lang, 'plan.title', { year: a.year })}</h1>
      <p class="lead">${t(lang, 'plan.lead')}</p>
      <p class="small muted">${t(lang, 'plan.datesIn', { zone: plan.timeZone, today: formatDay(plan.today, lang) })}</p>
    </div>
    ${v.saved ? html`<div class="notice notice-success" role="status" id="saved-notice">${t(lang, 'plan.saved')}</div>` : ''}
    ${
      overdue.length
        ? html`<div class="notice notice-error" role="note" id="overdue-notice">
            <p>${t(lang, 'plan.overdueNotice', { count: overdue.length })}</p>
            <ul>
              ${overdue.map((c) => html`<li><a href="#c-${c.id}">${tr(c.title, lang)}</a> (${dueWords(c, lang)})</li>`)}
            </ul>
          </div>`
        : ''
    }
    <ul class="plan-counts" aria-label="${t(lang, 'plan.countsLabel')}">
      <li><strong>${plan.counts.total}</strong> ${t(lang, 'plan.countTotal')}</li>
      <li><strong>${plan.counts.done}</strong> ${t(lang, 'plan.status.done')}</li>
      <li><strong>${plan.counts.inProgress}</strong> ${t(lang, 'plan.status.in_progress')}</li>
      <li><strong>${plan.counts.notStarted}</strong> ${t(lang, 'plan.status.not_started')}</li>
      <li><strong>${plan.counts.dropped}</strong> ${t(lang, 'plan.status.dropped')}</li>
      <li class="${plan.counts.overdue ? 'overdue-text' : ''}"><strong>${plan.counts.overdue}</strong> ${t(lang, 'plan.countOverdue')}</li>
    </ul>
    <p class="form-error" id="plan-status" role="alert" hidden></p>
    <div class="plan-layout">
      <div class="plan-main">
        ${
          plan.commitments.length
            ? html`${filtersForm(lang, v)}
              ${
                groups.length
                  ? groups.map(
                      (g) =>
                        html`<section class="plan-status-group" aria-labelledby="g-${g.key.replace(/[^\w-]/g, '_')}">
                          <h2 id="g-${g.key.replace(/[^\w-]/g, '_')}">${g.title} <span class="count">(${g.items.length})</span></h2>
                          <ul class="commitment-list">
                            ${g.items.map((c) => commitmentCard(lang, v, c))}
                          </ul>
                        </section>`,
                    )
                  : html`<p class="card empty-state">${t(lang, 'plan.noMatch')}</p>`
              }`
            : html`<div class="card empty-state">
                <p>${t(lang, 'plan.empty')}</p>
                <p><a class="button button-primary" href="/assessments/${a.id}/results#plan-title">${t(lang, 'plan.toResults')}</a></p>
              </div>`
        }
        ${lastYearSection(lang, v)}
      </div>
      <aside class="plan-side">${toolsSection(lang, v)} ${historySection(lang, v)}</aside>
    </div>`;
  return layout(ctx, {
    title: t(lang, 'plan.title', { year: a.year }),
    nav: 'dashboard',
    main,
    scripts: ['plan.js'],
    data: { assessmentId: a.id, year: a.year, lang, today: plan.today, saved: v.saved },
  });
}
