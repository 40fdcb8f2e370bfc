/** `npm start | test | bench | pilot | generate | migrate` — dispatched here once dependencies are installed. */
const [command = 'start', ...args] = process.argv.slice(2);

const commands: Record<string, () => Promise<{ main(args: string[]): Promise<number | undefined> }>> = {
  start: () => import('./start'),
  test: () => import('./test'),
  bench: () => import('./bench'),
  pilot: () => import('./pilot'),
  generate: () => import('./generate'),
  migrate: () => import('./migrate'),
};

const load = commands[command];
if (!load) {
  console.error(`Unknown command "${command}". Try one of: ${Object.keys(commands).join(', ')}.`);
  process.exit(2);
}
const exitCode = await (await load()).main(args);
if (exitCode !== undefined) process.exit(exitCode);
