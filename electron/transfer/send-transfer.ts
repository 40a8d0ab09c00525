// Sending a transfer: the manifest is built from the catalog now and frozen with its fingerprint. From then on the
// record of what left the office never changes, whatever later happens to the catalog, and it cannot be undone.
import type { TransferSummary } from '../../shared/api/contract-transfers';
import { AppError } from '../../shared/domain/errors';
import { validateTransfer, WARNINGS_NEEDING_A_REASON } from '../../shared/transfer/validate';
import { manifestFingerprint } from '../exchange/fingerprint';
import type { CatalogContext } from '../catalog/context';
import { buildManifest } from './build-manifest';
import { getTransferSummary } from './transfer-rows';
import { loadTransfer } from './load-transfer';
import { assertEditable } from './transfer-store';
import { appendCustodyEvents } from '../custody/custody-events';
import { validationInputOf } from './transfer-validation';

export async function sendTransfer(context: CatalogContext, id: number, eligibleReason = ''): Promise<TransferSummary> {
  const loaded = loadTransfer(context, id);
  const transfer = assertEditable(loaded.transfer);
  const validation = validateTransfer(validationInputOf(loaded, context.now().slice(0, 10)));
  if (!validation.valid) {
    const errors = validation.issues.filter((issue) => issue.level === 'error');
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
    throw new AppError('invalid-input', `Transfer ${transfer.number} cannot be sent yet: ${errors[0].message}${more}`, {
      field: 'id',
      issues: errors.slice(0, 100),
    });
  }
  // Boxes already eligible for destruction go only with a reason, asked once for the transfer and printed on it.
  const eligible = validation.issues.filter((issue) => WARNINGS_NEEDING_A_REASON.includes(issue.code));
  if (eligible.length > 0 && eligibleReason.trim() === '') {
    throw new AppError(
      'invalid-input',
      `Transfer ${transfer.number} holds ${eligible.length === 1 ? 'a box' : `${eligible.length} boxes`} already eligible for destruction: ` +
        `${eligible.map((issue) => issue.message.split(':')[0]).join(', ')}. Destroy ${eligible.length === 1 ? 'it' : 'them'} under your schedule ` +
        'and take them out of the transfer, or say why they go (the receipt prints your reason).',
      { field: 'eligibleReason', issues: eligible },
    );
  }
  const sentAt = context.now();
  const manifest = buildManifest(context, loaded, sentAt, eligible.length > 0 ? eligibleReason.trim() : '');
  const fingerprint = manifestFingerprint(manifest);
  context.history.change(`Send transfer ${transfer.number}`, (change) => {
    const before = context.history.snapshot('transfer', id);
    context.db.run("UPDATE transfer SET status = 'sent', sent_at = ?, manifest_json = ?, fingerprint = ? WHERE id = ?", [
      sentAt,
      JSON.stringify(manifest),
      fingerprint,
      id,
    ]);
    // The history names the fingerprint but does not copy the manifest: the transfer row keeps it (and never lets it
    // change), and a second copy of a few megabytes per transfer would only make every save slower.
    const { manifest_json: _manifest, ...after } = context.history.snapshot('transfer', id) ?? {};
    change.record('transfer', id, 'update', before, after);
    const members = context.db.all<{ id: number; box_id: number; sequence: number }>(
      'SELECT id, box_id, sequence FROM transfer_box WHERE transfer_id = ? ORDER BY sequence',
      [id],
    );
    members.forEach((member, index) => {
      // The stored order must match the manifest's "box n of N" (a box deleted from the catalog leaves a gap).
      if (member.sequence === index + 1) return;
      const memberBefore = context.history.snapshot('transfer_box', member.id);
      context.db.run('UPDATE transfer_box SET sequence = ? WHERE id = ?', [index + 1, member.id]);
      change.record('transfer_box', member.id, 'update', memberBefore, context.history.snapshot('transfer_box', member.id));
    });
    // Each box's custody timeline starts here; its status ("in transit") is read from this event.
    appendCustodyEvents(
      context,
      members.map((member, index) => ({ boxId: member.box_id, transferId: id, kind: 'sent' as const, at: sentAt, detail: { transferNumber: transfer.number, fingerprint, sequence: index + 1 } })),
    );
  });
  // Undo stops here: undoing this, or anything before it (adding a box), would change what was sent.
  context.history.reset();
  return getTransferSummary(context, id);
}
