/**
 * Import files handed over by the desktop wizard. The renderer never names a path: it asks
 * `imports.startUpload` (type's import permission checked by the router) and gets an opaque
 * upload id plus a one-time transfer ticket (./../crm/documents/transfers.ts). The bytes then follow
 * the ticket — the browser test host's token-checked `PUT /api/documents/upload/<ticket>`, or, in
 * Electron, main's own open dialog (src-main/electron/import-files.ts) — into a staged file in the
 * vault folder's `import-staging/` (mode 0600, the upload's random id as its name, never the
 * user's file name). `preview` and `run` then name the upload id; main resolves it to that path.
 *
 * Rules: one owner (the session user who started it); at most {@link MAX_IMPORT_FILE_SIZE} bytes
 * (more is refused while streaming, the part written is removed); an upload unused for
 * {@link UPLOAD_IDLE_SECONDS} is forgotten and deleted; a committed import deletes its file; the
 * session's end (lock, sign-out, user switch: the ticket book's `clear`) deletes them all, and
 * the first upload of a run of the app removes whatever a crash left in the folder.
 * Staging in the vault folder rather than the OS temp folder keeps client data on the disk the
 * office chose for the vault (and out of shared /tmp); the XLSX reader needs random access (the
 * ZIP directory is at the end), hence a file and not a pipe.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MAX_IMPORT_FILE_SIZE } from '../../src-shared/ipc/imports';
import type { TransferRegistry } from '../crm/documents/transfers';
import { RecordError } from '../crm/record/errors';

export { MAX_IMPORT_FILE_SIZE };

/** Seconds an upload (its staged file) survives without a preview or run naming it. */
export const UPLOAD_IDLE_SECONDS = 30 * 60;

/** Where uploads are staged inside the vault folder. */
export const IMPORT_STAGING_DIR = 'import-staging';

/** How far a running import has got, for `imports.progress`. */
export interface UploadProgress {
  running: boolean;
  /** Rows written or judged so far (after each batch). */
  done: number;
}

interface Entry {
  owner: string;
  path: string;
  received: boolean;
  lastUsed: number;
  controller: AbortController | null;
  done: number;
}

/** The staged uploads of one app instance. */
export interface ImportUploads {
  /** Registers an upload of at most `size` bytes for `owner`; its bytes follow `ticket`. */
  start(owner: string, size: number): { upload: string; ticket: string };
  /** The staged file's path, for its owner once its bytes arrived; else `not_found`. */
  pathOf(upload: string, owner: string): string;
  /** Marks the upload's import running (its cancel signal) until `end`. */
  begin(upload: string, owner: string): AbortSignal;
  /** Records progress of the running import. */
  advance(upload: string, done: number): void;
  /** The running import stops its batches; false when none runs. */
  cancel(upload: string, owner: string): boolean;
  progress(upload: string, owner: string): UploadProgress;
  /** The import finished; `remove` deletes the staged file (after a commit). */
  end(upload: string, remove: boolean): Promise<void>;
  /** Forgets and deletes every upload (the session ended). */
  clear(): void;
}

/** The refusal for an unknown, foreign, expired or not yet received upload (no details leak). */
function unknownUpload(): RecordError {
  return new RecordError('not_found', 'The file is no longer available. Choose it again.', {
    reason: 'upload_unknown',
  });
}

/** Refused while the bytes stream: more than the announced size or the cap. */
function tooLarge(): RecordError {
  return new RecordError('invalid_input', 'The file is larger than imports allow (20 MB).', {
    reason: 'too_large',
  });
}

/** Upload staging over `transfers`, in `<vaultDir()>/import-staging`. */
export function createImportUploads(deps: {
  transfers: TransferRegistry;
  vaultDir: () => string;
  now?: () => number;
}): ImportUploads {
  const now = deps.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const drop = (id: string, entry: Entry) => {
    entries.delete(id);
    entry.controller?.abort();
    rmSync(entry.path, { force: true });
  };
  const sweep = () => {
    const limit = now() - UPLOAD_IDLE_SECONDS * 1000;
    for (const [id, entry] of entries)
      if (entry.controller === null && entry.lastUsed <= limit) drop(id, entry);
  };
  const owned = (upload: string, owner: string): Entry => {
    sweep();
    const entry = entries.get(upload);
    if (!entry || entry.owner !== owner || !entry.received) throw unknownUpload();
    entry.lastUsed = now();
    return entry;
  };
  deps.transfers.onClear(() => {
    for (const [id, entry] of entries) drop(id, entry);
  });

  return {
    start(owner, size) {
      sweep();
      if (size > MAX_IMPORT_FILE_SIZE) throw tooLarge();
      const dir = join(deps.vaultDir(), IMPORT_STAGING_DIR);
      // No upload known: whatever is staged was left by a crash (or a killed app). Remove it.
      if (entries.size === 0) rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const upload = randomBytes(32).toString('base64url');
      const entry: Entry = {
        owner,
        path: join(dir, `${randomBytes(16).toString('hex')}.upload`),
        received: false,
        lastUsed: now(),
        controller: null,
        done: 0,
      };
      entries.set(upload, entry);
      const ticket = deps.transfers.add({
        kind: 'upload',
        receive: async (source: Readable) => {
          let total = 0;
          const cap = new Transform({
            transform(chunk: Buffer, _encoding, callback) {
              total += chunk.length;
              callback(total > size ? tooLarge() : null, chunk);
            },
          });
          try {
            await pipeline(
              source,
              cap,
              createWriteStream(entry.path, { flags: 'wx', mode: 0o600 }),
            );
          } catch (err) {
            drop(upload, entry);
            throw err instanceof RecordError ? err : unknownUpload();
          }
          if (total === 0) {
            drop(upload, entry);
            throw new RecordError('invalid_input', 'The file is empty.', { reason: 'file_empty' });
          }
          entry.received = true;
          entry.lastUsed = now();
          return { size: total };
        },
      });
      return { upload, ticket };
    },
    pathOf: (upload, owner) => owned(upload, owner).path,
    begin(upload, owner) {
      const entry = owned(upload, owner);
      if (entry.controller !== null)
        throw new RecordError('conflict', 'This file is already being imported.', {
          reason: 'import_running',
        });
      entry.controller = new AbortController();
      entry.done = 0;
      return entry.controller.signal;
    },
    advance(upload, done) {
      const entry = entries.get(upload);
      if (entry) entry.done = done;
    },
    cancel(upload, owner) {
      const entry = owned(upload, owner);
      if (entry.controller === null) return false;
      entry.controller.abort();
      return true;
    },
    progress(upload, owner) {
      const entry = owned(upload, owner);
      return { running: entry.controller !== null, done: entry.done };
    },
    async end(upload, remove) {
      const entry = entries.get(upload);
      if (!entry) return;
      entry.controller = null;
      entry.lastUsed = now();
      if (remove) {
        entries.delete(upload);
        await rm(entry.path, { force: true });
      }
    },
    clear() {
      for (const [id, entry] of entries) drop(id, entry);
    },
  };
}
