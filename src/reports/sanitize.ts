/**
 * Makes any user-typed text safe to draw with the embedded font: no crash, no hang,
 * nothing silently dropped. Pure: no pdfkit import (the font is any object that can
 * answer "do you have a glyph for this code point", e.g. a fontkit font).
 */

/** What sanitizeForFont needs from a font (fontkit's Font has it). */
export interface GlyphCoverage {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/** Shown instead of a character the font cannot draw. */
export const REPLACEMENT_CHARACTER = '\uFFFD';
/** Longest string drawn; longer ones are cut with an ellipsis (the questionnaire caps comments far below). */
export const MAX_TEXT_LENGTH = 10_000;

// Invisible characters dropped outright: C0/C1 controls except \n and \t, bidi marks,
// embeddings and isolates (the layout is left-to-right), zero-width space and non-joiner,
// word joiners, BOM. The zero-width joiner, variation selectors and tag characters are
// kept until graphemes are known (they glue emoji sequences) and dropped there.
const DROPPED =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what it removes
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;
/** Zero-width joiner, variation selectors, tag characters: invisible glue inside a grapheme. */
function isGlue(cp: number): boolean {
  return cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0000 && cp <= 0xe007f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}
// Exotic spaces mapped to a plain space when the font lacks them.
const SPACES = /[\u1680\u2000-\u200A\u205F\u3000]/;

/**
 * Common symbols that Latin text fonts often lack, with a readable stand-in; used only
 * when the font has no glyph for the symbol.
 */
const STAND_INS: Readonly<Record<string, string>> = {
  '≈': '~',
  '≃': '~',
  '≤': '<=',
  '≥': '>=',
  '≠': '!=',
  '→': '->',
  '←': '<-',
  '↔': '<->',
  '⇒': '=>',
  '↑': '^',
  '✓': 'v',
  '✔': 'v',
  '✗': 'x',
  '✕': 'x',
  '■': '•',
  '●': '•',
  '▪': '•',
  '◦': '•',
  '‣': '•',
};

let segmenter: Intl.Segmenter | null = null;
function graphemes(text: string): Iterable<string> {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  const segments = segmenter.segment(text);
  return {
    *[Symbol.iterator]() {
      for (const s of segments) yield s.segment;
    },
  };
}

/**
 * Returns `text` with every character the font cannot draw replaced by one visible
 * replacement glyph per user-perceived character (an emoji with skin tone and ZWJ
 * sequence counts as one), invisible control and bidi characters removed, line ends
 * normalised to "\n", tabs to spaces, and Unicode composed (NFC) so that "e + ◌́" uses
 * the precomposed "é" the font has.
 */
export function sanitizeForFont(text: string, font: GlyphCoverage): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  let input = text.length > MAX_TEXT_LENGTH ? `${text.slice(0, MAX_TEXT_LENGTH)}…` : text;
  input = input
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(DROPPED, '')
    // French guillemets never part from their words at a line end.
    .replace(/« /g, '«\u00A0')
    .replace(/ »/g, '\u00A0»');
  const replacement = font.hasGlyphForCodePoint(REPLACEMENT_CHARACTER.codePointAt(0)!) ? REPLACEMENT_CHARACTER : '?';

  // Fast path: everything drawable.
  let allSupported = true;
  for (const ch of input) {
    const cp = ch.codePointAt(0)!;
    if (cp !== 0x0a && (isGlue(cp) || !font.hasGlyphForCodePoint(cp))) {
      allSupported = false;
      break;
    }
  }
  if (allSupported) return input;

  let out = '';
  for (const g of graphemes(input)) {
    if (g === '\n') {
      out += g;
      continue;
    }
    let drawable = '';
    let ok = true;
    for (const ch of g) {
      const cp = ch.codePointAt(0)!;
      const standIn = STAND_INS[ch];
      if (font.hasGlyphForCodePoint(cp)) drawable += ch;
      else if (standIn !== undefined && [...standIn].every((c) => font.hasGlyphForCodePoint(c.codePointAt(0)!))) drawable += standIn;
      else if (SPACES.test(ch)) drawable += ' ';
      else if (isGlue(cp)) continue;
      else {
        ok = false;
        break;
      }
    }
    out += ok ? drawable : replacement;
  }
  return out;
}

/** A coverage that has a glyph only when all the given fonts have it (regular, bold... of one family). */
export function intersectCoverage(fonts: readonly GlyphCoverage[]): GlyphCoverage {
  const memo = new Map<number, boolean>();
  return {
    hasGlyphForCodePoint(cp: number): boolean {
      let known = memo.get(cp);
      if (known === undefined) {
        known = fonts.every((f) => f.hasGlyphForCodePoint(cp));
        memo.set(cp, known);
      }
      return known;
    },
  };
}

/** Applies `sanitizeForFont` to every string of a plain JSON value, returning a new value. */
export function sanitizeDeep<T>(value: T, font: GlyphCoverage): T {
  const visit = (v: unknown): unknown => {
    if (typeof v === 'string') return sanitizeForFont(v, font);
    if (Array.isArray(v)) return v.map(visit);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, child] of Object.entries(v)) out[k] = visit(child);
      return out;
    }
    return v;
  };
  return visit(value) as T;
}
