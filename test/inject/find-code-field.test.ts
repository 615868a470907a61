// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeField } from '../../src/inject/code-field.ts';
import { deepActiveElement } from '../../src/inject/deep-active-element.ts';
import { findCodeField } from '../../src/inject/find-code-field.ts';

interface Case {
  /** Body HTML. */
  readonly html: string;
  /** The chosen field: one selector, a list of box selectors, or undefined for none. */
  readonly expected: string | readonly string[] | undefined;
  readonly digits?: number;
  /** Focus this element first. */
  readonly focus?: string;
  /** The user pointed at the focused element (context menu). */
  readonly target?: boolean;
}

const boxes = (count: number, extra = ''): string =>
  Array.from({ length: count }, (_, i) => `<input id="b${i + 1}" inputmode="numeric" maxlength="1" ${i === 0 ? extra : ''}>`).join('');
const boxIds = (count: number): string[] => Array.from({ length: count }, (_, i) => `#b${i + 1}`);

/** What findCodeField chose, as selectors of the test's HTML (by id). */
function describeField(field: CodeField | undefined): string | string[] | undefined {
  if (field === undefined) return undefined;
  return field.kind === 'single' ? `#${field.input.id}` : field.inputs.map((input) => `#${input.id}`);
}

function find(testCase: Case): string | string[] | undefined {
  document.body.innerHTML = testCase.html;
  if (testCase.focus !== undefined) document.querySelector<HTMLElement>(testCase.focus)?.focus();
  return describeField(
    findCodeField(document, { digits: testCase.digits ?? 6, focused: deepActiveElement(document), focusedIsTarget: testCase.target === true }),
  );
}

afterEach(() => {
  document.body.innerHTML = '';
  document.title = '';
});

