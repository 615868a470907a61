import { useId, useState } from 'preact/hooks';
import type { CognitoProfileError, CognitoProfileField, CognitoProfileInput } from '../cognito/validate-cognito-profile.ts';
import { t, type MessageKey } from '../platform/i18n.ts';
import type { StoredCognitoProfile } from '../platform/storage-items.ts';
import { submitWith } from '../ui/submit-with.ts';
import { describeProfileError } from './describe-cognito-problem.ts';

interface Props {
  readonly initial: StoredCognitoProfile | undefined;
  /** The client secret this page holds in memory for the profile, if any. */
  readonly sessionSecret: string | undefined;
  /** Saves the fields as typed; resolves to the problems of the fields when they were refused. */
  readonly onSave: (input: CognitoProfileInput, secret: { value: string; remember: boolean }) => Promise<readonly CognitoProfileError[] | undefined>;
  readonly onCancel: () => void;
}

const FIELDS: readonly { field: CognitoProfileField; label: MessageKey; help?: MessageKey; advanced?: boolean }[] = [
  { field: 'name', label: 'profileName' },
  { field: 'userPoolId', label: 'profilePoolId' },
  { field: 'region', label: 'profileRegion', help: 'profileRegionHelp' },
  { field: 'clientId', label: 'profileClientId' },
  { field: 'issuer', label: 'profileIssuer', help: 'profileIssuerHelp' },
  { field: 'endpoint', label: 'profileEndpoint', help: 'profileEndpointHelp', advanced: true },
  { field: 'managedLoginDomain', label: 'profileManagedLoginDomain', help: 'profileManagedLoginDomainHelp', advanced: true },
];

/** Create or edit a connection profile; every field is checked on save and each problem is shown beside its field. */
export function ProfileForm({ initial, sessionSecret, onSave, onCancel }: Props) {
  const id = useId();
  const [values, setValues] = useState<CognitoProfileInput>({
    name: initial?.name ?? '',
    region: initial?.region ?? '',
    userPoolId: initial?.userPoolId ?? '',
    clientId: initial?.clientId ?? '',
    endpoint: initial?.endpoint ?? '',
    issuer: initial?.issuer ?? '',
    managedLoginDomain: initial?.managedLoginDomain ?? '',
  });
  const [secret, setSecret] = useState(initial?.clientSecret ?? sessionSecret ?? '');
  const [remember, setRemember] = useState(initial?.clientSecret !== undefined);
  const [errors, setErrors] = useState<readonly CognitoProfileError[]>([]);

  const submit = async (): Promise<void> => {
    // Checked by the save: every problem comes back at once, each shown beside its field.
    setErrors((await onSave(values, { value: secret, remember })) ?? []);
  };

  const field = ({ field: name, label, help }: (typeof FIELDS)[number]) => {
    const fieldErrors = errors.filter((e) => e.field === name);
    const describedBy = [help ? `${id}-${name}-help` : '', fieldErrors.length ? `${id}-${name}-error` : ''].filter(Boolean).join(' ');
    return (
      <div key={name} class="field">
        <label for={`${id}-${name}`}>{t(label)}</label>
        <input
          id={`${id}-${name}`}
          value={values[name]}
          autoComplete="off"
          spellcheck={false}
          aria-invalid={fieldErrors.length > 0}
          aria-describedby={describedBy || undefined}
          onInput={(e) => setValues({ ...values, [name]: e.currentTarget.value })}
        />
        {help && (
          <span id={`${id}-${name}-help`} class="help">
            {t(help)}
          </span>
        )}
        {fieldErrors.length > 0 && (
          <span id={`${id}-${name}-error`} class="field-error">
            {fieldErrors.map(describeProfileError).join(' ')}
          </span>
        )}
      </div>
    );
  };

  return (
    <form
      class="stack profile-form"
      aria-labelledby={`${id}-heading`}
      noValidate
      onSubmit={submitWith(submit)}
    >
      <h3 id={`${id}-heading`}>{t('profileFormHeading')}</h3>
      <div class="grid">{FIELDS.filter((f) => !f.advanced).map(field)}</div>
      <div class="field">
        <label for={`${id}-secret`}>{t('profileClientSecret')}</label>
        <input id={`${id}-secret`} type="password" value={secret} autoComplete="off" aria-describedby={`${id}-secret-help`} onInput={(e) => setSecret(e.currentTarget.value)} />
        <span id={`${id}-secret-help`} class="help">
          {t('profileClientSecretHelp')}
        </span>
      </div>
      <label class="checkbox">
        <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.currentTarget.checked)} />
        {t('profileRememberSecret')}
      </label>
      <details open={errors.some((e) => e.field === 'endpoint' || e.field === 'managedLoginDomain') || values.endpoint !== '' || values.managedLoginDomain !== ''}>
        <summary>{t('advanced')}</summary>
        {FIELDS.filter((f) => f.advanced).map(field)}
      </details>
      {errors.length > 0 && (
        <p class="problem" role="alert">
          {errors.map(describeProfileError).join(' ')}
        </p>
      )}
      <div class="row-actions">
        <button type="submit" class="primary">
          {t('saveProfile')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
