import type { AnswerDto, AssessmentDto } from '../../assessments/assessments.dto.js';
import type { InventoryImportDto } from '../../inventory/inventory.dto.js';
import { DEVICE_CLASSES, FIELDS, type DeviceClass } from '../../inventory/inventory.types.js';
import type { AnswerValue, Question, QuestionnaireTemplate, Section } from '../../questionnaires/template.types.js';
import { conditionRulesOut, questionIndex } from '../../scoring/applicability.js';
import { attrs, html, type SafeHtml } from '../html.js';
import { formatDateTime, formatNumber, t, tr, type Lang } from '../i18n.js';
import { layout, type PageContext } from '../layout.js';
import type { MessageKey } from '../messages.js';
import { assignControl, assigneeLabel } from './assignments.fragment.js';
import { progressBar } from './dashboard.page.js';

export interface WalkView {
  assessment: AssessmentDto;
  template: QuestionnaireTemplate;
  answers: AnswerDto[];
  /** The questions asked given the answers (computed once, with the loaded assessment). */
  visible: ReadonlySet<string>;
  section: Section;
  /** The question to scroll to (resume where one left off), if any. */
  focus: string | null;
  canEdit: boolean;
  isOwner: boolean;
  /** True when every visible question is answered. */
  complete: boolean;
  /** Questions informing last year's committed actions: reviewed first. */
  reviewFirst?: {
    year: number;
    questions: Array<{ questionId: string; sectionId: string; label: { fr: string; en: string }; carriedOver: boolean }>;
  } | null;
  /** Who holds each section (by section id), and for owners the members to assign this section to. */
  assignments?: {
    bySection: Record<string, { userId: string; email: string }>;
    selfEmail: string;
    members: Array<{ id: string; email: string }> | null;
  };
  /** The inventory import panel, on the section that holds the inventory questions. */
  inventory?: {
    latest: InventoryImportDto | null;
    classLabels: Record<DeviceClass, { fr: string; en: string }>;
  } | null;
  /** The answers of the year this one was started from (copy-forward), shown beside each question. */
  lastYear?: { year: number; values: Record<string, AnswerValue> } | null;
}

interface QuestionCtx {
  lang: Lang;
  n: number;
  answer: AnswerDto | undefined;
  readOnly: boolean;
  copyYear: number | null;
  /** The year of the plan whose commitments this question informs (review it first). */
  reviewYear?: number | null;
  /** Last year's answer to this question, when this year was started from it. */
  lastYear?: { year: number; value: AnswerValue } | null;
}

/** An answer in words, as the page shows it (option labels, yes/no, a number with its unit). */
export function answerText(q: Question, value: AnswerValue, lang: Lang): string {
  if (value === 'dont_know' && (q.type === 'boolean' || q.type === 'number')) return t(lang, 'walk.dontKnow');
  switch (q.type) {
    case 'boolean':
      return t(lang, value ? 'walk.yes' : 'walk.no');
    case 'number':
      return typeof value === 'number' ? `${formatNumber(value, lang, 2)}${q.unit ? ` ${tr(q.unit, lang)}` : ''}` : String(value);
    case 'text':
      return typeof value === 'string' && value.length > 200 ? `${value.slice(0, 200)}…` : String(value);
    default: {
      const ids = Array.isArray(value) ? value : [String(value)];
      return ids.map((id) => tr((q.options ?? []).find((o) => o.id === id)?.label, lang) || id).join(', ');
    }
  }
}

/** Single-choice questions with this many options or more are a native select (type-ahead) rather than tiles. */
const SELECT_FROM = 12;

/** A number as it is typed back into its field: the language's decimal separator, no grouping. */
function numberText(value: number, lang: Lang): string {
  return lang === 'fr' ? String(value).replace('.', ',') : String(value);
}

function requiredMark(lang: Lang, q: Question): SafeHtml {
  return q.required
    ? html` <span class="req">${t(lang, 'walk.required')}</span>`
    : html` <span class="optional">${t(lang, 'form.optional')}</span>`;
}

