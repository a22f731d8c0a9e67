import { sampleInput } from '../../../test/fixtures/reports/report-input.js';
import { loaderContext } from './context.js';
import { sectionsPart } from './sections.part.js';

describe('scores by section', () => {
  it('puts each section beside last year’s score, with the change to one decimal', async () => {
    const input = await sampleInput('fr');
    const sections = sectionsPart(loaderContext(input));
    expect(sections.map((s) => s.id)).toEqual(input.results.sections.map((s) => s.id));
    for (const s of sections) {
      if (s.score === null || s.previousScore === null) expect(s.change).toBeNull();
      else expect(s.change).toBe(Math.round((s.score - s.previousScore) * 10) / 10);
    }
    expect(sections.some((s) => s.previousScore !== null)).toBe(true);
  });

  it('the first year has nothing to compare with', async () => {
    const sections = sectionsPart(loaderContext(await sampleInput('en', { previous: false })));
    expect(sections.every((s) => s.previousScore === null && s.change === null)).toBe(true);
  });
});
