import type { SignInFlow } from './cognito-api.ts';
import type { ProfileSource, ProfileSourceHints, ProfileSourceSyntax } from './profile-source.ts';
import { domainName, fieldText, foundSource, poolRegion } from './profile-source.ts';

type Shape = Readonly<Record<string, unknown>>;

/** A config shape: a value and the syntax it was read in; undefined when the value is not of this shape. */
type Recognizer = (node: Shape, syntax: ProfileSourceSyntax) => ProfileSource | undefined;

// Objects looked at, breadth first, before giving up: a config nested in a bigger file is found, a huge file
// (amplify_outputs.json with a data model) is not walked to its end.
const MAX_NODES = 2_000;
// The top-level sections of amplify_outputs.json besides `version`.
const OUTPUTS_SECTIONS = ['auth', 'data', 'storage', 'analytics', 'geo', 'notifications', 'custom'];

function isShape(value: unknown): value is Shape {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path` (own properties only), or undefined. */
function at(value: unknown, ...path: readonly string[]): unknown {
  let node = value;
  for (const key of path) {
    if (!isShape(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

function signInFlow(value: unknown): SignInFlow | undefined {
  return value === 'USER_SRP_AUTH' || value === 'USER_PASSWORD_AUTH' ? value : undefined;
}

/** Hints without the absent ones (the result type has optional, not undefined, members). */
function hints(flow: SignInFlow | undefined, mfa: ProfileSourceHints['mfa'], totp: boolean | undefined): ProfileSourceHints {
  return { ...(flow === undefined ? {} : { signInFlow: flow }), ...(mfa === undefined ? {} : { mfa }), ...(totp === undefined ? {} : { totp }) };
}

/** Whether a list of MFA method names includes TOTP; undefined when there is no list. */
function listsTotp(methods: unknown): boolean | undefined {
  return Array.isArray(methods) ? methods.includes('TOTP') : undefined;
}

/** Maps an MFA setting through `names` (e.g. NONE -> off); undefined when absent or unknown. */
function mfaMode(value: unknown, names: Readonly<Record<string, ProfileSourceHints['mfa']>>): ProfileSourceHints['mfa'] {
  return typeof value === 'string' && Object.hasOwn(names, value) ? names[value] : undefined;
}

/**
 * Amplify Gen 2 amplify_outputs.json: `auth.user_pool_id`, `auth.user_pool_client_id`, `auth.aws_region`,
 * `auth.oauth.domain`, `auth.mfa_configuration` (NONE, OPTIONAL, REQUIRED), `auth.mfa_methods` (SMS, TOTP).
 * https://docs.amplify.aws/react/reference/amplify_outputs/
 */
const amplifyOutputs: Recognizer = (node, syntax) => {
  const auth = at(node, 'auth');
  const userPoolId = fieldText(at(auth, 'user_pool_id'));
  const clientId = fieldText(at(auth, 'user_pool_client_id'));
  if (userPoolId !== undefined || clientId !== undefined) {
    return foundSource(
      'amplify-outputs',
      syntax,
      { region: fieldText(at(auth, 'aws_region')), userPoolId, clientId, managedLoginDomain: domainName(at(auth, 'oauth', 'domain')) },
      hints(
        signInFlow(at(auth, 'authentication_flow_type')),
        mfaMode(at(auth, 'mfa_configuration'), { NONE: 'off', OPTIONAL: 'optional', REQUIRED: 'required' }),
        listsTotp(at(auth, 'mfa_methods')),
      ),
    );
  }
  const version = at(node, 'version');
  const claimed = typeof version === 'string' && /^1(?:\.\d+)*$/.test(version) && OUTPUTS_SECTIONS.some((key) => Object.hasOwn(node, key));
  return claimed ? { kind: 'no-user-pool', format: 'amplify-outputs', syntax } : undefined;
};

/**
 * Amplify Gen 1 aws-exports.js and web amplifyconfiguration.json: `aws_user_pools_id`,
 * `aws_user_pools_web_client_id`, `aws_cognito_region` (else `aws_project_region`), `oauth.domain`,
 * `aws_cognito_mfa_configuration` (OFF, OPTIONAL, ON), `aws_cognito_mfa_types`. The keys amplify-js reads:
 * https://github.com/aws-amplify/amplify-js/blob/main/packages/core/src/parseAWSExports.ts
 */
const amplifyCliConfig: Recognizer = (node, syntax) => {
  const userPoolId = fieldText(at(node, 'aws_user_pools_id'));
  const clientId = fieldText(at(node, 'aws_user_pools_web_client_id'));
  if (userPoolId === undefined && clientId === undefined) {
    return Object.hasOwn(node, 'aws_project_region') ? { kind: 'no-user-pool', format: 'amplify-cli-config', syntax } : undefined;
  }
  // The Cognito region first: the project's region can differ from the pool's.
  const region = fieldText(at(node, 'aws_cognito_region')) ?? poolRegion(userPoolId) ?? fieldText(at(node, 'aws_project_region'));
  return foundSource(
    'amplify-cli-config',
    syntax,
    { region, userPoolId, clientId, managedLoginDomain: domainName(at(node, 'oauth', 'domain')) },
    hints(
      undefined,
      mfaMode(at(node, 'aws_cognito_mfa_configuration'), { OFF: 'off', OPTIONAL: 'optional', ON: 'required' }),
      listsTotp(at(node, 'aws_cognito_mfa_types')),
    ),
  );
};

/**
 * Amplify Gen 1 amplifyconfiguration.json of the Android, Swift and Flutter libraries:
 * `auth.plugins.awsCognitoAuthPlugin.CognitoUserPool.Default` {PoolId, AppClientId, Region} and
 * `...Auth.Default` {authenticationFlowType, OAuth: {WebDomain, AppClientId}}.
 * https://docs.amplify.aws/android/build-a-backend/auth/existing-resources/
 */
const amplifyPluginConfig: Recognizer = (node, syntax) => {
  const plugin = at(node, 'auth', 'plugins', 'awsCognitoAuthPlugin');
  if (!isShape(plugin)) return undefined;
  const pool = at(plugin, 'CognitoUserPool', 'Default');
  const auth = at(plugin, 'Auth', 'Default');
  const userPoolId = fieldText(at(pool, 'PoolId'));
  const clientId = fieldText(at(pool, 'AppClientId')) ?? fieldText(at(auth, 'OAuth', 'AppClientId'));
  if (userPoolId === undefined && clientId === undefined) return { kind: 'no-user-pool', format: 'amplify-plugin-config', syntax };
  return foundSource(
    'amplify-plugin-config',
    syntax,
    { region: fieldText(at(pool, 'Region')), userPoolId, clientId, managedLoginDomain: domainName(at(auth, 'OAuth', 'WebDomain')) },
    hints(signInFlow(at(auth, 'authenticationFlowType')), undefined, undefined),
  );
};

/**
 * An object for Amplify JS: v6 `Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId,
 * loginWith: { oauth: { domain } }, mfa: { status, totpEnabled } } } })`
 * (https://docs.amplify.aws/gen1/nextjs/tools/libraries/configure-categories/), v5 `{ Auth: { region,
 * userPoolId, userPoolWebClientId, authenticationFlowType, oauth: { domain } } }`, or the v5 `Auth.configure`
 * argument itself (the same keys at the top).
 */
const amplifyConfigure: Recognizer = (node, syntax) => {
  const auth = at(node, 'Auth');
  const cognito = at(auth, 'Cognito');
  if (isShape(cognito)) {
    const userPoolId = fieldText(at(cognito, 'userPoolId'));
    const clientId = fieldText(at(cognito, 'userPoolClientId'));
    if (userPoolId === undefined && clientId === undefined) return { kind: 'no-user-pool', format: 'amplify-configure', syntax };
    const totp = at(cognito, 'mfa', 'totpEnabled');
    return foundSource(
      'amplify-configure',
      syntax,
      { region: undefined, userPoolId, clientId, managedLoginDomain: domainName(at(cognito, 'loginWith', 'oauth', 'domain')) },
      hints(undefined, mfaMode(at(cognito, 'mfa', 'status'), { off: 'off', optional: 'optional', on: 'required' }), typeof totp === 'boolean' ? totp : undefined),
    );
  }
  for (const options of [auth, node]) {
    const userPoolId = fieldText(at(options, 'userPoolId'));
    const clientId = fieldText(at(options, 'userPoolWebClientId')) ?? fieldText(at(options, 'userPoolClientId'));
    if (userPoolId === undefined && clientId === undefined) continue;
    return foundSource(
      'amplify-configure',
      syntax,
      { region: fieldText(at(options, 'region')), userPoolId, clientId, managedLoginDomain: domainName(at(options, 'oauth', 'domain')) },
      hints(signInFlow(at(options, 'authenticationFlowType')), undefined, undefined),
    );
  }
  return isShape(auth) ? { kind: 'no-user-pool', format: 'amplify-configure', syntax } : undefined;
};

const RECOGNIZERS: readonly Recognizer[] = [amplifyPluginConfig, amplifyOutputs, amplifyCliConfig, amplifyConfigure];

/**
 * Finds an Amplify config in a parsed JSON value or object literal, looking at the value and then at the
 * objects inside it, breadth first (up to 2,000 objects), so a config nested in a bigger file is found too.
 * The first object that holds a user pool wins; failing that, the first config of a known kind without one
 * (`no-user-pool`); undefined when nothing has a known shape.
 */
export function readAmplifyConfig(root: unknown, syntax: ProfileSourceSyntax): ProfileSource | undefined {
  const queue: unknown[] = [root];
  let withoutPool: ProfileSource | undefined;
  for (let index = 0; index < queue.length && index < MAX_NODES; index += 1) {
    const node = queue[index];
    const children = Array.isArray(node) ? (node as readonly unknown[]) : isShape(node) ? Object.values(node) : [];
    if (isShape(node)) {
      for (const recognize of RECOGNIZERS) {
        const result = recognize(node, syntax);
        if (result?.kind === 'found') return result;
        withoutPool ??= result;
      }
    }
    for (const child of children) {
      if (queue.length >= MAX_NODES) break;
      if (typeof child === 'object' && child !== null) queue.push(child);
    }
  }
  return withoutPool;
}
