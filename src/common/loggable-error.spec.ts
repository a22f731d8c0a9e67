import { QueryFailedError } from 'typeorm';
import { loggableError, redactParameters } from './loggable-error.js';

describe('what is logged of an error', () => {
  it('a failed query keeps its SQL, code and reason, not its parameters, even where PostgreSQL quoted one', () => {
    const driverError = Object.assign(new Error('invalid input syntax for type integer: "dsi@mairie.fr"'), { code: '22P02' });
    const e = new QueryFailedError('SELECT *\n  FROM users WHERE id = $1 AND email = $2', ['1', 'dsi@mairie.fr'], driverError);
    const logged = loggableError(e) as Record<string, unknown>;
    expect(logged).toMatchObject({
      type: 'QueryFailedError',
      message: 'invalid input syntax for type integer: "[redacted]"',
      code: '22P02',
      query: 'SELECT * FROM users WHERE id = $1 AND email = $2',
    });
    expect(JSON.stringify(logged)).not.toContain('dsi@mairie.fr');
    expect(logged).not.toHaveProperty('parameters');
  });

  it('other errors are logged as they are; very short parameters are left (they would redact every digit)', () => {
    const plain = new Error('boom');
    expect(loggableError(plain)).toBe(plain);
    expect(redactParameters('value 12 of 1', ['1', '12'])).toBe('value 12 of 1');
    expect(redactParameters('a {"x":"secret"} b', [{ x: 'secret' }])).toBe('a [redacted] b');
  });
});
