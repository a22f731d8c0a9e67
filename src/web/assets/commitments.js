// "Committed last year vs done", drawn the same way on the results and compare pages: the counts,
// then each commitment with its final status and, for the done ones, whether the action's
// maturity and its footprint figure moved as the action should move them.
import { fmtNumber, fmtSignificant, h, msg, tr } from './lib.js';

function verdict(v) {
  return h('span', { class: `verdict verdict-${v}` }, msg(`verdict_${v}`));
}

function maturityCell(m) {
  if (m.previous === null || m.current === null) return h('td', {}, verdict(m.verdict));
  return h('td', {}, `${fmtNumber(m.previous)} → ${fmtNumber(m.current)} `, verdict(m.verdict));
}

function footprintCell(f) {
  if (!f) return h('td', { class: 'muted' }, msg('cvdNoFigure'));
  const values =
    f.previous === null || f.current === null
      ? ''
      : `${fmtSignificant(f.previous)} → ${fmtSignificant(f.current)} ${f.unit}${f.deltaPercent === null ? '' : ` (${f.deltaPercent > 0 ? '+' : ''}${fmtNumber(f.deltaPercent)} %)`} `;
  return h('td', {}, h('span', { class: 'cell-sub' }, tr(f.label)), values, verdict(f.verdict));
}

export function committedVsDoneSection(cvd, headingId = 'cvd-title') {
  if (!cvd) return null;
  const c = cvd.counts;
  return h(
    'section',
    { class: 'card results-section committed-vs-done', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, msg('cvdTitle', { year: cvd.previous.year })),
    h(
      'p',
      { class: 'cvd-counts' },
      msg('cvdCounts', { committed: c.committed, done: c.done, inProgress: c.inProgress, notStarted: c.notStarted, dropped: c.dropped }),
      c.carried ? ` ${msg('cvdCarried', { count: c.carried, year: cvd.current.year })}` : '',
    ),
    c.done
      ? h(
          'p',
          { class: 'small' },
          msg('cvdMoved', {
            done: c.done,
            maturity: cvd.doneMoved.maturityAsExpected,
            footprint: cvd.doneMoved.footprintAsExpected,
            measurable: cvd.doneMoved.footprintMeasurable,
          }),
        )
      : null,
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'table table-compact' },
        h('caption', { class: 'visually-hidden' }, msg('cvdTitle', { year: cvd.previous.year })),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, msg('cvdAction')),
            h('th', { scope: 'col' }, msg('cvdStatus')),
            h('th', { scope: 'col' }, msg('cvdMaturity', { from: cvd.previous.year, to: cvd.current.year })),
            h('th', { scope: 'col' }, msg('cvdFootprint')),
          ),
        ),
        h(
          'tbody',
          {},
          cvd.items.map((i) =>
            h(
              'tr',
              { dataset: { actionId: i.actionId, status: i.status } },
              h('th', { scope: 'row' }, tr(i.title)),
              h(
                'td',
                {},
                h('span', { class: `badge badge-status-${i.status}` }, msg(`planStatus_${i.status}`)),
                i.dropReason ? h('span', { class: 'cell-sub' }, i.dropReason) : null,
                i.carriedIntoId ? h('span', { class: 'cell-sub' }, msg('cvdCarriedOne')) : null,
              ),
              maturityCell(i.maturity),
              footprintCell(i.footprint),
            ),
          ),
        ),
      ),
    ),
    h('p', { class: 'small muted' }, msg('cvdMethod')),
  );
}
