import { useId } from 'preact/hooks';
import { t } from '../platform/i18n.ts';

interface Props {
  readonly value: string;
  readonly onInput: (value: string) => void;
  /** The refusal to show under the field (a wrong password, the wait), if any. */
  readonly problem: string | undefined;
}

/** The master password an export asks for again (shown only while a master password protects the vault). */
export function MasterPasswordField({ value, onInput, problem }: Props) {
  const id = useId();
  return (
    <div class="field">
      <label>
        {t('masterPassword')}
        <input
          type="password"
          autoComplete="current-password"
          value={value}
          onInput={(e) => onInput(e.currentTarget.value)}
          aria-describedby={problem === undefined ? `${id}-help` : `${id}-help ${id}-error`}
          {...(problem === undefined ? {} : { 'aria-invalid': true })}
        />
      </label>
      <p id={`${id}-help`} class="help">
        {t('backupMasterPasswordHelp')}
      </p>
      {problem !== undefined && (
        <p id={`${id}-error`} class="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
