import type { PasswordPolicy } from '../server-model.ts';
import { serviceErrors } from '../service-errors.ts';

/** Cognito's default policy for new pools. https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-policies.html */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
};

// The special characters Cognito counts as symbols (same page).
const SYMBOLS = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/;

/** Throws InvalidPasswordException naming the first rule the password breaks (never the password). */
export function checkPasswordPolicy(policy: PasswordPolicy, password: string): void {
  const rules: readonly (readonly [boolean, string])[] = [
    [password.length < policy.MinimumLength, 'Password not long enough'],
    [policy.RequireLowercase && !/[a-z]/.test(password), 'Password must have lowercase characters'],
    [policy.RequireUppercase && !/[A-Z]/.test(password), 'Password must have uppercase characters'],
    [policy.RequireNumbers && !/[0-9]/.test(password), 'Password must have numeric characters'],
    [policy.RequireSymbols && !SYMBOLS.test(password), 'Password must have symbol characters'],
  ];
  const broken = rules.find(([fails]) => fails);
  if (broken !== undefined) throw serviceErrors.invalidPassword(broken[1]);
}
