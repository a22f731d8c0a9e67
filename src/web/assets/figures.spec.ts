/**
 * figures.js is the one formatting of the figures people read: the results page loads it in the
 * browser, the report (PDF and DOCX) and the footprint's display texts import it. Its rules, worked
 * by hand, and what makes it loadable by both.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatFigure, formatRange, formatSignificant } from '../../footprint/footprint.display.js';
import { createFormatter } from '../../reports/report-format.js';
import * as figures from './figures.js';

const NBSP = '\u00a0';

describe('figures.js', () => {
  it('is a plain ES module the browser can load as it is: no import, no Node or DOM API', () => {
    const source = readFileSync(join(process.cwd(), 'src/web/assets/figures.js'), 'utf8');
    expect(source).not.toMatch(/^\s*import\b|\brequire\(|\bprocess\.|\bdocument\.|\bwindow\./m);
  });

  it('rounds scores to the unit: the web page once printed 33.6 where the PDF printed 34', () => {
    expect(figures.score(33.6, 'fr')).toBe('34');
    expect(figures.score(33.4, 'en')).toBe('33');
    expect(figures.score(100, 'fr')).toBe('100');
    expect(figures.score(-0.2, 'fr')).toBe('0');
    expect(figures.score(null, 'fr')).toBe('—');
  });

  it('gives footprint quantities two significant digits, in each language', () => {
    // 27,046 kg -> 27,000 (2 significant digits); 0.0086 keeps its two; 1.0 keeps its trailing zero.
    expect(figures.significant(27046, 'en')).toBe('27,000');
    expect(figures.significant(27046, 'fr')).toBe(`27${NBSP}000`);
    expect(figures.significant(0.0086, 'fr')).toBe('0,0086');
    expect(figures.significant(1, 'en')).toBe('1.0');
    expect(figures.significant(0, 'en')).toBe('0');
    expect(figures.range(1147, 2350, 'fr')).toBe(`1${NBSP}100\u20132${NBSP}400`);
    expect(figures.range(14980, 15020, 'en')).toBe(''); // both ends round to 15,000: no range
    expect(figures.figure(16012, 'kg CO2e', 15200, 17450, 'en')).toBe(`16,000${NBSP}kg CO2e (15,000\u201317,000)`);
    expect(figures.figure(null, 'kg CO2e', null, null, 'fr')).toBe('non estimé');
  });

  it('prints shares with two significant digits and confidence as a whole percentage', () => {
    // 0.0742 = 7.42 % -> 7.4 %; 0.283 -> 28 %; 0.00517 -> 0.52 %.
    expect(figures.share(0.0742, 'fr')).toBe(`7,4${NBSP}%`);
    expect(figures.share(0.283, 'en')).toBe('28%');
    expect(figures.share(0.00517, 'en')).toBe('0.52%');
    expect(figures.percent(0.836, 'fr')).toBe(`84${NBSP}%`);
    expect(figures.percent(0.836, 'en')).toBe('84%');
  });

  it('signs changes with the typographic minus', () => {
    expect(figures.signedPoints(6.6, 'fr')).toBe('+7');
    expect(figures.signedPoints(-3.2, 'en')).toBe('\u22123');
    expect(figures.signedPoints(0.3, 'en')).toBe('0');
    expect(figures.signedPercent(-40.2, 'fr')).toBe(`\u221240${NBSP}%`);
    expect(figures.signedSignificant(-3456, 'en')).toBe('\u22123,500');
    expect(figures.signedSignificant(0, 'en')).toBe('0');
  });

  it('is what the footprint display texts and the report print, on any value', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.constantFrom('fr' as const, 'en' as const), (v, lang) => {
        const fmt = createFormatter(lang);
        return formatSignificant(v, lang) === figures.significant(v, lang) && fmt.quantity(v) === figures.significant(v, lang);
      }),
    );
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.constantFrom('fr' as const, 'en' as const),
        (a, b, lang) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          return (
            formatRange(low, high, lang) === figures.range(low, high, lang) &&
            createFormatter(lang).range(low, high) === formatRange(low, high, lang)
          );
        },
      ),
    );
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom('fr' as const, 'en' as const), (v, lang) => {
        return (
          createFormatter(lang).score(v) === figures.score(v, lang) && String(Math.round(v)) === figures.score(v, lang).replace(/\D/g, '')
        );
      }),
    );
    expect(formatFigure(16012, 'climate', 'en', { low: 15200, high: 17450 })).toBe(figures.figure(16012, 'kg CO2e', 15200, 17450, 'en'));
  });

  it('keeps two significant digits: the printed number is within 5 % of the value', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e12, noNaN: true }), (v) => {
        const printed = Number(figures.significant(v, 'en').replace(/,/g, ''));
        return Math.abs(printed - v) <= 0.05 * v + 1e-12;
      }),
    );
  });

  it('puts a unit on every footprint quantity, in tonnes from 10,000 kg', () => {
    expect(figures.quantity(2370.912025, 'kg CO2e', 'fr')).toBe('2\u00a0400\u00a0kg CO2e');
    expect(figures.quantity(9999, 'kg CO2e', 'en')).toBe('10,000\u00a0kg CO2e');
    expect(figures.quantity(16012, 'kg CO2e', 'fr')).toBe('16\u00a0t CO2e');
    expect(figures.quantity(12500, 'kg Sb eq', 'en')).toBe('13\u00a0t Sb eq');
    expect(figures.quantity(120000, 'MJ', 'en')).toBe('120,000\u00a0MJ');
    expect(figures.quantity(null, 'kg', 'fr')).toBe('non estimé');
    expect(figures.signedQuantity(-3456, 'kg CO2e', 'fr')).toBe('\u22123\u00a0500\u00a0kg CO2e');
    // One scale for a row: the largest figure decides, so that 8,000 kg and 12,000 kg read 8 t and 12 t.
    const scale = figures.quantityScale([8000, 12000, null], 'kg CO2e');
    expect(scale).toEqual({ unit: 't CO2e', divisor: 1000 });
    expect(figures.quantity(8000, 'kg CO2e', 'en', scale)).toBe('8.0\u00a0t CO2e');
    expect(figures.signedQuantity(4000, 'kg CO2e', 'en', scale)).toBe('+4.0\u00a0t CO2e');
  });
});
