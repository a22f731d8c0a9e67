/** Types of the page script decimal.js (for the test that checks it against the API's rule). */
export function parseDecimal(raw: string): { ok: true; value: number } | { ok: false; problem: 'format' | 'ambiguous' | 'grouping' };