function choiceInputs(q: Question, c: QuestionCtx): SafeHtml {
  const value = c.answer?.value;
  const name = `a${c.n}`;
  if (q.type === 'boolean') {
    const choices: Array<[string, string]> = [
      ['true', t(c.lang, 'walk.yes')],
      ['false', t(c.lang, 'walk.no')],
      ...(q.dontKnow ? ([['dont_know', t(c.lang, 'walk.dontKnow')]] as Array<[string, string]>) : []),
    ];
    return html`<div class="options options-inline">
      ${choices.map(
        ([v, label], i) =>
          html`<div class="option">
            <input
              type="radio"
              id="${name}-${i}"
              name="${name}"
              value="${v}"
              ${attrs({ checked: value !== undefined && String(value) === v, disabled: c.readOnly })}
            /><label for="${name}-${i}">${label}</label>
          </div>`,
      )}
    </div>`;
  }
  if (q.type === 'single_choice' && (q.options ?? []).length >= SELECT_FROM) {
    return html`<select${attrs({ id: `${name}-select`, name, class: 'q-select', disabled: c.readOnly, 'aria-labelledby': `ql${c.n}` })}>
      <option value="" ${attrs({ selected: typeof value !== 'string' })}>${t(c.lang, 'walk.selectNone')}</option>
      ${(q.options ?? []).map((o) => html`<option value="${o.id}" ${attrs({ selected: value === o.id })}>${tr(o.label, c.lang)}</option>`)}
    </select>`;
  }
  const multi = q.type === 'multi_choice';
  const selected = new Set(Array.isArray(value) ? value : typeof value === 'string' ? [value] : []);
  return html`<div class="options${q.type === 'scale' ? ' options-scale' : ''}">
    ${(q.options ?? []).map(
      (o, i) =>
        html`<div class="option">
          <input
            type="${multi ? 'checkbox' : 'radio'}"
            id="${name}-${i}"
            name="${name}"
            value="${o.id}"
            ${attrs({
              checked: selected.has(o.id),
              disabled: c.readOnly,
              'data-exclusive': multi && o.exclusive ? 'true' : null,
            })}
          /><label for="${name}-${i}">${tr(o.label, c.lang)}</label>
        </div>`,
    )}
  </div>`;
}

