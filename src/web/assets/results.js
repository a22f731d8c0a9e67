// The results page: overall score and level, scores by section (chart), the prioritised plan
// with its explanations and savings, and the footprint by device type and criterion.
import { responsive, scoreBars, stackedBars } from './charts.js';
import { committedVsDoneSection } from './commitments.js';
import {
  announce,
  api,
  fmtNumber,
  fmtPercent,
  fmtRange,
  fmtRatio,
  fmtScore,
  fmtShare,
  fmtSignificant,
  h,
  lang,
  msg,
  problemText,
  readJson,
  tr,
} from './lib.js';

const data = readJson('page-data');
const root = document.getElementById('results-root');
const CRITERIA = ['climate', 'minerals', 'fossil', 'rawMaterial', 'water'];
/** scoring-2 groups first; scoring-1's (quick_win, structural) for results computed with it. */
const GROUPS = ['this_year', 'next', 'quick_win', 'structural', 'keep_up', 'unknown'];
/** Actions shown at once in each group of the plan; the others are one click away. */
const SHOWN = 5;

function section(id, title, ...children) {
  return h('section', { class: 'card results-section', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

function levelText(level, label) {
  if (!level) return msg('noLevel');
  return `${msg('levelN', { level })} · ${tr(label)}`;
}

/** Scores to the unit, with the report's function (figures.js): the page and the PDF print the same digits. */
function scoreText(score) {
  return fmtScore(score);
}

// ------------------------------------------------------------------ summary

function summary(results) {
  const o = results.overall;
  const thisYear = results.priorities.filter((p) => p.group === 'this_year');
  const top = thisYear.length ? thisYear : results.priorities.filter((p) => p.group !== 'unknown').slice(0, 3);
  const climate = results.footprint?.totals?.climate?.total ?? null;
  const display = results.footprint?.display;
  const sectionTitle = (id) => tr(results.sections.find((x) => x.id === id)?.title) || id;
  return h(
    'section',
    { class: 'card summary-card', 'aria-labelledby': 'summary-title' },
    h('h2', { id: 'summary-title', class: 'visually-hidden' }, msg('summaryTitle')),
    h(
      'div',
      { class: 'summary-grid' },
      h(
        'div',
        { class: 'score-block', dataset: { level: String(o.level ?? 0) } },
        h('p', { class: 'score-label' }, msg('overallScore')),
        h('p', { class: 'score-big', id: 'overall-score' }, scoreText(o.score), h('span', { class: 'score-max' }, ' / 100')),
        h('p', { class: 'level-chip' }, levelText(o.level, o.levelLabel)),
        o.cappedBy
          ? h('p', { class: 'small' }, msg('cappedBy', { section: sectionTitle(o.cappedBy), level: o.uncappedLevel ?? '' }))
          : null,
      ),
      h(
        'div',
        { class: 'summary-facts' },
        h(
          'div',
          { class: 'fact' },
          h('p', { class: 'fact-label' }, msg('confidence')),
          h('p', { class: 'fact-value', id: 'overall-confidence' }, fmtRatio(o.confidence)),
          h('p', { class: 'small muted' }, msg('confidenceHint')),
        ),
        h(
          'div',
          { class: 'fact' },
          h('p', { class: 'fact-label' }, msg('climateTotal')),
          h('p', { class: 'fact-value', id: 'climate-total' }, climate === null ? msg('notEstimated') : tr(display?.totals?.climate)),
          h('p', { class: 'small muted' }, climate === null ? msg('inventoryMissing') : msg('perYear')),
          climate !== null && display?.perPerson
            ? h('p', { class: 'small', id: 'climate-per-person' }, `${tr(display.perPerson.climate)} ${tr(display.perPersonLabel)}`)
            : null,
          display?.leavesOut
            ? h(
                'p',
                { class: 'small muted', id: 'climate-leaves-out' },
                tr(display.leavesOut),
                ' ',
                h('a', { href: '#footprint-scope' }, msg('seeScope')),
              )
            : null,
        ),
        top.length
          ? h(
              'div',
              { class: 'fact fact-wide' },
              h('p', { class: 'fact-label' }, thisYear.length ? msg('group_this_year') : msg('topPriorities')),
              h(
                'ol',
                { class: 'top-list' },
                top.map((p) =>
                  h(
                    'li',
                    {},
                    h('a', { href: `#action-${p.actionId}` }, tr(p.title)),
                    p.kind ? h('span', { class: `badge badge-kind badge-kind-${p.kind}` }, msg(`kind_${p.kind}`)) : null,
                  ),
                ),
              ),
            )
          : null,
      ),
    ),
  );
}

// ------------------------------------------------------------------ sections

function isNa(section) {
  return section.status === 'not_applicable';
}

function sections(results) {
  const items = results.sections.map((x) => ({
    label: tr(x.title),
    value: x.score,
    valueText: `${fmtScore(x.score)} · ${msg('levelShort', { level: x.level ?? '—' })}`,
    nullText: isNa(x) ? msg('notApplicable') : undefined,
  }));
  const chart = h('div', { class: 'chart-box' });
  responsive(
    chart,
    scoreBars(items, {
      title: msg('sectionsChartTitle'),
      desc: items.map((i) => `${i.label}: ${i.value === null ? (i.nullText ?? msg('unknownScore')) : fmtScore(i.value)}`).join('; '),
      unknownText: msg('unknownScore'),
    }),
  );
  const table = h(
    'table',
    { class: 'table' },
    h('caption', { class: 'visually-hidden' }, msg('sectionsChartTitle')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, msg('section')),
        h('th', { scope: 'col', class: 'num' }, msg('score')),
        h('th', { scope: 'col' }, msg('level')),
        h('th', { scope: 'col', class: 'num' }, msg('answered')),
        h('th', { scope: 'col', class: 'num' }, msg('confidence')),
      ),
    ),
    h(
      'tbody',
      {},
      results.sections.map((x) =>
        isNa(x)
          ? h(
              'tr',
              { class: 'row-na', dataset: { section: x.id } },
              h('th', { scope: 'row' }, tr(x.title)),
              h('td', { colspan: '4' }, h('strong', {}, msg('notApplicable')), ' — ', tr(x.notApplicable?.text)),
            )
          : h(
              'tr',
              { dataset: { section: x.id } },
              h('th', { scope: 'row' }, tr(x.title)),
              h('td', { class: 'num' }, scoreText(x.score)),
              h('td', {}, levelText(x.level, x.levelLabel)),
              h('td', { class: 'num' }, `${x.answered} / ${x.visible}`),
              h('td', { class: 'num' }, fmtRatio(x.confidence)),
            ),
      ),
    ),
  );
  return section(
    'sections-title',
    msg('sectionsTitle'),
    h('p', { class: 'small muted' }, msg('sectionsLead')),
    chart,
    results.sections
      .filter(isNa)
      .map((x) =>
        h(
          'p',
          { class: 'small notice-na', dataset: { section: x.id } },
          h('strong', {}, tr(x.title)),
          ' : ',
          tr(x.notApplicable?.text),
          '.',
        ),
      ),
    h('details', { class: 'data-details' }, h('summary', {}, msg('seeData')), h('div', { class: 'table-scroll' }, table)),
  );
}

// ------------------------------------------------------------------ plan

function savingText(saving) {
  if (!saving || saving.climateKgCo2ePerYear === null || saving.climateKgCo2ePerYear === undefined) return null;
  const share = saving.shareOfClimateTotal;
  const text =
    share === null || share === undefined
      ? msg('savingKg', { kg: fmtSignificant(saving.climateKgCo2ePerYear) })
      : msg('savingKgShare', { kg: fmtSignificant(saving.climateKgCo2ePerYear), share: fmtShare(share) });
  const spread = fmtRange(saving.range?.low?.climate, saving.range?.high?.climate);
  return spread ? `${text} · ${msg('savingRange', { range: spread })}` : text;
}

/** A lever's expected benefit: quantified on the inventory (with its range), or assumed from its impact. */
function benefitText(p) {
  const b = p.benefit;
  const pct = (x) => fmtPercent(x, x < 0.1 ? 1 : 0);
  if (b.source === 'assumed') return msg('benefitAssumed', { share: fmtPercent(b.share, 2), impact: p.impactWeight });
  if (b.shareHigh !== null && b.shareHigh !== undefined && b.shareHigh > b.share)
    return msg('benefitRange', { share: pct(b.share), high: pct(b.shareHigh) });
  return msg('benefitQuantified', { share: pct(b.share) });
}

function explanationTable(action) {
  const rows = (action?.explanation ?? []).filter((e) => e.status !== 'hidden' && e.status !== 'not_applicable');
  if (!rows.length) return null;
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'table table-compact' },
      h('caption', {}, msg('explanationTitle')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, msg('question')),
          h('th', { scope: 'col' }, msg('yourAnswer')),
          h('th', { scope: 'col', class: 'num' }, msg('maturity')),
          h('th', { scope: 'col', class: 'num' }, msg('contribution')),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((e) =>
          h(
            'tr',
            {},
            h(
              'td',
              {},
              h(
                'a',
                {
                  href: `/assessments/${data.assessmentId}?section=${encodeURIComponent(e.sectionId)}&q=${encodeURIComponent(e.questionId)}`,
                },
                tr(e.questionLabel),
              ),
            ),
            h('td', {}, e.answerLabel ? tr(e.answerLabel) : h('em', {}, msg('unknownAnswer'))),
            h('td', { class: 'num' }, e.questionMaturity === null ? '—' : fmtNumber(e.questionMaturity)),
            h('td', { class: 'num' }, e.contribution === null ? '—' : fmtNumber(e.contribution)),
          ),
        ),
      ),
    ),
  );
}

