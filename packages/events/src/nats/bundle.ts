import { type EventEnvelope, envelopeFromLog } from '../envelope';
import type { OutgoingMessage } from './publisher';

/** An outbox row on its way to JetStream. */
export interface RelayedRow {
  /** backbone."EventLog".seq: the event's position in the log, delivered as its `sequence`. */
  seq: string;
  /** backbone."EventLog".xid: the transaction that appended it (a tail tells old from new by it). */
  xid: string;
  subject: string;
  /** The partition bucket (`eventAddress`). */
  bucket: string;
  /** The stored envelope's JSON text. */
  payload: string;
}

/** An event read out of a JetStream message, with the position it is delivered at. */
export interface DeliveredEvent {
  event: EventEnvelope;
  sequence: string;
  /** The appending transaction, when the relay sent it (messages of earlier relays carry none). */
  xid: string | null;
}

// JetStream's cost is per message (about 23 µs of nats-server and 28 µs of client CPU per message stored,
// delivered and acknowledged on our hardware, against about 2 µs per event in messages of 50): the relay
// sends runs of events, not single events. Both limits stay well under NATS's 1 MB default max_payload.
export const maxBundleEvents = 100;
/** The header of a relayed message that says how many events it carries (for the consumers' lag). */
export const eventsHeader = 'Meridian-Events';
export const maxBundleBytes = 256 * 1024;

/**
 * The relay's messages for rows in log order: each message is a run of consecutive rows of one subject
 * within its partition bucket, so the order of a bucket's events (across types too) is the order of its
 * messages. A message's payload is `[["<seq>", <envelope>, "<xid>"], …]`; its Nats-Msg-Id names its first and last
 * log position, so the same rows relayed again after a crash are dropped by the stream's duplicate window.
 * (Rows relayed again in other runs are not; consumers' inboxes absorb those.)
 */
export function bundleRows(rows: readonly RelayedRow[]): OutgoingMessage[] {
  const messages: OutgoingMessage[] = [];
  const openRuns = new Map<string, { subject: string; rows: RelayedRow[]; bytes: number }>();
  const close = (bucket: string) => {
    const run = openRuns.get(bucket);
    if (!run) return;
    openRuns.delete(bucket);
    messages.push({
      subject: run.subject,
      payload: `[${run.rows.map((row) => `["${row.seq}",${row.payload},"${row.xid}"]`).join(',')}]`,
      msgId: `log:${run.rows[0]!.seq}-${run.rows.at(-1)!.seq}`,
      events: run.rows.length,
    });
  };
  for (const row of rows) {
    const { bucket } = row;
    const run = openRuns.get(bucket);
    if (
      run &&
      (run.subject !== row.subject ||
        run.rows.length === maxBundleEvents ||
        run.bytes + row.payload.length > maxBundleBytes)
    ) {
      close(bucket);
    }
    const open = openRuns.get(bucket);
    if (open) {
      open.rows.push(row);
      open.bytes += row.payload.length;
    } else {
      openRuns.set(bucket, { subject: row.subject, rows: [row], bytes: row.payload.length });
    }
  }
  for (const bucket of [...openRuns.keys()]) close(bucket);
  return messages;
}

/**
 * The events of a JetStream message: a relayed run (`[["<seq>", <envelope>], …]`, each delivered at its log
 * position) or one envelope published directly (delivered at the stream sequence). An entry that is not a
 * valid envelope is reported through `invalid` and left out, so the rest of its run still counts.
 */
export function eventsOfMessage(
  data: unknown,
  streamSeq: number,
  invalid: (error: unknown, index: number) => void,
): DeliveredEvent[] {
  if (!Array.isArray(data)) return [{ event: envelopeFromLog(data), sequence: String(streamSeq), xid: null }];
  const events: DeliveredEvent[] = [];
  for (let index = 0; index < data.length; index++) {
    const entry: unknown = data[index];
    try {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !/^\d+$/.test(entry[0])) {
        throw new Error('a relayed entry is not ["<log position>", <envelope>]');
      }
      const xid = typeof entry[2] === 'string' && /^\d+$/.test(entry[2]) ? entry[2] : null;
      events.push({ event: envelopeFromLog(entry[1]), sequence: entry[0], xid });
    } catch (error) {
      invalid(error, index);
    }
  }
  return events;
}
