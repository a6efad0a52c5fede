/**
 * Per-test browser test host: a fresh vault folder, the real host (`src-main/host/main.ts`) in a child
 * process on a free port, the page already at the printed URL, and the host stopped afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Browser, type BrowserContext } from '@playwright/test';

const repo = resolve(import.meta.dirname, '..', '..');
const URL_LINE = /Zamok preview: (http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/;

/** What each test gets. */
export interface HostFixtures {
  /** The printed URL, with `#token=…`. */
  hostUrl: string;
  /** `http://127.0.0.1:PORT` */
  hostOrigin: string;
  hostToken: string;
  /** A fresh, empty vault folder for this test. */
  vaultDir: string;
}

/** The interface language a test starts in, as the app stores a person's choice. */
export type AppLanguage = 'uk' | 'en';

/** The test options: `appLanguage` (null: the app's own default, as a new user meets it). */
export interface LanguageOption {
  /**
   * The language stored as chosen before the page opens; `'auto'` (the default) takes it from the
   * context's locale (`en-GB` → English), so specs written against English keep reading English
   * now that a new vault starts in Ukrainian. A switch inside the test is kept as usual.
   */
  appLanguage: AppLanguage | 'auto' | null;
}

/** localStorage key of the chosen language (src-renderer/i18n/language.ts). */
const LANGUAGE_STORAGE_KEY = 'zamok.language';

/** Stores `language` as the person's choice in every page of `context`, unless one is stored. */
export async function chooseAppLanguage(
  context: BrowserContext,
  language: AppLanguage,
): Promise<void> {
  await context.addInitScript(
    ([key, value]) => {
      try {
        if (window.localStorage.getItem(key) === null) window.localStorage.setItem(key, value);
      } catch {
        // An opaque origin (about:blank) has no storage: nothing to choose there.
      }
    },
    [LANGUAGE_STORAGE_KEY, language] as const,
  );
}

/** A second browser (another computer) in English, as the specs' main page is. */
export async function englishContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'en-GB' });
  await chooseAppLanguage(context, 'en');
  return context;
}

/** A host started by `startHost`. */
export interface RunningHost {
  url: string;
  child: ChildProcess;
}

/** Starts the host and resolves with its URL once it prints it (or rejects with its output). */
export function startHost(vaultDir: string): Promise<RunningHost> {
  // `node --import tsx` (one process) rather than `npx tsx` (npx → tsx → node): the test can stop
  // exactly the process it started, by its pid.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-main/host/main.ts', '--vault-dir', vaultDir, '--port', '0'],
    { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolveStart, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`host did not start:\n${output}`)), 30_000);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = URL_LINE.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveStart({ url: match[1], child });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', code =>
      fail(new Error(`host exited (${code}) before printing its URL:\n${output}`)),
    );
  });
}

/** Stops the host (SIGTERM: it closes cleanly), escalating to SIGKILL after 5 s. */
export async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>(done => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** `test` with a running host per test and `page` already at its URL. */
export const test = base.extend<HostFixtures & LanguageOption & { host: RunningHost }>({
  appLanguage: ['auto', { option: true }],
  // Playwright requires the first fixture argument to be a destructuring pattern, even when empty.
  // eslint-disable-next-line no-empty-pattern -- see the line above
  vaultDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'zamok-e2e-'));
    await use(join(dir, 'vault'));
    await rm(dir, { recursive: true, force: true });
  },
  host: async ({ vaultDir }, use) => {
    const host = await startHost(vaultDir);
    await use(host);
    await stopHost(host.child);
  },
  hostUrl: async ({ host }, use) => use(host.url),
  hostOrigin: async ({ host }, use) => use(new URL(host.url).origin),
  hostToken: async ({ host }, use) => use(host.url.split('#token=')[1] ?? ''),
  page: async ({ page, hostUrl, appLanguage, locale }, use) => {
    const language =
      appLanguage === 'auto' ? (locale?.toLowerCase().startsWith('uk') ? 'uk' : 'en') : appLanguage;
    if (language) await chooseAppLanguage(page.context(), language);
    await page.goto(hostUrl);
    await use(page);
  },
});

export { expect };
