import type { AssessmentSummaryDto } from '../../assessments/assessments.dto.js';
import { attrs, html } from '../html.js';
import { t } from '../i18n.js';
import { layout, type PageContext } from '../layout.js';

export interface CompareView {
  /** Newest year first. */
  assessments: AssessmentSummaryDto[];
  from: string | null;
  to: string | null;
}

/** Pick two years and see the deltas; the trend over all years below. compare.js fills both. */
export function comparePage(ctx: PageContext, v: CompareView): string {
  const { lang } = ctx;
  const options = (selected: string | null) =>
    v.assessments.map((a) => html`<option${attrs({ value: a.id, selected: a.id === selected })}>${a.year}</option>`);
  const main = html`<div class="page-head">
      <h1>${t(lang, 'compare.title')}</h1>
      <p class="lead">${t(lang, 'compare.lead')}</p>
    </div>
    ${
      v.assessments.length < 2
        ? html`<div class="card empty-state">
            <p>${t(lang, 'compare.needTwo')}</p>
            <p><a class="button button-primary" href="/dashboard">${t(lang, 'error.backDashboard')}</a></p>
          </div>`
        : html`<form class="card compare-form" id="compare-form" method="get" action="/compare">
              <div class="compare-pick">
                <div class="field">
                  <label for="from">${t(lang, 'compare.from')}</label
                  ><select id="from" name="from">
                    ${options(v.from)}
                  </select>
                </div>
                <span class="compare-arrow" aria-hidden="true">→</span>
                <div class="field">
                  <label for="to">${t(lang, 'compare.to')}</label
                  ><select id="to" name="to">
                    ${options(v.to)}
                  </select>
                </div>
                <div class="compare-go"><button type="submit" class="button button-primary">${t(lang, 'compare.submit')}</button></div>
              </div>
              <p class="form-error" id="compare-error" role="alert" hidden></p>
            </form>
            <div id="compare-root" class="compare-results" aria-live="polite"></div>`
    }
    <section class="trend" aria-labelledby="trend-title">
      <h2 id="trend-title">${t(lang, 'compare.trendTitle')}</h2>
      <div id="trend-root"><p class="loading">${t(lang, 'results.loading')}</p></div>
    </section>`;
  return layout(ctx, {
    title: t(lang, 'compare.title'),
    nav: 'compare',
    main,
    scripts: ['compare.js'],
    data: { from: v.from, to: v.to, lang, years: Object.fromEntries(v.assessments.map((a) => [a.id, a.year])) },
  });
}
