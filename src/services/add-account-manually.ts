import { accountLabel } from '../core/account-label.ts';
import { OtpInputError } from '../core/otp-input-error.ts';
import { validateAccountDraft, type AccountDraftInput } from '../core/validate-account-draft.ts';
import { addDrafts } from '../core/vault-edits.ts';
import type { NewAccountPorts } from './new-account-ports.ts';
import type { SaveFailed } from './save-failed.ts';

export type AddAccountManuallyResult =
  /** `label` is "" for an account with none. */
  | { readonly kind: 'added' | 'duplicate'; readonly label: string }
  /** The first field the form must fix (`error.field`, undefined when not about one field). Nothing was written. */
  | { readonly kind: 'invalid'; readonly error: OtpInputError }
  | SaveFailed;

/**
 * Adds an account typed in the form (validateAccountDraft's rules and defaults). An account already in the vault
 * (same secret, issuer and name) is not added again and is reported as a duplicate.
 */
export async function addAccountManually(input: AccountDraftInput, { store, clock, newId }: NewAccountPorts): Promise<AddAccountManuallyResult> {
  let draft;
  try {
    draft = validateAccountDraft(input);
  } catch (error) {
    if (error instanceof OtpInputError) return { kind: 'invalid', error };
    throw error;
  }
  try {
    const outcome = await store.update((vault) => {
      const { vault: next, results } = addDrafts(vault, [draft], { newId, now: clock() });
      return { vault: next, result: results[0]?.outcome };
    });
    return { kind: outcome === 'added' ? 'added' : 'duplicate', label: accountLabel(draft) };
  } catch (error) {
    return { kind: 'save-failed', error };
  }
}
