import { useId, useRef, useState } from 'preact/hooks';
import { accountIdentity } from '../core/account-identity.ts';
import { accountLabel } from '../core/account-label.ts';
import { BackupError } from '../core/backup-error.ts';
import { decryptBackup, isBackupFile, readBackupEnvelope, type BackupEntry, type BackupEnvelope } from '../core/backup-file.ts';
import { parseUriList, type UriListLine } from '../core/parse-uri-list.ts';
import type { Account } from '../core/vault.ts';
import { addImported, type ImportedAccount } from '../core/vault-edits.ts';
import type { AccountStore } from '../platform/account-store.ts';
import { t } from '../platform/i18n.ts';
import { describeOtpInputError } from '../ui/describe-otp-input-error.ts';
import { localDateStamp } from '../ui/local-date-stamp.ts';
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

/** Larger files are refused unread: a backup of a thousand accounts is about 200 kB. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** A line that is meant to be an otpauth URI, valid or not (otpauth-migration gets its own per-line reason). */
const OTPAUTH_LIKE = /^otpauth(-migration)?:/i;

/** An entry of the chosen file: an account to import, or why it cannot be. */
type Parsed =
  | { readonly ok: true; readonly account: ImportedAccount }
  | { readonly ok: false; readonly label: string; readonly reason: string };

type Step =
  | { readonly step: 'choose' }
  | { readonly step: 'password'; readonly envelope: BackupEnvelope }
  | { readonly step: 'preview'; readonly entries: readonly Parsed[] };

type Verdict = 'new' | 'existing' | 'repeated' | 'error';

/** Class of a preview row: the colours of add-from-uris' line reports (the verdict is also in the text). */
const VERDICT_CLASS: Record<Verdict, string> = { new: 'added', existing: 'duplicate', repeated: 'duplicate', error: 'error' };

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
    if (file.size > MAX_FILE_BYTES) {
      setProblem(t('importTooLarge'));
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      if (mine === ticket.current) setProblem(t('importReadFailed', describeError(error)));
      return;
    }
    if (mine !== ticket.current) return;
    if (isBackupFile(text)) {
      try {
        setStep({ step: 'password', envelope: readBackupEnvelope(text) });
      } catch (error) {
        setProblem(describeBackupError(error));
      }
      return;
    }
    const lines = parseUriList(text);
    if (!lines.some((line) => line.ok || OTPAUTH_LIKE.test(line.text))) {
      setProblem(t('importNeither'));
      return;
    }
    setStep({ step: 'preview', entries: lines.map(fromLine) });
  };

  const decrypt = async (envelope: BackupEnvelope): Promise<void> => {
    const mine = ticket.current;
    setProblem('');
    setStatus(t('importDecrypting'));
    setBusy(true);
    try {
      const entries = await decryptBackup(envelope, password);
      if (mine !== ticket.current) return;
      setStep({ step: 'preview', entries: entries.map(fromBackupEntry) });
      setStatus('');
    } catch (error) {
      if (mine !== ticket.current) return;
      setStatus('');
      setProblem(describeBackupError(error));
    } finally {
      setPassword('');
      setBusy(false);
    }
  };

  const add = async (entries: readonly Parsed[]): Promise<void> => {
    const importable = entries.flatMap((entry) => (entry.ok ? [entry.account] : []));
    setProblem('');
    setBusy(true);
    try {
      // addImported checks duplicates again under the vault lock: another page may have added some meanwhile.
      const results = await store.update((vault) => {
        const { vault: next, results: outcome } = addImported(vault, importable, { newId, now: clock() });
        return { vault: next, result: outcome };
      });
      const added = results.filter((r) => r.outcome === 'added').length;
      const existing = results.length - added;
      const errors = entries.length - importable.length;
      close();
      setStatus(errors > 0 ? t('importDoneWithErrors', added, existing, errors) : t('importDone', added, existing));
    } catch (error) {
      setProblem(t('saveFailed', describeError(error)));
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
          <p class="help">{t('importBackupFound', localDateStamp(Date.parse(step.envelope.createdAt)))}</p>
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
  readonly entries: readonly Parsed[];
  readonly accounts: readonly Account[];
  readonly busy: boolean;
  readonly onAdd: () => void;
  readonly onCancel: () => void;
}

/** The entries of the file with what adding would do to each, against the vault as it is now. */
function Preview({ id, entries, accounts, busy, onAdd, onCancel }: PreviewProps) {
  // Identity keys hold secrets: they stay in these in-memory sets.
  const stored = new Set(accounts.map(accountIdentity));
  const seen = new Set<string>();
  const rows = entries.map((entry): { verdict: Verdict; text: string } => {
    if (!entry.ok) return { verdict: 'error', text: t('importPreviewItem', entry.label, t('importVerdictError', entry.reason)) };
    const key = accountIdentity(entry.account.draft);
    const verdict: Verdict = stored.has(key) ? 'existing' : seen.has(key) ? 'repeated' : 'new';
    seen.add(key);
    const text = { new: t('importVerdictNew'), existing: t('importVerdictExisting'), repeated: t('importVerdictRepeated') }[verdict];
    return { verdict, text: t('importPreviewItem', accountLabel(entry.account.draft) || t('noLabel'), text) };
  });
  const count = (verdict: Verdict): number => rows.filter((row) => row.verdict === verdict).length;
  const toAdd = count('new');
  const summary =
    count('repeated') > 0
      ? t('importSummaryRepeated', toAdd, count('existing'), count('repeated'), count('error'))
      : t('importSummary', toAdd, count('existing'), count('error'));

  return (
    <div class="stack import-preview">
      <h4 id={`${id}-preview`}>{t('importPreviewHeading')}</h4>
      <p id={`${id}-summary`} class="summary">
        {summary}
      </p>
      <ul class="line-reports" aria-labelledby={`${id}-preview`} aria-describedby={`${id}-summary`}>
        {rows.map((row, index) => (
          <li key={index} class={VERDICT_CLASS[row.verdict]}>
            {row.text}
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

function fromLine(line: UriListLine): Parsed {
  if (line.ok) return { ok: true, account: { draft: line.draft } };
  return { ok: false, label: t('importLineLabel', line.line), reason: describeOtpInputError(line.error) };
}

function fromBackupEntry(entry: BackupEntry): Parsed {
  if (entry.ok) {
    const { draft, pinned, status, cognito } = entry;
    return { ok: true, account: { draft, pinned, status, ...(cognito ? { cognito } : {}) } };
  }
  const { error, index } = entry;
  const reason = error instanceof BackupError ? t('importEntryInvalid', error.field ?? `accounts[${index}]`) : describeOtpInputError(error);
  return { ok: false, label: t('importEntryLabel', index + 1), reason };
}
