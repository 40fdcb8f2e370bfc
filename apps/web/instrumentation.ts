/** Runs once when the server starts. Under `npm start` the server stops with its supervisor, like every service. */
export function register(): void {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.send) {
    process.once('disconnect', () => process.exit(0));
  }
}
