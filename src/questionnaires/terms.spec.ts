import { CRITERION_LABELS } from '../footprint/footprint.types.js';
import { reportLabels } from '../reports/report.labels.js';
import { GROUP_LABELS } from '../scoring/priority.js';
import { MESSAGES } from '../web/messages.js';
import { EFFORTS, OWNER_ROLES } from './template-loader.js';
import { TERMS, termsInSentence } from './terms.js';

describe('the domain’s terms, written once', () => {
  it('names every effort and owner role of the action catalogue in both languages', () => {
    expect(Object.keys(TERMS.effort).sort()).toEqual([...EFFORTS].sort());
    expect(Object.keys(TERMS.ownerRole).sort()).toEqual([...OWNER_ROLES].sort());
    for (const table of Object.values(TERMS)) {
      for (const term of Object.values(table)) {
        expect(term.fr.trim()).not.toBe('');
        expect(term.en.trim()).not.toBe('');
      }
    }
  });

  it('scoring, the footprint, the report and the web pages print the same words', () => {
    expect(GROUP_LABELS).toBe(TERMS.group);
    expect(CRITERION_LABELS).toBe(TERMS.criterion);
    for (const lang of ['fr', 'en'] as const) {
      const labels = reportLabels(lang);
      for (const [effort, term] of Object.entries(TERMS.effort)) expect(labels.efforts[effort as 'low']).toBe(term[lang]);
      for (const [group, term] of Object.entries(labels.groups)) expect(term.title).toBe(TERMS.group[group as 'next'][lang]);
      for (const [criterion, term] of Object.entries(labels.criteria)) expect(term.label).toBe(TERMS.criterion[criterion as 'water'][lang]);
    }
    expect(MESSAGES['js.owner_all_staff']).toEqual(TERMS.ownerRole.all_staff);
    expect(MESSAGES['js.effort_high']).toEqual(TERMS.effort.high);
    expect(MESSAGES['js.group_keep_up'].en).toBe('Keep up');
  });

  it('in a sentence, a term is in lower case', () => {
    expect(termsInSentence(TERMS.effort).high).toEqual({ fr: 'élevé', en: 'high' });
  });
});
