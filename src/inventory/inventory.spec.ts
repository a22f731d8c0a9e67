import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Classifier } from './classify.js';
import { derivePreview, type ClassFigures, type DeriveInput, type InventoryPreview } from './derive.js';
import { classRuleProblems, loadInventoryContent, normaliseText } from './inventory-content.js';
import { InventoryFileError, LIMITS } from './limits.js';
import { ageBucket, parseInventory } from './parse-inventory.js';
import { detectEncoding, sniffDelimiter } from './read-table.js';
import { headerFingerprint, parseDate, recogniseFormat } from './recognise.js';
import type { ColumnMapping, DeviceClass, ParsedInventory } from './inventory.types.js';

/**
 * The import's pure core on the fixture exports of test/fixtures/inventory (see the README there):
 * every count, age and lifespan below is worked by hand from the fixture's rows, as of 30 June 2026.
 */
const content = loadInventoryContent('templates');
const fixture = (name: string) => new Uint8Array(readFileSync(join('test/fixtures/inventory', name)));
const asOf = new Date('2026-06-30T00:00:00Z');
const v1 = JSON.parse(readFileSync('templates/questionnaires/fresque-numerique/v1.json', 'utf8')) as {
  sections: Array<{ questions: Array<{ id: string }> }>;
};
const questionIds = new Set(v1.sections.flatMap((s) => s.questions.map((q) => q.id)));

function preview(parsed: ParsedInventory, extra: Partial<DeriveInput> = {}): InventoryPreview {
  return derivePreview({
    parsed,
    content,
    organisationRules: [],
    defaultClass: null,
    questionIds,
    current: {},
    check: (id, value) => (id.endsWith('lifespan_years') && (value < 1 || value > 15) ? 'value must be between 1 and 15' : null),
    ...extra,
  });
}
const cls = (p: InventoryPreview, c: DeviceClass): ClassFigures => {
  const found = p.classes.find((x) => x.class === c);
  if (!found) throw new Error(`no ${c} in ${p.classes.map((x) => x.class).join(', ')}`);
  return found;
};
async function fileError(promise: Promise<unknown>): Promise<InventoryFileError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof InventoryFileError) return e;
    throw e;
  }
  throw new Error('expected an InventoryFileError');
}

describe('the content under templates/inventory', () => {
  it('loads, and every class has a label and a row in the question table', () => {
    expect(content.formats.map((f) => f.id)).toEqual(['glpi-fr', 'glpi-en', 'snipe-it', 'intune', 'ocs-inventory']);
    expect(Object.keys(content.questionMap)).toHaveLength(11);
    expect(content.questionMap.other).toBeNull();
    expect(content.questionMap.meeting_room_screen?.count).toBe('inventory.meeting_screen.count');
  });

  it('refuses a broken rule, naming it and the problem', () => {
    expect(classRuleProblems([{ id: 'x', class: 'toaster', field: ['model'], pattern: '(' }], 'rules')).toEqual([
      'rules: rule "x": class must be one of laptop, desktop, monitor, smartphone, tablet, meeting_room_screen, server, network_box, network_switch, printer, other',
      expect.stringMatching(/^rules: rule "x": pattern is not a valid regular expression/),
    ]);
    expect(classRuleProblems([{ id: 'y', class: 'laptop', field: ['serial'], pattern: 'a', gte: 3 }], 'rules')).toEqual([
      'rules: rule "y": field must list columns among type, category, model, manufacturer, os, size',
      'rules: rule "y": needs either a pattern or a number range (gte, lt), not both',
    ]);
  });
});

