'use client';

import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { toWebSocketUrl } from './config';
import { setConnectionStatus } from './connection-status';
import { isUnauthenticated } from './errors';

// graphql-ws close codes meaning "your credentials were refused"; retrying cannot help.
const AUTH_REFUSED_CLOSE_CODES = new Set([4401, 4403]);
const RECONNECT_BASE_MS = 500;
const RECONNECT_CAP_MS = 10_000;

interface GatewayClients {
  client: Client;
  dispose: () => void;
}

/**
 * One urql client per access token: queries and mutations over HTTP, subscriptions over a lazy
 * graphql-ws socket that reconnects forever (full-jitter backoff) while anything subscribes.
 * `onUnauthenticated` runs when the gateway refuses the token on either transport.
 */
export function createGatewayClients(
  gatewayUrl: string,
  accessToken: string | null,
  onUnauthenticated: () => void,
): GatewayClients {
  const authorization = accessToken ? `Bearer ${accessToken}` : undefined;
  let wsClient: WsClient | null = null;

  const getWsClient = (): WsClient => {
    wsClient ??= createWsClient({
      url: toWebSocketUrl(gatewayUrl),
      lazy: true,
      lazyCloseTimeout: 2_000,
      keepAlive: 15_000,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      retryWait: (retries) =>
        new Promise((resolve) =>
          setTimeout(resolve, Math.random() * Math.min(RECONNECT_CAP_MS, RECONNECT_BASE_MS * 2 ** retries)),
        ),
      connectionParams: () => (authorization ? { authorization } : {}),
      on: {
        connecting: (isRetry) => setConnectionStatus(isRetry ? 'reconnecting' : 'connecting'),
        connected: () => setConnectionStatus('live'),
        closed: (event) => {
          const code = (event as { code?: number } | undefined)?.code;
          if (code !== undefined && AUTH_REFUSED_CLOSE_CODES.has(code)) {
            onUnauthenticated();
            return;
          }
          // 1000 is the lazy client closing an unused socket, not a failure.
          setConnectionStatus(code === 1000 ? 'idle' : 'reconnecting');
        },
      },
    });
    return wsClient;
  };

  const client = new Client({
    url: gatewayUrl,
    // POST only: the gateway's CSRF protection refuses GET queries that carry no preflight header.
    preferGetMethod: false,
    fetchOptions: (): RequestInit => (authorization ? { headers: { authorization } } : {}),
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error) {
          if (authorization && isUnauthenticated(error)) onUnauthenticated();
        },
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = getWsClient().subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });

  return {
    client,
    dispose: () => {
      void wsClient?.dispose();
      setConnectionStatus('idle');
    },
  };
}
