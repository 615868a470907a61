/**
 * Whether Chromium can open a window: on Linux and the BSDs only with an X11 or Wayland display
 * (DISPLAY or WAYLAND_DISPLAY set and not empty); macOS and Windows always have a desktop.
 */
export function hasDisplay(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env['DISPLAY']) || Boolean(env['WAYLAND_DISPLAY']);
}
