/**
 * Entry of the `zamok` npm bin: built to out/cli/zamok.mjs (vite.cli.config.ts), which
 * bin/zamok.mjs runs on plain Node. The command line itself is ./run.ts.
 */
import { runCli } from './run';

process.exitCode = await runCli(process.argv.slice(2));
