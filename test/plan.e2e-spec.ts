import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import request from 'supertest';
import { extractPdfText } from './fixtures/reports/pdf-text.js';
import { parseCsv } from './support/csv.js';
import { addMember, bearer, createTestApp, register, type Account, type TestApp } from './support/test-app.js';
import { walkAssessment } from './support/walk.js';

const api = '/api/v1';

/** A fleet of 100 laptops and nothing else, kept `lifespan` years: the reference case worked by hand below. */
function laptopsOnly(lifespan: number): Record<string, unknown> {
  const overrides: Record<string, unknown> = {
    'organisation.country': 'FR',
    'organisation.employees': 80,
    'inventory.laptop.count': 100,
    'inventory.laptop.lifespan_years': lifespan,
    'inventory.laptop.refurbished_share': 0,
  };
  for (const d of ['desktop', 'monitor', 'smartphone', 'tablet', 'meeting_screen', 'server', 'printer', 'network_box', 'network_switch']) {
    overrides[`inventory.${d}.count`] = 0;
  }
  overrides['inventory.cloud.vcpu_count'] = 0;
  overrides['inventory.cloud.storage_tb'] = 0;
  return overrides;
}

async function binary(res: request.Response): Promise<Buffer> {
  return res.body as Buffer;
}

const asBuffer = (r: request.Request) =>
  r.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

/**
 * An organisation commits to the top five actions of its 2025 assessment, tracks them through
 * the year (statuses, indicator values, a colleague's conflicting edit), exports the plan and
 * follows its due dates in a calendar; its 2026 assessment, started from 2025, shows what was
 * committed and what was done.
 */
