#!/usr/bin/env node
// The `transmittal` command. The CLI is TypeScript; tsx (a runtime dependency) compiles it on the fly, so this works
// straight after `npm install` with no build step.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.node.json', import.meta.url)) });
await import('../electron/cli/index.ts');
