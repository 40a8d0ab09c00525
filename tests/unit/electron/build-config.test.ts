// The packaged app's fuses (Electron's security checklist, item 19) are set where electron-builder reads them.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const config = readFileSync(resolve(__dirname, '../../../electron-builder.yml'), 'utf8');

function fuses(): Record<string, string> {
  const block = /^electronFuses:\n((?:[ ]{2}\S.*\n?)+)/m.exec(config);
  if (!block) throw new Error('electron-builder.yml has no electronFuses block');
  return Object.fromEntries(
    block[1]
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => line.trim().split(/:\s*/) as [string, string]),
  );
}

describe('electron-builder.yml', () => {
  it('flips the fuses the security checklist asks for', () => {
    expect(fuses()).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });
});
