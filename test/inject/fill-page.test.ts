// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { FillOutcome } from '../../src/inject/fill-outcome.ts';
import { fillPage } from '../../src/inject/fill-page.ts';
import { probePage } from '../../src/inject/probe-page.ts';
import { loadFillPage } from '../support/fill-pages/load-fill-page.ts';

const CODE = '492039';

const filled = (field: 'single' | 'segmented', focus: 'field' | 'submit', more: { submitted?: boolean; valueMatches?: boolean } = {}): FillOutcome => ({
  kind: 'filled',
  field,
  focus,
  submitted: more.submitted ?? false,
  valueMatches: more.valueMatches ?? true,
});

const element = (id: string): HTMLElement => {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`no #${id}`);
  return found;
};
const byId = (id: string): HTMLInputElement => element(id) as HTMLInputElement;
const text = (id: string): string => element(id).textContent;

/** Submissions the page would make, stopped before jsdom navigates: the submitter's text, and the form's fields. */
function recordSubmissions(): { submitter: string; fields: Record<string, string> }[] {
  const submissions: { submitter: string; fields: Record<string, string> }[] = [];
  document.addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const submitter = event.submitter as HTMLButtonElement | HTMLInputElement | null;
    const fields = Object.fromEntries([...new FormData(form).entries()].map(([name, value]) => [name, typeof value === 'string' ? value : value.name]));
    submissions.push({ submitter: submitter?.localName === 'input' ? submitter.value : (submitter?.textContent ?? ''), fields });
  });
  return submissions;
}

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  document.title = '';
});

describe('fillPage on the test pages', () => {
  it('plain.html: fills the one-time-code field, with bubbling input and change events, and focuses Verify', async () => {
    loadFillPage('plain.html');
    const seen: string[] = [];
    for (const type of ['input', 'change']) {
      document.addEventListener(type, (event) => seen.push(`${event.type}:${(event.target as HTMLInputElement).value}:${String(event.composed)}`));
    }
    expect(await fillPage({ code: CODE, submit: false })).toEqual(filled('single', 'submit'));
    expect(byId('otp').value).toBe(CODE);
    expect(seen).toEqual([`input:${CODE}:true`, `change:${CODE}:false`]);
    expect(document.activeElement?.textContent).toBe('Verify');
  });

  it('plain.html with submit: submits through Verify with the code', async () => {
    loadFillPage('plain.html');
    const submissions = recordSubmissions();
    expect(await fillPage({ code: CODE, submit: true })).toEqual(filled('single', 'submit', { submitted: true }));
    expect(submissions).toEqual([{ submitter: 'Verify', fields: { otp: CODE } }]);
  });

  it('react-like.html: a direct value assignment never reaches the component state (the page is a faithful trap)', async () => {
    loadFillPage('react-like.html');
    const input = byId('verification-code');
    input.value = CODE;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(text('state')).toBe('');
    expect(document.querySelector('button')?.disabled).toBe(true);
  });

  it('react-like.html: the native setter gets past the value tracker; the state holds the code and Continue is enabled and focused', async () => {
    loadFillPage('react-like.html');
    expect(await fillPage({ code: CODE, submit: false })).toEqual(filled('single', 'submit'));
    expect(text('state')).toBe(CODE);
    expect(byId('verification-code').value).toBe(CODE);
    expect(document.activeElement?.textContent).toBe('Continue');
  });

  it('react-like.html with submit: the page receives the state through its submit handler', async () => {
    loadFillPage('react-like.html');
    expect(await fillPage({ code: CODE, submit: true })).toEqual(filled('single', 'submit', { submitted: true }));
    expect(text('result')).toBe(`Submitted ${CODE}`);
  });

  it('segmented.html: one digit per box, each with keydown, input, change and keyup, then Verify has focus', async () => {
    loadFillPage('segmented.html');
    const seen: string[] = [];
    for (const type of ['keydown', 'input', 'change', 'keyup']) {
      document.addEventListener(type, (event) => seen.push(`${(event.target as HTMLInputElement).name}:${event.type}`));
    }
    expect(await fillPage({ code: CODE, submit: false })).toEqual(filled('segmented', 'submit'));
    expect(['d1', 'd2', 'd3', 'd4', 'd5', 'd6'].map((name) => document.querySelector<HTMLInputElement>(`[name="${name}"]`)?.value)).toEqual(CODE.split(''));
    expect(text('joined')).toBe(CODE);
    expect(seen).toEqual(['d1', 'd2', 'd3', 'd4', 'd5', 'd6'].flatMap((name) => ['keydown', 'input', 'change', 'keyup'].map((type) => `${name}:${type}`)));
    expect(document.activeElement?.textContent).toBe('Verify');
  });

  it.each<[boolean, string]>([
    [true, `Submitted: ${CODE}`],
    [false, ''],
  ])('submit-after-fill.html with submit %s: the page shows what it was submitted, once', async (submit, shown) => {
    loadFillPage('submit-after-fill.html');
    expect(await fillPage({ code: CODE, submit })).toEqual(filled('single', 'submit', { submitted: submit }));
    expect(text('result')).toBe(shown);
  });

  it('backup-and-verification.html: fills the verification code and leaves the backup code alone', async () => {
    loadFillPage('backup-and-verification.html');
    expect(await fillPage({ code: CODE, submit: false })).toEqual(filled('single', 'submit'));
    expect([byId('backup_code').value, byId('verification_code').value]).toEqual(['', CODE]);
  });

  it('cognito-hosted-ui-like.html: fills the visible copy of the form and submits it through "Sign in"', async () => {
    loadFillPage('cognito-hosted-ui-like.html');
    const submissions = recordSubmissions();
    expect(await fillPage({ code: CODE, submit: true })).toEqual(filled('single', 'submit', { submitted: true }));
    const [hiddenCopy, shownCopy] = Array.from(document.querySelectorAll<HTMLInputElement>('input[name="totpCode"]'));
    expect([hiddenCopy?.value, shownCopy?.value]).toEqual(['', CODE]);
    expect(submissions).toEqual([{ submitter: 'Sign in', fields: { totpCode: CODE } }]);
  });

  it('managed-login-like.html: fills the generated-id controlled input by its label, and focuses "Sign in"', async () => {
    loadFillPage('managed-login-like.html');
    expect(await fillPage({ code: CODE, submit: false })).toEqual(filled('single', 'submit'));
    expect(text('state')).toBe(CODE);
    expect(document.activeElement?.textContent).toBe('Sign in');
  });

  it.each(['prompt.html', 'submitted.html', 'framed.html'])('%s: no field in the document itself, nothing touched', async (page) => {
    loadFillPage(page);
    const before = document.body.innerHTML;
    expect(await fillPage({ code: CODE, submit: true })).toEqual({ kind: 'no-field' });
    expect(document.body.innerHTML).toBe(before);
  });

  it('look-alike.html is filled like plain.html: telling them apart is the origin check, outside the page', async () => {
    loadFillPage('look-alike.html');
    expect(await fillPage({ code: CODE, submit: false })).toEqual(filled('single', 'submit'));
  });
});

