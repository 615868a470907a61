import { t } from '../platform/i18n.ts';
import { describeError } from '../ui/describe-error.ts';

interface Props {
  /** The rename dialog's code could not be loaded. */
  readonly viewLoadError: unknown;
  /** The last failed copy or edit, already in words; '' when there is none. */
  readonly problem: string;
  /** Stored accounts this build cannot read. */
  readonly unreadable: number;
  /** Reading the vault failed, with this error. */
  readonly loadFailed: { readonly error: unknown } | undefined;
}

/** The popup's alerts, each in a place of its own so that one appearing never re-creates another. */
export function Alerts({ viewLoadError, problem, unreadable, loadFailed }: Props) {
  return (
    <>
      {viewLoadError !== undefined && (
        <p class="problem" role="alert">
          {t('viewLoadFailed', describeError(viewLoadError))}
        </p>
      )}
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      {unreadable > 0 && (
        <p class="problem" role="alert">
          {t('unreadableAccounts', unreadable)}
        </p>
      )}
      {loadFailed && (
        <p class="problem" role="alert">
          {t('loadFailed', describeError(loadFailed.error))}
        </p>
      )}
    </>
  );
}
