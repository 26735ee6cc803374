import { accessSync, constants } from 'node:fs';

/** Where Debian's `chromium` package puts the browser; `CHROMIUM_PATH`, when set, is the only place looked at. */
const CANDIDATES = process.env.CHROMIUM_PATH
  ? [process.env.CHROMIUM_PATH]
  : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const INSTALL_HINT = 'install it with `apt-get install -y chromium` (or set CHROMIUM_PATH)';

/** The path of an executable Chromium, or null when none is installed. */
export function findChromium(): string | null {
  for (const candidate of CANDIDATES) {
    if (!candidate) continue;
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return null;
}

/** The flags of a headless run in a container: no sandbox, GPU, QUIC or background traffic. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
