// Compare two years (deltas by section, action and footprint criterion) and the trend over all years.
import { responsive, scoreLine } from './charts.js';
import { committedVsDoneSection } from './commitments.js';
import * as figures from './figures.js';
import { api, fmtNumber, fmtScore, h, lang, msg, problemText, readJson, tr } from './lib.js';

/** Units of the footprint criteria, for figures whose response does not carry one. */
const UNITS = { climate: 'kg CO2e', minerals: 'kg Sb eq', fossil: 'MJ', rawMaterial: 'kg', water: 'L' };
const unitOf = (d) => d.unit ?? UNITS[d.criterion] ?? '';
/** A footprint figure with its unit (tonnes from 10,000 kg), in the row's scale. */
const qty = (v, unit, scale) => figures.quantity(v, unit, lang, scale);

const data = readJson('page-data') || {};
const form = document.getElementById('compare-form');
const root = document.getElementById('compare-root');
const trendRoot = document.getElementById('trend-root');
const error = document.getElementById('compare-error');

function deltaBadge(delta, status, suffix = '') {
  if (delta === null || delta === undefined) return h('span', { class: 'delta delta-unknown' }, '—');
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const cls = status
    ? `delta delta-${status}`
    : `delta ${delta > 0 ? 'delta-improved' : delta < 0 ? 'delta-regressed' : 'delta-unchanged'}`;
  const arrow = delta > 0 ? '▲' : delta < 0 ? '▼' : '■';
  return h(
    'span',
    { class: cls },
    h('span', { 'aria-hidden': 'true' }, `${arrow} `),
    `${sign}${fmtNumber(Math.abs(delta))}${suffix}`,
    status ? h('span', { class: 'visually-hidden' }, ` (${msg(`status_${status}`)})`) : null,
  );
}

/** For a footprint, lower is better: colour a rise as a regression. */
function footprintBadge(d, scale) {
  if (d.delta === null) return h('span', { class: 'delta delta-unknown' }, '—');
  const status =
    Math.abs(d.deltaPercent ?? 0) < 1 && Math.abs(d.delta) < 1e-9
      ? 'unchanged'
      : d.delta < 0
        ? 'improved'
        : d.delta > 0
          ? 'regressed'
          : 'unchanged';
  const sign = d.delta > 0 ? '+' : d.delta < 0 ? '−' : '±';
  return h(
    'span',
    { class: `delta delta-${status}` },
    figures.signedQuantity(d.delta, unitOf(d), lang, scale),
    d.deltaPercent !== null && d.deltaPercent !== undefined ? ` (${sign}${fmtNumber(Math.abs(d.deltaPercent))} %)` : '',
  );
}

const score = (v) => fmtScore(v);

function table(caption, head, rows) {
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'table' },
      h('caption', {}, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          head.map((x, i) => h('th', { scope: 'col', class: i > 0 ? 'num' : null }, x)),
        ),
      ),
      h('tbody', {}, rows),
    ),
  );
}

