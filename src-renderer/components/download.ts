/** Offering data as a file download in the renderer (Electron turns it into a save dialog). */

/**
 * Downloads `blob` as `fileName` through a Blob URL and a temporary hidden `<a download>`, then
 * frees the URL after `revokeAfterMs` (the click has started the download by then).
 */
export function offerDownload(fileName: string, blob: Blob, revokeAfterMs = 0): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), revokeAfterMs);
}
