/**
 * Test support for the backups screens (jsdom): a bridge built from the real contract plus the backup
 * contract, whose scripted calls answer and record their inputs. Never imported by the app itself.
 */
import { contract, type ZamokApi } from '../../../src-shared/ipc';
import { backupContract } from '../../../src-shared/ipc/backup';
import { buildBridge, type BridgeApi, type Result } from '../../../src-shared/ipc/contract';

type Full = BridgeApi<typeof contract & { backup: typeof backupContract }>;
type Scripted = { [F in keyof Full]?: Partial<Full[F]> };

/** One recorded call: `feature.call` and its input. */
export interface RecordedCall {
  name: string;
  input: unknown;
}

/** A bridge whose scripted calls answer; every other call fails with `unknown_channel`. */
export function fakeBackupApi(scripted: Scripted): { api: ZamokApi; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const api = buildBridge({ ...contract, backup: backupContract }, async (channel, input) => {
    const [feature = '', call = ''] = channel.replace(/^zamok:/, '').split('.');
    const handlers = scripted[feature as keyof Scripted] as
      Record<string, (input: unknown) => Promise<Result<unknown>>> | undefined;
    calls.push({ name: `${feature}.${call}`, input });
    const handler = handlers?.[call];
    if (!handler) return { ok: false, error: { code: 'unknown_channel', message: channel } };
    return handler(input);
  });
  return { api, calls };
}
