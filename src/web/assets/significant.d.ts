/** Types of the page script significant.js (for the test that checks it against the footprint's rounding). */
export function significant(value: number, locale: string): string;
export function significantRange(low: number, high: number, locale: string): string;
