import { importSigningKey } from '@meridian/auth';
import { onShutdown } from '@meridian/config';
import { createBackbone } from '@meridian/events';
import { createLogger } from '@meridian/observability';
import { GatewayAuth } from './auth';
import { loadGatewayConfig } from './config';
import { startGatewayServer } from './server';

const logger = createLogger('gateway');

try {
  const config = loadGatewayConfig();
  const [accessTokenPublicKey, gatewayPrivateKey] = await Promise.all([
    importSigningKey(config.accessTokenPublicKey),
    importSigningKey(config.gatewayPrivateKey),
  ]);
  const backbone = await createBackbone({
    databaseUrl: config.databaseUrl,
    natsUrl: config.natsUrl,
    natsNamespace: config.natsNamespace,
    logger,
  });
  const gateway = await startGatewayServer({
    ...config,
    auth: new GatewayAuth({ accessTokenPublicKey, gatewayPrivateKey }),
    events: backbone,
    logger,
  });
  onShutdown(async (reason) => {
    logger.info({ reason }, 'stopping');
    await gateway.stop();
    await backbone.close();
  });
} catch (error) {
  const code = (error as { code?: string }).code ?? 'INTERNAL';
  logger.fatal({ code, err: error }, `gateway could not start: ${(error as Error).message}`);
  process.exit(1);
}