function maturityBar(value) {
  const v = value === null || value === undefined ? 0 : Math.max(0, Math.min(100, value));
  return h(
    'span',
    { class: 'maturity' },
    h('span', { class: 'mini-bar mini-bar-inline', 'aria-hidden': 'true' }, h('span', { style: `width:${v}%` })),
    h('span', {}, value === null || value === undefined ? msg('unknownScore') : `${fmtScore(value)} / 100`),
  );
}

function planItem(p, action, catalogue, planState) {
  const saving = savingText(p.saving);
  const entry = catalogue.get(p.actionId);
  const steps = entry?.nextSteps ?? [];
  return h(
    'li',
    { class: 'plan-item', id: `action-${p.actionId}` },
    h('span', { class: 'plan-rank', 'aria-hidden': 'true' }, String(p.rank)),
    h(
      'div',
      { class: 'plan-body' },
      h(
        'h4',
        {},
        h('span', { class: 'visually-hidden' }, `${msg('rank')} ${p.rank} : `),
        tr(p.title),
        p.kind ? h('span', { class: `badge badge-kind badge-kind-${p.kind}` }, msg(`kind_${p.kind}`)) : null,
      ),
      adoptControl(p, planState),
      h('p', { class: 'plan-why' }, tr(p.why)),
      h(
        'dl',
        { class: 'plan-facts' },
        h('div', {}, h('dt', {}, msg('whereYouStand')), h('dd', {}, maturityBar(p.maturity))),
        h(
          'div',
          {},
          h('dt', {}, msg('effort')),
          h('dd', {}, h('span', { class: `badge badge-effort-${p.effort}` }, msg(`effort_${p.effort}`))),
        ),
        p.benefit
          ? h('div', { class: 'plan-benefit' }, h('dt', {}, msg('expectedBenefit')), h('dd', {}, benefitText(p)))
          : h('div', {}, h('dt', {}, msg('impact')), h('dd', {}, `${fmtNumber(p.effectiveImpact ?? p.impactWeight)} / 5`)),
        p.enables?.length
          ? h('div', { class: 'plan-enables' }, h('dt', {}, msg('enables')), h('dd', {}, p.enables.map((e) => tr(e.title)).join(' · ')))
          : null,
        h('div', {}, h('dt', {}, msg('owner')), h('dd', {}, msg(`owner_${p.ownerRole}`))),
        saving ? h('div', { class: 'plan-saving' }, h('dt', {}, msg('expectedGain')), h('dd', {}, saving)) : null,
      ),
      h(
        'details',
        { class: 'plan-details' },
        h('summary', {}, msg('whatNext')),
        entry ? h('p', {}, tr(entry.description)) : null,
        steps.length
          ? h(
              'ol',
              { class: 'steps' },
              steps.map((x) => h('li', {}, tr(x))),
            )
          : null,
        p.saving?.description ? h('p', { class: 'small' }, tr(p.saving.description)) : null,
        entry?.indicator ? h('p', { class: 'small' }, h('strong', {}, `${msg('indicator')} : `), tr(entry.indicator)) : null,
        explanationTable(action),
      ),
    ),
  );
}

