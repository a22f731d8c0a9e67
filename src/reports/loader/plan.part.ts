/** The plan on one page and the action details (annex A): one item per planned action, in the plan's order. */
import { OWNER_ROLE_TERMS } from '../../questionnaires/terms.js';
import type { ActionPlanItemVm } from '../report.view-model.js';
import type { LoaderContext, PlannedPriority } from './context.js';

export function planItem(ctx: LoaderContext, p: PlannedPriority): ActionPlanItemVm {
  const { actionsById, results, lang, t, committed, ownerOf, dueText, labels, savingText, savingOf } = ctx;
  const action = actionsById.get(p.actionId);
  const result = results.actions.find((a) => a.id === p.actionId);
  const known = (result?.explanation ?? []).filter((e) => e.status === 'known' && e.answerLabel);
  const answersSummary = known.length
    ? known
        .slice(0, 4)
        .map((e) => `${e.questionLabel[lang]} — ${e.answerLabel![lang]}`)
        .join(lang === 'fr' ? ' ; ' : '; ')
    : t.unknownStanding;
  const c = committed.get(p.actionId);
  return {
    rank: p.rank,
    actionId: p.actionId,
    title: p.title[lang],
    whyItMatters: `${action ? action.justification.text[lang] + ' ' : ''}${(p.whyShort ?? p.why)[lang]}`,
    maturity: p.maturity,
    answersSummary,
    nextSteps: (action?.nextSteps ?? []).map((s) => s[lang]),
    ownerRoleLabel: OWNER_ROLE_TERMS[p.ownerRole]?.[lang] ?? p.ownerRole,
    owner: ownerOf(p),
    due: dueText(c?.due ?? null),
    commitmentStatus: c ? (t.status[c.status] ?? c.status) : null,
    group: p.group,
    kindLabel: p.kind ? (t.kind[p.kind] ?? '') : '',
    indicator: action?.indicator[lang] ?? '',
    effort: p.effort,
    effortLabel: labels.efforts[p.effort],
    expectedSavingText: savingText(p.actionId),
    saving: savingOf(p.actionId),
  };
}

export function actionPlanPart(ctx: LoaderContext) {
  const { groups, planned, results, lang } = ctx;
  return {
    groups: groups.map((group) => ({ group, items: planned.filter((p) => p.group === group).map((p) => planItem(ctx, p)) })),
    notApplicable: (results.notApplicable?.actions ?? []).map((a) => ({ title: a.title[lang], reason: a.reason.text[lang] })),
  };
}
