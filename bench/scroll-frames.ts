/**
 * `npm run bench:scroll` (issue 19 point 5): what a scroll frame of the contact list costs, against a
 * plain list with the same markup in the same page. Not part of `npm run bench` (it needs the built
 * renderer and Chromium: run `npm run build:renderer` first).
 *
 * A test host with a fresh vault (the setup wizard through the UI), 2,000 contacts created through
 * the host's router as the owner, the contact list loaded to its end (no page loads while timing),
 * then, alternating, the app's list and the plain list are scrolled by the same script: `--step`
 * pixels per animation frame for `--frames` frames, `--runs` times each. The plain list is a fixed
 * overlay of the same size over the app's list, virtualized by hand (same row height, same overscan),
 * each row cloned from the markup React rendered (Mantine's classes, so the same CSS applies), no
 * framework. Measured per run: the animation-frame intervals (requestAnimationFrame timestamps;
 * p50/p95) and the main thread's script time (Chrome's `ScriptDuration`, DevTools protocol)
 * per frame. Goal: frame p95 and script time ≤ 2× the plain list's.
 *
 * `--custom N` first makes N custom contact fields shown in the list (a number and a date, in
 * turn) and gives every contact a value of each, so the rows carry "Label: value" texts too.
 * `--profile <file>` adds one more app run under the CPU profiler, prints where its script time
 * went (./cpu-profile.ts) and writes the raw profile (open it in DevTools' Performance panel).
 *
 *   npm run bench:scroll -- [--rows 2000] [--frames 300] [--step 96] [--runs 3] [--custom 2]
 *                           [--profile bench/.data/scroll.cpuprofile] [--json result.json]
 *
 * `--json` writes the figures for `npm run bench`'s `scroll` case (./cases/scroll.ts), which runs
 * this script as a child.
 */
import { loadavg, cpus } from 'node:os';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import playwrightConfig from '../playwright.config';
import { startHost, stopHost } from '../test/e2e/fixtures';
import { runSetupWizard } from '../test/e2e/support/flows';
import { callAsPage, openSection } from '../test/e2e/support/staff';
import { printProfile, profileAction } from './cpu-profile';
import { fakeContactFields, seededRandom } from './names';
import { quantile } from './stats';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '2000' },
    frames: { type: 'string', default: '300' },
    step: { type: 'string', default: '96' },
    runs: { type: 'string', default: '3' },
    custom: { type: 'string', default: '0' },
    profile: { type: 'string' },
    json: { type: 'string' },
  },
});
const ROWS = Number(values.rows);
const FRAMES = Number(values.frames);
const STEP = Number(values.step);
const RUNS = Number(values.runs);
const CUSTOM = Number(values.custom);
/** RecordListbox's row height and the virtualizer's overscan (components/records). */
const ROW_HEIGHT = 64;
const OVERSCAN = 8;

/** One scroll run as the page measured it. */
interface ScrollRun {
  frames: number[];
  scriptMs: number;
}

/** Creates `count` contacts through the router, a few calls at a time. */
async function seedContacts(page: Page, host: { origin: string; token: string }, count: number) {
  const random = seededRandom(19);
  const drafts = Array.from({ length: count }, (_, i) => {
    const fields = fakeContactFields(random, i);
    // The channel takes phones as typed (`number`), not as stored (`e164`).
    return { ...fields, phones: fields.phones.map(phone => ({ number: phone.e164 })) };
  });
  for (let i = 0; i < drafts.length; i += 8) {
    const answers = await Promise.all(
      drafts
        .slice(i, i + 8)
        .map(contact => callAsPage(page, host, 'zamok:contacts.create', { contact })),
    );
    const failed = answers.find(a => !a.result.ok);
    if (failed) throw new Error(`contacts.create failed: ${failed.body.slice(0, 300)}`);
  }
}

