/**
 * Where the control tower finds the gateway. NEXT_PUBLIC_* values are inlined at build time, so
 * set NEXT_PUBLIC_GATEWAY_URL before `next build` when the gateway lives elsewhere.
 */
export const gatewayHttpUrl = process.env.NEXT_PUBLIC_GATEWAY_URL || 'http://localhost:4000/graphql';

/** graphql-ws is served on the same URL as HTTP; only the scheme differs. */
export const gatewayWsUrl = toWebSocketUrl(gatewayHttpUrl);

export function toWebSocketUrl(httpUrl: string): string {
  const url = new URL(httpUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}
