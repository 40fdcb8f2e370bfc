export * from './domain-events';
export * from './gtin';
