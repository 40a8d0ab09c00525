// Legal holds in a records center's catalog: placed by the center itself, or taken in from a department's hold file.
// Placing one sets holding_folder.legal_hold on what it covers (the folder has no reason column: the reason is the
// hold) with a "hold-placed" event per holding box; lifting clears it where no other active hold covers the folder
// and the department's own manifest did not send the folder on hold. Nothing here is undone.
import { AppError } from '../../../shared/domain/errors';
import { count } from '../../../shared/domain/words';
import { recordedChange } from '../../center/center-change';
import type { CatalogContext } from '../../catalog/context';
import { resolveCenterScope } from './center-scope';
import { inChunks, inEachChunk, type Coverage, type HoldRow } from './hold-store';
import { appendHoldEvents, holdToLift, placeHold, recordHoldLifted, type HoldInput, type HoldSide } from './place-and-lift';

/** A records center's holdings: holding boxes and folders, each box's events under its accession. */
const center: HoldSide = {
  origin: 'center',
  where: 'these holdings',
  resolveScope: resolveCenterScope,
  folderTable: 'holding_folder',
  transfersOf: (context, boxIds) =>
    new Map(
      inChunks(boxIds, (marks, chunk) => context.db.all<{ id: number; accession_id: number }>(`SELECT id, accession_id FROM holding_box WHERE id IN (${marks})`, chunk)).map(
        (row) => [row.id, row.accession_id],
      ),
    ),
};

/** Inside the caller's change: holds the folders and records a "hold-placed" event on each box. */
export function holdHoldings(context: CatalogContext, hold: { number: string; name: string; text: string }, coverage: Coverage, at: string, actor?: string): void {
  inEachChunk([...coverage.folders.keys()], (marks, chunk) => context.db.run(`UPDATE holding_folder SET legal_hold = 1 WHERE id IN (${marks})`, chunk));
  appendHoldEvents(context, center, coverage, { kind: 'hold-placed', at, actor }, (covered) => ({ text: `${hold.text} placed on ${covered}`, hold: hold.number }));
}

/**
 * Folders the department's manifest sent on hold (its own legal hold column): only the department lifts those. One
 * whose reason is the name of a hold the department sent here was held by that hold before it was sent: that hold
 * (this one, or another still active) decides, not the manifest.
 */
function heldBySender(context: CatalogContext, folderIds: number[], holdName: string): Set<number> {
  const rows = inChunks(folderIds, (marks, chunk) =>
    context.db.all<{ id: number; position: number; sequence: number | null; accession_id: number }>(
      `SELECT f.id, f.position, b.sequence, b.accession_id FROM holding_folder f JOIN holding_box b ON b.id = f.box_id WHERE f.id IN (${marks})`,
      chunk,
    ),
  );
  const manifests = new Map<number, Set<string>>();
  const held = new Set<number>();
  const sentHolds = new Set([holdName, ...context.db.column<string>("SELECT name FROM legal_hold WHERE origin = 'department-file'")]);
  for (const row of rows) {
    if (row.sequence === null) continue;
    if (!manifests.has(row.accession_id)) {
      const text = context.db.get<{ json: string }>('SELECT manifest_json AS json FROM accession WHERE id = ?', [row.accession_id])?.json ?? '{}';
      const manifest = JSON.parse(text) as { boxes?: { sequence: number; folders?: { position: number; legalHold?: boolean; legalHoldReason?: string }[] }[] };
      manifests.set(
        row.accession_id,
        new Set((manifest.boxes ?? []).flatMap((box) => (box.folders ?? []).filter((folder) => folder.legalHold === true && !sentHolds.has(folder.legalHoldReason ?? '')).map((folder) => `${box.sequence}/${folder.position}`))),
      );
    }
    if (manifests.get(row.accession_id)!.has(`${row.sequence}/${row.position}`)) held.add(row.id);
  }
  return held;
}

/** Inside the caller's change: records the lift, releases what nothing else holds, and a "hold-lifted" event per box. */
export function releaseHoldings(context: CatalogContext, row: HoldRow, lift: { at: string; by: string; reason: string; actor?: string; who?: string }): { released: number; stillHeld: number } {
  const { coverage, folderIds, others } = recordHoldLifted(context, row, lift);
  const sender = heldBySender(context, folderIds, row.name);
  const released = folderIds.filter((id) => !others.has(id) && !sender.has(id));
  inEachChunk(released, (marks, chunk) => context.db.run(`UPDATE holding_folder SET legal_hold = 0 WHERE id IN (${marks})`, chunk));
  appendHoldEvents(context, center, coverage, { kind: 'hold-lifted', at: context.now(), actor: lift.actor }, (covered) => ({
    text: `${lift.who ?? 'Legal hold'} ${row.number} “${row.name}” lifted from ${covered}: ${lift.reason}`,
    hold: row.number,
    reason: lift.reason,
  }));
  return { released: released.length, stillHeld: folderIds.length - released.length };
}

export function createCenterHold(context: CatalogContext, input: HoldInput): number {
  return placeHold(context, center, input, ({ number, coverage, placedAt }) => {
    const matter = input.matter ? ` for ${input.matter}` : '';
    holdHoldings(context, { number, name: input.name, text: `Legal hold ${number} “${input.name}”${matter}` }, coverage, placedAt);
  });
}

export function liftCenterHold(context: CatalogContext, id: number, reason: string): void {
  const row = holdToLift(context, id);
  if (row.origin === 'department-file') {
    // The department placed it: only its own lifted hold file lifts it, so both sides agree on what is held.
    const department = context.db.get<{ name: string }>('SELECT name FROM center_department WHERE id = ?', [row.department_id ?? 0])?.name ?? 'the department';
    throw new AppError(
      'forbidden',
      `Legal hold ${row.number} “${row.name}” was placed by ${department}: it is lifted when ${department} lifts it and sends its hold file again. Nothing was changed.`,
      { field: 'id' },
    );
  }
  recordedChange(context, `Lift legal hold ${row.number} “${row.name}”`, () => {
    releaseHoldings(context, row, { at: context.now(), by: context.history.actor, reason });
  });
}

export const heldWords = (boxes: number, folders: number): string =>
  [boxes > 0 ? count(boxes, 'box', 'boxes') : '', folders > 0 ? count(folders, 'folder') : ''].filter(Boolean).join(' and ');
