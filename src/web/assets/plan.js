// The plan page: update a commitment (status, drop reason, owner, due date, target, a measured
// value, checklist, notes) through PATCH with its version, a colleague's change shown on 409;
// owners remove commitments, carry last year's open ones over, manage the calendar address and
// the time zone. Filters are a plain GET form: they work without this script.
import { announce, api, h, msg, problemText, readJson } from './lib.js';

const data = readJson('page-data');
const base = `/api/v1/assessments/${data.assessmentId}/plan`;
const statusBox = document.getElementById('plan-status');

function showStatus(text) {
  statusBox.textContent = text;
  statusBox.hidden = !text;
  if (text) statusBox.scrollIntoView({ block: 'nearest' });
}

/** Reloads on the saved commitment, which the page then confirms and focuses. */
function reloadOn(id) {
  const url = new URL(location.href);
  if (id) url.searchParams.set('saved', id);
  else url.searchParams.delete('saved');
  url.hash = id ? `c-${id}` : '';
  location.assign(url.toString());
}

function fieldError(form, name, text) {
  const input = form.querySelector(`[name=${name}]`);
  const error = input ? form.querySelector(`#${CSS.escape(input.id)}-error`) : null;
  if (error) {
    error.textContent = text;
    error.hidden = false;
  }
  input?.setAttribute('aria-invalid', 'true');
  input?.focus();
}

function clearErrors(form) {
  for (const e of form.querySelectorAll('.field-error')) e.hidden = true;
  for (const i of form.querySelectorAll('[aria-invalid]')) i.removeAttribute('aria-invalid');
  const top = form.querySelector('.form-error');
  top.hidden = true;
}

/** Reads a number typed the French or English way ("3,5" or "3.5"); null when empty, NaN when not a number. */
function readNumber(text) {
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!t) return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

async function currentCommitment(id) {
  const plan = await api('GET', base);
  return plan.ok ? plan.data.commitments.find((c) => c.id === id) : null;
}

async function save(form) {
  clearErrors(form);
  const id = form.dataset.commitmentId;
  const body = { expectedVersion: Number(form.dataset.version) };
  const status = form.querySelector('[name=status]').value;
  body.status = status;
  if (status === 'dropped') {
    const reason = form.querySelector('[name=dropReason]').value.trim();
    if (!reason) return fieldError(form, 'dropReason', msg('planDropReasonRequired'));
    body.dropReason = reason;
  }
  const owner = form.querySelector('[name=owner]');
  if (owner) {
    if (owner.value === '__role') {
      const role = form.querySelector('[name=ownerRole]').value.trim();
      if (!role) return fieldError(form, 'ownerRole', msg('planRoleRequired'));
      body.ownerRole = role;
    } else {
      body.ownerUserId = owner.value || null;
      if (!owner.value) body.ownerRole = null;
    }
    const due = form.querySelector('[name=due]').value.trim().toUpperCase();
    if (due && !/^\d{4}-(\d{2}-\d{2}|Q[1-4])$/.test(due)) return fieldError(form, 'due', msg('planDueInvalid'));
    body.due = due || null;
    const target = form.querySelector('[name=target]').value.trim();
    const targetNumber = readNumber(target);
    body.target = !target ? null : Number.isNaN(targetNumber) ? { text: target } : { value: targetNumber };
  }
  const value = form.querySelector('[name=measurementValue]').value;
  if (value.trim()) {
    const number = readNumber(value);
    if (Number.isNaN(number)) return fieldError(form, 'measurementValue', msg('planValueInvalid'));
    const date = form.querySelector('[name=measurementDate]').value || data.today;
    const current = await currentCommitment(id);
    body.measurements = [...(current?.measurements ?? []), { date, value: number }];
  }
  const steps = [...form.querySelectorAll('[name=step]')];
  if (steps.length) body.checklist = steps.map((s) => s.checked);
  body.notes = form.querySelector('[name=notes]').value.trim() || null;

  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  const result = await api('PATCH', `${base}/commitments/${id}`, body);
  button.disabled = false;
  if (result.ok) {
    announce(msg('planSaved'));
    reloadOn(id);
    return;
  }
  const top = form.querySelector('.form-error');
  if (result.status === 409 && result.data?.current) {
    const c = result.data.current;
    form.dataset.version = String(c.version);
    top.replaceChildren(
      h('strong', {}, msg('planConflict', { who: c.updatedByEmail || msg('aColleague') })),
      ' ',
      msg('planConflictNow', { status: msg(`planStatus_${c.status}`) }),
      ' ',
      h('button', { type: 'button', class: 'button button-small', onclick: () => reloadOn(id) }, msg('planReload')),
    );
    top.hidden = false;
    top.focus?.();
    return;
  }
  const first = result.data?.errors?.[0];
  if (result.status === 400 && first && form.querySelector(`[name=${first.field}]`)) return fieldError(form, first.field, first.message);
  top.textContent = problemText(result);
  top.hidden = false;
}

