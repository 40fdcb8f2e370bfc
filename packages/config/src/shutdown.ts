/**
 * Runs `stop` once when the process is asked to end: SIGINT, SIGTERM, or its supervisor going away
 * (the IPC channel `npm start` opens closes when the supervisor dies), so no service outlives the
 * command that started it.
 */
export function onShutdown(stop: (reason: string) => Promise<void> | void): void {
  let stopping = false;
  const once = (reason: string) => {
    if (stopping) return;
    stopping = true;
    void Promise.resolve(stop(reason)).finally(() => process.exit(0));
  };
  process.once('SIGINT', () => once('SIGINT'));
  process.once('SIGTERM', () => once('SIGTERM'));
  if (process.send) process.once('disconnect', () => once('supervisor exited'));
}
