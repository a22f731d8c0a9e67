import type { AssessmentDto } from '../../assessments/assessments.dto.js';
import type { SectionAssignmentDto } from '../../assignments/assignments.dto.js';
import type { OverdueCommitmentDto } from '../../plan/plan.dto.js';
import { mySections } from './assignments.fragment.js';
import { formatDay } from './plan.page.js';
import { attrs, html, type SafeHtml } from '../html.js';
import { formatDate, t, tr, type Lang } from '../i18n.js';
import { layout, type PageContext } from '../layout.js';

export interface DashboardView {
  /** Newest year first. */
  assessments: AssessmentDto[];
  canCreate: boolean;
  welcome: boolean;
  currentYear: number;
  /** Open commitments whose due day has passed, in the organisation's time zone. */
  overdue?: OverdueCommitmentDto[];
  /** The sections assigned to the caller, with their progress. */
  mySections?: SectionAssignmentDto[];
}

export function progressBar(lang: Lang, percent: number, label: string, id?: string): SafeHtml {
  const p = Math.max(0, Math.min(100, Math.round(percent)));
  return html`<div
    class="progress"
    ${attrs({ id: id ?? null, role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': p, 'aria-valuetext': label, 'aria-label': t(lang, 'progress.label') })}
  >
    <span class="progress-fill" style="width:${p}%"></span>
  </div>`;
}

function statusBadge(lang: Lang, status: 'draft' | 'submitted'): SafeHtml {
  return html`<span class="badge badge-${status}">${t(lang, `status.${status}`)}</span>`;
}

function card(lang: Lang, a: AssessmentDto): SafeHtml {
  const label = t(lang, 'progress.text', { answered: a.progress.answered, total: a.progress.total, percent: a.progress.percent });
  const pending = a.copyForward?.pendingConfirmation ?? 0;
  return html`<li class="card assessment-card" data-assessment-id="${a.id}">
    <div class="ac-head">
      <h3 class="ac-year">${t(lang, 'dashboard.assessmentOf', { year: a.year })}</h3>
      ${statusBadge(lang, a.status)}
    </div>
    <div class="ac-progress">
      ${progressBar(lang, a.progress.percent, label)}
      <p class="small">${label}</p>
      ${
        pending
          ? html`<p class="small carried-note">
              ${t(lang, a.status === 'submitted' ? 'dashboard.pendingSubmitted' : 'dashboard.pending', { count: pending })}
            </p>`
          : ''
      }
    </div>
    <dl class="ac-score">
      <div>
        <dt>${t(lang, 'results.score')}</dt>
        <dd data-score>—</dd>
      </div>
      <div>
        <dt>${t(lang, 'results.level')}</dt>
        <dd data-level>—</dd>
      </div>
    </dl>
    <p class="small muted">
      ${a.status === 'submitted' && a.submittedAt ? t(lang, 'dashboard.submittedOn', { date: formatDate(a.submittedAt, lang) }) : t(lang, 'dashboard.updatedOn', { date: formatDate(a.updatedAt, lang) })}
    </p>
    <div class="ac-actions">
      <a class="button ${a.status === 'draft' ? 'button-primary' : ''}" href="/assessments/${a.id}"
        >${t(lang, a.status === 'draft' ? 'dashboard.continue' : 'dashboard.view')}<span class="visually-hidden"> (${a.year})</span></a
      >
      <a class="button" href="/assessments/${a.id}/results"
        >${t(lang, 'dashboard.results')}<span class="visually-hidden"> (${a.year})</span></a
      >
    </div>
  </li>`;
}

