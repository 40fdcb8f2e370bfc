import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ErrorCode, httpStatusOf, MeridianError } from '@meridian/errors';
import { sendJson } from '@meridian/graphql-http';
import type { Logger, ServiceMetrics } from '@meridian/observability';

/** One endpoint (or family of endpoints) of the ingest server. */
export interface Route {
  /** Names the route in metrics. */
  name: string;
  matches(path: string): boolean;
  /** Throw a MeridianError to refuse; anything else is logged and answered as INTERNAL. */
  handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> | void;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Refusals in the ingest's plain HTTP shape: `{ code, message, requestId, …details }`. */
export function sendRefusal(res: ServerResponse, error: MeridianError, requestId: string): void {
  sendJson(res, httpStatusOf(error.code), { ...error.toJSON(), requestId });
}

export function createIngestServer(options: {
  routes: Route[];
  logger: Logger;
  metrics: ServiceMetrics;
}): Server {
  const { routes, logger, metrics } = options;
  return createServer(async (req, res) => {
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    res.setHeader('x-request-id', requestId);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = routes.find((candidate) => candidate.matches(path));
    const stopTimer = metrics.requestDuration.startTimer({ operation: route?.name ?? 'unknown' });
    try {
      if (!route) {
        throw new MeridianError(
          ErrorCode.NOT_FOUND,
          `Nothing is served at ${path}; see /schemas for the published schemas.`,
        );
      }
      await route.handle(req, res, requestId);
      stopTimer({ outcome: res.statusCode < 400 ? 'ok' : 'refused' });
    } catch (error) {
      const refusal =
        error instanceof MeridianError
          ? error
          : new MeridianError(ErrorCode.INTERNAL, 'Something went wrong on our side; retry shortly.');
      if (!(error instanceof MeridianError)) logger.error({ err: error, requestId, path }, 'request failed');
      metrics.errors.inc({ code: refusal.code });
      stopTimer({ outcome: 'refused' });
      if (res.headersSent) res.destroy();
      else sendRefusal(res, refusal, requestId);
    }
  });
}
