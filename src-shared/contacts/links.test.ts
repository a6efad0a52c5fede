import { describe, expect, it } from 'vitest';
import { mailLink, messengerLink, telegramHandleLink, telLink } from './links';

describe('links to reach a person', () => {
  it('builds tel:, Viber, Telegram and WhatsApp links from an E.164 number', () => {
    expect(telLink('+380671234567')).toBe('tel:+380671234567');
    expect(messengerLink('viber', '+380671234567')).toBe('viber://chat?number=%2B380671234567');
    expect(messengerLink('telegram', '+380671234567')).toBe('https://t.me/+380671234567');
    expect(messengerLink('whatsapp', '+380671234567')).toBe('https://wa.me/380671234567');
    expect(telegramHandleLink('@olena_k')).toBe('tg://resolve?domain=olena_k');
    expect(mailLink('olena@example.com')).toBe('mailto:olena@example.com');
  });

  it('gives no link for anything that is not a normalised value', () => {
    for (const bad of ['067 123 45 67', 'javascript:alert(1)', '+380&x=1', '', '+0123']) {
      expect(telLink(bad), bad).toBeNull();
      expect(messengerLink('viber', bad), bad).toBeNull();
      expect(messengerLink('whatsapp', bad), bad).toBeNull();
    }
    expect(telegramHandleLink('@a&b=c')).toBeNull();
    expect(telegramHandleLink('javascript:alert(1)')).toBeNull();
    expect(mailLink('a@b.c?attach=/etc/passwd')).toBeNull();
    expect(mailLink('javascript:alert(1)//@x.y')).toBeNull();
  });
});
