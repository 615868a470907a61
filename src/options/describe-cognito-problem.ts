import type { CognitoProblem, CognitoProblemCode } from '../cognito/cognito-problem.ts';
import type { CognitoProfileError } from '../cognito/validate-cognito-profile.ts';
import { t, type MessageKey } from '../platform/i18n.ts';

/** Which params fill each message's placeholders, in order. */
const ARGS: Readonly<Record<CognitoProblemCode, readonly string[]>> = {
  'password-flow-not-enabled': ['clientId', 'setting'],
  'srp-flow-not-enabled': ['clientId', 'setting'],
  'auth-flows-not-enabled': ['clientId', 'settings'],
  'client-secret-missing': ['clientId'],
  'client-secret-wrong': ['clientId'],
  'app-client-not-found': ['message', 'region', 'poolId', 'clientId'],
  'incorrect-credentials': [],
  'user-not-found': [],
  'user-not-confirmed': [],
  'user-disabled': [],
  'password-reset-required': [],
  'new-password-invalid': ['message'],
  'too-many-failed-attempts': [],
  'session-expired': [],
  'code-mismatch': [],
  'enable-code-mismatch': [],
  'totp-disabled-on-pool': ['poolId', 'command'],
  'mfa-delivery-not-configured': [],
  'enrollment-not-confirmed': ['preferredMfaSetting', 'userMfaSettingList'],
  throttled: [],
  'service-error': ['status'],
  'network-unreachable': ['host'],
  'invalid-parameter': ['message'],
  'unsupported-challenge': ['challenge'],
  'storage-failed': ['name'],
  unknown: ['name', 'message'],
};

const SKEW_WORTH_MENTIONING_S = 5;

const key = (code: string): MessageKey => `problem_${code.replaceAll('-', '_')}` as MessageKey;

/** The localized message for a Cognito problem, with the fix in plain words. */
export function describeCognitoProblem(problem: CognitoProblem): string {
  const skew = problem.params['skewSeconds'];
  // The Date header has whole seconds; a few seconds of skew do not explain a rejected code.
  if ((problem.code === 'code-mismatch' || problem.code === 'enable-code-mismatch') && skew !== undefined && Math.abs(Number(skew)) >= SKEW_WORTH_MENTIONING_S) {
    return t(key(`${problem.code}_skew`), skew);
  }
  // The vault locked itself (auto-lock) while the enrollment ran: the fix is to unlock, not to look into storage.
  if (problem.code === 'storage-failed' && problem.params['name'] === 'VaultLockedError') return t('problem_storage_locked');
  return t(key(problem.code), ...ARGS[problem.code].map((name) => problem.params[name] ?? ''));
}

/** The localized message for a profile field error. */
export function describeProfileError(error: CognitoProfileError): string {
  const args: Record<CognitoProfileError['code'], readonly string[]> = {
    'name-missing': [],
    'name-too-long': ['max'],
    'region-invalid': ['value'],
    'pool-id-missing': [],
    'pool-id-invalid': ['value'],
    'pool-region-mismatch': ['region', 'poolRegion'],
    'client-id-missing': [],
    'client-id-invalid': ['value'],
    'endpoint-invalid': ['value'],
    'endpoint-insecure': ['host'],
    'issuer-invalid': [],
    'managed-login-domain-invalid': ['value'],
  };
  return t(`profileError_${error.code.replaceAll('-', '_')}` as MessageKey, ...args[error.code].map((name) => error.params[name] ?? ''));
}
