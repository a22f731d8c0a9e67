/**
 * The report as an editable Word document (npm package `docx`), from the same view model as the
 * PDF: committee papers are edited before they are presented. Headings are real Word headings
 * (Heading 1 to 3, so the navigation pane and a table of contents work), tables are Word tables,
 * the charts are images (SVG, with a PNG for viewers without SVG: charts-svg.ts). Same parts, in
 * the same order, as the PDF: the summary, the plan on one page, then the lettered annexes.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { scoreBarsSvg, stackedBarsSvg, svgSize, svgToPng } from './charts-svg.js';
import { createFormatter } from './report-format.js';
import { fillLabel, reportLabels } from './report.labels.js';
import { FOOTPRINT_CRITERIA, type ReportViewModel } from './report.view-model.js';

// Characters XML 1.0 cannot carry (C0 controls but tab and line feed, lone surrogates), dropped.
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what it removes
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const clean = (s: string) => s.replace(NOT_XML, '');

const FONT = 'Noto Sans';
const ACCENT = '0A4A43';

function p(text: string, opts: { bold?: boolean; size?: number; color?: string; italics?: boolean } = {}): Paragraph {
  const lines = clean(text).split('\n');
  return new Paragraph({
    spacing: { after: 80 },
    children: lines.map(
      (line, i) =>
        new TextRun({ text: line, break: i > 0 ? 1 : 0, bold: opts.bold, size: opts.size, color: opts.color, italics: opts.italics }),
    ),
  });
}

function h(text: string, level: 1 | 2 | 3): Paragraph {
  const heading = level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
  return new Paragraph({ heading, children: [new TextRun(clean(text))], keepNext: true });
}

function bullet(text: string): Paragraph {
  return new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children: [new TextRun(clean(text))], spacing: { after: 40 } });
}

/** A Word table: a header row repeated on every page, rows that do not split across pages. */
function table(headers: readonly string[], rows: readonly (readonly string[])[], widths?: readonly number[]): Table {
  const total = 9000;
  const w = widths ?? headers.map(() => 1);
  const sum = w.reduce((a, b) => a + b, 0);
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: Math.round((total * w[i]) / sum), type: WidthType.DXA },
      shading: header ? { type: ShadingType.CLEAR, fill: 'E2F0ED', color: 'auto' } : undefined,
      children: clean(text)
        .split('\n')
        .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: header, size: 18 })] })),
    });
  return new Table({
    width: { size: total, type: WidthType.DXA },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((x, i) => cell(x, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: headers.map((_, i) => cell(r[i] ?? '', i, false)) })),
    ],
    borders: {
      top: { style: BorderStyle.SINGLE, size: 4, color: '85939A' },
      bottom: { style: BorderStyle.SINGLE, size: 4, color: '85939A' },
      left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      insideHorizontal: { style: BorderStyle.SINGLE, size: 2, color: 'D3DCDF' },
      insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
    },
  });
}

async function chart(svg: string, altText: string): Promise<Paragraph> {
  const png = await svgToPng(svg);
  const { width, height } = svgSize(svg);
  const scale = 600 / width;
  return new Paragraph({
    alignment: AlignmentType.LEFT,
    children: [
      new ImageRun({
        type: 'svg',
        data: Buffer.from(svg, 'utf8'),
        fallback: { type: 'png', data: png },
        transformation: { width: Math.round(width * scale), height: Math.round(height * scale) },
        altText: { title: clean(altText), description: clean(altText), name: clean(altText) },
      }),
    ],
  });
}

