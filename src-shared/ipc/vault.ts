/** Low-level vault channels, for the CLI only. */
import { z } from 'zod';
import { recoveryKeySchema } from './auth';
import { channel } from './contract';

export const vaultContract = {
  /**
   * The escape hatch: the raw data key as hex, so the owner can open zamok.db with the standard
   * sqlcipher tool. Needs the recovery key; CLI only; audited.
   */
  revealDataKey: channel<{ dataKeyHex: string }>()({
    input: z.object({ recoveryKey: recoveryKeySchema }).strict(),
    permission: 'public',
    hosts: ['cli'],
    atomic: false,
  }),
} as const;
