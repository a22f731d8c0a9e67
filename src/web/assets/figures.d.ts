/** Types of figures.js, the one formatting of the figures people read (web pages and report). */
export type FigureLang = 'fr' | 'en';
export const DASH: string;
export function formatNumber(value: number, lang: FigureLang): string;
export function roundSignificant(value: number): number;
export function significant(value: number, lang: FigureLang): string;
export function range(low: number | null | undefined, high: number | null | undefined, lang: FigureLang): string;
export function score(value: number | null | undefined, lang: FigureLang): string;
export function percent(ratio: number | null | undefined, lang: FigureLang): string;
export function share(ratio: number | null | undefined, lang: FigureLang): string;
export function signedPoints(delta: number | null | undefined, lang: FigureLang): string;
export function signedPercent(pct: number | null | undefined, lang: FigureLang): string;
export function signedSignificant(delta: number | null | undefined, lang: FigureLang): string;
export function figure(
  value: number | null | undefined,
  unit: string | null,
  low: number | null | undefined,
  high: number | null | undefined,
  lang: FigureLang,
): string;
export interface QuantityScale {
  unit: string;
  divisor: number;
}
export function quantityScale(values: Array<number | null | undefined>, unit: string | null): QuantityScale;
export function quantity(value: number | null | undefined, unit: string | null, lang: FigureLang, scale?: QuantityScale): string;
export function signedQuantity(delta: number | null | undefined, unit: string | null, lang: FigureLang, scale?: QuantityScale): string;
