import request from 'supertest';
import { DataSource } from 'typeorm';
import { Organisation } from '../src/accounts/organisation.entity.js';
import { buildDataSourceOptions, pendingMigrations, prepareSchema } from '../src/database/data-source.js';
import { createFreshDatabase, createTestApp, type TestApp } from './support/test-app.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the database under concurrent requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('a transaction that fails and rolls back never undoes the writes of transactions running beside it', async () => {
    const ds = t.app.get(DataSource);
    const names = Array.from({ length: 8 }, (_, i) => `concurrent-${i}-${Date.now()}`);
    const failing = names[3];
    const results = await Promise.allSettled(
      names.map((name, i) =>
        ds.transaction(async (m) => {
          await pause(i % 3);
          await m.getRepository(Organisation).insert({ name, language: 'fr' });
          // Give the others a chance to interleave between our write and our end.
          await pause(5);
          await m.query('SELECT pg_sleep(0.005)');
          if (name === failing) throw new Error('this transaction fails after writing');
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    const rows = await ds.getRepository(Organisation).find();
    const stored = new Set(rows.map((r) => r.name));
    for (const name of names) expect(stored.has(name)).toBe(name !== failing);
  });

  it('plain writes racing a rollback are kept', async () => {
    const ds = t.app.get(DataSource);
    const tag = `plain-${Date.now()}`;
    const rollback = ds.transaction(async (m) => {
      await m.getRepository(Organisation).insert({ name: `${tag}-rolled-back`, language: 'fr' });
      await pause(20);
      throw new Error('rollback');
    });
    const plain = (async () => {
      await pause(5);
      await ds.getRepository(Organisation).insert({ name: `${tag}-plain`, language: 'en' });
    })();
    await expect(rollback).rejects.toThrow('rollback');
    await plain;
    const names = (await ds.getRepository(Organisation).find()).map((o) => o.name).filter((n) => n.startsWith(tag));
    expect(names).toEqual([`${tag}-plain`]);
  });

  it('UPDATE and DELETE report affected rows the same way on both databases', async () => {
    const ds = t.app.get(DataSource);
    const repo = ds.getRepository(Organisation);
    const org = await repo.save(repo.create({ name: 'count-me', language: 'fr' }));
    expect((await repo.update({ id: org.id }, { sector: 'x' })).affected).toBe(1);
    expect((await repo.update({ name: 'nobody-has-this-name' }, { sector: 'x' })).affected).toBe(0);
    expect((await repo.delete({ id: org.id })).affected).toBe(1);
  });

  it('health says the database is up', async () => {
    const res = await request(t.http).get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up' });
  });

  it('health answers 503 when the database is down', async () => {
    const other = await createTestApp();
    try {
      await other.app.get(DataSource).destroy();
      const res = await request(other.http).get('/health').expect(503);
      expect(res.body).toEqual({ status: 'error', db: 'down' });
    } finally {
      await other.close().catch(() => undefined);
    }
  });

  it('with DATABASE_URL, pending migrations stop the start with a clear message (the embedded server migrates itself: embedded-database spec)', async () => {
    await expect(createTestApp({ migrate: false })).rejects.toThrow(
      /pending migration\(s\).*npm run migration:run.*MIGRATE_ON_START=true/s,
    );
    const ds = t.app.get(DataSource);
    expect(await pendingMigrations(ds)).toEqual([]);
    expect(await ds.showMigrations()).toBe(false);
  });

  it('with MIGRATE_ON_START, two instances starting together migrate once (advisory lock)', async () => {
    const db = await createFreshDatabase({ empty: true });
    try {
      const config = { url: db.url, dataDir: '', migrateOnStart: true, poolSize: 4, connectTimeoutMs: 5000, statementTimeoutMs: 10000 };
      const sources = [0, 1].map(() => new DataSource(buildDataSourceOptions(config)));
      await Promise.all(sources.map((s) => s.initialize()));
      await Promise.all(sources.map((s) => prepareSchema(s, config)));
      const applied = (await sources[0].query('SELECT name FROM migrations ORDER BY id')) as Array<{ name: string }>;
      expect(applied.map((r) => r.name)).toEqual(sources[0].migrations.map((m) => m.name));
      await Promise.all(sources.map((s) => s.destroy()));
    } finally {
      await db.drop();
    }
  });
});