describe('reading the bytes', () => {
  it('detects the encoding by the stated rule', () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41])).name).toBe('UTF-8 (BOM)');
    expect(detectEncoding(Buffer.from('Modèle', 'utf8')).name).toBe('UTF-8');
    expect(detectEncoding(Buffer.from([0x4d, 0x6f, 0x64, 0xe8, 0x6c, 0x65])).name).toBe('Windows-1252'); // "Modèle" in 1252
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00])).name).toBe('UTF-16 LE (BOM)');
    expect(() => detectEncoding(Buffer.from('abc', 'utf16le'))).toThrow(/NUL bytes/);
    expect(() => detectEncoding(Buffer.from([0x41, 0x81, 0x42]))).toThrow(/neither UTF-8 nor Windows-1252 \(byte 0x81 at offset 1/);
  });

  it('sniffs the delimiter outside quotes', () => {
    expect(sniffDelimiter('a;b;c')).toBe(';');
    expect(sniffDelimiter('"a;x","b;y",c,d')).toBe(',');
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
    expect(sniffDelimiter('single')).toBe(';');
  });

  it('reads dates in the stated order and refuses impossible ones', () => {
    expect(parseDate('15/03/2021', 'dmy')?.toISOString()).toBe('2021-03-15T00:00:00.000Z');
    expect(parseDate('03/15/2021', 'mdy')?.toISOString()).toBe('2021-03-15T00:00:00.000Z');
    expect(parseDate('03/15/2021', 'dmy')).toBeUndefined();
    expect(parseDate('2023-04-12 08:15:32.0000000', 'ymd')?.toISOString()).toBe('2023-04-12T00:00:00.000Z');
    expect(parseDate('31/02/2022', 'dmy')).toBeUndefined();
    expect(parseDate(44256, 'dmy')?.toISOString()).toBe('2021-03-01T00:00:00.000Z'); // a spreadsheet serial day
    expect(parseDate('', 'dmy')).toBeNull();
    expect(parseDate('soon', 'dmy')).toBeUndefined();
  });

  it('puts every age in exactly one bucket', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 60, noNaN: true }), (years) => {
        const i = ageBucket(years);
        expect(i).toBeGreaterThanOrEqual(0);
        expect(i).toBeLessThan(10);
      }),
    );
    expect([0, 0.99, 1, 4.4, 7.99, 8, 9.99, 10, 42].map(ageBucket)).toEqual([0, 0, 1, 4, 7, 8, 8, 9, 9]);
  });
});

describe('recognising known exports by their headers', () => {
  const headersOf = (text: string) => text.split(/\r?\n/)[0].replace(/^\uFEFF/, '');
  it('maps the columns of each known export', () => {
    const glpi = recogniseFormat(
      "Nom;Entité;Statut;Fabricant;Numéro de série;Type;Modèle;Système d'exploitation - Nom;Lieu;Date d'achat;Date de réforme".split(';'),
      content.formats,
    );
    expect(glpi?.format.id).toBe('glpi-fr');
    expect(glpi?.mapping.columns).toEqual({
      type: 'Type',
      model: 'Modèle',
      manufacturer: 'Fabricant',
      os: "Système d'exploitation - Nom",
      purchaseDate: "Date d'achat",
      retirementDate: 'Date de réforme',
      status: 'Statut',
    });
    expect(
      recogniseFormat(headersOf(readFileSync('test/fixtures/inventory/snipe-it-assets.csv', 'utf8')).split(','), content.formats)?.format
        .id,
    ).toBe('snipe-it');
    expect(recogniseFormat(['NAME', 'OSNAME', 'SMANUFACTURER', 'SMODEL', 'TYPE'], content.formats)?.format.id).toBe('ocs-inventory');
    expect(recogniseFormat(['Inventaire', 'Catégorie', 'Référence'], content.formats)).toBeUndefined();
  });

  it('fingerprints headers whatever their case, accents and punctuation', () => {
    expect(headerFingerprint(['Catégorie', 'Acquis le', ''])).toBe(headerFingerprint(['CATEGORIE', 'acquis-le']));
    expect(normaliseText("Système d'exploitation - Nom")).toBe('systeme d exploitation nom');
  });
});

