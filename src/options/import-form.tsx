import { useId, useRef, useState } from 'preact/hooks';
import { BackupError } from '../core/backup-error.ts';
import type { BackupEnvelope } from '../core/backup-file.ts';
import type { Account } from '../core/vault.ts';
import type { AccountStore } from '../platform/account-store.ts';
import { t, uiFormat } from '../platform/i18n.ts';
import { commitImport } from '../services/commit-import.ts';
import { decryptImport } from '../services/decrypt-import.ts';
import type { ImportEntry, ImportSource } from '../services/import-entry.ts';
import { openImportFile } from '../services/open-import-file.ts';
import { previewImport, type ImportVerdict } from '../services/preview-import.ts';
import { describeOtpInputError } from '../ui/describe-otp-input-error.ts';
import { describeBackupError } from './describe-backup-error.ts';
import { describeError } from '../ui/describe-error.ts';
import { submitWith } from '../ui/submit-with.ts';

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
  | { readonly step: 'password'; readonly envelope: BackupEnvelope }
  | { readonly step: 'preview'; readonly entries: readonly ImportEntry[] };

/** Class of a preview row: the colours of add-from-uris' line reports (the verdict is also in the text). */
const VERDICT_CLASS: Record<ImportVerdict, string> = { new: 'added', existing: 'duplicate', repeated: 'duplicate', refused: 'error' };

/**
 * Import from an encrypted Keystep backup or a list of otpauth:// URIs: choose the file, (decrypt,) see a
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
      case 'too-large':
        setProblem(t('importTooLarge'));
        return;
      case 'read-failed':
        setProblem(t('importReadFailed', describeError(opened.error)));
        return;
      case 'backup':
        setStep({ step: 'password', envelope: opened.envelope });
        return;
      case 'backup-unreadable':
        setProblem(describeBackupError(opened.error));
        return;
      case 'neither':
        setProblem(t('importNeither'));
        return;
      case 'entries':
        setStep({ step: 'preview', entries: opened.entries });
    }
  };

  const decrypt = async (envelope: BackupEnvelope): Promise<void> => {
    const mine = ticket.current;
    setProblem('');
    setStatus(t('importDecrypting'));
    setBusy(true);
    try {
      const decrypted = await decryptImport(envelope, password);
      if (mine !== ticket.current) return;
      setStatus('');
      if (decrypted.kind === 'entries') setStep({ step: 'preview', entries: decrypted.entries });
      else setProblem(describeBackupError(decrypted.error));
    } finally {
      setPassword('');
      setBusy(false);
    }
  };

  const add = async (entries: readonly ImportEntry[]): Promise<void> => {
    setProblem('');
    setBusy(true);
    try {
      // commitImport checks duplicates again under the vault lock: another page may have added some meanwhile.
      const result = await commitImport(entries, { store, clock, newId });
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
        if (step.step === 'password' && !busy) await decrypt(step.envelope);
      })}
    >
      <h3 id={`${id}-heading`}>{t('importHeading')}</h3>
      <p class="help">{t('importHelp')}</p>
      <label>
        {t('importFileLabel')}
        <input
          ref={fileInput}
          type="file"
          accept=".json,.txt,text/plain,application/json"
          aria-describedby={problem ? `${id}-error` : undefined}
          onChange={(e) => void choose(e.currentTarget.files?.[0])}
        />
      </label>
      {step.step === 'password' && (
        <>
          <p class="help">{t('importBackupFound', uiFormat().dateTime(Date.parse(step.envelope.createdAt)))}</p>
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
      {step.step === 'preview' && accounts && <Preview id={id} entries={step.entries} accounts={accounts} busy={busy} onAdd={() => void add(step.entries)} onCancel={cancel} />}
      <div role="status">{status && <p class="summary">{status}</p>}</div>
    </form>
  );
}

interface PreviewProps {
  readonly id: string;
  readonly entries: readonly ImportEntry[];
  readonly accounts: readonly Account[];
  readonly busy: boolean;
  readonly onAdd: () => void;
  readonly onCancel: () => void;
}

const VERDICT_TEXT = { new: 'importVerdictNew', existing: 'importVerdictExisting', repeated: 'importVerdictRepeated' } as const;

/** The entries of the file with what adding would do to each, against the vault as it is now. */
function Preview({ id, entries, accounts, busy, onAdd, onCancel }: PreviewProps) {
  const { rows, counts } = previewImport(entries, accounts);
  const toAdd = counts.new;
  const summary =
    counts.repeated > 0
      ? t('importSummaryRepeated', toAdd, counts.existing, counts.repeated, counts.refused)
      : t('importSummary', toAdd, counts.existing, counts.refused);

  return (
    <div class="stack import-preview">
      <h4 id={`${id}-preview`}>{t('importPreviewHeading')}</h4>
      <p id={`${id}-summary`} class="summary">
        {summary}
      </p>
      <ul class="line-reports" aria-labelledby={`${id}-preview`} aria-describedby={`${id}-summary`}>
        {rows.map((row, index) => (
          <li key={index} class={VERDICT_CLASS[row.verdict]}>
            {row.verdict === 'refused'
              ? t('importPreviewItem', sourceLabel(row.entry.source), t('importVerdictError', refusalReason(row.entry)))
              : t('importPreviewItem', row.label || t('noLabel'), t(VERDICT_TEXT[row.verdict]))}
          </li>
        ))}
      </ul>
      <div class="row-actions">
        <button type="button" class="primary" disabled={toAdd === 0 || busy} onClick={onAdd}>
          {toAdd === 1 ? t('importAddOne') : t('importAddMany', toAdd)}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {t('importCancel')}
        </button>
      </div>
    </div>
  );
}

function sourceLabel(source: ImportSource): string {
  return source.kind === 'line' ? t('importLineLabel', source.line) : t('importEntryLabel', source.index + 1);
}

/** A bad field of a backup entry is named by its path; anything else (a bad URI) by the URI's own reason. */
function refusalReason({ source, error }: Extract<ImportEntry, { ok: false }>): string {
  if (error instanceof BackupError) return t('importEntryInvalid', error.field ?? (source.kind === 'entry' ? `accounts[${source.index}]` : ''));
  return describeOtpInputError(error);
}
