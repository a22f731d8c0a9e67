import { sampleInput } from '../../../test/fixtures/reports/report-input.js';
import { loaderContext } from './context.js';
import { methodologyPart, priorityText } from './methodology.part.js';

describe('methodology and sources', () => {
  it('states the factors’ version, every criterion’s indicator and the sources, EF 3.1 included under scoring-2', async () => {
    const input = await sampleInput('fr');
    const m = methodologyPart(loaderContext(input));
    expect(m.footprint).toContain(`Facteurs d’empreinte version ${input.results.footprint.factorsVersion}`);
    expect(m.sources.length).toBe(input.results.footprint.sources.length + 1);
    expect(m.sources.at(-1)?.label).toMatch(/^Environmental Footprint 3\.1 /);
    expect(m.priority).toBe(priorityText('fr', input.results.methodologyVersion));
  });

  it('says the priority rule of each methodology in both languages', () => {
    expect(priorityText('en', 'scoring-1')).toMatch(/^Priority = 100 × I′\/5/);
    expect(priorityText('fr', 'scoring-2')).toMatch(/^Levier : priorité/);
  });
});
