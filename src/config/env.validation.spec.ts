import { resolve } from 'node:path';
import { templatesDir } from './app.config.js';
import { validateEnvironment } from './env.validation.js';

describe('configuration is validated at boot', () => {
  const fails = (env: Record<string, string>) => {
    try {
      validateEnvironment(env);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('expected the configuration to be refused');
  };

  it('accepts the defaults (nothing set) and a full PostgreSQL configuration', () => {
    expect(() => validateEnvironment({})).not.toThrow();
    expect(() =>
      validateEnvironment({
        PORT: '8080',
        DATABASE_URL: 'postgres://app@db:5432/x',
        JWT_SECRET: 'a'.repeat(32),
        LOG_LEVEL: 'warn',
        MIGRATE_ON_START: 'true',
      }),
    ).not.toThrow();
  });

  it('names each bad variable', () => {
    expect(fails({ PORT: 'eighty' })).toMatch(/PORT/);
    expect(fails({ PORT: '70000' })).toMatch(/PORT: PORT must not be greater than 65535/);
    expect(fails({ DATABASE_URL: 'mysql://x', JWT_SECRET: 'a'.repeat(32) })).toMatch(/DATABASE_URL: DATABASE_URL must be a postgres/);
    expect(fails({ LOG_LEVEL: 'loud' })).toMatch(/LOG_LEVEL: LOG_LEVEL must be one of/);
    expect(fails({ JWT_SECRET: 'short' })).toMatch(/JWT_SECRET: JWT_SECRET must be at least 32 characters/);
    expect(fails({ MIGRATE_ON_START: 'yes' })).toMatch(/MIGRATE_ON_START/);
  });

  it('TRUST_PROXY: none by default; proxies by address, range or name, or hops; never everyone', () => {
    for (const ok of ['', 'false', 'loopback', '10.0.0.5', '10.0.0.0/8, fd00::/8', 'loopback,uniquelocal,192.168.1.10', '1', '2']) {
      expect(() => validateEnvironment({ TRUST_PROXY: ok })).not.toThrow();
    }
    expect(fails({ TRUST_PROXY: 'true' })).toMatch(/TRUST_PROXY: TRUST_PROXY=true would let any client choose its address/);
    expect(fails({ TRUST_PROXY: '*' })).toMatch(/TRUST_PROXY/);
    expect(fails({ TRUST_PROXY: '0' })).toMatch(/TRUST_PROXY as a number of hops must be 1 to 10/);
    expect(fails({ TRUST_PROXY: '10.0.0.0/33' })).toMatch(/TRUST_PROXY has "10\.0\.0\.0\/33"/);
    expect(fails({ TRUST_PROXY: 'loopback, proxy.internal' })).toMatch(/TRUST_PROXY has "proxy\.internal": expected IP addresses/);
  });

  it('TEMPLATES_DIR: ./templates by default, else an existing folder', () => {
    expect(templatesDir({})).toBe(resolve('templates'));
    expect(() => validateEnvironment({ TEMPLATES_DIR: 'templates' })).not.toThrow();
    expect(templatesDir({ TEMPLATES_DIR: 'templates' })).toBe(resolve('templates'));
    expect(fails({ TEMPLATES_DIR: 'no/such/folder' })).toMatch(
      /TEMPLATES_DIR: TEMPLATES_DIR must be an existing folder \(.*no\/such\/folder is not one\)/,
    );
    expect(fails({ TEMPLATES_DIR: 'package.json' })).toMatch(/TEMPLATES_DIR/);
  });

  it('requires JWT_SECRET with DATABASE_URL', () => {
    expect(fails({ DATABASE_URL: 'postgres://app@db:5432/x' })).toMatch(/JWT_SECRET: required when DATABASE_URL is set/);
  });

  it('lists every problem at once', () => {
    const message = fails({ PORT: 'x', LOG_LEVEL: 'y' });
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/LOG_LEVEL/);
  });
});
