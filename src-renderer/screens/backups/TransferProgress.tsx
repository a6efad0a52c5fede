/**
 * The progress bar of a running backup or restore: polls `backup.progress` (main's byte counts)
 * and shows how far the current phase is, its speed and the time left; until main answers (or in
 * a build without the channel) it is the striped bar with `fallback`.
 */
import { Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupTransferProgress } from '../../../src-shared/ipc/backup';
import type { BackupApi } from './backup-api';
import { transferText } from './transfer-text';

/** How often the bar asks main. */
export const PROGRESS_POLL_MS = 500;

interface TransferProgressProps {
  backup: BackupApi;
  /** The bar's accessible name. */
  label: string;
  /** The text while no byte counts are known. */
  fallback: string;
  dimmed?: boolean;
}

/** A bar with the running operation's phase, speed and time left. */
export function TransferProgress({ backup, label, fallback, dimmed }: TransferProgressProps) {
  const { t, i18n } = useTranslation();
  const [progress, setProgress] = useState<BackupTransferProgress | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const answer = await backup.progress({});
      if (stopped) return;
      setProgress(answer.ok ? answer.value : null);
      timer = setTimeout(() => void poll(), PROGRESS_POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [backup]);
  const share =
    progress && progress.bytesTotal > 0 ? (100 * progress.bytesDone) / progress.bytesTotal : null;
  const rate = progress ? transferText(t, i18n.language, progress) : null;
  const text = progress
    ? `${t(`backups.transfer.${progress.phase}`)}: ${Math.floor(share ?? 0)} %${rate ? `, ${rate}` : ''}`
    : fallback;
  return (
    <Stack gap={4}>
      <Progress
        value={share ?? 100}
        striped={share === null}
        animated={share === null}
        aria-label={label}
      />
      <Text size="sm" c={dimmed ? 'dimmed' : undefined} role="status">
        {text}
      </Text>
    </Stack>
  );
}
