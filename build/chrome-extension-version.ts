/**
 * `version` as Chrome and the Chrome Web Store take it: one to four dot-separated integers from 0 to 65535,
 * no leading zero on a non-zero integer, not all zero
 * (https://developer.chrome.com/docs/extensions/reference/manifest/version). package.json's version is written
 * to the manifest as it is, so a semver pre-release or build tag (`1.0.0-beta.1`) is refused here rather than by
 * Chrome at load time or by the store at upload.
 */
export function chromeExtensionVersion(version: string): string {
  const parts = version.split('.');
  const valid =
    parts.length >= 1 &&
    parts.length <= 4 &&
    parts.every((part) => /^(0|[1-9]\d{0,4})$/.test(part) && Number(part) <= 65535) &&
    parts.some((part) => part !== '0');
  if (!valid) {
    throw new Error(
      `package.json version "${version}" is not a Chrome extension version: 1 to 4 dot-separated integers from 0 to 65535, no leading zeros, not all zero`,
    );
  }
  return version;
}
