import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { gatewayUrlFromEnv } from '../lib/config';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Meridian control tower', template: '%s · Meridian' },
  description: 'Supply-chain control tower: stock, shipments and exceptions, live.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request, so the gateway URL comes from the server's environment at run time.
  await connection();
  return (
    <html lang="en">
      <body>
        <Providers gatewayUrl={gatewayUrlFromEnv()}>{children}</Providers>
      </body>
    </html>
  );
}
