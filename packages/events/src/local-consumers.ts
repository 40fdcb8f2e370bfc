import type { TypeSelector } from './event-types';

/** A durable consumer running in this process, as the backbone's stats need it. */
export interface LocalConsumer {
  selector: TypeSelector;
  /** Events this instance holds for another attempt (batch consumers retry in memory). */
  retrying(): number;
}

/** Durable consumers started on one backbone; a name may run more than once (tests, standby instances). */
export class LocalConsumers {
  private readonly running = new Map<string, Set<LocalConsumer>>();

  add(name: string, consumer: LocalConsumer): () => void {
    let instances = this.running.get(name);
    if (!instances) {
      instances = new Set();
      this.running.set(name, instances);
    }
    instances.add(consumer);
    return () => {
      instances.delete(consumer);
      if (instances.size === 0) this.running.delete(name);
    };
  }

  selectorOf(name: string): TypeSelector | undefined {
    const [first] = this.running.get(name) ?? [];
    return first?.selector;
  }

  retrying(name: string): number {
    let events = 0;
    for (const instance of this.running.get(name) ?? []) events += instance.retrying();
    return events;
  }

  names(): string[] {
    return [...this.running.keys()];
  }
}
