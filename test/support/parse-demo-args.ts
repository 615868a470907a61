/** The command line of `npm run demo` (see DEMO_USAGE). */
export interface DemoArgs {
  /** Port of the local Cognito server; absent: the default port, or a free one when it is taken. */
  readonly port?: number;
  /** True: headless even when a display is available. */
  readonly headless: boolean;
  /** Chromium profile folder to use and keep; absent: a temporary one, deleted at exit. */
  readonly profileDir?: string;
  readonly help: boolean;
}

/** The local Cognito server's port unless --port says otherwise (cognito-local's default too). */
export const DEMO_PORT = 9229;

export const DEMO_USAGE = `Usage: npm run demo -- [--port N] [--headless] [--profile DIR]
  --port N       port of the local Cognito server on 127.0.0.1 (default ${DEMO_PORT}, or a free port when
                 ${DEMO_PORT} is taken; 0: any free port)
  --headless     run Chromium headless even when a display is available
  --profile DIR  Chromium profile folder to use and keep (default: a temporary one, deleted at exit)
  --help         this text`;

/** `--name value` or `--name=value`: the value, and how many arguments it took. */
function valueOf(name: string, args: readonly string[], index: number): { value: string; used: number } {
  const arg = args[index] ?? '';
  if (arg.startsWith(`${name}=`)) return { value: arg.slice(name.length + 1), used: 1 };
  const next = args[index + 1];
  if (next === undefined || next.startsWith('--')) throw new Error(`${name} needs a value`);
  return { value: next, used: 2 };
}

/**
 * Reads the demo's arguments (what follows `npm run demo --`).
 * @throws {Error} naming the argument when one is unknown, lacks its value, or the port is not 0-65535.
 */
export function parseDemoArgs(args: readonly string[]): DemoArgs {
  let port: number | undefined;
  let profileDir: string | undefined;
  let headless = false;
  let help = false;
  for (let index = 0; index < args.length; ) {
    const arg = args[index] ?? '';
    const name = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    if (name === '--port') {
      const { value, used } = valueOf(name, args, index);
      if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new Error(`--port needs a number from 0 to 65535, got "${value}"`);
      port = Number(value);
      index += used;
    } else if (name === '--profile') {
      const { value, used } = valueOf(name, args, index);
      if (value.trim() === '') throw new Error('--profile needs a folder, got ""');
      profileDir = value;
      index += used;
    } else if (arg === '--headless') {
      headless = true;
      index += 1;
    } else if (arg === '--help' || arg === '-h') {
      help = true;
      index += 1;
    } else {
      throw new Error(`Unknown argument "${arg}"`);
    }
  }
  return { headless, help, ...(port === undefined ? {} : { port }), ...(profileDir === undefined ? {} : { profileDir }) };
}
