/**
 * The renderer's only way to reach the main process: `getApi().auth.signIn({...})`.
 *
 * Under Electron the preload exposes `window.zamok`. In the browser test host there is no preload, so
 * the same typed API is built from the contract over `fetch('/api/call')`, authenticated with the
 * per-launch token the host printed in the URL (`#token=…`).
 */
import { buildBridgeFromNames, type CallError, type Result } from '../../src-shared/ipc/contract';
import { CHANNEL_NAMES } from '../../src-shared/ipc/channel-names';
import type { Contract, ZamokApi } from '../../src-shared/ipc';

/** sessionStorage key holding the preview host token (survives reloads of this tab only). */
export const PREVIEW_TOKEN_KEY = 'zamok.previewToken';
/** HTTP endpoint of the browser test host. */
export const PREVIEW_CALL_PATH = '/api/call';

let cached: ZamokApi | undefined;

/** The typed bridge: `window.zamok` under Electron, a fetch-based twin under the browser test host. */
export function getApi(): ZamokApi {
  if (cached) return cached;
  cached = window.zamok ?? createHttpApi(readPreviewToken());
  return cached;
}

/**
 * Reads the preview token once: from `#token=…` (then removes it from the address bar and history so
 * it is not copied with the URL), falling back to sessionStorage after a reload.
 */
export function readPreviewToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    const token = match[1];
    window.sessionStorage.setItem(PREVIEW_TOKEN_KEY, token);
    window.history.replaceState(
      window.history.state,
      '',
      window.location.pathname + window.location.search,
    );
    return token;
  }
  return window.sessionStorage.getItem(PREVIEW_TOKEN_KEY);
}

/** Builds the API over HTTP (browser test host). Transport failures become typed errors, never throws. */
export function createHttpApi(token: string | null, fetchImpl: typeof fetch = fetch): ZamokApi {
  return buildBridgeFromNames<Contract>(
    CHANNEL_NAMES,
    async (channel, input): Promise<Result<unknown>> => {
      let body: string;
      try {
        body = JSON.stringify({ channel, input });
      } catch {
        return failure('invalid_input', 'The request is not plain data.');
      }
      let response: Response;
      try {
        response = await fetchImpl(PREVIEW_CALL_PATH, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
          },
          body,
        });
      } catch {
        return failure('internal', 'The Zamok host is not reachable.');
      }
      if (response.status === 401 || response.status === 403) {
        return failure('forbidden_sender', 'This page is not authorised by the Zamok host.');
      }
      let answer: unknown;
      try {
        answer = await response.json();
      } catch {
        answer = undefined;
      }
      // The host answers typed errors with 400/413 too: pass those through.
      if (isResult(answer) && (response.ok || !answer.ok)) return answer;
      return failure('internal', 'Something went wrong. Please try again.');
    },
  );
}

function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null) return false;
  const { ok } = body as { ok?: unknown };
  // A handler may return nothing: JSON then drops `value`.
  if (ok === true) return true;
  if (ok !== false) return false;
  const { error } = body as { error?: unknown };
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

function failure(code: CallError['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}
