import { createInbox, headers, type Msg, type NatsConnection } from '@nats-io/transport-node';
import { eventsHeader } from './bundle';

export interface OutgoingMessage {
  subject: string;
  payload: string;
  /** Nats-Msg-Id: JetStream drops a second message with the same id within the duplicate window. */
  msgId: string;
  /** Events in a relayed run (the Meridian-Events header). */
  events?: number;
}

interface PendingBatch {
  remaining: number;
  resolve(): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * Publishes to JetStream with every acknowledgement in flight at once: each message goes out as a plain
 * publish whose reply subject is a token under one inbox of this publisher, and the acknowledgements are
 * counted as they come back. The client library's `js.publish` is a request per message (its own timer,
 * reply handling and promise), which tops out at a few thousand messages a second on this hardware; this
 * reaches several times that. A batch resolves once JetStream acknowledged all of it (duplicates
 * included) and rejects on the first error, or when acknowledgements stop coming.
 */
export class PipelinedPublisher {
  private readonly inbox = createInbox();
  private readonly batchOf = new Map<number, PendingBatch>();
  private nextToken = 0;
  private readonly subscription;

  constructor(
    private readonly nc: NatsConnection,
    private readonly timeoutMs = 10_000,
  ) {
    this.subscription = nc.subscribe(`${this.inbox}.*`, {
      callback: (_error, msg) => this.acknowledged(msg),
    });
  }

  publish(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const tokens: number[] = [];
      const batch: PendingBatch = {
        remaining: messages.length,
        resolve,
        reject,
        timer: setTimeout(
          () => fail(new Error(`no acknowledgement from JetStream within ${this.timeoutMs} ms`)),
          this.timeoutMs,
        ),
      };
      const fail = (error: Error) => {
        clearTimeout(batch.timer);
        for (const token of tokens) this.batchOf.delete(token);
        reject(error);
      };
      batch.reject = fail;
      try {
        for (const message of messages) {
          const token = this.nextToken++;
          tokens.push(token);
          this.batchOf.set(token, batch);
          const messageHeaders = headers();
          messageHeaders.set('Nats-Msg-Id', message.msgId);
          if (message.events !== undefined) messageHeaders.set(eventsHeader, String(message.events));
          this.nc.publish(message.subject, message.payload, {
            reply: `${this.inbox}.${token}`,
            headers: messageHeaders,
          });
        }
      } catch (error) {
        fail(error as Error);
      }
    });
  }

  close(): void {
    this.subscription.unsubscribe();
    for (const batch of new Set(this.batchOf.values())) batch.reject(new Error('publisher closed'));
    this.batchOf.clear();
  }

  private acknowledged(msg: Msg): void {
    const token = Number(msg.subject.slice(this.inbox.length + 1));
    const batch = this.batchOf.get(token);
    if (!batch) return;
    this.batchOf.delete(token);
    const error = rejection(msg);
    if (error) {
      batch.reject(error);
      return;
    }
    if (--batch.remaining === 0) {
      clearTimeout(batch.timer);
      batch.resolve();
    }
  }
}

/** Why JetStream did not store the message, or undefined when it did (or knew it already). */
function rejection(msg: Msg): Error | undefined {
  // A status without a body: 503 when no stream listens on the subject.
  if (msg.data.length === 0) {
    return new Error(
      `JetStream answered ${msg.headers?.code ?? 'without a body'} ${msg.headers?.description ?? ''}`,
    );
  }
  try {
    const ack = msg.json<{ error?: { code?: number; description?: string } }>();
    return ack.error
      ? new Error(`JetStream refused the message: ${ack.error.description ?? ack.error.code}`)
      : undefined;
  } catch {
    return new Error('JetStream answered with something that is not an acknowledgement');
  }
}
