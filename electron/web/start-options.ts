// The options of `npm run start:web`, parsed apart from starting anything so they can be tested.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

export const START_USAGE = `Usage: npm run start:web -- [--workspace DIR] [--port N] [--open CATALOG]

  --workspace DIR   where new catalogs are kept (default: $TRANSMITTAL_WORKSPACE or ~/Documents/Transmittal)
  --port N          port on 127.0.0.1 (default: $TRANSMITTAL_PORT, or any free port)
  --open CATALOG    open this .transmittal file at start`;

export interface StartOptions {
  workspaceDir: string;
  port: number;
  openPath: string | null;
}

export class UsageError extends Error {}

function parsePort(text: string | undefined): number {
  if (text === undefined || text === '') return 0;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`the port must be a whole number from 0 to 65535, not "${text}"`);
  }
  return port;
}

export function parseStartOptions(argv: string[], env: NodeJS.ProcessEnv): StartOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        workspace: { type: 'string' },
        port: { type: 'string' },
        open: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) return 'help';
  const workspace = parsed.values.workspace ?? env.TRANSMITTAL_WORKSPACE ?? join(homedir(), 'Documents', 'Transmittal');
  return {
    workspaceDir: resolve(workspace),
    port: parsePort(parsed.values.port ?? env.TRANSMITTAL_PORT),
    openPath: parsed.values.open ? resolve(parsed.values.open) : null,
  };
}
