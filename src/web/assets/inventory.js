// The inventory import panel of the walk: sends the chosen export to the API (multipart), shows the
// preview (types, ages, lifespans, how each figure is derived, unclassified and set-aside rows, the
// answers that would change), asks for a column mapping when the file is not a known export, and
// applies the ticked answers with the versions the preview showed.
import { announce, csrfToken, fmtNumber, h, msg, problemText, readJson, sessionExpired, tr } from './lib.js';

const data = readJson('page-data');
const inv = data.inventory;
const base = `/api/v1/assessments/${data.assessmentId}/inventory-imports`;
const form = document.getElementById('inv-form');
const preview = document.getElementById('inv-preview');
const errorBox = document.getElementById('inv-error');
const mappingBox = document.getElementById('inv-mapping');

/** The mapping the person chose in the mapping step, sent with the next reading. */
let mapping = null;
const readLabel = document.getElementById('inv-read')?.textContent;

async function call(method, url, body) {
  const headers = { accept: 'application/json', 'x-csrf-token': csrfToken() };
  if (!(body instanceof FormData) && body !== undefined) headers['content-type'] = 'application/json';
  let res;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, data: null };
  }
  const type = res.headers.get('content-type') || '';
  const payload = type.includes('json') ? await res.json().catch(() => null) : null;
  if (res.status === 401) sessionExpired();
  return { ok: res.ok, status: res.status, data: payload };
}

function showError(text) {
  if (!errorBox) return;
  errorBox.textContent = text;
  errorBox.hidden = !text;
}

const years = (value) => (value === null || value === undefined ? msg('invNotEstimated') : msg('invYears', { value: fmtNumber(value, 1) }));
const value = (v) => (v === null || v === undefined ? '—' : typeof v === 'number' ? fmtNumber(v, 1) : String(v));

function ranges(lines, more) {
  const text = lines.map(([a, b]) => (a === b ? String(a) : `${a}–${b}`)).join(', ');
  return more ? `${text} ${msg('invMoreLines', { count: more })}` : text;
}

function classesTable(body) {
  const rows = body.preview.classes.map((c) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, tr(c.label)),
      h('td', { class: 'num' }, fmtNumber(c.inService, 0)),
      h('td', { class: 'num' }, fmtNumber(c.retired, 0)),
      h('td', { class: 'num' }, fmtNumber(c.excluded, 0)),
      h(
        'td',
        {},
        c.age.mean === null ? msg('invNotEstimated') : msg('invYearsOver', { value: fmtNumber(c.age.mean, 1), count: c.age.dated }),
      ),
      h(
        'td',
        {},
        c.lifespan ? msg('invYearsOver', { value: fmtNumber(c.lifespan.mean, 1), count: c.lifespan.count }) : msg('invNotEstimated'),
      ),
      h('td', {}, c.refurbished ? `${fmtNumber(c.refurbished.share, 0)} %` : msg('invNotInExport')),
    ),
  );
  const table = h(
    'table',
    { class: 'table table-compact', id: 'inv-classes' },
    h('caption', {}, msg('invClasses')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, msg('invClass')),
        h('th', { scope: 'col', class: 'num' }, msg('invInService')),
        h('th', { scope: 'col', class: 'num' }, msg('invRetired')),
        h('th', { scope: 'col', class: 'num' }, msg('invExcluded')),
        h('th', { scope: 'col' }, msg('invAge')),
        h('th', { scope: 'col' }, msg('invLifespan')),
        h('th', { scope: 'col' }, msg('invRefurbished')),
      ),
    ),
    h('tbody', {}, rows),
  );
  const how = h(
    'details',
    { class: 'inv-how' },
    h('summary', {}, msg('invHow')),
    body.preview.classes.map((c) =>
      h(
        'div',
        {},
        h('h4', {}, tr(c.label)),
        h(
          'ul',
          {},
          c.derivation.map((d) => h('li', {}, tr(d))),
        ),
        c.age.dated
          ? h(
              'p',
              { class: 'small' },
              `${msg('invAgeBuckets')} : `,
              c.age.buckets
                .filter((b) => b.count > 0)
                .map((b) => `${b.to === null ? `${b.from}+` : `${b.from}–${b.to}`} : ${b.count}`)
                .join(' · '),
            )
          : null,
      ),
    ),
  );
  return [h('div', { class: 'table-scroll' }, table), how];
}

function currentText(p) {
  if (!p.current || p.current.value === null) return msg('invNoAnswer');
  const from = p.current.source && p.current.source.fileName ? msg('invFromImport', { file: p.current.source.fileName }) : msg('invTyped');
  return `${value(p.current.value)} (${from})`;
}

