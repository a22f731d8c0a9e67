import { sampleInput } from '../../../test/fixtures/reports/report-input.js';
import { loaderContext } from './context.js';
import { honestyPart } from './honesty.part.js';

describe('honesty marks (cover and summary)', () => {
  it('counts the carried-over answers not confirmed, by section, with the year they come from', async () => {
    const honesty = honestyPart(loaderContext(await sampleInput('fr', { carried: 12 })));
    expect(honesty.unconfirmed.count).toBe(12);
    expect(honesty.unconfirmed.fromYear).toBe(2025);
    expect(honesty.unconfirmed.sections.reduce((n, s) => n + s.count, 0)).toBe(12);
    const notice = honesty.notices.find((n) => n.kind === 'unconfirmed')!;
    expect(notice.short).toBe('12 réponses reprises de 2025 sans confirmation.');
    expect(notice.text).toContain('n’ont été ni confirmées ni modifiées');
  });

  it('says it in the singular for one answer, in English', async () => {
    const honesty = honestyPart(loaderContext(await sampleInput('en', { carried: 1 })));
    expect(honesty.notices.find((n) => n.kind === 'unconfirmed')?.short).toBe('1 answer carried over from 2025, not confirmed.');
  });

  it('no carried-over answer: no such notice; a confidence under the threshold is always said', async () => {
    const input = await sampleInput('en', { carried: 0 });
    const honesty = honestyPart(loaderContext(input));
    expect(honesty.notices.map((n) => n.kind)).not.toContain('unconfirmed');
    expect(honesty.confidenceThreshold).toBe(0.8);
    expect(honesty.notices.some((n) => n.kind === 'low_confidence')).toBe(input.results.overall.confidence < 0.8);
  });
});
