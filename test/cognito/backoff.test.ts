import { describe, expect, it } from 'vitest';
import { withBackoff, type FailureKind } from '../../src/cognito/backoff.ts';

class Kind extends Error {
  constructor(readonly kind: FailureKind) {
    super(kind);
  }
}

function run(outcomes: readonly (FailureKind | 'ok')[], options: { throttleDelaysMs?: number[]; serverErrorDelaysMs?: number[] } = {}) {
  const sleeps: number[] = [];
  let attempts = 0;
  const promise = withBackoff(
    () => {
      const outcome = outcomes[attempts++] ?? 'ok';
      return outcome === 'ok' ? Promise.resolve(attempts) : Promise.reject(new Kind(outcome));
    },
    {
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
      classify: (error) => (error instanceof Kind ? error.kind : 'fatal'),
      ...options,
    },
  );
  return { promise, sleeps, attempts: () => attempts };
}

describe('withBackoff', () => {
  it.each([
    { outcomes: ['ok'], sleeps: [], result: 1 },
    { outcomes: ['throttled', 'ok'], sleeps: [1000], result: 2 },
    { outcomes: ['throttled', 'throttled', 'ok'], sleeps: [1000, 2000], result: 3 },
    { outcomes: ['server-error', 'ok'], sleeps: [500], result: 2 },
    { outcomes: ['throttled', 'server-error', 'throttled', 'ok'], sleeps: [1000, 500, 2000], result: 4 },
  ] as const)('$outcomes -> waits $sleeps, succeeds on attempt $result', async ({ outcomes, sleeps, result }) => {
    const r = run(outcomes);
    await expect(r.promise).resolves.toBe(result);
    expect(r.sleeps).toEqual(sleeps);
  });

  it.each([
    { outcomes: ['throttled', 'throttled', 'throttled', 'ok'], sleeps: [1000, 2000], attempts: 3, kind: 'throttled' },
    { outcomes: ['server-error', 'server-error', 'ok'], sleeps: [500], attempts: 2, kind: 'server-error' },
    { outcomes: ['fatal', 'ok'], sleeps: [], attempts: 1, kind: 'fatal' },
  ] as const)('$outcomes -> gives up after $attempts attempts with the last error', async ({ outcomes, sleeps, attempts, kind }) => {
    const r = run(outcomes);
    await expect(r.promise).rejects.toThrow(kind);
    expect(r.sleeps).toEqual(sleeps);
    expect(r.attempts()).toBe(attempts);
  });

  it('takes its retry budget from the delay lists', async () => {
    const r = run(['throttled', 'throttled', 'ok'], { throttleDelaysMs: [10] });
    await expect(r.promise).rejects.toThrow('throttled');
    expect(r.sleeps).toEqual([10]);
  });
});
