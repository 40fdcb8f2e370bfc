/**
 * CBV vocabularies arrive as bare words (`receiving`), as CBV URNs (`urn:epcglobal:cbv:bizstep:receiving`)
 * or as GS1 Web URIs (`https://ref.gs1.org/cbv/BizStep-receiving`, compacted by JSON-LD to `cbv:BizStep-…`).
 * Each is reduced to its bare word; a URI outside the CBV (a private vocabulary) stays as it is.
 */
export type Vocabulary = 'bizstep' | 'disp' | 'btt' | 'sdt';

const webTerm: Record<Vocabulary, string> = { bizstep: 'BizStep', disp: 'Disp', btt: 'BTT', sdt: 'SDT' };

export function cbvWord(vocabulary: Vocabulary, value: string): string {
  const urn = `urn:epcglobal:cbv:${vocabulary}:`;
  if (value.startsWith(urn)) return value.slice(urn.length);
  const term = `${webTerm[vocabulary]}-`;
  for (const prefix of [`https://ref.gs1.org/cbv/${term}`, `http://ref.gs1.org/cbv/${term}`, `cbv:${term}`]) {
    if (value.startsWith(prefix)) return value.slice(prefix.length);
  }
  return value;
}

/** The business steps of CBV 2.0. */
export const CBV_BIZ_STEPS = new Set([
  'accepting',
  'arriving',
  'assembling',
  'collecting',
  'commissioning',
  'consigning',
  'creating_class_instance',
  'cycle_counting',
  'decommissioning',
  'departing',
  'destroying',
  'disassembling',
  'dispensing',
  'encoding',
  'entering_exiting',
  'holding',
  'inspecting',
  'installing',
  'killing',
  'loading',
  'other',
  'packing',
  'picking',
  'receiving',
  'removing',
  'repackaging',
  'repairing',
  'replacing',
  'reserving',
  'retail_selling',
  'sampling',
  'sensor_reporting',
  'shipping',
  'staging_outbound',
  'stock_taking',
  'stocking',
  'storing',
  'transporting',
  'unloading',
  'unpacking',
  'void_shipping',
]);
