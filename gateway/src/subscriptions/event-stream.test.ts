import { describe, expect, it, vi } from 'vitest';
import { EventStream } from './event-stream';

describe('EventStream', () => {
  it('delivers pushed values in order, to a waiting reader and from the buffer', async () => {
    const stream = new EventStream<number>(() => {});
    const first = stream.next();
    stream.push(1);
    stream.push(2);
    stream.push(3);
    expect(await first).toEqual({ value: 1, done: false });
    expect(await stream.next()).toEqual({ value: 2, done: false });
    expect(await stream.next()).toEqual({ value: 3, done: false });
  });

  it('settles a pending next() and calls onClose once when returned', async () => {
    const onClose = vi.fn();
    const stream = new EventStream<number>(onClose);
    const pending = stream.next();
    await stream.return();
    await stream.return();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(onClose).toHaveBeenCalledTimes(1);
    stream.push(4);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('drops the oldest values when a slow reader falls behind', async () => {
    const stream = new EventStream<number>(() => {}, 2);
    stream.push(1);
    stream.push(2);
    stream.push(3);
    expect(stream.dropped).toBe(1);
    expect(await stream.next()).toEqual({ value: 2, done: false });
    expect(await stream.next()).toEqual({ value: 3, done: false });
  });
});