describe('findCodeField: finds', () => {
  it.each<[string, Case]>([
    ['autocomplete="one-time-code"', { html: '<input id="a" name="x"><input id="otp" autocomplete="one-time-code">', expected: '#otp' }],
    ['autocomplete="one-time-code" before a field that only has words', { html: '<input id="w" name="verification_code"><input id="otp" autocomplete="one-time-code">', expected: '#otp' }],
    ['a sectioned autocomplete token list', { html: '<input id="otp" autocomplete="section-login one-time-code">', expected: '#otp' }],
    ['name totpCode', { html: '<input id="t" name="totpCode">', expected: '#t' }],
    ['name otp1 (a digit after the word)', { html: '<input id="t" name="otp1">', expected: '#t' }],
    ['autocomplete="one-time-code" in a checkout form (a card issuer\'s code step)', {
      html: '<form><p>Card number ending 1234</p><input id="t" autocomplete="one-time-code"></form>',
      expected: '#t',
    }],
    ['id mfa-code', { html: '<input id="mfa-code">', expected: '#mfa-code' }],
    ['a <label for> saying Verification code', { html: '<label for="v">Verification code</label><input id="v">', expected: '#v' }],
    ['a wrapping <label> naming the authenticator app', { html: '<label>Code from your authenticator app <input id="v"></label>', expected: '#v' }],
    ['aria-label 2FA code', { html: '<input id="v" aria-label="2FA code">', expected: '#v' }],
    ['aria-labelledby a heading', { html: '<h2 id="h">Authenticator code</h2><input id="v" aria-labelledby="h">', expected: '#v' }],
    ['placeholder saying "code" with a numeric keyboard', { html: '<input id="v" placeholder="6-digit code" inputmode="numeric">', expected: '#v' }],
    ['"code" in a form about two-factor authentication', { html: '<form><h1>Two-factor authentication</h1><input id="c" name="code"></form>', expected: '#c' }],
    ['a numeric 6-digit field in a form about the authenticator app', { html: '<form><p>Open your authenticator app</p><input id="n" inputmode="numeric" maxlength="6"></form>', expected: '#n' }],
    ['a numeric 6-digit field that has focus', { html: '<input id="n" inputmode="numeric" pattern="\\d{6}">', focus: '#n', expected: '#n' }],
    ['type=number named otp', { html: '<input id="n" type="number" name="otp">', expected: '#n' }],
    ['type=tel named otp (a numeric keyboard, not a phone)', { html: '<input id="n" type="tel" name="otp">', expected: '#n' }],
    ['an autocomplete value meant to defeat autofill', { html: '<input id="n" name="otp" autocomplete="nope">', expected: '#n' }],
    ['a maxlength that fits the code', { html: '<input id="n" name="otp" maxlength="8">', digits: 8, expected: '#n' }],
    ['a pattern that accepts the code', { html: '<input id="n" name="otp" pattern="[0-9]{6}">', expected: '#n' }],
    ['an invalid pattern (constrains nothing)', { html: '<input id="n" name="otp" pattern="[0-9">', expected: '#n' }],
    ['the visible copy of a form the page renders twice', {
      html: '<div hidden><input id="hidden-copy" name="totpCode"></div><div><input id="shown-copy" name="totpCode"></div>',
      expected: '#shown-copy',
    }],
    ['the verification code, not the backup code before it', {
      html: '<label for="bk">Backup code</label><input id="bk" inputmode="numeric"><label for="vc">Verification code</label><input id="vc" inputmode="numeric">',
      expected: '#vc',
    }],
    ['the authenticator code before an SMS code before it', {
      html: '<label for="sms">SMS code</label><input id="sms"><label for="app">Authenticator app code</label><input id="app">',
      expected: '#app',
    }],
    ['the first of two equal fields', { html: '<input id="one" name="otp"><input id="two" name="otp">', expected: '#one' }],
    ['six boxes of one character', { html: `<div>${boxes(6)}</div>`, expected: boxIds(6) }],
    ['six boxes, each wrapped in its own <div>', {
      html: `<div class="row">${boxIds(6).map((id) => `<div><input id="${id.slice(1)}" maxlength="1"></div>`).join('')}</div>`,
      expected: boxIds(6),
    }],
    ['six boxes split 3 + 3 around a dash', {
      html: '<div><span><input id="b1" maxlength="1"><input id="b2" maxlength="1"><input id="b3" maxlength="1"></span>-<span><input id="b4" maxlength="1"><input id="b5" maxlength="1"><input id="b6" maxlength="1"></span></div>',
      expected: boxIds(6),
    }],
    ['eight boxes for an 8-digit code', { html: `<div>${boxes(8)}</div>`, digits: 8, expected: boxIds(8) }],
    ['boxes over a single field that only says "code"', { html: `<input id="c" name="code"><div>${boxes(6)}</div>`, expected: boxIds(6) }],
  ])('%s', (_, testCase) => {
    expect(find(testCase)).toEqual(testCase.expected);
  });

  it('an input in an open shadow root (a web-component login form)', () => {
    document.body.innerHTML = '<login-form id="host"></login-form>';
    const root = document.getElementById('host')?.attachShadow({ mode: 'open' });
    if (root === undefined) throw new Error('no shadow root');
    root.innerHTML = '<label for="inner">One-time code</label><input id="inner">';
    expect(describeField(findCodeField(document, { digits: 6 }))).toBe('#inner');
  });
});

