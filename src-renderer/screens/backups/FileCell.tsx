/**
 * The first cell of a backups table: a folder path or a backup file name in monospace, and under it,
 * in red, what is wrong with it (the folder's last error with its reason, an incomplete copy).
 */
import { Text } from '@mantine/core';

/** `name` (long paths break anywhere) and `problem` under it when there is one. */
export function FileCell({ name, problem }: { name: string; problem: string | null }) {
  return (
    <>
      <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
        {name}
      </Text>
      {problem ? (
        <Text size="xs" c="red.9">
          {problem}
        </Text>
      ) : null}
    </>
  );
}
