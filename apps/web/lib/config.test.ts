import { afterEach, describe, expect, it, vi } from 'vitest';
import { gatewayUrlFromEnv, toWebSocketUrl } from './config';

describe('toWebSocketUrl', () => {
  it('keeps host, port and path and swaps the scheme', () => {
    expect(toWebSocketUrl('http://localhost:4000/graphql')).toBe('ws://localhost:4000/graphql');
    expect(toWebSocketUrl('https://api.example.com/graphql')).toBe('wss://api.example.com/graphql');
  });
});

describe('gatewayUrlFromEnv', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('prefers the run-time MERIDIAN_GATEWAY_URL over the build-time value', () => {
    vi.stubEnv('NEXT_PUBLIC_GATEWAY_URL', 'http://build-time:4000/graphql');
    vi.stubEnv('MERIDIAN_GATEWAY_URL', 'http://localhost:14000/graphql');
    expect(gatewayUrlFromEnv()).toBe('http://localhost:14000/graphql');
  });

  it('falls back to the local gateway', () => {
    vi.stubEnv('NEXT_PUBLIC_GATEWAY_URL', '');
    vi.stubEnv('MERIDIAN_GATEWAY_URL', '');
    expect(gatewayUrlFromEnv()).toBe('http://localhost:4000/graphql');
  });
});
