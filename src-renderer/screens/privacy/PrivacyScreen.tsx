/**
 * The personal data section (privacy.read): the processing register, subject requests and
 * breaches. Changing them needs privacy.manage; the main process enforces both on every call.
 */
import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BreachesPanel } from './BreachesPanel';
import { RegisterPanel } from './RegisterPanel';
import { RequestsPanel } from './RequestsPanel';

const TABS = ['register', 'requests', 'breaches'] as const;

/** The section screen. */
export function PrivacyScreen() {
  const { t } = useTranslation();
  return (
    <Stack p="md" gap="md" maw={1200}>
      <Title order={1} size="h3">
        {t('privacy.title')}
      </Title>
      <Tabs defaultValue="register" keepMounted={false}>
        <Tabs.List>
          {TABS.map(tab => (
            <Tabs.Tab key={tab} value={tab}>
              {t(`privacy.tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="register" pt="md">
          <RegisterPanel />
        </Tabs.Panel>
        <Tabs.Panel value="requests" pt="md">
          <RequestsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="breaches" pt="md">
          <BreachesPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
