import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// The layer table of docs/architecture.md, cell by cell, against the repository's own lint config: each row
// lints one import line as if it were a file at that path, and names the rule that must refuse it (none
// when the table allows it). The files need not exist: the boundary rules read only the import, so
// type-aware parsing is switched off and only those two rules run.

const root = fileURLToPath(new URL('../..', import.meta.url));

const LAYERS = 'keystep/layer-boundaries';
const PACKAGES = 'no-restricted-imports';
type Verdict = readonly [] | readonly [typeof LAYERS] | readonly [typeof PACKAGES];
const allowed: Verdict = [];
const refused: Verdict = [LAYERS];
const refusedPackage: Verdict = [PACKAGES];

interface Row {
  readonly file: string;
  readonly code: string;
  readonly verdict: Verdict;
}

const row = (file: string, code: string, verdict: Verdict): Row => ({ file, code, verdict });

const rows: readonly Row[] = [
  // core: nothing of ours; no browser API, no DOM, no Cognito.
  row('src/core/probe.ts', "import { decodeBase32 } from './base32.ts';", allowed),
  row('src/core/probe.ts', "import { signIn } from '../cognito/sign-in.ts';", refused),
  row('src/core/probe.ts', "import { t } from '../platform/i18n.ts';", refused),
  row('src/core/probe.ts', "import { describeError } from '../ui/describe-error.ts';", refused),
  row('src/core/probe.ts', "import { addUris } from '../services/add-uris.ts';", refused),
  row('src/core/probe.ts', "import browser from 'webextension-polyfill';", refusedPackage),
  row('src/core/probe.ts', "import { h } from 'preact';", refusedPackage),

  // cognito: core; never platform, ui, pages. Only the adapter file touches the AWS SDK.
  row('src/cognito/probe.ts', "import { generateCode } from '../core/otp.ts';", allowed),
  row('src/cognito/probe.ts', "import { createAccountStore } from '../platform/account-store.ts';", refused),
  row('src/cognito/probe.ts', "import { describeError } from '../ui/describe-error.ts';", refused),
  row('src/cognito/probe.ts', "import { App } from '../popup/app.tsx';", refused),
  row('src/cognito/probe.ts', "import { OptionsApp } from '../options/options-app.tsx';", refused),
  row('src/cognito/probe.ts', "import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';", refusedPackage),
  row('src/cognito/aws-cognito-client.ts', "import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';", allowed),

  // platform: core, and the enrollment-store port types of cognito (type-only); never ui, pages.
  row('src/platform/probe.ts', "import { migrateVaultRecord } from '../core/migrate-vault-record.ts';", allowed),
  row('src/platform/probe.ts', "import browser from 'webextension-polyfill';", allowed),
  row('src/platform/probe.ts', "import type { EnrollmentStore } from '../cognito/enrollment-store.ts';", allowed),
  row('src/platform/probe.ts', "import type { CognitoProfile } from '../cognito/cognito-profile.ts';", allowed),
  row('src/platform/probe.ts', "export type { EnrollmentStore } from '../cognito/enrollment-store.ts';", allowed),
  row('src/platform/probe.ts', "import { EnrollmentStore } from '../cognito/enrollment-store.ts';", refused),
  // Under verbatimModuleSyntax an inline `type` still loads the module.
  row('src/platform/probe.ts', "import { type EnrollmentStore } from '../cognito/enrollment-store.ts';", refused),
  row('src/platform/probe.ts', "import type { EnrollmentFlow } from '../cognito/enrollment-flow.ts';", refused),
  row('src/platform/probe.ts', "import { createEnrollmentFlow } from '../cognito/enrollment-flow.ts';", refused),
  row('src/platform/probe.ts', "import { describeError } from '../ui/describe-error.ts';", refused),
  row('src/platform/probe.ts', "import { App } from '../popup/app.tsx';", refused),
  row('src/platform/probe.ts', "import { OptionsApp } from '../options/options-app.tsx';", refused),
  row('src/platform/probe.ts', "import { addUris } from '../services/add-uris.ts';", refused),
  row('src/platform/probe.ts', "import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';", refusedPackage),
  row('src/platform/i18n.ts', "import type messages from '../static/_locales/en/messages.json';", allowed),
  // platform calls the page side through its contract: the functions executeScript sends, the file's path, the types.
  row('src/platform/probe.ts', "import { runInstalledFill } from '../inject/run-installed-fill.ts';", allowed),
  row('src/platform/probe.ts', "import { runInstalledProbe } from '../inject/run-installed-probe.ts';", allowed),
  row('src/platform/probe.ts', "import { INJECT_FILE } from '../inject/inject-file.ts';", allowed),
  row('src/platform/probe.ts', "import type { FillOutcome } from '../inject/fill-outcome.ts';", allowed),
  row('src/platform/probe.ts', "import { parseFillRequest } from '../inject/fill-request.ts';", refused),
  row('src/platform/probe.ts', "import { fillPage } from '../inject/fill-page.ts';", refused),

  // services: core, platform; cognito only in the enrollment use-cases; never ui, pages.
  row('src/services/probe.ts', "import { addDrafts } from '../core/vault-edits.ts';", allowed),
  row('src/services/probe.ts', "import type { AccountStore } from '../platform/account-store.ts';", allowed),
  row('src/services/probe.ts', "import { createEnrollmentFlow } from '../cognito/enrollment-flow.ts';", refused),
  row('src/services/probe.ts', "import type { CognitoApi } from '../cognito/cognito-api.ts';", refused),
  row('src/services/enrollment/probe.ts', "import { createEnrollmentFlow } from '../../cognito/enrollment-flow.ts';", allowed),
  row('src/services/enrollment/probe.ts', "import { addDrafts } from '../../core/vault-edits.ts';", allowed),
  row('src/services/enrollment/probe.ts', "import { createVaultEnrollmentStore } from '../../platform/vault-enrollment-store.ts';", allowed),
  row('src/services/enrollment/probe.ts', "import { describeError } from '../../ui/describe-error.ts';", refused),
  row('src/services/probe.ts', "import { describeError } from '../ui/describe-error.ts';", refused),
  row('src/services/probe.ts', "import { App } from '../popup/app.tsx';", refused),
  row('src/services/probe.ts', "import { OptionsApp } from '../options/options-app.tsx';", refused),
  row('src/services/probe.ts', "import browser from 'webextension-polyfill';", refusedPackage),
  // services name a fill's request and outcomes, as types only.
  row('src/services/probe.ts', "import type { FillRequest } from '../inject/fill-request.ts';", allowed),
  row('src/services/probe.ts', "import type { NotInstalled } from '../inject/run-installed-fill.ts';", allowed),
  row('src/services/probe.ts', "import { runInstalledFill } from '../inject/run-installed-fill.ts';", refused),
  row('src/services/probe.ts', "import type { FillCodeOptions } from '../inject/fill-code.ts';", refused),

  // ui: core, platform, services; never cognito.
  row('src/ui/probe.ts', "import { accountLabel } from '../core/account-label.ts';", allowed),
  row('src/ui/probe.ts', "import { t } from '../platform/i18n.ts';", allowed),
  row('src/ui/probe.ts', "import { addUris } from '../services/add-uris.ts';", allowed),
  row('src/ui/probe.ts', "import { signIn } from '../cognito/sign-in.ts';", refused),
  row('src/ui/probe.ts', "import type { CognitoProblem } from '../cognito/cognito-problem.ts';", refused),
  row('src/ui/probe.ts', "import { App } from '../popup/app.tsx';", refused),
  row('src/ui/probe.ts', "import { OptionsApp } from '../options/options-app.tsx';", refused),

  // popup: ui, services, platform, core; never cognito, options.
  row('src/popup/probe.ts', "import { useVault } from '../ui/use-vault.ts';", allowed),
  row('src/popup/probe.ts', "import { addUris } from '../services/add-uris.ts';", allowed),
  row('src/popup/probe.ts', "import { copyText } from '../platform/clipboard.ts';", allowed),
  row('src/popup/probe.ts', "import { codeSchedule } from '../core/code-schedule.ts';", allowed),
  row('src/popup/probe.ts', "import { signIn } from '../cognito/sign-in.ts';", refused),
  row('src/popup/probe.ts', "import type { CognitoProfile } from '../cognito/cognito-profile.ts';", refused),
  row('src/popup/probe.ts', "export { signIn } from '../cognito/sign-in.ts';", refused),
  row('src/popup/probe.ts', "export * from '../cognito/sign-in.ts';", refused),
  row('src/popup/probe.ts', "export const load = () => import('../cognito/sign-in.ts');", refused),
  row('src/popup/probe.ts', 'export const load = () => import(`../cognito/sign-in.ts`);', refused),
  row('src/popup/probe.ts', "export type Api = typeof import('../cognito/cognito-api.ts');", refused),
  row('src/popup/probe.ts', "import { OptionsApp } from '../options/options-app.tsx';", refused),
  row('src/popup/probe.ts', "export const load = () => import('../options/options-app.tsx');", refused),
  row('src/popup/probe.ts', "import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';", refusedPackage),

  // options: ui, services, platform, core, cognito; never popup.
  row('src/options/probe.ts', "import { useVault } from '../ui/use-vault.ts';", allowed),
  row('src/options/probe.ts', "import { addUris } from '../services/add-uris.ts';", allowed),
  row('src/options/probe.ts', "import { t } from '../platform/i18n.ts';", allowed),
  row('src/options/probe.ts', "import { createBackup } from '../core/backup-file.ts';", allowed),
  row('src/options/probe.ts', "import { createEnrollmentFlow } from '../cognito/enrollment-flow.ts';", allowed),
  row('src/options/probe.ts', "import { App } from '../popup/app.tsx';", refused),
  row('src/options/probe.ts', "import type { AccountRowProps } from '../popup/account-row.tsx';", refused),

  // background.ts: platform, services, core; never cognito (nor ui or pages).
  row('src/background.ts', "import { onInstalled } from './platform/on-installed.ts';", allowed),
  row('src/background.ts', "import { addUris } from './services/add-uris.ts';", allowed),
  row('src/background.ts', "import { VAULT_SCHEMA } from './core/vault.ts';", allowed),
  row('src/background.ts', "import { signIn } from './cognito/sign-in.ts';", refused),
  row('src/background.ts', "import type { CognitoProfile } from './cognito/cognito-profile.ts';", refused),
  row('src/background.ts', "import { describeError } from './ui/describe-error.ts';", refused),
  row('src/background.ts', "import { App } from './popup/app.tsx';", refused),
  row('src/background.ts', "import { OptionsApp } from './options/options-app.tsx';", refused),
  row('src/background.ts', "import { runInstalledFill } from './inject/run-installed-fill.ts';", refused),

  // inject/: core only (bundled in); never platform, ui, cognito, services.
  row('src/inject/probe.ts', "import { generateCode } from '../core/otp.ts';", allowed),
  row('src/inject/probe.ts', "import { copyText } from '../platform/clipboard.ts';", refused),
  row('src/inject/probe.ts', "import { describeError } from '../ui/describe-error.ts';", refused),
  row('src/inject/probe.ts', "import { signIn } from '../cognito/sign-in.ts';", refused),
  row('src/inject/probe.ts', "import { addUris } from '../services/add-uris.ts';", refused),
  row('src/inject/probe.ts', "import browser from 'webextension-polyfill';", refusedPackage),
  row('src/popup/probe.ts', "import { runInstalledFill } from '../inject/run-installed-fill.ts';", refused),

  // offscreen/: platform, core; never cognito, ui.
  row('src/offscreen/probe.ts', "import { copyText } from '../platform/clipboard.ts';", allowed),
  row('src/offscreen/probe.ts', "import { decodeBase32 } from '../core/base32.ts';", allowed),
  row('src/offscreen/probe.ts', "import { signIn } from '../cognito/sign-in.ts';", refused),
  row('src/offscreen/probe.ts', "import { describeError } from '../ui/describe-error.ts';", refused),

  // A folder with no row in the table is refused until it gets one, both as importer and as target.
  row('src/autofill/probe.ts', "import { generateCode } from '../core/otp.ts';", refused),
  row('src/popup/probe.ts', "import { fill } from '../autofill/fill.ts';", refused),
];

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({
    cwd: root,
    overrideConfigFile: '.ci/eslint.config.js',
    overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
    ruleFilter: ({ ruleId }) => ruleId === LAYERS || ruleId === PACKAGES,
  });
});

describe('.ci/eslint.config.js enforces the layer table of docs/architecture.md', () => {
  const cases = rows.map((r) => ({ ...r, outcome: r.verdict[0] === undefined ? 'allowed' : `refused by ${r.verdict[0]}` }));
  it.each(cases)('$file: $code -> $outcome', async ({ file, code, verdict }) => {
    const [result] = await eslint.lintText(`${code}\n`, { filePath: file });
    expect(result?.messages.map((m) => m.ruleId)).toEqual(verdict);
  });

  it('says which layer refused what, and what that layer may import', async () => {
    const [popup] = await eslint.lintText("import { signIn } from '../cognito/sign-in.ts';\n", { filePath: 'src/popup/probe.ts' });
    expect(popup?.messages.map((m) => m.message)).toEqual([
      'popup may not import src/cognito/sign-in.ts (docs/architecture.md: popup may import ui, services, platform, core).',
    ]);
    const [platform] = await eslint.lintText("import { EnrollmentStore } from '../cognito/enrollment-store.ts';\n", { filePath: 'src/platform/probe.ts' });
    expect(platform?.messages.map((m) => m.message)).toEqual(['platform may import only types from src/cognito/enrollment-store.ts: write `import type`.']);
  });
});
