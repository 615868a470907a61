import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach, vi } from 'vitest';
import { resetFakeBrowser } from './fake-browser.ts';

beforeEach(async () => {
  await resetFakeBrowser();
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});
