import { describe, expect, it } from 'vitest';
import {
  buildDemandChart,
  driverSpans,
  type ForecastDay,
  promotionEffect,
  promotionOverlays,
} from './supply-forecast';

const point = (day: string, baseline: number, forecast: number, drivers: ForecastDay['drivers'] = []) => ({
  day,
  baseline,
  forecast,
  lower: forecast * 0.8,
  upper: forecast * 1.2,
  drivers,
});

const campaign = { label: 'spring campaign', uplift: 0.18, explanation: '+18% from the spring campaign' };

describe('buildDemandChart', () => {
  it('puts history and forecast on one sorted day axis with the interval as a band', () => {
    const rows = buildDemandChart(
      [
        { day: '2026-11-26', ordered: 12, promoted: false },
        { day: '2026-11-25', ordered: 9, promoted: true },
      ],
      [point('2026-11-27', 10, 11)],
    );
    expect(rows.map((row) => row.day)).toEqual(['2026-11-25', '2026-11-26', '2026-11-27']);
    expect(rows[0]).toMatchObject({ ordered: 9, forecast: null, interval: null, promoted: true });
    expect(rows[2]).toMatchObject({ ordered: null, baseline: 10, forecast: 11 });
    expect(rows[2]?.interval?.[0]).toBeCloseTo(8.8);
    expect(rows[2]?.interval?.[1]).toBeCloseTo(13.2);
  });

  it('marks forecast days inside a promotion as promoted', () => {
    const rows = buildDemandChart(
      [],
      [point('2026-12-01', 10, 10), point('2026-12-02', 10, 12)],
      [{ id: 'p', campaign: 'Winter', startsOn: '2026-12-02', endsOn: '2026-12-08', learnedUplift: 0.2 }],
    );
    expect(rows.map((row) => row.promoted)).toEqual([false, true]);
  });

  it('keeps both figures on a day that is in history and forecast', () => {
    const rows = buildDemandChart(
      [{ day: '2026-11-27', ordered: 5, promoted: false }],
      [point('2026-11-27', 6, 7)],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ordered: 5, forecast: 7 });
  });
});

describe('promotionOverlays', () => {
  const days = ['2026-12-01', '2026-12-02', '2026-12-03'];

  it('clips a promotion to the days shown and drops one outside them', () => {
    const overlays = promotionOverlays(
      [
        { id: 'a', campaign: 'A', startsOn: '2026-11-20', endsOn: '2026-12-02', learnedUplift: 0.1 },
        { id: 'b', campaign: 'B', startsOn: '2026-12-04', endsOn: '2026-12-10', learnedUplift: 0.1 },
        { id: 'c', campaign: 'C', startsOn: '2026-12-03', endsOn: '2026-12-31', learnedUplift: 0.3 },
      ],
      days,
    );
    expect(overlays).toEqual([
      { id: 'a', campaign: 'A', from: '2026-12-01', to: '2026-12-02', learnedUplift: 0.1 },
      { id: 'c', campaign: 'C', from: '2026-12-03', to: '2026-12-03', learnedUplift: 0.3 },
    ]);
  });

  it('has nothing to overlay on an empty chart', () => {
    expect(
      promotionOverlays(
        [{ id: 'a', campaign: 'A', startsOn: '2026-01-01', endsOn: '2026-12-31', learnedUplift: 0 }],
        [],
      ),
    ).toEqual([]);
  });
});

describe('promotionEffect', () => {
  const forecast = [point('2026-12-01', 10, 10), point('2026-12-02', 10, 13), point('2026-12-03', 20, 25)];

  it('compares forecast and baseline over the promotion days in the horizon', () => {
    const effect = promotionEffect(forecast, { startsOn: '2026-12-02', endsOn: '2026-12-20' });
    expect(effect).toEqual({ days: 2, baseline: 30, forecast: 38, uplift: 38 / 30 - 1 });
  });

  it('is null for a promotion outside the horizon and has no uplift over a zero baseline', () => {
    expect(promotionEffect(forecast, { startsOn: '2027-01-01', endsOn: '2027-01-07' })).toBeNull();
    expect(
      promotionEffect([point('2026-12-01', 0, 0)], { startsOn: '2026-12-01', endsOn: '2026-12-01' })?.uplift,
    ).toBeNull();
  });
});

describe('driverSpans', () => {
  it('groups a driver by its label with the days it moved the forecast', () => {
    const spans = driverSpans([
      point('2026-12-03', 10, 11.8, [campaign]),
      point('2026-12-01', 10, 10),
      point('2026-12-02', 10, 11.8, [campaign]),
    ]);
    expect(spans).toEqual([
      { ...campaign, minUplift: 0.18, maxUplift: 0.18, from: '2026-12-02', to: '2026-12-03', days: 2 },
    ]);
  });

  it('explains a fading driver by its strongest day and keeps its range', () => {
    const signal = (uplift: number) => ({
      label: 'marketing signals',
      uplift,
      explanation: `+${Math.round(uplift * 100)}% from marketing signals`,
    });
    const spans = driverSpans([
      point('2026-12-01', 10, 10.8, [signal(0.08)]),
      point('2026-12-02', 10, 10.5, [signal(0.05), campaign]),
      point('2026-12-03', 10, 10.2, [signal(0.02)]),
    ]);
    expect(spans.map((span) => span.label)).toEqual(['marketing signals', 'spring campaign']);
    expect(spans[0]).toMatchObject({
      explanation: '+8% from marketing signals',
      uplift: 0.08,
      minUplift: 0.02,
      maxUplift: 0.08,
      days: 3,
    });
  });
});
