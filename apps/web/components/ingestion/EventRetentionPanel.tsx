'use client';

import { type FormEvent, useEffect, useState } from 'react';
import { useMutation } from 'urql';
import { type EventRetentionSetting, SetEventRetentionMutation } from '../../graphql/ingestion';
import { formatDateTime } from '../../lib/format';
import { FailureState } from '../states/States';

/**
 * How long the tenant's events stay in the event log with their processing audit (the audit trail and
 * sandbox replay read them); admins change it, everyone sees it.
 */
export function EventRetentionPanel({
  retention,
  canChange,
}: {
  retention: EventRetentionSetting;
  canChange: boolean;
}) {
  const [{ fetching, error }, setRetention] = useMutation(SetEventRetentionMutation);
  const [days, setDays] = useState(String(retention.days));
  useEffect(() => setDays(String(retention.days)), [retention.days]);
  const chosen = Number(days);
  const valid = Number.isInteger(chosen) && chosen >= retention.minDays && chosen <= retention.maxDays;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (valid && chosen !== retention.days) await setRetention({ days: chosen });
  }

  return (
    <section className="panel" aria-labelledby="event-retention-title">
      <header className="panel__head">
        <h2 id="event-retention-title">Event log retention</h2>
        <span className="panel__hint" data-testid="event-retention">
          {retention.days} days{retention.isDefault ? ' (platform default)' : ''}
        </span>
      </header>
      <p className="panel__note">
        Events older than this leave the event log within minutes, with their audit trail and processing
        record. Events a consumer has not applied yet, and dead letters not replayed, stay.
        {retention.updatedAt ? ` Last changed ${formatDateTime(retention.updatedAt)}.` : ''}
      </p>
      {canChange ? (
        <form className="retention-form" onSubmit={save} aria-label="Change the event log retention">
          <label className="field">
            <span className="field__label">
              Days ({retention.minDays}–{retention.maxDays})
            </span>
            <input
              className="field__input field__input--small"
              type="number"
              min={retention.minDays}
              max={retention.maxDays}
              step={1}
              value={days}
              onChange={(event) => setDays(event.target.value)}
              required
            />
          </label>
          <button type="submit" className="button" disabled={fetching || !valid || chosen === retention.days}>
            {fetching ? 'Saving…' : 'Save'}
          </button>
        </form>
      ) : (
        <p className="panel__note">Only an administrator can change the retention.</p>
      )}
      {error && (
        <div className="panel__message">
          <FailureState error={error} prefix="The retention was not changed:" />
        </div>
      )}
    </section>
  );
}