describe('classification rules', () => {
  const c = new Classifier(content.rules);
  it.each([
    [{ type: 'Portable' }, 'laptop'],
    [{ type: 'Téléphone portable' }, 'smartphone'],
    [{ type: 'Téléphone IP' }, 'other'],
    [{ type: 'Écran', size: '55' }, 'meeting_room_screen'],
    [{ type: 'LCD', size: '24' }, 'monitor'],
    [{ category: 'Conference Room Displays' }, 'meeting_room_screen'],
    [{ type: 'Borne Wi-Fi' }, 'network_switch'],
    [{ type: 'Box internet', model: 'Livebox Pro' }, 'network_box'],
    [{ type: 'Multifonction' }, 'printer'],
    [{ model: 'SM-X200', os: 'Android' }, 'tablet'],
    [{ model: 'SM-A536B', os: 'Android' }, 'smartphone'],
    [{ model: 'Virtual Machine', os: 'Windows' }, 'other'],
    [{ type: 'Rack Mount Chassis' }, 'server'],
  ] as const)('%j is a %s', (signature, expected) => {
    expect(c.classify(signature)?.class).toBe(expected);
  });

  it('leaves what no rule matches unclassified, unless the file says what it lists', () => {
    expect(c.classify({ model: '20XW00A1FR', os: 'Windows' })).toBeUndefined();
    expect(c.classify({ model: '20XW00A1FR', os: 'Windows' }, 'laptop')).toEqual({
      class: 'laptop',
      ruleId: 'file-lists',
      ruleSource: 'file',
    });
  });

  it("tries the organisation's rules first", () => {
    const own = new Classifier(content.rules, [{ id: 'lenovo-codes', class: 'laptop', field: ['model'], pattern: '^20[a-z]{2}' }]);
    expect(own.classify({ model: '20XW00A1FR', os: 'Windows' })).toEqual({
      class: 'laptop',
      ruleId: 'lenovo-codes',
      ruleSource: 'organisation',
    });
    const override = new Classifier(content.rules, [
      { id: 'portables-are-phones', class: 'smartphone', field: ['type'], pattern: 'portable' },
    ]);
    expect(override.classify({ type: 'Portable' })?.class).toBe('smartphone');
  });
});

