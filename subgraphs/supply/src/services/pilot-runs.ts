import { type Identity, requireUser } from '@meridian/auth';
import type { PilotRun, PrismaClient } from '@meridian/db';
import { pageSize } from '@meridian/subgraph-runtime';
import { z } from 'zod';

/** How a PilotRun row keeps the simulator's result (tools: bench/src/pilot.ts writes it). */
export interface PilotSummary {
  baselineMean: Record<string, number>;
  meridianMean: Record<string, number>;
  relativeChange: Record<string, number>;
  daily: unknown;
}

export function listPilotRuns(prisma: PrismaClient, identity: Identity, first: number | null | undefined) {
  const { tenantId } = requireUser(identity);
  return prisma.pilotRun
    .findMany({ where: { tenantId }, orderBy: { createdAt: 'desc' }, take: pageSize(first, 10) })
    .then((runs) => runs.map(pilotRunView));
}

export async function findPilotRun(prisma: PrismaClient, identity: Identity, id: string) {
  const { tenantId } = requireUser(identity);
  if (!z.guid().safeParse(id).success) return null;
  const run = await prisma.pilotRun.findFirst({ where: { id, tenantId } });
  return run ? pilotRunView(run) : null;
}

function pilotRunView(run: PilotRun) {
  const summary = run.summary as unknown as PilotSummary;
  return {
    id: run.id,
    parameters: run.parameters,
    seeds: run.results,
    baselineMean: summary.baselineMean,
    meridianMean: summary.meridianMean,
    relativeChange: summary.relativeChange,
    daily: summary.daily,
    createdAt: run.createdAt,
  };
}