function questionBlock(q: Question, c: QuestionCtx, visible: boolean, cell = false): SafeHtml {
  const { lang, n } = c;
  const helpId = q.help ? `help${n}` : '';
  const described = [helpId, `err${n}`].filter(Boolean).join(' ');
  const a = c.answer;
  const isChoice = q.type !== 'number' && q.type !== 'text';
  const state = a
    ? a.carriedOver
      ? t(lang, 'walk.carriedState', { year: c.copyYear ?? '' })
      : a.source?.kind === 'inventory-import'
        ? t(lang, 'walk.fromImport', {
            file: a.source.fileName,
            rows: formatNumber(a.source.rows, lang, 0),
            when: formatDateTime(a.source.appliedAt, lang),
            who: a.source.appliedByEmail,
          })
        : t(lang, 'walk.savedBy', { who: a.answeredByEmail ?? '?', when: formatDateTime(a.updatedAt, lang) })
    : t(lang, 'walk.notAnswered');
  const body = isChoice
    ? html`<fieldset class="q-fieldset" ${attrs({ 'aria-describedby': described })}>
        <legend class="q-label" id="ql${n}">${tr(q.label, lang)}${requiredMark(lang, q)}</legend>
        ${q.help ? html`<p class="q-help" id="${helpId}">${tr(q.help, lang)}</p>` : ''}
        ${q.type === 'multi_choice' ? html`<p class="q-help q-help-multi">${t(lang, 'walk.multiHint')}</p>` : ''} ${choiceInputs(q, c)}
      </fieldset>`
    : html`<div class="q-field">
        <label class="q-label${cell ? ' visually-hidden' : ''}" for="in${n}">${tr(q.label, lang)}${requiredMark(lang, q)}</label>
        ${q.help ? html`<p class="q-help${cell ? ' visually-hidden' : ''}" id="${helpId}">${tr(q.help, lang)}</p>` : ''}
        ${
          q.type === 'number'
            ? html`<div class="input-unit"><input${attrs({
                // Text, not type=number: the page reads "1,5" and "1 234" itself and refuses what is ambiguous (decimal.js).
                type: 'text',
                class: 'q-number',
                id: `in${n}`,
                name: `a${n}`,
                inputmode: q.integer ? 'numeric' : 'decimal',
                autocomplete: 'off',
                spellcheck: 'false',
                value: typeof a?.value === 'number' ? numberText(a.value, lang) : null,
                disabled: c.readOnly || a?.value === 'dont_know',
                'aria-describedby': described,
              })}>${q.unit ? html`<span class="unit">${tr(q.unit, lang)}</span>` : ''}</div>
        ${
          q.dontKnow
            ? html`<div class="option option-dontknow"><input${attrs({
                type: 'checkbox',
                id: `dk${n}`,
                class: 'q-dontknow',
                value: 'dont_know',
                checked: a?.value === 'dont_know',
                disabled: c.readOnly,
              })}><label for="dk${n}">${t(lang, 'walk.dontKnow')}</label></div>`
            : ''
        }
        ${q.min !== undefined && q.max !== undefined && !cell ? html`<p class="hint">${t(lang, 'walk.range', { min: formatNumber(q.min, lang, 2), max: formatNumber(q.max, lang, 2) })}${q.integer ? '' : html` ${t(lang, 'walk.decimalHint')}`}</p>` : ''}`
            : html`<textarea${attrs({
                id: `in${n}`,
                name: `a${n}`,
                rows: 3,
                maxlength: q.maxLength ?? 2000,
                disabled: c.readOnly,
                'aria-describedby': described,
              })}>${typeof a?.value === 'string' ? a.value : ''}</textarea>`
        }
      </div>`;
  return html`<div class="question${cell ? ' question-cell' : ''}${a?.carriedOver ? ' is-carried' : ''}"${attrs({ id: `q-${q.id}`, 'data-qid': q.id, 'data-n': n, hidden: !visible })}>
  ${body}
  <p class="q-error" id="err${n}" hidden></p>
  <div class="q-conflict" hidden></div>
  ${
    c.lastYear
      ? html`<p class="q-lastyear">${t(lang, 'walk.lastYear', { year: c.lastYear.year, value: answerText(q, c.lastYear.value, lang) })}</p>`
      : ''
  }
  <div class="q-meta">
    <span class="badge badge-carried"${attrs({ hidden: !a?.carriedOver })}>${t(lang, 'walk.carriedBadge', { year: c.copyYear ?? '' })}</span>
    ${c.reviewYear ? html`<span class="badge badge-review">${t(lang, 'walk.reviewFirstBadge', { year: c.reviewYear })}</span>` : ''}
    <span class="q-state">${state}</span>
    ${
      c.readOnly
        ? ''
        : html`<span class="q-buttons">
            <button type="button" class="button button-small q-confirm" ${attrs({ hidden: !a?.carriedOver })}>
              ${t(lang, 'walk.unchanged')}<span class="visually-hidden"> : ${tr(q.label, lang)}</span>
            </button>
            <button type="button" class="button button-small q-change" ${attrs({ hidden: !a?.carriedOver })}>
              ${t(lang, 'walk.change')}<span class="visually-hidden"> : ${tr(q.label, lang)}</span>
            </button>
            <button type="button" class="button-link q-clear" ${attrs({ hidden: !a })}>
              ${t(lang, 'walk.clear')}<span class="visually-hidden"> : ${tr(q.label, lang)}</span>
            </button>
          </span>`
    }
  </div>
  <details class="q-comment">
    <summary>${a?.comment ? t(lang, 'walk.commentHas') : t(lang, 'walk.commentAdd')}</summary>
    <label for="c${n}" class="visually-hidden">${t(lang, 'walk.commentLabel', { question: tr(q.label, lang) })}</label>
    <textarea${attrs({ id: `c${n}`, class: 'q-comment-input', rows: 2, maxlength: 2000, disabled: c.readOnly || !a, 'aria-describedby': `ch${n}` })}>${a?.comment ?? ''}</textarea>
    <p class="hint" id="ch${n}">${c.readOnly ? '' : a ? t(lang, 'walk.commentHint') : t(lang, 'walk.commentNeedsAnswer')}</p>
  </details>
  <details class="q-history">
    <summary>${t(lang, 'walk.history')}<span class="visually-hidden"> : ${tr(q.label, lang)}</span></summary>
    <div class="q-history-list" aria-live="polite"></div>
  </details>
</div>`;
}