describe('GLPI computers, French, Windows-1252, semicolons (Excel re-saved)', () => {
  let parsed: ParsedInventory;
  let p: InventoryPreview;
  beforeAll(async () => {
    parsed = await parseInventory(fixture('glpi-computers-fr.csv'), content, { asOf });
    p = preview(parsed);
  });

  it('is read as Windows-1252 with ; and recognised as GLPI', () => {
    expect(parsed).toMatchObject({ fileKind: 'csv', encoding: 'Windows-1252', delimiter: ';', formatId: 'glpi-fr' });
    expect(parsed.headers).toContain('Entité');
    expect(parsed.headers).toContain("Date d'achat");
  });

  it('counts 17 rows: 14 accepted, 3 rejected with their lines and reasons', () => {
    expect(parsed).toMatchObject({ rowCount: 17, acceptedCount: 14, rejectedCount: 3 });
    expect(parsed.rejected).toEqual([
      {
        line: 16,
        field: 'purchaseDate',
        reason: {
          fr: "Date d'achat « 31/02/2022 » n’est pas une date (lue comme jour/mois/année)",
          en: `Date d'achat "31/02/2022" is not a date (read as day/month/year)`,
        },
      },
      {
        line: 17,
        field: 'retirementDate',
        reason: {
          fr: `Date de réforme 2020-06-01 est antérieure à Date d'achat 2021-06-01`,
          en: `Date de réforme 2020-06-01 is before Date d'achat 2021-06-01`,
        },
      },
      {
        line: 18,
        field: 'purchaseDate',
        reason: {
          fr: `Date d'achat 2027-01-01 est postérieure à la date de l’export 2026-06-30`,
          en: `Date d'achat 2027-01-01 is after the export date 2026-06-30`,
        },
      },
    ]);
    expect(parsed.rejectedByReason).toEqual({ invalidDate: 1, retiredBeforeStart: 1, futureDate: 1 });
  });

  it('keeps no name, serial number or user of the export', () => {
    const kept = JSON.stringify(parsed);
    for (const secret of ['PC-JDUPONT', 'jdupont', '5CG1234ABC', 'Durand', 'Hôtel de ville', 'Mairie']) expect(kept).not.toContain(secret);
  });

  it('derives laptops: 4 in service, ages and an observed lifespan, worked by hand', () => {
    const laptops = cls(p, 'laptop');
    // 7 "Portable" rows (lines 2-8); "Rebut" x2 and "Réformé" x1 are retired: 7 - 3 = 4 in service ("En stock" counts).
    expect(laptops).toMatchObject({ rows: 7, inService: 4, retired: 3, excluded: 0 });
    // Ages to 2026-06-30: 1933, 1398, 902 and 2201 days / 365.25 = 5.29, 3.83, 2.47, 6.03 years.
    expect(laptops.age.buckets.map((b) => b.count)).toEqual([0, 0, 1, 1, 0, 1, 1, 0, 0, 0]);
    // Mean (5.2923 + 3.8275 + 2.4695 + 6.0260) / 4 = 4.40 -> 4.4.
    expect(laptops.age.mean).toBe(4.4);
    // Retired: 1826, 1840 and 1642 days = 4.9993, 5.0376, 4.4956 years; mean 4.844 -> 4.8 (4.5 to 5.0).
    expect(laptops.lifespan).toEqual({ mean: 4.8, count: 3, min: 4.5, max: 5 });
    expect(laptops.refurbished).toBeNull();
  });

  it('derives desktops (one undated) and the server; a single retired desktop is too few for a lifespan answer', () => {
    const desktops = cls(p, 'desktop');
    // Lines 9-12: "Hors service" is retired; OptiPlex 3080 has no purchase date.
    expect(desktops).toMatchObject({ rows: 4, inService: 3, retired: 1 });
    // 1875 and 2431 days = 5.1335 and 6.6557 years; mean 5.89 -> 5.9 over 2 dated, 1 undated.
    expect(desktops.age).toMatchObject({ mean: 5.9, dated: 2, undated: 1 });
    expect(desktops.lifespan).toEqual({ mean: 8, count: 1, min: 8, max: 8 }); // 2013-03-01 to 2021-03-01: 2922 days = 8.0
    const lifespan = p.proposals.find((x) => x.questionId === 'inventory.desktop.lifespan_years');
    expect(lifespan).toMatchObject({ proposed: 8, applicable: false });
    expect(lifespan?.reason?.en).toMatch(/Only 1 dated retired device/);
    expect(cls(p, 'server')).toMatchObject({ rows: 1, inService: 1 });
  });

  it('lists the unclassified rows with their lines, never drops them', () => {
    expect(p.unclassified.rows).toBe(2);
    expect(p.unclassified.groups.map((g) => [g.signature.model, g.lines])).toEqual(
      expect.arrayContaining([
        ['Mac15,3', [[14, 14]]],
        ['Raspberry Pi 4', [[15, 15]]],
      ]),
    );
    const total = p.classes.reduce((s, c) => s + c.rows, 0) + p.unclassified.rows + parsed.rejectedCount;
    expect(total).toBe(parsed.rowCount);
  });

  it('proposes the answers, each within its question', () => {
    const byId = Object.fromEntries(p.proposals.map((x) => [x.questionId, x]));
    expect(byId['inventory.laptop.count']).toMatchObject({ proposed: 4, change: 'new', applicable: true });
    expect(byId['inventory.laptop.lifespan_years']).toMatchObject({ proposed: 4.8, applicable: true });
    expect(byId['inventory.desktop.count']).toMatchObject({ proposed: 3, applicable: true });
    expect(byId['inventory.server.count']).toMatchObject({ proposed: 1, applicable: true });
    expect(byId['inventory.laptop.refurbished_share']).toBeUndefined();
  });

  it('shows the diff against current answers', () => {
    const again = preview(parsed, {
      current: {
        'inventory.laptop.count': { value: 40, version: 3, source: null },
        'inventory.server.count': { value: 1, version: 1, source: null },
      },
    });
    const byId = Object.fromEntries(again.proposals.map((x) => [x.questionId, x]));
    expect(byId['inventory.laptop.count']).toMatchObject({ proposed: 4, change: 'changed', current: { value: 40, version: 3 } });
    expect(byId['inventory.server.count'].change).toBe('unchanged');
  });
});

