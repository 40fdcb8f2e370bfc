'use client';

import type { CombinedError } from '@urql/core';
import { useRouter, useSearchParams } from 'next/navigation';
import { type FormEvent, useEffect, useState } from 'react';
import { useMutation } from 'urql';
import { LoginMutation } from '../../graphql/session';
import { describeError, isUnauthenticated } from '../../lib/errors';
import { saveSession, takeSignOutReason, useSession } from '../../lib/session';

const DEFAULT_DESTINATION = '/overview';

function loginErrorMessage(error: CombinedError): string {
  if (isUnauthenticated(error)) {
    return 'The email or password is not correct. Check both and try again; if you forgot your password, ask your administrator to reset it.';
  }
  return describeError(error);
}

/** Only same-site paths, so a crafted link cannot send a fresh session elsewhere. */
function safeDestination(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : DEFAULT_DESTINATION;
}

export function LoginForm() {
  const router = useRouter();
  const searchParams = useSearchParams();
  const session = useSession();
  const [{ fetching }, login] = useMutation(LoginMutation);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const destination = safeDestination(searchParams.get('next'));

  useEffect(() => {
    const reason = takeSignOutReason() ?? searchParams.get('reason');
    if (reason === 'session-expired') setNotice('Your session has ended. Sign in again to continue.');
  }, [searchParams]);

  useEffect(() => {
    if (session) router.replace(destination);
  }, [session, router, destination]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    setNotice(null);
    const result = await login({
      email: String(form.get('email')).trim(),
      password: String(form.get('password')),
    });
    if (result.error || !result.data) {
      setError(result.error ? loginErrorMessage(result.error) : 'Sign-in returned no session. Try again.');
      return;
    }
    const { accessToken, expiresAt, user } = result.data.login;
    saveSession({
      accessToken,
      expiresAt,
      user: { name: user.name, email: user.email, roles: user.roles, tenantName: user.tenant.name },
    });
  }

  return (
    <form className="login__form" onSubmit={onSubmit} aria-label="Sign in">
      {notice && (
        <p className="notice" role="status" data-testid="login-notice">
          {notice}
        </p>
      )}
      <label className="field">
        <span className="field__label">Work email</span>
        <input
          className="field__input"
          name="email"
          type="email"
          autoComplete="username"
          required
          placeholder="name@company.com"
        />
      </label>
      <label className="field">
        <span className="field__label">Password</span>
        <input
          className="field__input"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
      </label>
      {error && (
        <p className="form-error" role="alert" data-testid="login-error">
          {error}
        </p>
      )}
      <button className="button button--primary" type="submit" disabled={fetching} aria-busy={fetching}>
        {fetching ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
