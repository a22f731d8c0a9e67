/**
 * The embedded typeface: Noto Sans (SIL Open Font License 1.1), static TTF files shipped
 * by the npm package `@expo-google-fonts/noto-sans` (licence text in its LICENSE_FONT).
 * It covers Latin (every French character, « », œ, …, narrow no-break space), Greek,
 * Cyrillic and Vietnamese, and has U+FFFD, the glyph drawn for characters it lacks.
 *
 * The files are read and parsed once per process (each worker thread has its own copy): the
 * parsed fontkit fonts keep their glyph and layout caches from one report to the next, which
 * halves the render time (parsing and shaping dominated the profile).
 */
import { create, type Font } from 'fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type FontKey = 'regular' | 'semibold' | 'bold' | 'light';

const FILES: Record<FontKey, string> = {
  light: '@expo-google-fonts/noto-sans/300Light/NotoSans_300Light.ttf',
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  semibold: '@expo-google-fonts/noto-sans/600SemiBold/NotoSans_600SemiBold.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
};

/** Names under which the fonts are registered in the PDF document. */
export const FONT_NAMES: Record<FontKey, string> = {
  light: 'NotoSans-Light',
  regular: 'NotoSans-Regular',
  semibold: 'NotoSans-SemiBold',
  bold: 'NotoSans-Bold',
};

let cache: Record<FontKey, Buffer> | null = null;

/** The TTF bytes of every weight used by the report. */
export function loadReportFonts(): Record<FontKey, Buffer> {
  if (!cache) {
    const require = createRequire(import.meta.url);
    const read = (key: FontKey): Buffer => readFileSync(require.resolve(FILES[key]));
    cache = { light: read('light'), regular: read('regular'), semibold: read('semibold'), bold: read('bold') };
  }
  return cache;
}

let parsed: Record<FontKey, Font> | null = null;

/** The parsed fonts, shared by every report of this thread (pdfkit accepts a fontkit font). */
export function loadParsedReportFonts(): Record<FontKey, Font> {
  if (!parsed) {
    const bytes = loadReportFonts();
    const parse = (key: FontKey): Font => create(bytes[key]) as Font;
    parsed = { light: parse('light'), regular: parse('regular'), semibold: parse('semibold'), bold: parse('bold') };
  }
  return parsed;
}
