/**
 * A PDF inside the preview: one page at a time on a <canvas> (pdf.js, see pdf-engine.ts), page
 * count, previous/next, zoom that starts at the width of the dialog. Keys while the preview is
 * open: ← → (and Page Up/Down) turn pages, + and − zoom, 0 fits the width.
 */
import { Box, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIALOG_ATTRIBUTE } from './dialog';
import type { PdfHandle, PdfProblem } from './pdf-engine';

const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;
const FIT = ZOOM_STEPS.indexOf(1);

type Loaded =
  | { state: 'loading' }
  | { state: 'open'; pdf: PdfHandle }
  | { state: 'failed'; problem: PdfProblem };

/** Draws the PDF `bytes`. */
export function PdfViewer({ bytes, fileName }: { bytes: Uint8Array; fileName: string }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(FIT);
  const [width, setWidth] = useState(0);
  const frame = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    let closed = false;
    let handle: PdfHandle | null = null;
    setLoaded({ state: 'loading' });
    setPage(1);
    void (async () => {
      try {
        const { openPdf } = await import('./pdf-engine');
        const opened = await openPdf(bytes);
        if (!opened.ok)
          return void (closed || setLoaded({ state: 'failed', problem: opened.problem }));
        if (closed) return opened.pdf.close();
        handle = opened.pdf;
        setLoaded({ state: 'open', pdf: opened.pdf });
      } catch {
        if (!closed) setLoaded({ state: 'failed', problem: 'unreadable' });
      }
    })();
    return () => {
      closed = true;
      handle?.close();
    };
  }, [bytes]);

  // Fit width follows the dialog (window resized, scroll bar shown).
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const measure = () => setWidth(element.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [loaded.state]);

  const pdf = loaded.state === 'open' ? loaded.pdf : null;
  useEffect(() => {
    if (!pdf || !canvas.current || width <= 0) return;
    const target = canvas.current;
    pdf
      .renderPage(page, target, Math.max(100, (width - 2) * (ZOOM_STEPS[zoom] ?? 1)))
      .catch(() => setLoaded({ state: 'failed', problem: 'unreadable' }));
  }, [pdf, page, zoom, width]);

  const count = pdf?.pageCount ?? 0;
  const previous = () => setPage(p => Math.max(1, p - 1));
  const next = () => setPage(p => Math.min(count, p + 1));
  const zoomBy = (step: number) =>
    setZoom(z => Math.min(ZOOM_STEPS.length - 1, Math.max(0, z + step)));
  usePreviewKeys(pdf !== null, { previous, next, zoomBy, fit: () => setZoom(FIT) });

  if (loaded.state === 'failed') {
    return (
      <Text role="alert" c="red.8">
        {t(`documents.pdf.${loaded.problem}`)}
      </Text>
    );
  }
  if (!pdf) {
    return (
      <Center py="xl">
        <Loader size="sm" aria-label={t('documents.previewLoading')} />
      </Center>
    );
  }
  const pages = { page, count };
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            onClick={previous}
            disabled={page <= 1}
            aria-label={t('documents.pdf.previousLabel')}
          >
            {t('documents.pdf.previous')}
          </Button>
          <Text
            size="sm"
            fw={500}
            aria-label={t('documents.pdf.pagesLabel', pages)}
            aria-live="polite"
            data-testid="document-preview-pdf-pages"
          >
            {t('documents.pdf.pages', pages)}
          </Text>
          <Button
            size="xs"
            variant="default"
            onClick={next}
            disabled={page >= count}
            aria-label={t('documents.pdf.nextLabel')}
          >
            {t('documents.pdf.next')}
          </Button>
        </Group>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => zoomBy(-1)} disabled={zoom === 0}>
            {t('documents.pdf.zoomOut')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setZoom(FIT)} disabled={zoom === FIT}>
            {t('documents.pdf.fitWidth')}
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() => zoomBy(1)}
            disabled={zoom === ZOOM_STEPS.length - 1}
          >
            {t('documents.pdf.zoomIn')}
          </Button>
        </Group>
      </Group>
      <Box
        ref={frame}
        mah="65vh"
        style={{
          overflow: 'auto',
          border: '1px solid var(--mantine-color-gray-3)',
          background: 'var(--mantine-color-gray-1)',
        }}
        data-testid="document-preview-pdf"
        // Scrollable when zoomed in: reachable by Tab, then ↑ ↓ scroll the page.
        tabIndex={0}
        role="region"
        aria-label={fileName}
      >
        <canvas
          ref={canvas}
          role="img"
          aria-label={`${fileName} — ${t('documents.pdf.pagesLabel', pages)}`}
          style={{ display: 'block', margin: '0 auto', background: 'white' }}
        />
      </Box>
      <Text size="xs" c="dimmed">
        {t('documents.pdf.keys')}
      </Text>
    </Stack>
  );
}

/**
 * Page and zoom keys while a PDF is shown. Listened on the window in the capture phase: the panel
 * stops keys inside its dialogs at the document (so the page's shortcuts stay quiet), which is
 * after the window. Only keys pressed inside the documents dialog count.
 */
function usePreviewKeys(
  active: boolean,
  actions: { previous(): void; next(): void; zoomBy(step: number): void; fit(): void },
): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (!(event.target instanceof Element) || !event.target.closest(`[${DIALOG_ATTRIBUTE}]`))
        return;
      // Text fields keep their keys (none in the preview today).
      if (event.target.closest('input, textarea, select')) return;
      const run = KEY_ACTIONS[event.key];
      if (!run) return;
      event.preventDefault();
      run(latest.current);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [active]);
}

type Actions = Parameters<typeof usePreviewKeys>[1];
const KEY_ACTIONS: Readonly<Record<string, (actions: Actions) => void>> = {
  ArrowLeft: a => a.previous(),
  PageUp: a => a.previous(),
  ArrowRight: a => a.next(),
  PageDown: a => a.next(),
  '+': a => a.zoomBy(1),
  '=': a => a.zoomBy(1),
  '-': a => a.zoomBy(-1),
  '0': a => a.fit(),
};
