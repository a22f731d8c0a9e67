// The questionnaire walk: every answer is saved as soon as it is given (PUT with the version
// last read), conditional questions follow the answers, a colleague's concurrent edit opens a
// "keep theirs / keep mine" choice, carried-over answers wait for a confirmation.
import { parseDecimal } from './decimal.js';
import { announce, api, fmtNumber, fmtTime, h, lang, msg, problemText, readJson } from './lib.js';
import { isAnswered, visibleQuestionIds } from './visibility.js';

const data = readJson('page-data');
const form = document.getElementById('questions');
const base = `/api/v1/assessments/${data.assessmentId}`;
const questions = data.questions;
const questionById = new Map(questions.map((q) => [q.id, q]));
/** Server state of each answer: { value, version, carriedOver, comment }. */
const answers = new Map(Object.entries(data.answers));
const blocks = new Map([...form.querySelectorAll('.question')].map((el) => [el.dataset.qid, el]));
let readOnly = data.readOnly;

/** A number field whose text is not read as a number: { problem, raw } (decimal.js says why). */
class BadNumber {
  constructor(problem, raw) {
    this.problem = problem;
    this.raw = raw;
  }
}
/** A number as typed back into its field: the page's decimal separator, no grouping. */
const numberText = (value) => (lang === 'fr' ? String(value).replace('.', ',') : String(value));
/** "I don't know": the value on yes/no and number questions that allow it (an option id on choice questions). */
const DONT_KNOW = 'dont_know';
const chains = new Map();
/** How long a choice reached with the arrow keys waits before it is saved (leaving the group saves it at once). */
const CHOICE_PAUSE_MS = 1500;
const ARROW_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);
let lastArrowKey = 0;
const timers = new Map();
let inFlight = 0;
let unsaved = new Set();

// ------------------------------------------------------------------ reading and writing the form

function valueInputs(el) {
  return [...el.querySelectorAll('input, textarea, select')].filter((i) => !i.classList.contains('q-comment-input'));
}

function readValue(q, el) {
  switch (q.type) {
    case 'boolean': {
      const checked = el.querySelector('input[type=radio]:checked');
      if (!checked) return null;
      return checked.value === DONT_KNOW ? DONT_KNOW : checked.value === 'true';
    }
    case 'single_choice':
    case 'scale': {
      const select = el.querySelector('select.q-select');
      if (select) return select.value || null;
      const checked = el.querySelector('input[type=radio]:checked');
      return checked ? checked.value : null;
    }
    case 'multi_choice': {
      const ids = [...el.querySelectorAll('input[type=checkbox]:checked')].map((i) => i.value);
      return ids.length ? ids : null;
    }
    case 'number': {
      if (el.querySelector('.q-dontknow')?.checked) return DONT_KNOW;
      const raw = el.querySelector('.q-number').value.trim();
      if (raw === '') return null;
      const parsed = parseDecimal(raw);
      return parsed.ok ? parsed.value : new BadNumber(parsed.problem, raw);
    }
    default: {
      const text = el.querySelector('textarea:not(.q-comment-input)').value;
      return text.trim() ? text : null;
    }
  }
}

function writeValue(q, el, value) {
  if (q.type === 'number') {
    const input = el.querySelector('.q-number');
    input.value = typeof value === 'number' ? numberText(value) : '';
    const dontKnow = el.querySelector('.q-dontknow');
    if (dontKnow) {
      dontKnow.checked = value === DONT_KNOW;
      input.disabled = readOnly || value === DONT_KNOW;
    }
  } else if (q.type === 'text') {
    el.querySelector('textarea:not(.q-comment-input)').value = typeof value === 'string' ? value : '';
  } else if (el.querySelector('select.q-select')) {
    el.querySelector('select.q-select').value = typeof value === 'string' ? value : '';
  } else {
    const chosen = new Set(Array.isArray(value) ? value : value === null || value === undefined ? [] : [String(value)]);
    for (const input of el.querySelectorAll('.options input')) input.checked = chosen.has(input.value);
  }
}

