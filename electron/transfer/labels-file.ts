// Labels for some boxes of a transfer, printed alone: the new boxes a re-box made, or a label to replace a torn one.
// They are the package's labels (same manifest, same box ids and fingerprint), for the boxes asked for only; a
// draft's say DRAFT, as its package's do.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { buildLabelsPdf } from '../../shared/documents/labels-pdf';
import { AppError } from '../../shared/domain/errors';
import type { CatalogContext } from '../catalog/context';
import { loadFonts } from '../exchange/fonts';
import { writeFileAtomic } from '../storage/file-system';
import { transferManifest } from './package-transfer';
import { getTransferRow } from './transfer-rows';

export interface LabelsWritten {
  path: string;
  boxes: number;
}

export async function writeBoxLabels(context: CatalogContext, input: { id: number; boxIds?: number[] }, outDir: string): Promise<LabelsWritten> {
  const transfer = getTransferRow(context, input.id);
  const { manifest, fingerprint, sent } = transferManifest(context, input.id);
  // The transfer's box sequence ties a catalog box to its manifest box (and its box id on the label).
  const sequences = new Map(
    context.db.all<{ box_id: number; sequence: number }>('SELECT box_id, sequence FROM transfer_box WHERE transfer_id = ? ORDER BY sequence', [input.id])
      .map((row, index) => [row.box_id, sent ? row.sequence : index + 1]),
  );
  let boxes = manifest.boxes;
  if (input.boxIds) {
    const wanted = new Set<number>();
    for (const boxId of input.boxIds) {
      const sequence = sequences.get(boxId);
      if (sequence === undefined) throw new AppError('invalid-input', `Box ${boxId} is not in transfer ${transfer.number}: add it to the transfer to print its label.`, { field: 'boxIds' });
      wanted.add(sequence);
    }
    boxes = manifest.boxes.filter((box) => wanted.has(box.sequence));
  }
  if (boxes.length === 0) throw new AppError('invalid-input', `Transfer ${transfer.number} has no boxes yet: add the boxes you are sending first.`, { field: 'id' });
  const bytes = await buildLabelsPdf({ ...manifest, boxes }, { fingerprint, ...(await loadFonts()) });
  await mkdir(outDir, { recursive: true });
  const which = input.boxIds ? `boxes ${boxes.map((box) => box.sequence).join(', ')}` : 'all boxes';
  const name = `${transfer.number}${sent ? '' : '-DRAFT'} labels, ${which}.pdf`.slice(0, 200);
  const path = join(outDir, name);
  await writeFileAtomic(path, bytes, { overwrite: true });
  return { path, boxes: boxes.length };
}
