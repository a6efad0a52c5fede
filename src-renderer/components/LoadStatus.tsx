/**
 * What a screen shows while its data loads or after loading failed: a spinner, or the error and
 * "Try again".
 */
import { Button, Group, Loader, Text } from '@mantine/core';
import { ErrorAlert } from './ErrorAlert';
import type { Loaded } from './useLoaded';

interface LoadStatusProps {
  loaded: Loaded<unknown>;
  loadingLabel: string;
  retryLabel: string;
}

/**
 * The error with a retry button, and a spinner with a label until the first answer (a reload
 * keeps showing the data it has).
 */
export function LoadStatus({ loaded, loadingLabel, retryLabel }: LoadStatusProps) {
  return (
    <>
      <ErrorAlert error={loaded.error} />
      {loaded.error ? (
        <Button variant="default" w="fit-content" onClick={loaded.reload}>
          {retryLabel}
        </Button>
      ) : null}
      {loaded.loading && !loaded.value ? (
        <Group gap="xs">
          <Loader size="sm" />
          <Text c="dimmed">{loadingLabel}</Text>
        </Group>
      ) : null}
    </>
  );
}