/**
 * The import panel: a form that works with the page script (inventory.js) posting the file to the
 * API, and, rendered here, what the last import read and what applying it changed.
 */
function inventoryPanel(lang: Lang, v: WalkView, readOnly: boolean, labels: Map<string, string>): SafeHtml {
  const inv = v.inventory!;
  const latest = inv.latest;
  const mb = 25;
  const applied = latest?.applied;
  return html`<section class="card inventory-import" id="inventory-import" aria-labelledby="inv-title">
    <h3 id="inv-title">${t(lang, 'inv.title')}</h3>
    <p>${t(lang, 'inv.intro')}</p>
    <p class="small muted">${t(lang, 'inv.privacy')}</p>
    ${
      latest
        ? html`<div class="inv-last" id="inv-last">
            <p>
              ${t(lang, 'inv.lastImport', {
                file: latest.fileName,
                rows: formatNumber(latest.rows.total, lang, 0),
                when: formatDateTime(latest.createdAt, lang),
                who: latest.createdByEmail ?? '?',
              })}
            </p>
            ${
              applied
                ? html`<p>${t(lang, 'inv.lastApplied', { when: formatDateTime(applied.appliedAt, lang), who: applied.appliedByEmail })}</p>
                    <ul class="inv-applied">
                      ${
                        applied.written.length
                          ? applied.written.map(
                              (w) =>
                                html`<li>
                                  ${t(lang, 'inv.fromTo', {
                                    question: labels.get(w.questionId) ?? w.questionId,
                                    from: typeof w.from === 'number' ? formatNumber(w.from, lang, 1) : '—',
                                    to: formatNumber(w.to, lang, 1),
                                  })}
                                </li>`,
                            )
                          : html`<li>${t(lang, 'inv.none')}</li>`
                      }
                    </ul>`
                : html`<p class="muted">${t(lang, 'inv.notApplied')}</p>`
            }
          </div>`
        : ''
    }
    ${
      readOnly
        ? v.canEdit
          ? ''
          : html`<p class="small muted">${t(lang, 'inv.viewerOnly')}</p>`
        : html`<form class="inv-form" id="inv-form" enctype="multipart/form-data" novalidate>
            <div class="field">
              <label for="inv-file">${t(lang, 'inv.file')}</label>
              <input
                type="file"
                id="inv-file"
                name="file"
                accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-describedby="inv-file-hint"
                required
              />
              <p class="hint" id="inv-file-hint">${t(lang, 'inv.fileHint', { mb, rows: formatNumber(100_000, lang, 0), columns: 200 })}</p>
            </div>
            <div class="inv-options">
              <div class="field">
                <label for="inv-asof">${t(lang, 'inv.asOf')}</label>
                <input type="date" id="inv-asof" name="asOf" aria-describedby="inv-asof-hint" />
                <p class="hint" id="inv-asof-hint">${t(lang, 'inv.asOfHint')}</p>
              </div>
              <div class="field">
                <label for="inv-class">${t(lang, 'inv.defaultClass')}</label>
                <select id="inv-class" name="defaultClass">
                  <option value="">${t(lang, 'inv.defaultClassAuto')}</option>
                  ${DEVICE_CLASSES.map((c) => html`<option value="${c}">${tr(inv.classLabels[c], lang)}</option>`)}
                </select>
              </div>
            </div>
            <div class="inv-mapping" id="inv-mapping" hidden></div>
            <p><button type="submit" class="button button-primary" id="inv-read">${t(lang, 'inv.read')}</button></p>
            <p class="form-error" id="inv-error" role="alert" hidden></p>
          </form>`
    }
    <div class="inv-preview" id="inv-preview" aria-live="polite"></div>
  </section>`;
}

