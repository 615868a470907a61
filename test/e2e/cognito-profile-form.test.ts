import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProfile, signInForm, storedProfile } from '../support/cognito-e2e.ts';
import { dumpExtensionStorage } from '../support/dump-extension-storage.ts';
import { launchExtension, type LoadedExtension } from '../support/launch-extension.ts';

// The connection profile form in Chromium: the notice for an endpoint that is not Amazon Cognito (issue 9 item 3) and
// filling the form from an Amplify config (issue 13 item 6). Nothing here signs in: no server is needed.

let ext: LoadedExtension;

beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext.close();
});

const NOT_AWS = (host: string): string =>
  `${host} is not Amazon Cognito. Whoever runs it receives what this profile sends: the codes, the tokens and, with a sign-in flow that sends it, the password itself. Use it only if you trust it, e.g. a local emulator.`;

const newProfileForm = async (page: Page): Promise<Locator> => {
  await page.getByRole('button', { name: 'New profile' }).click();
  return page.getByRole('form', { name: 'Connection profile' });
};

describe('the notice for an endpoint that is not Amazon Cognito', () => {
  it('is on the form while a custom endpoint is typed and above the profile\'s sign-in form, and absent for a profile on AWS', async () => {
    const page = await ext.openOptions('#cognito');
    const form = await newProfileForm(page);
    await form.getByText('Advanced').click();
    await form.getByRole('textbox', { name: 'Endpoint URL (optional)' }).fill('http://127.0.0.1:9229');
    expect(await form.getByRole('note').allTextContents()).toEqual([NOT_AWS('127.0.0.1:9229')]);
    await form.getByRole('button', { name: 'Cancel' }).click();

    await createProfile(page, 'http://127.0.0.1:9229', { name: 'Emulator', userPoolId: 'local_1a2B3c4D', clientId: 'emulatorclient0123456789' });
    await signInForm(page, 'Emulator').waitFor();
    expect(await page.getByRole('note').allTextContents()).toEqual([NOT_AWS('127.0.0.1:9229')]);

    // A profile on AWS's endpoint (none typed): no notice, on the form or above its sign-in form.
    const aws = await newProfileForm(page);
    await aws.getByRole('textbox', { name: 'Profile name' }).fill('On AWS');
    await aws.getByRole('textbox', { name: 'User pool ID' }).fill('eu-west-1_Abc123');
    await aws.getByRole('textbox', { name: 'App client ID' }).fill('awsclient0123456789');
    expect(await aws.getByRole('note').count()).toBe(0);
    await aws.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('button', { name: 'Use On AWS' }).click();
    await signInForm(page, 'On AWS').waitFor();
    expect(await page.getByRole('note').count()).toBe(0);
    await page.getByRole('button', { name: 'Use Emulator' }).click();
    await signInForm(page, 'Emulator').waitFor();
    expect(await page.getByRole('note').allTextContents()).toEqual([NOT_AWS('127.0.0.1:9229')]);
    await page.close();
  });
});

describe('filling the profile form from an Amplify config', () => {
  it('fills region, pool ID, app client ID and managed login domain from a pasted amplify_outputs.json; nothing is saved until Save', async () => {
    const page = await ext.openOptions('#cognito');
    const form = await newProfileForm(page);
    await form.getByText('Fill from an Amplify config or a sign-in URL').click();
    const config = readFileSync(new URL('../support/amplify-samples/amplify_outputs.json', import.meta.url), 'utf8');
    await form.getByRole('textbox', { name: 'Amplify config or sign-in URL' }).fill(config);
    await form.getByRole('button', { name: 'Fill the form' }).click();

    const field = (name: string): Locator => form.getByRole('textbox', { name, exact: true });
    await expect.poll(() => field('User pool ID').inputValue()).toBe('ap-northeast-1_AbC123xyZ');
    expect(await field('Region').inputValue()).toBe('ap-northeast-1');
    expect(await field('App client ID').inputValue()).toBe('1example23456789abcdefghij');
    expect(await field('Managed login domain (optional)').inputValue()).toBe('keystep-demo.auth.ap-northeast-1.amazoncognito.com');
    expect(await form.getByRole('status').textContent()).toBe('Read amplify_outputs.json (Amplify Gen 2) and filled in the fields it gives. Check them and save the profile.');
    // The name is the one field left: it has the focus.
    expect(await field('Profile name').evaluate((input) => input === document.activeElement)).toBe(true);
    expect(storedProfile(await dumpExtensionStorage(page), 'From Amplify')).toBeUndefined();

    await field('Profile name').fill('From Amplify');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('status').filter({ hasText: 'saved' }).waitFor();
    expect(storedProfile(await dumpExtensionStorage(page), 'From Amplify')).toMatchObject({
      region: 'ap-northeast-1',
      userPoolId: 'ap-northeast-1_AbC123xyZ',
      clientId: '1example23456789abcdefghij',
      managedLoginDomain: 'keystep-demo.auth.ap-northeast-1.amazoncognito.com',
      signInFlow: 'srp',
    });
    await page.close();
  });
});
