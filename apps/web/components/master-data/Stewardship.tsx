'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  MarkNotificationReadMutation,
  type NotificationEntry,
  ResolveStewardshipTaskMutation,
  STEWARDSHIP_SHOWN,
  StewardshipQuery,
  type StewardshipTaskEntry,
} from '../../graphql/master-data';
import { formatCount, formatDateTime, formatRelative } from '../../lib/format';
import { entityLabel, isMasterEntity, masterRecordPath } from '../../lib/master-data';
import { useNow } from '../../lib/use-now';
import { usePolling } from '../../lib/use-polling';
import { PageHead } from '../shell/PageHead';
import { PageRefresh } from '../shell/PageRefresh';
import { EmptyState, FailureState, LoadingState } from '../states/States';
import { EventPropagation } from './EventPropagation';
import { ToggleGroup } from './ToggleGroup';

/** Tasks fall due and notifications arrive in other sessions; the gateway pushes neither. */
const POLL_MS = 30_000;

const taskKinds: Record<string, string> = {
  HIGH_IMPACT_ACK: 'Acknowledge a high-impact change',
  VALIDATION_FAILURE: 'Resolve a validation failure',
};

function TaskRow({
  task,
  now,
  onResolved,
}: {
  task: StewardshipTaskEntry;
  now: number;
  onResolved: () => void;
}) {
  const [{ fetching, error }, resolve] = useMutation(ResolveStewardshipTaskMutation);
  const overdue = !task.doneAt && (task.breachedAt !== null || Date.parse(task.dueAt) < now);
  return (
    <li className="md-cr" data-testid="stewardship-task" data-task-id={task.id}>
      <div className="md-cr__head">
        <div>
          <h3 className="md-cr__title">{task.title}</h3>
          <span className="panel__hint">
            {taskKinds[task.kind] ?? task.kind} · {entityLabel(task.entityType)} · opened{' '}
            {formatDateTime(task.createdAt)}
          </span>
        </div>
        <div className="md-timeline__head">
          {task.doneAt ? (
            <span className="badge badge--approved">Done {formatDateTime(task.doneAt)}</span>
          ) : (
            <span className={overdue ? 'sla sla--breached' : 'panel__hint'} data-testid="task-due">
              {overdue ? 'Overdue since' : 'Due'} {formatRelative(task.dueAt, now)}
            </span>
          )}
        </div>
      </div>
      <div className="md-cr__decide">
        {task.entityId && isMasterEntity(task.entityType) && (
          <Link href={masterRecordPath(task.entityType, task.entityId)}>Open the record</Link>
        )}
        {task.changeRequestId && <Link href="/master-data/change-requests">Open the change requests</Link>}
        {!task.doneAt && (
          <button
            type="button"
            className="button button--small"
            disabled={fetching}
            onClick={() => void resolve({ id: task.id }).then((answer) => !answer.error && onResolved())}
          >
            {fetching ? 'Marking…' : 'Mark as done'}
          </button>
        )}
      </div>
      {error && <FailureState error={error} prefix="The task was not marked as done:" />}
    </li>
  );
}

function NotificationRow({ notification }: { notification: NotificationEntry }) {
  const [{ fetching, error }, markRead] = useMutation(MarkNotificationReadMutation);
  return (
    <li className="md-cr" data-testid="notification" data-read={notification.readAt ? 'true' : 'false'}>
      <div className="md-cr__head">
        <h3 className="md-cr__title">{notification.title}</h3>
        <span className="panel__hint">{formatDateTime(notification.createdAt)}</span>
      </div>
      {notification.body && <p className="md-cr__comment">{notification.body}</p>}
      <div className="md-cr__decide">
        {notification.entityType && notification.entityId && isMasterEntity(notification.entityType) && (
          <Link href={masterRecordPath(notification.entityType, notification.entityId)}>Open the record</Link>
        )}
        {!notification.readAt && (
          <button
            type="button"
            className="button button--small button--ghost"
            disabled={fetching}
            onClick={() => void markRead({ id: notification.id })}
          >
            Mark as read
          </button>
        )}
      </div>
      {error && <FailureState error={error} prefix="The notification was not marked as read:" />}
    </li>
  );
}

/** Stewardship work with an SLA (acknowledge high-impact changes in 24 h, fix failed imports in 72 h) and my notifications. */
export function Stewardship() {
  const now = useNow(POLL_MS);
  const [open, setOpen] = useState(true);
  const [result, reexecute] = useQuery({
    query: StewardshipQuery,
    variables: { open, first: STEWARDSHIP_SHOWN },
    requestPolicy: 'cache-and-network',
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  usePolling(refresh, POLL_MS);
  const data = result.data;
  const overdue = data?.stewardshipTasks.filter(
    (task) => !task.doneAt && (task.breachedAt !== null || Date.parse(task.dueAt) < now),
  ).length;

  return (
    <div className="md-stack">
      <PageHead
        title="Stewardship"
        subtitle="Data-quality work with a deadline, and notices about changes to the records you own"
      >
        <PageRefresh onRefresh={refresh} busy={result.fetching} />
      </PageHead>
      {!data ? (
        result.error ? (
          <FailureState error={result.error} onRetry={refresh} />
        ) : (
          <LoadingState label="Loading stewardship tasks…" />
        )
      ) : (
        <div className="md-columns">
          <section className="panel" aria-labelledby="tasks-title">
            <header className="panel__head">
              <h2 id="tasks-title">Tasks</h2>
              <ToggleGroup
                legend="Tasks shown"
                options={[
                  { value: true, label: 'Open' },
                  { value: false, label: 'All' },
                ]}
                value={open}
                onChange={setOpen}
              />
            </header>
            {result.error && <FailureState error={result.error} prefix="The tasks could not be refreshed:" />}
            {data.stewardshipTasks.length === 0 ? (
              <EmptyState title={open ? 'No open tasks' : 'No tasks yet'}>
                High-impact change requests and failed imports open tasks here.
              </EmptyState>
            ) : (
              <>
                <p className="panel__hint" data-testid="task-count">
                  {formatCount(data.stewardshipTasks.length)}{' '}
                  {data.stewardshipTasks.length === 1 ? 'task' : 'tasks'}
                  {overdue ? `, ${formatCount(overdue)} overdue` : ''}
                </p>
                <ul className="md-list" aria-label="Stewardship tasks">
                  {data.stewardshipTasks.map((task) => (
                    <TaskRow key={task.id} task={task} now={now} onResolved={refresh} />
                  ))}
                </ul>
              </>
            )}
          </section>
          <section className="panel" aria-labelledby="notifications-title">
            <header className="panel__head">
              <h2 id="notifications-title">My notifications</h2>
              <span className="panel__hint">
                {formatCount(data.myNotifications.filter((entry) => !entry.readAt).length)} unread
              </span>
            </header>
            {data.myNotifications.length === 0 ? (
              <EmptyState title="No notifications">
                Planned changes to records you own are announced here ahead of time.
              </EmptyState>
            ) : (
              <ul className="md-list" aria-label="Notifications">
                {data.myNotifications.map((notification) => (
                  <NotificationRow key={notification.id} notification={notification} />
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
      <EventPropagation />
    </div>
  );
}
