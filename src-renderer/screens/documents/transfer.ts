/**
 * Moving document bytes between the renderer and main. The bridge carries JSON only, so a channel
 * first hands out a one-time ticket; here the bytes follow it. In the browser test host that is the
 * host's authenticated transfer route (the browser streams the File; downloads arrive as a Blob);
 * in Electron, main's dialogs and path transfers (native-files.ts; previews come back as bytes).
 * The renderer never sees a document key: it gets the decrypted bytes main already checked.
 */
import type { CallError, Result } from '../../../src-shared/ipc/contract';
import { PREVIEW_TOKEN_KEY } from '../../bridge';
import { nativeFiles } from './native-files';

/** URL prefix of the test host's transfer route (src-main/host/documents-route.ts). */
const ROUTE = '/api/documents';

function failure(reason: string): Result<never> {
  const error: CallError = { code: 'internal', message: 'Transfer failed.', details: { reason } };
  return { ok: false, error };
}

function authHeaders(): Record<string, string> | null {
  // Under Electron there is no HTTP route: files go through dialogs in main (native-files.ts).
  if (typeof window === 'undefined' || window.zamok) return null;
  const token = window.sessionStorage.getItem(PREVIEW_TOKEN_KEY);
  return token ? { Authorization: `Bearer ${token}` } : null;
}

/** True when this window can move document bytes. */
export function canTransfer(): boolean {
  return authHeaders() !== null || nativeFiles() !== null;
}

async function answerOf(response: Response): Promise<Result<never> | null> {
  if (response.ok) return null;
  try {
    const body = (await response.json()) as Result<unknown>;
    if (!body.ok) return body;
  } catch {
    // Not JSON: a cut connection or a proxy page.
  }
  return failure('transfer');
}

/** Streams `file` to main with an upload ticket. */
export async function sendFile(ticket: string, file: Blob): Promise<Result<{ size: number }>> {
  const headers = authHeaders();
  if (!headers) return failure('transfer');
  try {
    const response = await fetch(`${ROUTE}/upload/${ticket}`, {
      method: 'PUT',
      headers: { ...headers, 'Content-Type': 'application/octet-stream' },
      body: file,
    });
    const error = await answerOf(response);
    if (error) return error;
    return (await response.json()) as Result<{ size: number }>;
  } catch {
    return failure('transfer');
  }
}

/** Fetches the verified bytes of a download ticket over the test host's route. */
async function fetchBuffer(ticket: string): Promise<Result<ArrayBuffer>> {
  const headers = authHeaders();
  if (!headers) return failure('transfer');
  try {
    const response = await fetch(`${ROUTE}/download/${ticket}`, { headers });
    const error = await answerOf(response);
    if (error) return error;
    // A stored file that fails its check is cut off midway: arrayBuffer() rejects then.
    return { ok: true, value: await response.arrayBuffer() };
  } catch {
    return failure('transfer');
  }
}

/** Fetches the verified bytes of a download ticket as a Blob of `mimeType`. */
export async function fetchFile(ticket: string, mimeType: string): Promise<Result<Blob>> {
  const bytes = await fetchBuffer(ticket);
  if (!bytes.ok) return bytes;
  return { ok: true, value: new Blob([bytes.value], { type: mimeType }) };
}

/** The verified bytes of a preview ticket (HTTP route in the test host, main's IPC in Electron). */
export async function fetchBytes(ticket: string): Promise<Result<Uint8Array<ArrayBuffer>>> {
  const native = nativeFiles();
  if (native) return native.read({ ticket });
  const bytes = await fetchBuffer(ticket);
  return bytes.ok ? { ok: true, value: new Uint8Array(bytes.value) } : bytes;
}

/** Offers a Blob to the user as a download named `fileName` ("save a copy"). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