function proposalsBlock(body) {
  const proposals = body.preview.proposals;
  if (!proposals.length) return h('p', { class: 'muted' }, msg('invNothingToApply'));
  const change = { new: msg('invNew'), changed: msg('invChanged'), unchanged: msg('invUnchanged') };
  const rows = proposals.map((p, i) => {
    const id = `inv-apply-${i}`;
    const canTick = p.applicable && p.change !== 'unchanged';
    return h(
      'tr',
      { class: p.change === 'changed' ? 'is-changed' : null },
      h(
        'td',
        {},
        h('input', { type: 'checkbox', id, 'data-qid': p.questionId, checked: canTick, disabled: !canTick }),
        h('label', { for: id, class: 'visually-hidden' }, `${msg('invApplyCol')} : ${inv.questionLabels[p.questionId] || p.questionId}`),
      ),
      h(
        'th',
        { scope: 'row' },
        inv.questionLabels[p.questionId] || p.questionId,
        p.reason ? h('span', { class: 'hint' }, tr(p.reason)) : null,
      ),
      h('td', {}, currentText(p)),
      h('td', { class: 'num' }, h('strong', {}, value(p.proposed))),
      h('td', {}, change[p.change]),
    );
  });
  const table = h(
    'table',
    { class: 'table table-compact', id: 'inv-proposals' },
    h('caption', {}, msg('invProposals')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, msg('invApplyCol')),
        h('th', { scope: 'col' }, msg('invQuestion')),
        h('th', { scope: 'col' }, msg('invCurrent')),
        h('th', { scope: 'col', class: 'num' }, msg('invProposed')),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, msg('invChangeCol'))),
      ),
    ),
    h('tbody', {}, rows),
  );
  const status = h('p', { class: 'inv-apply-status', role: 'status' });
  const button = h('button', { type: 'button', class: 'button button-primary', id: 'inv-apply' }, msg('invApply'));
  button.addEventListener('click', () => apply(body, table, status, button));
  return [h('div', { class: 'table-scroll' }, table), data.readOnly ? null : h('p', {}, button), status];
}

async function apply(body, table, status, button) {
  const ticked = [...table.querySelectorAll('input[type=checkbox]:checked')].map((el) => el.dataset.qid);
  const expectedVersions = Object.fromEntries(body.preview.proposals.map((p) => [p.questionId, p.current ? p.current.version : 0]));
  button.disabled = true;
  const res = await call('POST', `${base}/${body.id}/apply`, { expectedVersions, questionIds: ticked });
  if (res.ok) {
    status.textContent = msg('invApplied', { count: res.data.written.length });
    announce(status.textContent);
    window.setTimeout(() => location.reload(), 600);
    return;
  }
  button.disabled = false;
  if (res.status === 409 && res.data && res.data.questionId) {
    status.textContent = msg('invStale', {
      question: inv.questionLabels[res.data.questionId] || res.data.questionId,
      value: res.data.current ? value(res.data.current.value) : '—',
    });
    const again = h('button', { type: 'button', class: 'button button-small' }, msg('invRefresh'));
    again.addEventListener('click', async () => {
      const fresh = await call('GET', `${base}/${body.id}`);
      if (fresh.ok) render(fresh.data);
      else showError(problemText(fresh));
    });
    status.append(' ', again);
  } else status.textContent = problemText(res);
}