describe('fillPage: fields it leaves alone', () => {
  it('a checkout form with postal code, coupon, phone, password and card fields gives no-field and keeps every value', async () => {
    document.body.innerHTML = `
      <form>
        <label for="zip">Postal code</label><input id="zip" inputmode="numeric" maxlength="8">
        <label for="coupon">Coupon code</label><input id="coupon">
        <label for="phone">Phone</label><input id="phone" type="tel" autocomplete="tel">
        <label for="pw">Password</label><input id="pw" type="password">
        <label for="cc">Card number</label><input id="cc" autocomplete="cc-number" inputmode="numeric">
        <label for="cvc">Security code</label><input id="cvc" autocomplete="cc-csc" inputmode="numeric">
        <button>Pay</button>
      </form>`;
    expect(await fillPage({ code: CODE, submit: true })).toEqual({ kind: 'no-field' });
    expect(Array.from(document.querySelectorAll('input'), (input) => input.value)).toEqual(['', '', '', '', '', '']);
  });
});

describe('fillPage: focus and submit', () => {
  it('a disabled or hidden submit button is not the obvious one', async () => {
    document.body.innerHTML = '<form><input id="otp" autocomplete="one-time-code"><button disabled>Verify</button><button hidden>Go</button></form>';
    expect(await fillPage({ code: CODE, submit: true })).toEqual(filled('single', 'field'));
  });

  it('does not submit when the page changed the value (and says so)', async () => {
    document.body.innerHTML = '<form><input id="otp" autocomplete="one-time-code"><button>Verify</button></form>';
    const input = byId('otp');
    input.addEventListener('input', () => {
      input.value = input.value.slice(0, 4);
    });
    const submissions = recordSubmissions();
    expect(await fillPage({ code: CODE, submit: true })).toEqual(filled('single', 'submit', { valueMatches: false }));
    expect(submissions).toEqual([]);
  });

  it('reads the value back without the spaces a page inserts ("492 039")', async () => {
    document.body.innerHTML = '<form><input id="otp" autocomplete="one-time-code"><button>Verify</button></form>';
    const input = byId('otp');
    input.addEventListener('input', () => {
      input.value = `${input.value.slice(0, 3)} ${input.value.slice(3)}`;
    });
    expect(await fillPage({ code: CODE, submit: false })).toEqual(filled('single', 'submit'));
    expect(input.value).toBe('492 039');
  });

  it('fills the field the user pointed at (context menu), even without a hint', async () => {
    document.body.innerHTML = '<input id="other" autocomplete="one-time-code"><input id="pointed">';
    byId('pointed').focus();
    expect(await fillPage({ code: CODE, submit: false, useFocusedField: true })).toEqual(filled('single', 'field'));
    expect([byId('other').value, byId('pointed').value]).toEqual(['', CODE]);
  });

  it('waits for the page to settle before looking for the submit button (settle is injectable)', async () => {
    document.body.innerHTML = '<form><input id="otp" autocomplete="one-time-code"><button disabled>Verify</button></form>';
    const button = document.querySelector('button');
    const settle = (): Promise<void> => {
      if (button !== null) button.disabled = false;
      return Promise.resolve();
    };
    expect(await fillPage({ code: CODE, submit: false }, { settle })).toEqual(filled('single', 'submit'));
  });
});

