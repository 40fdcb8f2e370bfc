'use client';

import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  CreatePromotionMutation,
  type PromotionData,
  PromotionSkuOptionsQuery,
  SKU_OPTIONS_SHOWN,
  UpdatePromotionMutation,
} from '../../graphql/supply-planning';
import { describeFailure } from '../../lib/errors';
import {
  DISCOUNT_PERCENT_RANGE,
  draftFieldOfApiError,
  type PromotionDraft,
  type PromotionErrors,
  type PromotionField,
  promotionChannels,
  UPLIFT_PERCENT_RANGE,
  validatePromotionDraft,
} from '../../lib/supply-promotions';
import { ErrorState, LoadingState } from '../states/States';

/**
 * Enters or edits a promotion. Fields are checked as they are left and again on save (the same rules
 * the API applies); a problem the API still finds is shown next to the field it names.
 */
export function PromotionForm({
  initial,
  editing,
  onSaved,
  onCancel,
}: {
  initial: PromotionDraft;
  /** The promotion being edited; null enters a new one. */
  editing: PromotionData | null;
  onSaved: (promotion: PromotionData) => void;
  onCancel: () => void;
}) {
  const formId = useId();
  const [draft, setDraft] = useState<PromotionDraft>(initial);
  const [touched, setTouched] = useState<Partial<Record<PromotionField, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [apiErrors, setApiErrors] = useState<PromotionErrors>({});
  const [formError, setFormError] = useState<{ message: string; code: string | null } | null>(null);
  const [created, create] = useMutation(CreatePromotionMutation);
  const [updated, update] = useMutation(UpdatePromotionMutation);
  const saving = created.fetching || updated.fetching;

  const validation = validatePromotionDraft(draft);
  const localErrors: PromotionErrors = validation.ok ? {} : validation.errors;
  const errorOf = (field: PromotionField): string | undefined =>
    apiErrors[field] ?? (submitted || touched[field] ? localErrors[field] : undefined);

  function change<K extends PromotionField>(field: K, value: PromotionDraft[K]) {
    setDraft((current) => ({ ...current, [field]: value }));
    setApiErrors((current) => ({ ...current, [field]: undefined }));
  }
  const leave = (field: PromotionField) => () => setTouched((current) => ({ ...current, [field]: true }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setFormError(null);
    if (!validation.ok) return;
    const result = editing
      ? await update({ id: editing.id, input: validation.input }).then((answer) => ({
          error: answer.error,
          saved: answer.data?.updatePromotion,
        }))
      : await create({ input: validation.input }).then((answer) => ({
          error: answer.error,
          saved: answer.data?.createPromotion,
        }));
    if (result.error) {
      const failure = describeFailure(result.error);
      const field = draftFieldOfApiError(failure.field);
      if (field && failure.code === 'BAD_USER_INPUT') setApiErrors({ [field]: failure.message });
      else setFormError({ message: failure.message, code: failure.code });
      return;
    }
    if (result.saved) onSaved(result.saved);
  }

  const fieldProps = (field: PromotionField) => {
    const error = errorOf(field);
    return {
      id: `${formId}-${field}`,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': error ? `${formId}-${field}-error` : undefined,
      onBlur: leave(field),
    };
  };
  // The line is always there, so a message appearing when a field is left does not move the Save button
  // from under the pointer that is clicking it.
  const fieldError = (field: PromotionField) => {
    const error = errorOf(field);
    return (
      <span
        className="field__error field__error--slot"
        id={`${formId}-${field}-error`}
        data-testid={error ? `promotion-error-${field}` : undefined}
      >
        {error}
      </span>
    );
  };

  return (
    <form
      className="promotion-form"
      onSubmit={submit}
      noValidate
      aria-label={editing ? `Edit promotion ${editing.campaign}` : 'New promotion'}
      data-testid="promotion-form"
    >
      <h3 className="promotion-form__wide">{editing ? `Edit ${editing.campaign}` : 'New promotion'}</h3>
      <div className="field">
        <label className="field__label" htmlFor={`${formId}-campaign`}>
          Campaign
        </label>
        <input
          className="field__input"
          value={draft.campaign}
          onChange={(event) => change('campaign', event.target.value)}
          autoComplete="off"
          {...fieldProps('campaign')}
        />
        {fieldError('campaign')}
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${formId}-channel`}>
          Channel
        </label>
        <select
          className="field__input"
          value={draft.channel}
          onChange={(event) => change('channel', event.target.value)}
          {...fieldProps('channel')}
        >
          {promotionChannels.map((entry) => (
            <option key={entry.channel} value={entry.channel}>
              {entry.label}
            </option>
          ))}
        </select>
        {fieldError('channel')}
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${formId}-startsOn`}>
          First day
        </label>
        <input
          className="field__input"
          type="date"
          value={draft.startsOn}
          onChange={(event) => change('startsOn', event.target.value)}
          {...fieldProps('startsOn')}
        />
        {fieldError('startsOn')}
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${formId}-endsOn`}>
          Last day
        </label>
        <input
          className="field__input"
          type="date"
          value={draft.endsOn}
          min={draft.startsOn || undefined}
          onChange={(event) => change('endsOn', event.target.value)}
          {...fieldProps('endsOn')}
        />
        {fieldError('endsOn')}
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${formId}-expectedUpliftPercent`}>
          Expected uplift (%)
        </label>
        <input
          className="field__input"
          inputMode="decimal"
          placeholder="e.g. 25"
          value={draft.expectedUpliftPercent}
          onChange={(event) => change('expectedUpliftPercent', event.target.value)}
          {...fieldProps('expectedUpliftPercent')}
        />
        <span className="panel__hint">
          Extra demand on the promotion&apos;s days, {UPLIFT_PERCENT_RANGE.min}% to +
          {UPLIFT_PERCENT_RANGE.max}%.
        </span>
        {fieldError('expectedUpliftPercent')}
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${formId}-discountPercent`}>
          Price discount (%)
        </label>
        <input
          className="field__input"
          inputMode="decimal"
          placeholder="none"
          value={draft.discountPercent}
          onChange={(event) => change('discountPercent', event.target.value)}
          {...fieldProps('discountPercent')}
        />
        <span className="panel__hint">
          {DISCOUNT_PERCENT_RANGE.min}% to {DISCOUNT_PERCENT_RANGE.max}%; leave empty for none.
        </span>
        {fieldError('discountPercent')}
      </div>
      <div className="field promotion-form__wide">
        <label className="field__label" htmlFor={`${formId}-description`}>
          Description <span className="muted">(optional)</span>
        </label>
        <input
          className="field__input"
          value={draft.description}
          onChange={(event) => change('description', event.target.value)}
          {...fieldProps('description')}
        />
        {fieldError('description')}
      </div>
      <SkuPicker
        formId={formId}
        selected={draft.skuIds}
        known={editing?.skus ?? []}
        onChange={(skuIds) => {
          change('skuIds', skuIds);
          setTouched((current) => ({ ...current, skuIds: true }));
        }}
        error={errorOf('skuIds')}
      />
      {formError && (
        <div className="promotion-form__wide">
          <ErrorState message={`The promotion was not saved: ${formError.message}`} code={formError.code} />
        </div>
      )}
      <div className="promotion-form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : editing ? 'Save changes' : 'Save promotion'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
        {submitted && !validation.ok && (
          <span className="field__error" role="alert">
            Fix the fields marked above to save.
          </span>
        )}
      </div>
    </form>
  );
}

interface SkuOption {
  id: string;
  code: string;
  name: string;
}

/** Waits until typing pauses before a value is used (one search per pause, not per key). */
function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/** Chooses SKUs by searching the catalog (code, name or GTIN); the chosen ones stay listed on top. */
function SkuPicker({
  formId,
  selected,
  known,
  onChange,
  error,
}: {
  formId: string;
  selected: readonly string[];
  /** SKUs already on the promotion, so they are named before any search. */
  known: readonly SkuOption[];
  onChange: (skuIds: string[]) => void;
  error: string | undefined;
}) {
  const [filter, setFilter] = useState('');
  const search = useSettled(filter.trim(), 250);
  const [options] = useQuery({
    query: PromotionSkuOptionsQuery,
    variables: { search: search === '' ? null : search, first: SKU_OPTIONS_SHOWN },
  });
  const [named, setNamed] = useState<Map<string, SkuOption>>(
    () => new Map(known.map((sku) => [sku.id, sku])),
  );
  const found = useMemo(() => options.data?.skus.edges.map((edge) => edge.node) ?? [], [options.data]);
  const chosen = selected.flatMap((id) => named.get(id) ?? []);
  const shown = [...chosen, ...found.filter((sku) => !selected.includes(sku.id))];

  function toggle(sku: SkuOption, on: boolean) {
    setNamed((current) => new Map(current).set(sku.id, sku));
    onChange(on ? [...selected, sku.id] : selected.filter((existing) => existing !== sku.id));
  }

  return (
    <fieldset
      className="field promotion-form__wide"
      aria-describedby={error ? `${formId}-skuIds-error` : undefined}
    >
      <legend className="field__label">SKUs</legend>
      <input
        className="field__input"
        type="search"
        aria-label="Find SKUs by code, name or GTIN"
        placeholder="Find SKUs by code, name or GTIN"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      <span className="panel__hint" data-testid="promotion-sku-count">
        {selected.length === 0
          ? 'No SKU chosen'
          : `${selected.length} chosen: ${chosen.map((sku) => sku.code).join(', ')}`}
      </span>
      {options.error ? (
        <ErrorState message={`The SKUs could not be read: ${describeFailure(options.error).message}`} />
      ) : !options.data && chosen.length === 0 ? (
        <LoadingState label="Loading SKUs…" />
      ) : (
        <div className="sku-picker" aria-invalid={error ? true : undefined} aria-busy={options.fetching}>
          {shown.length === 0 && <span className="muted">No SKU matches “{search}”.</span>}
          {shown.map((sku) => (
            <label key={sku.id}>
              <input
                type="checkbox"
                checked={selected.includes(sku.id)}
                onChange={(event) => toggle(sku, event.target.checked)}
              />
              <span className="mono">{sku.code}</span> {sku.name}
            </label>
          ))}
          {options.data && options.data.skus.edges.length === SKU_OPTIONS_SHOWN && (
            <span className="muted">
              The first {SKU_OPTIONS_SHOWN} matches are shown; type more to narrow them.
            </span>
          )}
        </div>
      )}
      <span
        className="field__error field__error--slot"
        id={`${formId}-skuIds-error`}
        data-testid={error ? 'promotion-error-skuIds' : undefined}
      >
        {error}
      </span>
    </fieldset>
  );
}
