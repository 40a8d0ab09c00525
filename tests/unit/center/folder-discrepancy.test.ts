// Folder-level differences a center finds inside a box: recorded as found, with the box's custody event, and sent
// back in the acknowledgment the department takes in.
import { describe, expect, it } from 'vitest';
import { testSession } from '../catalog/session-helpers';
import { centerReadyToAccession, departmentTransfer } from './center-fixtures';

describe('folder-level discrepancies', () => {
  it('are recorded with who and when, and travel back in the acknowledgment', async () => {
    const t = await testSession();
    try {
      const transferId = await departmentTransfer(t);
      const { accessionId } = await centerReadyToAccession(t, transferId);
      const detail = await t.call('center.accession.get', { id: accessionId });
      const [first, second] = detail.boxes;
      const missing = await t.call('center.recordFolderDiscrepancy', { accessionId, holdingBoxId: first.id, folderPosition: 2, kind: 'folder-missing', description: 'The slot is empty.' });
      expect(missing.description).toBe('Box 1 (PW-1): Folder 2 “Oak Street permits 2019” is listed but was not in the box. The slot is empty.');
      await t.call('center.recordFolderDiscrepancy', { accessionId, holdingBoxId: second.id, folderPosition: null, kind: 'folder-extra', description: 'A folder “Elm St. drainage” was behind folder 2.' });
      await expect(t.call('center.recordFolderDiscrepancy', { accessionId, holdingBoxId: first.id, folderPosition: 9, kind: 'folder-different', description: 'x' }))
        .rejects.toThrow(/lists no folder 9\. Nothing was recorded\./);
      await expect(t.call('center.recordFolderDiscrepancy', { accessionId, holdingBoxId: first.id, folderPosition: 1, kind: 'folder-extra', description: 'x' }))
        .rejects.toThrow(/leave the folder number empty/);
      const after = await t.call('center.accession.get', { id: accessionId });
      expect(after.discrepancies.map((each) => [each.kind, each.folderPosition, each.recordedBy])).toEqual([
        ['folder-missing', 2, 'tester'],
        ['folder-extra', null, 'tester'],
      ]);
      expect(after.timeline.filter((event) => event.kind === 'discrepancy')).toHaveLength(2);
      await t.call('center.accession', { accessionId, locations: 'auto' });
      const written = await t.call('center.acknowledge', { accessionId, outDir: t.dir });
      const { readFile } = await import('node:fs/promises');
      const acknowledgment = JSON.parse(await readFile(written.path, 'utf8'));
      expect(acknowledgment.discrepancies.map((each: { kind: string; boxSequence: number; folderPosition: number | null }) => [each.kind, each.boxSequence, each.folderPosition])).toEqual([
        ['folder-missing', 1, 2],
        ['folder-extra', 2, null],
      ]);
    } finally {
      await t.dispose();
    }
  });
});
