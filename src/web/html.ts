/**
 * Safe HTML by construction: `html` is a tagged template that escapes every interpolated
 * value, unless it is already `SafeHtml` (the result of another `html` call or of `raw`).
 * Pages are plain functions returning `SafeHtml`; nothing user-typed reaches the page unescaped.
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for use in element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c]);
}

/** Marks trusted markup (constants written in this code base only). */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/**
 * Attributes from a record: `true` writes the bare name, `false`/null/undefined leaves it out,
 * anything else is escaped. Names are written by this code, never taken from input.
 */
export function attrs(record: Record<string, string | number | boolean | null | undefined>): SafeHtml {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(record)) {
    if (value === false || value === null || value === undefined) continue;
    parts.push(value === true ? name : `${name}="${escapeHtml(String(value))}"`);
  }
  return new SafeHtml(parts.length ? ' ' + parts.join(' ') : '');
}

/**
 * Data for page scripts, in a non-executed JSON block (allowed by the CSP). `<` and the line
 * separators are escaped so that no text can close the block or break the parser.
 */
export function jsonBlock(id: string, data: unknown): SafeHtml {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return new SafeHtml(`<script type="application/json" id="${escapeHtml(id)}">${json}</script>`);
}
