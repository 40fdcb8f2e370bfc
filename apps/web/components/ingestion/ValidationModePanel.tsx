'use client';

import { useEffect, useState } from 'react';
import { useMutation } from 'urql';
import { type IngestValidationMode, SetIngestValidationModeMutation } from '../../graphql/ingestion';
import { FailureState } from '../states/States';

const modes: readonly { mode: IngestValidationMode; label: string; description: string }[] = [
  {
    mode: 'STRICT',
    label: 'Strict',
    description:
      'Records naming an unknown SKU or location, a unit other than the base unit or a future time are quarantined.',
  },
  {
    mode: 'FALLBACK',
    label: 'Fallback',
    description:
      'Such records are accepted and flagged with warnings. Records that break the schema are always quarantined.',
  },
];

/** The tenant's validation mode; admins switch it, everyone else sees which one applies. */
export function ValidationModePanel({
  mode,
  canChange,
  onChanged,
}: {
  mode: IngestValidationMode;
  canChange: boolean;
  /** Re-reads the status: the mutation answers with the mode only, which no cached query holds. */
  onChanged: () => void;
}) {
  const [{ fetching, error }, setMode] = useMutation(SetIngestValidationModeMutation);
  const [requested, setRequested] = useState<IngestValidationMode | null>(null);
  // The chosen mode shows at once and until the re-read status confirms it (or the change failed).
  const shown = requested ?? mode;
  useEffect(() => {
    if (requested === mode) setRequested(null);
  }, [requested, mode]);

  async function choose(next: IngestValidationMode) {
    if (next === mode) return;
    setRequested(next);
    const result = await setMode({ mode: next });
    if (result.error) setRequested(null);
    else onChanged();
  }

  return (
    <section className="panel" aria-labelledby="validation-mode-title">
      <header className="panel__head">
        <h2 id="validation-mode-title">Validation mode</h2>
        <span className="panel__hint" data-testid="validation-mode" data-mode={mode}>
          {modes.find((entry) => entry.mode === mode)?.label ?? mode}
        </span>
      </header>
      <fieldset className="mode-switch" disabled={!canChange || fetching}>
        <legend className="visually-hidden">Validation mode</legend>
        {modes.map((entry) => (
          <label
            key={entry.mode}
            className={
              shown === entry.mode ? 'mode-switch__option mode-switch__option--on' : 'mode-switch__option'
            }
          >
            <input
              type="radio"
              name="validation-mode"
              value={entry.mode}
              checked={shown === entry.mode}
              onChange={() => void choose(entry.mode)}
            />
            <span className="mode-switch__label">{entry.label}</span>
            <span className="mode-switch__description">{entry.description}</span>
          </label>
        ))}
      </fieldset>
      {!canChange && <p className="panel__note">Only an administrator can change the validation mode.</p>}
      {error && (
        <div className="panel__message">
          <FailureState error={error} prefix="The validation mode was not changed:" />
        </div>
      )}
    </section>
  );
}
