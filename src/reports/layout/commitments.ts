/**
 * "Committed last year vs done": a self-contained part, drawn only when last year's plan had
 * commitments. Counts, then one row per commitment with its final status and whether the
 * action's maturity and footprint figure moved as expected.
 */
import type { LayoutFn } from './context.js';
import { box, flow, annexTitle, startPart } from './primitives.js';
import { columnsFor, drawTable, type Cell, type TableSpec } from './table.js';
import { COLORS, SPACE, TYPE } from './theme.js';

const verdictColor = (ok: boolean | null) => (ok === true ? COLORS.positive : ok === false ? COLORS.negative : COLORS.muted);

export const drawCommitments: LayoutFn = (doc, vm, ctx) => {
  const c = vm.commitments;
  if (!c) return;
  startPart(doc, ctx, annexTitle(ctx, c.title));
  const b = box(doc);
  flow(doc, c.intro, { size: TYPE.body, gapAfter: SPACE.xs });
  if (c.moved) flow(doc, c.moved, { size: TYPE.body, gapAfter: SPACE.sm });
  const spec: TableSpec = {
    columns: columnsFor(b.width, [
      { header: c.headers.action, weight: 30 },
      { header: c.headers.status, weight: 16 },
      { header: c.headers.maturity, weight: 20 },
      { header: c.headers.footprint, weight: 34 },
    ]),
    rows: c.rows.map((r): Cell[] => [
      { kind: 'text', text: r.action, font: 'semibold' },
      [
        { kind: 'text', text: r.status, font: r.done ? 'semibold' : 'regular', color: r.done ? COLORS.positive : COLORS.text },
        ...(r.note ? [{ kind: 'text' as const, text: r.note, size: TYPE.tiny, color: COLORS.muted }] : []),
      ],
      [
        { kind: 'text', text: r.maturity },
        { kind: 'text', text: r.maturityVerdict, size: TYPE.tiny, font: 'semibold', color: verdictColor(r.maturityOk) },
      ],
      [
        { kind: 'text', text: r.footprint, size: TYPE.small },
        ...(r.footprintVerdict
          ? [
              {
                kind: 'text' as const,
                text: r.footprintVerdict,
                size: TYPE.tiny,
                font: 'semibold' as const,
                color: verdictColor(r.footprintOk),
              },
            ]
          : []),
      ],
    ]),
    fontSize: TYPE.small,
  };
  drawTable(doc, spec);
  doc.y += SPACE.sm;
  flow(doc, c.method, { size: TYPE.small, color: COLORS.muted });
};