describe('fillPage: the submit rules (submit after filling, an account’s choice)', () => {
  const CODE_FIELD = '<label for="otp">Verification code</label><input id="otp" name="otp" autocomplete="one-time-code">';
  const BOXES = [1, 2, 3, 4, 5, 6].map((n) => `<input name="d${n}" aria-label="Digit ${n}" inputmode="numeric" maxlength="1">`).join('');
  const DIGITS = Object.fromEntries(CODE.split('').map((digit, i) => [`d${i + 1}`, digit]));

  it.each<[string, string, FillOutcome, { submitter: string; fields: Record<string, string> }[]]>([
    ['one submit button: submitted through it', `<form>${CODE_FIELD}<button>Verify</button></form>`, filled('single', 'submit', { submitted: true }), [{ submitter: 'Verify', fields: { otp: CODE } }]],
    [
      'one submit button beside a "Resend code" one: submitted through the one (Resend is not a candidate)',
      `<form>${CODE_FIELD}<button name="resend">Resend code</button><input type="submit" value="Continue"></form>`,
      filled('single', 'submit', { submitted: true }),
      [{ submitter: 'Continue', fields: { otp: CODE } }],
    ],
    ['two submit buttons: not submitted', `<form>${CODE_FIELD}<button>Verify</button><button>Verify and trust this device</button></form>`, filled('single', 'field'), []],
    ['only a "Resend code" submit button (Enter would press it): not submitted', `<form>${CODE_FIELD}<button>Resend code</button></form>`, filled('single', 'field'), []],
    ['only a hidden submit button (Enter would press it): not submitted', `<form>${CODE_FIELD}<button hidden>Go</button></form>`, filled('single', 'field'), []],
    ['no form: not submitted', `<div>${CODE_FIELD}<button>Verify</button></div>`, filled('single', 'field'), []],
    [
      'no button, and the code is the form’s only text field (Enter would submit it): submitted without a submitter',
      `<form><input type="hidden" name="session" value="s1">${CODE_FIELD}<label><input type="checkbox" name="trust" checked> Trust this device</label><button type="button">Help</button></form>`,
      filled('single', 'field', { submitted: true }),
      [{ submitter: '', fields: { session: 's1', otp: CODE, trust: 'on' } }],
    ],
    ['no button, and another text field (Enter would not submit): not submitted', `<form><input name="nickname" aria-label="Device name">${CODE_FIELD}</form>`, filled('single', 'field'), []],
    ['six boxes and one submit button: submitted through it with every digit', `<form><div role="group" aria-label="Verification code">${BOXES}</div><button>Verify</button></form>`, filled('segmented', 'submit', { submitted: true }), [{ submitter: 'Verify', fields: DIGITS }]],
    ['six boxes and no button (six fields: Enter would not submit): not submitted', `<form><div role="group" aria-label="Verification code">${BOXES}</div></form>`, filled('segmented', 'field'), []],
  ])('%s', async (_, html, outcome, expected) => {
    document.body.innerHTML = html;
    const submissions = recordSubmissions();
    expect(await fillPage({ code: CODE, submit: true })).toEqual(outcome);
    expect(submissions).toEqual(expected);
    // Focus ends on the submit button used, else on the field (the last box).
    const focus = outcome.kind === 'filled' && outcome.focus === 'submit' ? 'button[type="submit"], button:not([type]), input[type="submit"]' : 'input[name="otp"], input[name="d6"]';
    expect(document.activeElement?.matches(focus)).toBe(true);
  });

  it.each([
    ['one submit button', `<form>${CODE_FIELD}<button>Verify</button></form>`],
    ['the code field alone', `<form>${CODE_FIELD}</form>`],
    ['six boxes and one submit button', `<form><div role="group" aria-label="Verification code">${BOXES}</div><button>Verify</button></form>`],
  ])('never submits with the option off: %s', async (_, html) => {
    document.body.innerHTML = html;
    const submissions = recordSubmissions();
    expect(await fillPage({ code: CODE, submit: false })).toMatchObject({ kind: 'filled', submitted: false, valueMatches: true });
    expect(submissions).toEqual([]);
  });

  it('submits after the value is set and the input and change events fired', async () => {
    document.body.innerHTML = `<form>${CODE_FIELD}<button>Verify</button></form>`;
    const seen: string[] = [];
    for (const type of ['input', 'change', 'click', 'submit']) document.addEventListener(type, (event) => seen.push(`${event.type}:${byId('otp').value}`));
    recordSubmissions();
    await fillPage({ code: CODE, submit: true });
    expect(seen).toEqual([`input:${CODE}`, `change:${CODE}`, `click:${CODE}`, `submit:${CODE}`]);
  });

  it('clicks the button, as pressing Enter in the field does: a page that handles the click itself sees it', async () => {
    document.body.innerHTML = `<form>${CODE_FIELD}<button>Verify</button></form><p id="result"></p>`;
    const button = document.querySelector('button');
    button?.addEventListener('click', (event) => {
      event.preventDefault();
      element('result').textContent = `Verified ${byId('otp').value}`;
    });
    expect(await fillPage({ code: CODE, submit: true })).toEqual(filled('single', 'submit', { submitted: true }));
    expect(text('result')).toBe(`Verified ${CODE}`);
  });
});

