/**
 * The personal data section (privacy.read): the processing register, subject requests and
 * breaches. Changing them needs privacy.manage; the main process enforces both on every call.
 */
import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BreachesPanel } from './BreachesPanel';
import { RegisterPanel } from './RegisterPanel';
import { RequestsPanel } from './RequestsPanel';
import { PRIVACY_TABS, usePrivacyView } from './store';

/** The section screen. */
export function PrivacyScreen() {
  const { t } = useTranslation();
  const tab = usePrivacyView(state => state.tab);
  const show = usePrivacyView(state => state.show);
  return (
    <Stack p="md" gap="md" maw={1200}>
      <Title order={1} size="h3">
        {t('privacy.title')}
      </Title>
      <Tabs
        value={tab}
        onChange={value => show(PRIVACY_TABS.find(each => each === value) ?? 'register')}
        keepMounted={false}
      >
        <Tabs.List>
          {PRIVACY_TABS.map(each => (
            <Tabs.Tab key={each} value={each}>
              {t(`privacy.tabs.${each}`)}
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