/** "In the plan" for an adopted action; for owners, a button that adopts it. */
function adoptControl(p, planState) {
  if (!planState) return null;
  const adopted = planState.byAction.get(p.actionId);
  if (adopted) {
    return h(
      'p',
      { class: 'adopt-state' },
      h('a', { class: 'badge badge-adopted', href: `/assessments/${data.assessmentId}/plan#c-${adopted.id}` }, msg('inPlan')),
    );
  }
  if (!data.canManage) return null;
  return h(
    'p',
    { class: 'adopt-state' },
    h(
      'button',
      { type: 'button', class: 'button button-small adopt-one', dataset: { actionId: p.actionId } },
      msg('adopt'),
      h('span', { class: 'visually-hidden' }, ` : ${tr(p.title)}`),
    ),
  );
}

/** The bar above the plan: how many actions are adopted, the plan page, and "adopt the top 5" for owners. */
function planBar(planState) {
  if (!planState) return null;
  const missing = planState.top.filter((id) => !planState.byAction.has(id));
  return h(
    'div',
    { class: 'plan-bar' },
    h(
      'p',
      {},
      msg('adoptedCount', { count: planState.count }),
      ' ',
      h('a', { href: `/assessments/${data.assessmentId}/plan`, id: 'to-plan' }, msg('openPlan')),
    ),
    data.canManage && missing.length
      ? h(
          'button',
          { type: 'button', class: 'button button-primary', id: 'adopt-top', dataset: { actions: missing.join(' ') } },
          msg('adoptTop', { count: planState.top.length }),
        )
      : null,
    h('p', { class: 'form-error', id: 'adopt-error', role: 'alert', hidden: true }),
  );
}

