// Legal holds in a records center's catalog: placed by the center itself, or taken in from a department's hold file.
// Placing one sets holding_folder.legal_hold on what it covers (the folder has no reason column: the reason is the
// hold) with a "hold-placed" event per holding box; lifting clears it where no other active hold covers the folder
// and the department's own manifest did not send the folder on hold. Nothing here is undone.
import { AppError } from '../../../shared/domain/errors';
import { count } from '../../../shared/domain/words';
import type { HoldScope } from '../../../shared/exchange/disposition';
import { recordedChange } from '../../center/center-change';
import type { CatalogContext } from '../../catalog/context';
import { appendCustodyEvents, type NewCustodyEvent } from '../../custody/custody-events';
import { resolveCenterScope } from './center-scope';
import {
  assertScopeSaysSomething,
  boxesOf,
  coverageOf,
  holdPrefix,
  holdRow,
  inChunks,
  insertHold,
  nextHoldNumber,
  otherActiveHolds,
  recordLift,
  refuseLifted,
  type Coverage,
  type HoldRow,
} from './hold-store';

function accessionsOf(context: CatalogContext, boxIds: number[]): Map<number, number> {
  return new Map(
    inChunks(boxIds, (marks, chunk) => context.db.all<{ id: number; accession_id: number }>(`SELECT id, accession_id FROM holding_box WHERE id IN (${marks})`, chunk)).map(
      (row) => [row.id, row.accession_id],
    ),
  );
}

function coveredWords(context: CatalogContext, coverage: Coverage, boxId: number): string {
  if (coverage.wholeBoxes.has(boxId)) return 'the whole box';
  const ids = [...coverage.folders].filter(([, box]) => box === boxId).map(([id]) => id);
  const positions = inChunks(ids, (marks, chunk) => context.db.column<number>(`SELECT position FROM holding_folder WHERE id IN (${marks})`, chunk)).sort((a, b) => a - b);
  const list = positions.length === 1 ? String(positions[0]) : `${positions.slice(0, -1).join(', ')} and ${positions.at(-1)}`;
  return `${positions.length === 1 ? 'folder' : 'folders'} ${list}`;
}

/** Inside the caller's change: holds the folders and records a "hold-placed" event on each box. */
export function holdHoldings(context: CatalogContext, hold: { number: string; name: string; text: string }, coverage: Coverage, at: string, actor?: string): void {
  inChunks([...coverage.folders.keys()], (marks, chunk) => {
    context.db.run(`UPDATE holding_folder SET legal_hold = 1 WHERE id IN (${marks})`, chunk);
    return [];
  });
  const boxIds = boxesOf(coverage);
  const accessions = accessionsOf(context, boxIds);
  appendCustodyEvents(
    context,
    boxIds.map((boxId): NewCustodyEvent => ({
      boxId,
      transferId: accessions.get(boxId) ?? null,
      kind: 'hold-placed',
      at,
      ...(actor ? { actor } : {}),
      detail: { text: `${hold.text} placed on ${coveredWords(context, coverage, boxId)}`, hold: hold.number },
    })),
  );
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
  const coverage = coverageOf(context, row.id);
  const folderIds = [...coverage.folders.keys()];
  const others = otherActiveHolds(context, folderIds, row.id);
  const sender = heldBySender(context, folderIds, row.name);
  recordLift(context, row.id, { at: lift.at, by: lift.by, reason: lift.reason });
  const released = folderIds.filter((id) => !others.has(id) && !sender.has(id));
  inChunks(released, (marks, chunk) => {
    context.db.run(`UPDATE holding_folder SET legal_hold = 0 WHERE id IN (${marks})`, chunk);
    return [];
  });
  const boxIds = boxesOf(coverage);
  const accessions = accessionsOf(context, boxIds);
  appendCustodyEvents(
    context,
    boxIds.map((boxId): NewCustodyEvent => ({
      boxId,
      transferId: accessions.get(boxId) ?? null,
      kind: 'hold-lifted',
      at: context.now(),
      ...(lift.actor ? { actor: lift.actor } : {}),
      detail: { text: `${lift.who ?? 'Legal hold'} ${row.number} “${row.name}” lifted from ${coveredWords(context, coverage, boxId)}: ${lift.reason}`, hold: row.number, reason: lift.reason },
    })),
  );
  return { released: released.length, stillHeld: folderIds.length - released.length };
}

export function createCenterHold(context: CatalogContext, input: { name: string; matter: string; requestedBy: string; scope: HoldScope }): number {
  assertScopeSaysSomething(input.scope);
  const coverage = resolveCenterScope(context, input.scope);
  if (coverage.folders.size === 0 && coverage.wholeBoxes.size === 0) {
    throw new AppError('invalid-input', `No box or folder in these holdings matches what hold “${input.name}” covers: widen its scope. Nothing was placed.`, { field: 'scope' });
  }
  const placedAt = context.now();
  const number = nextHoldNumber(context, holdPrefix(context), Number(placedAt.slice(0, 4)));
  return recordedChange(context, `Place legal hold ${number} “${input.name}”`, () => {
    const id = insertHold(
      context,
      { number, name: input.name, matter: input.matter, requestedBy: input.requestedBy, scope: input.scope, origin: 'center', departmentId: null, fingerprint: null, placedAt, placedBy: context.history.actor },
      coverage,
    );
    const matter = input.matter ? ` for ${input.matter}` : '';
    holdHoldings(context, { number, name: input.name, text: `Legal hold ${number} “${input.name}”${matter}` }, coverage, placedAt);
    return id;
  });
}

export function liftCenterHold(context: CatalogContext, id: number, reason: string): void {
  const row = holdRow(context, id);
  if (row.lifted_at !== null) refuseLifted(row);
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
