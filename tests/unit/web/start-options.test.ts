// Options of `npm run start:web`: flags win over the environment, which wins over the defaults.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStartOptions, UsageError } from '../../../electron/web/start-options';

describe('parseStartOptions', () => {
  it('defaults to ~/Documents/Transmittal and a free port', () => {
    expect(parseStartOptions([], {})).toEqual({ workspaceDir: join(homedir(), 'Documents', 'Transmittal'), port: 0, openPath: null });
  });

  it('takes the workspace and port from the environment', () => {
    expect(parseStartOptions([], { TRANSMITTAL_WORKSPACE: '/srv/records', TRANSMITTAL_PORT: '8123' })).toEqual({
      workspaceDir: '/srv/records',
      port: 8123,
      openPath: null,
    });
  });

  it('lets flags override the environment and resolves paths', () => {
    const options = parseStartOptions(['--workspace', 'ws', '--port', '9000', '--open', 'a/b.transmittal'], {
      TRANSMITTAL_WORKSPACE: '/srv/records',
      TRANSMITTAL_PORT: '8123',
    });
    expect(options).toEqual({ workspaceDir: resolve('ws'), port: 9000, openPath: resolve('a/b.transmittal') });
  });

  it('answers help', () => {
    expect(parseStartOptions(['--help'], {})).toBe('help');
  });

  it.each([['--port', 'abc'], ['--port', '70000'], ['--port', '-1'], ['--port', '1.5'], ['--bogus'], ['stray']])(
    'refuses %s %s as a usage error',
    (...argv) => {
      expect(() => parseStartOptions(argv, {})).toThrow(UsageError);
    },
  );
});