function renderComparison(c) {
  const prevYear = c.previous.year;
  const curYear = c.current.year;
  const o = c.overall;
  const improved = c.actions.filter((a) => a.status === 'improved').sort((a, b) => (b.delta ?? 0) - (a.delta ?? 0));
  const regressed = c.actions.filter((a) => a.status === 'regressed').sort((a, b) => (a.delta ?? 0) - (b.delta ?? 0));
  const added = c.actions.filter((a) => a.status === 'new');
  const actionList = (items) =>
    h(
      'ul',
      { class: 'delta-list' },
      items.map((a) =>
        h(
          'li',
          {},
          h('span', {}, tr(a.title)),
          ' ',
          h('span', { class: 'muted' }, `${score(a.previousMaturity)} → ${score(a.currentMaturity)}`),
          ' ',
          deltaBadge(a.delta, a.status),
        ),
      ),
    );
  const counts = ['improved', 'regressed', 'unchanged', 'new', 'no_longer_asked', 'unknown']
    .filter((k) => c.actionCounts?.[k])
    .map((k) => h('li', { class: `count-chip count-${k}` }, h('strong', {}, String(c.actionCounts[k])), ' ', msg(`actions_${k}`)));
  const nodes = [
    h('h2', { id: 'comparison-title' }, msg('comparisonTitle', { from: prevYear, to: curYear })),
    c.methodologyVersion
      ? h('p', { class: 'small muted', id: 'comparison-methodology' }, msg('compareMethodology', { version: c.methodologyVersion }))
      : null,
    c.sameTemplate
      ? null
      : h(
          'p',
          { class: 'notice', role: 'note' },
          msg('differentTemplates', { from: c.previous.templateVersion, to: c.current.templateVersion }),
        ),
    h(
      'div',
      { class: 'card compare-overall' },
      h(
        'div',
        { class: 'fact' },
        h('p', { class: 'fact-label' }, msg('overallScore')),
        h(
          'p',
          { class: 'fact-value' },
          `${score(o.score.previous)} → ${score(o.score.current)} `,
          deltaBadge(o.score.delta, o.score.status),
        ),
      ),
      h(
        'div',
        { class: 'fact' },
        h('p', { class: 'fact-label' }, msg('level')),
        h('p', { class: 'fact-value' }, `${o.level.previous ?? '—'} → ${o.level.current ?? '—'}`),
      ),
      h(
        'div',
        { class: 'fact' },
        h('p', { class: 'fact-label' }, msg('confidence')),
        h('p', { class: 'fact-value' }, `${fmtNumber(o.confidence.previous * 100, 0)} % → ${fmtNumber(o.confidence.current * 100, 0)} %`),
      ),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'cmp-sections' },
      h('h3', { id: 'cmp-sections' }, msg('bySection')),
      table(
        msg('bySectionCaption', { from: prevYear, to: curYear }),
        [msg('section'), String(prevYear), String(curYear), msg('change')],
        c.sections.matched.map((x) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, tr(x.title)),
            h('td', { class: 'num' }, score(x.score.previous)),
            h('td', { class: 'num' }, score(x.score.current)),
            h('td', { class: 'num' }, deltaBadge(x.score.delta, x.score.status)),
          ),
        ),
      ),
      c.sections.onlyInPrevious.length || c.sections.onlyInCurrent.length
        ? h(
            'p',
            { class: 'small muted' },
            msg('sectionsUnmatched', {
              names: [...c.sections.onlyInPrevious, ...c.sections.onlyInCurrent].map((x) => tr(x.title)).join(', '),
            }),
          )
        : null,
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'cmp-actions' },
      h('h3', { id: 'cmp-actions' }, msg('byAction')),
      h('ul', { class: 'count-chips' }, counts),
      improved.length ? h('div', {}, h('h4', {}, msg('actions_improved')), actionList(improved)) : null,
      regressed.length ? h('div', {}, h('h4', {}, msg('actions_regressed')), actionList(regressed)) : null,
      added.length
        ? h(
            'div',
            {},
            h('h4', {}, msg('actions_new')),
            h(
              'ul',
              { class: 'delta-list' },
              added.map((a) => h('li', {}, tr(a.title))),
            ),
          )
        : null,
    ),
  ];
  if (c.footprint && c.footprint.criteria?.length) {
    nodes.push(
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'cmp-footprint' },
        h('h3', { id: 'cmp-footprint' }, msg('footprintDelta')),
        table(
          msg('footprintDeltaCaption', { from: prevYear, to: curYear }),
          [msg('criterion'), String(prevYear), String(curYear), msg('change')],
          c.footprint.criteria.map((d) => {
            // One unit for the row: tonnes when its largest figure reaches 10,000 kg.
            const scale = figures.quantityScale([d.previous, d.current], unitOf(d));
            return h(
              'tr',
              { 'data-criterion': d.criterion },
              h('th', { scope: 'row' }, msg(`criterion_${d.criterion}`)),
              h('td', { class: 'num' }, qty(d.previous, unitOf(d), scale)),
              h('td', { class: 'num' }, qty(d.current, unitOf(d), scale)),
              h('td', { class: 'num' }, footprintBadge(d, scale)),
            );
          }),
        ),
        h('p', { class: 'small muted' }, msg('footprintLowerBetter')),
        c.footprint.note ? h('p', { class: 'small muted', id: 'cmp-factors' }, tr(c.footprint.note)) : null,
      ),
    );
  }
  if (c.footprintAttribution?.devices?.length) nodes.push(attributionSection(c.footprintAttribution, prevYear, curYear));
  if (c.answers) {
    if (c.answers.bySection?.length) nodes.push(changedAnswers(c.answers.bySection));
    nodes.push(
      h(
        'p',
        { class: 'small muted' },
        msg('answersChanged', { changed: c.answers.changed.length, unchanged: c.answers.unchanged }),
        c.answers.onlyInPrevious.length || c.answers.onlyInCurrent.length
          ? ` ${msg('answersUnmatched', { gone: c.answers.onlyInPrevious.length, added: c.answers.onlyInCurrent.length })}`
          : '',
      ),
    );
  }
  nodes.push(committedVsDoneSection(c.committedVsDone));
  root.replaceChildren(...nodes.filter(Boolean));
}

