import { act, fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { CognitoApi } from '../../src/cognito/cognito-api.ts';
import { CognitoServiceError } from '../../src/cognito/cognito-service-error.ts';
import { FillSection, type TimeSource } from '../../src/options/fill-section.tsx';
import { clockOffsetItem } from '../../src/platform/clock-offset-item.ts';
import { fakeBrowser, openedTabs, setCommandShortcut } from '../support/fake-browser.ts';

// Options, "Fill & clock": the fill shortcut as Chrome assigned it, the clock check against a Cognito endpoint's
// Date header (a GetUser Cognito refuses), the warning with the fixes above 10 s, and the offset.

const WAIT = { timeout: 2000, interval: 10 };
const T = 1_700_000_000_000;

/** A Cognito endpoint whose clock is `skewMs` ahead of T, answering each GetUser with NotAuthorizedException. */
function endpoint(skewMs: number) {
  const asked: TimeSource[] = [];
  const makeApi = (source: TimeSource): Pick<CognitoApi, 'getUser'> => {
    asked.push(source);
    // The check takes the middle of the header's second (+500 ms); the round trip takes no time on this clock.
    const serverDate = T + skewMs - 500;
    return { getUser: () => Promise.reject(new CognitoServiceError({ name: 'NotAuthorizedException', message: 'Invalid Access Token', status: 400, serverDate })) };
  };
  return { makeApi, asked };
}

describe('the fill shortcut', () => {
  it('says which keys fill a code, and opens Chrome’s shortcut settings', async () => {
    render(<FillSection clock={() => T} />);
    expect((await screen.findByText(/^Keyboard shortcut: Alt\+Shift\+K\./)).getAttribute('role')).toBe('status');
    fireEvent.click(screen.getByRole('button', { name: 'Change keyboard shortcuts' }));
    await vi.waitFor(() => expect(openedTabs).toEqual(['chrome://extensions/shortcuts']), WAIT);
  });

  it('says when Chrome left it without a shortcut', async () => {
    setCommandShortcut('fill-code', '');
    render(<FillSection clock={() => T} />);
    await screen.findByText(/^No keyboard shortcut is set for filling codes/);
  });
});

describe('the clock check', () => {
  it.each<[string, number, RegExp, boolean]>([
    ['a right clock', 300, /^Your computer's clock is right: within a second of cognito-idp\.us-east-1\.amazonaws\.com\.$/, false],
    ['5 s slow: close enough', 5_000, /^Your computer's clock is 5 s slow compared with .*\. That is close enough for codes\.$/, false],
    ['42 s slow: warns, with the fixes', 42_000, /^Your computer's clock is 42 s slow compared with .*\. Sites will refuse Keystep's codes\./, true],
    ['12 s fast: warns', -12_000, /^Your computer's clock is 12 s fast compared with /, true],
  ])('%s', async (_, skew, text, warns) => {
    const { makeApi } = endpoint(skew);
    render(<FillSection makeApi={makeApi} clock={() => T} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Check the clock' }));
    await vi.waitFor(() => expect(screen.getByText(text)).toBeTruthy(), WAIT);
    const box = screen.getByText(text).parentElement;
    expect(box?.getAttribute('role')).toBe(warns ? 'alert' : 'status');
    const fixes = box ? within(box).queryAllByRole('listitem').map((li) => li.textContent.split(':')[0]) : [];
    expect(fixes).toEqual(warns ? ['Windows', 'macOS', 'Linux'] : []);
  });

  it('reads the time from a saved profile’s endpoint when chosen, the us-east-1 endpoint otherwise', async () => {
    await fakeBrowser.storage.local.set({
      cognitoProfiles: [{ id: 'p1', name: 'Local', region: 'eu-west-1', userPoolId: 'eu-west-1_Abc', clientId: 'client1', endpoint: 'http://127.0.0.1:9229' }],
    });
    const { makeApi, asked } = endpoint(0);
    render(<FillSection makeApi={makeApi} clock={() => T} />);
    const select = await screen.findByRole('combobox', { name: 'Time from' });
    await vi.waitFor(() => expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['127.0.0.1:9229', 'cognito-idp.us-east-1.amazonaws.com']), WAIT);
    fireEvent.click(screen.getByRole('button', { name: 'Check the clock' }));
    await screen.findByText(/within a second of 127\.0\.0\.1:9229/);
    fireEvent.change(select, { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check the clock' }));
    await screen.findByText(/within a second of cognito-idp\.us-east-1\.amazonaws\.com/);
    expect(asked).toEqual([
      { host: '127.0.0.1:9229', region: 'eu-west-1', endpoint: 'http://127.0.0.1:9229' },
      { host: 'cognito-idp.us-east-1.amazonaws.com', region: 'us-east-1' },
    ]);
  });

  it('says so when the server cannot be reached', async () => {
    const makeApi = (): Pick<CognitoApi, 'getUser'> => ({ getUser: () => Promise.reject(new TypeError('Failed to fetch')) });
    render(<FillSection makeApi={makeApi} clock={() => T} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Check the clock' }));
    await screen.findByText('Could not reach cognito-idp.us-east-1.amazonaws.com: Failed to fetch');
  });
});

describe('the clock offset', () => {
  const offsetField = (): Promise<HTMLInputElement> => screen.findByRole('spinbutton', { name: "Clock offset for Keystep's codes (seconds, -600 to +600)" });

  it('takes the measured skew with one click, is typed and saved, and cleared', async () => {
    const { makeApi } = endpoint(42_000);
    render(<FillSection makeApi={makeApi} clock={() => T} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Check the clock' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Use the measured +42 s' }));
    await screen.findByText("Keystep's codes now use a clock offset of +42 s.");
    expect(fakeBrowser.storage.local.data.get('clockOffset')).toBe(42);
    const field = await offsetField();
    expect(field.value).toBe('42');
    fireEvent.input(field, { target: { value: '-3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save offset' }));
    await screen.findByText("Keystep's codes now use a clock offset of -3 s.");
    expect(fakeBrowser.storage.local.data.get('clockOffset')).toBe(-3);
    fireEvent.click(screen.getByRole('button', { name: 'No offset' }));
    await screen.findByText("Keystep's codes use the computer's clock as it is.");
    expect(fakeBrowser.storage.local.data.has('clockOffset')).toBe(false);
  });

  it('keeps what was typed before the stored offset arrived', async () => {
    let arrive: (seconds: number) => void = () => undefined;
    vi.spyOn(clockOffsetItem, 'get').mockReturnValueOnce(new Promise<number>((resolve) => (arrive = resolve)));
    render(<FillSection clock={() => T} />);
    const field = await offsetField();
    fireEvent.input(field, { target: { value: '120' } });
    // act: the stored value's then() and the render it may cause have run before the field is read.
    await act(async () => {
      arrive(0);
      await Promise.resolve();
    });
    expect(field.value).toBe('120');
    fireEvent.click(screen.getByRole('button', { name: 'Save offset' }));
    await screen.findByText("Keystep's codes now use a clock offset of +120 s.");
    expect(fakeBrowser.storage.local.data.get('clockOffset')).toBe(120);
  });

  it('refuses an offset out of range, storing nothing', async () => {
    render(<FillSection clock={() => T} />);
    const field = await offsetField();
    fireEvent.input(field, { target: { value: '900' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save offset' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The offset must be a whole number of seconds from -600 to 600.');
    expect(fakeBrowser.storage.local.data.has('clockOffset')).toBe(false);
  });
});
