import { useEffect, useId, useState } from 'preact/hooks';
import { t } from '../platform/i18n.ts';
import { clearClipboardItem } from '../platform/storage-items.ts';
import { CLEAR_CLIPBOARD_AFTER_MS } from '../services/copy-with-clearing.ts';
import { describeError } from '../ui/describe-error.ts';

const SECONDS = CLEAR_CLIPBOARD_AFTER_MS / 1000;

/** The Security view's clipboard setting: whether Keystep clears the clipboard after copying a code (on by default). */
export function ClipboardSetting() {
  const id = useId();
  const [enabled, setEnabled] = useState<boolean>();
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState('');

  useEffect(() => {
    clearClipboardItem.get().then(setEnabled, (error: unknown) => setProblem(t('loadFailed', describeError(error))));
  }, []);

  return (
    <form class="stack" aria-labelledby={`${id}-heading`} onSubmit={(event) => event.preventDefault()}>
      <h3 id={`${id}-heading`}>{t('clipboardHeading')}</h3>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={enabled ?? false}
          disabled={enabled === undefined}
          aria-describedby={`${id}-note`}
          onChange={(event) => {
            const on = event.currentTarget.checked;
            setEnabled(on);
            setSaved(false);
            setProblem('');
            clearClipboardItem.set(on).then(
              () => setSaved(true),
              (error: unknown) => {
                // The box shows what is stored.
                setEnabled(!on);
                setProblem(t('saveFailed', describeError(error)));
              },
            );
          }}
        />
        {t('clearClipboardLabel', SECONDS)}
      </label>
      <p id={`${id}-note`} class="help">
        {t('clearClipboardNote', SECONDS)}
      </p>
      {saved && <p role="status">{t('clearClipboardSaved')}</p>}
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