function render(body) {
  preview.replaceChildren();
  const format = body.format ? tr(body.format.label) : msg('invUnknownFormat');
  const read =
    body.fileKind === 'xlsx'
      ? msg('invSheet', { sheet: body.sheet || '' })
      : msg('invEncoding', { encoding: body.encoding || '', delimiter: body.delimiter === '\t' ? 'tab' : body.delimiter || '' });
  preview.append(
    h(
      'div',
      { class: 'notice', id: 'inv-summary' },
      h(
        'p',
        {},
        msg('invSummary', {
          file: body.fileName,
          format,
          total: fmtNumber(body.rows.total, 0),
          accepted: fmtNumber(body.rows.accepted, 0),
          rejected: fmtNumber(body.rows.rejected, 0),
        }),
      ),
      h('p', { class: 'small' }, read),
      body.warnings.map((w) => h('p', { class: 'small' }, tr(w))),
      body.format && (body.format.id === 'mapping' || body.format.id === 'saved-mapping')
        ? h('p', { class: 'small' }, msg('invMappingSaved'))
        : null,
    ),
  );
  if (body.preview.classes.length) preview.append(...classesTable(body));
  if (body.preview.notInFootprint.length) {
    preview.append(
      h(
        'p',
        { class: 'small' },
        msg('invNotInFootprint', {
          list: body.preview.notInFootprint.map((c) => `${tr(c.label)} (${fmtNumber(c.inService, 0)})`).join(', '),
        }),
      ),
    );
  }
  if (body.preview.unclassified.rows) {
    preview.append(
      h(
        'details',
        { class: 'inv-unclassified', open: true },
        h('summary', {}, msg('invUnclassified', { count: fmtNumber(body.preview.unclassified.rows, 0) })),
        h('p', { class: 'small' }, msg('invUnclassifiedHint')),
        h(
          'div',
          { class: 'table-scroll' },
          h(
            'table',
            { class: 'table table-compact' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['type', 'category', 'model', 'manufacturer', 'os'].map((f) => h('th', { scope: 'col' }, inv.fieldLabels[f])),
                h('th', { scope: 'col', class: 'num' }, msg('invRows')),
                h('th', { scope: 'col' }, msg('invLines')),
              ),
            ),
            h(
              'tbody',
              {},
              body.preview.unclassified.groups.slice(0, 50).map((g) =>
                h(
                  'tr',
                  {},
                  ['type', 'category', 'model', 'manufacturer', 'os'].map((f) => h('td', {}, g.signature[f] || '')),
                  h('td', { class: 'num' }, fmtNumber(g.rows, 0)),
                  h('td', {}, ranges(g.lines, g.moreLines)),
                ),
              ),
            ),
          ),
        ),
      ),
    );
  }
  if (body.rows.rejected) {
    preview.append(
      h(
        'details',
        { class: 'inv-rejected', open: true },
        h('summary', {}, msg('invRejected', { count: fmtNumber(body.rows.rejected, 0) })),
        h(
          'div',
          { class: 'table-scroll' },
          h(
            'table',
            { class: 'table table-compact' },
            h(
              'thead',
              {},
              h('tr', {}, h('th', { scope: 'col', class: 'num' }, msg('invLine')), h('th', { scope: 'col' }, msg('invReason'))),
            ),
            h(
              'tbody',
              {},
              body.rejected.slice(0, 100).map((r) => h('tr', {}, h('td', { class: 'num' }, String(r.line)), h('td', {}, tr(r.reason)))),
            ),
          ),
        ),
      ),
    );
  }
  preview.append(...[proposalsBlock(body)].flat());
  announce(preview.querySelector('#inv-summary p')?.textContent || '');
}

function mappingStep(problem) {
  const fields = [
    'type',
    'category',
    'model',
    'manufacturer',
    'os',
    'size',
    'purchaseDate',
    'firstSeenDate',
    'retirementDate',
    'status',
    'refurbished',
    'ownership',
  ];
  const suggested = problem.suggestedMapping || {};
  mappingBox.replaceChildren(
    h('p', { class: 'notice', role: 'note' }, msg('invMapping')),
    h(
      'div',
      { class: 'inv-mapping-grid' },
      fields.map((f) =>
        h(
          'div',
          { class: 'field' },
          h('label', { for: `inv-map-${f}` }, inv.fieldLabels[f]),
          h(
            'select',
            { id: `inv-map-${f}`, 'data-field': f },
            h('option', { value: '' }, msg('invNoColumn')),
            (problem.headers || []).map((header) => h('option', { value: header, selected: suggested[f] === header }, header)),
          ),
        ),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'inv-map-order' }, msg('invDateOrder')),
        h('select', { id: 'inv-map-order' }, h('option', { value: 'dmy' }, msg('invDmy')), h('option', { value: 'mdy' }, msg('invMdy'))),
      ),
    ),
  );
  mappingBox.hidden = false;
  document.getElementById('inv-read').textContent = msg('invReadMapped');
  mappingBox.querySelector('select')?.focus();
}

function readMapping() {
  if (mappingBox.hidden) return null;
  const columns = {};
  for (const sel of mappingBox.querySelectorAll('select[data-field]')) if (sel.value) columns[sel.dataset.field] = sel.value;
  return { columns, dateOrder: document.getElementById('inv-map-order').value };
}

if (form) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showError('');
    const input = document.getElementById('inv-file');
    const file = input.files && input.files[0];
    if (!file) {
      showError(msg('invChooseFile'));
      input.focus();
      return;
    }
    const body = new FormData();
    body.append('file', file, file.name);
    const asOf = document.getElementById('inv-asof').value;
    if (asOf) body.append('asOf', asOf);
    const defaultClass = document.getElementById('inv-class').value;
    if (defaultClass) body.append('defaultClass', defaultClass);
    mapping = readMapping();
    if (mapping) body.append('mapping', JSON.stringify(mapping));
    const button = document.getElementById('inv-read');
    button.disabled = true;
    preview.replaceChildren(h('p', { class: 'muted' }, msg('invReading')));
    const res = await call('POST', base, body);
    button.disabled = false;
    if (res.ok) {
      mappingBox.hidden = true;
      button.textContent = readLabel;
      render(res.data);
      return;
    }
    preview.replaceChildren();
    const first = res.data && res.data.errors && res.data.errors[0];
    if (res.status === 400 && first && first.rule === 'mappingRequired') {
      mappingStep(res.data);
      return;
    }
    showError(problemText(res));
    errorBox?.focus?.();
  });
}
