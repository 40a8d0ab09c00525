// The boundary checker catches each rule it enforces, relative imports included: one violating file per rule, and
// the same imports from a place where they are allowed pass.
import { describe, expect, it } from 'vitest';
import { findViolations, importsOf, resolveImport } from '../../../scripts/boundaries.js';

const one = (path: string, text: string) => findViolations([{ path, text }]);

describe('the architecture boundaries', () => {
  it.each([
    ['electron outside the shell', 'electron/catalog/box-store.ts', "import { app } from 'electron';", /only electron\/main and electron\/preload/],
    ['a Node builtin in shared/', 'shared/domain/types.ts', "import { readFile } from 'node:fs/promises';", /shared\/ must stay pure/],
    ['React in shared/', 'shared/domain/types.ts', "import { useState } from 'react';", /shared\/ must stay pure/],
    ['shared/ reaching into the core, relatively', 'shared/import/plan.ts', "import { Database } from '../../electron/storage/database';", /shared\/ must not reach into electron\//],
    ['shared/ reaching into the renderer, relatively', 'shared/api/contract.ts', "import type { X } from '../../renderer/src/app/app';", /shared\/ must not reach into renderer\//],
    ['the core importing the Electron shell', 'electron/transfer/send-transfer.ts', "import { guardQuit } from '../main/quit-guard';", /the Node core must run without Electron/],
    ['the core importing the renderer', 'electron/web/server.ts', "import { App } from '../../renderer/src/app/app';", /must not import the renderer/],
    ['the renderer importing the core, relatively', 'renderer/src/app/app.tsx', "import { Database } from '../../../electron/storage/database';", /through the API contract/],
    ['the renderer importing a Node builtin', 'renderer/src/app/app.tsx', "import { readFileSync } from 'fs';", /through the API contract/],
    ['a feature importing the session layer', 'electron/transfer/package-transfer.ts', "import { createSession } from '../session/session';", /must not reach into the session layer/],
    ['a feature importing a transport, dynamically', 'electron/import/import-handlers.ts', "const cli = await import('../cli/program');", /must not reach into the session layer/],
  ])('catches %s', (_rule, path, text, expected) => {
    const problems = one(path, text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
    expect(problems[0].startsWith(`${path}: `)).toBe(true);
  });

  it.each([
    ['electron in the shell', 'electron/main/index.ts', "import { app } from 'electron';"],
    ['the session composing features', 'electron/session/session.ts', "import { transferHandlers } from '../transfer/transfer-handlers';"],
    ['a feature using the runtime', 'electron/transfer/package-transfer.ts', "import type { JobControl } from '../runtime/jobs';"],
    ['the renderer using the contract', 'renderer/src/api/client.ts', "import type { ApiMethod } from '../../../shared/api/contract';"],
    ['the CLI using the session', 'electron/cli/index.ts', "const { createSession } = await import('../session/session');"],
  ])('allows %s', (_case, path, text) => {
    expect(one(path, text)).toEqual([]);
  });

  it('reads every kind of import and resolves relative ones from the importing file', () => {
    expect(importsOf("import a from 'x';\nexport { b } from \"./y\";\nconst c = await import('../z');\nimport 'side';")).toEqual(['x', './y', '../z', 'side']);
    expect(resolveImport('electron/transfer/a.ts', '../session/session')).toBe('electron/session/session');
    expect(resolveImport('electron/transfer/a.ts', 'zod')).toBeNull();
  });
});
