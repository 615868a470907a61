// Demo CLI: npx tsx test/support/cognito-server/main.ts [--port N]
// Starts the local Cognito server with the demo seed, prints {url, ...seed} as one JSON line, runs until SIGINT/SIGTERM.
import { seedDemo } from './seed-demo.ts';
import { startCognitoServer } from './start-cognito-server.ts';

function parsePort(args: readonly string[]): number {
  const index = args.findIndex((a) => a === '--port' || a.startsWith('--port='));
  if (index < 0) return 0;
  const arg = args[index] ?? '';
  const text = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (args[index + 1] ?? '');
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new Error(`--port needs a number from 0 to 65535, got "${text}"`);
  return port;
}

const server = await startCognitoServer({ port: parsePort(process.argv.slice(2)) });
const seed = seedDemo(server);
console.log(JSON.stringify({ url: server.url, ...seed }));

const stop = (): void => {
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('cognito-server: close failed', error);
      process.exit(1);
    },
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
