/// <reference types="vite/client" />
/**
 * PDF pages drawn with pdf.js on a <canvas> inside the app: no browser PDF plugin (Electron's
 * sandboxed window has none), no network, no eval, no PDF JavaScript. Loaded on the first PDF
 * preview only (import('./pdf-engine')), so the rest of the app does not carry pdf.js.
 *
 * - The legacy build: the modern one calls Map.prototype.getOrInsertComputed, which Electron 45's
 *   Chromium 142 lacks.
 * - The worker is bundled as a file of our own origin (`?url`): CSP `worker-src 'self'`, no blob:.
 * - `isEvalSupported: false`: fonts are drawn without compiling glyph programs with new Function
 *   (the CSP forbids it anyway). The base build has no scripting: `/JS`, `/OpenAction` and form
 *   actions are never run (that would need pdf.sandbox and the viewer, which are not bundled).
 * - The decoders for JBIG2 and JPEG 2000 images (black-and-white and colour scans) are WebAssembly
 *   files of our own origin, fetched by the page for the worker (CSP `'wasm-unsafe-eval'`: compiling
 *   WebAssembly, never JavaScript from strings).
 */
import {
  getDocument,
  GlobalWorkerOptions,
  type PDFDocumentProxy,
  type RenderTask,
} from 'pdfjs-dist/legacy/build/pdf.mjs';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import jbig2Url from 'pdfjs-dist/wasm/jbig2.wasm?url';
import openjpegUrl from 'pdfjs-dist/wasm/openjpeg.wasm?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/** The bundled files pdf.js may ask for, by the name it asks with. Anything else is refused. */
const WASM_FILES: Readonly<Record<string, string>> = Object.freeze({
  'jbig2.wasm': jbig2Url,
  'openjpeg.wasm': openjpegUrl,
});

/** pdf.js asks this factory for decoder files; it answers only from the bundle (same origin). */
class BundledDataFactory {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const url = kind === 'wasmUrl' ? WASM_FILES[filename] : undefined;
    if (!url) throw new Error(`Not bundled: ${kind}`);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`Not loaded: ${kind}`);
    return new Uint8Array(await response.arrayBuffer());
  }
}

/** Why a PDF could not be shown. */
export type PdfProblem = 'password' | 'unreadable';

/** An open PDF: its page count, a way to draw one page, and `close` to free the worker. */
export interface PdfHandle {
  pageCount: number;
  /** Draws page `number` (1-based) `cssWidth` CSS pixels wide, sharp on high-density screens. */
  renderPage(number: number, canvas: HTMLCanvasElement, cssWidth: number): Promise<void>;
  close(): void;
}

/** Opens PDF `bytes` (pdf.js gets a copy: it hands its buffer over to the worker). */
export async function openPdf(
  bytes: Uint8Array,
): Promise<{ ok: true; pdf: PdfHandle } | { ok: false; problem: PdfProblem }> {
  const task = getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    enableXfa: false,
    // Only the bundled decoders: no cMap or font folder is fetched; page-side fetch, no worker fetch.
    useWorkerFetch: false,
    BinaryDataFactory: BundledDataFactory,
    // No password prompt here: a protected PDF is saved as a copy and opened elsewhere.
    password: '',
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (err) {
    void task.destroy();
    return { ok: false, problem: nameOf(err) === 'PasswordException' ? 'password' : 'unreadable' };
  }
  return { ok: true, pdf: handleOf(doc) };
}

/** pdf.js errors are told apart by name (its classes are not all exported). */
function nameOf(err: unknown): string | undefined {
  return err instanceof Error ? err.name : undefined;
}

function handleOf(doc: PDFDocumentProxy): PdfHandle {
  let current: RenderTask | null = null;
  return {
    pageCount: doc.numPages,
    async renderPage(number, canvas, cssWidth) {
      current?.cancel();
      const page = await doc.getPage(number);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: cssWidth / base.width });
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      const task = page.render({
        canvas,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
      });
      current = task;
      try {
        await task.promise;
      } catch (err) {
        // A newer draw of the same canvas replaced this one: not a failure.
        if (nameOf(err) === 'RenderingCancelledException') return;
        throw err;
      } finally {
        if (current === task) current = null;
      }
    },
    close() {
      current?.cancel();
      void doc.destroy();
    },
  };
}
