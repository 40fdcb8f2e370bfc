import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, MeridianError } from '@meridian/errors';
import { readBody, sendJson } from '@meridian/graphql-http';
import { type AccessTokenKey, bearerIdentity } from '../auth/bearer-identity';
import type { Route } from '../server';
import { mediaTypeOf } from '../transactions/request-body';
import type { CaptureErrorBehaviour, CaptureService } from './capture-service';
import { epcisDocument } from './document';

export const CAPTURE_PATH = '/capture';
const JOB_PATH = /^\/capture\/([^/]+)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const acceptedMediaTypes = new Set(['application/json', 'application/ld+json']);

export interface CaptureLimits {
  /** Events per document (`GS1-EPCIS-Capture-Limit`). */
  maxEvents: number;
  /** Bytes per document (`GS1-EPCIS-Capture-File-Size-Limit`). */
  maxBytes: number;
}

export const DEFAULT_CAPTURE_LIMITS: CaptureLimits = { maxEvents: 1000, maxBytes: 1024 * 1024 };

/** Over a capture limit: 413, with the limit that was passed (not a MeridianError: its codes map to 400). */
class OverLimit extends Error {
  constructor(
    readonly reason: 'CAPTURE_LIMIT_EXCEEDED' | 'CAPTURE_FILE_SIZE_LIMIT_EXCEEDED',
    message: string,
    readonly limit: number,
  ) {
    super(message);
  }
}

function errorBehaviourOf(req: IncomingMessage): CaptureErrorBehaviour {
  const value = req.headers['gs1-capture-error-behaviour'];
  if (value === undefined || value === 'rollback') return 'rollback';
  if (value === 'proceed') return 'proceed';
  throw new MeridianError(
    ErrorCode.BAD_USER_INPUT,
    'GS1-Capture-Error-Behaviour must be rollback (the default) or proceed.',
    { field: 'GS1-Capture-Error-Behaviour' },
  );
}

/**
 * GS1 EPCIS 2.0 capture: `POST /capture` (an EPCISDocument, answered 202 with the job's Location),
 * `GET /capture/<id>` (the job, for the caller's tenant) and `OPTIONS /capture` (the limits).
 */
export function captureRoute(options: {
  captureService: CaptureService;
  accessTokenKey: AccessTokenKey;
  limits?: CaptureLimits;
}): Route {
  const { captureService, accessTokenKey } = options;
  const limits = options.limits ?? DEFAULT_CAPTURE_LIMITS;

  async function identify(req: IncomingMessage, res: ServerResponse) {
    return bearerIdentity(req, accessTokenKey).catch((error: unknown) => {
      res.setHeader('www-authenticate', 'Bearer error="invalid_token"');
      throw error;
    });
  }

  async function readDocument(req: IncomingMessage, res: ServerResponse) {
    const raw = await readBody(req, limits.maxBytes, res).catch((error: unknown) => {
      if (error instanceof MeridianError && error.details.limitBytes !== undefined) {
        throw new OverLimit(
          'CAPTURE_FILE_SIZE_LIMIT_EXCEEDED',
          `The document is larger than ${limits.maxBytes} bytes; split it into several captures.`,
          limits.maxBytes,
        );
      }
      throw error;
    });
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new MeridianError(
        ErrorCode.BAD_USER_INPUT,
        'The body is not valid JSON; send an EPCISDocument.',
        {
          field: 'body',
        },
      );
    }
    const parsed = epcisDocument.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new MeridianError(
        ErrorCode.BAD_USER_INPUT,
        `Not an EPCIS 2.0 document: ${issue?.message ?? 'send { "type": "EPCISDocument", "epcisBody": { "eventList": [...] } }'}`,
        { field: issue?.path.map(String).join('.') || 'body' },
      );
    }
    if (parsed.data.epcisBody.eventList.length > limits.maxEvents) {
      throw new OverLimit(
        'CAPTURE_LIMIT_EXCEEDED',
        `The document holds ${parsed.data.epcisBody.eventList.length} events; send at most ${limits.maxEvents} per capture.`,
        limits.maxEvents,
      );
    }
    return parsed.data;
  }

  async function capture(req: IncomingMessage, res: ServerResponse) {
    const identity = await identify(req, res);
    const errorBehaviour = errorBehaviourOf(req);
    if (!acceptedMediaTypes.has(mediaTypeOf(req.headers['content-type']))) {
      throw new MeridianError(
        ErrorCode.BAD_USER_INPUT,
        'Send the EPCISDocument with content-type application/json or application/ld+json.',
        { field: 'content-type' },
      );
    }
    const document = await readDocument(req, res);
    const job = await captureService.capture({ tenantId: identity.tenantId, errorBehaviour, document });
    sendJson(res, 202, job, { location: `${CAPTURE_PATH}/${job.id}` });
  }

  async function serve(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    res.setHeader('gs1-epcis-capture-limit', String(limits.maxEvents));
    res.setHeader('gs1-epcis-capture-file-size-limit', String(limits.maxBytes));
    res.setHeader('gs1-epcis-version', '2.0.0');
    res.setHeader('gs1-cbv-version', '2.0.0');
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const jobId = JOB_PATH.exec(path)?.[1];
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { allow: jobId ? 'GET, OPTIONS' : 'POST, OPTIONS' }).end();
      return;
    }
    if (jobId !== undefined) {
      if (req.method !== 'GET') {
        res.setHeader('allow', 'GET, OPTIONS');
        throw new MeridianError(ErrorCode.BAD_USER_INPUT, 'Read a capture job with GET /capture/<id>.');
      }
      const identity = await identify(req, res);
      // Another tenant's job is answered like a missing one: its existence is not the caller's business.
      const job = UUID.test(jobId) ? await captureService.findJob(identity.tenantId, jobId) : null;
      if (!job)
        throw new MeridianError(
          ErrorCode.NOT_FOUND,
          `No capture job ${jobId}; use the Location of your capture.`,
        );
      sendJson(res, 200, job);
      return;
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST, OPTIONS');
      throw new MeridianError(ErrorCode.BAD_USER_INPUT, 'Capture an EPCISDocument with POST /capture.');
    }
    try {
      await capture(req, res);
    } catch (error) {
      if (!(error instanceof OverLimit)) throw error;
      sendJson(res, 413, {
        code: ErrorCode.BAD_USER_INPUT,
        reason: error.reason,
        message: error.message,
        limit: error.limit,
        requestId,
      });
    }
  }

  return {
    name: 'capture',
    matches: (path) => path === CAPTURE_PATH || JOB_PATH.test(path),
    handle: serve,
  };
}
