/**
 * Crash safety and shutdown, with stand-ins for process, app and powerMonitor: what lands in the
 * log after an uncaught error (no personal data), that the vault closes on every way out, that it
 * locks on screen lock and suspend, and what machine settings the app starts with.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VaultError } from '../vault';
import { APP_SETTINGS_FILE, loadAppSettings } from './app-settings';
import { errorLabel, installCrashHandlers } from './crash';
import { dialogTexts } from './dialogs';
import { wireVaultLifecycle, wireWindowSessionEnd, type Emitter } from './lifecycle';
import { APP_STATE_FILE, pendingSinceLastStart, recordStart } from './upgrade-guard';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zamok-electron-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('uncaught errors', () => {
  it('logs only the error class and code, never the message', () => {
    const proc = new EventEmitter();
    const lines: string[] = [];
    let recoveries = 0;
    installCrashHandlers(proc as never, {
      log: { error: line => lines.push(line) },
      onCrash: () => recoveries++,
    });
    const secret = new TypeError('Cannot read Іваненко Олена +380 67 123 4567');
    proc.emit('uncaughtException', secret);
    proc.emit('unhandledRejection', new VaultError('vault_corrupt', 'zamok.db in /home/olena'));
    proc.emit('unhandledRejection', 'a string with a client name');
    expect(lines).toEqual([
      'uncaught exception: TypeError',
      'unhandled rejection: VaultError[vault_corrupt]',
      'unhandled rejection: string',
    ]);
    expect(lines.join('\n')).not.toMatch(/Іваненко|olena|380|client/);
    // The recovery screen is shown once.
    expect(recoveries).toBe(1);
  });

  it('drops codes that are not identifiers and survives a failing recovery', () => {
    const err = Object.assign(new Error('x'), { code: 'user olena@example.com' });
    expect(errorLabel(err)).toBe('Error');
    const proc = new EventEmitter();
    const lines: string[] = [];
    installCrashHandlers(proc as never, {
      log: { error: line => lines.push(line) },
      onCrash: () => {
        throw new RangeError('window gone');
      },
    });
    proc.emit('uncaughtException', new Error('boom'));
    expect(lines).toEqual(['uncaught exception: Error', 'recovery failed: RangeError']);
  });
});

/** Node's EventEmitter stands in for Electron's app, powerMonitor and window. */
function emitter(): EventEmitter & Emitter {
  return new EventEmitter() as EventEmitter & Emitter;
}

describe('vault close and lock', () => {
  function setup(beforeQuit?: () => boolean) {
    const app = Object.assign(emitter(), { quits: 0, quit: () => void app.quits++ });
    const powerMonitor = emitter();
    const proc = emitter();
    const counts = { closed: 0, locked: 0 };
    wireVaultLifecycle({
      app,
      powerMonitor,
      process: proc,
      closeVault: () => counts.closed++,
      lock: () => counts.locked++,
      ...(beforeQuit ? { beforeQuit } : {}),
    });
    return { app, powerMonitor, proc, counts };
  }
  const quitEvent = () => {
    const e = { prevented: false, preventDefault: () => (e.prevented = true) };
    return e;
  };

  it('closes the vault on quit, SIGTERM and OS shutdown (then quits)', () => {
    const { app, powerMonitor, proc, counts } = setup();
    const e = quitEvent();
    app.emit('before-quit', e);
    expect(e.prevented).toBe(false);
    expect(counts.closed).toBe(1);
    proc.emit('SIGTERM');
    expect(counts.closed).toBe(2);
    expect(app.quits).toBe(1);
    powerMonitor.emit('shutdown', quitEvent());
    expect(counts.closed).toBe(3);
    expect(app.quits).toBe(2);
    const window = emitter();
    wireWindowSessionEnd(window, () => counts.closed++);
    window.emit('session-end');
    expect(counts.closed).toBe(4);
  });

  it('locks on screen lock and suspend', () => {
    const { powerMonitor, counts } = setup();
    powerMonitor.emit('lock-screen');
    powerMonitor.emit('suspend');
    expect(counts).toEqual({ closed: 0, locked: 2 });
  });

  it('lets an agreed update take over quitting', () => {
    const { app, counts } = setup(() => true);
    const e = quitEvent();
    app.emit('before-quit', e);
    expect(e.prevented).toBe(true);
    expect(counts.closed).toBe(0);
  });
});

describe('machine settings (app-settings.json)', () => {
  it('defaults to no update channel and content protection on', () => {
    expect(loadAppSettings(tempDir())).toEqual({
      settings: { update: {}, privacy: { contentProtection: true } },
    });
  });

  it('reads an https update address and the privacy switch', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, APP_SETTINGS_FILE),
      JSON.stringify({
        update: { url: 'https://updates.example.org/zamok/' },
        privacy: { contentProtection: false },
      }),
    );
    expect(loadAppSettings(dir).settings).toEqual({
      update: { url: 'https://updates.example.org/zamok/' },
      privacy: { contentProtection: false },
    });
  });

  it('falls back to defaults on http addresses, unknown keys or broken JSON, leaving the file', () => {
    for (const text of [
      JSON.stringify({ update: { url: 'http://updates.example.org/' } }),
      JSON.stringify({ privacy: { contentProtection: false }, telemetry: true }),
      '{ not json',
    ]) {
      const dir = tempDir();
      writeFileSync(join(dir, APP_SETTINGS_FILE), text);
      const loaded = loadAppSettings(dir);
      expect(loaded.problem).toBe('invalid');
      expect(loaded.settings.privacy.contentProtection).toBe(true);
      expect(loaded.settings.update.url).toBeUndefined();
      expect(readFileSync(join(dir, APP_SETTINGS_FILE), 'utf8')).toBe(text);
    }
  });
});

describe('upgrade guard record', () => {
  it('reports migrations new since the last recorded start, only for an existing vault', () => {
    const dir = tempDir();
    expect(pendingSinceLastStart(dir, ['0001', '0002'], true)).toEqual([]);
    recordStart(dir, '0.1.0', ['0001', '0002']);
    expect(JSON.parse(readFileSync(join(dir, APP_STATE_FILE), 'utf8'))).toEqual({
      version: '0.1.0',
      migrations: ['0001', '0002'],
    });
    expect(pendingSinceLastStart(dir, ['0001', '0002'], true)).toEqual([]);
    expect(pendingSinceLastStart(dir, ['0001', '0002', '0003'], true)).toEqual(['0003']);
    expect(pendingSinceLastStart(dir, ['0001', '0002', '0003'], false)).toEqual([]);
  });
});

describe('dialog texts', () => {
  it('speaks Ukrainian to uk systems and English otherwise, and carries the reason', () => {
    expect(dialogTexts('uk-UA').updateLaterButton).toBe('Пізніше');
    expect(dialogTexts('en-US').updateLaterButton).toBe('Later');
    expect(dialogTexts('de').upgradeBlocked('Disk full.')).toContain('Disk full.');
  });
});
