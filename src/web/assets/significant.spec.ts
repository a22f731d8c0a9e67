/**
 * The web page rounds footprint figures in the browser with significant.js; the PDF and the
 * results' summary texts with the footprint module. They must print the same digits.
 */
import fc from 'fast-check';
import { formatRange, formatSignificant } from '../../footprint/footprint.display.js';
import { significant, significantRange } from './significant.js';

const LOCALES = { fr: 'fr-FR', en: 'en-GB' } as const;

describe('significant.js and the footprint module round alike', () => {
  it('on the figures of the reference organisations', () => {
    for (const v of [0, 0.0086, 0.00023, 0.004, 1, 9.96, 76.4, 100.19, 13947, 495471, 12089442, 25047.63]) {
      for (const lang of ['fr', 'en'] as const) expect(significant(v, LOCALES[lang])).toBe(formatSignificant(v, lang));
    }
  });

  it('on any value, in both languages', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1e12, noNaN: true }), fc.constantFrom('fr', 'en' as const), (v, lang) => {
        return significant(v, LOCALES[lang]) === formatSignificant(v, lang);
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.double({ min: 0, max: 1e9, noNaN: true }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        return (
          significantRange(low, high, 'fr-FR') === formatRange(low, high, 'fr') &&
          significantRange(low, high, 'en-GB') === formatRange(low, high, 'en')
        );
      }),
    );
  });
});