function startForm(lang: Lang, v: DashboardView): SafeHtml {
  const years = new Set(v.assessments.map((a) => a.year));
  let year = v.currentYear;
  while (years.has(year) && year > 2000) year--;
  const sources = v.assessments;
  const thisYearDone = years.has(v.currentYear);
  const form = html`<p>${sources.length ? t(lang, 'dashboard.startLeadCopy') : t(lang, 'dashboard.startLead')}</p>
    <form id="start-form" class="stack" novalidate>
      <div class="field">
        <label for="start-year">${t(lang, 'dashboard.year')}</label>
        <p class="field-error" id="start-year-error" hidden></p>
        <input
          id="start-year"
          name="year"
          type="number"
          inputmode="numeric"
          min="2000"
          max="2100"
          step="1"
          value="${year}"
          class="input-year"
          aria-describedby="start-year-error"
        />
      </div>
      ${
        sources.length
          ? html`<fieldset class="field">
              <legend>${t(lang, 'dashboard.from')}</legend>
              <div class="options">
                ${sources.map(
                  (s, i) =>
                    html`<div class="option">
                      <input type="radio" name="from" id="from-${s.id}" value="${s.id}" ${attrs({ checked: i === 0 })} /><label
                        for="from-${s.id}"
                        >${t(lang, 'dashboard.fromYear', { year: s.year })}<span class="option-hint"
                          >${t(lang, 'dashboard.fromYearHint')}</span
                        ></label
                      >
                    </div>`,
                )}
                <div class="option">
                  <input type="radio" name="from" id="from-blank" value="" /><label for="from-blank"
                    >${t(lang, 'dashboard.fromBlank')}</label
                  >
                </div>
              </div>
            </fieldset>`
          : ''
      }
      <p class="form-error" id="start-error" role="alert" hidden></p>
      <div><button type="submit" class="button button-primary">${t(lang, 'dashboard.startButton')}</button></div>
    </form>`;
  // This year's assessment exists: starting another year is rare, so it stays folded.
  if (thisYearDone) {
    return html`<section class="card start-card" aria-label="${t(lang, 'dashboard.startOther')}">
      <details class="start-other">
        <summary><h2 id="start-title">${t(lang, 'dashboard.startOther')}</h2></summary>
        ${form}
      </details>
    </section>`;
  }
  return html`<section class="card start-card" aria-labelledby="start-title">
    <h2 id="start-title">${t(lang, 'dashboard.start', { year })}</h2>
    ${form}
  </section>`;
}

/** The headline: commitments whose due day has passed while not done. */
function overdueHeadline(lang: Lang, overdue: OverdueCommitmentDto[]): SafeHtml {
  if (!overdue.length) return html``;
  return html`<section class="notice notice-error overdue-headline" id="overdue-headline" aria-labelledby="overdue-title">
    <h2 id="overdue-title">${t(lang, 'dashboard.overdueTitle', { count: overdue.length })}</h2>
    <ul>
      ${overdue
        .slice(0, 6)
        .map(
          (o) =>
            html`<li>
              <a href="/assessments/${o.assessmentId}/plan#c-${o.commitmentId}">${tr(o.title, lang)}</a> ·
              ${t(lang, 'dashboard.overdueItem', { date: formatDay(o.due.date, lang), days: o.daysLate, owner: o.owner?.name ?? t(lang, 'plan.ownerNone') })}
            </li>`,
        )}
    </ul>
    ${overdue.length > 6 ? html`<p class="small">${t(lang, 'dashboard.overdueMore', { count: overdue.length - 6 })}</p>` : ''}
  </section>`;
}

export function dashboardPage(ctx: PageContext, v: DashboardView): string {
  const { lang } = ctx;
  const org = ctx.user?.organisationName ?? '';
  const main = html`<div class="page-head">
      <h1>${t(lang, 'dashboard.title')}</h1>
      <p class="lead">${t(lang, 'dashboard.lead', { org })}</p>
    </div>
    ${v.welcome ? html`<div class="notice notice-success" role="status">${t(lang, 'dashboard.welcome')}</div>` : ''}
    ${overdueHeadline(lang, v.overdue ?? [])} ${mySections(lang, v.mySections ?? [])}
    <div class="dashboard-grid${v.assessments.some((a) => a.year === v.currentYear) ? ' is-started' : ''}">
      <section class="dashboard-years" aria-labelledby="years-title">
        <div class="section-head">
          <h2 id="years-title">${t(lang, 'dashboard.years')}</h2>
          ${v.assessments.length >= 2 ? html`<a href="/compare">${t(lang, 'dashboard.compare')}</a>` : ''}
        </div>
        ${
          v.assessments.length
            ? html`<ul class="assessment-list">
                ${v.assessments.map((a) => card(lang, a))}
              </ul>`
            : html`<div class="card empty-state">
                <p>${t(lang, 'dashboard.empty')}</p>
                ${v.canCreate ? '' : html`<p>${t(lang, 'dashboard.emptyViewer')}</p>`}
              </div>`
        }
      </section>
      ${v.canCreate ? startForm(lang, v) : ''}
      <section class="card about-card" aria-labelledby="about-title">
        <h2 id="about-title">${t(lang, 'dashboard.howTitle')}</h2>
        <ol class="steps">
          <li>${t(lang, 'dashboard.how1')}</li>
          <li>${t(lang, 'dashboard.how2')}</li>
          <li>${t(lang, 'dashboard.how3')}</li>
        </ol>
      </section>
    </div>`;
  return layout(ctx, {
    title: t(lang, 'dashboard.title'),
    nav: 'dashboard',
    main,
    scripts: ['dashboard.js'],
  });
}