for (const form of document.querySelectorAll('.commitment-form')) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save(form);
  });
  const status = form.querySelector('[name=status]');
  status.addEventListener('change', () => {
    form.querySelector('.drop-reason').hidden = status.value !== 'dropped';
  });
  const owner = form.querySelector('[name=owner]');
  owner?.addEventListener('change', () => {
    form.querySelector('.owner-role').hidden = owner.value !== '__role';
  });
  form.querySelector('.commitment-remove')?.addEventListener('click', async () => {
    const title = form.closest('.commitment').querySelector('h3').textContent;
    if (!window.confirm(msg('planConfirmRemove', { title }))) return;
    const result = await api('DELETE', `${base}/commitments/${form.dataset.commitmentId}?expectedVersion=${form.dataset.version}`);
    if (result.ok) return reloadOn(null);
    showStatus(result.status === 409 ? msg('planConflictRemove') : problemText(result));
  });
}

document.getElementById('carry-over')?.addEventListener('click', async (event) => {
  event.target.disabled = true;
  const result = await api('POST', `${base}/carry-over`, {});
  if (result.ok) return reloadOn(null);
  event.target.disabled = false;
  showStatus(problemText(result));
});

document.getElementById('calendar-create')?.addEventListener('click', async () => {
  const result = await api('POST', '/api/v1/calendar');
  if (!result.ok) return showStatus(problemText(result));
  const panel = document.getElementById('calendar-result');
  const input = h('input', { id: 'calendar-url', type: 'text', readonly: true, value: result.data.url, class: 'copy-input' });
  const copied = h('span', { class: 'small', role: 'status' });
  const copy = h('button', { type: 'button', class: 'button button-small' }, msg('copyLink'));
  copy.addEventListener('click', async () => {
    input.select();
    try {
      await navigator.clipboard.writeText(result.data.url);
      copied.textContent = msg('linkCopied');
    } catch {
      copied.textContent = msg('linkCopyManual');
    }
  });
  panel.className = 'notice notice-success';
  panel.tabIndex = -1;
  panel.replaceChildren(
    h('p', {}, msg('planCalendarCreated')),
    h('div', { class: 'copy-row' }, h('label', { for: 'calendar-url', class: 'visually-hidden' }, msg('planCalendarAddress')), input, copy),
    copied,
  );
  panel.hidden = false;
  document.getElementById('calendar-status').textContent = msg('planCalendarActiveNow');
  panel.focus();
});

document.getElementById('calendar-revoke')?.addEventListener('click', async () => {
  if (!window.confirm(msg('planConfirmRevoke'))) return;
  const result = await api('DELETE', '/api/v1/calendar');
  if (!result.ok) return showStatus(problemText(result));
  document.getElementById('calendar-status').textContent = msg('planCalendarRevoked');
  document.getElementById('calendar-result').hidden = true;
  document.getElementById('calendar-revoke').remove();
  announce(msg('planCalendarRevoked'));
});

const tzForm = document.getElementById('timezone-form');
tzForm?.addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = tzForm.querySelector('#timezone');
  const error = tzForm.querySelector('#timezone-error');
  error.hidden = true;
  const result = await api('PUT', '/api/v1/organisation/time-zone', { timeZone: input.value.trim() || null });
  if (result.ok) return reloadOn(null);
  error.textContent = result.status === 400 ? msg('planTimeZoneInvalid') : problemText(result);
  error.hidden = false;
  input.setAttribute('aria-invalid', 'true');
  input.focus();
});

// After a save: confirm it on the commitment and put the keyboard focus back there.
if (data.saved) {
  const card = document.getElementById(`c-${data.saved}`);
  card?.focus();
  history.replaceState(
    null,
    '',
    location.pathname + location.search.replace(/([?&])saved=[^&]*&?/, '$1').replace(/[?&]$/, '') + location.hash,
  );
}
