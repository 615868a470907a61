import { useId, useState } from 'preact/hooks';
import { accountLabel } from '../core/account-label.ts';
import type { AccountDraft } from '../core/account.ts';
import { parseUriList } from '../core/parse-uri-list.ts';
import { addDrafts, type AddResult } from '../core/vault-edits.ts';
import type { AccountStore } from '../platform/account-store.ts';
import { t } from '../platform/i18n.ts';
import { describeOtpInputError } from '../ui/describe-otp-input-error.ts';
import { submitWith } from '../ui/submit-with.ts';
import { describeError } from '../ui/describe-error.ts';

interface Props {
  readonly store: AccountStore;
  readonly clock: () => number;
  readonly newId: () => string;
}

type LineReport = { readonly line: number; readonly kind: 'added' | 'duplicate' | 'error'; readonly text: string };

/** The paste box: one otpauth:// link per line; every line gets its own verdict. */
export function AddFromUris({ store, clock, newId }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [reports, setReports] = useState<readonly LineReport[]>([]);
  const [summary, setSummary] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    const lines = parseUriList(text);
    if (lines.length === 0) {
      setProblem(t('addUrisEmpty'));
      setReports([]);
      setSummary('');
      return;
    }
    const valid = lines.flatMap((l) => (l.ok ? [{ line: l.line, draft: l.draft }] : []));
    setBusy(true);
    try {
      const results = await store.update((vault) => {
        const { vault: next, results: added } = addDrafts(
          vault,
          valid.map((v) => v.draft),
          { newId, now: clock() },
        );
        return { vault: next, result: added };
      });
      const byLine = new Map<number, AddResult>(valid.map((v, i) => [v.line, results[i] as AddResult]));
      const label = (draft: AccountDraft): string => accountLabel(draft) || t('noLabel');
      const next: LineReport[] = lines.map((l) => {
        if (!l.ok) return { line: l.line, kind: 'error', text: t('lineError', l.line, describeOtpInputError(l.error)) };
        const result = byLine.get(l.line);
        return result?.outcome === 'added'
          ? { line: l.line, kind: 'added', text: t('lineAdded', l.line, label(l.draft)) }
          : { line: l.line, kind: 'duplicate', text: t('lineDuplicate', l.line, label(l.draft)) };
      });
      setReports(next);
      const count = (kind: LineReport['kind']): number => next.filter((r) => r.kind === kind).length;
      setSummary(t('addSummary', count('added'), count('duplicate'), count('error')));
      setProblem('');
      // Keep only the lines that failed, so the user can fix them in place.
      setText(lines.filter((l) => !l.ok).map((l) => l.text).join('\n'));
    } catch (error) {
      setProblem(t('saveFailed', describeError(error)));
    } finally {
      setBusy(false);
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
