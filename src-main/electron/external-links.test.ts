/**
 * What a page can get out of the window-open path: a browser tab for an http(s) link the user just
 * clicked, and nothing for scripts, other schemes or credentials in the URL.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { WebContents } from 'electron';
import {
  GESTURE_WINDOW_MS,
  createExternalLinkGuard,
  isContactAppUrl,
  isSafeExternalUrl,
} from './external-links';
import {
  mailLink,
  messengerLink,
  telegramHandleLink,
  telLink,
} from '../../src-shared/contacts/links';
import { hardenWebContents } from './security';

describe('isSafeExternalUrl', () => {
  it('accepts plain web links', () => {
    for (const url of ['https://zamok.example/help', 'http://example.com:8080/a?b=c#d']) {
      expect(isSafeExternalUrl(url)).toBe(true);
    }
  });

  it('refuses every other scheme, credentials and garbage', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'app://zamok/index.html',
      'data:text/html,<script>1</script>',
      'https://user:pass@example.com/',
      'https://user@example.com/',
      'not a url',
      '',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(fn: (details: { url: string }) => { action: string }): void {
    this.openHandler = fn;
  }
}

function setup() {
  let clock = 10_000;
  const opened: string[] = [];
  const guard = createExternalLinkGuard({
    openExternal: url => opened.push(url),
    now: () => clock,
  });
  const contents = new FakeContents();
  hardenWebContents(contents as unknown as WebContents, guard);
  const input = (type: string) => contents.emit('input-event', {}, { type });
  const request = (url: string) => contents.openHandler?.({ url });
  return { opened, input, request, advance: (ms: number) => (clock += ms) };
}

describe('links the user clicks', () => {
  it('opens an http(s) link in the browser right after a click, never as an app window', () => {
    const { opened, input, request } = setup();
    input('mouseUp');
    expect(request('https://zamok.example/help')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://zamok.example/help']);
  });

  it('ignores requests without a recent click or key press (scripted window.open)', () => {
    const { opened, input, request, advance } = setup();
    expect(request('https://example.com/')).toEqual({ action: 'deny' });
    input('mouseMove');
    expect(request('https://example.com/')).toEqual({ action: 'deny' });
    input('keyDown');
    advance(GESTURE_WINDOW_MS + 1);
    expect(request('https://example.com/')).toEqual({ action: 'deny' });
    expect(opened).toEqual([]);
  });

  it('opens at most one tab per gesture and never a non-web scheme', () => {
    const { opened, input, request } = setup();
    input('mouseUp');
    request('file:///home/olena/clients.csv');
    request('https://example.com/1');
    request('https://example.com/2');
    expect(opened).toEqual(['https://example.com/1']);
  });
});

describe('links to reach a person (phone, e-mail, messengers)', () => {
  const built = [
    telLink('+380671234567'),
    mailLink('olena@example.com'),
    messengerLink('viber', '+380671234567'),
    messengerLink('telegram', '+380671234567'),
    messengerLink('whatsapp', '+380671234567'),
    telegramHandleLink('@olena_k'),
  ];

  it('accepts every link the app builds, and opens each through the OS after a click', () => {
    const { opened, input, request } = setup();
    for (const url of built) {
      expect(url).not.toBeNull();
      expect(isContactAppUrl(url ?? ''), url ?? '').toBe(true);
      input('mouseUp');
      request(url ?? '');
    }
    expect(opened).toEqual(built);
  });

  it('refuses other schemes, hosts, paths and parameters', () => {
    const { opened, input, request } = setup();
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'tel:+380671234567;ext=1',
      'tel:javascript:alert(1)',
      'mailto:olena@example.com?attach=/etc/passwd',
      'mailto:olena@example.com?body=hi',
      'viber://chat?number=%2B380671234567&text=x',
      'viber://add?number=380671234567',
      'viber://forward?text=x',
      'tg://login?token=x',
      'tg://resolve?domain=olena_k&start=x',
      'https://t.me.evil.example/+380671234567',
      'https://wa.me.evil.example/380671234567',
      'https://evil.example/wa.me/380671234567',
      'skype:olena?call',
      'sms:+380671234567',
    ]) {
      expect(isContactAppUrl(url), url).toBe(false);
      input('mouseUp');
      request(url);
    }
    // Plain web links still go through the web rule; nothing non-web above was opened.
    expect(opened).toEqual([
      'https://t.me.evil.example/+380671234567',
      'https://wa.me.evil.example/380671234567',
      'https://evil.example/wa.me/380671234567',
    ]);
  });
});
