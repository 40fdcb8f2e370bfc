import { describe, expect, it } from 'vitest';
import { isExpired, snapshotsDue } from './retention';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('snapshot retention', () => {
  it('takes a daily snapshot kept 90 days on an ordinary day', () => {
    expect(snapshotsDue(new Date('2026-11-27T23:59:00Z'))).toEqual([
      { kind: 'DAILY', takenOn: day('2026-11-27'), expiresOn: day('2027-02-25') },
    ]);
  });

  it('adds a weekly snapshot kept 13 months on Mondays', () => {
    expect(snapshotsDue(day('2026-11-30'))).toEqual([
      { kind: 'DAILY', takenOn: day('2026-11-30'), expiresOn: day('2027-02-28') },
      { kind: 'WEEKLY', takenOn: day('2026-11-30'), expiresOn: day('2027-12-30') },
    ]);
  });

  it('ends a weekly snapshot on the last day of a shorter month', () => {
    const [, weekly] = snapshotsDue(day('2027-01-25'));
    expect(weekly?.expiresOn).toEqual(day('2028-02-25'));
    // 2026-08-31 is a Monday: 13 months on is 30 September 2027.
    expect(snapshotsDue(day('2026-08-31'))[1]?.expiresOn).toEqual(day('2027-09-30'));
  });

  it('keeps a snapshot through its expiry day and deletes it the day after', () => {
    const [daily] = snapshotsDue(day('2026-01-01'));
    expect(isExpired(daily!.expiresOn, day('2026-04-01'))).toBe(false);
    expect(isExpired(daily!.expiresOn, day('2026-04-02'))).toBe(true);
    expect(isExpired(daily!.expiresOn, day('2026-03-01'))).toBe(false);
  });
});
