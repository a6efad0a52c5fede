/**
 * Links that leave the app: http(s) URLs and the allow-listed ways to reach a person (phone,
 * e-mail, Viber, Telegram, WhatsApp: {@link isContactAppUrl}), only right after the user clicked or pressed a key in
 * our window, one opening per gesture. Everything else a page asks to open is dropped. No Electron
 * import: the caller passes `shell.openExternal`, so the rules are tested in plain Node.
 */

/** How long after a click or key press a window-open request still counts as the user's (ms). */
export const GESTURE_WINDOW_MS = 1000;

/** Input events that count as a user gesture (Electron `input-event` types). */
const GESTURE_TYPES: ReadonlySet<string> = new Set(['mouseUp', 'keyDown']);

/**
 * True only for a plain web link: `http:`/`https:`, a host name, no embedded credentials. Refuses
 * `file:`, `javascript:`, `smb:`, custom app schemes and anything that does not parse.
 */
export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (parsed.hostname === '' || parsed.username !== '' || parsed.password !== '') return false;
  return true;
}

/**
 * The links the app builds to reach a person (src-shared/contacts/links.ts), matched whole: `tel:`
 * an E.164 number, `mailto:` a plain address (no query), `viber://chat?number=%2B…`,
 * `tg://resolve?domain=…`, `https://t.me/+…` or `/<handle>`, `https://wa.me/<digits>`. Other
 * schemes, hosts, paths and parameters are refused (they would hand the OS whatever a page made up).
 */
const CONTACT_APP_URLS: readonly RegExp[] = [
  /^tel:\+[1-9]\d{6,14}$/u,
  /^mailto:[^\s@?&#/:%]+@[^\s@?&#/:%]+\.[^\s@?&#/:%]+$/u,
  /^viber:\/\/chat\?number=%2B[1-9]\d{6,14}$/u,
  /^tg:\/\/resolve\?domain=[A-Za-z][A-Za-z0-9_]{4,31}$/u,
  /^https:\/\/t\.me\/(?:\+[1-9]\d{6,14}|[A-Za-z][A-Za-z0-9_]{4,31})$/u,
  /^https:\/\/wa\.me\/[1-9]\d{6,14}$/u,
];

/** Whether `url` is one of the allow-listed links to reach a person (see CONTACT_APP_URLS). */
export function isContactAppUrl(url: string): boolean {
  return CONTACT_APP_URLS.some(pattern => pattern.test(url));
}

/** Decides which window-open requests become a browser tab. */
export interface ExternalLinkGuard {
  /** Feed every `input-event` type of the window here. */
  noteInput(type: string): void;
  /** Opens `url` in the system browser if allowed; returns whether it did. */
  open(url: string): boolean;
}

/** A guard calling `openExternal` (Electron's `shell.openExternal`) for allowed links only. */
export function createExternalLinkGuard(opts: {
  openExternal: (url: string) => void;
  now?: () => number;
}): ExternalLinkGuard {
  const now = opts.now ?? Date.now;
  let lastGesture = Number.NEGATIVE_INFINITY;
  return {
    noteInput(type) {
      if (GESTURE_TYPES.has(type)) lastGesture = now();
    },
    open(url) {
      const contact = isContactAppUrl(url);
      if (!contact && !isSafeExternalUrl(url)) return false;
      if (now() - lastGesture > GESTURE_WINDOW_MS) return false;
      // One gesture, one tab: a script cannot turn a click into a burst of windows.
      lastGesture = Number.NEGATIVE_INFINITY;
      // A contact link was matched whole and is passed on as it is (the OS picks the app).
      opts.openExternal(contact ? url : new URL(url).href);
      return true;
    },
  };
}
