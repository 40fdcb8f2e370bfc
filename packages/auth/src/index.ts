export * from './keys';
export * from './roles';
export * from './tokens';
