import type { ExplicitAuthFlowsType, UserPoolMfaType } from '@aws-sdk/client-cognito-identity-provider';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// cognito-local (https://github.com/jagregory/cognito-local, a dev dependency) run as a child process, the way a
// developer runs `npx cognito-local`: its bin reads PORT and HOST from the environment (lib/server/config.js) and
// keeps its data in `.cognito/` under the working directory (lib/server/defaults.js), so each harness gets a
// fresh temporary folder as working directory and PORT=0 (a free port, read back from the start-up line).

/** What {@link CognitoLocal.createPool} sets up. */
export interface LocalPoolSetup {
  /** The pool's MfaConfiguration; default OPTIONAL. */
  readonly mfa?: UserPoolMfaType;
  /** SoftwareTokenMfaConfiguration.Enabled; default true. */
  readonly totp?: boolean;
  /** The app client's ExplicitAuthFlows; default ALLOW_USER_PASSWORD_AUTH and ALLOW_REFRESH_TOKEN_AUTH. */
  readonly explicitAuthFlows?: readonly ExplicitAuthFlowsType[];
  /** An e-mail address (cognito-local pools take e-mail usernames by default); default user@example.com. */
  readonly username?: string;
  /** The user's permanent password; default Correct-horse-1. */
  readonly password?: string;
}

/** A pool, app client and confirmed user (permanent password) on cognito-local. */
export interface LocalPool {
  /** `local_` and 8 characters, whatever the region. */
  readonly userPoolId: string;
  readonly clientId: string;
  readonly username: string;
  readonly password: string;
}

export interface CognitoLocal {
  /** http://127.0.0.1:<port>, the endpoint for SDK clients and for Keystep's profile. */
  readonly url: string;
  /** The temporary working directory; cognito-local writes `.cognito/config.json` and `.cognito/db/*.json` in it. */
  readonly dataDir: string;
  /** An SDK client on {@link url} (region us-east-1, dummy credentials, maxAttempts 1: no retries). */
  readonly sdk: CognitoIdentityProviderClient;
  /** Creates a pool (MFA as asked, TOTP on), an app client and a user with a permanent password. */
  createPool(setup?: LocalPoolSetup): Promise<LocalPool>;
  /** What the process printed so far, stdout and stderr, without colour codes. */
  output(): string;
  /** Stops the process (SIGTERM, then SIGKILL after 5 s) and deletes the data folder. */
  stop(): Promise<void>;
}

export interface StartCognitoLocalOptions {
  /** How long to wait for the start-up line before giving up, ms; default 20,000. */
  readonly startTimeoutMs?: number;
}

const START_SCRIPT = createRequire(import.meta.url).resolve('cognito-local/lib/bin/start.js');
// The line the bin logs once listening (lib/bin/start.js): "Cognito Local running on http://127.0.0.1:40123".
const RUNNING = /Cognito Local running on (http:\/\/127\.0\.0\.1:\d+)/;
// eslint-disable-next-line no-control-regex -- pino-pretty colours its output even into a pipe.
const ANSI = /\u001b\[[0-9;]*m/g;

let poolCount = 0;

/** Starts cognito-local on 127.0.0.1 (a free port) with an empty data folder. */
export async function startCognitoLocal(options: StartCognitoLocalOptions = {}): Promise<CognitoLocal> {
  const dataDir = await mkdtemp(join(tmpdir(), 'keystep-cognito-local-'));
  const child = spawn(process.execPath, [START_SCRIPT], {
    cwd: dataDir,
    // Only what it needs: no AWS credentials or DEBUG from the caller's environment reach it.
    env: { PORT: '0', HOST: '127.0.0.1', AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // A test run that ends without stop() (a crash, an interrupted run) must not leave the server running.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`cognito-local did not start within ${options.startTimeoutMs ?? 20_000} ms. Output:\n${printed}`));
    }, options.startTimeoutMs ?? 20_000);
    const collect = (chunk: Buffer): void => {
      printed += chunk.toString('utf8').replace(ANSI, '');
      const match = RUNNING.exec(printed);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`cognito-local exited with code ${String(code)} before listening. Output:\n${printed}`));
    });
  }).catch(async (error: unknown) => {
    process.off('exit', killOnExit);
    child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });

  const sdk = new CognitoIdentityProviderClient({
    region: 'us-east-1',
    endpoint: url,
    maxAttempts: 1,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

  const createPool = async (setup: LocalPoolSetup = {}): Promise<LocalPool> => {
    poolCount += 1;
    const username = setup.username ?? 'user@example.com';
    const password = setup.password ?? 'Correct-horse-1';
    // As on AWS: created with MFA off, then switched (cognito-totp-walkthrough.md in the shared notes).
    const pool = await sdk.send(new CreateUserPoolCommand({ PoolName: `keystep-test-${poolCount}` }));
    const userPoolId = pool.UserPool?.Id;
    if (userPoolId === undefined) throw new Error('CreateUserPool returned no Id');
    await sdk.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: userPoolId,
        MfaConfiguration: setup.mfa ?? 'OPTIONAL',
        SoftwareTokenMfaConfiguration: { Enabled: setup.totp ?? true },
      }),
    );
    const client = await sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: 'keystep',
        ExplicitAuthFlows: [...(setup.explicitAuthFlows ?? ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'])],
      }),
    );
    const clientId = client.UserPoolClient?.ClientId;
    if (clientId === undefined) throw new Error('CreateUserPoolClient returned no ClientId');
    await sdk.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: username,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: username },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: password, Permanent: true }));
    return { userPoolId, clientId, username, password };
  };

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      sdk.destroy();
      process.off('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(killer);
      }
      await rm(dataDir, { recursive: true, force: true });
    })();
    return stopping;
  };

  return { url, dataDir, sdk, createPool, output: () => printed, stop };
}
