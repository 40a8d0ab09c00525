// A department takes in its records center's acknowledgment (transmittal-acknowledgment/1): what the center found
// for each box it sent, the accession number, each box's center number and shelf location, and every discrepancy.
// It must answer one of this catalog's sent transfers by that transfer's own manifest fingerprint; anything else
// (another transfer, another manifest, a changed file, a file that is not an acknowledgment) is refused with what
// it is and nothing changes. The same file taken in twice changes nothing. Taking it in appends the center's custody
// events to each box's timeline (so both sides' timelines agree), records where each box is, and marks the transfer
// accessioned. It is a fact from outside, like every custody event: kept, not undone.
import type { AcknowledgmentImported } from '../../shared/api/contract-transfers';
import { AppError } from '../../shared/domain/errors';
import { count } from '../../shared/domain/words';
import { acknowledgmentSchema, type Acknowledgment } from '../../shared/exchange/acknowledgment';
import { acknowledgmentFingerprint } from '../exchange/fingerprint';
import type { CatalogContext } from '../catalog/context';
import { appendCustodyEvents } from '../custody/custody-events';

/** An acknowledgment is a few hundred bytes a box: 64 MB is far beyond any real one. */
export const ACKNOWLEDGMENT_MAX_BYTES = 64 * 1024 * 1024;

function parse(bytes: Uint8Array, fileName: string): Acknowledgment {
  if (bytes.byteLength > ACKNOWLEDGMENT_MAX_BYTES) {
    throw new AppError('invalid-input', `${fileName} is ${Math.round(bytes.byteLength / 1048576)} MB: far larger than any acknowledgment. Nothing was changed.`, { field: 'file' });
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new AppError('invalid-input', `${fileName} is not a JSON file, so it is not an acknowledgment from a records center. Nothing was changed.`, { field: 'file' });
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== 'transmittal-acknowledgment/1') {
    throw new AppError('invalid-input', `${fileName} is not an acknowledgment (its format is ${typeof format === 'string' ? `“${format.slice(0, 60)}”` : 'not stated'}; expected transmittal-acknowledgment/1). Nothing was changed.`, { field: 'file' });
  }
  const parsed = acknowledgmentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('invalid-input', `${fileName} is damaged or was changed by hand: ${issue.path.join('.') || 'the file'}: ${issue.message}. Nothing was changed.`, { field: 'file' });
  }
  return parsed.data;
}

interface SentTransferRow { id: number; number: string; fingerprint: string | null; status: string; center_name: string | null }

