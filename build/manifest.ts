import packageJson from '../package.json' with { type: 'json' };
import manifestJson from '../manifest.json' with { type: 'json' };
import { chromeExtensionVersion } from './chrome-extension-version.ts';

/**
 * The extension's manifest as the build writes it: manifest.json with package.json's version, the one place the
 * version is written (manifest.json has none).
 */
export const manifest = { ...manifestJson, version: chromeExtensionVersion(packageJson.version) };
