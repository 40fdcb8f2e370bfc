import type { ReactNode } from 'react';

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