/** `count` custom contact fields shown in the list, each contact given a value of each. */
async function seedCustomValues(
  page: Page,
  host: { origin: string; token: string },
  count: number,
) {
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const { result, body } = await callAsPage<T>(page, host, channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${body.slice(0, 300)}`);
    return result.value;
  };
  const fields: { id: string; kind: 'number' | 'date' }[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 2 === 0 ? 'number' : 'date';
    const label = kind === 'number' ? `Budget ${i + 1}` : `Next call ${i + 1}`;
    const field = await call<{ id: string }>('zamok:fields.create', {
      recordType: 'contact',
      label,
      kind,
      showInList: true,
    });
    fields.push({ id: field.id, kind });
  }
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: { id: string }[]; nextCursor: string | null } = await call(
      'zamok:contacts.list',
      { limit: 200, ...(cursor ? { cursor } : {}) },
    );
    ids.push(...page.items.map(item => item.id));
    cursor = page.nextCursor;
  } while (cursor);
  for (let i = 0; i < ids.length; i += 8) {
    await Promise.all(
      ids.slice(i, i + 8).map((id, j) => {
        const n = i + j;
        const values = Object.fromEntries(
          fields.map(f => [
            f.id,
            f.kind === 'number' ? 1000 + ((n * 7919) % 90000) : `2027-0${1 + (n % 9)}-1${n % 10}`,
          ]),
        );
        return call('zamok:fields.setValues', { recordType: 'contact', id, values });
      }),
    );
  }
}

/** Scrolls the list to its end until every row is loaded ("Shown: 2000", no "+"). */
async function loadEveryRow(page: Page, count: number): Promise<void> {
  const listbox = page.getByRole('listbox', { name: 'Contact list' });
  await listbox
    .getByRole('option')
    .first()
    .waitFor()
    .catch(async (error: unknown) => {
      await page.screenshot({ path: 'bench/.data/scroll-failed.png' });
      throw error;
    });
  for (let i = 0; i < 200; i++) {
    const shown = await page.getByText(/^Shown: \d+\+?$/u).textContent();
    if (shown === `Shown: ${count}`) break;
    await listbox.evaluate(el => {
      el.scrollTop = el.scrollHeight;
    });
    await page.waitForTimeout(50); // polling for the next page: not a test, a loader
  }
  await listbox.evaluate(el => {
    el.scrollTop = 0;
  });
}

/** Builds the plain list over the app's list: same size, same markup, virtualized by hand. */
async function addPlainList(page: Page, count: number): Promise<void> {
  await page.evaluate(
    ({ count, rowHeight, overscan }) => {
      const app = document.querySelector<HTMLElement>('[role="listbox"]');
      if (!app) throw new Error('no listbox');
      const templates = [...app.querySelectorAll<HTMLElement>('[role="option"]')].map(
        row => row.outerHTML,
      );
      const rect = app.getBoundingClientRect();
      const plain = document.createElement('div');
      plain.id = 'plain-list';
      plain.className = app.className;
      plain.setAttribute('style', app.getAttribute('style') ?? '');
      Object.assign(plain.style, {
        position: 'fixed',
        left: `${rect.left}px`,
        top: `${rect.top}px`,
        width: `${rect.width}px`,
        height: `${rect.height}px`,
        zIndex: '1000',
        background: 'var(--mantine-color-body)',
        visibility: 'hidden',
      });
      const inner = document.createElement('div');
      inner.style.height = `${count * rowHeight}px`;
      inner.style.position = 'relative';
      plain.append(inner);
      document.body.append(plain);
      const shown = new Map<number, HTMLElement>();
      const holder = document.createElement('template');
      const render = (): void => {
        const first = Math.max(0, Math.floor(plain.scrollTop / rowHeight) - overscan);
        const last = Math.min(
          count - 1,
          Math.ceil((plain.scrollTop + plain.clientHeight) / rowHeight) + overscan,
        );
        for (const [index, node] of shown) {
          if (index < first || index > last) {
            node.remove();
            shown.delete(index);
          }
        }
        for (let index = first; index <= last; index++) {
          if (shown.has(index)) continue;
          holder.innerHTML = templates[index % templates.length] ?? '';
          const node = holder.content.firstElementChild as HTMLElement;
          node.id = `plain-row-${index}`;
          node.style.transform = `translateY(${index * rowHeight}px)`;
          inner.append(node);
          shown.set(index, node);
        }
      };
      plain.addEventListener('scroll', render, { passive: true });
      render();
    },
    { count, rowHeight: ROW_HEIGHT, overscan: OVERSCAN },
  );
}

/** Scrolls one list from the top, `step` px per frame, timing frames and script. */
async function scrollRun(cdp: CDPSession, page: Page, which: 'app' | 'plain'): Promise<ScrollRun> {
  await page.evaluate(which => {
    const plain = document.getElementById('plain-list');
    if (plain) plain.style.visibility = which === 'plain' ? 'visible' : 'hidden';
    const el = which === 'plain' ? plain : document.querySelector('[role="listbox"]');
    if (el) el.scrollTop = 0;
  }, which);
  // Two frames for the reset to settle before timing.
  await page.evaluate(
    () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
  const script = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find(m => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
  };
  const before = await script();
  const frames = await page.evaluate(
    ({ which, frames, step }) =>
      new Promise<number[]>(resolve => {
        const el =
          which === 'plain'
            ? document.getElementById('plain-list')
            : document.querySelector<HTMLElement>('[role="listbox"]');
        if (!el) throw new Error('no list');
        const stamps: number[] = [];
        const tick = (now: number): void => {
          stamps.push(now);
          if (stamps.length > frames) {
            resolve(stamps.slice(1).map((t, i) => t - (stamps[i] ?? t)));
            return;
          }
          el.scrollTop += step;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { which, frames: FRAMES, step: STEP },
  );
  return { frames, scriptMs: (await script()) - before };
}

function summary(runs: ScrollRun[]) {
  const frames = runs.flatMap(r => r.frames).sort((a, b) => a - b);
  const script = runs.reduce((n, r) => n + r.scriptMs, 0) / frames.length;
  return {
    p50: quantile(frames, 0.5),
    p95: quantile(frames, 0.95),
    max: frames.at(-1) ?? 0,
    scriptPerFrame: script,
  };
}

async function main(): Promise<number> {
  const load = loadavg();
  console.log(
    `[scroll] load average ${load.map(l => l.toFixed(1)).join(' ')} on ${cpus().length} cores`,
  );
  const parent = await mkdtemp(join(tmpdir(), 'zamok-bench-scroll-'));
  const host = await startHost(join(parent, 'vault'));
  const launch = playwrightConfig.use?.launchOptions ?? {};
  const browser = await chromium.launch(launch);
  try {
    const context = await browser.newContext({
      locale: 'en-GB',
      viewport: { width: 1280, height: 900 },
    });
    await context.addInitScript(() => window.localStorage.setItem('zamok.language', 'en'));
    // tsx keeps function names with an `__name` helper that the page lacks.
    await context.addInitScript({ content: 'window.__name = f => f;' });
    const page = await context.newPage();
    await page.goto(host.url);
    await runSetupWizard(page);
    const origin = new URL(host.url).origin;
    const token = host.url.split('#token=')[1] ?? '';
    const seeded = Date.now();
    await seedContacts(page, { origin, token }, ROWS);
    if (CUSTOM > 0) await seedCustomValues(page, { origin, token }, CUSTOM);
    console.log(
      `[scroll] ${ROWS} contacts (${CUSTOM} custom fields in the list) created in ` +
        `${Date.now() - seeded} ms`,
    );
    // The list opened empty before the seeding: a new opening of the section loads it again.
    await openSection(page, 'Companies');
    await page.getByRole('heading', { name: 'Companies', level: 1 }).waitFor();
    await openSection(page, 'Contacts');
    await loadEveryRow(page, ROWS);
    await addPlainList(page, ROWS);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    // A warm-up run each, then alternating runs.
    await scrollRun(cdp, page, 'app');
    await scrollRun(cdp, page, 'plain');
    const app: ScrollRun[] = [];
    const plain: ScrollRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      const order = i % 2 === 0 ? (['app', 'plain'] as const) : (['plain', 'app'] as const);
      for (const which of order)
        (which === 'app' ? app : plain).push(await scrollRun(cdp, page, which));
    }
    const a = summary(app);
    const p = summary(plain);
    const ms = (n: number) => `${n.toFixed(2)} ms`;
    console.log(
      `[scroll] ${ROWS} rows, ${RUNS} runs × ${FRAMES} frames, ${STEP} px per frame, ` +
        `load now ${loadavg()[0]?.toFixed(1)}`,
    );
    console.log('list            frame p50   frame p95   frame max   script / frame');
    for (const [name, s] of [
      ['contacts (app)', a],
      ['plain list', p],
    ] as const) {
      console.log(
        `${name.padEnd(15)} ${ms(s.p50).padStart(9)}   ${ms(s.p95).padStart(9)}   ` +
          `${ms(s.max).padStart(9)}   ${ms(s.scriptPerFrame).padStart(9)}`,
      );
    }
    const frameRatio = a.p95 / p.p95;
    const scriptRatio = a.scriptPerFrame / Math.max(p.scriptPerFrame, 0.001);
    const verdict = (r: number) => (r <= 2 ? 'PASS' : r <= 3 ? 'MISS' : 'FAIL');
    console.log(
      `frame p95 ratio app / plain: ${frameRatio.toFixed(2)}× (goal ≤ 2×: ${verdict(frameRatio)})`,
    );
    console.log(
      `script ratio app / plain: ${scriptRatio.toFixed(2)}× (goal ≤ 2×: ${verdict(scriptRatio)})`,
    );
    if (values.json) {
      const frames = (runs: ScrollRun[]) => runs.flatMap(r => r.frames);
      await writeFile(
        values.json,
        JSON.stringify({
          rows: ROWS,
          custom: CUSTOM,
          runs: RUNS,
          framesPerRun: FRAMES,
          app: { frames: frames(app), scriptPerFrameMs: a.scriptPerFrame },
          plain: { frames: frames(plain), scriptPerFrameMs: p.scriptPerFrame },
          scriptRatio,
          frameRatio,
        }),
      );
    }
    if (values.profile) {
      const file = values.profile;
      printProfile(await profileAction(cdp, file, () => scrollRun(cdp, page, 'app')), FRAMES);
      console.log(`[profile] written to ${file}`);
    }
    return frameRatio > 3 ? 1 : 0;
  } finally {
    await browser.close();
    await stopHost(host.child);
    await rm(parent, { recursive: true, force: true });
  }
}

process.exitCode = await main();
