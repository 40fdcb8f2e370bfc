'use client';

import type { CombinedError } from '@urql/core';
import { type FormEvent, useId, useState } from 'react';
import type { MasterChangeOutcome } from '../../graphql/master-data';
import { describeFailure } from '../../lib/errors';
import {
  changedInput,
  commentProblem,
  type Draft,
  draftOf,
  type FieldProblems,
  type FormField,
  formFieldOfError,
  isFieldError,
  messageWithoutField,
  validateDraft,
} from '../../lib/master-data-validation';
import { FailureState } from '../states/States';
import { ChangeOutcome } from './ChangeOutcome';

export interface ChangeContextInput {
  comment: string;
  ticketId?: string;
  effectiveAt?: string;
}

export type SubmitEdit = (
  input: Record<string, unknown>,
  context: ChangeContextInput,
) => Promise<{ data?: MasterChangeOutcome | null; error?: CombinedError }>;

const CONTEXT_FIELDS = ['comment', 'ticketId', 'effectiveAt'];

function FieldInput({
  field,
  id,
  value,
  problem,
  onChange,
  onBlur,
}: {
  field: FormField;
  id: string;
  value: string;
  problem: string | undefined;
  onChange: (value: string) => void;
  onBlur: () => void;
}) {
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const describedBy = [field.hint ? hintId : null, problem ? problemId : null].filter(Boolean).join(' ');
  const common = {
    id,
    className: 'field__input',
    value,
    onBlur,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': describedBy || undefined,
    'aria-required': field.required ? true : undefined,
  } as const;
  return (
    <div className="field" data-testid={`field-${field.name}`}>
      <label className="field__label" htmlFor={id}>
        {field.label}
      </label>
      <div className="md-input">
        {field.kind === 'select' ? (
          <select {...common} onChange={(event) => onChange(event.target.value)}>
            {field.options?.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        ) : (
          <input
            {...common}
            inputMode={
              field.kind === 'integer' || field.kind === 'gtin'
                ? 'numeric'
                : field.kind === 'money' || field.kind === 'percent'
                  ? 'decimal'
                  : undefined
            }
            spellCheck={false}
            onChange={(event) => onChange(event.target.value)}
          />
        )}
        {field.unit && <span className="md-input__unit">{field.unit}</span>}
      </div>
      {field.hint && (
        <span className="field__hint" id={hintId}>
          {field.hint}
        </span>
      )}
      {problem && (
        <p className="field__problem" id={problemId} data-testid="field-problem">
          {problem}
        </p>
      )}
    </div>
  );
}

/**
 * Edits one master record. Problems the form can see (a code of the wrong length, a GTIN whose check
 * digit is wrong) are shown under their field as soon as the field is left; the API's BAD_USER_INPUT
 * errors are shown under the field they name. Only changed fields are sent, with why and the ticket.
 */
export function RecordEditForm({
  formFields,
  record,
  submit,
  onSubmitted,
}: {
  formFields: readonly FormField[];
  record: Record<string, unknown>;
  submit: SubmitEdit;
  /** Re-reads the record after an edit was published or staged. */
  onSubmitted: () => void;
}) {
  const formId = useId();
  const original = draftOf(formFields, record);
  const [edits, setEdits] = useState<Draft | null>(null);
  const [comment, setComment] = useState('');
  const [ticketId, setTicketId] = useState('');
  // datetime-local, in the browser's time zone
  const [effectiveAt, setEffectiveAt] = useState('');
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [serverProblem, setServerProblem] = useState<{ field: string; message: string } | null>(null);
  const [failure, setFailure] = useState<CombinedError | null>(null);
  const [result, setResult] = useState<MasterChangeOutcome | null>(null);
  const [sending, setSending] = useState(false);

  const draft = edits ?? original;
  const problems: FieldProblems = validateDraft(formFields, draft);
  const reasonProblem = commentProblem(comment);
  if (attempted && reasonProblem) problems.comment = reasonProblem;
  const input = changedInput(formFields, original, draft);
  const nothingChanged = Object.keys(input).length === 0;

  const shownProblem = (name: string): string | undefined => {
    if (serverProblem?.field === name) return serverProblem.message;
    return attempted || touched.has(name) ? problems[name] : undefined;
  };
  const touch = (name: string) => setTouched((current) => new Set(current).add(name));
  const change = (name: string, value: string) => {
    setEdits({ ...draft, [name]: value });
    if (serverProblem?.field === name) setServerProblem(null);
    setResult(null);
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    setFailure(null);
    setServerProblem(null);
    if (Object.keys(problems).length > 0 || reasonProblem || nothingChanged) return;
    setSending(true);
    const answer = await submit(input, {
      comment: comment.trim(),
      ...(ticketId.trim() ? { ticketId: ticketId.trim() } : {}),
      ...(effectiveAt ? { effectiveAt: new Date(effectiveAt).toISOString() } : {}),
    });
    setSending(false);
    if (answer.error) {
      const described = describeFailure(answer.error);
      const field = formFieldOfError(described.field, [
        ...formFields.map((entry) => entry.name),
        ...CONTEXT_FIELDS,
      ]);
      if (isFieldError(described.code) && field) {
        setServerProblem({ field, message: messageWithoutField(described.message, described.field) });
      } else setFailure(answer.error);
      return;
    }
    if (answer.data) {
      setResult(answer.data);
      setEdits(null);
      setComment('');
      setTicketId('');
      setEffectiveAt('');
      setTouched(new Set());
      setAttempted(false);
      onSubmitted();
    }
  }

  const shownCommentProblem = shownProblem('comment');
  return (
    <form className="md-form" onSubmit={onSubmit} aria-label="Edit the record" noValidate>
      <div className="md-form__grid">
        {formFields.map((field) => (
          <FieldInput
            key={field.name}
            field={field}
            id={`${formId}-${field.name}`}
            value={draft[field.name] ?? ''}
            problem={shownProblem(field.name)}
            onChange={(value) => change(field.name, value)}
            onBlur={() => touch(field.name)}
          />
        ))}
      </div>
      <div className="md-form__grid">
        <div className="field">
          <label className="field__label" htmlFor={`${formId}-comment`}>
            Reason for the change
          </label>
          <input
            id={`${formId}-comment`}
            className="field__input"
            value={comment}
            onChange={(event) => {
              setComment(event.target.value);
              if (serverProblem?.field === 'comment') setServerProblem(null);
            }}
            maxLength={500}
            aria-invalid={shownCommentProblem ? true : undefined}
            aria-describedby={shownCommentProblem ? `${formId}-comment-problem` : undefined}
            aria-required
          />
          {shownCommentProblem && (
            <p className="field__problem" id={`${formId}-comment-problem`} data-testid="field-problem">
              {shownCommentProblem}
            </p>
          )}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${formId}-ticket`}>
            Ticket (optional)
          </label>
          <input
            id={`${formId}-ticket`}
            className="field__input"
            value={ticketId}
            onChange={(event) => setTicketId(event.target.value)}
            maxLength={100}
            placeholder="e.g. MD-1234"
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${formId}-effective`}>
            Takes effect (optional; empty: at once)
          </label>
          <input
            id={`${formId}-effective`}
            type="datetime-local"
            className="field__input"
            value={effectiveAt}
            onChange={(event) => {
              setEffectiveAt(event.target.value);
              if (serverProblem?.field === 'effectiveAt') setServerProblem(null);
            }}
            aria-describedby={shownProblem('effectiveAt') ? `${formId}-effective-problem` : undefined}
          />
          {shownProblem('effectiveAt') && (
            <p className="field__problem" id={`${formId}-effective-problem`} data-testid="field-problem">
              {shownProblem('effectiveAt')}
            </p>
          )}
        </div>
      </div>
      {attempted && nothingChanged && !result && (
        <p className="notice" role="status">
          No value differs from the published record; change a field first.
        </p>
      )}
      <div className="md-form__actions">
        <button type="submit" className="button button--primary" disabled={sending}>
          {sending ? 'Saving…' : 'Save changes'}
        </button>
        <button
          type="button"
          className="button button--small button--ghost"
          disabled={sending || edits === null}
          onClick={() => {
            setEdits(null);
            setTouched(new Set());
            setAttempted(false);
            setServerProblem(null);
          }}
        >
          Undo my changes
        </button>
      </div>
      {failure && <FailureState error={failure} prefix="The change was not saved:" />}
      {result && <ChangeOutcome result={result} />}
    </form>
  );
}
