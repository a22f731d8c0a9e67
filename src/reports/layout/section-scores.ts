/**
 * Scores by section: horizontal bar chart (last year as a thin bar) and a table.
 */
import { fillLabel } from '../report.labels.js';
import { scoreBars } from './charts.js';
import type { LayoutFn } from './context.js';
import { changeColor, levelColor, levelTextColor } from './helpers.js';
import { box, ensureSpace, flow, annexTitle, startPart } from './primitives.js';
import { columnsFor, drawTable, type Cell } from './table.js';
import type { MaturityLevel } from '../report.view-model.js';
import { COLORS, LEVEL_COLORS, SPACE, TYPE } from './theme.js';

export const drawSectionScores: LayoutFn = (doc, vm, ctx) => {
  const { t, fmt } = ctx;
  startPart(doc, ctx, annexTitle(ctx, t.sectionScores));
  const b = box(doc);
  flow(doc, t.sectionScoresIntro, { size: TYPE.body, color: COLORS.muted, gapAfter: SPACE.md });

  const previousYear = vm.summary.previousYear;
  const hasPrevious = previousYear !== null && vm.sections.some((s) => s.previousScore !== null);
  const rows = vm.sections.map((s) => ({
    title: s.title,
    score: s.score,
    previous: hasPrevious ? s.previousScore : null,
    color: levelColor(s.level),
    valueLabel: s.score === null ? '—' : `${fmt.score(s.score)} · ${s.levelLabel ?? ''}`.replace(/ · $/, ''),
    nullLabel: s.notApplicable !== null ? t.notApplicable : undefined,
  }));
  ensureSpace(doc, 40 + rows.length * 30 + 30);
  doc.y += scoreBars(doc, rows, {
    x: b.left,
    y: doc.y,
    width: b.width,
    labelWidth: 150,
    valueWidth: 96,
    unknownLabel: t.notAssessed,
    legend: {
      current: fillLabel(t.legendCurrent, { year: vm.meta.year }),
      currentColors: [1, 2, 3, 4, 5].map((l) => LEVEL_COLORS[l as MaturityLevel]),
      previous: hasPrevious ? fillLabel(t.legendPrevious, { year: previousYear ?? '' }) : null,
    },
  });
  doc.y += SPACE.lg;

  const defs = [
    { header: t.section, weight: 34 },
    { header: t.score, weight: 10, align: 'right' as const },
    { header: t.level.replace(/\s*\{level\}/, ''), weight: 20 },
    { header: t.confidence, weight: 12, align: 'right' as const },
  ];
  if (hasPrevious) {
    defs.push({ header: String(previousYear), weight: 11, align: 'right' as const });
    defs.push({ header: t.delta, weight: 11, align: 'right' as const });
  }
  const tableRows: Cell[][] = vm.sections.map((s) => {
    if (s.notApplicable !== null) {
      const row: Cell[] = [
        { kind: 'text', text: s.title, font: 'semibold' },
        { kind: 'text', text: '—', color: COLORS.muted },
        { kind: 'text', text: t.notApplicable, color: COLORS.muted, font: 'semibold' },
        { kind: 'text', text: '—', color: COLORS.muted },
      ];
      if (hasPrevious) row.push({ kind: 'text', text: '—', color: COLORS.muted }, { kind: 'text', text: '—', color: COLORS.muted });
      return row;
    }
    const row: Cell[] = [
      { kind: 'text', text: s.title, font: 'semibold' },
      s.score === null ? { kind: 'text', text: '—', color: COLORS.muted } : { kind: 'text', text: fmt.score(s.score), font: 'semibold' },
      s.level === null
        ? { kind: 'text', text: t.notAssessed, color: COLORS.muted }
        : { kind: 'text', text: `${s.level} · ${s.levelLabel ?? ''}`, color: levelTextColor(s.level), font: 'semibold' },
      fmt.ratio(s.confidence),
    ];
    if (hasPrevious) {
      row.push(s.previousScore === null ? { kind: 'text', text: '—', color: COLORS.muted } : fmt.score(s.previousScore));
      const delta = s.change;
      row.push(
        delta === null
          ? { kind: 'text', text: '—', color: COLORS.muted }
          : { kind: 'text', text: fmt.signedPoints(delta), font: 'semibold', color: changeColor(delta, true) },
      );
    }
    return row;
  });
  drawTable(doc, { columns: columnsFor(b.width, defs), rows: tableRows, fontSize: TYPE.small });
  // Why a section does not apply: it has no score and caps nothing (not a zero).
  for (const s of vm.sections.filter((x) => x.notApplicable !== null)) {
    flow(doc, `${s.title} — ${s.notApplicable}.`, { size: TYPE.small, color: COLORS.muted, gapAfter: SPACE.xs });
  }
};
