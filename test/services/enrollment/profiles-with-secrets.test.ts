import { describe, expect, it } from 'vitest';
import { profilesWithSecrets } from '../../../src/services/enrollment/profiles-with-secrets.ts';

const profile = (id: string, clientSecret?: string) => ({ id, name: id, region: 'eu-west-1', userPoolId: 'eu-west-1_Abc123', clientId: 'client0123', ...(clientSecret ? { clientSecret } : {}) });

describe('profilesWithSecrets', () => {
  it.each([
    ['the vault remembers one', [profile('p1')], { p1: 'vault' }, [profile('p1', 'vault')]],
    ['the vault wins over one an older build left in the list', [profile('p1', 'list')], { p1: 'vault' }, [profile('p1', 'vault')]],
    ['one only in the list (not moved yet)', [profile('p1', 'list')], undefined, [profile('p1', 'list')]],
    ['none anywhere', [profile('p1')], { p2: 'other' }, [profile('p1')]],
  ])('%s', (_, stored, remembered, expected) => {
    expect(profilesWithSecrets(stored, remembered)).toEqual(expected);
  });
});
