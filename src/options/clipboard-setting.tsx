import { useId } from 'preact/hooks';
import { t } from '../platform/i18n.ts';
import { clearClipboardItem } from '../platform/storage-items.ts';
import { CLEAR_CLIPBOARD_AFTER_MS } from '../services/copy-with-clearing.ts';
import { useStoredSetting } from './use-stored-setting.ts';

const SECONDS = CLEAR_CLIPBOARD_AFTER_MS / 1000;

/** The Security view's clipboard setting: whether Keystep clears the clipboard after copying a code (on by default). */
export function ClipboardSetting() {
  const id = useId();
  const { value: enabled, saved, problem, save } = useStoredSetting(
    () => clearClipboardItem.get(),
    (on) => clearClipboardItem.set(on),
  );

  return (
    <form class="stack" aria-labelledby={`${id}-heading`} onSubmit={(event) => event.preventDefault()}>
      <h3 id={`${id}-heading`}>{t('clipboardHeading')}</h3>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={enabled ?? false}
          disabled={enabled === undefined}
          aria-describedby={`${id}-note`}
          onChange={(event) => save(event.currentTarget.checked)}
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
