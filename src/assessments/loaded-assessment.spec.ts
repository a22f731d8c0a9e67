import { IndexedTemplate } from '../questionnaires/questionnaires.service.js';
import type { AnswerValue } from '../questionnaires/template.types.js';
import { SYNTHETIC_TEMPLATE } from '../scoring/synthetic-template.fixture.js';
import { Answer } from './answer.entity.js';
import { Assessment } from './assessment.entity.js';
import { buildLoadedAssessment, visibleValues } from './loaded-assessment.js';

const template = new IndexedTemplate(SYNTHETIC_TEMPLATE);
const assessment = Object.assign(new Assessment(), {
  id: 'a1',
  year: 2026,
  status: 'draft',
  questionnaireId: 'synthetic',
  templateVersion: 1,
});

function answer(questionId: string, value: AnswerValue | null, carriedOver = false): Answer {
  return Object.assign(new Answer(), { questionId, value, carriedOver, comment: null, version: 1 });
}

describe('an assessment read once (LoadedAssessment)', () => {
  it('a fresh assessment asks the always-visible questions and starts at the first one', () => {
    const loaded = buildLoadedAssessment(assessment, [], () => template);
    expect(loaded.progress).toEqual({ answered: 0, total: 8, percent: 0 });
    expect(loaded.sections.map((s) => [s.id, s.answered, s.total, s.percent])).toEqual([
      ['procurement', 0, 4, 0],
      ['ecodesign', 0, 2, 0],
      ['measurement', 0, 2, 0],
    ]);
    expect(loaded.missingRequired.map((m) => m.questionId)).toEqual(['p.policy', 'p.refurb', 'e.builds', 'm.measures']);
    expect(loaded.nextOpen?.question.id).toBe('p.policy');
    expect(loaded.nextOpen?.section.id).toBe('procurement');
    expect(loaded.pendingConfirmation).toBe(0);
  });

  it('an answer that shows a required question adds it to the progress, the missing list and the next question', () => {
    const loaded = buildLoadedAssessment(
      assessment,
      [
        answer('p.policy', 'written'),
        answer('p.refurb', true, true),
        answer('p.lifespan', 4),
        answer('p.criteria', ['warranty']),
        answer('e.builds', true),
        answer('e.need', null), // cleared: not an answer
        answer('m.targets', true), // hidden (m.measures unanswered): kept, not counted
      ],
      () => template,
    );
    expect(loaded.visible.has('e.need')).toBe(true);
    expect(loaded.visible.has('m.targets')).toBe(false);
    expect(loaded.values).not.toHaveProperty('e.need');
    expect(loaded.progress).toEqual({ answered: 5, total: 9, percent: 56 });
    expect(loaded.sections.find((s) => s.id === 'procurement')).toMatchObject({ answered: 4, total: 4, percent: 100 });
    expect(loaded.sections.find((s) => s.id === 'ecodesign')).toMatchObject({ answered: 1, total: 3, percent: 33 });
    expect(loaded.missingRequired.map((m) => [m.questionId, m.sectionId])).toEqual([
      ['e.need', 'ecodesign'],
      ['m.measures', 'measurement'],
    ]);
    expect(loaded.nextOpen?.question.id).toBe('e.need');
    expect(loaded.pendingConfirmation).toBe(1);
    expect(Object.keys(visibleValues(loaded)).sort()).toEqual(['e.builds', 'p.criteria', 'p.lifespan', 'p.policy', 'p.refurb']);
  });

  it('everything answered: no next question, nothing missing, 100 %', () => {
    const all: Record<string, AnswerValue> = {
      'p.policy': 'written',
      'p.refurb': true,
      'p.lifespan': 4,
      'p.criteria': ['warranty'],
      'e.builds': false,
      'e.comment': 'none',
      'm.measures': false,
      'm.laptops': 10,
    };
    const loaded = buildLoadedAssessment(
      assessment,
      Object.entries(all).map(([id, v]) => answer(id, v)),
      () => template,
    );
    expect(loaded.progress).toEqual({ answered: 8, total: 8, percent: 100 });
    expect(loaded.missingRequired).toEqual([]);
    expect(loaded.nextOpen).toBeNull();
  });

  it('picks the template once, from the current values (its wording depends on them)', () => {
    const seen: Array<Record<string, AnswerValue>> = [];
    buildLoadedAssessment(assessment, [answer('p.policy', 'none'), answer('e.builds', null)], (values) => {
      seen.push({ ...values });
      return template;
    });
    expect(seen).toEqual([{ 'p.policy': 'none' }]);
  });
});
