import { describe, expect, it } from 'vitest';
import type { DemoProfile } from './demo-profiles.ts';
import { formatDemoTable } from './format-demo-table.ts';

const profile = (name: string, logins: DemoProfile['logins']): DemoProfile => ({
  profile: { id: `demo-${name}`, name, region: 'us-east-1', userPoolId: 'us-east-1_abc', clientId: 'c' },
  logins,
});

describe('formatDemoTable', () => {
  it.each<[string, DemoProfile[], string[]]>([
    [
      'pads each column to its widest cell, one row per login',
      [profile('P', [{ username: 'a@example.com', password: 'pw', shows: 'x' }]), profile('Longer name', [{ username: 'b', password: 'Longer-pass', shows: 'y z' }])],
      [
        'Profile      Username       Password     What it shows',
        '-----------  -------------  -----------  -------------',
        'P            a@example.com  pw           x',
        'Longer name  b              Longer-pass  y z',
      ],
    ],
    [
      'repeats the profile on each of its logins',
      [profile('P', [
        { username: 'u1', password: 'p1', shows: 's1' },
        { username: 'u2', password: 'p2', shows: 's2' },
      ])],
      ['Profile  Username  Password  What it shows', '-------  --------  --------  -------------', 'P        u1        p1        s1', 'P        u2        p2        s2'],
    ],
    ['prints only the header without profiles', [], ['Profile  Username  Password  What it shows', '-------  --------  --------  -------------']],
  ])('%s', (_label, profiles, expected) => {
    expect(formatDemoTable(profiles).split('\n')).toEqual(expected);
  });
});
