import { ConfigError } from '@meridian/config';
import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from './config';

const required = {
  DATABASE_URL: 'postgres://localhost/meridian',
  ACCESS_TOKEN_PUBLIC_KEY: '{}',
  GATEWAY_PRIVATE_KEY: '{}',
};

describe('loadGatewayConfig', () => {
  it('maps each subgraph to <NAME>_URL or its default port on loopback', () => {
    const config = loadGatewayConfig({ ...required, SUPPLY_URL: 'http://supply.internal:8080/graphql' });
    expect(config.subgraphUrls.supply).toBe('http://supply.internal:8080/graphql');
    expect(config.subgraphUrls.catalog).toBe('http://127.0.0.1:4001/graphql');
    expect(config.subgraphUrls.security).toBe('http://127.0.0.1:4005/graphql');
    expect(config.port).toBe(4000);
    expect(config.production).toBe(false);
  });

  it('lists every missing key and malformed URL in one error', () => {
    try {
      loadGatewayConfig({ DATABASE_URL: 'postgres://x/y', QUALITY_URL: 'not a url' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const issues = (error as ConfigError).issues.join('\n');
      expect(issues).toContain('ACCESS_TOKEN_PUBLIC_KEY');
      expect(issues).toContain('GATEWAY_PRIVATE_KEY');
      expect(issues).toContain('QUALITY_URL');
    }
  });
});
