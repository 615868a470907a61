import { useId, useState } from 'preact/hooks';
import type { AccountStore } from '../platform/account-store.ts';
import { t } from '../platform/i18n.ts';
import { addFromUriList, type UriEntryOutcome } from '../services/add-from-uri-list.ts';
import { describeEntryWhere, describeRefusedEntry } from '../ui/describe-entry-where.ts';
import { describeImportEntryError } from '../ui/describe-import-entry-error.ts';
import { submitWith } from '../ui/submit-with.ts';
import { describeError } from '../ui/describe-error.ts';

interface Props {
  readonly store: AccountStore;
  readonly clock: () => number;
  readonly newId: () => string;
}

type LineReport = { readonly kind: 'added' | 'duplicate' | 'error'; readonly text: string };

/** An account's (or a refused line's) verdict in words; the kind is the row's class. */
function report(outcome: UriEntryOutcome): LineReport {
  if (outcome.kind === 'refused') return { kind: 'error', text: t('lineError', describeRefusedEntry(outcome.where, outcome.hint), describeImportEntryError(outcome.error)) };
  const where = describeEntryWhere(outcome.where);
  const label = outcome.label || t('noLabel');
  return outcome.kind === 'added' ? { kind: 'added', text: t('lineAdded', where, label) } : { kind: 'duplicate', text: t('lineDuplicate', where, label) };
}

/** The paste box: one otpauth:// or otpauth-migration:// link per line; every account gets its own verdict. */
export function AddFromUris({ store, clock, newId }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [reports, setReports] = useState<readonly LineReport[]>([]);
  const [summary, setSummary] = useState('');
  const [incomplete, setIncomplete] = useState<readonly string[]>([]);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    setBusy(true);
    let result;
    try {
      result = await addFromUriList(text, { store, clock, newId });
    } finally {
      setBusy(false);
    }
    switch (result.kind) {
      case 'empty':
        setProblem(t('addUrisEmpty'));
        setReports([]);
        setSummary('');
        setIncomplete([]);
        return;
      case 'save-failed':
        setProblem(t('saveFailed', describeError(result.error)));
        return;
      case 'done':
        setReports(result.entries.map(report));
        setIncomplete(result.incomplete.map(({ batchSize, missing }) => t('importMigrationMissing', missing.map((index) => index + 1).join(', '), batchSize)));
        setSummary(t('addSummary', result.added, result.duplicates, result.refused));
        setProblem('');
        // Keep only the lines that failed, so the user can fix them in place.
        setText(result.unaccepted);
    }
  };

  return (
    <form
      class="stack"
      aria-labelledby={`${id}-heading`}
      onSubmit={submitWith(submit)}
    >
      <h3 id={`${id}-heading`}>{t('addUrisHeading')}</h3>
      <label for={`${id}-text`}>{t('addUrisLabel')}</label>
      <textarea id={`${id}-text`} rows={5} spellcheck={false} autoComplete="off" value={text} aria-describedby={`${id}-help`} onInput={(e) => setText(e.currentTarget.value)} />
      <p id={`${id}-help`} class="help">
        {t('addUrisHelp')}
      </p>
      <div>
        <button type="submit" class="primary" disabled={busy}>
          {t('addUrisButton')}
        </button>
      </div>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      <div role="status">{summary && <p class="summary">{summary}</p>}</div>
      {incomplete.map((text) => (
        <p key={text} class="warning">
          {text}
        </p>
      ))}
      {reports.length > 0 && (
        <ul class="line-reports" aria-label={t('resultsHeading')}>
          {reports.map((r, index) => (
            <li key={index} class={r.kind}>
              {r.text}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
