import { readFileSync } from 'node:fs';
import pg from 'pg';
import request from 'supertest';
import { addMember, bearer, createTestApp, register, type Account, type TestApp } from './support/test-app.js';
import { walkAssessment } from './support/walk.js';

const api = '/api/v1';
const fixture = (name: string) => readFileSync(`test/fixtures/inventory/${name}`);

interface Proposal {
  questionId: string;
  proposed: number;
  change: string;
  applicable: boolean;
  current: { value: unknown; version: number; source: { importId?: string } | null } | null;
}
interface ImportBody {
  id: string;
  format: { id: string } | null;
  encoding: string;
  rows: { total: number; accepted: number; rejected: number };
  rejected: Array<{ line: number; reason: string }>;
  preview: {
    classes: Array<{ class: string; inService: number; derivation: Array<{ fr: string; en: string }> }>;
    unclassified: { rows: number; groups: Array<{ signature: Record<string, string>; lines: number[][] }> };
    proposals: Proposal[];
    notInFootprint: unknown[];
  };
}
const proposal = (body: ImportBody, id: string) => body.preview.proposals.find((p) => p.questionId === id)!;

/**
 * An IT manager fills the inventory from the organisation's GLPI export, checks the preview, applies
 * it (the footprint follows), corrects one figure by hand, and later imports a spreadsheet that needs
 * a column mapping: its preview shows what would change.
 */
