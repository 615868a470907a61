import { readJsObjectLiterals } from '../core/read-js-object-literals.ts';
import type { ProfileSource } from './profile-source.ts';
import { readAmplifyConfig } from './read-amplify-config.ts';
import { readCognitoUrl } from './read-cognito-url.ts';

/** Longest text read at all, in UTF-16 code units (4 MiB: an amplify_outputs.json with a large data model). */
export const MAX_SOURCE_LENGTH = 4 * 1024 * 1024;
/** Longest text read as JavaScript (256 KiB; aws-exports.js files are a few kB). */
export const MAX_SCRIPT_LENGTH = 256 * 1024;

// A URL on its own, possibly in quotes or angle brackets as chat tools and Markdown write them.
const LONE_URL = /^(["'<]?)(https?:\/\/\S+?)(["'>]?)$/i;

/**
 * Reads the text of a pasted or chosen file as the source of a Cognito connection profile: Amplify Gen 2
 * `amplify_outputs.json`, Gen 1 `aws-exports.js` or `amplifyconfiguration.json` (web and native forms), an
 * Amplify JS configure object, a managed login (hosted UI) URL or a pool's issuer URL. JavaScript is read as
 * literals, never run. Returns the profile fields found and those missing, `no-user-pool` for a config without a
 * Cognito user pool, or `unreadable` with the reason. Never throws. The fields are as found: the profile form
 * checks them (see validate-cognito-profile.ts) before anything is saved.
 */
export function readProfileSource(text: string): ProfileSource {
  if (text.length > MAX_SOURCE_LENGTH) return { kind: 'unreadable', reason: 'too-long' };
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { kind: 'unreadable', reason: 'empty' };

  const lone = LONE_URL.exec(trimmed);
  if (lone) return readCognitoUrl(lone[2] ?? '');

  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let value: unknown;
    let parsed = true;
    try {
      value = JSON.parse(trimmed);
    } catch {
      parsed = false;
    }
    if (parsed) return readAmplifyConfig(value, 'json') ?? { kind: 'unreadable', reason: 'unknown-json' };
  }

  if (trimmed.length > MAX_SCRIPT_LENGTH) return { kind: 'unreadable', reason: 'too-long' };
  let withoutPool: ProfileSource | undefined;
  for (const object of readJsObjectLiterals(trimmed)) {
    const result = readAmplifyConfig(object, 'javascript');
    if (result?.kind === 'found') return result;
    withoutPool ??= result;
  }
  const embedded = embeddedJson(trimmed);
  return embedded?.kind === 'found' ? embedded : (withoutPool ?? embedded ?? { kind: 'unreadable', reason: 'unknown-text' });
}

/**
 * A config in JSON inside another language's string, such as Flutter's amplifyconfiguration.dart
 * (`const amplifyconfig = ''' {...} ''';`): the text from the first `{` to the last `}`, read as JSON.
 */
function embeddedJson(text: string): ProfileSource | undefined {
  const first = text.indexOf('{');
  const last = text.lastIndexOf('}');
  if (first < 0 || last <= first) return undefined;
  try {
    return readAmplifyConfig(JSON.parse(text.slice(first, last + 1)), 'json');
  } catch {
    return undefined;
  }
}
