/**
 * Serving the built renderer: the Content-Security-Policy, content types, and resolution of a URL
 * path to a file inside the renderer folder (never outside it). Shared by the Electron `app://`
 * protocol and the browser test host, so both serve the same files with the same policy. No Electron
 * import here: the test host runs under plain Node.
 */
import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * No remote origins, no eval (WebAssembly only), no plugins, no frames, no form posts. Inline
 * styles: React/Mantine.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // 'wasm-unsafe-eval': pdf.js compiles its bundled JBIG2/JPEG 2000 decoders (WebAssembly only;
  // JavaScript from strings stays forbidden). docs/SECURITY.md, "PDF previews".
  "script-src 'self' 'wasm-unsafe-eval'",
  // The pdf.js worker is a bundled file of our own origin; no blob: or data: workers.
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  // Image previews: bytes main verified, shown from a blob: URL.
  "img-src 'self' data: blob:",
  // PDFs are drawn on a canvas (pdf.js), never in a frame: the app has no frames at all.
  "frame-src 'none'",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** Headers sent with every renderer file, by both hosts. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
});

const CONTENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
});

/** The content type for a file name; unknown extensions are served as opaque bytes. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Outcome of resolving a URL path against the renderer folder. */
export type StaticLookup =
  { kind: 'file'; path: string } | { kind: 'not_found' } | { kind: 'forbidden' };

/**
 * Maps a URL pathname (`/assets/app.js`) to a file under `root`. Refuses encoded traversal,
 * backslashes, NUL bytes and symlinks pointing out of `root`. A path without an extension that
 * matches no file is a client-side route and gets `index.html` (SPA fallback).
 */
export async function resolveStaticFile(root: string, pathname: string): Promise<StaticLookup> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'forbidden' };
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) {
    return { kind: 'forbidden' };
  }
  if (decoded.split('/').some(part => part === '..')) return { kind: 'forbidden' };

  let realRoot: string;
  try {
    realRoot = await realpath(resolve(root));
  } catch {
    return { kind: 'not_found' };
  }
  const wanted = decoded === '/' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const candidate = resolve(realRoot, `.${wanted}`);
  if (!isInside(realRoot, candidate)) return { kind: 'forbidden' };

  const found = await existingFileInside(realRoot, candidate);
  if (found !== 'missing') return found;
  if (extname(wanted) === '') {
    const index = await existingFileInside(realRoot, join(realRoot, 'index.html'));
    if (index !== 'missing') return index;
  }
  return { kind: 'not_found' };
}

async function existingFileInside(
  realRoot: string,
  candidate: string,
): Promise<StaticLookup | 'missing'> {
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    return 'missing';
  }
  if (!isInside(realRoot, real)) return { kind: 'forbidden' };
  try {
    return (await stat(real)).isFile() ? { kind: 'file', path: real } : 'missing';
  } catch {
    return 'missing';
  }
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
