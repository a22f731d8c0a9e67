/**
 * The report's design system: A4 grid, type scale, palette. One accent (teal), dark
 * text on white, level colours only for bars and dots.
 */
import type { MaturityLevel } from '../report.view-model.js';

/** A4 in PostScript points. */
export const PAGE_SIZE = 'A4';
export const MARGINS = { top: 74, bottom: 66, left: 56, right: 56 } as const;
/** Running header baseline area and footer position, from the page edges. */
export const HEADER_Y = 34;
export const FOOTER_OFFSET = 42;

export const TYPE = {
  display: 30,
  h1: 22,
  h2: 15,
  h3: 11.5,
  body: 10,
  small: 8.5,
  table: 8,
  tiny: 7.5,
} as const;

/** Extra space between lines of running text. */
export const LINE_GAP = 2.2;

export const SPACE = {
  xs: 4,
  sm: 8,
  md: 14,
  lg: 22,
  xl: 32,
} as const;

export const COLORS = {
  text: '#1C2830',
  muted: '#56646C',
  faint: '#85939A',
  rule: '#D3DCDF',
  track: '#ECF1F2',
  zebra: '#F5F8F8',
  accent: '#0D7065',
  accentDark: '#0A4A43',
  accentSoft: '#E2F0ED',
  accentPale: '#BFE3DB',
  embodied: '#0D7065',
  use: '#8FD0C4',
  previous: '#9AA8AE',
  positive: '#1B7A3A',
  negative: '#B3261E',
  white: '#FFFFFF',
} as const;

export const LEVEL_COLORS: Record<MaturityLevel, string> = {
  1: '#B3261E',
  2: '#D2602A',
  3: '#C08F06',
  4: '#5F9620',
  5: '#1B7A3A',
};

/** Darker level colours for text on white (contrast >= 4.5:1). */
export const LEVEL_TEXT_COLORS: Record<MaturityLevel, string> = {
  1: '#9C1F17',
  2: '#A3440F',
  3: '#7D5C00',
  4: '#41691A',
  5: '#145C2C',
};

/** Minimum height that must follow a heading on the same page (no orphan headings). */
export const KEEP_WITH_HEADING = 56;
