const DEFAULT_GATEWAY_URL = 'http://localhost:4000/graphql';

/**
 * The gateway URL the browser should call, read on the server for every request so one build can
 * serve any environment: MERIDIAN_GATEWAY_URL at run time, else NEXT_PUBLIC_GATEWAY_URL (inlined
 * at build time), else the local default.
 */
export function gatewayUrlFromEnv(): string {
  return process.env.MERIDIAN_GATEWAY_URL || process.env.NEXT_PUBLIC_GATEWAY_URL || DEFAULT_GATEWAY_URL;
}

/** graphql-ws is served on the same URL as HTTP; only the scheme differs. */
export function toWebSocketUrl(httpUrl: string): string {
  const url = new URL(httpUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}
