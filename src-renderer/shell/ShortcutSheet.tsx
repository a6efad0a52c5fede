/**
 * The keyboard-shortcut sheet, opened with `?`: every shortcut in the registry (app/shortcuts.ts),
 * grouped by where it works. Nothing here is written by hand, so the sheet cannot drift from the keys.
 */
import { Badge, Group, Kbd, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { keyParts, SHORTCUT_IDS, SHORTCUT_PLACES, SHORTCUTS } from '../app/shortcuts';

const MAC = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** The sheet as a dialog. */
export function ShortcutSheet({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')} size="lg">
      <Stack gap="md">
        <Text size="sm">{t('shortcuts.intro')}</Text>
        {SHORTCUT_PLACES.map(place => {
          const ids = SHORTCUT_IDS.filter(id => SHORTCUTS[id].place === place);
          return (
            <Stack key={place} gap={4}>
              <Title order={2} size="h5">
                {t(`shortcuts.places.${place}`)}
              </Title>
              <Table verticalSpacing={4} data-testid={`shortcuts-${place}`}>
                <Table.Tbody>
                  {ids.map(id => (
                    <Table.Tr key={id}>
                      <Table.Td>
                        {t(`shortcuts.names.${id}`)}
                        {'inFields' in SHORTCUTS[id] ? (
                          <Badge ml="xs" size="xs" variant="light" color="gray">
                            {t('shortcuts.inFields')}
                          </Badge>
                        ) : null}
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          {keyParts(id, MAC).map((part, index) => (
                            <Fragment key={index}>
                              {index > 0 ? <Text span>+</Text> : null}
                              <Kbd>{part}</Kbd>
                            </Fragment>
                          ))}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          );
        })}
      </Stack>
    </Modal>
  );
}