function valueLabel(q, value) {
  if (value === null || value === undefined) return msg('noAnswer');
  if (value === DONT_KNOW && (q.type === 'boolean' || q.type === 'number')) return msg('dontKnow');
  switch (q.type) {
    case 'boolean':
      return value ? msg('yes') : msg('no');
    case 'number':
      return `${fmtNumber(value, 2)}${q.unit ? ` ${q.unit}` : ''}`;
    case 'text':
      return value.length > 200 ? `${value.slice(0, 200)}…` : value;
    default: {
      const ids = Array.isArray(value) ? value : [value];
      return ids.map((id) => (q.options || []).find((o) => o.id === id)?.label ?? id).join(', ');
    }
  }
}

const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

// ------------------------------------------------------------------ per-question state shown

function setState(el, text, kind = '') {
  const state = el.querySelector('.q-state');
  state.textContent = text;
  state.className = `q-state${kind ? ` is-${kind}` : ''}`;
}

function showError(el, text) {
  const error = el.querySelector('.q-error');
  error.textContent = text;
  error.hidden = !text;
  for (const input of valueInputs(el)) {
    if (text) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
  el.classList.toggle('has-error', Boolean(text));
}

function errorMessage(q, result) {
  const first = result.data?.errors?.[0];
  switch (first?.rule) {
    case 'min':
      return msg('errMin', { min: fmtNumber(q.min, 2) });
    case 'max':
      return msg('errMax', { max: fmtNumber(q.max, 2) });
    case 'integer':
      return msg('errInteger');
    case 'maxLength':
      return first.field === 'comment' ? msg('errCommentLength') : msg('errMaxLength', { max: q.maxLength ?? 2000 });
    case 'exclusive':
      return msg('errExclusive');
    case 'notEmpty':
      return msg('errNotEmpty');
    case 'type':
    case 'option':
      return msg('errType');
    case 'decimal':
      return msg('errNumber');
    default:
      return problemText(result);
  }
}

function refreshAnswerUi(q, el) {
  const a = answers.get(q.id);
  const answered = a && isAnswered(a.value);
  el.classList.toggle('is-carried', Boolean(a?.carriedOver));
  el.querySelector('.badge-carried').hidden = !a?.carriedOver;
  const confirm = el.querySelector('.q-confirm');
  if (confirm) confirm.hidden = !a?.carriedOver;
  const change = el.querySelector('.q-change');
  if (change) change.hidden = !a?.carriedOver;
  const clear = el.querySelector('.q-clear');
  if (clear) clear.hidden = !answered;
  const comment = el.querySelector('.q-comment-input');
  if (comment && !readOnly) {
    comment.disabled = !answered;
    el.querySelector(`#ch${el.dataset.n}`).textContent = answered ? msg('commentHint') : msg('commentNeedsAnswer');
  }
  const summary = el.querySelector('.q-comment summary');
  if (summary) summary.textContent = a?.comment ? msg('commentHas') : msg('commentAdd');
}

// ------------------------------------------------------------------ visibility and progress

function refreshVisibility() {
  const values = {};
  for (const [id, a] of answers) if (isAnswered(a.value)) values[id] = a.value;
  const visible = visibleQuestionIds(questions, values);
  let shown = 0;
  let hidden = 0;
  for (const [id, el] of blocks) {
    const show = visible.has(id);
    if (el.hidden === show) {
      el.hidden = !show;
      if (show) shown++;
      else hidden++;
    }
  }
  if (shown) announce(msg('questionsShown', { count: shown }));
  else if (hidden) announce(msg('questionsHidden', { count: hidden }));
}

let progressTimer;
function scheduleProgress() {
  window.clearTimeout(progressTimer);
  progressTimer = window.setTimeout(refreshProgress, 250);
}

async function refreshProgress() {
  const result = await api('GET', base);
  if (!result.ok || !result.data) return;
  const a = result.data;
  const text = msg('progressText', { answered: a.progress.answered, total: a.progress.total, percent: a.progress.percent });
  const bar = document.getElementById('overall-progress');
  if (bar) {
    bar.setAttribute('aria-valuenow', String(a.progress.percent));
    bar.setAttribute('aria-valuetext', text);
    bar.querySelector('.progress-fill').style.width = `${a.progress.percent}%`;
  }
  const label = document.getElementById('overall-progress-text');
  if (label) label.textContent = text;
  for (const s of a.sections) {
    const item = document.querySelector(`.section-nav li[data-section="${CSS.escape(s.id)}"]`);
    if (!item) continue;
    item.querySelector('[data-section-count]').textContent = msg('sectionCount', { answered: s.answered, total: s.total });
    item.querySelector('.mini-bar span').style.width = `${s.percent}%`;
    item.classList.toggle('is-done', s.total > 0 && s.answered === s.total);
  }
  const missing = document.getElementById('required-missing');
  if (missing) {
    missing.dataset.count = String(a.requiredMissing);
    missing.textContent = a.requiredMissing ? msg('requiredMissing', { count: a.requiredMissing }) : msg('requiredDone');
  }
  const notice = document.getElementById('carried-notice');
  if (notice && a.copyForward) {
    const pending = a.copyForward.pendingConfirmation;
    if (!pending) notice.hidden = true;
    else notice.querySelector('p').textContent = msg('carriedNotice', { count: pending, year: a.copyForward.fromYear });
  }
  const confirmSection = document.getElementById('confirm-section');
  if (confirmSection) confirmSection.hidden = ![...blocks.keys()].some((id) => answers.get(id)?.carriedOver);
  const overall = document.getElementById('sn-overall');
  if (overall) overall.textContent = text;
  refreshReviewCount();
}

/** The current section's "reviewed / carried" count in the section list (only this page changes it). */
function refreshReviewCount() {
  const item = document.querySelector(`.section-nav li[data-section="${CSS.escape(data.sectionId)}"] [data-section-review]`);
  if (!item) return;
  const carried = Number(item.dataset.carried);
  const pending = [...blocks].filter(([id, el]) => !el.hidden && answers.get(id)?.carriedOver).length;
  item.textContent = msg('reviewedCount', { reviewed: Math.max(0, carried - pending), carried });
}

// ------------------------------------------------------------------ saving

function updateIndicator() {
  const indicator = document.getElementById('save-indicator');
  if (!indicator) return;
  if (inFlight > 0) {
    indicator.textContent = msg('saving');
    indicator.className = 'save-indicator is-saving';
  } else if (unsaved.size) {
    indicator.textContent = msg('notSavedShort');
    indicator.className = 'save-indicator is-error';
  } else {
    indicator.textContent = msg('allSaved');
    indicator.className = 'save-indicator is-saved';
  }
}

let queued = 0;
/** Exposes the number of saves still to come (the browser tests wait for 0). */
function markPending() {
  form.dataset.pending = String(queued + timers.size);
}

/** Runs the saves of one question one after the other, so versions follow each other. */
function enqueue(qid, task) {
  queued++;
  markPending();
  const next = (chains.get(qid) || Promise.resolve()).then(task, task).finally(() => {
    queued--;
    markPending();
  });
  chains.set(qid, next);
  return next;
}

function scheduleSave(qid, delay) {
  window.clearTimeout(timers.get(qid));
  timers.set(
    qid,
    window.setTimeout(() => {
      timers.delete(qid);
      enqueue(qid, () => saveFromForm(qid));
    }, delay),
  );
  markPending();
}

/** Saves what the form shows for this question, if it differs from the server's answer. */
async function saveFromForm(qid, { confirm = false } = {}) {
  if (readOnly) return;
  const q = questionById.get(qid);
  const el = blocks.get(qid);
  const value = readValue(q, el);
  if (value instanceof BadNumber) {
    setState(el, msg('notSaved'), 'error');
    showError(el, value.problem === 'ambiguous' ? msg('errAmbiguous', { raw: value.raw }) : msg('errNumber'));
    return;
  }
  const current = answers.get(qid) || { value: null, version: 0, carriedOver: false, comment: null };
  const comment = commentOf(el);
  const valueChanged = !same(value, current.value);
  // The answer and its comment are separate fields: only the one changed here is sent, so that a
  // colleague's edit of the other is never overwritten with what this page showed before it.
  const commentChanged = value !== null && comment !== (current.comment ?? null);
  if (!valueChanged && !commentChanged && !(confirm && current.carriedOver)) return;
  await send(q, el, { value, comment: commentChanged ? comment : undefined, valueChanged }, current.version);
}

function commentOf(el) {
  const input = el.querySelector('.q-comment-input');
  if (!input) return null;
  return input.value.trim() ? input.value : null;
}

/** Sends one change: { value, comment (undefined: left as it is), valueChanged }. */
async function send(q, el, change, expectedVersion, retried = false) {
  const { value, comment } = change;
  inFlight++;
  updateIndicator();
  setState(el, msg('saving'), 'saving');
  let result;
  if (value === null) {
    result =
      expectedVersion > 0
        ? await api('DELETE', `${base}/answers/${encodeURIComponent(q.id)}?expectedVersion=${expectedVersion}`)
        : { ok: true, status: 204, data: null };
  } else {
    const body = { value, expectedVersion };
    if (comment !== undefined) body.comment = comment;
    result = await api('PUT', `${base}/answers/${encodeURIComponent(q.id)}`, body);
  }
  inFlight--;
  handleResult(q, el, change, expectedVersion, result, retried);
  updateIndicator();
}

function handleResult(q, el, change, expectedVersion, result, retried) {
  const { value } = change;
  if (result.ok) {
    unsaved.delete(q.id);
    const previous = answers.get(q.id);
    if (value === null) {
      answers.set(q.id, {
        value: null,
        version: expectedVersion > 0 ? expectedVersion + 1 : expectedVersion,
        carriedOver: false,
        comment: previous?.comment ?? null,
      });
      setState(el, msg('cleared'), 'saved');
    } else {
      const a = result.data;
      answers.set(q.id, { value: a.value, version: a.version, carriedOver: Boolean(a.carriedOver), comment: a.comment ?? null });
      setState(el, msg('savedAt', { time: fmtTime() }), 'saved');
    }
    showError(el, '');
    hideConflict(el);
    refreshAnswerUi(q, el);
    refreshVisibility();
    scheduleProgress();
    announce(value === null ? msg('cleared') : msg('saved'));
    return;
  }
  if (result.status === 409 && result.data && 'currentVersion' in result.data) {
    const current = result.data.current;
    const mine = answers.get(q.id);
    // Nobody's answer is lost when both sides have none (e.g. an answer cleared earlier): just take the version.
    if (!retried && current === null && (!mine || !isAnswered(mine.value))) {
      answers.set(q.id, { value: null, version: result.data.currentVersion, carriedOver: false, comment: null });
      enqueue(q.id, () => send(q, el, change, result.data.currentVersion, true));
      return;
    }
    unsaved.add(q.id);
    setState(el, msg('conflictState'), 'error');
    showConflict(q, el, change, result.data);
    return;
  }
  unsaved.add(q.id);
  if (result.status === 400) {
    setState(el, msg('notSaved'), 'error');
    showError(el, errorMessage(q, result));
    return;
  }
  if (result.status === 409 || result.status === 403) {
    setState(el, msg('notSaved'), 'error');
    showError(el, problemText(result));
    const locked = String(result.data?.type || '').endsWith(':assessment-locked');
    if (result.status === 403 || locked) lockPage(result.status === 403 ? msg('readOnlyViewer') : msg('readOnlySubmitted'));
    return;
  }
  setState(el, msg('notSaved'), 'error');
  showError(el, problemText(result));
  if (result.status === 0) {
    const retry = h(
      'button',
      { type: 'button', class: 'button-link', onclick: () => enqueue(q.id, () => saveFromForm(q.id)) },
      msg('retry'),
    );
    el.querySelector('.q-error').append(' ', retry);
  }
}

// ------------------------------------------------------------------ conflicts

function hideConflict(el) {
  const panel = el.querySelector('.q-conflict');
  panel.hidden = true;
  panel.replaceChildren();
}

/**
 * A colleague changed this answer since the page read it. The panel shows every field that differs
 * (the answer, the comment) between theirs and what this page would write; "keep mine" writes only
 * the fields changed here, so a field changed by the colleague alone stays theirs.
 */
function showConflict(q, el, change, problem) {
  const current = problem.current;
  const theirs = current ? current.value : null;
  const theirComment = current?.comment ?? null;
  const base = answers.get(q.id) || { value: null, comment: null };
  const mine = change.valueChanged ? change.value : base.value;
  const commentChanged = change.comment !== undefined;
  const who = current?.answeredByEmail || msg('aColleague');
  const panel = el.querySelector('.q-conflict');
  const quote = (c) => (lang === 'fr' ? `« ${c} »` : `“${c}”`);
  const commentText = (c) => (c ? quote(c.length > 200 ? `${c.slice(0, 200)}…` : c) : msg('noComment'));
  const keepTheirs = () => {
    answers.set(
      q.id,
      current
        ? { value: current.value, version: current.version, carriedOver: Boolean(current.carriedOver), comment: theirComment }
        : { value: null, version: problem.currentVersion, carriedOver: false, comment: null },
    );
    writeValue(q, el, theirs);
    const commentInput = el.querySelector('.q-comment-input');
    if (commentInput) commentInput.value = theirComment ?? '';
    unsaved.delete(q.id);
    hideConflict(el);
    showError(el, '');
    setState(el, msg('keptTheirs'), 'saved');
    refreshAnswerUi(q, el);
    refreshVisibility();
    scheduleProgress();
    updateIndicator();
    valueInputs(el)[0]?.focus();
  };
  const keepMine = () => {
    hideConflict(el);
    const version = problem.currentVersion ?? current?.version ?? 0;
    answers.set(q.id, { value: theirs, version, carriedOver: false, comment: theirComment });
    const merged = change.valueChanged ? change.value : theirs;
    if (!commentChanged) {
      // Their comment stays: show it in the field, since it is what will be kept.
      const commentInput = el.querySelector('.q-comment-input');
      if (commentInput) commentInput.value = theirComment ?? '';
    }
    if (!change.valueChanged) writeValue(q, el, theirs);
    enqueue(q.id, () =>
      send(q, el, { value: merged, comment: merged === null ? undefined : change.comment, valueChanged: true }, version, true),
    );
    valueInputs(el)[0]?.focus();
  };
  const rows = [];
  if (!same(theirs, mine)) {
    rows.push(
      h(
        'div',
        { class: 'conflict-field', 'data-field': 'value' },
        h('p', { class: 'conflict-field-name' }, msg('conflictAnswer')),
        h(
          'dl',
          { class: 'conflict-values' },
          h('div', {}, h('dt', {}, msg('theirAnswer')), h('dd', {}, valueLabel(q, theirs))),
          h(
            'div',
            {},
            h('dt', {}, msg('yourAnswer')),
            h('dd', {}, change.valueChanged ? valueLabel(q, mine) : msg('notChangedKeepTheirs')),
          ),
        ),
      ),
    );
  }
  const myComment = commentChanged ? change.comment : (base.comment ?? null);
  if ((theirComment ?? null) !== (myComment ?? null) || (commentChanged && (theirComment ?? null) !== (base.comment ?? null))) {
    rows.push(
      h(
        'div',
        { class: 'conflict-field', 'data-field': 'comment' },
        h('p', { class: 'conflict-field-name' }, msg('conflictComment')),
        h(
          'dl',
          { class: 'conflict-values' },
          h('div', {}, h('dt', {}, msg('theirComment')), h('dd', {}, commentText(theirComment))),
          h(
            'div',
            {},
            h('dt', {}, msg('yourComment')),
            h('dd', {}, commentChanged ? commentText(change.comment) : msg('notChangedKeepTheirs')),
          ),
        ),
      ),
    );
  }
  panel.replaceChildren(
    h('p', { class: 'conflict-title' }, h('strong', {}, msg('conflictTitle', { who }))),
    ...rows,
    h(
      'p',
      { class: 'conflict-actions' },
      h('button', { type: 'button', class: 'button button-small', onclick: keepTheirs }, msg('keepTheirs')),
      h('button', { type: 'button', class: 'button button-small button-primary', onclick: keepMine }, msg('keepMine')),
    ),
  );
  panel.hidden = false;
  panel.setAttribute('role', 'alert');
}

// ------------------------------------------------------------------ read-only, submit, reopen

function lockPage(reason) {
  if (readOnly) return;
  readOnly = true;
  for (const input of form.querySelectorAll('input, textarea, button')) input.disabled = true;
  for (const b of document.querySelectorAll('.q-buttons, #confirm-section')) b.hidden = true;
  const notice = h('div', { class: 'notice', role: 'alert' }, reason);
  document.querySelector('.walk-layout')?.before(notice);
}

function setChildren(el, ...children) {
  el.replaceChildren(...children.filter(Boolean));
}

function renderMissing(box, missing) {
  // replaceChildren() would write a null child as the text "null": leave it out.
  setChildren(
    box,
    h('p', {}, msg('missingTitle', { count: missing.length })),
    h(
      'ul',
      { class: 'missing-list' },
      missing.slice(0, 12).map((m) =>
        h(
          'li',
          {},
          h(
            'a',
            {
              href: `/assessments/${data.assessmentId}?section=${encodeURIComponent(m.sectionId)}&q=${encodeURIComponent(m.questionId)}`,
            },
            m.label?.[document.documentElement.lang] || m.label?.fr || m.questionId,
          ),
        ),
      ),
    ),
    missing.length > 12 ? h('p', {}, msg('andMore', { count: missing.length - 12 })) : null,
  );
  box.hidden = false;
}

/** Carried-over answers nobody confirmed: listed, with an explicit "submit them as they are" (recorded). */
function renderUnconfirmed(box, problem, submitAnyway) {
  const list = problem.unconfirmed;
  // replaceChildren() would write a null child as the text "null": leave it out.
  setChildren(
    box,
    h('p', {}, msg('unconfirmedTitle', { count: list.length, year: problem.fromYear ?? data.copyYear ?? '' })),
    h(
      'ul',
      { class: 'missing-list', id: 'unconfirmed-list' },
      list.slice(0, 12).map((m) =>
        h(
          'li',
          {},
          h(
            'a',
            {
              href: `/assessments/${data.assessmentId}?section=${encodeURIComponent(m.sectionId)}&q=${encodeURIComponent(m.questionId)}`,
            },
            m.label?.[document.documentElement.lang] || m.label?.fr || m.questionId,
          ),
        ),
      ),
    ),
    list.length > 12 ? h('p', {}, msg('andMore', { count: list.length - 12 })) : null,
    h('p', { class: 'small' }, msg('submitUnreviewedHint')),
    h('p', {}, h('button', { type: 'button', class: 'button', id: 'submit-unreviewed', onclick: submitAnyway }, msg('submitUnreviewed'))),
  );
  box.hidden = false;
}

async function settle() {
  for (const [qid, timer] of timers) {
    window.clearTimeout(timer);
    enqueue(qid, () => saveFromForm(qid));
  }
  timers.clear();
  await Promise.all([...chains.values()]);
}

function wireLifecycle() {
  const box = document.getElementById('lifecycle-error');
  const submit = document.getElementById('submit-button');
  const submitWith = async (confirmUnreviewed) => {
    submit.disabled = true;
    box.hidden = true;
    await settle();
    const result = await api('POST', `${base}/submit`, confirmUnreviewed ? { confirmUnreviewed: true } : {});
    submit.disabled = false;
    if (result.ok) {
      location.href = `/assessments/${data.assessmentId}/results?submitted=1`;
      return;
    }
    if (result.status === 409 && Array.isArray(result.data?.missing)) renderMissing(box, result.data.missing);
    else if (result.status === 409 && Array.isArray(result.data?.unconfirmed)) renderUnconfirmed(box, result.data, () => submitWith(true));
    else {
      box.textContent = problemText(result);
      box.hidden = false;
    }
    box.setAttribute('tabindex', '-1');
    box.focus();
  };
  submit?.addEventListener('click', () => submitWith(false));
  const reopen = document.getElementById('reopen-button');
  reopen?.addEventListener('click', async () => {
    reopen.disabled = true;
    const result = await api('POST', `${base}/reopen`);
    if (result.ok) {
      location.reload();
      return;
    }
    reopen.disabled = false;
    box.textContent = problemText(result);
    box.hidden = false;
  });
}

// ------------------------------------------------------------------ wiring the questions

function wireQuestion(el) {
  const q = questionById.get(el.dataset.qid);
  if (!q) return;
  const comment = el.querySelector('.q-comment-input');
  el.addEventListener('change', (event) => {
    const target = event.target;
    if (target === comment) {
      enqueue(q.id, () => saveFromForm(q.id));
      return;
    }
    if (target.classList.contains('q-dontknow')) {
      // "I don't know" empties and locks the number; unticking it lets one type a number again.
      const input = el.querySelector('.q-number');
      input.disabled = target.checked;
      if (target.checked) input.value = '';
      else input.focus();
    }
    if (q.type === 'multi_choice' && target.checked) {
      // "None of these" excludes every other option, and the other way round.
      const exclusive = target.dataset.exclusive === 'true';
      for (const other of el.querySelectorAll('.options input[type=checkbox]')) {
        if (other !== target && other.checked && (exclusive || other.dataset.exclusive === 'true')) other.checked = false;
      }
    }
    if (target.type === 'radio' || target.tagName === 'SELECT') {
      // Arrow keys move through radio options (and a closed select) one change at a time: save when
      // the person leaves the group or pauses, not each option passed on the way. A click saves at once.
      if (Date.now() - lastArrowKey < 400) {
        scheduleSave(q.id, CHOICE_PAUSE_MS);
        return;
      }
    }
    window.clearTimeout(timers.get(q.id));
    timers.delete(q.id);
    enqueue(q.id, () => saveFromForm(q.id));
    markPending();
  });
  el.addEventListener('keydown', (event) => {
    if (ARROW_KEYS.has(event.key) && (event.target.type === 'radio' || event.target.tagName === 'SELECT')) lastArrowKey = Date.now();
  });
  el.addEventListener('focusout', (event) => {
    // Leaving the options (Tab, a click elsewhere) saves the choice reached with the arrow keys.
    const group = event.target.closest?.('.options, .q-fieldset');
    if (!group || (event.relatedTarget && group.contains(event.relatedTarget))) return;
    if (!timers.has(q.id) || (q.type !== 'single_choice' && q.type !== 'scale' && q.type !== 'boolean')) return;
    window.clearTimeout(timers.get(q.id));
    timers.delete(q.id);
    enqueue(q.id, () => saveFromForm(q.id));
    markPending();
  });
  el.addEventListener('input', (event) => {
    const target = event.target;
    if (target === comment) return;
    if (q.type === 'number' || q.type === 'text') scheduleSave(q.id, q.type === 'number' ? 700 : 1200);
  });
  el.querySelector('.q-confirm')?.addEventListener('click', async () => {
    await confirmAnswer(q.id);
    // Focus goes on to the next answer to review, never to the page body (the button just hid).
    if (!answers.get(q.id)?.carriedOver) focusNextToReview(q.id);
  });
  el.querySelector('.q-change')?.addEventListener('click', () => {
    const first = el.querySelector('.options input:checked') || valueInputs(el)[0];
    first?.focus();
  });
  el.querySelector('.q-clear')?.addEventListener('click', () => {
    writeValue(q, el, null);
    enqueue(q.id, () => saveFromForm(q.id));
    valueInputs(el)[0]?.focus();
  });
}

function confirmAnswer(qid) {
  return enqueue(qid, () => saveFromForm(qid, { confirm: true }));
}

/** After a confirmation: the next carried-over answer of the section to review, else the next section. */
function focusNextToReview(qid) {
  const ids = [...blocks.keys()];
  const after = ids.slice(ids.indexOf(qid) + 1).concat(ids.slice(0, ids.indexOf(qid)));
  const next = after.find((id) => !blocks.get(id).hidden && answers.get(id)?.carriedOver);
  if (next) {
    const button = blocks.get(next).querySelector('.q-confirm');
    blocks.get(next).scrollIntoView({ block: 'center' });
    button.focus({ preventScroll: true });
    return;
  }
  announce(msg('reviewDone'));
  const onward = document.querySelector('.section-pager a[rel=next]') || document.getElementById('submit-button');
  onward?.focus();
}

function focusResume() {
  const fromHash = location.hash.startsWith('#q-') ? decodeURIComponent(location.hash.slice(3)) : null;
  if (fromHash && document.readyState !== 'complete') {
    // The browser moves focus to the viewport when it scrolls to a fragment: focus after it.
    window.addEventListener('load', () => window.setTimeout(focusResume, 0), { once: true });
    return;
  }
  const target = data.focus || fromHash;
  if (!target) return;
  const el = document.getElementById(`q-${target}`);
  if (!el || el.hidden) return;
  el.classList.add('is-resume');
  el.scrollIntoView({ block: 'center' });
  const carried = !readOnly && answers.get(target)?.carriedOver ? el.querySelector('.q-confirm') : null;
  const first = carried || el.querySelector('.options input:checked') || valueInputs(el)[0];
  first?.focus({ preventScroll: true });
}

if (!readOnly) {
  for (const el of blocks.values()) wireQuestion(el);
  document.getElementById('confirm-section')?.addEventListener('click', async (event) => {
    const button = event.currentTarget;
    button.disabled = true;
    const ids = [...blocks.keys()].filter((id) => answers.get(id)?.carriedOver && !blocks.get(id).hidden);
    for (const id of ids) await confirmAnswer(id);
    button.disabled = false;
    announce(msg('sectionConfirmed', { count: ids.length }));
    // The button hides once nothing is left to confirm: focus goes on, not to the page body.
    const left = [...blocks.keys()].find((id) => answers.get(id)?.carriedOver && !blocks.get(id).hidden);
    if (left) blocks.get(left).querySelector('.q-confirm')?.focus();
    else (document.querySelector('.section-pager a[rel=next]') || document.getElementById('submit-button'))?.focus();
  });
  updateIndicator();
  markPending();
  window.addEventListener('beforeunload', (event) => {
    if (inFlight > 0 || timers.size > 0 || unsaved.size > 0) event.preventDefault();
  });
  // A page restored from the back/forward cache holds old versions: reload it.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) location.reload();
  });
}
// ------------------------------------------------------------------ a question's history, one click away

