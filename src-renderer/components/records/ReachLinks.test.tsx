// @vitest-environment jsdom
/**
 * A phone on a record's page offers a call and Viber, Telegram and WhatsApp chats, each a link that
 * opens outside the app (a new window: main hands it to the OS in Electron); a Telegram handle is a
 * chat link; a deal's contact and company open their pages.
 */
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Deal } from '../../../src-shared/deals';
import { useContactsStore } from '../../screens/contacts/store';
import { DealFields } from '../../screens/deals/DealFields';
import { useNavigationStore } from '../../stores/navigation';
import { scriptedApi } from '../../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';
import { PhoneReach, TelegramHandle } from './ReachLinks';

setUpScreenTests();

describe('reaching a person', () => {
  it('a phone: call, Viber, Telegram, WhatsApp, each opening outside the app', () => {
    const { api } = scriptedApi();
    renderWithApi(
      <>
        <PhoneReach e164="+380671234567" label="мобільний" />
        <TelegramHandle handle="@olena_k" />
      </>,
      api,
      'uk',
    );
    const href = (name: string) => screen.getByRole('link', { name }).getAttribute('href');
    expect(href('Зателефонувати на 067 123 4567')).toBe('tel:+380671234567');
    expect(href('Написати у Viber на 067 123 4567')).toBe('viber://chat?number=%2B380671234567');
    expect(href('Написати в Telegram на 067 123 4567')).toBe('https://t.me/+380671234567');
    expect(href('Написати у WhatsApp на 067 123 4567')).toBe('https://wa.me/380671234567');
    expect(href('Написати в Telegram @olena_k')).toBe('tg://resolve?domain=olena_k');
    for (const link of screen.getAllByRole('link')) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('a deal’s contact is a link to the contact’s page', () => {
    const { api } = scriptedApi();
    const deal = {
      amountMinor: 1250000,
      currency: 'UAH',
      probability: 40,
      expectedClose: null,
      notes: null,
      contactId: 'c-1',
      contactName: 'Олена Коваль',
      companyId: null,
      companyName: null,
      ownerName: 'Анна',
    } as unknown as Deal;
    renderWithApi(<DealFields deal={deal} />, api, 'uk');
    fireEvent.click(screen.getByRole('button', { name: 'Олена Коваль' }));
    expect(useNavigationStore.getState().section).toBe('contacts');
    expect(useContactsStore.getState().view).toEqual({ kind: 'detail', id: 'c-1' });
  });
});