describe('inventory import from an asset-management export', () => {
  let t: TestApp;
  let owner: Account;
  let editor: Account;
  let viewer: Account;
  let stranger: Account;
  let assessmentId: string;
  let strangerAssessment: string;
  let glpi: ImportBody;

  const upload = (who: Account, name: string, fields: Record<string, string> = {}, id = assessmentId) => {
    let r = request(t.http).post(`${api}/assessments/${id}/inventory-imports`).set(bearer(who));
    for (const [k, v] of Object.entries(fields)) r = r.field(k, v);
    return r.attach('file', fixture(name), name);
  };
  const results = async () => (await request(t.http).get(`${api}/assessments/${assessmentId}/results`).set(bearer(owner)).expect(200)).body;
  const laptopFootprint = (body: { footprint: { devices: Array<{ device: string; count: number; lifespanYears: number }> } }) =>
    body.footprint.devices.find((d) => d.device === 'laptop');

  beforeAll(async () => {
    t = await createTestApp();
    owner = await register(t.http, 'Commune de Test', { country: 'FR' });
    editor = await addMember(t.http, owner, 'editor');
    viewer = await addMember(t.http, owner, 'viewer');
    stranger = await register(t.http, 'Autre commune');
    assessmentId = await walkAssessment(t.http, owner, 2026, 'best', {
      overrides: {
        'organisation.country': 'FR',
        'inventory.laptop.count': 40,
        'inventory.laptop.lifespan_years': 4,
        'inventory.laptop.refurbished_share': 0,
        'inventory.desktop.count': 12,
        'inventory.server.count': 2,
        'inventory.monitor.count': 0,
        'inventory.meeting_screen.count': 0,
      },
    });
    strangerAssessment = (await request(t.http).post(`${api}/assessments`).set(bearer(stranger)).send({ year: 2026 }).expect(201)).body.id;
  });
  afterAll(async () => t?.close());

  it('previews a GLPI export (French, Windows-1252): counts per type, rejected and unclassified rows with their lines, the answers it would replace', async () => {
    const before = laptopFootprint(await results());
    expect(before).toMatchObject({ count: 40, lifespanYears: 4 });
    const res = await upload(editor, 'glpi-computers-fr.csv', { asOf: '2026-06-30' }).expect(201);
    glpi = res.body;
    expect(glpi.format?.id).toBe('glpi-fr');
    expect(glpi.encoding).toBe('Windows-1252');
    expect(glpi.rows).toEqual({ total: 17, accepted: 14, rejected: 3 });
    expect(glpi.rejected.map((r) => r.line)).toEqual([16, 17, 18]);
    expect(glpi.preview.unclassified.rows).toBe(2);
    expect(glpi.preview.classes.find((c) => c.class === 'laptop')?.inService).toBe(4);
    expect(glpi.preview.classes.find((c) => c.class === 'laptop')?.derivation[0].en).toMatch(/In service: 7 − 3 retired − 0 excluded = 4/);
    expect(proposal(glpi, 'inventory.laptop.count')).toMatchObject({
      proposed: 4,
      change: 'changed',
      applicable: true,
      current: { value: 40 },
    });
    expect(proposal(glpi, 'inventory.laptop.lifespan_years')).toMatchObject({ proposed: 4.8, change: 'changed', current: { value: 4 } });
    expect(proposal(glpi, 'inventory.desktop.count')).toMatchObject({ proposed: 3, change: 'changed' });
    expect(proposal(glpi, 'inventory.server.count')).toMatchObject({ proposed: 1, change: 'changed' });
    // Nothing is written by a preview.
    expect(laptopFootprint(await results())).toMatchObject({ count: 40 });
  });

  it('keeps no name, serial number, user or e-mail of the file, only aggregates', async () => {
    const db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
    try {
      const rows = (await db.query('SELECT * FROM inventory_imports')).rows;
      expect(rows).toHaveLength(1);
      const stored = JSON.stringify(rows);
      for (const secret of ['PC-JDUPONT', 'jdupont', '5CG1234ABC', 'Durand', 'Hôtel de ville']) expect(stored).not.toContain(secret);
      expect(stored).toContain('Latitude 5420');
    } finally {
      await db.end();
    }
  });

  it('viewers cannot import or apply; another organisation gets 404 for the assessment and the import', async () => {
    await upload(viewer, 'glpi-computers-fr.csv').expect(403);
    await request(t.http)
      .post(`${api}/assessments/${assessmentId}/inventory-imports/${glpi.id}/apply`)
      .set(bearer(viewer))
      .send({})
      .expect(403);
    await upload(stranger, 'glpi-computers-fr.csv').expect(404);
    await request(t.http).get(`${api}/assessments/${assessmentId}/inventory-imports/${glpi.id}`).set(bearer(stranger)).expect(404);
    await request(t.http).get(`${api}/assessments/${strangerAssessment}/inventory-imports/${glpi.id}`).set(bearer(stranger)).expect(404);
    await request(t.http)
      .post(`${api}/assessments/${strangerAssessment}/inventory-imports/${glpi.id}/apply`)
      .set(bearer(stranger))
      .send({})
      .expect(404);
    await request(t.http).get(`${api}/assessments/${assessmentId}/inventory-imports`).set(bearer(stranger)).expect(404);
    // Viewers read.
    const list = await request(t.http).get(`${api}/assessments/${assessmentId}/inventory-imports`).set(bearer(viewer)).expect(200);
    expect(list.body.map((i: { id: string }) => i.id)).toEqual([glpi.id]);
  });

  it('applies: the answers carry the provenance, the audit trail says so, the footprint follows', async () => {
    const res = await request(t.http)
      .post(`${api}/assessments/${assessmentId}/inventory-imports/${glpi.id}/apply`)
      .set(bearer(editor))
      .send({})
      .expect(200);
    expect(res.body.written.map((w: { questionId: string; from: unknown; to: number }) => [w.questionId, w.from, w.to])).toEqual([
      ['inventory.laptop.count', 40, 4],
      ['inventory.desktop.count', 12, 3],
      ['inventory.server.count', 2, 1],
      ['inventory.laptop.lifespan_years', 4, 4.8],
    ]);
    expect(res.body.skipped.map((s: { questionId: string }) => s.questionId)).toEqual(['inventory.desktop.lifespan_years']);
    const answers = (await request(t.http).get(`${api}/assessments/${assessmentId}/answers`).set(bearer(viewer)).expect(200))
      .body as Array<{
      questionId: string;
      value: unknown;
      source: Record<string, unknown> | null;
    }>;
    const laptops = answers.find((a) => a.questionId === 'inventory.laptop.count')!;
    expect(laptops.value).toBe(4);
    expect(laptops.source).toMatchObject({
      kind: 'inventory-import',
      importId: glpi.id,
      fileName: 'glpi-computers-fr.csv',
      rows: 17,
      acceptedRows: 14,
      appliedByEmail: editor.email,
    });
    const history = (
      await request(t.http)
        .get(`${api}/assessments/${assessmentId}/history?questionId=inventory.laptop.count`)
        .set(bearer(owner))
        .expect(200)
    ).body as Array<{ action: string; oldValue: unknown; newValue: unknown; actorEmail: string; source: { fileName: string } | null }>;
    expect(history[0]).toMatchObject({
      action: 'answered',
      oldValue: 40,
      newValue: 4,
      actorEmail: editor.email,
      source: { fileName: 'glpi-computers-fr.csv' },
    });
    expect(history[1].source).toBeNull();
    // 4 laptops kept 4.8 years instead of 40 kept 4: the footprint follows.
    expect(laptopFootprint(await results())).toMatchObject({ count: 4, lifespanYears: 4.8 });
    // Applying again writes nothing.
    const again = await request(t.http)
      .post(`${api}/assessments/${assessmentId}/inventory-imports/${glpi.id}/apply`)
      .set(bearer(editor))
      .send({})
      .expect(200);
    expect(again.body.written).toEqual([]);
  });

  it('an imported answer stays editable by hand, which clears its provenance', async () => {
    const current = (await request(t.http).get(`${api}/assessments/${assessmentId}/answers`).set(bearer(owner)).expect(200)).body.find(
      (a: { questionId: string }) => a.questionId === 'inventory.server.count',
    );
    const saved = await request(t.http)
      .put(`${api}/assessments/${assessmentId}/answers/inventory.server.count`)
      .set(bearer(owner))
      .send({ value: 2, expectedVersion: current.version })
      .expect(200);
    expect(saved.body.source).toBeNull();
  });

  it('a file no format recognises asks for a mapping, which is saved for next time', async () => {
    const res = await upload(editor, 'generic-inventory.xlsx', { asOf: '2026-06-30' }).expect(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'mapping', rule: 'mappingRequired' });
    expect(res.body.headers).toContain('Acquis le');
    expect(res.body.suggestedMapping).toMatchObject({ category: 'Catégorie', model: 'Référence' });
    const bad = await upload(editor, 'generic-inventory.xlsx', { mapping: JSON.stringify({ columns: { model: 'Modèle' } }) }).expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'mapping.columns.model', rule: 'header' });
    await upload(editor, 'generic-inventory.xlsx', { mapping: '{not json' }).expect(400);
  });

  it('a second import shows the diff against the first, then applies it', async () => {
    const mapping = {
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
    const res = await upload(editor, 'generic-inventory.xlsx', { asOf: '2026-06-30', mapping: JSON.stringify(mapping) }).expect(201);
    const second: ImportBody = res.body;
    expect(second.format?.id).toBe('mapping');
    // Laptops: 4 from the GLPI import -> 5; lifespan 4.8 -> 5.2; refurbished 0 (typed) -> 40 %.
    expect(proposal(second, 'inventory.laptop.count')).toMatchObject({
      proposed: 5,
      change: 'changed',
      current: { value: 4, source: { importId: glpi.id } },
    });
    expect(proposal(second, 'inventory.laptop.lifespan_years')).toMatchObject({
      proposed: 5.2,
      change: 'changed',
      current: { value: 4.8 },
    });
    expect(proposal(second, 'inventory.laptop.refurbished_share')).toMatchObject({
      proposed: 40,
      change: 'changed',
      current: { value: 0 },
    });
    expect(proposal(second, 'inventory.monitor.count')).toMatchObject({
      proposed: 2,
      change: 'changed',
      current: { value: 0, source: null },
    });
    expect(proposal(second, 'inventory.meeting_screen.count')).toMatchObject({ proposed: 1, change: 'changed', current: { value: 0 } });

    // The mapping is saved: the same headers next time need none.
    const mappings = (await request(t.http).get(`${api}/inventory/mappings`).set(bearer(viewer)).expect(200)).body;
    expect(mappings).toHaveLength(1);
    expect((await upload(editor, 'generic-inventory.xlsx', { asOf: '2026-06-30' }).expect(201)).body.format.id).toBe('saved-mapping');

    // A colleague changes the laptop count after the preview: applying with the versions seen is refused, nothing written.
    const seen = Object.fromEntries(second.preview.proposals.map((p) => [p.questionId, p.current?.version ?? 0]));
    await request(t.http)
      .put(`${api}/assessments/${assessmentId}/answers/inventory.laptop.count`)
      .set(bearer(owner))
      .send({ value: 6, expectedVersion: seen['inventory.laptop.count'] })
      .expect(200);
    const stale = await request(t.http)
      .post(`${api}/assessments/${assessmentId}/inventory-imports/${second.id}/apply`)
      .set(bearer(editor))
      .send({ expectedVersions: seen })
      .expect(409);
    expect(stale.body).toMatchObject({ questionId: 'inventory.laptop.count', current: { value: 6 } });
    expect(laptopFootprint(await results())).toMatchObject({ count: 6, lifespanYears: 4.8 });

    // Read again, then apply only some figures.
    const fresh = (
      await request(t.http).get(`${api}/assessments/${assessmentId}/inventory-imports/${second.id}`).set(bearer(editor)).expect(200)
    ).body;
    expect(proposal(fresh, 'inventory.laptop.count')).toMatchObject({ proposed: 5, current: { value: 6, source: null } });
    const applied = await request(t.http)
      .post(`${api}/assessments/${assessmentId}/inventory-imports/${second.id}/apply`)
      .set(bearer(editor))
      .send({ questionIds: ['inventory.laptop.count', 'inventory.laptop.lifespan_years', 'inventory.monitor.count'] })
      .expect(200);
    expect(applied.body.written.map((w: { questionId: string; from: unknown; to: number }) => [w.questionId, w.from, w.to])).toEqual([
      ['inventory.laptop.count', 6, 5],
      ['inventory.monitor.count', 0, 2],
      ['inventory.laptop.lifespan_years', 4.8, 5.2],
    ]);
    expect(laptopFootprint(await results())).toMatchObject({ count: 5, lifespanYears: 5.2 });
    await request(t.http)
      .post(`${api}/assessments/${assessmentId}/inventory-imports/${second.id}/apply`)
      .set(bearer(editor))
      .send({ questionIds: ['inventory.nowhere.count'] })
      .expect(400);
  });

  it("an organisation's own rule classifies what the defaults leave out, without uploading again", async () => {
    const intune = (await upload(editor, 'intune-devices.csv', { asOf: '2026-06-30' }).expect(201)).body as ImportBody;
    expect(intune.preview.unclassified.groups.map((g) => g.signature.model)).toEqual(['20XW00A1FR']);
    const rules = (await request(t.http).get(`${api}/inventory/rules`).set(bearer(viewer)).expect(200)).body;
    expect(rules.version).toBe(0);
    expect(rules.defaults.length).toBeGreaterThan(20);
    await request(t.http).put(`${api}/inventory/rules`).set(bearer(viewer)).send({ rules: [], expectedVersion: 0 }).expect(403);
    const bad = await request(t.http)
      .put(`${api}/inventory/rules`)
      .set(bearer(editor))
      .send({ rules: [{ id: 'x', class: 'laptop', field: ['model'], pattern: '(' }], expectedVersion: 0 })
      .expect(400);
    expect(bad.body.errors[0].message).toMatch(/pattern is not a valid regular expression/);
    await request(t.http)
      .put(`${api}/inventory/rules`)
      .set(bearer(editor))
      .send({ rules: [{ id: 'lenovo-machine-types', class: 'laptop', field: ['model'], pattern: '^20[a-z]{2}' }], expectedVersion: 0 })
      .expect(200);
    await request(t.http).put(`${api}/inventory/rules`).set(bearer(editor)).send({ rules: [], expectedVersion: 0 }).expect(409);
    const again = (
      await request(t.http).get(`${api}/assessments/${assessmentId}/inventory-imports/${intune.id}`).set(bearer(editor)).expect(200)
    ).body as ImportBody;
    expect(again.preview.unclassified.rows).toBe(0);
    expect(again.preview.classes.find((c) => c.class === 'laptop')?.inService).toBe(4);
    // Another organisation's rules and mappings are its own.
    expect((await request(t.http).get(`${api}/inventory/rules`).set(bearer(stranger)).expect(200)).body.rules).toEqual([]);
    expect((await request(t.http).get(`${api}/inventory/mappings`).set(bearer(stranger)).expect(200)).body).toEqual([]);
  });

  it('broken files get a clear problem naming the field and the rule', async () => {
    const problem = async (r: request.Test, status: number) => {
      const res = await r.expect(status);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      return res.body as { detail: string; errors?: Array<{ field: string; rule: string }> };
    };
    expect((await problem(upload(editor, 'broken-empty.csv'), 400)).errors?.[0]).toEqual(
      expect.objectContaining({ field: 'file', rule: 'empty' }),
    );
    expect((await problem(upload(editor, 'broken-utf16-without-bom.csv'), 400)).errors?.[0]).toEqual(
      expect.objectContaining({ field: 'file', rule: 'encoding' }),
    );
    const ragged = (await upload(editor, 'broken-ragged-rows.csv', { asOf: '2026-06-30' }).expect(201)).body as ImportBody;
    expect(ragged.rejected.map((r) => r.line)).toEqual([3, 5]);
    const formulas = (await upload(editor, 'broken-formula-cells.xlsx', { asOf: '2026-06-30' }).expect(201)).body as ImportBody;
    expect(formulas.rows).toEqual({ total: 4, accepted: 2, rejected: 2 });

    // 200,000 rows: beyond the 100,000-row limit.
    const lines = ['Name,Status,Type,Model,Entity,Date of purchase'];
    for (let i = 0; i < 200_000; i++) lines.push(`PC-${i},In use,Laptop,Latitude 5420,HQ,2022-03-01`);
    const big = await problem(
      request(t.http)
        .post(`${api}/assessments/${assessmentId}/inventory-imports`)
        .set(bearer(editor))
        .attach('file', Buffer.from(lines.join('\n')), 'big.csv'),
      413,
    );
    expect(big.errors?.[0]).toEqual(expect.objectContaining({ field: 'file', rule: 'maxRows' }));
    // Beyond 25 MB.
    const huge = await problem(
      request(t.http)
        .post(`${api}/assessments/${assessmentId}/inventory-imports`)
        .set(bearer(editor))
        .attach('file', Buffer.alloc(25 * 1024 * 1024 + 1, 0x41), 'huge.csv'),
      413,
    );
    expect(huge.errors?.[0]).toEqual(expect.objectContaining({ field: 'file', rule: 'maxFileSize' }));
    // No file, a wrong part name, an unknown field, JSON instead of multipart.
    expect(
      (
        await problem(
          request(t.http).post(`${api}/assessments/${assessmentId}/inventory-imports`).set(bearer(editor)).field('asOf', '2026-06-30'),
          400,
        )
      ).errors?.[0],
    ).toEqual(expect.objectContaining({ field: 'file', rule: 'required' }));
    await problem(
      request(t.http)
        .post(`${api}/assessments/${assessmentId}/inventory-imports`)
        .set(bearer(editor))
        .attach('upload', fixture('ocs-inventory.csv'), 'x.csv'),
      400,
    );
    expect((await problem(upload(editor, 'ocs-inventory.csv', { colour: 'blue' }), 400)).errors?.map((e) => e.rule)).toContain(
      'unknownField',
    );
    expect((await problem(upload(editor, 'ocs-inventory.csv', { asOf: '2026-02-30' }), 400)).errors?.[0].field).toBe('asOf');
    await problem(
      request(t.http).post(`${api}/assessments/${assessmentId}/inventory-imports`).set(bearer(editor)).send({ file: 'x' }),
      400,
    );
    // The service still answers.
    await request(t.http).get('/health').expect(200);
  });

  it('a submitted assessment takes no import', async () => {
    await request(t.http).post(`${api}/assessments/${assessmentId}/submit`).set(bearer(owner)).send({}).expect(200);
    await upload(editor, 'ocs-inventory.csv').expect(409);
  });
});
