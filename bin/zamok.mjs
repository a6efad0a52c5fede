#!/usr/bin/env node
// The `zamok` command: runs the TypeScript CLI in src-main/cli through tsx's loader (no build step).
import { register } from 'tsx/esm/api';

register();
await import('../src-main/cli/main.ts');
