import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CRITERIA } from '../footprint/footprint.types.js';
import { COMMITMENT_STATUSES } from '../plan/plan.types.js';
import { GROUP_LABELS } from '../scoring/priority.js';
import { clientMessages, fill, t } from './i18n.js';
import { MESSAGES } from './messages.js';
import { ATTRIBUTION_ORDER } from '../comparison/footprint-attribution.js';

const ASSETS = join(process.cwd(), 'src/web/assets');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the UI dictionary', () => {
  it('has every string in French and English, with the same placeholders', () => {
    for (const [key, text] of Object.entries(MESSAGES)) {
      expect({ key, fr: text.fr.trim().length > 0, en: text.en.trim().length > 0 }).toEqual({ key, fr: true, en: true });
      expect({ key, placeholders: placeholders(text.fr) }).toEqual({ key, placeholders: placeholders(text.en) });
    }
  });

  it('uses French typography: no-break spaces before « : ; ? ! » and inside quotes', () => {
    for (const [key, text] of Object.entries(MESSAGES)) {
      expect({ key, bad: / [:;?!»]|« /.test(text.fr) }).toEqual({ key, bad: false });
    }
  });

  it('has every message the page scripts ask for', () => {
    const client = clientMessages('fr');
    const used = new Set<string>();
    const prefixes = new Set<string>();
    for (const file of readdirSync(ASSETS).filter((f) => f.endsWith('.js'))) {
      const source = readFileSync(join(ASSETS, file), 'utf8');
      for (const m of source.matchAll(/\bmsg\('([\w]+)'/g)) used.add(m[1]);
      for (const m of source.matchAll(/\bmsg\(`([\w]+)\$\{/g)) prefixes.add(m[1]);
    }
    expect([...used].filter((k) => !(k in client))).toEqual([]);
    // Messages built from a domain value: every value has its message.
    const expected: Record<string, readonly string[]> = {
      effort_: ['low', 'medium', 'high'],
      owner_: ['procurement', 'it_operations', 'product_development', 'management', 'all_staff'],
      group_: Object.keys(GROUP_LABELS),
      groupHint_: Object.keys(GROUP_LABELS),
      lever_: ['lifespan', 'refurbished', 'fewer_screens', 'switch_off'],
      kind_: ['lever', 'foundation'],
      criterion_: CRITERIA,
      actions_: ['improved', 'regressed', 'unchanged', 'new', 'no_longer_asked', 'unknown'],
      status_: ['improved', 'regressed', 'unchanged', 'new', 'no_longer_asked', 'unknown'],
      planStatus_: COMMITMENT_STATUSES,
      verdict_: ['as_expected', 'unchanged', 'opposite', 'unknown', 'not_estimated'],
      effect_: ATTRIBUTION_ORDER,
    };
    expect([...prefixes].sort()).toEqual(Object.keys(expected).sort());
    for (const [prefix, values] of Object.entries(expected)) {
      for (const v of values) expect(`${prefix}${v} ${prefix + v in client}`).toBe(`${prefix}${v} true`);
    }
  });
});

describe('plurals by count', () => {
  it('French counts 0 and 1 as singular, English only 1', () => {
    expect(t('fr', 'walk.requiredMissing', { count: 1 })).toBe('1 question obligatoire sans réponse.');
    expect(t('fr', 'walk.requiredMissing', { count: 0 })).toBe('0 question obligatoire sans réponse.');
    expect(t('fr', 'walk.requiredMissing', { count: 2 })).toBe('2 questions obligatoires sans réponse.');
    expect(t('en', 'walk.requiredMissing', { count: 1 })).toBe('1 required question unanswered.');
    expect(t('en', 'walk.requiredMissing', { count: 0 })).toBe('0 required questions unanswered.');
    expect(t('fr', 'js.partsNotEstimated', { count: 1 })).toBe('1 partie non estimée faute de donnée');
    expect(t('en', 'js.partsNotEstimated', { count: 3 })).toBe('3 parts not estimated for lack of data');
    expect(t('fr', 'walk.reviewedCount', { reviewed: 1, carried: 1 })).toBe('1/1 reprise relue');
    expect(t('fr', 'walk.reviewedCount', { reviewed: 0, carried: 5 })).toBe('0/5 reprises relues');
  });

  it('a plural may hold placeholders', () => {
    expect(t('fr', 'js.adoptTop', { count: 5 })).toBe('Adopter les 5 actions de cette année');
    expect(t('fr', 'js.adoptTop', { count: 1 })).toBe('Adopter l’action de cette année');
    expect(t('en', 'js.moreActions', { count: 3 })).toBe('See the 3 other actions of this group');
  });

  it('a plural may follow another number than count', () => {
    expect(t('fr', 'js.answersChanged', { changed: 1, unchanged: 136 })).toBe('1 réponse a changé, 136 sont identiques.');
    expect(t('fr', 'js.answersChanged', { changed: 3, unchanged: 1 })).toBe('3 réponses ont changé, 1 est identique.');
    expect(t('en', 'js.answersChanged', { changed: 1, unchanged: 2 })).toBe('1 answer changed, 2 are the same.');
    expect(t('fr', 'js.answersUnmatched', { gone: 1, added: 4 })).toBe('1 question n’est plus posée et 4 sont nouvelles.');
    expect(t('fr', 'js.cvdCounts', { committed: 1, done: 1, inProgress: 0, notStarted: 0, dropped: 0 })).toBe(
      '1 engagement\u00a0: 1 fait, 0 en cours, 0 pas commencé, 0 abandonné.',
    );
    expect(t('fr', 'js.invYears', { value: '1' })).toBe('1 an');
    expect(t('fr', 'js.invYears', { value: '4,8' })).toBe('4,8 ans');
  });

  it('leaves a plural alone when its count is not given', () => {
    expect(fill('{#a|b} {n}', 'en', { n: 2 })).toBe('{#a|b} 2');
  });

  it('no message keeps a "(s)" plural', () => {
    for (const [key, text] of Object.entries(MESSAGES)) {
      expect({ key, fr: /\(s\)/.test(text.fr), en: /\(s\)/.test(text.en) }).toEqual({ key, fr: false, en: false });
    }
  });
});
