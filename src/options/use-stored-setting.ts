import { useEffect, useState } from 'preact/hooks';
import { t } from '../platform/i18n.ts';
import { describeError } from '../ui/describe-error.ts';

/** A setting of the options page that is saved as soon as it changes (see useStoredSetting). */
export interface StoredSetting<T> {
  /** What is stored, or the choice being saved; undefined until the stored value is read. */
  readonly value: T | undefined;
  /** The last change was saved. */
  readonly saved: boolean;
  /** Why the value could not be read or the last change saved; '' when nothing went wrong. */
  readonly problem: string;
  /** Shows `next` at once and saves it; if saving fails, the control shows what is stored. */
  readonly save: (next: T) => void;
}

/**
 * A setting read once with `load` and written with `store` on each change. The control shows the new value while it
 * is saved; after a failed save it shows what is stored (read again; the value it had if that fails too) and says
 * why.
 */
export function useStoredSetting<T>(load: () => Promise<T>, store: (value: T) => Promise<void>): StoredSetting<T> {
  const [value, setValue] = useState<T>();
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState('');

  useEffect(() => {
    load().then(setValue, (error: unknown) => setProblem(t('loadFailed', describeError(error))));
    // Read once, when the view opens.
  }, []);

  const save = (next: T): void => {
    const previous = value;
    setValue(next);
    setSaved(false);
    setProblem('');
    store(next).then(
      () => setSaved(true),
      (error: unknown) => {
        setProblem(t('saveFailed', describeError(error)));
        // What is stored now (a failure after the write leaves the new value stored), else the value it had.
        load().then(setValue, () => setValue(previous));
      },
    );
  };

  return { value, saved, problem, save };
}
