import { randomBytes } from 'node:crypto';

/** Prefix of every database the test harness creates; the global setup drops old ones left by killed runs. */
export const testDatabasePrefix = 'meridian_test_';

/** `meridian_test_<created epoch ms>_<random>`: the timestamp tells a later run when it is stale. */
export function newTestDatabaseName(): string {
  return `${testDatabasePrefix}${Date.now()}_${randomBytes(3).toString('hex')}`;
}
