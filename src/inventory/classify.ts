import { normaliseText } from './inventory-content.js';
import type { ClassRule, DeviceClass, DeviceState, SignatureField, StatusRule } from './inventory.types.js';

/**
 * Classification: rules as data (templates/inventory/classification-rules.json, an organisation's
 * own rules first), the first rule that matches a row's signature gives its class. Pure.
 */

interface CompiledRule {
  rule: ClassRule;
  regex?: RegExp;
}

export interface Classification {
  class: DeviceClass;
  ruleId: string;
  /** Whose rule: the organisation's or the default set. */
  ruleSource: 'organisation' | 'default' | 'file';
}

export class Classifier {
  private readonly compiled: Array<CompiledRule & { source: 'organisation' | 'default' }>;

  constructor(defaults: ClassRule[], organisation: ClassRule[] = []) {
    const compile = (rule: ClassRule, source: 'organisation' | 'default') => ({
      rule,
      source,
      regex: rule.pattern ? new RegExp(rule.pattern, 'u') : undefined,
    });
    this.compiled = [...organisation.map((r) => compile(r, 'organisation')), ...defaults.map((r) => compile(r, 'default'))];
  }

  /** The class of a signature, or undefined when no rule matches (then `fallback`, "every row of this file is a ...", if given). */
  classify(signature: Partial<Record<SignatureField, string>>, fallback?: DeviceClass): Classification | undefined {
    const normal: Partial<Record<SignatureField, string>> = {};
    for (const [k, v] of Object.entries(signature) as Array<[SignatureField, string]>) normal[k] = normaliseText(v);
    for (const { rule, regex, source } of this.compiled) {
      for (const field of rule.field) {
        const text = normal[field];
        if (!text) continue;
        if (regex) {
          if (regex.test(text)) return { class: rule.class, ruleId: rule.id, ruleSource: source };
        } else {
          const n = Number(text.replace(/ /g, '.'));
          if (!Number.isFinite(n)) continue;
          if ((rule.gte === undefined || n >= rule.gte) && (rule.lt === undefined || n < rule.lt)) {
            return { class: rule.class, ruleId: rule.id, ruleSource: source };
          }
        }
      }
    }
    return fallback ? { class: fallback, ruleId: 'file-lists', ruleSource: 'file' } : undefined;
  }
}

export class StatusReader {
  private readonly rules: Array<StatusRule & { regex: RegExp }>;
  private readonly yes: RegExp;
  private readonly no: RegExp;

  constructor(status: StatusRule[], refurbished: { yes: string; no: string }) {
    this.rules = status.map((s) => ({ ...s, regex: new RegExp(s.pattern, 'u') }));
    this.yes = new RegExp(refurbished.yes, 'u');
    this.no = new RegExp(refurbished.no, 'u');
  }

  /** retired / excluded from a status or ownership text, else in service (the retirement date is read apart). */
  state(status: string | undefined, ownership: string | undefined): DeviceState {
    for (const r of this.rules) {
      const text = r.field === 'status' ? status : ownership;
      if (text && r.regex.test(normaliseText(text))) return r.state;
    }
    return 'in_service';
  }

  refurbished(text: string | undefined): boolean | undefined {
    if (text === undefined) return undefined;
    const n = normaliseText(text);
    if (!n) return undefined;
    if (this.yes.test(n)) return true;
    if (this.no.test(n)) return false;
    return undefined;
  }
}