function plan(results, catalogue, planState) {
  const actionById = new Map(results.actions.map((a) => [a.id, a]));
  const groups = GROUPS.map((g) => ({ g, items: results.priorities.filter((p) => p.group === g) })).filter((x) => x.items.length);
  const na = results.notApplicable?.actions ?? [];
  return section(
    'plan-title',
    msg('planTitle'),
    h('p', { class: 'small muted' }, msg('planLead')),
    results.priorities.some((p) => p.kind) ? h('p', { class: 'small muted' }, msg('kindHint')) : null,
    planBar(planState),
    groups.map(({ g, items }) =>
      h(
        'div',
        { class: `plan-group plan-group-${g}` },
        h('h3', {}, msg(`group_${g}`), h('span', { class: 'count' }, ` (${items.length})`)),
        h('p', { class: 'small muted' }, msg(`groupHint_${g}`)),
        g === 'unknown'
          ? h(
              'ul',
              { class: 'unknown-list' },
              items.map((p) => h('li', { id: `action-${p.actionId}` }, tr(p.title))),
            )
          : [
              h(
                'ol',
                { class: 'plan-list' },
                items.slice(0, SHOWN).map((p) => planItem(p, actionById.get(p.actionId), catalogue, planState)),
              ),
              items.length > SHOWN
                ? h(
                    'details',
                    { class: 'plan-more' },
                    h('summary', {}, msg('moreActions', { count: items.length - SHOWN })),
                    h(
                      'ol',
                      { class: 'plan-list', start: SHOWN + 1 },
                      items.slice(SHOWN).map((p) => planItem(p, actionById.get(p.actionId), catalogue, planState)),
                    ),
                  )
                : null,
            ],
      ),
    ),
    na.length
      ? h(
          'div',
          { class: 'plan-group plan-group-na', id: 'not-applicable' },
          h('h3', {}, msg('notApplicableTitle'), h('span', { class: 'count' }, ` (${na.length})`)),
          h('p', { class: 'small muted' }, msg('notApplicableLead')),
          h(
            'ul',
            { class: 'na-list' },
            na.map((a) => h('li', { id: `action-${a.id}` }, h('strong', {}, tr(a.title)), ' — ', tr(a.reason.text))),
          ),
        )
      : null,
  );
}

// ------------------------------------------------------------------ footprint

/** The criterion's name, as the factors file names it (the UI dictionary when the results do not say). */
function criterionName(c, f) {
  return tr(f?.criteria?.[c]?.label) || msg(`criterion_${c}`);
}

