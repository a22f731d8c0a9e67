import { MAX_TEXT_LENGTH, REPLACEMENT_CHARACTER, sanitizeDeep, sanitizeForFont, type GlyphCoverage } from './sanitize.js';

/** A Latin text font: ASCII, Latin-1, Latin Extended-A, general punctuation, U+FFFD. */
const latinFont: GlyphCoverage = {
  hasGlyphForCodePoint: (cp) =>
    (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0x17f) || (cp >= 0x2010 && cp <= 0x2027) || cp === 0x202f || cp === 0xfffd,
};

describe('making user text drawable with the report font', () => {
  it('keeps French text as typed', () => {
    const text = 'Œuvre « été » : à ça, coût… l’été\u202F!';
    expect(sanitizeForFont(text, latinFont)).toBe('Œuvre «\u00A0été\u00A0» : à ça, coût… l’été\u202F!');
  });

  it('composes accents typed as combining marks', () => {
    expect(sanitizeForFont('e\u0301te\u0301', latinFont)).toBe('été');
  });

  it('replaces each emoji, even a joined or modified one, by one visible replacement glyph', () => {
    expect(sanitizeForFont('a 👩‍💻 b 👍🏽 c 🏳️‍🌈', latinFont)).toBe(
      `a ${REPLACEMENT_CHARACTER} b ${REPLACEMENT_CHARACTER} c ${REPLACEMENT_CHARACTER}`,
    );
  });

  it('replaces scripts the font lacks, character by character', () => {
    expect(sanitizeForFont('数字 مرحبا', latinFont)).toBe(`${REPLACEMENT_CHARACTER.repeat(2)} ${REPLACEMENT_CHARACTER.repeat(5)}`);
  });

  it('removes invisible controls and bidi overrides, keeps line breaks', () => {
    expect(sanitizeForFont('a\u0000b\u202Ec\u202Cd\u200Be\r\nf\tg', latinFont)).toBe('abcde\nf g');
  });

  it('uses readable stand-ins for common symbols the font lacks', () => {
    expect(sanitizeForFont('≈ 3 t, ≥ 40, 4 → 5', latinFont)).toBe('~ 3 t, >= 40, 4 -> 5');
  });

  it('falls back to "?" when the font has no replacement glyph', () => {
    const ascii: GlyphCoverage = { hasGlyphForCodePoint: (cp) => cp >= 0x20 && cp <= 0x7e };
    expect(sanitizeForFont('a中b', ascii)).toBe('a?b');
  });

  it('survives lone surrogates and absurdly long text', () => {
    expect(sanitizeForFont('x\uD800y', latinFont)).toBe(`x${REPLACEMENT_CHARACTER}y`);
    const long = sanitizeForFont('a'.repeat(MAX_TEXT_LENGTH * 3), latinFont);
    expect(long.length).toBe(MAX_TEXT_LENGTH + 1);
    expect(long.endsWith('…')).toBe(true);
  });

  it('applies to every string of a view-model-like value, leaving numbers and nulls alone', () => {
    const value = { a: 'ok 🙂', b: [1, null, 'x\u0000'], c: { d: true } };
    expect(sanitizeDeep(value, latinFont)).toEqual({ a: `ok ${REPLACEMENT_CHARACTER}`, b: [1, null, 'x'], c: { d: true } });
  });
});