describe('GLPI monitors, as GLPI writes them (UTF-8 with BOM, every cell quoted, a ; after every cell)', () => {
  it('tells monitors from the meeting-room screen by their size; the trailing ; is no ragged row', async () => {
    const parsed = await parseInventory(fixture('glpi-monitors-fr.csv'), content, { asOf });
    expect(parsed).toMatchObject({ encoding: 'UTF-8 (BOM)', formatId: 'glpi-fr', rowCount: 5, rejectedCount: 0 });
    const p = preview(parsed);
    // 24", 24", 27" and the retired 22" are monitors; the 55" "Écran" is a meeting-room screen.
    expect(cls(p, 'monitor')).toMatchObject({ rows: 4, inService: 3, retired: 1, lifespan: { mean: 7, count: 1 } });
    expect(cls(p, 'meeting_room_screen')).toMatchObject({ rows: 1, inService: 1 });
  });
});

describe('Snipe-IT custom asset report', () => {
  it('reads categories and the status meta; archived and broken assets are retired', async () => {
    const parsed = await parseInventory(fixture('snipe-it-assets.csv'), content, { asOf });
    expect(parsed).toMatchObject({ encoding: 'UTF-8', delimiter: ',', formatId: 'snipe-it', rowCount: 11, rejectedCount: 0 });
    const p = preview(parsed);
    // Laptops: Macbook Pro and Latitude 7420 in service; "Archived (archived)" and "Broken - Not Fixable" retired, without dates.
    expect(cls(p, 'laptop')).toMatchObject({ rows: 4, inService: 2, retired: 2, retiredWithoutDates: 2, lifespan: null });
    expect(cls(p, 'desktop').inService).toBe(1);
    expect(cls(p, 'monitor').inService).toBe(2);
    expect(cls(p, 'smartphone')).toMatchObject({ inService: 1, retired: 1 }); // "Lost/Stolen (archived)"
    expect(cls(p, 'tablet').inService).toBe(1); // "Pending" is not retired
    expect(cls(p, 'other').rows).toBe(1); // the VOIP phone
    // Laptop ages: 2022-09-01 and 2023-01-15 -> 1398 and 1262 days = 3.83 and 3.46 years, mean 3.64 -> 3.6.
    expect(cls(p, 'laptop').age.mean).toBe(3.6);
  });
});

describe('Microsoft Intune devices export', () => {
  let p: InventoryPreview;
  let parsed: ParsedInventory;
  beforeAll(async () => {
    parsed = await parseInventory(fixture('intune-devices.csv'), content, { asOf });
    p = preview(parsed);
  });

  it('classifies by model and OS, leaves personal devices out, ages from the enrolment date', () => {
    expect(parsed).toMatchObject({ formatId: 'intune', rowCount: 11, rejectedCount: 0, ageFrom: 'firstSeenDate' });
    // Latitude 5430, MacBook Air, Surface Pro 9; enrolled 1175, 1217 and 942 days before: mean 3.04 -> 3.0.
    expect(cls(p, 'laptop')).toMatchObject({ inService: 3, age: { mean: 3 } });
    expect(cls(p, 'desktop').inService).toBe(1);
    // iPhone 14 and the Galaxy A53 (SM-A536B); the iPhone SE is "Personal": excluded, not counted.
    expect(cls(p, 'smartphone')).toMatchObject({ rows: 3, inService: 2, excluded: 1 });
    expect(cls(p, 'tablet').inService).toBe(2); // iPad Air, Galaxy Tab A8 (SM-X200)
    expect(cls(p, 'other').inService).toBe(1); // a virtual machine is no device
    expect(p.unclassified.groups.map((g) => g.signature.model)).toEqual(['20XW00A1FR']);
    expect(JSON.stringify(parsed)).not.toMatch(/alice@|Alice Martin|FAKESN/);
  });
});

describe('OCS Inventory', () => {
  it('reads the chassis type', async () => {
    const p = preview(await parseInventory(fixture('ocs-inventory.csv'), content, { asOf }));
    expect(p.classes.map((c) => [c.class, c.inService])).toEqual([
      ['laptop', 1],
      ['desktop', 2],
      ['server', 1],
    ]);
    expect(cls(p, 'laptop').age.mean).toBeNull();
  });
});

