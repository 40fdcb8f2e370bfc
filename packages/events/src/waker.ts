/** The interruptible sleep of a polling loop. A wake-up that arrives mid-round is kept for the next sleep. */
export class Waker {
  private woken = false;
  private interrupt: (() => void) | undefined;

  readonly wake = (): void => {
    this.woken = true;
    this.interrupt?.();
  };

  /** Call at the start of each round: wake-ups before it are covered by that round. */
  startRound(): void {
    this.woken = false;
  }

  sleep(ms: number): Promise<void> {
    if (this.woken) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.interrupt = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.interrupt = done;
    });
  }
}
