import pg from 'pg';
import type { BackboneLogger } from './port';

type Listener = (payload: string) => void;

/**
 * One LISTEN connection shared by every consumer and tail of a backbone. Reconnects with backoff when
 * the database goes away and tells `onReconnect` subscribers, who may have missed notifications.
 */
export class NotificationListener {
  private client: pg.Client | undefined;
  private readonly notifyListeners = new Set<Listener>();
  private readonly reconnectListeners = new Set<() => void>();
  private started: Promise<void> | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private reconnectDelayMs = minReconnectDelayMs;
  private closed = false;

  constructor(
    private readonly connection: pg.ClientConfig,
    private readonly channel: string,
    private readonly logger: BackboneLogger,
  ) {}

  /** Resolves once LISTEN is active (the first time only; later reconnects happen in the background). */
  start(): Promise<void> {
    this.started ??= this.connect();
    return this.started;
  }

  onNotify(listener: Listener): () => void {
    this.notifyListeners.add(listener);
    return () => this.notifyListeners.delete(listener);
  }

  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    await this.client?.end().catch(() => {});
    this.client = undefined;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client(this.connection);
    client.on('notification', (message) => {
      if (message.channel !== this.channel) return;
      for (const listener of this.notifyListeners) listener(message.payload ?? '');
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    this.client = client;
    this.reconnectDelayMs = minReconnectDelayMs;
  }

  private lost(client: pg.Client, error: Error): void {
    if (this.closed || this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => {});
    this.logger.warn({ err: error.message }, 'event backbone: LISTEN connection lost, reconnecting');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.reconnectTimer = setTimeout(async () => {
      if (this.closed) return;
      try {
        await this.connect();
        this.logger.info({}, 'event backbone: LISTEN connection restored');
        for (const listener of this.reconnectListeners) listener();
      } catch (error) {
        this.logger.warn({ err: (error as Error).message }, 'event backbone: reconnect failed, retrying');
        this.reconnectDelayMs = Math.min(this.reconnectDelayMs * 2, maxReconnectDelayMs);
        this.scheduleReconnect();
      }
    }, this.reconnectDelayMs);
  }
}

const minReconnectDelayMs = 100;
const maxReconnectDelayMs = 5_000;