const fmtWhen = (iso) =>
  new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

function historyLines(q, e) {
  const from = valueLabel(q, e.oldValue);
  const to = valueLabel(q, e.newValue);
  const lines = [];
  if (e.action === 'answered') {
    if (!same(e.oldValue, e.newValue)) lines.push(msg('hist.answered', { from, to }));
  } else if (['confirmed', 'carried_over', 'prefilled'].includes(e.action)) lines.push(msg(`hist.${e.action}`, { to }));
  else if (e.action === 'cleared') lines.push(msg('hist.cleared', { from }));
  if ((e.oldComment ?? null) !== (e.newComment ?? null) && e.action !== 'carried_over') {
    const c = (x) => (x ? (x.length > 120 ? `${x.slice(0, 120)}…` : x) : msg('noComment'));
    lines.push(msg('hist.comment', { from: c(e.oldComment), to: c(e.newComment) }));
  }
  if (!lines.length) lines.push(msg('hist.answered', { from, to }));
  if (e.source?.kind === 'inventory-import') lines.push(msg('hist.import', { file: e.source.fileName }));
  return lines;
}

async function loadHistory(q, details) {
  const list = details.querySelector('.q-history-list');
  list.replaceChildren(h('p', { class: 'small muted' }, msg('historyLoading')));
  const result = await api('GET', `${base}/history?questionId=${encodeURIComponent(q.id)}&limit=50`);
  if (!result.ok) {
    list.replaceChildren(h('p', { class: 'form-error' }, problemText(result)));
    return;
  }
  const events = result.data || [];
  list.replaceChildren(
    events.length
      ? h(
          'ol',
          { class: 'history-list' },
          events.map((e) =>
            h(
              'li',
              {},
              h(
                'p',
                { class: 'history-who small muted' },
                msg('historyBy', { when: fmtWhen(e.at), who: e.actorEmail || msg('aColleague') }),
              ),
              historyLines(q, e).map((line) => h('p', { class: 'history-what' }, line)),
            ),
          ),
        )
      : h('p', { class: 'small muted' }, msg('historyEmpty')),
  );
}

for (const el of blocks.values()) {
  const q = questionById.get(el.dataset.qid);
  const details = el.querySelector('.q-history');
  if (!q || !details) continue;
  // Loaded each time it opens: a colleague may have changed the answer since.
  details.addEventListener('toggle', () => {
    if (details.open) loadHistory(q, details);
  });
}

// A reload stays in this section (the address without ?section= resumes at the next open question).
if (!new URLSearchParams(location.search).has('section')) {
  history.replaceState(null, '', `${location.pathname}?section=${encodeURIComponent(data.sectionId)}${location.hash}`);
}
wireLifecycle();
// The section list scrolls inside its column on a desktop: show the current section in it.
const navList = document.querySelector('.walk-aside .section-nav');
const current = navList?.querySelector('[aria-current]');
if (navList && current && navList.scrollHeight > navList.clientHeight) {
  navList.scrollTop = Math.max(0, current.offsetTop - navList.offsetTop - navList.clientHeight / 3);
}
focusResume();