/** Why the footprint moved: each device type's change split into inventory, practice and factors. */
function attributionSection(a, prevYear, curYear) {
  const effects = a.order ?? ['inventory', 'practice', 'factors'];
  const tableFor = (criterion) => {
    const rows = a.devices.flatMap((d) => {
      const f = d.criteria.find((x) => x.criterion === criterion);
      return f ? [{ label: tr(d.label), count: `${d.previousCount} → ${d.currentCount}`, f }] : [];
    });
    const total = a.totals.find((x) => x.criterion === criterion);
    if (!rows.length || !total) return null;
    // One scale for the whole table, set by its largest figure.
    const scale = figures.quantityScale([total.previous, total.current, ...rows.flatMap((r) => [r.f.previous, r.f.current])], total.unit);
    const cells = (f) => [
      ...effects.map((e) => h('td', { class: 'num', 'data-effect': e }, figures.signedQuantity(f[e], f.unit, lang, scale))),
      h('td', { class: 'num', 'data-effect': 'change' }, figures.signedQuantity(f.change, f.unit, lang, scale)),
    ];
    return h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'table table-compact attribution', 'data-criterion': criterion },
        h('caption', {}, msg('whyCaption', { criterion: msg(`criterion_${criterion}`), from: prevYear, to: curYear })),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, msg('device')),
            h('th', { scope: 'col', class: 'num' }, msg('deviceCount')),
            effects.map((e) => h('th', { scope: 'col', class: 'num' }, msg(`effect_${e}`))),
            h('th', { scope: 'col', class: 'num' }, msg('change')),
          ),
        ),
        h(
          'tbody',
          {},
          rows.map((r) =>
            h('tr', { 'data-device': r.label }, h('th', { scope: 'row' }, r.label), h('td', { class: 'num' }, r.count), cells(r.f)),
          ),
        ),
        h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, msg('totalRow')), h('td', {}, ''), cells(total))),
      ),
    );
  };
  const criteria = a.totals.map((t) => t.criterion);
  const others = criteria
    .filter((x) => x !== 'climate')
    .map(tableFor)
    .filter(Boolean);
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'cmp-why' },
    h('h3', { id: 'cmp-why' }, msg('whyTitle')),
    criteria.includes('climate') ? tableFor('climate') : null,
    others.length ? h('details', { class: 'why-others' }, h('summary', {}, msg('whyOther')), others) : null,
    h('p', { class: 'small muted', id: 'cmp-why-method' }, tr(a.method)),
  );
}

