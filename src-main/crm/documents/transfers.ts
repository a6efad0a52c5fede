/**
 * One-time transfer tickets: how document bytes cross between a host and main without going through
 * the JSON bridge. A channel (already permission-checked and, for exports, audited) registers what
 * the ticket may do; the host's transfer route (src-main/host/documents-route.ts for the browser
 * test host) takes the ticket once and streams. Tickets are 32 random bytes, single use, expire
 * after two minutes. When the session ends (lock, sign-out, another user signing in) the app's
 * composition calls `clear`: every ticket is forgotten and the file keys the transfers hold are
 * zeroed (`discard`), so a ticket handed out before answers `ticket_unknown` (code `not_found`).
 */
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';

/** Seconds an unused ticket stays valid. */
export const TICKET_TTL_SECONDS = 120;

/** An upload the router allowed: the host hands the request body to `receive`. */
export interface UploadTransfer {
  kind: 'upload';
  receive(source: Readable): Promise<{ size: number }>;
  /** Wipes what the transfer holds (its file key); called when the ticket is cleared or expires. */
  discard?(): void;
}

/** A download the router allowed: `open` gives the verified plaintext stream. */
export interface DownloadTransfer {
  kind: 'download';
  fileName: string;
  mimeType: string;
  size: number;
  /** `inline` for previews, `attachment` for saved copies. */
  disposition: 'inline' | 'attachment';
  open(): Promise<Readable>;
  /** Wipes what the transfer holds (its file key); called when the ticket is cleared or expires. */
  discard?(): void;
}

export type Transfer = UploadTransfer | DownloadTransfer;

/** The ticket book shared by the documents channels and the host's transfer route. */
export interface TransferRegistry {
  /** Registers a transfer; returns its ticket (43 base64url characters). */
  add(transfer: Transfer): string;
  /** Takes (and removes) a live ticket of this kind; undefined when unknown, used or expired. */
  take<K extends Transfer['kind']>(
    ticket: string,
    kind: K,
  ): Extract<Transfer, { kind: K }> | undefined;
  /** Forgets every ticket and discards its transfer (lock, sign-out, user switch). */
  clear(): void;
  /** Runs `listener` on each `clear` (state kept past a ticket, e.g. staged uploads); unsubscribes. */
  onClear(listener: () => void): () => void;
}

/** A ticket book with its own clock (tests pass one). */
export function createTransferRegistry(now: () => number = Date.now): TransferRegistry {
  const entries = new Map<string, { transfer: Transfer; expiresAt: number }>();
  const listeners = new Set<() => void>();
  const drop = (ticket: string, transfer: Transfer): void => {
    entries.delete(ticket);
    transfer.discard?.();
  };
  const sweep = (): void => {
    const t = now();
    for (const [ticket, entry] of entries) if (entry.expiresAt <= t) drop(ticket, entry.transfer);
  };
  return {
    add(transfer) {
      sweep();
      const ticket = randomBytes(32).toString('base64url');
      entries.set(ticket, { transfer, expiresAt: now() + TICKET_TTL_SECONDS * 1000 });
      return ticket;
    },
    take(ticket, kind) {
      sweep();
      const entry = entries.get(ticket);
      if (!entry || entry.transfer.kind !== kind) return undefined;
      entries.delete(ticket);
      return entry.transfer as Extract<Transfer, { kind: typeof kind }>;
    },
    clear() {
      for (const [ticket, entry] of entries) drop(ticket, entry.transfer);
      for (const listener of listeners) listener();
    },
    onClear(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** The process's ticket book: the app's documents channels write it, the test host reads it. */
export const documentTransfers: TransferRegistry = createTransferRegistry();