/** Per section: how many answers were carried over, and how many of them are reviewed (confirmed or changed). */
function reviewCounts(v: WalkView): Map<string, { carried: number; reviewed: number }> {
  const carried = new Set(v.assessment.copyForward?.carried ?? []);
  const pending = new Set(v.answers.filter((x) => x.carriedOver && x.visible).map((x) => x.questionId));
  const hidden = new Set(v.answers.filter((x) => !x.visible).map((x) => x.questionId));
  const out = new Map<string, { carried: number; reviewed: number }>();
  for (const s of v.template.sections) {
    const ids = s.questions.map((q) => q.id).filter((id) => carried.has(id) && !hidden.has(id));
    if (ids.length) out.set(s.id, { carried: ids.length, reviewed: ids.filter((id) => !pending.has(id)).length });
  }
  return out;
}

/** The inventory's columns: what each device type is asked, as `inventory.<type>.<column>`. */
const INVENTORY_COLUMNS = [
  { key: 'count', label: 'walk.invCount' },
  { key: 'lifespan_years', label: 'walk.invLifespan' },
  { key: 'refurbished_share', label: 'walk.invRefurbished' },
] as const;

/**
 * The inventory as one table: a row per device type (count, lifespan, refurbished share), each cell
 * the question itself (saved like any other); on a narrow screen each row becomes a card. Questions
 * that do not fit a column (the servers' PUE, the cloud) follow as usual.
 */
function splitInventory(questions: Question[]): { rows: Array<{ type: string; cells: Array<Question | null> }>; rest: Question[] } {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const rows: Array<{ type: string; cells: Array<Question | null> }> = [];
  const inTable = new Set<string>();
  for (const q of questions) {
    const m = /^inventory\.([\w-]+)\.count$/.exec(q.id);
    if (!m) continue;
    const cells = INVENTORY_COLUMNS.map((col) => byId.get(`inventory.${m[1]}.${col.key}`) ?? null);
    for (const c of cells) if (c) inTable.add(c.id);
    rows.push({ type: m[1], cells });
  }
  return { rows, rest: questions.filter((q) => !inTable.has(q.id)) };
}

