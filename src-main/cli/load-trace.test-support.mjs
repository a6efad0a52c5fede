// Preloaded with `node --import` by bin.test.ts: registers a resolve hook that appends every module
// URL the process loads to the file named by ZAMOK_LOAD_TRACE, so a test can see what a command
// loaded (e.g. that --help never loads pdfkit, zxcvbn or the age library).
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
      import { appendFileSync } from 'node:fs';
      export async function resolve(specifier, context, next) {
        const result = await next(specifier, context);
        appendFileSync(process.env.ZAMOK_LOAD_TRACE, result.url + '\\n');
        return result;
      }
    `),
);
