/**
 * The virtualized rows of a record list (@tanstack/react-virtual): only the visible rows are in the
 * DOM (100k records scroll smoothly), and the next SQL page is asked for as the user nears the end
 * of what is loaded.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, type CSSProperties, type RefObject } from 'react';

/** How {@link useVirtualRows} lays out and pages one list. */
export interface VirtualRowsOptions {
  count: number;
  rowHeight: number;
  scrollRef: RefObject<HTMLDivElement | null>;
  /** Until the first measurement, assume a window's worth of rows this tall. */
  initialHeight: number;
  /** Where the list starts scrolled (e.g. back from a record: at the selected row). */
  initialOffset?: () => number;
  /** Ask for the next page when this few loaded rows are left below the visible ones. */
  prefetchRows: number;
  /** A next page exists and no load runs. */
  canLoadMore: boolean;
  loadMore: () => void;
}

/** The virtualizer of a record list, asking for more rows near the end. */
export function useVirtualRows(options: VirtualRowsOptions) {
  const { count, canLoadMore, loadMore, prefetchRows } = options;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => options.scrollRef.current,
    estimateSize: () => options.rowHeight,
    overscan: 8,
    initialRect: { width: 800, height: options.initialHeight },
    ...(options.initialOffset ? { initialOffset: options.initialOffset } : {}),
  });
  const rows = virtualizer.getVirtualItems();
  const lastVisible = rows.at(-1)?.index ?? -1;

  useEffect(() => {
    if (canLoadMore && lastVisible >= count - prefetchRows) loadMore();
  }, [canLoadMore, lastVisible, count, prefetchRows, loadMore]);

  return { virtualizer, rows };
}

/**
 * Where one virtual row sits: absolutely placed at `top`, `height` tall, across the list (`fill`
 * says whether by width or by both edges).
 */
export function virtualRowStyle(
  top: number,
  height: number,
  fill: 'width' | 'edges' = 'width',
): CSSProperties {
  return {
    position: 'absolute',
    top: 0,
    left: 0,
    ...(fill === 'width' ? { width: '100%' } : { right: 0 }),
    height,
    transform: `translateY(${top}px)`,
  };
}
