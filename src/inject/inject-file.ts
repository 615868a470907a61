/**
 * Where the injected fill script is in the built extension, as scripting.executeScript({ files }) names it. The
 * build writes it there (build/inject-bundle.ts) from fill-entry.ts.
 */
export const INJECT_FILE = 'inject/fill.js';
