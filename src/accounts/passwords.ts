import argon2, { type HashOptions } from 'argon2';

/**
 * Password hashing: argon2id with the library's parameters (64 MiB, 3 passes, 4 lanes), above
 * OWASP's recommended minimum (19 MiB, 2 passes). Under Jest only (NODE_ENV=test and a Jest worker),
 * 4 MiB and one pass: the test suite hashes hundreds of passwords, and what it checks is the
 * behaviour, not the cost. A hash records its parameters, so verification reads them from it.
 */
const UNDER_TEST = process.env.NODE_ENV === 'test' && process.env.JEST_WORKER_ID !== undefined;
const OPTIONS: HashOptions & { raw?: false } = UNDER_TEST
  ? { type: argon2.argon2id, memoryCost: 4096, timeCost: 1, parallelism: 1 }
  : { type: argon2.argon2id };

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password).catch(() => false);
}