function inventoryTable(
  lang: Lang,
  v: WalkView,
  rows: Array<{ type: string; cells: Array<Question | null> }>,
  block: (q: Question) => SafeHtml,
): SafeHtml {
  // The questions say meeting_screen where the import's classes say meeting_room_screen.
  const labels = (v.inventory?.classLabels ?? {}) as Record<string, { fr: string; en: string } | undefined>;
  const classLabel = (type: string, fallback: Question) =>
    tr(labels[type] ?? labels[type === 'meeting_screen' ? 'meeting_room_screen' : type], lang) || tr(fallback.label, lang);
  return html`<div class="inv-table-wrap">
    <table class="table inv-table" id="inventory-table">
      <caption>
        ${t(lang, 'walk.invTable')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t(lang, 'walk.invType')}</th>
          ${INVENTORY_COLUMNS.map((col) => html`<th scope="col">${t(lang, col.label)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr data-device="${r.type}">
              <th scope="row">${classLabel(r.type, r.cells[0]!)}</th>
              ${r.cells.map(
                (q, i) =>
                  html`<td data-label="${t(lang, INVENTORY_COLUMNS[i].label)}" ${attrs({ class: q ? null : 'inv-not-asked' })}>
                    ${q ? block(q) : html`<span aria-hidden="true">—</span><span class="visually-hidden">${t(lang, 'walk.invNotAsked')}</span>`}
                  </td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function sectionNav(lang: Lang, v: WalkView): SafeHtml {
  const review = v.assessment.status === 'draft' ? reviewCounts(v) : new Map<string, { carried: number; reviewed: number }>();
  return html`<nav class="section-nav" aria-label="${t(lang, 'walk.sectionsLabel')}">
    <h2 class="section-nav-title">${t(lang, 'walk.sections')}</h2>
    <ol>
      ${v.assessment.sections.map((s, i) => {
        const current = s.id === v.section.id;
        const done = s.total > 0 && s.answered === s.total;
        const r = review.get(s.id);
        return html`<li${attrs({ class: done ? 'is-done' : null, 'data-section': s.id })}>
      <a href="/assessments/${v.assessment.id}?section=${encodeURIComponent(s.id)}"${attrs({ 'aria-current': current ? 'step' : null })}>
        <span class="sn-title"><span class="sn-num">${i + 1}.</span> ${tr(s.title, lang)}</span>
        <span class="sn-count" data-section-count>${t(lang, 'walk.sectionCount', { answered: s.answered, total: s.total })}</span>
        ${assigneeLabel(lang, v.assignments?.bySection[s.id]?.email, v.assignments?.selfEmail)}
        ${r ? html`<span class="sn-review" data-section-review data-carried="${r.carried}">${t(lang, 'walk.reviewedCount', { reviewed: r.reviewed, carried: r.carried })}</span>` : ''}
        <span class="mini-bar" aria-hidden="true"><span style="width:${s.percent}%"></span></span>
      </a>
    </li>`;
      })}
    </ol>
  </nav>`;
}

function lifecyclePanel(lang: Lang, v: WalkView): SafeHtml {
  const a = v.assessment;
  const id = a.id;
  if (a.status === 'submitted') {
    return html`<section class="card lifecycle" aria-labelledby="lc-title">
      <h2 id="lc-title">${t(lang, 'walk.submittedTitle')}</h2>
      <p>${t(lang, 'walk.submittedBody')}</p>
      <p><a class="button button-primary" href="/assessments/${id}/results">${t(lang, 'walk.seeResults')}</a></p>
      ${v.isOwner ? html`<p><button type="button" class="button" id="reopen-button">${t(lang, 'walk.reopen')}</button></p>` : ''}
      <p class="form-error" id="lifecycle-error" role="alert" hidden></p>
    </section>`;
  }
  return html`<section class="card lifecycle" aria-labelledby="lc-title">
    <h2 id="lc-title">${t(lang, 'walk.finishTitle')}</h2>
    <p id="required-missing" data-count="${a.requiredMissing}">
      ${a.requiredMissing ? t(lang, 'walk.requiredMissing', { count: a.requiredMissing }) : t(lang, 'walk.requiredDone')}
    </p>
    <p><a class="button" href="/assessments/${id}/results">${t(lang, 'walk.previewResults')}</a></p>
    ${
      v.isOwner
        ? html`<p><button type="button" class="button button-primary" id="submit-button">${t(lang, 'walk.submit')}</button></p>
            <p class="small muted">${t(lang, 'walk.submitHint')}</p>`
        : html`<p class="small muted">${t(lang, 'walk.submitOwnerOnly')}</p>`
    }
    <div class="form-error" id="lifecycle-error" role="alert" hidden></div>
  </section>`;
}

export function walkPage(ctx: PageContext, v: WalkView): string {
  const { lang } = ctx;
  const a = v.assessment;
  const values: Record<string, AnswerValue> = {};
  for (const x of v.answers) values[x.questionId] = x.value;
  const visible = v.visible;
  const byId = new Map(v.answers.map((x) => [x.questionId, x]));
  const order = v.template.sections.flatMap((s) => s.questions);
  const indexOf = new Map(order.map((q, i) => [q.id, i]));
  const readOnly = !v.canEdit || a.status === 'submitted';
  const copyYear = a.copyForward?.fromYear ?? null;
  const sectionIndex = v.template.sections.findIndex((s) => s.id === v.section.id);
  const prev = v.template.sections[sectionIndex - 1];
  const next = v.template.sections[sectionIndex + 1];
  const pending = a.copyForward?.pendingConfirmation ?? 0;
  const progressText = t(lang, 'progress.text', { answered: a.progress.answered, total: a.progress.total, percent: a.progress.percent });
  const sectionCarried = v.section.questions.some((q) => byId.get(q.id)?.carriedOver);
  const review = v.reviewFirst && v.reviewFirst.questions.length ? v.reviewFirst : null;
  const reviewIds = new Set((review?.questions ?? []).map((q) => q.questionId));
  const reviewPending = (review?.questions ?? []).filter((q) => q.carriedOver);
  const block = (q: Question, cell = false) =>
    questionBlock(
      q,
      {
        lang,
        n: indexOf.get(q.id) ?? 0,
        answer: byId.get(q.id),
        readOnly,
        copyYear,
        reviewYear: reviewIds.has(q.id) ? review!.year : null,
        lastYear: v.lastYear && v.lastYear.values[q.id] !== undefined ? { year: v.lastYear.year, value: v.lastYear.values[q.id] } : null,
      },
      visible.has(q.id),
      cell,
    );
  const inventory = v.inventory ? splitInventory(v.section.questions) : { rows: [], rest: v.section.questions };
  const sectionNa = conditionRulesOut(v.section.applicableIf, questionIndex(v.template), values);

  const main = html`<div class="page-head walk-head">
      <p class="breadcrumb">
        <a href="/dashboard">${t(lang, 'nav.dashboard')}</a>
        <span aria-hidden="true">›</span> ${t(lang, 'dashboard.assessmentOf', { year: a.year })}
      </p>
      <div class="title-row">
        <h1>${t(lang, 'walk.title', { year: a.year })}</h1>
        <span class="badge badge-${a.status}">${t(lang, `status.${a.status}`)}</span>
      </div>
      <div class="overall-progress">
        ${progressBar(lang, a.progress.percent, progressText, 'overall-progress')}
        <p class="small" id="overall-progress-text">${progressText}</p>
      </div>
    </div>
    ${
      readOnly
        ? html`<div class="notice" role="note">
            ${a.status === 'submitted' ? t(lang, 'walk.readOnlySubmitted') : t(lang, 'walk.readOnlyViewer')}
          </div>`
        : ''
    }
    ${
      !readOnly && pending
        ? html`<div class="notice notice-carried" id="carried-notice">
            <p>${t(lang, 'walk.carriedNotice', { count: pending, year: copyYear ?? '' })}</p>
            <p class="small">${t(lang, 'walk.reviewHow')}</p>
            ${sectionCarried ? html`<p><button type="button" class="button button-small" id="confirm-section">${t(lang, 'walk.confirmSection')}</button></p>` : ''}
          </div>`
        : ''
    }
    ${
      !readOnly && review && reviewPending.length
        ? html`<div class="notice notice-review" id="review-first">
            <p>${t(lang, 'walk.reviewFirstNotice', { count: reviewPending.length, year: review.year })}</p>
            <ul>
              ${reviewPending.slice(0, 12).map(
                (q) =>
                  html`<li>
                    <a href="/assessments/${a.id}?section=${encodeURIComponent(q.sectionId)}&q=${encodeURIComponent(q.questionId)}"
                      >${tr(q.label, lang)}</a
                    >
                  </li>`,
              )}
            </ul>
          </div>`
        : ''
    }
    <div class="walk-layout">
      <div class="walk-aside">
        <p class="small sn-overall" id="sn-overall">${progressText}</p>
        ${sectionNav(lang, v)}
        <div class="walk-side">${lifecyclePanel(lang, v)}</div>
      </div>
      <section class="walk-main" aria-labelledby="section-title">
        <div class="section-intro">
          <p class="eyebrow">${t(lang, 'walk.sectionOf', { n: sectionIndex + 1, total: v.template.sections.length })}</p>
          <h2 id="section-title">${tr(v.section.title, lang)}</h2>
          ${v.section.description ? html`<p class="section-description">${tr(v.section.description, lang)}</p>` : ''}
          ${v.assignments?.members ? assignControl(lang, { assessmentId: a.id, sectionId: v.section.id, members: v.assignments.members, current: v.assignments.bySection[v.section.id]?.userId ?? null }) : ''}
          ${sectionNa ? html`<p class="notice notice-na" id="section-na" role="note">${t(lang, 'walk.sectionNotApplicable', { reason: tr(sectionNa.text, lang) })}</p>` : ''}
          ${readOnly ? '' : html`<p class="small muted">${t(lang, 'walk.autosave')} <span class="save-indicator" id="save-indicator" aria-hidden="true"></span></p>`}
        </div>
        ${v.inventory ? inventoryPanel(lang, v, readOnly, new Map(order.map((q) => [q.id, tr(q.label, lang)]))) : ''}
        <form class="questions" id="questions" novalidate>
          ${inventory.rows.length ? inventoryTable(lang, v, inventory.rows, (q) => block(q, true)) : ''}
          ${inventory.rest.map((q) => block(q))}
        </form>
        <nav class="section-pager" aria-label="${t(lang, 'walk.pagerLabel')}">
          ${prev ? html`<a class="button" rel="prev" href="/assessments/${a.id}?section=${encodeURIComponent(prev.id)}">← ${tr(prev.title, lang)}</a>` : html`<span></span>`}
          ${
            next
              ? html`<a class="button button-primary" rel="next" href="/assessments/${a.id}?section=${encodeURIComponent(next.id)}"
                  >${tr(next.title, lang)} →</a
                >`
              : html`<a class="button button-primary" href="/assessments/${a.id}/results">${t(lang, 'walk.seeResults')} →</a>`
          }
        </nav>
      </section>
    </div>`;

  const sectionIds = new Set(v.section.questions.map((q) => q.id));
  const data = {
    assessmentId: a.id,
    year: a.year,
    status: a.status,
    readOnly,
    isOwner: v.isOwner,
    sectionId: v.section.id,
    focus: v.focus,
    copyYear,
    questions: order.map((q) => ({
      id: q.id,
      type: q.type,
      required: q.required,
      showIf: q.showIf ?? null,
      applicableIf: q.applicableIf ?? null,
      dontKnow: Boolean(q.dontKnow),
      // Labels only for this section's questions (for the conflict panel).
      ...(sectionIds.has(q.id)
        ? {
            label: tr(q.label, lang),
            options: (q.options ?? []).map((o) => ({ id: o.id, label: tr(o.label, lang), exclusive: Boolean(o.exclusive) })),
            unit: q.unit ? tr(q.unit, lang) : null,
            min: q.min ?? null,
            max: q.max ?? null,
            integer: Boolean(q.integer),
            maxLength: q.maxLength ?? 2000,
          }
        : {}),
    })),
    answers: Object.fromEntries(
      v.answers.map((x) => [x.questionId, { value: x.value, version: x.version, carriedOver: x.carriedOver, comment: x.comment }]),
    ),
  };
  return layout(ctx, {
    title: `${tr(v.section.title, lang)} · ${t(lang, 'walk.title', { year: a.year })}`,
    nav: 'dashboard',
    main,
    scripts: [...(v.inventory ? ['walk.js', 'inventory.js'] : ['walk.js']), ...(v.assignments?.members ? ['assignments.js'] : [])],
    data: v.inventory
      ? {
          ...data,
          inventory: {
            latestId: v.inventory.latest?.id ?? null,
            questionLabels: Object.fromEntries(order.filter((q) => q.id.startsWith('inventory.')).map((q) => [q.id, tr(q.label, lang)])),
            fieldLabels: Object.fromEntries(FIELDS.map((f) => [f, t(lang, `inv.field.${f}` as MessageKey)])),
          },
        }
      : data,
  });
}
