// Labels printed alone for some boxes of a transfer (the new boxes of a re-box): the package's labels, for those
// boxes only, read back by poppler.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebox } from '../../../electron/catalog/move-folders';
import { writeBoxLabels } from '../../../electron/transfer/labels-file';
import { addBoxes, createTransfer } from '../../../electron/transfer/transfer-store';
import { missingTools, pdfPages } from '../documents/fixtures/tools';
import { addFolder, transferCatalog } from './transfer-fixtures';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'transmittal-labels-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(missingTools('pdftotext').length > 0)('labels for some boxes', () => {
  it('prints the labels of the boxes a re-box made, as DRAFT labels of their transfer, and no others', async () => {
    const { context, centerId, boxes, minutesItemId } = await transferCatalog({ boxes: 2 });
    addFolder(context, boxes.get('PW-001')!, { title: 'Council minutes 2019', scheduleItemId: minutesItemId, beginDate: '2019' });
    const transfer = createTransfer(context, { recordsCenterId: centerId, notes: '' });
    addBoxes(context, { id: transfer.id, boxIds: [boxes.get('PW-001')!, boxes.get('PW-002')!] });
    const made = rebox(context, { boxId: boxes.get('PW-001')!, by: 'date', expectFolders: 3 });
    const written = await writeBoxLabels(context, { id: transfer.id, boxIds: made.created.map((each) => each.boxId) }, dir);
    expect(written.boxes).toBe(1);
    expect(written.path).toBe(join(dir, `${transfer.number}-DRAFT labels, boxes 3.pdf`));
    const text = pdfPages(written.path).join('\n');
    expect(text).toContain('Box 3 of 3');
    expect(text).toContain('Label: PW-001-2');
    expect(text).toContain('Disposition: never, kept permanently');
    expect(text).toContain('DRAFT, not sent');
    expect(text).not.toContain('Label: PW-002');
  });

  it('refuses a box that is not in the transfer, naming what to do', async () => {
    const { context, centerId, boxes } = await transferCatalog({ boxes: 2 });
    const transfer = createTransfer(context, { recordsCenterId: centerId, notes: '' });
    addBoxes(context, { id: transfer.id, boxIds: [boxes.get('PW-001')!] });
    await expect(writeBoxLabels(context, { id: transfer.id, boxIds: [boxes.get('PW-002')!] }, dir)).rejects.toThrow(/is not in transfer .*add it to the transfer to print its label/);
  });
});
