/**
 * The backup progress line: speed and time left once they mean something, on a terminal and in
 * --json, driven by a scripted monotonic clock (no real waiting).
 */
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../io';
import { progressReporter } from './backup';

function context(o: { json: boolean; tty: boolean }) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliContext = {
    io: {
      out: text => void out.push(text),
      err: text => void err.push(text),
      errIsTty: o.tty,
      readStdin: () => '',
      env: {},
    },
    clock: () => 0,
    globals: () => ({ json: o.json }),
    stdinLines: null,
  };
  return { cli, out, err };
}

const MB = 1e6;

describe('backup progress', () => {
  it('on a terminal: the bar, then MB/s and the time left', () => {
    const { cli, err } = context({ json: false, tty: true });
    let now = 0;
    const report = progressReporter(cli, () => now);
    report({ phase: 'write', bytesDone: 0, bytesTotal: 200 * MB });
    now = 2000;
    report({ phase: 'write', bytesDone: 50 * MB, bytesTotal: 200 * MB });
    expect(err[0]).toBe('\r[....................]   0% write   ');
    expect(err[1]).toBe('\r[#####...............]  25% write 25.0 MB/s, 6 s left   ');
  });

  it('with --json: the speed fields appear once known', () => {
    const { cli, out } = context({ json: true, tty: false });
    let now = 100;
    const report = progressReporter(cli, () => now);
    report({ phase: 'write', bytesDone: 10 * MB, bytesTotal: 100 * MB });
    now = 1000;
    report({ phase: 'write', bytesDone: 20 * MB, bytesTotal: 100 * MB });
    expect(out.map(line => JSON.parse(line) as unknown)).toEqual([
      { progress: { phase: 'write', percent: 10 } },
      { progress: { phase: 'write', percent: 20, megabytesPerSecond: 20, secondsLeft: 4 } },
    ]);
  });
});
