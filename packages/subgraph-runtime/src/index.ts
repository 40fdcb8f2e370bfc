export * from './connection';
export * from './context';
export * from './database';
export * from './errors';
export * from './per-request';
export * from './run';
export * from './scalars';
export * from './server';