/** The answers that changed, by section: question, before -> after, who. */
function changedAnswers(sections) {
  const label = (text) => (text ? tr(text) : msg('noAnswer'));
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'cmp-answers' },
    h('h3', { id: 'cmp-answers' }, msg('answersBySection')),
    sections.map((s) =>
      h(
        'details',
        { class: 'changed-section', 'data-section': s.sectionId },
        h(
          'summary',
          {},
          h('strong', {}, tr(s.title)),
          ' · ',
          msg(s.changes.length === 1 ? 'answersInSection_one' : 'answersInSection_other', { count: s.changes.length }),
        ),
        h(
          'ul',
          { class: 'delta-list changed-answers' },
          s.changes.map((x) =>
            h(
              'li',
              { 'data-question': x.questionId },
              h('span', { class: 'changed-question' }, tr(x.question)),
              ' ',
              h('span', { class: 'changed-values' }, msg('beforeAfter', { from: label(x.previousLabel), to: label(x.currentLabel) })),
              x.by ? h('span', { class: 'muted small changed-by' }, ` ${msg('answeredBy', { who: x.by })}`) : null,
            ),
          ),
        ),
      ),
    ),
  );
}

async function compare(from, to) {
  error.hidden = true;
  if (from === to) {
    error.textContent = msg('pickTwo');
    error.hidden = false;
    root.replaceChildren();
    return;
  }
  root.setAttribute('aria-busy', 'true');
  const result = await api('GET', `/api/v1/assessments/${to}/compare/${from}`);
  root.setAttribute('aria-busy', 'false');
  if (!result.ok) {
    root.replaceChildren(
      h('div', { class: 'notice notice-error' }, result.status === 404 ? msg('compareUnavailable') : problemText(result)),
    );
    return;
  }
  renderComparison(result.data);
}

async function loadTrend() {
  const result = await api('GET', '/api/v1/assessments/trend');
  if (!result.ok || !result.data) {
    trendRoot.replaceChildren(h('p', { class: 'notice' }, result.status === 404 ? msg('trendUnavailable') : problemText(result)));
    return;
  }
  const t = result.data;
  if (!t.points?.length) {
    trendRoot.replaceChildren(h('p', {}, msg('trendEmpty')));
    return;
  }
  const chart = h('div', { class: 'chart-box card' });
  const points = t.points.map((p) => ({ label: p.year, value: p.overall.score }));
  responsive(
    chart,
    scoreLine(points, {
      title: msg('trendChartTitle'),
      desc: points.map((p) => `${p.label}: ${p.value === null ? msg('unknownScore') : fmtNumber(p.value)}`).join('; '),
    }),
  );
  const climate = t.criteria?.includes('climate');
  const rows = t.points.map((p) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, String(p.year)),
      h('td', { class: 'num' }, score(p.overall.score), ' ', p.overall.delta === null ? '' : deltaBadge(p.overall.delta)),
      t.sections.map((s) => h('td', { class: 'num' }, score(p.sections?.[s.id]?.score))),
      climate ? h('td', { class: 'num' }, p.footprint ? qty(p.footprint.climate ?? null, UNITS.climate) : '—') : null,
    ),
  );
  trendRoot.replaceChildren(
    chart,
    h(
      'div',
      { class: 'table-scroll card' },
      h(
        'table',
        { class: 'table table-compact' },
        h('caption', {}, msg('trendTableCaption')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, msg('year')),
            h('th', { scope: 'col', class: 'num' }, msg('overallScore')),
            t.sections.map((s) => h('th', { scope: 'col', class: 'num' }, tr(s.title))),
            climate ? h('th', { scope: 'col', class: 'num' }, msg('criterion_climate')) : null,
          ),
        ),
        h('tbody', {}, rows),
      ),
    ),
  );
}

if (form) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const from = form.querySelector('#from').value;
    const to = form.querySelector('#to').value;
    history.replaceState(null, '', `/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    compare(from, to);
  });
  if (data.from && data.to) compare(data.from, data.to);
}
loadTrend();