describe('a generic spreadsheet: the mapping step', () => {
  const mapping: ColumnMapping = {
    columns: {
      category: 'Catégorie',
      manufacturer: 'Marque',
      model: 'Référence',
      purchaseDate: 'Acquis le',
      retirementDate: 'Sorti le',
      refurbished: 'Reconditionné',
    },
    dateOrder: 'dmy',
  };

  it('asks for a mapping, with the headers and suggestions', async () => {
    const e = await fileError(parseInventory(fixture('generic-inventory.xlsx'), content, { asOf }));
    expect(e.rule).toBe('mappingRequired');
    expect(e.extensions.headers).toEqual([
      'N° inventaire',
      'Catégorie',
      'Marque',
      'Référence',
      'Acquis le',
      'Sorti le',
      'Reconditionné',
      'Affecté à',
    ]);
    expect(e.extensions.suggestedMapping).toEqual({
      category: 'Catégorie',
      manufacturer: 'Marque',
      model: 'Référence',
      refurbished: 'Reconditionné',
    });
  });

  it('refuses a mapping naming a column the file lacks', async () => {
    const e = await fileError(
      parseInventory(fixture('generic-inventory.xlsx'), content, { asOf, mapping: { ...mapping, columns: { model: 'Modele' } } }),
    );
    expect(e.rule).toBe('mapping');
    expect(e.message).toMatch(/mapping.columns.model: the file has no column "Modele"/);
  });

  it('reads it with the mapping; a saved mapping finds it again', async () => {
    const parsed = await parseInventory(fixture('generic-inventory.xlsx'), content, { asOf, mapping });
    expect(parsed).toMatchObject({ fileKind: 'xlsx', sheet: 'Parc', formatId: 'mapping', rowCount: 11, rejectedCount: 0 });
    expect(parsed.warnings.map((w) => w.en)).toEqual(['Only the sheet "Parc" was read; not read: "Notes".']);
    const p = preview(parsed);
    const laptops = cls(p, 'laptop');
    // 8 laptops, 3 with "Sorti le" before 2026-06-30: retired.
    expect(laptops).toMatchObject({ rows: 8, inService: 5, retired: 3 });
    // 1632, 1632, 1763, 1763, 1203 days: mean 4.377 -> 4.4.
    expect(laptops.age.mean).toBe(4.4);
    // 1461, 2007, 2192 days = 4.0, 5.4949, 6.0014 years: mean 5.165 -> 5.2.
    expect(laptops.lifespan).toEqual({ mean: 5.2, count: 3, min: 4, max: 6 });
    // Refurbished among the 5 in service: INV-001 and INV-004 "Oui" = 2 of 5 = 40 %.
    expect(laptops.refurbished).toEqual({ share: 40, yes: 2, no: 3, unknown: 0 });
    expect(cls(p, 'monitor').inService).toBe(2);
    expect(cls(p, 'meeting_room_screen').inService).toBe(1);
    const fingerprint = headerFingerprint(parsed.headers);
    const again = await parseInventory(fixture('generic-inventory.xlsx'), content, { asOf, savedMappings: { [fingerprint]: mapping } });
    expect(again.formatId).toBe('saved-mapping');
    expect(again.rowCount).toBe(11);
  });
});