/** What the estimate counts and what it leaves out, and why. */
function scopeLists(f) {
  const scope = f?.scope;
  if (!scope) return null;
  const list = (id, title, items) =>
    h(
      'div',
      { class: 'scope-list', id },
      h('h4', {}, title),
      items.length
        ? h(
            'ul',
            { class: 'notes' },
            items.map((e) => h('li', {}, h('strong', {}, tr(e.label)), `${lang === 'fr' ? '\u00a0: ' : ': '}${tr(e.detail)}`)),
          )
        : h('p', { class: 'small muted' }, msg('scopeNothing')),
    );
  return h(
    'div',
    { class: 'footprint-scope', id: 'footprint-scope' },
    h('h3', {}, msg('footprintScope')),
    list('scope-estimated', msg('scopeEstimated'), scope.estimated ?? []),
    list('scope-not-estimated', msg('scopeNotEstimated'), scope.notEstimated ?? []),
  );
}

function footprint(results) {
  const f = results.footprint;
  if (!f || !Array.isArray(f.devices) || !f.devices.length) {
    return section('footprint-title', msg('footprintTitle'), h('p', {}, msg('inventoryMissingLong')), scopeLists(f));
  }
  const unit = (c) => f.units?.[c] ?? '';
  const display = f.display ?? {};
  const cards = CRITERIA.filter((c) => f.totals?.[c]).map((c) => {
    const t = f.totals[c];
    const total = t.total;
    const share = total && t.embodied !== null ? t.embodied / total : null;
    return h(
      'div',
      { class: 'criterion-card', dataset: { criterion: c } },
      h('p', { class: 'fact-label' }, criterionName(c, f)),
      h('p', { class: 'fact-value' }, total === null ? msg('notEstimated') : tr(display.totals?.[c])),
      share !== null
        ? h('p', { class: 'small muted' }, msg('embodiedShare', { share: fmtPercent(share) }))
        : h('p', { class: 'small muted' }, msg('embodiedOnly')),
      display.perPerson && total !== null
        ? h('p', { class: 'small' }, msg('perPerson', { value: tr(display.perPerson[c]), who: tr(display.perPersonLabel) }))
        : null,
      t.notEstimated?.length ? h('p', { class: 'small muted' }, msg('partsNotEstimated', { count: t.notEstimated.length })) : null,
    );
  });
  const climateItems = f.devices.map((d) => {
    const pc = d.perCriterion?.climate ?? {};
    return {
      label: `${tr(d.label)} (${fmtNumber(d.count, 0)})`,
      parts: [pc.embodied ?? null, pc.use ?? null],
      totalText: pc.total === null || pc.total === undefined ? msg('notEstimated') : `${fmtSignificant(pc.total)} ${unit('climate')}`,
    };
  });
  const chart = h('div', { class: 'chart-box' });
  responsive(
    chart,
    stackedBars(
      climateItems,
      [
        { name: msg('embodied'), className: 'fill-embodied' },
        { name: msg('use'), className: 'fill-use' },
      ],
      {
        title: msg('climateByDevice'),
        desc: climateItems.map((i) => `${i.label}: ${i.totalText}`).join('; '),
      },
    ),
  );
  const cell = (v) => (v === null || v === undefined ? h('span', { class: 'muted' }, msg('notEstimated')) : fmtSignificant(v));
  const table = h(
    'table',
    { class: 'table table-compact footprint-table' },
    h('caption', {}, msg('footprintTableCaption')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, msg('device')),
        h('th', { scope: 'col', class: 'num' }, msg('count')),
        h('th', { scope: 'col', class: 'num' }, msg('lifespan')),
        CRITERIA.map((c) => h('th', { scope: 'col', class: 'num' }, criterionName(c, f), h('br'), h('span', { class: 'unit' }, unit(c)))),
      ),
    ),
    h(
      'tbody',
      {},
      f.devices.map((d) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, tr(d.label)),
          h('td', { class: 'num' }, d.device === 'cloud' ? `${fmtNumber(d.count, 0)} vCPU` : fmtNumber(d.count, 0)),
          d.device === 'cloud'
            ? h('td', { class: 'num muted' }, '—')
            : h(
                'td',
                { class: 'num' },
                `${fmtNumber(d.lifespanYears)} ${msg('years')}`,
                d.lifespanSource === 'default' ? h('span', { class: 'muted' }, ` (${msg('defaultValue')})`) : null,
              ),
          CRITERIA.map((c) => {
            const p = d.perCriterion?.[c];
            return h(
              'td',
              { class: 'num' },
              cell(p?.total),
              p && p.use !== null && p.embodied !== null
                ? h(
                    'span',
                    { class: 'cell-sub' },
                    `${msg('embodiedShort')} ${fmtSignificant(p.embodied)} · ${msg('useShort')} ${fmtSignificant(p.use)}`,
                  )
                : null,
            );
          }),
        ),
      ),
    ),
    h(
      'tfoot',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, msg('total')),
        h(
          'td',
          { class: 'num' },
          fmtNumber(
            f.devices.filter((d) => d.device !== 'cloud').reduce((n, d) => n + d.count, 0),
            0,
          ),
        ),
        h('td', {}),
        CRITERIA.map((c) => {
          const t = f.totals?.[c];
          const spread = fmtRange(t?.low?.total, t?.high?.total);
          return h('td', { class: 'num' }, cell(t?.total), spread ? h('span', { class: 'cell-sub' }, spread) : null);
        }),
      ),
    ),
  );
  const notes = [
    msg('factorsVersion', { version: f.factorsVersion ?? '—' }),
    ...(f.notInventoried?.length ? [msg('notInventoried', { count: f.notInventoried.length })] : []),
    ...CRITERIA.map((c) =>
      f.criteria?.[c] ? `${tr(f.criteria[c].label)}${lang === 'fr' ? '\u00a0: ' : ': '}${tr(f.criteria[c].indicator)}` : null,
    ).filter(Boolean),
    ...(f.assumptions?.notes ?? []).map(tr),
    ...(f.notes ?? []).map((n) => tr(n.text)),
  ];
  return section(
    'footprint-title',
    msg('footprintTitle'),
    h('p', { class: 'small muted' }, msg('footprintLead')),
    h('div', { class: 'criteria-grid' }, cards),
    h('p', { class: 'small muted' }, msg('rangeNote')),
    scopeLists(f),
    h('h3', {}, msg('climateByDevice')),
    chart,
    h('div', { class: 'table-scroll' }, table),
    notes.length
      ? h(
          'details',
          { class: 'data-details' },
          h('summary', {}, msg('methodNotes')),
          h(
            'ul',
            { class: 'notes' },
            [...new Set(notes)].map((n) => h('li', {}, n)),
          ),
        )
      : null,
  );
}

