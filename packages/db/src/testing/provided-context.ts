// What the test global setup hands to every test through vitest's `inject`.
declare module 'vitest' {
  export interface ProvidedContext {
    /** A fresh, migrated database for this test run. */
    databaseUrl: string;
    /** The same server's admin database, for tests that create databases of their own. */
    databaseAdminUrl: string;
  }
}

export {};
