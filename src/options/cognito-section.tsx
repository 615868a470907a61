import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CognitoApi } from '../cognito/cognito-api.ts';
import type { CognitoProfile } from '../cognito/cognito-profile.ts';
import type { CognitoProfileError, CognitoProfileInput } from '../cognito/validate-cognito-profile.ts';
import type { AccountStore } from '../platform/account-store.ts';
import { t } from '../platform/i18n.ts';
import { createProfileRepository, type ProfileRepository } from '../platform/profile-repository.ts';
import type { StoredCognitoProfile } from '../platform/storage-items.ts';
import { deleteProfile } from '../services/enrollment/delete-profile.ts';
import { discardPending } from '../services/enrollment/discard-pending.ts';
import { profilesWithSecrets } from '../services/enrollment/profiles-with-secrets.ts';
import { saveProfile } from '../services/enrollment/save-profile.ts';
import { describeProfilesError } from './describe-profiles-error.ts';
import { EnrollmentPanel } from './enrollment-panel.tsx';
import { nonAwsEndpointHost } from './non-aws-endpoint-host.ts';
import { ProfileForm } from './profile-form.tsx';
import { useEnrollmentFlow } from './use-enrollment-flow.ts';
import { describeError } from '../ui/describe-error.ts';

export interface CognitoSectionProps {
  readonly store: AccountStore;
  readonly clock: () => number;
  readonly newId: () => string;
  readonly makeApi?: (profile: CognitoProfile) => CognitoApi;
  /** The saved profiles; default the extension's. */
  readonly profiles?: ProfileRepository;
  /** The client secrets remembered in the vault, from the page's vault snapshot (the section exists only while it is unlocked). */
  readonly remembered: Readonly<Record<string, string>> | undefined;
}

const defaultProfiles = createProfileRepository();

type Editing = { readonly kind: 'new' } | { readonly kind: 'edit'; readonly id: string } | undefined;

/**
 * Connection profiles (saved, several, editable, deletable) and, for the selected one,
 * sign-in and one-click enrollment. Client secrets not marked "remember" stay in this page's
 * memory only; remembered ones are kept in the vault (encrypted with it when a master password
 * is set), never in the profile list.
 */
export function CognitoSection({ store, clock, newId, makeApi, profiles: repository = defaultProfiles, remembered }: CognitoSectionProps) {
  const [stored, setStored] = useState<readonly StoredCognitoProfile[]>([]);
  const [selectedId, setSelectedId] = useState<string>();
  const [editing, setEditing] = useState<Editing>();
  const [secrets, setSecrets] = useState<ReadonlyMap<string, string>>(new Map());
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState('');

  useEffect(() => {
    const show = (list: readonly StoredCognitoProfile[]): void => {
      setStored(list);
      setSelectedId((current) => (current && list.some((p) => p.id === current) ? current : list[0]?.id));
    };
    const refused = (error: unknown): void => setProblem(t('profilesLoadFailed', describeProfilesError(error)));
    repository.load().then(show, refused);
    return repository.subscribe(show, refused);
  }, [repository]);

  const profiles = useMemo(() => profilesWithSecrets(stored, remembered), [stored, remembered]);
  const selected = profiles.find((p) => p.id === selectedId);
  const { flow, state } = useEnrollmentFlow(selected, { store, clock, ...(makeApi ? { makeApi } : {}) });

  const save = async (input: CognitoProfileInput, secret: { value: string; remember: boolean }): Promise<readonly CognitoProfileError[] | undefined> => {
    const outcome = await saveProfile({ input, secret, id: editing?.kind === 'edit' ? editing.id : undefined }, { profiles: repository, store, newId });
    switch (outcome.kind) {
      case 'invalid':
        return outcome.errors;
      case 'save-failed':
        setProblem(t('saveFailed', describeProfilesError(outcome.error)));
        return undefined;
      case 'saved': {
        const { profile, profiles: saved, sessionSecret } = outcome;
        const memory = new Map(secrets);
        if (sessionSecret === undefined) memory.delete(profile.id);
        else memory.set(profile.id, sessionSecret);
        setSecrets(memory);
        setStored(saved);
        setSelectedId(profile.id);
        setEditing(undefined);
        setProblem('');
        setStatus(t('profileSaved', profile.name));
        return undefined;
      }
    }
  };

  const remove = async (profile: StoredCognitoProfile): Promise<void> => {
    if (!confirm(t('confirmDeleteProfile', profile.name))) return;
    const outcome = await deleteProfile(profile.id, { profiles: repository, store });
    if (outcome.kind === 'save-failed') {
      setProblem(t('saveFailed', describeProfilesError(outcome.error)));
      return;
    }
    setProblem('');
    setStatus(t('profileDeleted', profile.name));
  };

  const editingProfile = editing?.kind === 'edit' ? profiles.find((p) => p.id === editing.id) : undefined;
  const notAwsHost = nonAwsEndpointHost(selected?.endpoint);

  return (
    <section id="cognito" class="card" aria-labelledby="cognito-heading">
      <h2 id="cognito-heading">{t('cognitoHeading')}</h2>
      <p class="help">{t('cognitoIntro')}</p>
      {profiles.length === 0 && !editing && <p>{t('profilesEmpty')}</p>}
      {profiles.length > 0 && (
        <ul class="profiles" aria-label={t('profilesLabel')}>
          {profiles.map((profile) => (
            <li key={profile.id} class={profile.id === selectedId ? 'selected' : ''}>
              <button type="button" class="profile-pick" aria-pressed={profile.id === selectedId} aria-label={t('selectProfile', profile.name)} onClick={() => setSelectedId(profile.id)}>
                <strong>{profile.name}</strong>
                <span class="help">{profile.userPoolId}</span>
              </button>
              <button type="button" onClick={() => setEditing({ kind: 'edit', id: profile.id })}>
                {t('editProfile', profile.name)}
              </button>
              <button type="button" class="danger" onClick={() => void remove(profile)}>
                {t('deleteProfile', profile.name)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {!editing && (
        <button type="button" onClick={() => setEditing({ kind: 'new' })}>
          {t('newProfile')}
        </button>
      )}
      <div role="status">{status && <p class="summary">{status}</p>}</div>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      {editing && (
        <ProfileForm
          key={editing.kind === 'edit' ? editing.id : 'new'}
          initial={editingProfile}
          sessionSecret={editing.kind === 'edit' ? secrets.get(editing.id) : undefined}
          onSave={save}
          onCancel={() => setEditing(undefined)}
        />
      )}
      {!editing && selected && notAwsHost !== undefined && (
        <p class="warning" role="note">
          {t('profileEndpointNotAws', notAwsHost)}
        </p>
      )}
      {!editing && selected && flow && (
        <EnrollmentPanel
          key={selected.id}
          profile={selected}
          flow={flow}
          state={state}
          sessionSecret={secrets.get(selected.id)}
          onSessionSecret={(value) => setSecrets(new Map(secrets).set(selected.id, value))}
          onDiscardPending={async (accountId) => {
            const outcome = await discardPending(accountId, store);
            if (outcome.kind === 'discarded') return true;
            setProblem(t('saveFailed', outcome.kind === 'gone' ? t('accountGone') : describeError(outcome.error)));
            return false;
          }}
        />
      )}
    </section>
  );
}
