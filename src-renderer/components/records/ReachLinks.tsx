/**
 * Ways to reach a person from a record's page: a phone as a `tel:` link with Viber, Telegram and
 * WhatsApp beside it, a Telegram handle. The links are built from stored, normalised values
 * (src-shared/contacts/links.ts) and open in a new window: in Electron that request goes to main,
 * which hands allow-listed links to the OS (src-main/electron/external-links.ts); in the browser
 * test host they are plain links.
 */
import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  PHONE_MESSENGERS,
  messengerLink,
  telegramHandleLink,
  telLink,
} from '../../../src-shared/contacts/links';
import { formatPhone } from './format';

/** A link that leaves the app (opened by the OS in Electron). */
export function OutsideLink(props: { href: string; label?: string; children: string }) {
  return (
    <Anchor href={props.href} target="_blank" rel="noopener noreferrer" aria-label={props.label}>
      {props.children}
    </Anchor>
  );
}

/** Brand names, the same in every language. */
const MESSENGER_NAMES = { viber: 'Viber', telegram: 'Telegram', whatsapp: 'WhatsApp' } as const;

/** One phone: the number (a call) and its messenger chats, with the phone's label. */
export function PhoneReach(props: { e164: string; label?: string | null | undefined }) {
  const { t } = useTranslation();
  const number = formatPhone(props.e164);
  const tel = telLink(props.e164);
  return (
    <Group gap={8} wrap="wrap">
      {tel ? (
        <OutsideLink href={tel} label={t('activities.plan.reach.call', { number })}>
          {number}
        </OutsideLink>
      ) : (
        <Text span>{number}</Text>
      )}
      {props.label ? (
        <Text span c="dimmed" size="sm">
          · {props.label}
        </Text>
      ) : null}
      {PHONE_MESSENGERS.map(messenger => {
        const href = messengerLink(messenger, props.e164);
        return href ? (
          <Text span size="sm" key={messenger}>
            <OutsideLink href={href} label={t(`activities.plan.reach.${messenger}`, { number })}>
              {MESSENGER_NAMES[messenger]}
            </OutsideLink>
          </Text>
        ) : null;
      })}
    </Group>
  );
}

/** A Telegram handle as a chat link (plain text if it is not a handle). */
export function TelegramHandle({ handle }: { handle: string }) {
  const { t } = useTranslation();
  const href = telegramHandleLink(handle);
  if (!href) return <>{handle}</>;
  return (
    <OutsideLink href={href} label={t('activities.plan.reach.telegramHandle', { handle })}>
      {handle}
    </OutsideLink>
  );
}

/** A number that is itself a messenger account (a contact's Viber or WhatsApp field). */
export function MessengerNumber(props: { messenger: 'viber' | 'whatsapp'; e164: string }) {
  const { t } = useTranslation();
  const number = formatPhone(props.e164);
  const href = messengerLink(props.messenger, props.e164);
  if (!href) return <>{number}</>;
  return (
    <OutsideLink href={href} label={t(`activities.plan.reach.${props.messenger}`, { number })}>
      {number}
    </OutsideLink>
  );
}
