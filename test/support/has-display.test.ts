import { describe, expect, it } from 'vitest';
import { hasDisplay } from './has-display.ts';

describe('hasDisplay', () => {
  it.each<[string, NodeJS.ProcessEnv, NodeJS.Platform, boolean]>([
    ['Linux with X11', { DISPLAY: ':0' }, 'linux', true],
    ['Linux with Wayland', { WAYLAND_DISPLAY: 'wayland-0' }, 'linux', true],
    ['Linux with an empty DISPLAY but Wayland', { DISPLAY: '', WAYLAND_DISPLAY: 'wayland-0' }, 'linux', true],
    ['Linux without either (CI, ssh, containers)', {}, 'linux', false],
    ['Linux with both empty', { DISPLAY: '', WAYLAND_DISPLAY: '' }, 'linux', false],
    ['FreeBSD without either', {}, 'freebsd', false],
    ['macOS', {}, 'darwin', true],
    ['Windows', {}, 'win32', true],
  ])('%s', (_label, env, platform, expected) => {
    expect(hasDisplay(env, platform)).toBe(expected);
  });
});
