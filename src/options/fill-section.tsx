import { useEffect, useId, useState } from 'preact/hooks';
import type { CognitoApi } from '../cognito/cognito-api.ts';
import { MAX_CLOCK_OFFSET_SECONDS } from '../core/clock-offset.ts';
import { clockOffsetItem } from '../platform/clock-offset-item.ts';
import { fillShortcut, openShortcutSettings } from '../platform/fill-triggers.ts';
import { t } from '../platform/i18n.ts';
import { createProfileRepository } from '../platform/profile-repository.ts';
import { checkClock, type ClockCheck } from '../services/check-clock.ts';
import { saveClockOffset } from '../services/clock-offset-setting.ts';
import { cognitoClockSample } from '../services/enrollment/cognito-clock-sample.ts';
import { describeError } from '../ui/describe-error.ts';

/** A server to read the time from: a Cognito endpoint (regional, or a profile's own). */
export interface TimeSource {
  /** What the page names: the host asked. */
  readonly host: string;
  readonly region: string;
  readonly endpoint?: string;
}

export interface FillSectionProps {
  /** The Cognito client for a time source; default the AWS SDK adapter. */
  readonly makeApi?: (source: TimeSource) => Pick<CognitoApi, 'getUser'>;
  /** ms since the epoch: the computer's clock, the one being checked. */
  readonly clock?: () => number;
}

/** Without a saved profile, the clock is read from Cognito in the first AWS region. */
const DEFAULT_SOURCE: TimeSource = { host: 'cognito-idp.us-east-1.amazonaws.com', region: 'us-east-1' };

// The AWS SDK (most of the Cognito view's JS) loads when the clock is checked, not with this view.
const defaultApi = (source: TimeSource): Pick<CognitoApi, 'getUser'> => ({
  getUser: async (input) => {
    const { createAwsCognitoClient } = await import('../cognito/aws-cognito-client.ts');
    return createAwsCognitoClient({ region: source.region, ...(source.endpoint === undefined ? {} : { endpoint: source.endpoint }) }).getUser(input);
  },
});

/** "+42" / "-5" / "0". */
const signed = (seconds: number): string => (seconds > 0 ? `+${seconds}` : String(seconds));

/** The measured skew in words, and whether to warn. */
function describeCheck(check: ClockCheck, host: string): string {
  switch (check.kind) {
    case 'failed':
      return t('clockCheckFailed', host, describeError(check.error));
    case 'no-date':
      return t('clockCheckNoDate', host);
    case 'measured': {
      const seconds = Math.round(Math.abs(check.skewMs) / 1000);
      if (seconds === 0) return t('clockRight', host);
      const text = check.skewMs > 0 ? t('clockSlow', seconds, host) : t('clockFast', seconds, host);
      return check.warn ? `${text} ${t('clockWarn')}` : `${text} ${t('clockCloseEnough')}`;
    }
  }
}

/**
 * "Fill & clock": the keyboard shortcut that fills a code (and where to change it), and the clock. The clock check
 * reads the time from a Cognito endpoint (a saved profile's, or the us-east-1 one): Cognito exposes its Date header
 * to pages, so this needs no host permission (docs/fill-design.md, section 7). Above 10 s of skew it says how to
 * fix the computer's clock; the offset corrects every code this browser computes until then.
 */
