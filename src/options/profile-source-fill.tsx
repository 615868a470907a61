import { useId, useState } from 'preact/hooks';
import type { ProfileSource } from '../cognito/profile-source.ts';
import { MAX_SOURCE_LENGTH, readProfileSource } from '../cognito/read-profile-source.ts';
import { t } from '../platform/i18n.ts';
import { describeError } from '../ui/describe-error.ts';
import { profileSourceOutcome, type ProfileSourceOutcome } from './profile-source-outcome.ts';

export interface ProfileSourceFillProps {
  /** Puts what a source gives into the form (called only when there is something to fill). */
  readonly onFill: (outcome: ProfileSourceOutcome) => void;
}

/**
 * The inside of "Fill from an Amplify config or a sign-in URL" on the profile form: pasted text or a chosen file goes
 * through readProfileSource, and what it gives fills the form (nothing is saved: the user reviews the form and saves
 * it). Says what was read, what is missing and what the source says about the pool, or why nothing was filled. The
 * profile form loads it when the user opens the disclosure, with the reader, so the options page's code up to an
 * enrollment carries neither (the page's JS budget).
 */
export function ProfileSourceFill({ onFill }: ProfileSourceFillProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [report, setReport] = useState<{ readonly messages: readonly string[]; readonly filled: boolean }>();

  const show = (source: ProfileSource): void => {
    const outcome = profileSourceOutcome(source);
    setReport({ messages: outcome.messages, filled: outcome.fill !== undefined });
    if (outcome.fill) onFill(outcome);
  };

  const fillFromFile = async (file: File): Promise<void> => {
    // A UTF-8 file holds at least one UTF-16 unit per 3 bytes: a larger one is too long, and is not read at all.
    if (file.size > 3 * MAX_SOURCE_LENGTH) {
      show({ kind: 'unreadable', reason: 'too-long' });
      return;
    }
    let content: string;
    try {
      content = await file.text();
    } catch (error) {
      setReport({ messages: [t('profileSourceReadFailed', describeError(error))], filled: false });
      return;
    }
    show(readProfileSource(content));
  };

  return (
    <div class="stack">
      <p id={`${id}-help`} class="help">
        {t('profileSourceHelp')}
      </p>
      <label>
        {t('profileSourceText')}
        <textarea rows={4} value={text} spellcheck={false} autoComplete="off" aria-describedby={`${id}-help`} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <label>
        {t('profileSourceFile')}
        <input
          type="file"
          accept=".json,.js,.mjs,.cjs,.ts,.dart,.txt,application/json,text/javascript,text/plain"
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            // Choosing the same file again (after editing it) reads it again.
            input.value = '';
            if (file) void fillFromFile(file);
          }}
        />
      </label>
      <div class="row-actions">
        <button type="button" onClick={() => show(readProfileSource(text))}>
          {t('profileSourceFill')}
        </button>
      </div>
      <div role="status">
        {report?.messages.map((message) => (
          <p key={message} class={report.filled ? 'help' : 'problem'}>
            {message}
          </p>
        ))}
      </div>
    </div>
  );
}
