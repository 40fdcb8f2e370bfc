import { createInbox, type Msg, type NatsConnection, nanos } from '@nats-io/transport-node';

/** A JetStream message fetched by `pull`, with the acknowledgements a batch consumer uses. */
export interface PulledMessage {
  subject: string;
  /** Stream sequence. */
  seq: number;
  deliveryCount: number;
  /** Messages the JetStream consumer still had to deliver after this one. */
  pending: number;
  json<T = unknown>(): T;
  ack(): void;
  nak(delayMs?: number): void;
  term(): void;
  /** Restarts the ack wait while the message is still being worked on. */
  working(): void;
}

export interface Pull {
  messages: Promise<PulledMessage[]>;
  /** Resolves `messages` with what arrived so far; anything arriving later is handed back (nak). */
  cancel(): void;
}

// $JS.ACK.<stream>.<consumer>.<delivered>.<stream seq>.<consumer seq>.<time>.<pending>, or with
// <domain>.<account hash> after ACK and a random token at the end (servers from 2.10 on).
function parseAckSubject(reply: string): { deliveryCount: number; seq: number; pending: number } {
  const tokens = reply.split('.');
  const at = tokens.length === 9 ? 2 : 4;
  return {
    deliveryCount: Number(tokens[at + 2]),
    seq: Number(tokens[at + 3]),
    pending: Number(tokens[at + 6]),
  };
}

/** A class rather than an object of closures: thousands a second are made, each method shared. */
class JetStreamMessage implements PulledMessage {
  readonly subject: string;
  readonly seq: number;
  readonly deliveryCount: number;
  readonly pending: number;

  constructor(private readonly msg: Msg) {
    this.subject = msg.subject;
    const info = parseAckSubject(msg.reply!);
    this.seq = info.seq;
    this.deliveryCount = info.deliveryCount;
    this.pending = info.pending;
  }

  json<T = unknown>(): T {
    return this.msg.json<T>();
  }

  ack(): void {
    this.msg.respond('+ACK');
  }

  nak(delayMs?: number): void {
    this.msg.respond(delayMs ? `-NAK ${JSON.stringify({ delay: nanos(delayMs) })}` : '-NAK');
  }

  term(): void {
    this.msg.respond('+TERM');
  }

  working(): void {
    this.msg.respond('+WPI');
  }
}

/**
 * One pull request to a durable JetStream consumer, in the server's own terms: without `expiresMs` it is a
 * no-wait request that returns at once with up to `batch` messages that are ready; with it, the request
 * waits up to that long for the first messages. The client library's `fetch` has no no-wait mode and keeps
 * a request open until the whole batch arrived, which is what a low-latency batch consumer cannot use.
 * `maxBytes` ends the request early once that many bytes were delivered; the server answers a request whose
 * first message is larger than that with a status and no message, so it must exceed the largest message.
 */
export function pull(
  nc: NatsConnection,
  stream: string,
  durable: string,
  request: { batch: number; expiresMs?: number; maxBytes?: number },
): Pull {
  const inbox = createInbox();
  const received: PulledMessage[] = [];
  let settled = false;
  let resolveMessages!: (messages: PulledMessage[]) => void;
  const messages = new Promise<PulledMessage[]>((resolve) => {
    resolveMessages = resolve;
  });
  const settle = () => {
    if (settled) return;
    settled = true;
    resolveMessages(received.splice(0));
  };
  const end = () => {
    clearTimeout(safety);
    subscription.unsubscribe();
    settle();
  };
  const subscription = nc.subscribe(inbox, {
    callback: (error, msg) => {
      // A message without a reply subject is a status: no messages, request expired, limits reached.
      if (error || !msg.reply) {
        end();
        return;
      }
      const pulled = new JetStreamMessage(msg);
      if (settled) {
        pulled.nak();
        return;
      }
      received.push(pulled);
      if (received.length >= request.batch) end();
    },
  });
  // The server always answers; this only guards against a lost connection.
  const safety = setTimeout(end, (request.expiresMs ?? 0) + 5_000);
  const body = {
    batch: request.batch,
    ...(request.maxBytes === undefined ? {} : { max_bytes: request.maxBytes }),
    ...(request.expiresMs === undefined ? { no_wait: true } : { expires: nanos(request.expiresMs) }),
  };
  nc.publish(`$JS.API.CONSUMER.MSG.NEXT.${stream}.${durable}`, JSON.stringify(body), { reply: inbox });
  return { messages, cancel: settle };
}