export function FillSection({ makeApi = defaultApi, clock = Date.now }: FillSectionProps) {
  const id = useId();
  const [shortcut, setShortcut] = useState<string | null>();
  const [sources, setSources] = useState<readonly TimeSource[]>([DEFAULT_SOURCE]);
  const [sourceIndex, setSourceIndex] = useState(0);
  const [checking, setChecking] = useState(false);
  const [check, setCheck] = useState<{ readonly result: ClockCheck; readonly host: string }>();
  const [offset, setOffset] = useState('');
  const [offsetStatus, setOffsetStatus] = useState<{ readonly ok: boolean; readonly text: string }>();

  useEffect(() => {
    fillShortcut().then(
      (keys) => setShortcut(keys ?? null),
      () => setShortcut(null),
    );
    // Only into an empty field: what was typed before the stored offset arrived is kept.
    const stored = (value: string) => (current: string) => (current === '' ? value : current);
    clockOffsetItem.get().then(
      (seconds) => setOffset(stored(String(seconds))),
      () => setOffset(stored('0')),
    );
    // A profile list Keystep cannot read only leaves the default source.
    createProfileRepository()
      .load()
      .then(
        (profiles) =>
          setSources([
            ...profiles.map((p) => ({ host: p.endpoint ? new URL(p.endpoint).host : `cognito-idp.${p.region}.amazonaws.com`, region: p.region, ...(p.endpoint ? { endpoint: p.endpoint } : {}) })),
            DEFAULT_SOURCE,
          ]),
        () => undefined,
      );
  }, []);

  const source = sources[sourceIndex] ?? DEFAULT_SOURCE;
  const runCheck = async (): Promise<void> => {
    setChecking(true);
    const result = await checkClock(cognitoClockSample(makeApi(source), clock));
    setCheck({ result, host: source.host });
    setChecking(false);
  };
  const storeOffset = async (value: string | number): Promise<void> => {
    const saved = await saveClockOffset(value);
    if (saved.kind === 'saved') setOffset(String(saved.seconds));
    setOffsetStatus(
      saved.kind === 'saved'
        ? { ok: true, text: saved.seconds === 0 ? t('clockOffsetCleared') : t('clockOffsetSaved', signed(saved.seconds)) }
        : { ok: false, text: saved.kind === 'invalid' ? t('clockOffsetInvalid', MAX_CLOCK_OFFSET_SECONDS) : t('saveFailed', describeError(saved.error)) },
    );
  };
  const measured = check?.result.kind === 'measured' ? Math.round(check.result.skewMs / 1000) : undefined;

  return (
    <>
      <section aria-labelledby={`${id}-fill`} class="card stack">
        <h2 id={`${id}-fill`}>{t('fillHeading')}</h2>
        {shortcut !== undefined && <p role="status">{shortcut === null ? t('fillNoShortcut') : t('fillShortcut', shortcut)}</p>}
        <p class="help">{t('fillHow')}</p>
        <p class="help">{t('fillSees')}</p>
        <div class="row-actions">
          <button type="button" onClick={() => void openShortcutSettings()}>
            {t('fillChangeShortcut')}
          </button>
        </div>
      </section>
      <section aria-labelledby={`${id}-clock`} class="card stack">
        <h2 id={`${id}-clock`}>{t('clockHeading')}</h2>
        <p class="help">{t('clockHelp')}</p>
        <div class="field">
          <label for={`${id}-source`}>{t('clockSource')}</label>
          <select id={`${id}-source`} value={String(sourceIndex)} onChange={(e) => setSourceIndex(Number(e.currentTarget.value))}>
            {sources.map((s, i) => (
              <option key={`${i}-${s.host}`} value={String(i)}>
                {s.host}
              </option>
            ))}
          </select>
        </div>
        <div class="row-actions">
          <button type="button" class="primary" disabled={checking} onClick={() => void runCheck()}>
            {t('clockCheck')}
          </button>
        </div>
        {check && (
          <div role={check.result.kind === 'measured' && check.result.warn ? 'alert' : 'status'} class={check.result.kind === 'measured' && check.result.warn ? 'warning' : undefined}>
            <p>{describeCheck(check.result, check.host)}</p>
            {check.result.kind === 'measured' && check.result.warn && (
              <ul>
                <li>{t('clockFixWindows')}</li>
                <li>{t('clockFixMac')}</li>
                <li>{t('clockFixLinux')}</li>
              </ul>
            )}
          </div>
        )}
        <form
          class="stack"
          noValidate
          aria-labelledby={`${id}-offset-label`}
          onSubmit={(event) => {
            event.preventDefault();
            void storeOffset(offset);
          }}
        >
          <label id={`${id}-offset-label`} for={`${id}-offset`}>
            {t('clockOffsetLabel', MAX_CLOCK_OFFSET_SECONDS)}
          </label>
          <input id={`${id}-offset`} type="number" step="1" min={-MAX_CLOCK_OFFSET_SECONDS} max={MAX_CLOCK_OFFSET_SECONDS} value={offset} aria-describedby={`${id}-offset-help`} onInput={(e) => setOffset(e.currentTarget.value)} />
          <span id={`${id}-offset-help`} class="help">
            {t('clockOffsetHelp')}
          </span>
          <div class="row-actions">
            <button type="submit">{t('clockOffsetSave')}</button>
            {measured !== undefined && measured !== 0 && Math.abs(measured) <= MAX_CLOCK_OFFSET_SECONDS && (
              <button type="button" onClick={() => void storeOffset(measured)}>
                {t('clockOffsetUseMeasured', signed(measured))}
              </button>
            )}
            <button type="button" onClick={() => void storeOffset(0)}>
              {t('clockOffsetClear')}
            </button>
          </div>
          {offsetStatus && (
            <p role={offsetStatus.ok ? 'status' : 'alert'} class={offsetStatus.ok ? undefined : 'problem'}>
              {offsetStatus.text}
            </p>
          )}
        </form>
      </section>
    </>
  );
}
