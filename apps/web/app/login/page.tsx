import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoginForm } from '../../components/login/LoginForm';

export const metadata: Metadata = { title: 'Sign in' };

export default function LoginPage() {
  return (
    <main className="login">
      <div className="login__panel">
        <div className="login__brand">
          <span className="brand-mark" aria-hidden="true" />
          <span>Meridian</span>
        </div>
        <h1 className="login__title">Sign in to the control tower</h1>
        <Suspense fallback={null}>
          <LoginForm />
        </Suspense>
      </div>
    </main>
  );
}