export function importAcknowledgment(context: CatalogContext, bytes: Uint8Array, fileName: string): AcknowledgmentImported {
  const acknowledgment = parse(bytes, fileName);
  const fingerprint = acknowledgmentFingerprint(acknowledgment);
  const transfer = context.db.get<SentTransferRow>(
    'SELECT t.id, t.number, t.fingerprint, t.status, c.name AS center_name FROM transfer t LEFT JOIN records_center c ON c.id = t.records_center_id WHERE t.number = ?',
    [acknowledgment.transfer.number],
  );
  if (!transfer) {
    throw new AppError('not-found', `${fileName} answers transfer ${acknowledgment.transfer.number}, which is not in this catalog: it belongs to another department or catalog. Nothing was changed.`, { field: 'file' });
  }
  if (!transfer.fingerprint) {
    throw new AppError('invalid-input', `${fileName} answers transfer ${transfer.number}, which has not been sent from this catalog. Nothing was changed.`, { field: 'file' });
  }
  if (transfer.fingerprint !== acknowledgment.transfer.manifestFingerprint) {
    throw new AppError(
      'invalid-input',
      `${fileName} answers a different manifest of transfer ${transfer.number} (fingerprint ${acknowledgment.transfer.manifestFingerprint.slice(0, 16)}…, ` +
        `but the one this catalog sent is ${transfer.fingerprint.slice(0, 16)}…). Ask ${acknowledgment.recordsCenter.name} which transfer it took in. Nothing was changed.`,
      { field: 'file' },
    );
  }
  const already = context.db.get<{ accession_number: string }>('SELECT accession_number FROM acknowledgment WHERE fingerprint = ?', [fingerprint]);
  if (already) return summary(transfer, acknowledgment, fingerprint, true);

  const sent = new Map(
    context.db.all<{ box_id: number; sequence: number }>('SELECT box_id, sequence FROM transfer_box WHERE transfer_id = ?', [transfer.id]).map((row) => [row.sequence, row.box_id]),
  );
  for (const box of acknowledgment.boxes) {
    if (!sent.has(box.sequence)) {
      throw new AppError('invalid-input', `${fileName} lists box ${box.sequence} (${box.boxId}), which transfer ${transfer.number} did not send. Nothing was changed.`, { field: 'file' });
    }
  }
  const center = acknowledgment.recordsCenter.name;
  context.history.untracked(() => {
    const now = context.now();
    context.db.run('INSERT INTO acknowledgment (transfer_id, fingerprint, accession_number, json, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?)', [
      transfer.id, fingerprint, acknowledgment.accession.number, JSON.stringify(acknowledgment), now, context.history.actor,
    ]);
    // The center's own events, as it recorded them (its time and its staff), in the department's chain.
    appendCustodyEvents(
      context,
      acknowledgment.events.map((event) => ({
        boxId: sent.get(event.boxSequence)!,
        transferId: transfer.id,
        kind: event.kind,
        at: event.at,
        actor: `${event.actor} (${center})`,
        detail: { text: event.detail, accession: acknowledgment.accession.number, acknowledgment: fingerprint },
      })),
    );
    for (const box of acknowledgment.boxes) {
      context.db.run('DELETE FROM box_at_center WHERE box_id = ?', [sent.get(box.sequence)!]);
      context.db.run(
        `INSERT INTO box_at_center (box_id, transfer_id, center_name, accession_number, center_box_number, location, status, note, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [sent.get(box.sequence)!, transfer.id, center, acknowledgment.accession.number, box.centerBoxNumber, box.location, box.status, box.note, now],
      );
    }
    context.db.run("UPDATE transfer SET status = 'accessioned' WHERE id = ?", [transfer.id]);
  });
  return summary(transfer, acknowledgment, fingerprint, false);
}

function summary(transfer: SentTransferRow, acknowledgment: Acknowledgment, fingerprint: string, alreadyImported: boolean): AcknowledgmentImported {
  const received = acknowledgment.boxes.filter((box) => box.status !== 'missing').length;
  return {
    transferId: transfer.id,
    transferNumber: transfer.number,
    accessionNumber: acknowledgment.accession.number,
    fingerprint,
    alreadyImported,
    message: alreadyImported
      ? `This acknowledgment of ${transfer.number} was taken in already: nothing changed.`
      : `${acknowledgment.recordsCenter.name} took in ${transfer.number} as accession ${acknowledgment.accession.number}: ` +
        `${count(received, 'box', 'boxes')} of ${acknowledgment.boxes.length} received` +
        `${acknowledgment.discrepancies.length > 0 ? `, ${count(acknowledgment.discrepancies.length, 'discrepancy', 'discrepancies')} noted` : ''}.`,
  };
}

/** The acknowledgments of a transfer as the transfer page shows them, newest first. */
export function acknowledgmentsOf(context: CatalogContext, transferId: number): { fingerprint: string; importedAt: string; acknowledgment: Acknowledgment }[] {
  return context.db
    .all<{ fingerprint: string; imported_at: string; json: string }>('SELECT fingerprint, imported_at, json FROM acknowledgment WHERE transfer_id = ? ORDER BY id DESC', [transferId])
    .map((row) => ({ fingerprint: row.fingerprint, importedAt: row.imported_at, acknowledgment: JSON.parse(row.json) as Acknowledgment }));
}
