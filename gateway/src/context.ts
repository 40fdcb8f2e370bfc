import type { Caller } from './auth';

/** Per-operation context: who is calling, and the id that ties logs, subgraph calls and errors together. */
export interface GatewayContext {
  caller: Caller;
  requestId: string;
}