describe('broken files', () => {
  it('a 0-byte file', async () => {
    expect(await fileError(parseInventory(fixture('broken-empty.csv'), content, { asOf }))).toMatchObject({ rule: 'empty', status: 400 });
  });

  it('UTF-16 without a byte-order mark', async () => {
    const e = await fileError(parseInventory(fixture('broken-utf16-without-bom.csv'), content, { asOf }));
    expect(e).toMatchObject({ rule: 'encoding', status: 400 });
  });

  it('ragged rows are rejected with their lines; the others are read', async () => {
    const parsed = await parseInventory(fixture('broken-ragged-rows.csv'), content, { asOf });
    expect(parsed).toMatchObject({ formatId: 'glpi-en', rowCount: 5, acceptedCount: 3, rejectedCount: 2, rejectedByReason: { ragged: 2 } });
    expect(parsed.rejected.map((r) => [r.line, r.reason.en.slice(0, 34)])).toEqual([
      [3, '9 cells where the header (line 1) '],
      [5, '5 cells where the header (line 1) '],
    ]);
  });

  it('formula cells: computed values are used and said; formulas without a value and error values are rejected', async () => {
    const parsed = await parseInventory(fixture('broken-formula-cells.xlsx'), content, { asOf });
    expect(parsed).toMatchObject({ formatId: 'glpi-en', rowCount: 4, acceptedCount: 2, rejectedCount: 2 });
    expect(parsed.rejectedByReason).toEqual({ formulaWithoutValue: 1, errorValue: 1 });
    expect(parsed.rejected.map((r) => r.line)).toEqual([4, 5]);
    expect(parsed.warnings[0].en).toBe('2 cell(s) are formulas: their last computed value was read.');
    // LT-1 (2021-03-01, from a formula) and LT-2 (2022-03-01): 1947 and 1582 days = 5.33 and 4.33 years, mean 4.83 -> 4.8.
    expect(cls(preview(parsed), 'laptop')).toMatchObject({ inService: 2, age: { mean: 4.8 } });
  });

  it('more rows than the limit: 413 naming the limit', async () => {
    const lines = ['Name,Status,Type,Model,Entity'];
    for (let i = 0; i < LIMITS.maxRows + 1; i++) lines.push(`PC-${i},In use,Laptop,Latitude 5420,HQ`);
    const e = await fileError(parseInventory(Buffer.from(lines.join('\n')), content, { asOf }));
    expect(e).toMatchObject({ rule: 'maxRows', status: 413 });
    expect(e.message).toMatch(/more than 100,000 rows/);
  });

  it('more columns than the limit', async () => {
    const header = Array.from({ length: LIMITS.maxColumns + 1 }, (_, i) => `c${i}`).join(';');
    expect(await fileError(parseInventory(Buffer.from(`${header}\n`), content, { asOf }))).toMatchObject({
      rule: 'maxColumns',
      status: 413,
    });
  });

  it('a quote never closed: 413 on the record size', async () => {
    const text = `Name,Status,Type,Model,Entity\nPC-1,In use,Laptop,"Latitude ${'x'.repeat(LIMITS.maxRecordChars + 10)}\n`;
    expect(await fileError(parseInventory(Buffer.from(text), content, { asOf }))).toMatchObject({ rule: 'maxRecordSize', status: 413 });
  });
});

describe('derivation properties', () => {
  it('every classified row is in service, retired or excluded; the totals add up', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            type: fc.constantFrom('Portable', 'Unité centrale', 'Écran', 'Smartphone', 'Inconnu'),
            status: fc.constantFrom('En service', 'En stock', 'Rebut', ''),
            year: fc.integer({ min: 2010, max: 2026 }),
            retired: fc.option(fc.integer({ min: 2011, max: 2026 }), { nil: undefined }),
          }),
          { maxLength: 60 },
        ),
        async (rows) => {
          const lines = ["Nom;Statut;Type;Modèle;Entité;Date d'achat;Date de réforme"];
          rows.forEach((r, i) =>
            lines.push(`N${i};${r.status};${r.type};M;E;01/01/${r.year};${r.retired && r.retired >= r.year ? `01/01/${r.retired}` : ''}`),
          );
          const parsed = await parseInventory(Buffer.from(lines.join('\n')), content, { asOf });
          const p = preview(parsed);
          const classified = p.classes.reduce((s, c) => s + c.rows, 0);
          expect(classified + p.unclassified.rows + parsed.rejectedCount).toBe(rows.length);
          for (const c of p.classes) {
            expect(c.inService + c.retired + c.excluded).toBe(c.rows);
            expect(c.age.dated + c.age.undated).toBe(c.inService);
            expect(c.age.buckets.reduce((s, b) => s + b.count, 0)).toBe(c.age.dated);
            if (c.age.mean !== null) expect(c.age.mean).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
