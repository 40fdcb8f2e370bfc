/**
 * The one place the gateway's own code imports graphql-js from.
 *
 * Apollo (CommonJS) loads graphql's CommonJS build. Under vitest, a bare `graphql` import in our TypeScript
 * resolves to graphql's ESM build instead: a second copy whose GraphQLSchema and GraphQLError fail the first
 * copy's instanceof checks ("Cannot use GraphQLSchema from another module or realm"). Naming the CommonJS
 * entry keeps one copy everywhere; under plain Node both specifiers are the same file.
 */
export * from 'graphql/index.js';
