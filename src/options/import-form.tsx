import { useId, useRef, useState } from 'preact/hooks';
import type { ImportPreview as FilePreview } from '../core/formats/import-entry.ts';
import type { LockedImport } from '../core/formats/locked-import.ts';
import type { Account } from '../core/vault.ts';
import type { AccountStore } from '../platform/account-store.ts';
import { t, uiFormat } from '../platform/i18n.ts';
import { commitImport } from '../services/commit-import.ts';
import { decryptImport } from '../services/decrypt-import.ts';
import { openImportFile } from '../services/open-import-file.ts';
import { describeError } from '../ui/describe-error.ts';
import { describeImportFormat } from '../ui/describe-import-file-error.ts';
import { ImportPreview } from '../ui/import-preview.tsx';
import { submitWith } from '../ui/submit-with.ts';
import { describeImportFailure } from './describe-import-failure.ts';

interface Props {
  readonly store: AccountStore;
  /** The vault's accounts as shown now (the preview's verdicts follow them); undefined while not readable. */
  readonly accounts: readonly Account[] | undefined;
  /** ms since the epoch. */
  readonly clock: () => number;
  readonly newId: () => string;
}

type Step =
  | { readonly step: 'choose' }
  | { readonly step: 'password'; readonly locked: LockedImport }
  | { readonly step: 'preview'; readonly preview: FilePreview };

/** Files the picker offers first (any file can still be chosen): JSON exports, text lists, 2FAS backups. */
const ACCEPT = '.json,.txt,.2fas,text/plain,application/json';

/**
 * Import from a file: a Keystep backup, another app's export (Google Authenticator lines, Aegis, 2FAS, the
 * Authenticator extension, Bitwarden) or a list of otpauth:// URIs. Choose the file, (give its password,) see a
 * preview with a verdict per entry, then add. Adding never overwrites or removes an account.
 */
export function ImportForm({ store, accounts, clock, newId }: Props) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  // Bumped for each chosen file, so a slow read or decrypt of an earlier file cannot show up later.
  const ticket = useRef(0);
  const [step, setStep] = useState<Step>({ step: 'choose' });
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const close = (): void => {
    ticket.current++;
    setStep({ step: 'choose' });
    setPassword('');
    if (fileInput.current) fileInput.current.value = '';
  };

  const choose = async (file: File | undefined): Promise<void> => {
    const mine = ++ticket.current;
    setStep({ step: 'choose' });
    setPassword('');
    setProblem('');
    setStatus('');
    if (!file) return;
    const opened = await openImportFile(file);
    if (mine !== ticket.current) return;
    switch (opened.kind) {
      case 'read-failed':
        setProblem(t('importReadFailed', describeError(opened.error)));
        return;
      case 'unreadable':
        setProblem(describeImportFailure(opened.error));
        return;
      case 'password':
        setStep({ step: 'password', locked: opened.locked });
        return;
      case 'preview':
        setStep({ step: 'preview', preview: opened.preview });
    }
  };

  const decrypt = async (locked: LockedImport): Promise<void> => {
    const mine = ticket.current;
    setProblem('');
    setStatus(t('importDecrypting'));
    setBusy(true);
    try {
      const decrypted = await decryptImport(locked, password);
      if (mine !== ticket.current) return;
      setStatus('');
      if (decrypted.kind === 'preview') setStep({ step: 'preview', preview: decrypted.preview });
      else setProblem(describeImportFailure(decrypted.error));
    } finally {
      setPassword('');
      setBusy(false);
    }
  };

  const add = async (preview: FilePreview): Promise<void> => {
    setProblem('');
    setBusy(true);
    try {
      // commitImport checks duplicates again under the vault lock: another page may have added some meanwhile.
      const result = await commitImport(preview.entries, { store, clock, newId });
      if (result.kind === 'save-failed') {
        setProblem(t('saveFailed', describeError(result.error)));
        return;
      }
      const { added, existing, refused } = result;
      close();
      setStatus(refused > 0 ? t('importDoneWithErrors', added, existing, refused) : t('importDone', added, existing));
    } finally {
      setBusy(false);
    }
  };

  const cancel = (): void => {
    close();
    setProblem('');
    setStatus(t('importCancelled'));
  };

  return (
    <form
      class="stack"
      aria-labelledby={`${id}-heading`}
      onSubmit={submitWith(async () => {
        if (step.step === 'password' && !busy) await decrypt(step.locked);
      })}
    >
      <h3 id={`${id}-heading`}>{t('importHeading')}</h3>
      <p class="help">{t('importHelp')}</p>
      <label>
        {t('importFileLabel')}
        <input
          ref={fileInput}
          type="file"
          accept={ACCEPT}
          aria-describedby={problem ? `${id}-error` : undefined}
          onChange={(e) => void choose(e.currentTarget.files?.[0])}
        />
      </label>
      {step.step === 'password' && (
        <>
          <p class="help">
            {step.locked.format === 'keystep-backup'
              ? t('importBackupFound', uiFormat().dateTime(Date.parse(step.locked.envelope.createdAt)))
              : t('importEncryptedFound', describeImportFormat(step.locked.format))}
          </p>
          <div class="row-actions import-password">
            <label>
              {t('importPasswordLabel')}
              <input
                type="password"
                autoComplete="off"
                value={password}
                onInput={(e) => setPassword(e.currentTarget.value)}
                {...(problem ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {})}
              />
            </label>
            <button type="submit" class="primary" disabled={busy}>
              {t('importDecrypt')}
            </button>
          </div>
        </>
      )}
      {problem && (
        <p id={`${id}-error`} class="field-error" role="alert">
          {problem}
        </p>
      )}
      {step.step === 'preview' && accounts && (
        <ImportPreview
          entries={step.preview.entries}
          accounts={accounts}
          format={step.preview.format}
          skipped={step.preview.skipped}
          migrationBatches={step.preview.migrationBatches}
          busy={busy}
          onAdd={() => void add(step.preview)}
          onCancel={cancel}
        />
      )}
      <div role="status">{status && <p class="summary">{status}</p>}</div>
    </form>
  );
}
