import { DOMAIN_EVENT_TYPES, forecastDriftDetectedData } from '@meridian/canonical';
import { applyOnce } from '@meridian/events';
import type { SubgraphDeps } from '@meridian/subgraph-runtime';
import { raiseExceptionForTenant } from '../services/exceptions';

const CONSUMER = 'quality-forecast-drift';

const percent = (fraction: number) => `${Math.round(fraction * 100)} %`;

/**
 * Turns supply's forecast drift (a SKU's realised forecast error rising more than 12 % above what its
 * backtest promised) into a FORECAST_DRIFT exception for the planners, once per event (inbox). Supply
 * reports an episode once, so an exception stands for one episode.
 */
export function startForecastDriftConsumer({ prisma, backbone, logger }: SubgraphDeps) {
  return backbone.consume({
    consumer: CONSUMER,
    types: [DOMAIN_EVENT_TYPES.forecastDriftDetected],
    handler: async (event) => {
      const drift = forecastDriftDetectedData.parse(event.data);
      await prisma.$transaction(async (tx) => {
        if (!(await applyOnce(tx, CONSUMER, event))) return;
        const exception = await raiseExceptionForTenant(
          prisma,
          drift.tenantId,
          {
            kind: 'FORECAST_DRIFT',
            severity: 'MEDIUM',
            title: `Forecast drift: error ${percent(drift.wape)} against ${percent(drift.baselineWape)} expected`,
            detail:
              `Over the last 28 days the forecast of this SKU at location ${drift.locationId} missed realised ` +
              `demand by ${percent(drift.wape)} (WAPE), against the ${percent(drift.baselineWape)} its backtest ` +
              `promised. Check for a change in demand (listing, price, competitor) and retrain or adjust it. ` +
              `Detected ${drift.detectedAt}.`,
            skuId: drift.skuId,
            shipmentId: null,
          },
          null,
          tx,
        );
        logger.info({ exceptionId: exception.id, skuId: drift.skuId }, 'forecast drift raised');
      });
    },
  });
}
