import type { AssessmentDto } from '../../assessments/assessments.dto.js';
import { html } from '../html.js';
import { t } from '../i18n.js';
import { layout, type PageContext } from '../layout.js';

/** The shell of the results page; results.js fills it from GET /api/v1/assessments/:id/results. */
export function resultsPage(ctx: PageContext, a: AssessmentDto, canManage = false): string {
  const { lang } = ctx;
  const base = `/api/v1/assessments/${a.id}`;
  const main = html`<div class="page-head">
      <p class="breadcrumb">
        <a href="/dashboard">${t(lang, 'nav.dashboard')}</a>
        <span aria-hidden="true">›</span> ${t(lang, 'dashboard.assessmentOf', { year: a.year })}
      </p>
      <div class="title-row">
        <h1>${t(lang, 'results.title', { year: a.year })}</h1>
        <span class="badge badge-${a.status}">${t(lang, `status.${a.status}`)}</span>
      </div>
      ${a.status === 'draft' ? html`<p class="notice" role="note">${t(lang, 'results.draftNote', { percent: a.progress.percent })} <a href="/assessments/${a.id}">${t(lang, 'results.backToWalk')}</a></p>` : ''}
      ${
        a.copyForward?.pendingConfirmation
          ? html`<p class="notice notice-carried" role="note" id="unconfirmed-note">
              ${t(lang, a.submittedUnreviewed?.length ? 'results.submittedUnreviewed' : 'results.unconfirmed', {
                count: a.copyForward.pendingConfirmation,
                year: a.copyForward.fromYear,
              })}
            </p>`
          : ''
      }
    </div>
    <section class="card downloads" aria-labelledby="dl-title">
      <h2 id="dl-title">${t(lang, 'results.downloads')}</h2>
      <ul class="download-list">
        <li>
          <a class="button button-primary" id="pdf-fr" href="${base}/report.pdf?lang=fr" download="rapport-${a.year}.pdf" hreflang="fr"
            >${t(lang, 'results.pdfFr')}</a
          >
        </li>
        <li>
          <a class="button" id="pdf-en" href="${base}/report.pdf?lang=en" download="report-${a.year}.pdf" hreflang="en"
            >${t(lang, 'results.pdfEn')}</a
          >
        </li>
        <li>
          <a class="button" id="export-csv" href="${base}/export?format=csv&amp;lang=${lang}" download="assessment-${a.year}.csv"
            >${t(lang, 'results.csv')}</a
          >
        </li>
        <li>
          <a class="button" id="export-xlsx" href="${base}/export?format=xlsx&amp;lang=${lang}" download="assessment-${a.year}.xlsx"
            >${t(lang, 'results.xlsx')}</a
          >
        </li>
        <li>
          <a class="button" id="open-plan" href="/assessments/${a.id}/plan">${t(lang, 'results.planPage')}</a>
        </li>
        <li>
          <a class="button" id="export-json" href="${base}/export?format=json" download="assessment-${a.year}.json"
            >${t(lang, 'results.json')}</a
          >
        </li>
      </ul>
      <p class="small muted">${t(lang, 'results.pdfHint')}</p>
    </section>
    <div id="results-root" class="results" aria-busy="true">
      <p class="loading">${t(lang, 'results.loading')}</p>
    </div>`;
  return layout(ctx, {
    title: t(lang, 'results.title', { year: a.year }),
    nav: 'dashboard',
    main,
    scripts: ['results.js'],
    data: { assessmentId: a.id, year: a.year, status: a.status, lang, canManage },
  });
}
