/**
 * A CPU profile of the page's main thread over one timed action (DevTools protocol `Profiler`),
 * summed per function: self time (samples where the function was on top) and total time (samples
 * where it was anywhere on the stack, counted once per sample). `bench/scroll-frames.ts
 * --profile <file>` uses it to show what a scroll frame of the app's list spends its script on;
 * read it against an unminified build (`npx vite build --config vite.renderer.config.ts --minify
 * false`), where React's and Mantine's function names survive.
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CDPSession } from '@playwright/test';

/** The protocol's profile, as much of it as the summary reads. */
interface Profile {
  nodes: {
    id: number;
    parent?: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Per-function milliseconds of one profile. */
export interface ProfileSummary {
  totalMs: number;
  self: [string, number][];
  total: [string, number][];
}

/** Runs `action` under the sampling profiler; writes the raw profile to `file` (a .cpuprofile). */
export async function profileAction(
  cdp: CDPSession,
  file: string,
  action: () => Promise<unknown>,
): Promise<ProfileSummary> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await action();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  await writeFile(file, JSON.stringify(profile));
  return summarize(profile);
}

function frameName(frame: Profile['nodes'][number]['callFrame']): string {
  const where = frame.url ? `${basename(frame.url)}:${frame.lineNumber + 1}` : '';
  return `${frame.functionName || '(anonymous)'} ${where}`.trim();
}

/** Self and total time per function name and place, largest first. */
export function summarize(profile: Profile, top = 30): ProfileSummary {
  const byId = new Map(profile.nodes.map(node => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let totalMs = 0;
  const samples = profile.samples ?? [];
  samples.forEach((id, i) => {
    const ms = (profile.timeDeltas?.[i + 1] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === '(idle)') return;
    totalMs += ms;
    const own = frameName(node.callFrame);
    self.set(own, (self.get(own) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame) break;
      const name = frameName(frame);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + ms);
    }
  });
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { totalMs, self: sorted(self), total: sorted(total) };
}

/** Prints a summary: the busiest functions by self and by total time. */
export function printProfile(summary: ProfileSummary, frames: number): void {
  const line = ([name, ms]: [string, number]) =>
    `${ms.toFixed(1).padStart(8)} ms ${(ms / frames).toFixed(3).padStart(7)} ms/frame  ${name}`;
  console.log(`[profile] ${summary.totalMs.toFixed(0)} ms of samples (idle left out)`);
  console.log('[profile] self time');
  for (const entry of summary.self) console.log(line(entry));
  console.log('[profile] total time (on the stack)');
  for (const entry of summary.total) console.log(line(entry));
}
