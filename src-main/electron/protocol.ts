/**
 * The `app://zamok/` protocol the renderer is loaded from (not `file://`, which would give the page
 * access to every local file and a shared opaque origin). Serves only the built renderer folder,
 * with the strict CSP on every response.
 */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_ORIGIN } from '../ipc';
import { STATIC_SECURITY_HEADERS, contentTypeFor, resolveStaticFile } from './static-files';

/** The custom scheme (`app`) and host (`zamok`) of the renderer's origin. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'zamok';
/** The URL the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/**
 * The static page shown after an uncaught error in main (no script). Source:
 * src-main/electron/recovery.html, copied next to the main bundle (out/main) by electron.vite.config.ts.
 */
export const RECOVERY_PATH = '/recovery.html';
/** The URL of the recovery page. */
export const RECOVERY_URL = `${APP_ORIGIN}${RECOVERY_PATH}`;

/**
 * Must run before `app` is ready: a standard, secure scheme behaves like https (origin, storage,
 * fetch, module scripts with CORS) without any network.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    },
  ]);
}

/**
 * Serves `rendererDir` on `app://zamok/` (GET/HEAD only, no traversal, SPA fallback), and
 * `/recovery.html` from `recoveryFile`.
 */
export function serveRenderer(rendererDir: string, recoveryFile: string): void {
  protocol.handle(APP_SCHEME, async request => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return new Response('Not found.', { status: 404 });
    }
    const found =
      url.pathname === RECOVERY_PATH
        ? ({ kind: 'file', path: recoveryFile } as const)
        : await resolveStaticFile(rendererDir, url.pathname);
    if (found.kind !== 'file') {
      return new Response('Not found.', { status: found.kind === 'forbidden' ? 403 : 404 });
    }
    return new Response(request.method === 'HEAD' ? null : await readFile(found.path), {
      status: 200,
      headers: { ...STATIC_SECURITY_HEADERS, 'Content-Type': contentTypeFor(found.path) },
    });
  });
}
