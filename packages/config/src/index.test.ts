import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, commonEnv, loadConfig, port } from './index';

describe('loadConfig', () => {
  it('lists every invalid variable in one error', () => {
    const shape = { ...commonEnv, PORT: port(4001), SECRET: z.string() };
    try {
      loadConfig(shape, { PORT: 'not-a-port' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const issues = (error as ConfigError).issues.join('\n');
      expect(issues).toContain('DATABASE_URL');
      expect(issues).toContain('PORT');
      expect(issues).toContain('SECRET');
    }
  });

  it('applies defaults and coerces numbers', () => {
    const config = loadConfig(
      { ...commonEnv, PORT: port(4001) },
      { DATABASE_URL: 'postgres://x/y', PORT: '4100' },
    );
    expect(config.PORT).toBe(4100);
    expect(config.NODE_ENV).toBe('development');
    expect(config.NATS_URL).toBeUndefined();
  });
});
