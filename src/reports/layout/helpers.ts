/**
 * Small presentation helpers shared by the layout functions (colours of levels and
 * changes, localised "label: value").
 */
import type { MaturityLevel } from '../report.view-model.js';
import type { LayoutContext } from './context.js';
import { COLORS, LEVEL_COLORS, LEVEL_TEXT_COLORS } from './theme.js';

export function levelColor(level: MaturityLevel | null | undefined): string {
  return level ? LEVEL_COLORS[level] : COLORS.previous;
}

export function levelTextColor(level: MaturityLevel | null | undefined): string {
  return level ? LEVEL_TEXT_COLORS[level] : COLORS.muted;
}

/** Colour of a change: for scores up is good, for footprints down is good. */
export function changeColor(delta: number | null, higherIsBetter: boolean): string {
  if (delta === null || Math.round(delta * 10) === 0) return COLORS.muted;
  return delta > 0 === higherIsBetter ? COLORS.positive : COLORS.negative;
}

/** "label : value" with French (narrow no-break space before the colon) or English punctuation. */
export function labelled(ctx: LayoutContext, label: string, value: string): string {
  return ctx.lang === 'fr' ? `${label}\u202F: ${value}` : `${label}: ${value}`;
}
