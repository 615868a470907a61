import type { ComponentType } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import { DEFAULT_SIGN_IN_FLOW, SIGN_IN_FLOW_SETTINGS, type SignInFlowSetting } from '../cognito/cognito-profile.ts';
import { signInFlowOf, type CognitoProfileError, type CognitoProfileField, type CognitoProfileInput } from '../cognito/validate-cognito-profile.ts';
import { t, type MessageKey } from '../platform/i18n.ts';
import type { StoredCognitoProfile } from '../platform/storage-items.ts';
import { describeError } from '../ui/describe-error.ts';
import { submitWith } from '../ui/submit-with.ts';
import { useLazyComponent } from '../ui/use-lazy-component.ts';
import { describeProfileError } from './describe-cognito-problem.ts';
import { nonAwsEndpointHost } from './non-aws-endpoint-host.ts';
import type { ProfileSourceFillProps } from './profile-source-fill.tsx';
import type { ProfileSourceOutcome } from './profile-source-outcome.ts';

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

const SIGN_IN_FLOW_LABELS: Readonly<Record<SignInFlowSetting, MessageKey>> = {
  srp: 'signInFlow_srp',
  'srp-then-password': 'signInFlow_srp_then_password',
  password: 'signInFlow_password',
};

type FormValues = Readonly<Record<CognitoProfileField, string>>;

// Filling from an Amplify config or a URL is loaded when its disclosure is first opened: the reader is not needed to
// enroll, so the options page's code up to an enrollment does not carry it.
const loadSourceFill = (): Promise<ComponentType<ProfileSourceFillProps>> => import('./profile-source-fill.tsx').then((m) => m.ProfileSourceFill);

/**
 * Create or edit a connection profile; every field is checked on save and each problem is shown beside its field.
 * The form can be filled from an Amplify config or a sign-in URL (ProfileSourceFill), and says when the endpoint is
 * not Amazon Cognito's.
 */
export function ProfileForm({ initial, sessionSecret, onSave, onCancel }: Props) {
  const id = useId();
  const [values, setValues] = useState<FormValues>({
    name: initial?.name ?? '',
    region: initial?.region ?? '',
    userPoolId: initial?.userPoolId ?? '',
    clientId: initial?.clientId ?? '',
    endpoint: initial?.endpoint ?? '',
    issuer: initial?.issuer ?? '',
    managedLoginDomain: initial?.managedLoginDomain ?? '',
  });
  // A profile saved before the setting existed carries preferredFlow: signInFlowOf reads it, and saving writes the setting.
  const [signInFlow, setSignInFlow] = useState<SignInFlowSetting>(initial ? signInFlowOf(initial) : DEFAULT_SIGN_IN_FLOW);
  const [secret, setSecret] = useState(initial?.clientSecret ?? sessionSecret ?? '');
  const [remember, setRemember] = useState(initial?.clientSecret !== undefined);
  const [errors, setErrors] = useState<readonly CognitoProfileError[]>([]);
  // The field to focus once a fill from a source has rendered: the first one it did not give.
  const [focus, setFocus] = useState<CognitoProfileField>();
  const notAwsHost = nonAwsEndpointHost(values.endpoint);
  const [sourceWanted, setSourceWanted] = useState(false);
  const sourceFill = useLazyComponent(loadSourceFill, sourceWanted);

  useEffect(() => {
    if (focus === undefined) return;
    document.getElementById(`${id}-${focus}`)?.focus();
    setFocus(undefined);
  }, [focus, id]);

  const submit = async (): Promise<void> => {
    // Checked by the save: every problem comes back at once, each shown beside its field.
    const input: CognitoProfileInput = { ...values, signInFlow };
    setErrors((await onSave(input, { value: secret, remember })) ?? []);
  };

  const fillFromSource = ({ fill, focus: missing }: ProfileSourceOutcome): void => {
    if (!fill) return;
    const { region, userPoolId, clientId, managedLoginDomain } = fill.fields;
    setValues({
      ...values,
      ...(region === undefined ? {} : { region }),
      ...(userPoolId === undefined ? {} : { userPoolId }),
      ...(clientId === undefined ? {} : { clientId }),
      ...(managedLoginDomain === undefined ? {} : { managedLoginDomain }),
    });
    if (fill.signInFlow !== undefined) setSignInFlow(fill.signInFlow);
    // The fields filled in may have had problems from an earlier save: they are checked again on the next.
    setErrors([]);
    setFocus(missing ?? (values.name.trim() === '' ? 'name' : undefined));
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
      <details class="source-fill">
        {/* A click is also what Enter and Space on the summary send. */}
        <summary onClick={() => setSourceWanted(true)}>{t('profileSourceSummary')}</summary>
        {sourceFill.component && <sourceFill.component onFill={fillFromSource} />}
        {sourceFill.error !== undefined && (
          <p class="problem" role="alert">
            {t('profileSourceReadFailed', describeError(sourceFill.error))}
          </p>
        )}
      </details>
      <div class="grid pairs">{FIELDS.filter((f) => !f.advanced).map(field)}</div>
      <div class="field">
        <label for={`${id}-flow`}>{t('profileSignInFlow')}</label>
        <select id={`${id}-flow`} value={signInFlow} aria-describedby={`${id}-flow-help`} onChange={(e) => setSignInFlow(e.currentTarget.value as SignInFlowSetting)}>
          {SIGN_IN_FLOW_SETTINGS.map((setting) => (
            <option key={setting} value={setting}>
              {t(SIGN_IN_FLOW_LABELS[setting])}
            </option>
          ))}
        </select>
        <span id={`${id}-flow-help`} class="help">
          {t('profileSignInFlowHelp')}
        </span>
      </div>
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
      {notAwsHost !== undefined && (
        <p class="warning" role="note">
          {t('profileEndpointNotAws', notAwsHost)}
        </p>
      )}
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
