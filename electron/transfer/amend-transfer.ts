// Corrections after sending. What was signed (the frozen manifest and its fingerprint) never changes; a correction
// is an amendment: the catalog row takes the corrected value, and the amendment records the value as sent, the new
// one and why, listed on the transfer and carried to the center beside the manifest. It is one undoable change.
import type { AmendInput, AmendResult } from '../../shared/api/contract-transfers';
import { AppError } from '../../shared/domain/errors';
import { boxInputSchema, folderInputSchema } from '../../shared/domain/types';
import type { Amendment } from '../../shared/exchange/amendments';
import type { Manifest } from '../../shared/exchange/manifest';
import { getBox, keepLabelKey } from '../catalog/box-store';
import type { CatalogContext } from '../catalog/context';
import type { ChangeContext } from '../catalog/history';
import { folderInputOf, getFolder, writeFolder } from '../catalog/folder-store';
import { parseOrThrow } from '../../shared/domain/validation';

export type Value = string | number | boolean | null;

interface SentTransfer {
  id: number;
  number: string;
  sequence: number;
  manifest_json: string;
}

const BOX_COLUMNS = { label: 'label', cubicFeet: 'cubic_feet', notes: 'notes' } as const;

function sentTransferOf(context: CatalogContext, boxId: number, label: string): SentTransfer {
  const sent = lastSentTransfer(context, boxId);
  if (!sent) {
    throw new AppError('invalid-input', `Box “${label}” has not been sent: there is nothing signed to amend, so edit it directly.`, { field: 'target' });
  }
  return sent;
}

const same = (a: Value, b: Value) => a === b;

export function amendSent(context: CatalogContext, input: AmendInput): AmendResult {
  const folder = 'folderId' in input.target ? getFolder(context, input.target.folderId) : null;
  const box = getBox(context, folder ? folder.boxId : (input.target as { boxId: number }).boxId);
  const transfer = sentTransferOf(context, box.id, box.label);
  const manifest = JSON.parse(transfer.manifest_json) as Manifest;
  const sentBox = manifest.boxes.find((each) => each.sequence === transfer.sequence);
  const sentFolder = folder ? sentBox?.folders.find((each) => each.position === folder.position) : undefined;

  const wanted = Object.entries(input.changes).filter(([, value]) => value !== undefined) as [string, Value][];
  let changed: [string, Value, Value][];
  if (folder) {
    const current = folderInputOf(folder);
    const next = parseOrThrow(folderInputSchema, { ...current, ...Object.fromEntries(wanted) });
    changed = wanted.map(([field]) => [field, current[field as keyof typeof current] as Value, next[field as keyof typeof next] as Value]);
  } else {
    const current = { label: box.label, cubicFeet: box.cubicFeet, notes: box.notes };
    const next = parseOrThrow(boxInputSchema, { ...current, officeLocation: box.officeLocation, ...Object.fromEntries(wanted) });
    changed = wanted.map(([field]) => [field, current[field as keyof typeof current], next[field as keyof typeof next] as Value]);
  }
  changed = changed.filter(([, before, after]) => !same(before, after));
  if (changed.length === 0) throw new AppError('invalid-input', 'That correction changes nothing: every value is already as given.', { field: 'changes' });

  const what = folder ? `folder “${folder.title.slice(0, 40)}” in box ${box.label}` : `box ${box.label}`;
  return context.history.change(`Correct ${what} after sending (${transfer.number})`, (change) => {
    if (folder) {
      const before = context.history.snapshot('folder', folder.id);
      writeFolder(context, folder.id, parseOrThrow(folderInputSchema, { ...folderInputOf(folder), ...Object.fromEntries(changed.map(([field, , after]) => [field, after])) }));
      change.record('folder', folder.id, 'update', before, context.history.snapshot('folder', folder.id));
    } else {
      const before = context.history.snapshot('box', box.id);
      const fields = changed as [keyof typeof BOX_COLUMNS, Value, Value][];
      context.db.run(`UPDATE box SET ${fields.map(([field]) => `${BOX_COLUMNS[field]} = ?`).join(', ')}, updated_at = ? WHERE id = ?`, [
        ...fields.map(([, , after]) => after as string | number),
        context.now(),
        box.id,
      ]);
      keepLabelKey(context, box.id);
      change.record('box', box.id, 'update', before, context.history.snapshot('box', box.id));
    }
    const amendments = changed.map(([field, before, after]) =>
      recordAmendment(context, change, { transfer, boxId: box.id, boxLabel: sentBox?.label ?? box.label, folder: folder && { id: folder.id, position: folder.position, title: sentFolder?.title ?? folder.title } }, field, before, after, input.reason));
    return { transferId: transfer.id, transferNumber: transfer.number, amendments };
  });
}

/** Where an amendment belongs: the sent transfer, the box as the manifest lists it, and the folder if any. */
export interface AmendmentTarget {
  transfer: { id: number; sequence: number };
  boxId: number;
  boxLabel: string;
  folder: { id: number; position: number; title: string } | null;
}

/** Inserts one amendment inside the caller's change (so it is undone with the edit it records). */
export function recordAmendment(
  context: CatalogContext, change: ChangeContext, target: AmendmentTarget, field: string, before: Value, after: Value, reason: string,
): Amendment {
  const { lastInsertRowid: id } = context.db.run(
    `INSERT INTO amendment (transfer_id, box_id, folder_id, box_sequence, box_label, folder_position, folder_title, field, before_value, after_value, reason, at, actor)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      target.transfer.id, target.boxId, target.folder?.id ?? null, target.transfer.sequence, target.boxLabel, target.folder?.position ?? null,
      target.folder?.title ?? null, field, JSON.stringify(before), JSON.stringify(after), reason, context.now(), context.history.actor,
    ],
  );
  change.record('amendment', id, 'create', undefined, context.history.snapshot('amendment', id));
  return amendmentOf(context.db.get<AmendmentRow>('SELECT * FROM amendment WHERE id = ?', [id])!);
}

/** The sent transfer a box was last sent in, with its sequence there and the frozen manifest; null when never sent. */
export function lastSentTransfer(context: CatalogContext, boxId: number): SentTransfer | null {
  return context.db.get<SentTransfer>(
    `SELECT t.id, t.number, tb.sequence, t.manifest_json FROM transfer_box tb JOIN transfer t ON t.id = tb.transfer_id
     WHERE tb.box_id = ? AND t.sent_at IS NOT NULL ORDER BY t.sent_at DESC LIMIT 1`,
    [boxId],
  ) ?? null;
}

interface AmendmentRow {
  id: number; box_sequence: number; box_label: string; folder_position: number | null; folder_title: string | null;
  field: string; before_value: string; after_value: string; reason: string; at: string; actor: string;
}

function amendmentOf(row: AmendmentRow): Amendment {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    box: { sequence: row.box_sequence, label: row.box_label },
    folder: row.folder_position === null ? null : { position: row.folder_position, title: row.folder_title ?? '' },
    field: row.field,
    before: JSON.parse(row.before_value) as Value,
    after: JSON.parse(row.after_value) as Value,
    reason: row.reason,
  };
}

/** A transfer's amendments, oldest first. */
export function amendmentsOf(context: CatalogContext, transferId: number): Amendment[] {
  return context.db.all<AmendmentRow>('SELECT * FROM amendment WHERE transfer_id = ? ORDER BY id', [transferId]).map(amendmentOf);
}
