import { describe, expect, it } from 'vitest';
import { chromeExtensionVersion } from '../../build/chrome-extension-version.ts';

// https://developer.chrome.com/docs/extensions/reference/manifest/version
describe('chromeExtensionVersion', () => {
  it.each(['1', '1.0', '0.1.0', '2.10.2', '3.1.2.4567', '0.1.0.0', '65535.65535.65535.65535'])('takes %s as it is', (version) => {
    expect(chromeExtensionVersion(version)).toBe(version);
  });

  it.each([
    ['a semver pre-release', '1.0.0-beta.1'],
    ['a semver build tag', '1.0.0+build.5'],
    ['five parts', '1.2.3.4.5'],
    ['an integer over 65535', '1.65536'],
    ['a leading zero', '1.032'],
    ['all zeros', '0.0.0'],
    ['an empty part', '1..2'],
    ['a letter', '1.x'],
    ['a sign', '+1.2'],
    ['nothing', ''],
  ])('refuses %s (%s), naming it', (_, version) => {
    expect(() => chromeExtensionVersion(version)).toThrow(`package.json version "${version}" is not a Chrome extension version`);
  });
});
