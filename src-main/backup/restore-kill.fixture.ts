/**
 * Test-only child process for restore-kill.test.ts (`node --import tsx restore-kill.fixture.ts
 * <file> <targetDir> <step>`, the recovery key on stdin): restores with `replace`, printing each
 * step as it is reached, and stops dead at `<step>` so the test can kill it there with SIGKILL.
 */
import { readFileSync } from 'node:fs';
import { restoreBackup } from './restore';

const [file, targetDir, pauseAt] = process.argv.slice(2);
if (!file || !targetDir || !pauseAt) {
  process.stderr.write('usage: restore-kill.fixture.ts <file> <targetDir> <step>\n');
  process.exit(2);
}
const recoveryKey = readFileSync(0, 'utf8').trim();
await restoreBackup({
  file,
  secret: { recoveryKey },
  targetDir,
  replace: true,
  onStep: async step => {
    process.stdout.write(`step ${step}\n`);
    if (step !== pauseAt) return;
    setInterval(() => undefined, 60_000); // keeps the process alive until it is killed
    await new Promise<never>(() => undefined);
  },
});
process.stdout.write('done\n');
