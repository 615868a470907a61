import type { SignInFlow } from '../cognito/cognito-api.ts';
import type { SignInFlowSetting } from '../cognito/cognito-profile.ts';
import type { MissingProfileField, ProfileSource, ProfileSourceFields, ProfileSourceFormat } from '../cognito/profile-source.ts';
import { t, type MessageKey } from '../platform/i18n.ts';

/** What filling the profile form from a pasted or chosen source does: what goes in, what to focus, what to say. */
export interface ProfileSourceOutcome {
  /** The fields the source gives and the sign-in flow it implies; undefined when nothing is to be filled. */
  readonly fill?: { readonly fields: ProfileSourceFields; readonly signInFlow?: SignInFlowSetting };
  /** The first field the source lacks, for the form to focus (a URL never gives the pool ID). */
  readonly focus?: MissingProfileField;
  /** What to tell the user, one sentence each, in order. */
  readonly messages: readonly string[];
}

const MISSING: Readonly<Record<MissingProfileField, MessageKey>> = {
  userPoolId: 'profileSourceMissing_userPoolId',
  clientId: 'profileSourceMissing_clientId',
  region: 'profileSourceMissing_region',
};

const FOCUS_ORDER: readonly MissingProfileField[] = ['userPoolId', 'clientId', 'region'];

/**
 * The sign-in flow setting for the auth flow an app uses. An app on USER_PASSWORD_AUTH may have an app client that
 * does not allow SRP; "SRP, then password" still proves the password by SRP wherever the client allows it, and sends
 * it only where it does not. The user sees the setting chosen, and saving the profile is the consent.
 */
const SETTING_FOR_FLOW: Readonly<Record<SignInFlow, SignInFlowSetting>> = {
  USER_SRP_AUTH: 'srp',
  USER_PASSWORD_AUTH: 'srp-then-password',
};

const SETTING_LABEL: Readonly<Record<SignInFlowSetting, MessageKey>> = {
  srp: 'signInFlow_srp',
  'srp-then-password': 'signInFlow_srp_then_password',
  password: 'signInFlow_password',
};

const formatName = (format: ProfileSourceFormat): string => t(`profileSourceFormat_${format.replaceAll('-', '_')}` as MessageKey);

/**
 * What the profile form does with the result of readProfileSource (src/cognito/read-profile-source.ts): the fields
 * to fill, the field to focus, and the sentences that say what was read, what is missing and what the source says
 * about the pool. Nothing is saved: the user reviews the form and saves it.
 */
export function profileSourceOutcome(source: ProfileSource): ProfileSourceOutcome {
  if (source.kind === 'unreadable') return { messages: [t(`profileSourceUnreadable_${source.reason.replaceAll('-', '_')}` as MessageKey)] };
  if (source.kind === 'no-user-pool') return { messages: [t('profileSourceNoUserPool', formatName(source.format))] };
  // Without a pool ID the region is asked for no more: the form takes it from the pool ID once that is typed.
  const missing = source.missing.filter((field) => field !== 'region' || !source.missing.includes('userPoolId'));
  const flow = source.hints.signInFlow;
  const signInFlow = flow === undefined ? undefined : SETTING_FOR_FLOW[flow];
  const messages = [
    t('profileSourceFilled', formatName(source.format)),
    ...missing.map((field) => t(MISSING[field])),
    ...(flow !== undefined && signInFlow !== undefined ? [t('profileSourceFlowHint', flow, t(SETTING_LABEL[signInFlow]))] : []),
    ...(source.hints.totp === false ? [t('profileSourceNoTotp')] : []),
  ];
  const focus = FOCUS_ORDER.find((field) => missing.includes(field));
  return {
    fill: { fields: source.fields, ...(signInFlow === undefined ? {} : { signInFlow }) },
    ...(focus === undefined ? {} : { focus }),
    messages,
  };
}
