/**
 * `Zamok --cli …`: the installed app runs the `zamok` command line (src-main/cli/run.ts) instead of
 * opening a window, so an office machine needs no Node.js for the CLI. Electron main itself runs it
 * (the runAsNode fuse stays off: ELECTRON_RUN_AS_NODE cannot turn the signed binary into a plain
 * Node). No window, no single-instance lock (the CLI may run beside the open app, as the npm bin
 * can), the same Electron-ABI database driver as the window.
 */
import { EXIT } from '../cli/io';
import { setNativeBinding } from '../vault/database';
import { electronNativeBindingPath, nativeProblemDialog, probeNativeBinding } from './native';

/** The CLI arguments after `--cli`, or null when the app was started to open its window. */
export function cliArguments(argv: readonly string[]): string[] | null {
  const at = argv.indexOf('--cli');
  return at === -1 ? null : argv.slice(at + 1);
}

/** What CLI mode needs from Electron and the process. */
export interface CliModeDeps {
  isPackaged: boolean;
  resourcesPath: string;
  appPath: string;
  /** Runs the command line (`runCli`) and resolves to its exit code. */
  run(argv: readonly string[]): Promise<number>;
  /** Writes a line to standard error. */
  writeErr(text: string): void;
  /** Ends the process with this exit code (`app.exit`). */
  exit(code: number): void;
}

/** Sets the Electron-ABI driver, runs `zamok <args>` and exits with its code. */
export async function runCliMode(args: readonly string[], deps: CliModeDeps): Promise<void> {
  const binding = electronNativeBindingPath(deps);
  const probe = probeNativeBinding(binding);
  if (!probe.ok) {
    const { body } = nativeProblemDialog(probe, deps.isPackaged);
    deps.writeErr(`zamok: ${body.replace(/\n+/g, ' ')}\n`);
    deps.exit(EXIT.other);
    return;
  }
  setNativeBinding(binding);
  let code: number = EXIT.other;
  try {
    code = await deps.run(args);
  } finally {
    deps.exit(code);
  }
}