describe('findCodeField: never chooses', () => {
  it.each<[string, string, number?]>([
    ['a backup code', '<label for="f">Backup code</label><input id="f" inputmode="numeric">'],
    ['a recovery code', '<input id="f" name="recovery_code" autocomplete="one-time-code">'],
    ['a postal code', '<label for="f">Postal code</label><input id="f" inputmode="numeric" maxlength="6">'],
    ['a postal code by autocomplete', '<input id="f" name="code" autocomplete="postal-code">'],
    ['a ZIP code', '<input id="f" name="zip" inputmode="numeric">'],
    ['a coupon', '<label for="f">Coupon code</label><input id="f">'],
    ['a promo code', '<input id="f" name="promoCode">'],
    ['a phone number', '<label for="f">Phone number</label><input id="f" type="tel">'],
    ['a phone number by autocomplete', '<input id="f" name="code" type="tel" autocomplete="tel">'],
    ['a password field, whatever its name', '<input id="f" type="password" name="otp" autocomplete="one-time-code">'],
    ['a password by autocomplete', '<input id="f" name="otp" autocomplete="current-password">'],
    ['a text field about the password', '<label for="f">Password</label><input id="f">'],
    ['a card number', '<input id="f" name="code" autocomplete="cc-number">'],
    ['a card security code', '<label for="f">Card security code</label><input id="f" inputmode="numeric">'],
    ['a "Security code" in a checkout form (the CVV)', '<form><label>Card number <input name="number" inputmode="numeric"></label><label for="f">Security code</label><input id="f" name="securityCode" inputmode="numeric"></form>'],
    ['a beta access code', '<label for="f">Access code</label><input id="f">'],
    ['a CVC', '<input id="f" name="cvc" autocomplete="cc-csc">'],
    ['a username', '<input id="f" name="username" autocomplete="username">'],
    ['an e-mail input', '<input id="f" type="email" name="otp">'],
    ['a search input', '<input id="f" type="search" name="otp">'],
    ['a hidden input', '<input id="f" type="hidden" name="otp">'],
    ['an input under display: none', '<div style="display: none"><input id="f" name="otp"></div>'],
    ['an input with visibility: hidden', '<input id="f" name="otp" style="visibility: hidden">'],
    ['an input under a hidden attribute', '<section hidden><input id="f" name="otp"></section>'],
    ['a disabled input', '<input id="f" name="otp" disabled>'],
    ['an input in a disabled fieldset', '<fieldset disabled><input id="f" name="otp"></fieldset>'],
    ['a read-only input', '<input id="f" name="otp" readonly>'],
    ['a textarea', '<textarea id="f" name="otp"></textarea>'],
    ['a field shorter than the code', '<input id="f" name="otp" maxlength="6">', 8],
    ['a field whose pattern refuses digits', '<input id="f" name="otp" pattern="[A-Z]{8}">'],
    ['a field that only says "code"', '<input id="f" name="code">'],
    ['a numeric 6-digit field with no word about it', '<input id="f" inputmode="numeric" maxlength="6">'],
    ['a field with no hint at all', '<input id="f" name="notes">'],
    ['boxes for a shorter code', `<div>${boxes(6)}</div>`, 8],
    ['boxes labelled as a password (characters of a password)', `<div role="group" aria-label="Characters of your password">${boxes(8)}</div>`, 8],
    ['only three boxes', `<div>${boxes(3)}</div>`],
    ['a page without inputs', '<p>Sign in</p><button>Enter code</button>'],
  ])('%s', (_, html, digits = 6) => {
    expect(find({ html, expected: undefined, digits })).toBeUndefined();
  });
});

describe('findCodeField: the focused element', () => {
  it('is only a hint for the keyboard command: a one-time-code field elsewhere wins', () => {
    expect(find({ html: '<input id="notes" name="notes"><input id="otp" autocomplete="one-time-code">', focus: '#notes', expected: '#otp' })).toBe('#otp');
  });

  it('is taken when the user pointed at it, even without any hint', () => {
    expect(find({ html: '<input id="plain"><input id="otp" autocomplete="one-time-code">', focus: '#plain', target: true, expected: '#plain' })).toBe('#plain');
  });

  it('brings its whole row of boxes when the user pointed at one box', () => {
    expect(find({ html: `<div>${boxes(6)}</div>`, focus: '#b3', target: true, expected: boxIds(6) })).toEqual(boxIds(6));
  });

  it('is never a backup-code field, even when the user pointed at it: the search goes on', () => {
    const html = '<label for="bk">Backup code</label><input id="bk"><label for="vc">Verification code</label><input id="vc">';
    expect(find({ html, focus: '#bk', target: true, expected: '#vc' })).toBe('#vc');
  });

  it('is never a field too short for the code, even when the user pointed at it', () => {
    expect(find({ html: '<input id="short" maxlength="4">', focus: '#short', target: true, expected: undefined })).toBeUndefined();
  });
});
