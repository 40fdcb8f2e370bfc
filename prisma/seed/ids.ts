import { v5 as uuidV5 } from 'uuid';

// Fixed namespace: the same name always yields the same UUID, on every machine and every run,
// so tests and e2e journeys can refer to demo rows by id.
const demoNamespace = 'c2dbd074-dcdf-4118-9f92-7dc93640fe8f';

/** Deterministic UUID (v5) of a demo row, e.g. demoId('sku', 'THBLKMED'). */
export function demoId(kind: string, key: string): string {
  return uuidV5(`demo/${kind}/${key}`, demoNamespace);
}