describe('fillPage: requests and failures', () => {
  it.each<[string, unknown]>([
    ['no request', undefined],
    ['a string', CODE],
    ['letters', { code: 'abcdef', submit: false }],
    ['five digits', { code: '12345', submit: false }],
    ['nine digits', { code: '123456789', submit: false }],
    ['spaces', { code: '123 456', submit: false }],
    ['non-ASCII digits', { code: '١٢٣٤٥٦', submit: false }],
    ['no submit flag', { code: CODE }],
    ['a submit flag that is not a boolean', { code: CODE, submit: 'yes' }],
    ['a useFocusedField that is not a boolean', { code: CODE, submit: false, useFocusedField: 1 }],
    ['a notAfter that is not a number', { code: CODE, submit: false, notAfter: '2030-01-01' }],
    ['a notAfter that is not finite', { code: CODE, submit: false, notAfter: Number.NaN }],
  ])('%s: invalid-request, nothing touched', async (_, request) => {
    document.body.innerHTML = '<input id="otp" autocomplete="one-time-code">';
    expect(await fillPage(request)).toEqual({ kind: 'invalid-request' });
    expect(byId('otp').value).toBe('');
  });

  it.each(['1234567', '12345678'])('takes %s (7 and 8 digits)', async (code) => {
    document.body.innerHTML = '<input id="otp" autocomplete="one-time-code">';
    expect(await fillPage({ code, submit: false })).toEqual(filled('single', 'field'));
    expect(byId('otp').value).toBe(code);
  });

  it('fills up to notAfter, and not a millisecond later (an injection Chrome held behind a dialog)', async () => {
    document.body.innerHTML = '<input id="otp" autocomplete="one-time-code">';
    const now = (): number => 1_700_000_000_000;
    expect(await fillPage({ code: CODE, submit: false, notAfter: now() - 1 }, { now })).toEqual({ kind: 'expired' });
    expect(byId('otp').value).toBe('');
    expect(await fillPage({ code: CODE, submit: false, notAfter: now() }, { now })).toEqual(filled('single', 'field'));
    expect(byId('otp').value).toBe(CODE);
  });

  it('turns an exception from the page into "failed", without throwing or telling the page', async () => {
    document.body.innerHTML = '<input id="otp" autocomplete="one-time-code">';
    Object.defineProperty(byId('otp'), 'focus', {
      value: () => {
        throw new Error('page script broke');
      },
    });
    expect(await fillPage({ code: CODE, submit: false })).toEqual({ kind: 'failed' });
  });
});

describe('probePage', () => {
  it.each<[string, string, unknown]>([
    ['a single field', 'plain.html', { kind: 'single', score: 175 }],
    ['boxes', 'segmented.html', { kind: 'segmented', score: 200 }],
    ['nothing', 'prompt.html', { kind: 'none' }],
  ])('%s (%s), touching nothing', (_, page, expected) => {
    loadFillPage(page);
    const before = Array.from(document.querySelectorAll('input'), (input) => input.value);
    expect(probePage({ digits: 6 })).toEqual(expected);
    expect(Array.from(document.querySelectorAll('input'), (input) => input.value)).toEqual(before);
  });

  it.each<[string, unknown]>([
    ['no request', undefined],
    ['digits out of range', { digits: 5 }],
    ['digits as text', { digits: '6' }],
  ])('answers none for %s', (_, request) => {
    loadFillPage('plain.html');
    expect(probePage(request)).toEqual({ kind: 'none' });
  });
});
