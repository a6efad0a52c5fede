// @vitest-environment jsdom
/** A deal on a contact's or company's timeline opens the deal's page; other entries are plain text. */
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TimelineItem } from '../../../src-shared/activities';
import { Providers } from '../../app/Providers';
import { fakeApi, OWNER, statusOf } from '../../app/test-support';
import { createI18n } from '../../i18n';
import { useNavigationStore } from '../../stores/navigation';
import { useSessionStore } from '../../stores/session';
import { useDealsStore } from '../deals/store';
import { TimelineEntry } from './TimelineEntry';
import { setUpScreenTests } from '../../test-support/render';

setUpScreenTests();

const DEAL: TimelineItem = {
  source: 'deal',
  id: '0193a0c4-7e1a-7000-8000-00000000d001',
  at: '2026-11-28T10:15:42.000Z',
  kind: null,
  subject: 'Постачання борошна',
  body: null,
  ownerId: 'u-1',
  ownerName: 'Олена Коваленко',
  dueAt: null,
  doneAt: null,
  action: null,
};

const DOCUMENT: TimelineItem = {
  ...DEAL,
  source: 'document',
  id: '42',
  subject: 'Договір.pdf',
  action: 'documents.upload',
};

const NOTHING = { tick: false, edit: false, remove: false };

function renderEntry(item: TimelineItem) {
  useSessionStore.setState({ screen: 'app', user: OWNER });
  render(
    <Providers api={fakeApi(() => statusOf('signed_in')).api} i18n={createI18n('uk')} env="test">
      <ul>
        <TimelineEntry
          item={item}
          now={Date.parse('2026-11-29T10:00:00.000Z')}
          can={NOTHING}
          onToggle={() => undefined}
          onEdit={() => undefined}
          onRemove={() => undefined}
        />
      </ul>
    </Providers>,
  );
}

describe('timeline entry', () => {
  it('a deal’s title opens the deal’s page (keyboard: it is a button)', () => {
    useNavigationStore.setState({ section: 'contacts' });
    renderEntry(DEAL);
    const open = screen.getByRole('button', { name: 'Постачання борошна' });
    expect(open.getAttribute('title')).toBe('Відкрити сторінку угоди');
    fireEvent.click(open);
    expect(useNavigationStore.getState().section).toBe('deals');
    expect(useDealsStore.getState().view).toEqual({ kind: 'detail', id: DEAL.id });
  });

  it('a document event is plain text: nothing to open', () => {
    useNavigationStore.setState({ section: 'contacts' });
    renderEntry(DOCUMENT);
    expect(screen.getByText('Договір.pdf')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    expect(useNavigationStore.getState().section).toBe('contacts');
  });

  it('a call shows its facts in the app’s language', () => {
    renderEntry({
      ...DEAL,
      source: 'activity',
      kind: 'call',
      subject: 'Дзвінок щодо поставки',
      facts: { direction: 'out', durationMinutes: 7, outcome: 'call_back' },
    });
    expect(screen.getByTestId('call-facts').textContent).toBe('Вихідний · 7 хв · Передзвонити');
  });
});
