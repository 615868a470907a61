import { describe, expect, it } from 'vitest';
import { captureVisibleTab } from '../../src/platform/capture-visible-tab.ts';
import { TabCaptureError } from '../../src/platform/tab-capture-error.ts';

const QUOTA = 'This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.';
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

/** A capture that fails with `errors` in turn, then returns PNG; and the waits it was given. */
function scripted(errors: readonly string[]) {
  const waits: number[] = [];
  let calls = 0;
  return {
    waits,
    calls: () => calls,
    deps: {
      capture: () => {
        const error = errors[calls++];
        return error === undefined ? Promise.resolve(PNG) : Promise.reject(new Error(error));
      },
      sleep: (ms: number) => {
        waits.push(ms);
        return Promise.resolve();
      },
    },
  };
}

describe('captureVisibleTab', () => {
  it('returns the capture as PNG bytes', async () => {
    const run = scripted([]);
    const blob = await captureVisibleTab(run.deps);
    expect(blob.type).toBe('image/png');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('waits out the per-second quota and tries again', async () => {
    const run = scripted([QUOTA, QUOTA]);
    await expect(captureVisibleTab(run.deps)).resolves.toBeInstanceOf(Blob);
    expect(run.calls()).toBe(3);
    expect(run.waits).toEqual([600, 600]);
  });

  it('gives up after four refusals for the quota, naming it', async () => {
    const run = scripted([QUOTA, QUOTA, QUOTA, QUOTA]);
    await expect(captureVisibleTab(run.deps)).rejects.toEqual(new TabCaptureError(QUOTA));
    expect(run.calls()).toBe(4);
  });

  it('does not retry any other refusal', async () => {
    const run = scripted(['Cannot access contents of url "chrome://settings/".']);
    await expect(captureVisibleTab(run.deps)).rejects.toBeInstanceOf(TabCaptureError);
    expect(run.calls()).toBe(1);
    expect(run.waits).toEqual([]);
  });
});
