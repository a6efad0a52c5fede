#!/usr/bin/env node
/**
 * `npm test` runs this first: are the system tools the tests use installed? When one is missing it
 * prints one line naming what is missing and the command that installs it, and exits 1, instead of
 * letting a newcomer's first run fail in a dozen places. Fast (no package manager, one `sqlcipher
 * -version`). The list matches scripts/setup-system.sh.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Whether `name` is an executable file on PATH (or `name` is an absolute path to one). */
function onPath(name) {
  const candidates = name.startsWith('/')
    ? [name]
    : (process.env.PATH ?? '').split(delimiter).map(dir => join(dir, name));
  return candidates.some(path => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The sqlcipher CLI and whether it is 4.x (3.x cannot read SQLCipher 4 files). */
function sqlcipherProblem() {
  if (!onPath('sqlcipher')) return 'sqlcipher 4';
  const out = spawnSync('sqlcipher', ['-version'], { encoding: 'utf8', timeout: 5_000 });
  return /SQLCipher 4\./.test(`${out.stdout}${out.stderr}`)
    ? null
    : 'sqlcipher 4 (found an older one)';
}

/** Whether a Noto font folder exists under the usual font roots (two levels deep). */
function hasNotoFonts() {
  const roots = ['/usr/share/fonts', '/usr/local/share/fonts'];
  for (const root of roots) {
    let level1;
    try {
      level1 = readdirSync(root, { withFileTypes: true }).filter(d => d.isDirectory());
    } catch {
      continue;
    }
    for (const dir of level1) {
      if (/noto/i.test(dir.name)) return true;
      try {
        if (readdirSync(join(root, dir.name)).some(name => /noto/i.test(name))) return true;
      } catch {
        // unreadable folder: look at the next one
      }
    }
  }
  return false;
}

const missing = [
  sqlcipherProblem(),
  onPath('age') ? null : 'age',
  onPath('/usr/bin/chromium') ? null : 'chromium (/usr/bin/chromium)',
  onPath('gnome-keyring-daemon') ? null : 'gnome-keyring-daemon',
  onPath('dbus-run-session') ? null : 'dbus-run-session',
  onPath('script') ? null : 'script (bsdutils)',
  hasNotoFonts() ? null : 'Noto fonts (fonts-noto-core)',
  onPath('/usr/lib/postgresql/15/bin/initdb') ? null : 'PostgreSQL 15 (postgresql-15)',
].filter(item => item !== null);

if (missing.length > 0) {
  console.error(
    `npm test needs system tools that are missing: ${missing.join(', ')}. Install them with: sudo npm run setup:system`,
  );
  process.exit(1);
}
