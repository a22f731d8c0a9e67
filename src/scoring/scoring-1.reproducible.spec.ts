/**
 * Methodology scoring-1 stays reproducible: on the reference organisations, with the same
 * quantified savings as input, it gives exactly the results the code gave before methodology
 * scoring-2 existed (fixtures/scoring-1.golden.json, computed at commit a52a747), on the current
 * questionnaire content (to which "I don't know" options, applicability conditions and the
 * optional organisation.kind question were added since).
 *
 * Only the per-section question counts (`answered`, `visible`) may differ: they count the
 * questions the current template shows (one optional question was added), they are not figures
 * of the methodology.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionCatalogue, AnswerValue, QuestionnaireTemplate } from '../questionnaires/template.types.js';
import { scoreAssessmentV1 } from './scoring.js';
import type { ActionSavingInput, AssessmentResults } from './scoring.types.js';

interface GoldenCase {
  name: string;
  answers: Record<string, AnswerValue>;
  savings: Record<string, ActionSavingInput>;
  results: AssessmentResults;
}

const root = process.cwd();
const golden = JSON.parse(readFileSync(join(root, 'src/scoring/fixtures/scoring-1.golden.json'), 'utf8')) as { cases: GoldenCase[] };
const template = JSON.parse(
  readFileSync(join(root, 'templates/questionnaires/fresque-numerique/v1.json'), 'utf8'),
) as QuestionnaireTemplate;
const catalogue = JSON.parse(readFileSync(join(root, 'templates/actions.json'), 'utf8')) as ActionCatalogue;

function withoutCounts(results: AssessmentResults): unknown {
  return { ...results, sections: results.sections.map(({ answered: _a, visible: _v, ...rest }) => rest) };
}

describe('methodology scoring-1 is reproducible', () => {
  it('has the reference cases', () => {
    expect(golden.cases.map((c) => c.name)).toEqual(['readme-example', 'company-250-fr']);
  });

  it.each(golden.cases.map((c) => [c.name, c] as const))('%s: the same results as before scoring-2', (_name, c) => {
    const results = scoreAssessmentV1({ template, actions: catalogue.actions, answers: c.answers, savings: c.savings });
    expect(results.methodologyVersion).toBe('scoring-1');
    expect(withoutCounts(JSON.parse(JSON.stringify(results)) as AssessmentResults)).toEqual(withoutCounts(c.results));
  });
});
