import { attrs, html, type SafeHtml } from '../html.js';

export interface FieldOptions {
  id: string;
  name?: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'number';
  value?: string;
  hint?: string;
  error?: string;
  autocomplete?: string;
  required?: boolean;
  optionalLabel?: string;
  extra?: Record<string, string | number | boolean | null | undefined>;
}

/** A labelled input with its hint and error, tied together by aria-describedby. */
export function field(o: FieldOptions): SafeHtml {
  const describedBy = [o.hint ? `${o.id}-hint` : '', o.error ? `${o.id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field${o.error ? ' field-invalid' : ''}">
  <label for="${o.id}">${o.label}${o.optionalLabel ? html` <span class="optional">${o.optionalLabel}</span>` : ''}</label>
  ${o.hint ? html`<p class="hint" id="${o.id}-hint">${o.hint}</p>` : ''}
  ${o.error ? html`<p class="field-error" id="${o.id}-error">${o.error}</p>` : ''}
  <input${attrs({
    id: o.id,
    name: o.name ?? o.id,
    type: o.type ?? 'text',
    value: o.value ?? null,
    autocomplete: o.autocomplete ?? null,
    required: o.required ?? false,
    'aria-describedby': describedBy || null,
    'aria-invalid': o.error ? 'true' : null,
    ...(o.extra ?? {}),
  })}>
</div>`;
}

export interface SelectOptions {
  id: string;
  label: string;
  value?: string;
  options: Array<{ value: string; label: string }>;
  hint?: string;
  error?: string;
  optionalLabel?: string;
}

export function select(o: SelectOptions): SafeHtml {
  const describedBy = [o.hint ? `${o.id}-hint` : '', o.error ? `${o.id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field${o.error ? ' field-invalid' : ''}">
  <label for="${o.id}">${o.label}${o.optionalLabel ? html` <span class="optional">${o.optionalLabel}</span>` : ''}</label>
  ${o.hint ? html`<p class="hint" id="${o.id}-hint">${o.hint}</p>` : ''}
  ${o.error ? html`<p class="field-error" id="${o.id}-error">${o.error}</p>` : ''}
  <select${attrs({ id: o.id, name: o.id, 'aria-describedby': describedBy || null, 'aria-invalid': o.error ? 'true' : null })}>
    ${o.options.map((x) => html`<option${attrs({ value: x.value, selected: x.value === (o.value ?? '') })}>${x.label}</option>`)}
  </select>
</div>`;
}

export function csrfField(csrf: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${csrf}" />`;
}
