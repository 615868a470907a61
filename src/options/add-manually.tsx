import { useId, useState } from 'preact/hooks';
import type { OtpInputField } from '../core/otp-input-error.ts';
import { OTP_DIGITS } from '../core/otp-limits.ts';
import { DEFAULT_ALGORITHM, DEFAULT_DIGITS, DEFAULT_PERIOD_SECONDS } from '../core/validate-account-draft.ts';
import type { OtpAlgorithm } from '../core/account.ts';
import type { AccountStore } from '../platform/account-store.ts';
import { t, uiFormat } from '../platform/i18n.ts';
import { addAccountManually } from '../services/add-account-manually.ts';
import { describeOtpInputError } from '../ui/describe-otp-input-error.ts';
import { submitWith } from '../ui/submit-with.ts';
import { describeError } from '../ui/describe-error.ts';

interface Props {
  readonly store: AccountStore;
  readonly clock: () => number;
  readonly newId: () => string;
}

/** Algorithm names are identifiers from the Key Uri Format, shown as they are in every language. */
const ALGORITHMS: readonly OtpAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];

const EMPTY = {
  type: 'totp',
  issuer: '',
  name: '',
  secret: '',
  algorithm: DEFAULT_ALGORITHM as string,
  digits: String(DEFAULT_DIGITS),
  period: String(DEFAULT_PERIOD_SECONDS),
  counter: '0',
};
type Fields = typeof EMPTY;
type Field = keyof Fields;

/** Manual entry: issuer, account name and secret; type, algorithm, digits and period/counter under "Advanced". */
export function AddManually({ store, clock, newId }: Props) {
  const id = useId();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [error, setError] = useState<{ field: OtpInputField | undefined; message: string }>();
  const [done, setDone] = useState('');

  const set = (field: Field) => (event: Event) => setFields({ ...fields, [field]: (event.currentTarget as HTMLInputElement).value });
  const invalid = (field: OtpInputField) => (error?.field === field ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {});

  const submit = async (): Promise<void> => {
    setDone('');
    const result = await addAccountManually(fields, { store, clock, newId });
    switch (result.kind) {
      case 'invalid':
        setError({ field: result.error.field, message: describeOtpInputError(result.error) });
        return;
      case 'save-failed':
        setError({ field: undefined, message: t('saveFailed', describeError(result.error)) });
        return;
      case 'added':
        setError(undefined);
        setDone(t('manualAdded', result.label || t('noLabel')));
        setFields(EMPTY);
        return;
      case 'duplicate':
        setError(undefined);
        setDone(t('manualDuplicate', result.label || t('noLabel')));
    }
  };

  return (
    <form
      class="stack"
      aria-labelledby={`${id}-heading`}
      onSubmit={submitWith(submit)}
    >
      <h3 id={`${id}-heading`}>{t('manualHeading')}</h3>
      <div class="grid">
        <label>
          {t('issuerLabel')}
          <input value={fields.issuer} onInput={set('issuer')} autoComplete="off" {...invalid('issuer')} />
        </label>
        <label>
          {t('accountNameLabel')}
          <input value={fields.name} onInput={set('name')} autoComplete="off" {...invalid('name')} />
        </label>
      </div>
      <label>
        {t('secretLabel')}
        <input value={fields.secret} onInput={set('secret')} autoComplete="off" spellcheck={false} class="mono" {...invalid('secret')} />
      </label>
      <details open={error?.field !== undefined && !['issuer', 'name', 'secret'].includes(error.field)}>
        <summary>{t('advanced')}</summary>
        <div class="grid">
          <label>
            {t('typeLabel')}
            <select value={fields.type} onChange={set('type')}>
              <option value="totp">{t('typeTotp')}</option>
              <option value="hotp">{t('typeHotp')}</option>
            </select>
          </label>
          <label>
            {t('algorithmLabel')}
            <select value={fields.algorithm} onChange={set('algorithm')} {...invalid('algorithm')}>
              {ALGORITHMS.map((algorithm) => (
                <option key={algorithm} value={algorithm}>
                  {algorithm}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('digitsLabel')}
            <select value={fields.digits} onChange={set('digits')} {...invalid('digits')}>
              {OTP_DIGITS.map((digits) => (
                <option key={digits} value={String(digits)}>
                  {uiFormat().number(digits)}
                </option>
              ))}
            </select>
          </label>
          {fields.type === 'totp' ? (
            <label>
              {t('periodLabel')}
              <input type="number" inputMode="numeric" min={1} value={fields.period} onInput={set('period')} {...invalid('period')} />
            </label>
          ) : (
            <label>
              {t('counterLabel')}
              <input type="number" inputMode="numeric" min={0} value={fields.counter} onInput={set('counter')} {...invalid('counter')} />
            </label>
          )}
        </div>
      </details>
      {error && (
        <p id={`${id}-error`} class="problem" role="alert">
          {error.message}
        </p>
      )}
      <div role="status">{done && <p class="summary">{done}</p>}</div>
      <div>
        <button type="submit" class="primary">
          {t('manualAdd')}
        </button>
      </div>
    </form>
  );
}
