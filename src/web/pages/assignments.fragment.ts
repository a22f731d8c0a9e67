/** Sections assigned to colleagues, as the dashboard and the walk show them. */
import type { SectionAssignmentDto } from '../../assignments/assignments.dto.js';
import { attrs, html, type SafeHtml } from '../html.js';
import { t, tr, type Lang } from '../i18n.js';
import { progressBar } from './dashboard.page.js';

/** The dashboard's "your sections": each with its assessment's year and its progress. */
export function mySections(lang: Lang, items: SectionAssignmentDto[]): SafeHtml {
  if (!items.length) return html``;
  return html`<section class="card my-sections" id="my-sections" aria-labelledby="my-sections-title">
    <h2 id="my-sections-title">${t(lang, items.length === 1 ? 'assign.mineTitle.one' : 'assign.mineTitle.other')}</h2>
    <ul class="my-sections-list">
      ${items.map((a) => {
        const label = t(lang, 'progress.text', { answered: a.progress.answered, total: a.progress.total, percent: a.progress.percent });
        return html`<li class="my-section" data-assigned-section="${a.sectionId}" data-assessment="${a.assessmentId}">
          <p>
            <a href="/assessments/${a.assessmentId}?section=${encodeURIComponent(a.sectionId)}">${tr(a.sectionTitle, lang)}</a>
            <span class="muted small"> · ${t(lang, 'dashboard.assessmentOf', { year: a.year })}</span>
          </p>
          ${progressBar(lang, a.progress.percent, label)}
          <p class="small" data-section-progress>${label}</p>
        </li>`;
      })}
    </ul>
  </section>`;
}

/** The small label under a section's name in the walk's list: who holds it. */
export function assigneeLabel(lang: Lang, email: string | undefined, selfEmail: string | undefined): SafeHtml {
  if (!email) return html``;
  return html`<span class="sn-assignee small muted" data-assignee
    >${email === selfEmail ? t(lang, 'assign.toYou') : t(lang, 'assign.to', { name: email })}</span
  >`;
}

/** The owner's control, in the walk's section heading: hand this section to a member, or take it back. */
export function assignControl(
  lang: Lang,
  v: { assessmentId: string; sectionId: string; members: Array<{ id: string; email: string }>; current: string | null },
): SafeHtml {
  return html`<form class="assign-form" id="assign-form" data-assessment="${v.assessmentId}" data-section="${v.sectionId}" novalidate>
    <label for="assign-member">${t(lang, 'assign.label')}</label>
    <select id="assign-member" name="userId">
      <option value="" ${attrs({ selected: v.current === null })}>${t(lang, 'assign.nobody')}</option>
      ${v.members.map((m) => html`<option ${attrs({ value: m.id, selected: m.id === v.current })}>${m.email}</option>`)}
    </select>
    <button type="submit" class="button button-small">${t(lang, 'assign.submit')}</button>
    <span class="small" id="assign-status" role="status"></span>
  </form>`;
}
