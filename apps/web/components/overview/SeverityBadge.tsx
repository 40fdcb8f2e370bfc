import type { Severity } from '../../graphql/overview';

export const severityOrder: readonly Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

export function severityLabel(severity: Severity): string {
  return severity.charAt(0) + severity.slice(1).toLowerCase();
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`badge badge--${severity.toLowerCase()}`} data-testid="severity-badge">
      {severityLabel(severity)}
    </span>
  );
}
