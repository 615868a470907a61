import { cleanup } from '@testing-library/preact';
import { afterAll, afterEach, beforeEach, vi } from 'vitest';
import { resetFakeBrowser } from './fake-browser.ts';

beforeEach(async () => {
  await resetFakeBrowser();
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

// Preact runs effects after paint: requestAnimationFrame raced by a 35 ms timeout. Let a last pending one fire
// while jsdom is still there, instead of after the file's environment is torn down (where it would throw
// "cancelAnimationFrame is not defined" as an unhandled error).
afterAll(() => new Promise<void>((resolve) => setTimeout(resolve, 50)));