function savingsList(results) {
  const raw = results.savings ?? results.footprint?.savings;
  if (!raw) return null;
  const levers = (Array.isArray(raw) ? raw : Object.values(raw)).filter((l) => l && typeof l === 'object' && 'lever' in l);
  if (!levers.length) return null;
  return section(
    'savings-title',
    msg('savingsTitle'),
    h('p', { class: 'small muted' }, msg('savingsLead')),
    h(
      'ul',
      { class: 'savings-list' },
      levers.map((l) =>
        h(
          'li',
          { class: l.applicable ? 'saving' : 'saving saving-na' },
          h('h3', {}, msg(`lever_${l.lever}`)),
          l.applicable
            ? h(
                'p',
                { class: 'saving-figure' },
                l.climateKgCo2ePerYear === null
                  ? msg('notEstimated')
                  : savingText({
                      climateKgCo2ePerYear: l.climateKgCo2ePerYear,
                      shareOfClimateTotal: l.shareOfClimateTotal,
                      range: l.range,
                    }),
              )
            : null,
          h('p', {}, l.applicable ? tr(l.description) : tr(l.reason)),
          l.method ? h('p', { class: 'small muted' }, tr(l.method)) : null,
        ),
      ),
    ),
  );
}

// ------------------------------------------------------------------ load

