import {
  type ConsumerConfig,
  JetStreamApiError,
  type JetStreamManager,
  RetentionPolicy,
  StorageType,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { type NatsNaming, replayStreamName, streamName, streamSubjects } from './naming';

export interface StreamLimits {
  /** JetStream duplicate window (Nats-Msg-Id). Default 5 minutes. */
  duplicateWindowMs: number;
  /** How long a stream keeps events (replay, new consumers). Default 7 days. */
  maxAgeMs: number;
}

const streamNameInUse = 10058;

/** Creates streams and durable consumers on first use (idempotent, safe when instances race). */
export class JetStreamTopology {
  private readonly streams = new Map<string, Promise<string>>();

  constructor(
    private readonly jsm: JetStreamManager,
    private readonly naming: NatsNaming,
    private readonly limits: StreamLimits,
  ) {}

  /** The stream of a domain, created if missing. */
  domainStream(domain: string): Promise<string> {
    return this.ensure(streamName(this.naming, domain), streamSubjects(this.naming, domain));
  }

  replayStream(): Promise<string> {
    return this.ensure(replayStreamName(this.naming), [`${this.naming.subjectPrefix}-replay.>`]);
  }

  async durableConsumer(stream: string, config: Partial<ConsumerConfig> & { durable_name: string }) {
    try {
      await this.jsm.consumers.add(stream, config);
    } catch (error) {
      if (!(error instanceof JetStreamApiError)) throw error;
      // It exists with an older configuration (e.g. new types after a deploy).
      await this.jsm.consumers.update(stream, config.durable_name, config);
    }
  }

  private ensure(name: string, subjects: string[]): Promise<string> {
    let stream = this.streams.get(name);
    if (!stream) {
      stream = this.create(name, subjects);
      this.streams.set(name, stream);
      stream.catch(() => this.streams.delete(name));
    }
    return stream;
  }

  private async create(name: string, subjects: string[]): Promise<string> {
    try {
      await this.jsm.streams.add({
        name,
        subjects,
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        duplicate_window: nanos(this.limits.duplicateWindowMs),
        max_age: nanos(this.limits.maxAgeMs),
      });
    } catch (error) {
      // Another instance created it first (possibly with other limits; operators own those once set).
      if (!(error instanceof JetStreamApiError && error.code === streamNameInUse)) throw error;
    }
    return name;
  }
}
