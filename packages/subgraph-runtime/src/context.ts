import type { Identity } from '@meridian/auth';
import type { PrismaClient } from '@meridian/db';
import type { EventBackbone } from '@meridian/events';
import type { Logger } from '@meridian/observability';

/** What every resolver gets: who is calling (vouched for by the gateway) and the domain's ports. */
export interface SubgraphContext {
  identity: Identity;
  requestId: string;
  prisma: PrismaClient;
  backbone: EventBackbone;
  logger: Logger;
}

/** Long-lived dependencies a subgraph's services and consumers share. */
export interface SubgraphDeps {
  prisma: PrismaClient;
  backbone: EventBackbone;
  logger: Logger;
}
