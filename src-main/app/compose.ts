/**
 * PLACEHOLDER written by the bridge helper so the Electron main and the browser test host typecheck
 * and run; the lead replaces it with the real composition (vault, auth services, sessions, audit).
 * Every call answers `internal: not wired`.
 */
import { contract } from '../../src-shared/ipc';
import { listChannels } from '../../src-shared/ipc/contract';
import { CallFailure, createRouter, noSessions, type Handlers, type Router } from '../ipc';

/** Which host runs the app. */
export type ZamokHost = 'electron' | 'preview' | 'cli';

/** The composed app: the router every host calls, and how to shut it down. */
export interface ZamokApp {
  router: Router;
  dispose(): void;
}

/** Builds the app for a vault folder (placeholder: no services yet). */
export function createZamokApp(_opts: { vaultDir: string; host: ZamokHost }): ZamokApp {
  const table: Record<string, Record<string, () => never>> = {};
  for (const { feature, call } of listChannels(contract)) {
    table[feature] ??= {};
    table[feature][call] = () => {
      throw new CallFailure('internal', 'not wired');
    };
  }
  // Placeholder table built from the contract at runtime; the real one is typed per channel.
  const handlers = table as unknown as Handlers<typeof contract>;
  return { router: createRouter({ contract, handlers, sessions: noSessions }), dispose() {} };
}