/** Renders the view model as a DOCX file. */
export async function renderDocx(vm: ReportViewModel): Promise<Buffer> {
  const lang = vm.meta.lang;
  const t = reportLabels(lang);
  const fmt = createFormatter(lang);
  const s = vm.summary;
  const colon = (label: string, value: string) => (lang === 'fr' ? `${label}\u202f: ${value}` : `${label}: ${value}`);
  const range = (low: number | null, high: number | null) => {
    const r = low !== null && high !== null ? fmt.range(low, high) : '';
    return r ? ` (${r})` : '';
  };
  let annexes = 0;
  const annex = (title: string) => `${fillLabel(t.annex, { letter: String.fromCharCode(65 + annexes++) })} · ${title}`;
  const out: FileChild[] = [];

  // Cover
  out.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(clean(t.reportTitle))] }));
  out.push(p(vm.meta.organisationName, { bold: true, size: 32 }));
  out.push(
    p(
      `${vm.meta.year} · ${fmt.date(vm.meta.generatedAt)} · ${fillLabel(t.coverTemplateValue, { title: vm.meta.templateTitle, version: vm.meta.templateVersion })} · ${t.coverMethodology} ${vm.meta.methodologyVersion}`,
      { color: '56646C' },
    ),
  );
  const notices = [...(vm.meta.status === 'draft' ? [t.draftNotice] : []), ...vm.honesty.notices.map((n) => n.text)];

  // Summary, page 1: where the organisation stands
  out.push(h(t.executiveSummary, 1));
  out.push(p(fillLabel(t.summaryIntro, { year: vm.meta.year, organisation: vm.meta.organisationName })));
  if (notices.length) {
    out.push(h(t.noticesHeading, 2));
    for (const n of notices) out.push(bullet(n));
  }
  out.push(h(t.overallScore, 2));
  out.push(
    p(
      `${fmt.score(s.score)}${t.outOf100} · ${fillLabel(t.level, { level: s.level })} · ${s.levelLabel} · ${colon(t.confidence, fmt.ratio(s.confidence))}`,
      { bold: true },
    ),
  );
  out.push(
    p(
      s.scoreChange !== null && s.previousYear !== null
        ? fillLabel(t.scoreChange, { change: fmt.signedPoints(s.scoreChange), year: s.previousYear })
        : t.noPreviousYear,
    ),
  );
  out.push(h(t.footprintHeadline, 2));
  const hasChange = s.previousYear !== null && s.footprint.some((f) => f.changePercent !== null);
  out.push(
    table(
      [
        t.criterion,
        t.valuePerYear,
        ...(hasChange ? [`${t.changeVsPrevious} ${fillLabel(t.sinceYear, { year: s.previousYear ?? '' })}`] : []),
      ],
      FOOTPRINT_CRITERIA.map((c) => {
        const f = s.footprint.find((x) => x.criterion === c);
        const value = f?.value ?? null;
        return [
          t.criteria[c].label,
          value === null ? t.notEstimated : `${fmt.quantity(value)} ${t.criteria[c].unit}${range(f?.low ?? null, f?.high ?? null)}`,
          ...(hasChange ? [f?.changePercent == null ? '—' : fmt.signedPercent(f.changePercent)] : []),
        ];
      }),
      hasChange ? [4, 4, 2] : [5, 5],
    ),
  );
  if (s.perPersonText) out.push(bullet(colon(t.perPerson, s.perPersonText)));
  out.push(bullet(s.leavesOut)); // the footprint's sentence says "Leaves out: ..." itself
  if (s.highlights.length) {
    out.push(h(t.keyFindings, 3));
    for (const x of s.highlights) out.push(bullet(x));
  }

  // Summary, page 2: what to do
  out.push(h(s.thisYearGroup === 'this_year' ? t.thisYearHeading : t.firstActionsHeading, 2));
  out.push(p(t.thisYearIntro, { color: '56646C' }));
  out.push(
    table(
      [t.planColumns.rank, t.planColumns.action, t.expectedSaving, t.owner, t.due, t.firstStep],
      s.thisYear.map((a) => [
        String(a.rank),
        a.kindLabel ? `${a.title}\n${a.kindLabel} · ${a.effortLabel}` : `${a.title}\n${a.effortLabel}`,
        a.saving
          ? `${a.saving.kgText} ${t.criteria.climate.unit} ${t.perYear}${a.saving.rangeText ? ` (${a.saving.rangeText})` : ''}${a.saving.shareText ? `\n${a.saving.shareText} ${t.ofClimateFootprint}` : ''}`
          : t.notQuantified,
        a.owner.source === 'suggested' ? `${a.owner.name} (${t.suggested})` : a.owner.name,
        a.due ?? t.notCommitted,
        a.firstStep ?? '—',
      ]),
      [1, 5, 4, 3, 2, 6],
    ),
  );
  if (vm.commitments) {
    const c = vm.commitments;
    out.push(h(`${t.lastYearHeading} · ${c.title}`, 2));
    out.push(p(c.intro));
    if (c.moved) out.push(p(c.moved));
    out.push(
      table(
        [c.headers.action, c.headers.status, c.headers.maturity, c.headers.footprint],
        c.rows.map((r) => [
          r.action,
          r.note ? `${r.status}\n${r.note}` : r.status,
          `${r.maturity}\n${r.maturityVerdict}`,
          r.footprintVerdict ? `${r.footprint}\n${r.footprintVerdict}` : r.footprint,
        ]),
        [4, 2, 2, 4],
      ),
    );
  }
  out.push(h(t.ninetyDays, 2));
  for (const period of s.ninetyDays.filter((x) => x.items.length)) {
    out.push(h(period.label, 3));
    for (const item of period.items) out.push(bullet(item));
  }

  // The plan on one page
  const items = vm.actionPlan.groups.flatMap((g) => g.items);
  out.push(h(t.planPage, 1));
  out.push(p(t.planPageIntro, { color: '56646C' }));
  const c = t.planColumns;
  out.push(
    table(
      [c.rank, c.action, c.group, c.owner, c.due, c.indicator, c.effort, c.saving],
      items.map((i) => [
        String(i.rank),
        i.title,
        t.groups[i.group].title,
        i.owner.source === 'suggested' ? `${i.owner.name} *` : i.owner.name,
        i.due ?? '—',
        i.indicator,
        i.effortLabel,
        i.saving ? `${i.saving.kgText} ${t.criteria.climate.unit}${i.saving.shareText ? ` (${i.saving.shareText})` : ''}` : t.notQuantified,
      ]),
      [1, 5, 2, 3, 2, 5, 2, 3],
    ),
  );

  // Annex: action details
  out.push(h(annex(t.actionDetails), 1));
  out.push(p(t.actionDetailsIntro, { color: '56646C' }));
  for (const group of vm.actionPlan.groups.filter((g) => g.items.length)) {
    out.push(h(`${t.groups[group.group].title} (${group.items.length})`, 2));
    for (const i of group.items) {
      out.push(h(`${i.rank}. ${i.title}`, 3));
      const owner = i.owner.source === 'suggested' ? `${i.owner.name} (${t.suggested})` : i.owner.name;
      out.push(
        p(
          [i.kindLabel, colon(t.owner, owner), colon(t.due, i.due ?? t.notCommitted), colon(t.columns.effort, i.effortLabel)]
            .filter(Boolean)
            .join(' · '),
          {
            color: '56646C',
          },
        ),
      );
      out.push(p(colon(t.why, i.whyItMatters)));
      out.push(
        p(
          `${colon(t.maturity, i.maturity === null ? t.unknown : `${fmt.score(i.maturity)}/100`)}. ${colon(t.answersThatMovedIt, i.answersSummary)}`,
        ),
      );
      out.push(p(colon(t.columns.saving, i.expectedSavingText ?? t.notQuantified)));
      out.push(p(colon(t.columns.indicator, i.indicator)));
      for (const step of i.nextSteps) out.push(bullet(step));
    }
  }
  if (vm.actionPlan.notApplicable.length) {
    out.push(h(`${t.notApplicableActions} (${vm.actionPlan.notApplicable.length})`, 2));
    out.push(p(t.notApplicableActionsIntro));
    for (const a of vm.actionPlan.notApplicable) out.push(bullet(`${a.title} — ${a.reason}`));
  }

  // Annex: scores by section
  out.push(h(annex(t.sectionScores), 1));
  out.push(p(t.sectionScoresIntro));
  out.push(
    await chart(
      scoreBarsSvg(
        vm.sections.map((x) => ({
          label: x.title,
          value: x.score,
          previous: x.previousScore,
          valueText:
            x.notApplicable !== null ? t.notApplicable : x.score === null ? t.notAssessed : `${fmt.score(x.score)} · ${x.levelLabel ?? ''}`,
        })),
        {
          current: fillLabel(t.legendCurrent, { year: vm.meta.year }),
          previous: s.previousYear !== null ? fillLabel(t.legendPrevious, { year: s.previousYear }) : null,
        },
      ),
      t.sectionScores,
    ),
  );
  out.push(
    table(
      [t.section, t.score, t.level.replace(/\s*\{level\}/, ''), t.confidence, t.delta],
      vm.sections.map((x) => [
        x.title,
        x.score === null ? '—' : fmt.score(x.score),
        x.notApplicable !== null
          ? `${t.notApplicable}: ${x.notApplicable}`
          : x.level === null
            ? t.notAssessed
            : `${x.level} · ${x.levelLabel ?? ''}`,
        x.notApplicable !== null ? '—' : fmt.ratio(x.confidence),
        x.change === null ? '—' : fmt.signedPoints(x.change),
      ]),
      [5, 1, 3, 2, 1],
    ),
  );

  // Annex: footprint
  const fp = vm.footprint;
  out.push(h(annex(t.footprint), 1));
  out.push(p(`${t.footprintIntro} ${fillLabel(t.factorsVersion, { version: fp.factorsVersion })}`));
  if (fp.devices.length) {
    out.push(h(t.climateChartTitle, 2));
    out.push(
      await chart(
        stackedBarsSvg(
          fp.devices.map((d) => ({
            label: d.label,
            embodied: d.impacts.climate.embodied ?? 0,
            use: d.impacts.climate.use ?? 0,
            valueText: d.impacts.climate.total === null ? t.notEstimated : fmt.quantity(d.impacts.climate.total),
          })),
          { embodied: t.embodied, use: t.use },
        ),
        t.climateChartTitle,
      ),
    );
    out.push(h(t.tableTitle, 2));
    out.push(
      table(
        [t.deviceType, t.count, t.lifespan, ...FOOTPRINT_CRITERIA.map((x) => `${t.criteria[x].short} (${t.criteria[x].unit})`)],
        [
          ...fp.devices.map((d) => [
            d.label,
            fmt.integer(d.count),
            `${fmt.decimal(d.lifespanYears, 1)} ${t.yearsShort}`,
            ...FOOTPRINT_CRITERIA.map((x) => (d.impacts[x].total === null ? t.notEstimated : fmt.quantity(d.impacts[x].total!))),
          ]),
          [t.total, '', '', ...FOOTPRINT_CRITERIA.map((x) => (fp.totals[x].total === null ? t.notEstimated : fp.totalTexts[x]))],
        ],
        [3, 1, 1, 2, 2, 2, 2, 2],
      ),
    );
  }
  out.push(h(t.scopeHeading, 2));
  for (const e of fp.scope.estimated) out.push(bullet(colon(`${t.scopeEstimated} — ${e.label}`, e.detail)));
  for (const e of fp.scope.notEstimated) out.push(bullet(colon(`${t.scopeNotEstimated} — ${e.label}`, e.detail)));

  // Annex: year on year
  const yoy = vm.yearOnYear;
  if (yoy) {
    out.push(h(annex(t.yearOnYear), 1));
    out.push(p(fillLabel(t.yearOnYearIntro, { year: vm.meta.year, previous: yoy.previousYear })));
    for (const n of yoy.notes) out.push(bullet(n));
    out.push(h(t.sectionDeltas, 2));
    out.push(
      table(
        [t.section, String(yoy.previousYear), String(vm.meta.year), t.delta],
        yoy.sections.map((x) => [
          x.title,
          x.previous === null ? '—' : fmt.score(x.previous),
          x.current === null ? '—' : fmt.score(x.current),
          x.delta === null ? '—' : fmt.signedPoints(x.delta),
        ]),
        [5, 1, 1, 1],
      ),
    );
    out.push(h(t.footprintDeltas, 2));
    out.push(
      table(
        [t.criterion, String(yoy.previousYear), String(vm.meta.year), '%'],
        yoy.footprint.map((f) => [
          `${t.criteria[f.criterion].label} (${t.criteria[f.criterion].unit})`,
          f.previous === null ? t.notEstimated : fmt.quantity(f.previous),
          f.current === null ? t.notEstimated : fmt.quantity(f.current),
          f.deltaPercent === null ? '—' : fmt.signedPercent(f.deltaPercent),
        ]),
        [5, 2, 2, 1],
      ),
    );
  }

  // Annex: key messages
  out.push(h(annex(t.keyMessages), 1));
  out.push(p(t.keyMessagesIntro));
  for (const m of vm.keyMessages) {
    out.push(h(`${m.number}. ${m.title}`, 2));
    out.push(p(m.body));
    for (const f of m.figures) out.push(bullet(`${f.text} (${colon(t.source, `${f.source}, ${f.year}`)})`));
  }

  // Annex: methodology and sources
  out.push(h(annex(t.methodology), 1));
  for (const [title, text] of [
    [t.scoringFormula, vm.methodology.scoring],
    [t.priorityFormula, vm.methodology.priority],
    [t.footprintModel, vm.methodology.footprint],
  ] as const) {
    out.push(h(title, 2));
    for (const para of text.split(/\n\s*\n/)) out.push(p(para));
  }
  out.push(h(t.sources, 2));
  vm.methodology.sources.forEach((x, i) =>
    out.push(p(`[${i + 1}] ${x.label} (${x.year === null ? t.undated : x.year})${x.usedFor ? ` · ${t.usedFor} ${x.usedFor}` : ''}`)),
  );

  // Annex: answers
  out.push(h(annex(t.appendix), 1));
  out.push(p(t.appendixIntro));
  for (const section of vm.appendix.sections) {
    out.push(h(section.title, 2));
    for (const a of section.answers) {
      out.push(p(a.questionLabel, { bold: true }));
      out.push(p(a.answerText ?? t.unanswered));
      if (a.unconfirmed) out.push(p(`[${t.unconfirmedAnswer}]`, { bold: true }));
      if (a.comment) out.push(p(colon(t.comment, a.comment), { italics: true }));
    }
  }

  const doc = new Document({
    creator: 'fresque-impact',
    title: clean(`${t.reportTitle} · ${vm.meta.organisationName} · ${vm.meta.year}`),
    description: `template=${vm.meta.templateId}@${vm.meta.templateVersion}; methodology=${vm.meta.methodologyVersion}; lang=${lang}`,
    styles: {
      default: {
        document: { run: { font: FONT, size: 20 } },
        title: { run: { font: FONT, size: 48, bold: true, color: ACCENT }, paragraph: { spacing: { after: 240 } } },
        heading1: { run: { font: FONT, size: 36, bold: true, color: ACCENT }, paragraph: { spacing: { before: 360, after: 160 } } },
        heading2: { run: { font: FONT, size: 28, bold: true, color: ACCENT }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading3: { run: { font: FONT, size: 22, bold: true }, paragraph: { spacing: { before: 160, after: 80 } } },
      },
    },
    numbering: {
      config: [{ reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT }] }],
    },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 } } }, children: out }],
  });
  return Packer.toBuffer(doc);
}
