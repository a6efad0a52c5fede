/** A long job under way (a backup, a restore): a moving bar and a line saying what runs. */
import { Progress, Stack, Text } from '@mantine/core';

interface WorkingNoteProps {
  /** The bar's accessible name. */
  label: string;
  /** The line under the bar (announced: role="status"). */
  text: string;
  dimmed?: boolean;
}

/** An indeterminate progress bar with a status line. */
export function WorkingNote({ label, text, dimmed }: WorkingNoteProps) {
  return (
    <Stack gap={4}>
      <Progress value={100} striped animated aria-label={label} />
      <Text size="sm" c={dimmed ? 'dimmed' : undefined} role="status">
        {text}
      </Text>
    </Stack>
  );
}