describe('from plan to progress', () => {
  let t: TestApp;
  let owner: Account;
  let editor: Account;
  let viewer: Account;
  let stranger: Account;
  let y2025: string;
  let plan: {
    top: string[];
    commitments: Array<{ id: string; actionId: string; version: number; status: string; baseline: { value: number } | null }>;
  };

  beforeAll(async () => {
    t = await createTestApp();
    owner = await register(t.http, 'Communauté de communes du Test', { country: 'FR' });
    editor = await addMember(t.http, owner, 'editor');
    viewer = await addMember(t.http, owner, 'viewer');
    stranger = await register(t.http, 'Autre organisation');
    y2025 = await walkAssessment(t.http, owner, 2025, 'worst', { overrides: laptopsOnly(3) });
  });
  afterAll(async () => {
    await t.close();
  });

  const planOf = async (who: Account, id: string) =>
    (await request(t.http).get(`${api}/assessments/${id}/plan`).set(bearer(who)).expect(200)).body;

  it('adopts the top five ranked priorities, each with its baseline and the saving the results gave', async () => {
    const results = (await request(t.http).get(`${api}/assessments/${y2025}/results`).set(bearer(owner)).expect(200)).body;
    const empty = await planOf(owner, y2025);
    const ranked = results.priorities.filter((p: { group: string }) => p.group !== 'unknown').slice(0, 5);
    expect(empty.top).toEqual(ranked.map((p: { actionId: string }) => p.actionId));
    expect(empty.commitments).toEqual([]);
    expect(empty.lastYear).toBeNull();

    for (const [i, actionId] of (empty.top as string[]).entries()) {
      const body =
        i === 0
          ? { actionId, ownerUserId: editor.userId, due: '2025-12-31', target: { value: 5 } }
          : i === 1
            ? { actionId, ownerRole: 'Responsable des achats', due: '2026-Q2' }
            : { actionId };
      const created = (await request(t.http).post(`${api}/assessments/${y2025}/plan/commitments`).set(bearer(owner)).send(body).expect(201))
        .body;
      expect(created).toMatchObject({ actionId, status: 'not_started', version: 1 });
      expect(created.adopted.rank).toBe(ranked[i].rank);
    }
    // Any action can be added: keeping laptops longer, measured by the inventory.
    if (!empty.top.includes('extend-lifespan')) {
      await request(t.http)
        .post(`${api}/assessments/${y2025}/plan/commitments`)
        .set(bearer(owner))
        .send({ actionId: 'extend-lifespan' })
        .expect(201);
    }
    plan = await planOf(owner, y2025);
    expect(plan.commitments.length).toBe(empty.top.includes('extend-lifespan') ? 5 : 6);
    const lifespan = plan.commitments.find((c) => c.actionId === 'extend-lifespan')!;
    // Baseline from the inventory: the 3 years answered.
    expect(lifespan.baseline).toMatchObject({ value: 3, source: 'answers', questionIds: ['inventory.laptop.lifespan_years'] });
    // Saving promised for keeping laptops longer, from the lever on the organisation's own fleet.
    const lever = results.savings.find((s: { lever: string }) => s.lever === 'lifespan');
    expect((lifespan as unknown as { adopted: { saving: { climateKgCo2ePerYear: number } } }).adopted.saving.climateKgCo2ePerYear).toBe(
      lever.climateKgCo2ePerYear,
    );
    const first = (
      plan as unknown as { commitments: Array<{ actionId: string; owner: unknown; due: unknown; checklist: unknown[] }> }
    ).commitments.find((c) => c.actionId === empty.top[0])!;
    expect(first.owner).toEqual({ kind: 'member', userId: editor.userId, email: editor.email, name: editor.email });
    expect(first.due).toEqual({ kind: 'date', date: '2025-12-31', text: '2025-12-31' });
    expect(first.checklist.length).toBeGreaterThan(0);
    const second = (plan as unknown as { commitments: Array<{ actionId: string; owner: unknown; due: unknown }> }).commitments.find(
      (c) => c.actionId === empty.top[1],
    )!;
    expect(second.due).toEqual({ kind: 'quarter', date: '2026-06-30', text: '2026-Q2' });
    expect(second.owner).toMatchObject({ kind: 'role', name: 'Responsable des achats' });
  });

  it('refuses what a client must not send, naming the field and the rule', async () => {
    const url = `${api}/assessments/${y2025}/plan/commitments`;
    const bad = async (body: object, field: string, rule?: string) => {
      const res = await request(t.http).post(url).set(bearer(owner)).send(body).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, ...(rule ? { rule } : {}) })]));
    };
    await bad({ actionId: 'switch-off-equipment', due: '2026-02-30' }, 'due', 'isDue');
    await bad({ actionId: 'switch-off-equipment', due: '2026-Q5' }, 'due', 'isDue');
    await bad({ actionId: 'no-such-action' }, 'actionId', 'inCatalogue');
    await bad({ actionId: 'switch-off-equipment', ownerUserId: stranger.userId }, 'ownerUserId', 'isMember');
    await bad({ actionId: 'switch-off-equipment', ownerUserId: editor.userId, ownerRole: 'DSI' }, 'ownerRole', 'oneOwner');
    await bad({ actionId: 'switch-off-equipment', surprise: 1 }, 'surprise', 'unknownField');
    await bad({ actionId: 'switch-off-equipment', target: { value: 'beaucoup' } }, 'target.value');
    const again = await request(t.http).post(url).set(bearer(owner)).send({ actionId: plan.top[0] }).expect(409);
    expect(again.body.commitmentId).toBe(plan.commitments.find((c) => c.actionId === plan.top[0])!.id);

    const c = plan.commitments.find((x) => x.actionId === plan.top[2])!;
    const patch = (body: object) =>
      request(t.http).patch(`${api}/assessments/${y2025}/plan/commitments/${c.id}`).set(bearer(owner)).send(body);
    expect((await patch({ expectedVersion: c.version, status: 'dropped' }).expect(400)).body.errors[0]).toMatchObject({
      field: 'dropReason',
      rule: 'requiredToDrop',
    });
    expect((await patch({ status: 'done' }).expect(400)).body.errors[0]).toMatchObject({ field: 'expectedVersion' });
    expect((await patch({ expectedVersion: c.version, checklist: [true] }).expect(400)).body.errors[0]).toMatchObject({
      field: 'checklist',
      rule: 'length',
    });
    await patch({ expectedVersion: c.version, measurements: [{ date: '2025-13-01', value: 1 }] }).expect(400);
    await patch({ expectedVersion: c.version, status: 'finished' }).expect(400);
    await request(t.http)
      .patch(`${api}/assessments/${y2025}/plan/commitments/not-a-uuid`)
      .set(bearer(owner))
      .send({ expectedVersion: 1 })
      .expect(400);
  });

  it('the editor who owns a commitment updates its status and indicator values; every change is in the history', async () => {
    const mine = plan.commitments.find((c) => c.actionId === plan.top[0])!;
    const url = `${api}/assessments/${y2025}/plan/commitments/${mine.id}`;
    const steps = (await planOf(editor, y2025)).commitments.find((c: { id: string }) => c.id === mine.id).checklist.length as number;
    const started = (
      await request(t.http)
        .patch(url)
        .set(bearer(editor))
        .send({
          expectedVersion: 1,
          status: 'in_progress',
          measurements: [
            { date: '2025-09-30', value: 3.5, note: 'inventaire de septembre' },
            { date: '2025-06-30', value: 3.2 },
          ],
          checklist: [true, ...Array(steps - 1).fill(false)],
          notes: 'Lancé en comité de direction',
        })
        .expect(200)
    ).body;
    expect(started).toMatchObject({
      status: 'in_progress',
      version: 2,
      notes: 'Lancé en comité de direction',
      updatedByEmail: editor.email,
    });
    // Measurements are kept oldest first; the last one is the latest value.
    expect(started.measurements.map((m: { date: string }) => m.date)).toEqual(['2025-06-30', '2025-09-30']);
    expect(started.lastMeasurement).toEqual({ date: '2025-09-30', value: 3.5, note: 'inventaire de septembre' });
    expect(started.checklist[0].done).toBe(true);

    // Editors do not reschedule, reassign or change targets, nor touch others' commitments.
    const forbidden = await request(t.http).patch(url).set(bearer(editor)).send({ expectedVersion: 2, due: '2026-01-31' }).expect(403);
    expect(forbidden.body.errors).toEqual([expect.objectContaining({ field: 'due', rule: 'ownerOnly' })]);
    const other = plan.commitments.find((c) => c.actionId === plan.top[1])!;
    await request(t.http)
      .patch(`${api}/assessments/${y2025}/plan/commitments/${other.id}`)
      .set(bearer(editor))
      .send({ expectedVersion: other.version, status: 'done' })
      .expect(403);

    const history = (await request(t.http).get(`${api}/assessments/${y2025}/plan/history`).set(bearer(viewer)).expect(200)).body;
    const latest = history[0];
    expect(latest).toMatchObject({ commitmentId: mine.id, action: 'updated', version: 2, actorEmail: editor.email });
    expect(latest.changes.status).toEqual({ from: 'not_started', to: 'in_progress' });
    expect(latest.changes.notes).toEqual({ from: null, to: 'Lancé en comité de direction' });
    expect(history.filter((e: { action: string }) => e.action === 'adopted').length).toBe(plan.commitments.length);
  });

  it("a colleague's stale edit is refused with 409 and the current commitment", async () => {
    const mine = plan.commitments.find((c) => c.actionId === plan.top[0])!;
    const url = `${api}/assessments/${y2025}/plan/commitments/${mine.id}`;
    // The owner still holds version 1 (read before the editor's change).
    const stale = await request(t.http)
      .patch(url)
      .set(bearer(owner))
      .send({ expectedVersion: 1, status: 'dropped', dropReason: 'Trop cher' })
      .expect(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.body).toMatchObject({
      status: 409,
      commitmentId: mine.id,
      currentVersion: 2,
      current: { status: 'in_progress', version: 2 },
    });
    const after = (await planOf(owner, y2025)).commitments.find((c: { id: string }) => c.id === mine.id);
    expect(after).toMatchObject({ status: 'in_progress', version: 2, dropReason: null });
  });

  it('viewers read the plan and its exports but cannot write', async () => {
    const c = plan.commitments[0];
    await planOf(viewer, y2025);
    await request(t.http)
      .post(`${api}/assessments/${y2025}/plan/commitments`)
      .set(bearer(viewer))
      .send({ actionId: 'switch-off-equipment' })
      .expect(403);
    await request(t.http)
      .patch(`${api}/assessments/${y2025}/plan/commitments/${c.id}`)
      .set(bearer(viewer))
      .send({ expectedVersion: 1, status: 'done' })
      .expect(403);
    await request(t.http).delete(`${api}/assessments/${y2025}/plan/commitments/${c.id}`).set(bearer(viewer)).expect(403);
    await request(t.http).post(`${api}/calendar`).set(bearer(viewer)).expect(403);
    await request(t.http).put(`${api}/organisation/time-zone`).set(bearer(editor)).send({ timeZone: 'Europe/Berlin' }).expect(403);
    await request(t.http).get(`${api}/assessments/${y2025}/plan/export?format=csv`).set(bearer(viewer)).expect(200);
  });

  it("another organisation's plan is a 404, on every route", async () => {
    const c = plan.commitments[0];
    const base = `${api}/assessments/${y2025}/plan`;
    await request(t.http).get(base).set(bearer(stranger)).expect(404);
    await request(t.http).get(`${base}/history`).set(bearer(stranger)).expect(404);
    await request(t.http).get(`${base}/export?format=xlsx`).set(bearer(stranger)).expect(404);
    await request(t.http).post(`${base}/commitments`).set(bearer(stranger)).send({ actionId: 'switch-off-equipment' }).expect(404);
    await request(t.http)
      .patch(`${base}/commitments/${c.id}`)
      .set(bearer(stranger))
      .send({ expectedVersion: 1, status: 'done' })
      .expect(404);
    await request(t.http).delete(`${base}/commitments/${c.id}`).set(bearer(stranger)).expect(404);
    await request(t.http).post(`${base}/carry-over`).set(bearer(stranger)).send({}).expect(404);
    expect((await request(t.http).get(`${api}/plan/overdue`).set(bearer(stranger)).expect(200)).body).toEqual([]);
    // Their own assessment with our commitment id: still not found.
    const theirs = (await request(t.http).post(`${api}/assessments`).set(bearer(stranger)).send({ year: 2025 }).expect(201)).body.id;
    await request(t.http)
      .patch(`${api}/assessments/${theirs}/plan/commitments/${c.id}`)
      .set(bearer(stranger))
      .send({ expectedVersion: 1, status: 'done' })
      .expect(404);
  });

  it("overdue commitments are read in the organisation's time zone", async () => {
    // 2025-12-31 has passed (the first commitment is due then and still in progress).
    const overdue = (await request(t.http).get(`${api}/plan/overdue`).set(bearer(viewer)).expect(200)).body;
    expect(overdue.map((o: { actionId: string }) => o.actionId)).toContain(plan.top[0]);
    const item = overdue.find((o: { actionId: string }) => o.actionId === plan.top[0]);
    expect(item).toMatchObject({ year: 2025, status: 'in_progress', due: { date: '2025-12-31' } });
    expect(item.daysLate).toBeGreaterThan(0);
    const tz = (await request(t.http).get(`${api}/organisation/time-zone`).set(bearer(viewer)).expect(200)).body;
    expect(tz).toMatchObject({ timeZone: 'Europe/Paris', source: 'country', country: 'FR' });
    const set = (
      await request(t.http).put(`${api}/organisation/time-zone`).set(bearer(owner)).send({ timeZone: 'America/Montreal' }).expect(200)
    ).body;
    expect(set).toMatchObject({ timeZone: 'America/Montreal', source: 'organisation' });
    const refused = await request(t.http)
      .put(`${api}/organisation/time-zone`)
      .set(bearer(owner))
      .send({ timeZone: 'Mars/Olympus' })
      .expect(400);
    expect(refused.body.errors[0]).toMatchObject({ field: 'timeZone', rule: 'isTimeZone' });
    await request(t.http).put(`${api}/organisation/time-zone`).set(bearer(owner)).send({ timeZone: null }).expect(200);
    expect((await planOf(owner, y2025)).counts.overdue).toBeGreaterThanOrEqual(1);
  });

  it('exports the plan as XLSX and CSV, one row per commitment', async () => {
    const current = await planOf(owner, y2025);
    const xlsx = await asBuffer(
      request(t.http).get(`${api}/assessments/${y2025}/plan/export?format=xlsx&lang=en`).set(bearer(owner)).expect(200),
    );
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toMatch(/attachment; filename="commitments-communaute-de-communes-du-test-2025\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await binary(xlsx)) as never);
    const sheet = wb.getWorksheet('Plan')!;
    expect(sheet.rowCount).toBe(1 + current.commitments.length);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['Action', 'Status', 'Owner', 'Due date']);
    const col = (name: string) => header.indexOf(name) + 1;
    const first = current.commitments.find((c: { actionId: string }) => c.actionId === plan.top[0]);
    const row = sheet.getRows(2, current.commitments.length)!.find((r) => r.getCell(col('Action id')).value === plan.top[0])!;
    expect(row.getCell(col('Action')).value).toBe(first.title.en);
    expect(row.getCell(col('Status')).value).toBe('In progress');
    expect(row.getCell(col('Owner')).value).toBe(editor.email);
    expect((row.getCell(col('Due date')).value as Date).toISOString()).toBe('2025-12-31T00:00:00.000Z');
    expect(row.getCell(col('Overdue')).value).toBe('Yes');
    expect(row.getCell(col('Target')).value).toBe(5);
    expect(row.getCell(col('Last value')).value).toBe(3.5);
    const lifespanRow = sheet.getRows(2, current.commitments.length)!.find((r) => r.getCell(col('Action id')).value === 'extend-lifespan')!;
    expect(lifespanRow.getCell(col('Baseline')).value).toBe(3);
    expect(typeof lifespanRow.getCell(col('Saving expected (kg CO2e a year)')).value).toBe('number');
    // An action the footprint does not quantify says so, never 0.
    const unquantified = current.commitments.find((c: { lever: string | null }) => c.lever === null);
    if (unquantified) {
      const r = sheet.getRows(2, current.commitments.length)!.find((x) => x.getCell(col('Action id')).value === unquantified.actionId)!;
      expect(r.getCell(col('Saving expected (kg CO2e a year)')).value).toBe('not estimated');
    }
    expect(wb.getWorksheet('About')).toBeDefined();

    const csv = await request(t.http).get(`${api}/assessments/${y2025}/plan/export?format=csv`).set(bearer(owner)).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows = parseCsv(csv.text.replace(/^\uFEFF/, ''));
    expect(rows[0].slice(0, 4)).toEqual(['Action', 'Statut', 'Responsable', 'Échéance']);
    expect(rows.length).toBe(1 + current.commitments.length);
    await request(t.http).get(`${api}/assessments/${y2025}/plan/export?format=pdf`).set(bearer(owner)).expect(400);
  });

  it('the iCalendar feed of due dates validates, and stops working once revoked', async () => {
    expect((await request(t.http).get(`${api}/calendar`).set(bearer(viewer)).expect(200)).body).toEqual({ active: false, createdAt: null });
    const created = (await request(t.http).post(`${api}/calendar`).set(bearer(owner)).expect(201)).body;
    expect(created.path).toMatch(/^\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await request(t.http).get(created.path).expect(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const cal = new ICAL.Component(ICAL.parse(feed.text));
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const current = await planOf(owner, y2025);
    const dated = current.commitments.filter((c: { due: unknown; status: string }) => c.due && c.status !== 'dropped');
    expect(events.length).toBe(dated.length);
    const first = dated.find((c: { actionId: string }) => c.actionId === plan.top[0]);
    const event = events.find((e) => e.uid === `${first.id}@fresque-impact`)!;
    expect(event.summary).toBe(first.title.fr);
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2025-12-31');
    expect(event.description).toContain(editor.email);
    const quarter = events.find(
      (e) => e.uid === `${dated.find((c: { actionId: string }) => c.actionId === plan.top[1]).id}@fresque-impact`,
    )!;
    expect(quarter.startDate.toString()).toBe('2026-06-30');

    // A new address replaces the old one; revoking ends it.
    const second = (await request(t.http).post(`${api}/calendar`).set(bearer(owner)).expect(201)).body;
    await request(t.http).get(created.path).expect(404);
    await request(t.http).get(second.path).expect(200);
    // Another organisation revoking its own feed leaves ours alone.
    await request(t.http).delete(`${api}/calendar`).set(bearer(stranger)).expect(204);
    await request(t.http).get(second.path).expect(200);
    await request(t.http).delete(`${api}/calendar`).set(bearer(owner)).expect(204);
    const gone = await request(t.http).get(second.path).expect(404);
    expect(gone.headers['content-type']).toContain('application/problem+json');
    await request(t.http).get(`${api}/calendar/not-a-secret.ics`).expect(404);
    expect((await request(t.http).get(`${api}/calendar`).set(bearer(viewer)).expect(200)).body.active).toBe(false);
  });

  it("next year starts from this one: last year's commitments with their final status, carried over, and committed vs done in results and compare", async () => {
    let current = await planOf(owner, y2025);
    const byAction = (id: string) => current.commitments.find((c: { actionId: string }) => c.actionId === id);
    // Laptops are now kept five years: done. One action is dropped, the editor's stays in progress.
    const lifespan = byAction('extend-lifespan');
    await request(t.http)
      .patch(`${api}/assessments/${y2025}/plan/commitments/${lifespan.id}`)
      .set(bearer(owner))
      .send({ expectedVersion: lifespan.version, status: 'done', measurements: [{ date: '2025-12-15', value: 5 }] })
      .expect(200);
    const dropped = current.commitments.find(
      (c: { actionId: string; status: string }) => c.actionId !== 'extend-lifespan' && c.actionId !== plan.top[0],
    );
    await request(t.http)
      .patch(`${api}/assessments/${y2025}/plan/commitments/${dropped.id}`)
      .set(bearer(owner))
      .send({ expectedVersion: dropped.version, status: 'dropped', dropReason: 'Reporté : budget 2026' })
      .expect(200);
    current = await planOf(owner, y2025);

    const y2026 = await walkAssessment(t.http, owner, 2026, 'best', { copyFrom: y2025, overrides: laptopsOnly(5) });
    const next = await planOf(owner, y2026);
    expect(next.commitments).toEqual([]);
    expect(next.lastYear).toMatchObject({ assessmentId: y2025, year: 2025 });
    const last = next.lastYear.commitments;
    expect(last.length).toBe(current.commitments.length);
    expect(last.find((c: { actionId: string }) => c.actionId === 'extend-lifespan')).toMatchObject({ status: 'done', canCarry: false });
    expect(last.find((c: { id: string }) => c.id === dropped.id)).toMatchObject({
      status: 'dropped',
      dropReason: 'Reporté : budget 2026',
      canCarry: false,
    });
    expect(last.find((c: { actionId: string }) => c.actionId === plan.top[0])).toMatchObject({ status: 'in_progress', canCarry: true });
    // The questions informing last year's actions are to be reviewed first.
    const review = next.lastYear.reviewFirst.filter((q: { actionIds: string[] }) => q.actionIds.includes('extend-lifespan'));
    expect(review.map((q: { questionId: string }) => q.questionId)).toEqual(
      expect.arrayContaining(['procurement.lifespan_policy', 'inventory.laptop.lifespan_years']),
    );

    // Open commitments are carried into the new plan, with their owner and values.
    const carried = (await request(t.http).post(`${api}/assessments/${y2026}/plan/carry-over`).set(bearer(owner)).send({}).expect(200))
      .body;
    const open = current.commitments.filter((c: { status: string }) => c.status === 'in_progress' || c.status === 'not_started');
    expect(carried.commitments.map((c: { actionId: string }) => c.actionId).sort()).toEqual(
      open.map((c: { actionId: string }) => c.actionId).sort(),
    );
    const continued = carried.commitments.find((c: { actionId: string }) => c.actionId === plan.top[0]);
    expect(continued).toMatchObject({
      status: 'in_progress',
      owner: { userId: editor.userId },
      lastMeasurement: { value: 3.5 },
      version: 1,
    });
    expect(continued.carriedFromId).toBe(current.commitments.find((c: { actionId: string }) => c.actionId === plan.top[0]).id);
    expect(carried.lastYear.commitments.find((c: { actionId: string }) => c.actionId === plan.top[0])).toMatchObject({
      carriedIntoId: continued.id,
      canCarry: false,
    });
    // Carrying again carries nothing more; a done one cannot be carried.
    expect(
      (await request(t.http).post(`${api}/assessments/${y2026}/plan/carry-over`).set(bearer(owner)).send({}).expect(200)).body.commitments
        .length,
    ).toBe(open.length);
    await request(t.http)
      .post(`${api}/assessments/${y2026}/plan/carry-over`)
      .set(bearer(owner))
      .send({ commitmentIds: [lifespan.id] })
      .expect(409);

    // Results and compare of 2026 show committed vs done.
    const results = (await request(t.http).get(`${api}/assessments/${y2026}/results`).set(bearer(viewer)).expect(200)).body;
    const cvd = results.lastYearCommitments;
    expect(cvd.previous).toEqual({ assessmentId: y2025, year: 2025 });
    expect(cvd.counts).toEqual({
      committed: current.commitments.length,
      done: 1,
      inProgress: current.commitments.filter((c: { status: string }) => c.status === 'in_progress').length,
      notStarted: current.commitments.filter((c: { status: string }) => c.status === 'not_started').length,
      dropped: 1,
      carried: open.length,
    });
    const done = cvd.items[0];
    expect(done).toMatchObject({ actionId: 'extend-lifespan', status: 'done' });
    expect(done.maturity.verdict).toBe('as_expected');
    expect(done.maturity.current).toBeGreaterThan(done.maturity.previous);
    // Worked by hand: a laptop's embodied climate impact is 170 + 12.3 + 2.79 = 185.09 kg CO2e
    // (ADEME manufacturing + distribution + end of life); 100 laptops, none refurbished, only
    // laptops in the fleet. Kept 3 years: 185.09 / 3 = 61.697 kg CO2e per device a year; kept 5
    // years: 185.09 / 5 = 37.018. Change: (37.018 - 61.697) / 61.697 = -40.0 %: as expected.
    expect(done.footprint.figure).toBe('embodied_climate_per_device');
    expect(done.footprint.previous).toBeCloseTo(61.697, 2);
    expect(done.footprint.current).toBeCloseTo(37.018, 2);
    expect(done.footprint.deltaPercent).toBe(-40);
    expect(done.footprint.verdict).toBe('as_expected');
    expect(cvd.doneMoved).toEqual({ maturityAsExpected: 1, footprintAsExpected: 1, footprintMeasurable: 1 });

    const compare = (await request(t.http).get(`${api}/assessments/${y2025}/compare/${y2026}`).set(bearer(viewer)).expect(200)).body;
    expect(compare.committedVsDone).toEqual(cvd);
    // The PDF of the new year has its "committed vs done" part.
    const pdf = await asBuffer(request(t.http).get(`${api}/assessments/${y2026}/report.pdf?lang=en`).set(bearer(owner)).expect(200));
    const text = (await extractPdfText(new Uint8Array(pdf.body as Buffer))).text.replace(/\s+/g, ' ');
    expect(text).toContain('2025 commitments: committed vs done');
    expect(text).toContain(`${cvd.counts.committed} commitments made in 2025: 1 done`);
    // The first year has no earlier plan.
    expect(
      (await request(t.http).get(`${api}/assessments/${y2025}/results`).set(bearer(owner)).expect(200)).body.lastYearCommitments,
    ).toBeNull();
  });

  it('owners take a mistaken commitment out of the plan; the history keeps it', async () => {
    const c = (
      await request(t.http)
        .post(`${api}/assessments/${y2025}/plan/commitments`)
        .set(bearer(owner))
        .send({ actionId: 'de-digitalise' })
        .expect(201)
    ).body;
    await request(t.http).delete(`${api}/assessments/${y2025}/plan/commitments/${c.id}?expectedVersion=2`).set(bearer(owner)).expect(409);
    await request(t.http).delete(`${api}/assessments/${y2025}/plan/commitments/${c.id}?expectedVersion=1`).set(bearer(owner)).expect(204);
    await request(t.http).delete(`${api}/assessments/${y2025}/plan/commitments/${c.id}`).set(bearer(owner)).expect(404);
    const history = (await request(t.http).get(`${api}/assessments/${y2025}/plan/history?limit=1`).set(bearer(owner)).expect(200)).body;
    expect(history).toEqual([expect.objectContaining({ commitmentId: c.id, action: 'removed', actionId: 'de-digitalise' })]);
  });

  it('the history still names a member after they are removed from the organisation', async () => {
    await request(t.http).delete(`${api}/organisation/members/${editor.userId}`).set(bearer(owner)).expect(204);
    const history = (await request(t.http).get(`${api}/assessments/${y2025}/plan/history`).set(bearer(owner)).expect(200)).body;
    const theirs = history.filter((e: { changes: { notes?: unknown } }) => e.changes.notes);
    expect(theirs.length).toBeGreaterThan(0);
    for (const e of theirs) expect(e.actorEmail).toBe(editor.email);
  });
});
