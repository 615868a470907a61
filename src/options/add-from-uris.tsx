import { useId, useState } from 'preact/hooks';
import type { AccountStore } from '../platform/account-store.ts';
import { t } from '../platform/i18n.ts';
import { addFromUriList, type UriLineOutcome } from '../services/add-from-uri-list.ts';
import { describeOtpInputError } from '../ui/describe-otp-input-error.ts';
import { submitWith } from '../ui/submit-with.ts';
import { describeError } from '../ui/describe-error.ts';

interface Props {
  readonly store: AccountStore;
  readonly clock: () => number;
  readonly newId: () => string;
}

type LineReport = { readonly line: number; readonly kind: 'added' | 'duplicate' | 'error'; readonly text: string };

/** A line's verdict in words; the kind is the row's class. */
function report(outcome: UriLineOutcome): LineReport {
  const { line } = outcome;
  if (outcome.kind === 'refused') return { line, kind: 'error', text: t('lineError', line, describeOtpInputError(outcome.error)) };
  const label = outcome.label || t('noLabel');
  return outcome.kind === 'added' ? { line, kind: 'added', text: t('lineAdded', line, label) } : { line, kind: 'duplicate', text: t('lineDuplicate', line, label) };
}

/** The paste box: one otpauth:// link per line; every line gets its own verdict. */
export function AddFromUris({ store, clock, newId }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [reports, setReports] = useState<readonly LineReport[]>([]);
  const [summary, setSummary] = useState('');
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
        return;
      case 'save-failed':
        setProblem(t('saveFailed', describeError(result.error)));
        return;
      case 'done':
        setReports(result.lines.map(report));
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
      {reports.length > 0 && (
        <ul class="line-reports" aria-label={t('resultsHeading')}>
          {reports.map((r) => (
            <li key={r.line} class={r.kind}>
              {r.text}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