async function load() {
  const [results, actions, planResult] = await Promise.all([
    api('GET', `/api/v1/assessments/${data.assessmentId}/results`),
    api('GET', '/api/v1/actions'),
    api('GET', `/api/v1/assessments/${data.assessmentId}/plan`),
  ]);
  root.setAttribute('aria-busy', 'false');
  if (!results.ok || !results.data) {
    root.replaceChildren(
      h('div', { class: 'notice notice-error', role: 'alert' }, results.status === 404 ? msg('resultsUnavailable') : problemText(results)),
    );
    return;
  }
  const catalogue = new Map((actions.ok && Array.isArray(actions.data) ? actions.data : []).map((a) => [a.id, a]));
  const r = results.data;
  const planState = planResult.ok
    ? {
        top: planResult.data.top,
        count: planResult.data.commitments.length,
        byAction: new Map(planResult.data.commitments.map((c) => [c.actionId, c])),
      }
    : null;
  root.replaceChildren(
    asSubmitted(r) ?? '',
    summary(r),
    committedVsDoneSection(r.lastYearCommitments) ?? '',
    sections(r),
    plan(r, catalogue, planState),
    footprint(r),
    savingsList(r) ?? '',
    methodology(r),
  );
  openTarget();
  window.addEventListener('hashchange', openTarget);
}

/** Shows the plan item the address points to, opening the group that folds it. */
function openTarget() {
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (!target) return;
  const details = target.closest('details');
  if (details) details.open = true;
  target.scrollIntoView();
}

/** Adopts actions one after the other (owners), then shows the results again with their state. */
async function adopt(actionIds, button) {
  const error = document.getElementById('adopt-error');
  error.hidden = true;
  button.disabled = true;
  for (const actionId of actionIds) {
    const result = await api('POST', `/api/v1/assessments/${data.assessmentId}/plan/commitments`, { actionId });
    if (!result.ok && result.status !== 409) {
      button.disabled = false;
      error.textContent = problemText(result);
      error.hidden = false;
      return;
    }
  }
  announce(msg('adopted', { count: actionIds.length }));
  const keep = button.id === 'adopt-top' ? 'to-plan' : null;
  await load();
  const focus = keep ? document.getElementById(keep) : document.querySelector(`#action-${CSS.escape(actionIds[0])} .badge-adopted`);
  focus?.focus();
}

root.addEventListener('click', (event) => {
  const button = event.target.closest('#adopt-top, .adopt-one');
  if (!button) return;
  const ids = button.id === 'adopt-top' ? button.dataset.actions.split(' ') : [button.dataset.actionId];
  adopt(ids, button);
});

/** A submitted assessment whose figures differ under the current methodology: both, side by side. */
function asSubmitted(results) {
  const s = results.asSubmitted;
  if (!s || !s.differs) return null;
  const v = s.methodologyVersion;
  const titleOf = (id) => tr(results.actions.find((a) => a.id === id)?.title) || id;
  const score = (x) => (x.score === null ? msg('notApplicable') : fmtScore(x.score));
  const lines = [];
  if (s.overall)
    lines.push(
      msg('asSubmittedOverall', {
        version: v,
        then: score(s.overall.submitted),
        thenLevel: s.overall.submitted.level ?? '—',
        now: score(s.overall.now),
        nowLevel: s.overall.now.level ?? '—',
      }),
    );
  for (const x of s.sections)
    lines.push(msg('asSubmittedSection', { section: tr(x.title), version: v, then: score(x.submitted), now: score(x.now) }));
  if (s.topFive)
    lines.push(
      msg('asSubmittedTop', { version: v, then: s.topFive.submitted.map(titleOf).join(', '), now: s.topFive.now.map(titleOf).join(', ') }),
    );
  return h(
    'section',
    { class: 'notice notice-submitted-under', id: 'as-submitted', 'aria-labelledby': 'as-submitted-title' },
    h('h2', { id: 'as-submitted-title' }, msg('asSubmittedTitle', { version: v })),
    h('p', {}, msg('asSubmittedLead', { current: results.methodologyVersion })),
    h(
      'ul',
      {},
      lines.map((l) => h('li', {}, l)),
    ),
  );
}

function methodology(results) {
  return h('p', { class: 'small muted methodology' }, msg('methodology', { version: results.methodologyVersion ?? '—' }));
}

if (new URLSearchParams(location.search).get('submitted') === '1') {
  document.querySelector('.page-head')?.after(h('div', { class: 'notice notice-success', role: 'status' }, msg('submittedNotice')));
  history.replaceState(null, '', location.pathname + location.hash);
}
load();
