// The report test opens the HTML report in headless Chromium (Debian's package). On a fresh machine of
// this kind it is not installed yet: install it with apt-get (root), or say plainly what is missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.PHRASEWATCH_CHROMIUM ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    console.error(`ensure-chromium: ${CHROMIUM} is missing and cannot be installed here (needs root and apt-get); install Debian's "chromium" package or set PHRASEWATCH_CHROMIUM`);
    process.exit(1);
  }
  console.error('ensure-chromium: installing Debian\'s chromium for the report test (once)');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}
