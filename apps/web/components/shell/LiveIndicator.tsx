'use client';

import { type ConnectionStatus, useConnectionStatus } from '../../lib/connection-status';

const labels: Record<ConnectionStatus, { text: string; hint: string }> = {
  live: { text: 'Live', hint: 'Receiving updates from the gateway as they happen.' },
  connecting: { text: 'Connecting…', hint: 'Opening the live-update connection.' },
  reconnecting: {
    text: 'Reconnecting…',
    hint: 'The live-update connection dropped; retrying. Figures may be out of date until it is back.',
  },
  idle: { text: 'Not live', hint: 'Nothing on this page needs live updates.' },
};

export function LiveIndicator() {
  const status = useConnectionStatus();
  const { text, hint } = labels[status];
  return (
    <span
      className={`live live--${status}`}
      data-testid="live-indicator"
      data-state={status}
      title={hint}
      role="status"
      aria-label={`Live updates: ${text}`}
    >
      <span className="live__dot" aria-hidden="true" />
      {text}
    </span>
  );
}
