// The file the extension injects (chrome.scripting.executeScript({ files })), bundled on its own with core.
// It only installs the fill and probe functions; the code arrives in a second call (run-installed-fill.ts).
import { installFill } from './installed-fill.ts';

installFill();
