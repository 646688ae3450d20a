// Makes sure a Chromium exists for the end-to-end tests, and says which.
// Order: $CHROMIUM_PATH, Playwright's own download, /usr/bin/chromium; when
// none is there, try `playwright install chromium`, then (Debian, as root)
// `apt-get install -y chromium`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const found = () => {
  if (process.env.CHROMIUM_PATH) {
    if (existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
    console.error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist.`);
    process.exit(1);
  }
  if (existsSync(chromium.executablePath())) return chromium.executablePath();
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
};

let path = found();
if (!path) {
  console.log('No Chromium found; trying `npx playwright install chromium`…');
  const r = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  path = r.status === 0 ? found() : undefined;
}
if (!path && process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log('Installing Debian’s chromium with apt-get (about a minute)…');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  path = found();
}
if (!path) {
  console.error(
    'No Chromium for the end-to-end tests. Install one (`npx playwright install chromium`, or `apt-get install chromium` on Debian) or set CHROMIUM_PATH.',
  );
  process.exit(1);
}
console.log(`End-to-end tests use Chromium at ${path}`);
