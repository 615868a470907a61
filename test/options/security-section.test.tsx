import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { SecuritySection, type SecuritySectionProps } from '../../src/options/security-section.tsx';
import { fakeBrowser } from '../support/fake-browser.ts';

// The auto-lock setting, shown once a master password is set (the password forms are driven in test/e2e/vault-security.test.ts).

const WAIT = { timeout: 2000, interval: 10 };
const LABEL = 'Lock after Keystep has not been used for';

function renderSection(touch: () => Promise<void> = () => Promise.resolve()): { touch: ReturnType<typeof vi.fn> } {
  const spy = vi.fn(touch);
  const protection: SecuritySectionProps['protection'] = {
    setPassword: () => Promise.reject(new Error('not used here')),
    changePassword: () => Promise.reject(new Error('not used here')),
    removePassword: () => Promise.reject(new Error('not used here')),
    touch: spy,
  };
  render(<SecuritySection protection={protection} encrypted />);
  return { touch: spy };
}

/** The auto-lock choice once the stored one has been read (it is disabled until then). */
async function autoLockSelect(): Promise<HTMLSelectElement> {
  const select = screen.getByRole<HTMLSelectElement>('combobox', { name: LABEL });
  await vi.waitFor(() => expect(select.disabled).toBe(false), WAIT);
  return select;
}

const stored = (): unknown => fakeBrowser.storage.local.data.get('security');

describe('SecuritySection: auto-lock', () => {
  it('shows the stored time, saves a new one and restarts the countdown with it', async () => {
    await fakeBrowser.storage.local.set({ security: { autoLockMinutes: 30 } });
    const { touch } = renderSection();
    const select = await autoLockSelect();
    expect(select.value).toBe('30');
    fireEvent.change(select, { target: { value: '5' } });
    await screen.findByText('Auto-lock setting saved.');
    expect(stored()).toEqual({ autoLockMinutes: 5 });
    expect(touch).toHaveBeenCalledTimes(1);
    expect(select.value).toBe('5');
  });

  it('a save that fails says why and shows the time still stored', async () => {
    const { touch } = renderSection();
    const select = await autoLockSelect();
    expect(select.value).toBe('15');
    fakeBrowser.storage.local.failNextSets = 1;
    fireEvent.change(select, { target: { value: '60' } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/QUOTA_BYTES quota exceeded/);
    await vi.waitFor(() => expect(select.value).toBe('15'), WAIT);
    expect(stored()).toBeUndefined();
    expect(touch).not.toHaveBeenCalled();
    expect(screen.queryByText('Auto-lock setting saved.')).toBeNull();
  });

  it('when the time is stored but the countdown cannot restart, it says so and shows the stored time', async () => {
    renderSection(() => Promise.reject(new Error('alarms unavailable')));
    const select = await autoLockSelect();
    fireEvent.change(select, { target: { value: '240' } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/alarms unavailable/);
    expect(stored()).toEqual({ autoLockMinutes: 240 });
    await vi.waitFor(() => expect(select.value).toBe('240'), WAIT);
  });
});
