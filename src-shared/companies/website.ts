/**
 * Company websites: "example.com.ua", "www.Example.com/about", "https://приклад.укр" become a
 * normalised http(s) URL (scheme added, host lower-cased and punycoded by the URL parser), or null.
 */
import { COMPANY_LIMITS } from './codes';

/** A host with at least one dot and a top-level part of two or more letters (or punycode). */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:[a-z]{2,}|xn--[a-z0-9-]+)$/u;

/** The normalised URL of a website, or null when it is not an http(s) address of a real host. */
export function normalizeWebsite(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > COMPANY_LIMITS.website) return null;
  if (/\s/u.test(trimmed)) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/iu.test(trimmed);
  if (hasScheme && !/^https?:\/\//iu.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(hasScheme ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '' || !HOST.test(url.hostname)) return null;
  // "https://example.com/" reads better without the lone slash.
  const out = url.href.replace(/^(https?:\/\/[^/?#]+)\/$/u, '$1');
  return out.length <= COMPANY_LIMITS.website ? out : null;
}
