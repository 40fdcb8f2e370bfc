import { describe, expect, it } from 'vitest';
import { classifyMappingChange, type MappingValue, mappingKey, mappingSetBump } from './mapping-versions';

const cs: MappingValue = { kind: 'UOM', sourceValue: 'CS', targetValue: 'EA', factor: 12 };
const inForce = new Map([[mappingKey(cs), cs]]);

describe('mapping-set versions', () => {
  it('classifies each added row against the mappings in force', () => {
    expect(classifyMappingChange(inForce, { ...cs, sourceValue: 'PL', factor: 960 })).toBe('ADDED');
    expect(classifyMappingChange(inForce, { ...cs, factor: 24 })).toBe('CHANGED');
    expect(classifyMappingChange(inForce, { ...cs, targetValue: null, factor: null })).toBe('RETIRED');
    expect(classifyMappingChange(inForce, { ...cs })).toBe('RESTATED');
    expect(classifyMappingChange(inForce, { ...cs, kind: 'SKU', factor: null })).toBe('ADDED');
  });

  it('bumps major for a changed or retired mapping, minor for new ones, patch for restatements', () => {
    expect(mappingSetBump(['ADDED', 'CHANGED'])).toBe('major');
    expect(mappingSetBump(['ADDED', 'RESTATED'])).toBe('minor');
    expect(mappingSetBump(['RESTATED'])).toBe('patch');
  });
});
