export * from './demo';
export { demoId } from './ids';
export { type SeedOptions, type SeedResult, seedDemoWorld } from './seed';
export { buildDemoWorld, type DemoWorld, demoDemandModel, slaHoursBySeverity, startOfUtcDay } from './world';
