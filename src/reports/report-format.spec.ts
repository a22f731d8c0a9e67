import { createFormatter } from './report-format.js';
import { REPORT_LABELS, fillLabel } from './report.labels.js';

describe('formatting numbers and dates for the report', () => {
  const fr = createFormatter('fr');
  const en = createFormatter('en');

  it('groups thousands and uses the decimal mark of the language', () => {
    // Footprint quantities: two significant digits (the footprint module's rounding)
    expect(fr.quantity(38822.4)).toBe('39\u00A0000');
    expect(en.quantity(38822.4)).toBe('39,000');
    expect(fr.quantity(1.923)).toBe('1,9');
    expect(en.quantity(0.000952)).toBe('0.00095');
    expect(fr.quantity(25.94)).toBe('26');
    expect(en.range(12180, 16620)).toBe('12,000–17,000');
    expect(en.range(12089442, 12089442)).toBe('');
  });

  it('signs changes with a true minus', () => {
    expect(fr.signedPoints(8)).toBe('+8');
    expect(fr.signedPoints(-4)).toBe('\u22124');
    expect(en.signedPoints(0)).toBe('0');
    expect(en.signedPercent(-13.2)).toBe('\u221213%');
    expect(fr.signedPercent(-13.2)).toMatch(/^\u221213[\u00A0\u202F]%$/);
  });

  it('writes dates in full, in UTC', () => {
    expect(fr.date('2025-03-12T23:30:00Z')).toBe('12 mars 2025');
    expect(en.date('2025-03-12T10:15:00Z')).toBe('12 March 2025');
  });

  it('shows a dash, never NaN, for a number that is not one', () => {
    expect(fr.quantity(Number.NaN)).toBe('—');
    expect(en.ratio(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('the fixed wording', () => {
  it('exists in French and English for every heading', () => {
    const keys = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v).map((s) => `${k}.${s}`) : [k]));
    expect(keys(REPORT_LABELS.fr).sort()).toEqual(keys(REPORT_LABELS.en).sort());
    const blanks = [REPORT_LABELS.fr, REPORT_LABELS.en].flatMap((l) =>
      keys(l).filter((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], l) === ''),
    );
    expect(blanks).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fillLabel('Page {n} sur {total}', { n: 2, total: 9 })).toBe('Page 2 sur 9');
    expect(fillLabel('{a} {b}', { a: 1 })).toBe('1 {b}');
  });
});
