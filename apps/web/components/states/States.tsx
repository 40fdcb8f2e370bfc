import type { CombinedError } from '@urql/core';
import type { ReactNode } from 'react';
import { describeFailure } from '../../lib/errors';

export function LoadingState({ label }: { label: string }) {
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state--empty">
      <strong>{title}</strong>
      {children && <span>{children}</span>}
    </div>
  );
}

/** `code` is the API's error code (e.g. BAD_USER_INPUT), shown so support can find the cause. */
export function ErrorState({
  message,
  code,
  onRetry,
}: {
  message: string;
  code?: string | null;
  onRetry?: () => void;
}) {
  return (
    <div className="state state--error" role="alert">
      <span>
        {message}
        {code && (
          <>
            {' '}
            <code className="error-code" data-testid="error-code">
              {code}
            </code>
          </>
        )}
      </span>
      {onRetry && (
        <button type="button" className="button button--small" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}

/** A failed request as the API explained it: its message, and its code so support can find the cause. */
export function FailureState({
  error,
  prefix,
  onRetry,
}: {
  error: CombinedError;
  prefix?: string;
  onRetry?: () => void;
}) {
  const { message, code } = describeFailure(error);
  return <ErrorState message={prefix ? `${prefix} ${message}` : message} code={code} onRetry={onRetry} />;
}
