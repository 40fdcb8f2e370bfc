'use client';

import { type ReactNode, useEffect, useMemo } from 'react';
import { Provider } from 'urql';
import { createGatewayClients } from '../lib/graphql-client';
import { clearSession, useSession } from '../lib/session';

/** Gives every client component an urql client bound to the gateway and the current session's token. */
export function Providers({ gatewayUrl, children }: { gatewayUrl: string; children: ReactNode }) {
  const session = useSession();
  const accessToken = session?.accessToken ?? null;
  const gateway = useMemo(
    () => createGatewayClients(gatewayUrl, accessToken, () => clearSession('session-expired')),
    [gatewayUrl, accessToken],
  );
  useEffect(() => gateway.dispose, [gateway]);
  return <Provider value={gateway.client}>{children}</Provider>;
}
