/**
 * What a screen costs to load: the scripts the page fetched while `load` ran, each gzipped the way
 * an installer or a web server would ship it (the test host serves them uncompressed), summed.
 */
import { gzipSync } from 'node:zlib';
import type { Page, Response } from '@playwright/test';

/** Total gzip size (bytes) and names of the scripts fetched by `page` while `load()` runs. */
export async function scriptWeight(
  page: Page,
  load: () => Promise<unknown>,
): Promise<{ gzipBytes: number; files: string[] }> {
  const responses: Response[] = [];
  const onResponse = (response: Response): void => {
    if (response.request().resourceType() === 'script') responses.push(response);
  };
  page.on('response', onResponse);
  try {
    await load();
  } finally {
    page.off('response', onResponse);
  }
  let gzipBytes = 0;
  for (const response of responses)
    gzipBytes += gzipSync(await response.body(), { level: 9 }).length;
  return { gzipBytes, files: responses.map(r => new URL(r.url()).pathname.split('/').pop() ?? '') };
}
