/** The frame of every screen before the app: brand and language at the top, one calm card. */
import { Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { BrandMark } from './BrandMark';
import { LanguageSwitch } from './LanguageSwitch';

interface AuthLayoutProps {
  title: string;
  intro?: ReactNode;
  /** Card width in px: 440 for forms, wider for the setup wizard. */
  width?: number;
  children: ReactNode;
}

/** A page with a banner (brand, language) and a main card whose heading is the page's h1. */
export function AuthLayout({ title, intro, width = 440, children }: AuthLayoutProps) {
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)" className="zamok-auth">
      <Box component="header" px="lg" py="sm">
        <Group justify="space-between" className="zamok-no-print">
          <BrandMark />
          <LanguageSwitch />
        </Group>
      </Box>
      <Container component="main" size={width} px="md" py="xl">
        <Paper withBorder shadow="xs" radius="md" p={{ base: 'lg', sm: 'xl' }}>
          <Stack gap="lg">
            <Stack gap={4} className="zamok-no-print">
              <Title order={1} size="h2">
                {title}
              </Title>
              {intro ? (
                <Text c="dimmed" size="sm">
                  {intro}
                </Text>
              ) : null}
            </Stack>
            {children}
          </Stack>
        </Paper>
      </Container>
    </Box>
  );
}
