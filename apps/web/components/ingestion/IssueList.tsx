import type { Issue } from '../../graphql/ingestion';
import { fieldLabel } from '../../lib/ingestion';
import { describeFieldValue } from '../../lib/record-json';

/**
 * Why a record was refused (or flagged): field, code and what to do. With `recordJson`, each issue also
 * shows the field's value in that record, so the user sees what to change without searching the JSON.
 */
export function IssueList({
  issues,
  recordJson,
  label,
  tone = 'error',
}: {
  issues: readonly Issue[];
  recordJson?: string;
  label: string;
  tone?: 'error' | 'warning';
}) {
  return (
    <ul className={`issues issues--${tone}`} aria-label={label}>
      {issues.map((issue) => {
        const value = recordJson === undefined ? '' : describeFieldValue(recordJson, issue.field);
        return (
          <li
            key={`${issue.field}/${issue.code}/${issue.message}`}
            className="issue"
            data-testid="record-issue"
          >
            <span className="issue__head">
              <span className="mono issue__field">{fieldLabel(issue.field)}</span>
              <code className="error-code">{issue.code}</code>
              {value && (
                <span className="issue__value">
                  now <span className="mono">{value}</span>
                </span>
              )}
            </span>
            <span className="issue__message">{issue.message}</span>
          </li>
        );
      })}
    </ul>
  );
}
