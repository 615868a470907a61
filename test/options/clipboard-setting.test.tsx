import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ClipboardSetting } from '../../src/options/clipboard-setting.tsx';
import { fakeBrowser } from '../support/fake-browser.ts';

const WAIT = { timeout: 2000, interval: 10 };
const LABEL = 'Clear the clipboard 30 s after copying a code';

/** The checkbox once the setting has been read (it is disabled until then). */
async function checkbox(): Promise<HTMLInputElement> {
  const box = screen.getByRole<HTMLInputElement>('checkbox', { name: LABEL });
  await vi.waitFor(() => expect(box.disabled).toBe(false), WAIT);
  return box;
}

describe('the clipboard setting (options, Security)', () => {
  it('is on by default, says what it cannot do, and turning it off is saved', async () => {
    render(<ClipboardSetting />);
    const box = await checkbox();
    expect(box.checked).toBe(true);
    expect(box.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/cannot read the clipboard, so anything you copy elsewhere in those 30 s is cleared too/);
    fireEvent.click(box);
    await screen.findByText('Clipboard setting saved.');
    expect(fakeBrowser.storage.local.data.get('clearClipboard')).toBe(false);
    expect(box.checked).toBe(false);
  });

  it('shows it off when it was turned off, and turns it on again', async () => {
    await fakeBrowser.storage.local.set({ clearClipboard: false });
    render(<ClipboardSetting />);
    const box = await checkbox();
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await screen.findByText('Clipboard setting saved.');
    expect(fakeBrowser.storage.local.data.get('clearClipboard')).toBe(true);
  });

  it('says when the setting could not be saved, and shows the one still in force', async () => {
    render(<ClipboardSetting />);
    const box = await checkbox();
    fakeBrowser.storage.local.failNextSets = 1;
    fireEvent.click(box);
    expect((await screen.findByRole('alert')).textContent).toMatch(/QUOTA_BYTES quota exceeded/);
    expect(box.checked).toBe(true);
    expect(fakeBrowser.storage.local.data.has('clearClipboard')).toBe(false);
  });
});
