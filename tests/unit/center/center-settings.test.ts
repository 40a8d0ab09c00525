// The accession number pattern a records center chooses: checked, kept, and used for the next intake.
import { describe, expect, it } from 'vitest';
import { testSession } from '../catalog/session-helpers';
import { cli } from '../cli/in-process';

describe('the accession number pattern', () => {
  it('starts as {DEPT}-{YYYY}-{NNNN}, takes a new pattern, and refuses one without a running number', async () => {
    const t = await testSession();
    await t.call('catalog.create', { fileName: 'Center', department: { name: 'City Records Center' }, role: 'records-center' });
    expect((await t.call('center.settings', {})).accessionNumberPattern).toBe('{DEPT}-{YYYY}-{NNNN}');
    const set = await t.call('center.setAccessionPattern', { pattern: 'CRC-{YYYY}-{DEPT}-{NNNNN}' });
    expect(set.accessionNumberPattern).toBe('CRC-{YYYY}-{DEPT}-{NNNNN}');
    expect(set.example).toMatch(/^CRC-\d{4}-PW-00042$/);
    await expect(t.call('center.setAccessionPattern', { pattern: '{DEPT}-{YYYY}' })).rejects.toThrow(/needs a running number, such as \{NNNN\}\. Nothing was changed\./);
    expect((await t.call('center.settings', {})).accessionNumberPattern).toBe('CRC-{YYYY}-{DEPT}-{NNNNN}');
    await t.dispose();
  });
});

describe('transmittal accession-pattern', () => {
  it('shows and sets the pattern, and refuses one without a running number', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'transmittal-pattern-'));
    try {
      const catalog = join(dir, 'crc');
      expect((await cli('init', catalog, '--department', 'City Records Center', '--role', 'records-center')).code).toBe(0);
      expect((await cli('accession-pattern', catalog)).stdout).toMatch(/^Accession numbers follow \{DEPT\}-\{YYYY\}-\{NNNN\} \(department PW's next would look like PW-\d{4}-0042\)\.\n$/);
      expect((await cli('accession-pattern', catalog, 'CRC-{NNNNNN}')).stdout).toContain('follow CRC-{NNNNNN} (department PW\'s next would look like CRC-000042)');
      const refused = await cli('accession-pattern', catalog, '{DEPT}');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('needs a running number');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
