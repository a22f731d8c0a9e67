/**
 * A small synthetic questionnaire and action catalogue for the scoring and comparison
 * specs: three sections, every question type, conditions (`in` on booleans and options,
 * `gte` on numbers, a chain of two), a context question without scoring and an action
 * no question informs. Test data only.
 */
import type { Action, I18nText, QuestionnaireTemplate } from '../questionnaires/template.types.js';

const t = (en: string, fr = en): I18nText => ({ fr, en });

export const SYNTHETIC_TEMPLATE: QuestionnaireTemplate = {
  id: 'synthetic',
  version: 1,
  title: t('Synthetic questionnaire', 'Questionnaire synthétique'),
  sections: [
    {
      id: 'procurement',
      title: t('Procurement', 'Achats'),
      questions: [
        {
          id: 'p.policy',
          type: 'scale',
          label: t('Lifespan policy', 'Politique de durée de vie'),
          required: true,
          options: [
            { id: 'none', label: t('None', 'Aucune'), score: 0 },
            { id: 'informal', label: t('Informal', 'Informelle'), score: 33 },
            { id: 'written', label: t('Written', 'Écrite'), score: 67 },
            { id: 'enforced', label: t('Enforced', 'Appliquée'), score: 100 },
            { id: 'dk', label: t("I don't know", 'Je ne sais pas'), score: null },
          ],
          scoring: {
            actions: [
              { actionId: 'extend-lifespan', weight: 3 },
              { actionId: 'buy-refurbished', weight: 1 },
            ],
          },
        },
        {
          id: 'p.refurb',
          type: 'boolean',
          label: t('Do you buy refurbished?', 'Achetez-vous reconditionné ?'),
          required: true,
          scoring: { actions: [{ actionId: 'buy-refurbished', weight: 2 }], boolean: { yes: 100, no: 0 } },
        },
        {
          id: 'p.lifespan',
          type: 'number',
          label: t('Average laptop lifespan', 'Durée de vie moyenne des portables'),
          required: false,
          min: 1,
          max: 10,
          unit: t('years', 'ans'),
          scoring: { actions: [{ actionId: 'extend-lifespan', weight: 2 }], linear: { worst: 2, best: 6 } },
        },
        {
          id: 'p.criteria',
          type: 'multi_choice',
          label: t('Purchasing criteria', 'Critères d’achat'),
          required: false,
          options: [
            { id: 'repairability', label: t('Repairability', 'Réparabilité'), score: 40 },
            { id: 'warranty', label: t('Warranty', 'Garantie'), score: 40 },
            { id: 'spares', label: t('Spare parts', 'Pièces détachées'), score: 40 },
            { id: 'none', label: t('None of these', 'Aucun'), score: 0, exclusive: true },
            { id: 'dk', label: t("I don't know", 'Je ne sais pas'), score: null, exclusive: true },
          ],
          scoring: {
            actions: [
              { actionId: 'buy-refurbished', weight: 1 },
              { actionId: 'extend-lifespan', weight: 1 },
            ],
          },
        },
      ],
    },
    {
      id: 'ecodesign',
      title: t('Eco-design', 'Écoconception'),
      questions: [
        {
          id: 'e.builds',
          type: 'boolean',
          label: t('Do you build digital services?', 'Développez-vous des services numériques ?'),
          required: true,
        },
        {
          id: 'e.need',
          type: 'single_choice',
          label: t('Do you question the need first?', 'Questionnez-vous le besoin ?'),
          required: true,
          showIf: { questionId: 'e.builds', in: [true] },
          options: [
            { id: 'never', label: t('Never', 'Jamais'), score: 0 },
            { id: 'sometimes', label: t('Sometimes', 'Parfois'), score: 50 },
            { id: 'always', label: t('Always', 'Toujours'), score: 100 },
            { id: 'dk', label: t("I don't know", 'Je ne sais pas'), score: null },
          ],
          scoring: { actions: [{ actionId: 'sober-design', weight: 3 }] },
        },
        {
          id: 'e.old_devices',
          type: 'scale',
          label: t('Support for older devices', 'Prise en charge des anciens appareils'),
          required: false,
          showIf: { questionId: 'e.need', in: ['sometimes', 'always'] },
          options: [
            { id: 's0', label: t('Not at all', 'Pas du tout'), score: 0 },
            { id: 's1', label: t('Partly', 'En partie'), score: 50 },
            { id: 's2', label: t('Fully', 'Entièrement'), score: 100 },
          ],
          scoring: { actions: [{ actionId: 'sober-design', weight: 2 }] },
        },
        {
          id: 'e.comment',
          type: 'text',
          label: t('Comment', 'Commentaire'),
          required: false,
        },
      ],
    },
    {
      id: 'measurement',
      title: t('Measurement', 'Mesure'),
      questions: [
        {
          id: 'm.measures',
          type: 'boolean',
          label: t('Do you measure your footprint?', 'Mesurez-vous votre empreinte ?'),
          required: true,
          scoring: { actions: [{ actionId: 'measure', weight: 3 }], boolean: { yes: 100, no: 0 } },
        },
        {
          id: 'm.criteria_count',
          type: 'number',
          label: t('Number of criteria', 'Nombre de critères'),
          required: false,
          min: 0,
          max: 10,
          integer: true,
          showIf: { questionId: 'm.measures', in: [true] },
          scoring: { actions: [{ actionId: 'measure', weight: 2 }], linear: { worst: 0, best: 4 } },
        },
        {
          id: 'm.targets',
          type: 'boolean',
          label: t('Do you set targets?', 'Fixez-vous des objectifs ?'),
          required: false,
          showIf: { questionId: 'm.criteria_count', gte: 2 },
          scoring: { actions: [{ actionId: 'measure', weight: 1 }], boolean: { yes: 100, no: 20 } },
        },
        {
          id: 'm.laptops',
          type: 'number',
          label: t('Number of laptops', 'Nombre de portables'),
          required: false,
          min: 0,
          max: 100000,
          integer: true,
        },
      ],
    },
  ],
};

function action(
  id: string,
  impactWeight: number,
  effort: Action['effort'],
  ownerRole: Action['ownerRole'],
  lever?: Action['lever'],
): Action {
  const result: Action = {
    id,
    category: 'company',
    kind: lever || id === 'sober-design' ? 'lever' : 'foundation',
    title: t(`Action ${id}`, `Action ${id}`),
    description: t(`Description of ${id}`, `Description de ${id}`),
    impactWeight,
    justification: { keyMessages: [2], text: t('Because.', 'Parce que.') },
    effort,
    ownerRole,
    indicator: t('An indicator', 'Un indicateur'),
    nextSteps: [t('Do it', 'Le faire')],
  };
  if (lever) result.lever = lever;
  return result;
}

export const SYNTHETIC_ACTIONS: Action[] = [
  action('extend-lifespan', 5, 'low', 'procurement', 'lifespan'),
  action('buy-refurbished', 4, 'medium', 'procurement', 'refurbished'),
  action('sober-design', 3, 'high', 'product_development'),
  action('measure', 2, 'medium', 'management'),
  action('train-staff', 3, 'low', 'all_staff'),
];
