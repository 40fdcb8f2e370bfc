import {
  type ExceptionRaisedData,
  exceptionRaisedData,
  type KpiUpdatedData,
  kpiUpdatedData,
} from '@meridian/canonical';
import type { Logger } from '@meridian/observability';
import type { z } from 'zod';
import { EventStream } from './event-stream';

/** A CloudEvents envelope as the backbone's live tail hands it over (only the fields the feed reads). */
export interface LiveEnvelope {
  id: string;
  type: string;
  data: unknown;
}

/** The part of @meridian/events' EventBackbone the gateway needs: a live, non-durable tail. */
export interface LiveEventSource {
  tail(options: {
    types: string[];
    handler: (event: LiveEnvelope) => void | Promise<void>;
  }): Promise<{ stop(): Promise<void> }>;
}

export interface LiveTopics {
  exceptionRaised: ExceptionRaisedData;
  kpiUpdated: KpiUpdatedData;
}
export type LiveTopic = keyof LiveTopics;

/** One backbone event on its way to every subscriber of its tenant. */
export interface LiveEvent<Data> {
  id: string;
  data: Data;
  /** Work shared by the subscribers of this one event (e.g. the same gateway query for the same caller). */
  memo: Map<string, Promise<unknown>>;
}

const topicsByType: Record<string, { topic: LiveTopic; schema: z.ZodType<{ tenantId: string }> }> = {
  'quality.exception_raised': { topic: 'exceptionRaised', schema: exceptionRaisedData },
  'supply.kpi_updated': { topic: 'kpiUpdated', schema: kpiUpdatedData },
  'logistics.kpi_updated': { topic: 'kpiUpdated', schema: kpiUpdatedData },
  'quality.kpi_updated': { topic: 'kpiUpdated', schema: kpiUpdatedData },
};

export const LIVE_EVENT_TYPES = Object.keys(topicsByType);

/**
 * Fans the backbone's live events out to WebSocket subscribers, each seeing only its own tenant's events.
 * One tail per gateway process, however many subscribers: the backbone's load does not grow with clients.
 */
export class LiveFeed {
  private readonly subscribers = new Map<string, Set<EventStream<LiveEvent<unknown>>>>();
  private tail?: { stop(): Promise<void> };

  constructor(private readonly logger: Logger) {}

  async start(source: LiveEventSource): Promise<void> {
    this.tail = await source.tail({
      types: LIVE_EVENT_TYPES,
      handler: (envelope) => this.dispatch(envelope),
    });
  }

  async stop(): Promise<void> {
    await this.tail?.stop();
    this.tail = undefined;
  }

  subscribe<Topic extends LiveTopic>(
    topic: Topic,
    tenantId: string,
  ): EventStream<LiveEvent<LiveTopics[Topic]>> {
    const key = `${topic}:${tenantId}`;
    let streams = this.subscribers.get(key);
    if (!streams) {
      streams = new Set();
      this.subscribers.set(key, streams);
    }
    const subscribers = streams;
    const stream = new EventStream<LiveEvent<unknown>>(() => {
      subscribers.delete(stream);
      if (subscribers.size === 0) this.subscribers.delete(key);
    });
    subscribers.add(stream);
    return stream as EventStream<LiveEvent<LiveTopics[Topic]>>;
  }

  get subscriberCount(): number {
    let count = 0;
    for (const streams of this.subscribers.values()) count += streams.size;
    return count;
  }

  dispatch(envelope: LiveEnvelope): void {
    const route = topicsByType[envelope.type];
    if (!route) return;
    const parsed = route.schema.safeParse(envelope.data);
    if (!parsed.success) {
      this.logger.warn(
        { eventId: envelope.id, type: envelope.type, issues: parsed.error.issues },
        'bad live event',
      );
      return;
    }
    const streams = this.subscribers.get(`${route.topic}:${parsed.data.tenantId}`);
    if (!streams) return;
    const event: LiveEvent<unknown> = { id: envelope.id, data: parsed.data, memo: new Map() };
    for (const stream of streams) stream.push(event);
  }
}
