// Dashboard: fills each year's score and level from the results API, and starts a new
// assessment (blank, or from an earlier year's answers).
import { api, fmtScore, msg, problemText, tr } from './lib.js';

async function fillScore(card, id) {
  const result = await api('GET', `/api/v1/assessments/${id}/results`);
  const score = card.querySelector('[data-score]');
  const level = card.querySelector('[data-level]');
  if (!result.ok || !result.data?.overall) {
    score.title = msg('resultsUnavailable');
    return;
  }
  const o = result.data.overall;
  score.textContent = o.score === null ? '—' : `${fmtScore(o.score)} / 100`;
  level.textContent = o.level ? `${o.level} · ${tr(o.levelLabel)}` : msg('noLevel');
  card.dataset.level = String(o.level ?? 0);
}

for (const card of document.querySelectorAll('[data-assessment-id]')) fillScore(card, card.dataset.assessmentId);

const form = document.getElementById('start-form');
form?.addEventListener('submit', async (event) => {
  event.preventDefault();
  const yearInput = form.querySelector('#start-year');
  const yearError = form.querySelector('#start-year-error');
  const formError = form.querySelector('#start-error');
  const button = form.querySelector('button[type=submit]');
  yearError.hidden = true;
  formError.hidden = true;
  yearInput.removeAttribute('aria-invalid');
  const year = Number(yearInput.value);
  const showYearError = (text) => {
    yearError.textContent = text;
    yearError.hidden = false;
    yearInput.setAttribute('aria-invalid', 'true');
    yearInput.focus();
  };
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return showYearError(msg('yearInvalid'));
  const from = form.querySelector('input[name=from]:checked')?.value || '';
  button.disabled = true;
  const result = await api('POST', '/api/v1/assessments', from ? { year, copyFromAssessmentId: from } : { year });
  if (result.ok) {
    location.href = `/assessments/${result.data.id}`;
    return;
  }
  button.disabled = false;
  if (result.status === 409 && result.data?.errors?.[0]?.field === 'year') return showYearError(msg('yearTaken', { year }));
  if (result.status === 400 && result.data?.errors?.some((e) => e.field === 'year')) return showYearError(msg('yearInvalid'));
  formError.textContent = problemText(result);
  formError.hidden = false;
});

// The welcome message is shown once: a reload should not show it again.
if (new URLSearchParams(location.search).has('welcome')) history.replaceState(null, '', location.pathname);
