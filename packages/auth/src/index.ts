export * from './expiring-cache';
export * from './keys';
export * from './password';
export * from './roles';
export * from './tokens';
