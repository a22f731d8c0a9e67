import { sampleInput } from '../../../test/fixtures/reports/report-input.js';
import { appendixPart } from './appendix.part.js';
import { loaderContext } from './context.js';

describe('every answer with its comment', () => {
  it('lists the answers section by section, in the organisation’s words, carried-over ones marked', async () => {
    const input = await sampleInput('fr', { carried: 5 });
    const appendix = appendixPart(loaderContext(input));
    const answers = appendix.sections.flatMap((s) => s.answers);
    expect(answers.length).toBe(input.answers.length);
    expect(answers.filter((a) => a.unconfirmed).length).toBe(5);
    // Built by the real loader: the template is worded for the organisation, no placeholder left.
    for (const a of answers) expect(a.questionLabel).not.toMatch(/\{\w+\}/);
    expect(answers.find((a) => a.comment)?.comment).toBe('Effectif au 31 décembre, « ETP »');
  });

  it('writes a yes/no answer and a number with its unit in the report’s language', async () => {
    const appendix = appendixPart(loaderContext(await sampleInput('en')));
    const texts = appendix.sections.flatMap((s) => s.answers.map((a) => a.answerText));
    expect(texts).toContain('No');
    expect(texts.some((t) => /^\d[\d,.]* \S+/.test(t))).toBe(true);
  });
});
