// What placing and lifting a legal hold do alike on both sides: refuse a scope that says nothing or matches nothing,
// number the hold and record it in one change (never undone), and write a custody event on each box the hold covers
// naming what it covers there. What a side keeps its own way is its HoldSide; how it marks and clears its folders
// stays in center-holds.ts and department-holds.ts.
import { AppError } from '../../../shared/domain/errors';
import { count } from '../../../shared/domain/words';
import type { HoldScope } from '../../../shared/exchange/disposition';
import { recordedChange } from '../../center/center-change';
import type { CatalogContext } from '../../catalog/context';
import { appendCustodyEvents, type NewCustodyEvent } from '../../custody/custody-events';
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
  type NewHold,
} from './hold-store';

/** What differs between a department's catalog and a records center's where holds are placed and lifted. */
export interface HoldSide {
  origin: 'department' | 'center';
  /** Where nothing matched, in the refusal: "this catalog", "these holdings". */
  where: string;
  resolveScope(context: CatalogContext, scope: HoldScope): Coverage;
  /** The table whose rows the covered folders are (their positions name them in events). */
  folderTable: 'folder' | 'holding_folder';
  /** The transfer (department) or accession (center) each box's custody events belong to. */
  transfersOf(context: CatalogContext, boxIds: number[]): Map<number, number>;
}

/** What a person states when placing a hold. */
export type HoldInput = Pick<NewHold, 'name' | 'matter' | 'requestedBy' | 'scope'>;

/**
 * Checks the scope, numbers the hold and records it with what it covers; then `holdFolders` holds the side's folders
 * and writes the events, in the same change. Answers the hold's id.
 */
export function placeHold(
  context: CatalogContext,
  side: HoldSide,
  input: HoldInput,
  holdFolders: (placed: { number: string; coverage: Coverage; placedAt: string }) => void,
): number {
  assertScopeSaysSomething(input.scope);
  const coverage = side.resolveScope(context, input.scope);
  if (coverage.folders.size === 0 && coverage.wholeBoxes.size === 0) {
    throw new AppError('invalid-input', `No box or folder in ${side.where} matches what hold “${input.name}” covers: widen its scope. Nothing was placed.`, { field: 'scope' });
  }
  const placedAt = context.now();
  const number = nextHoldNumber(context, holdPrefix(context), Number(placedAt.slice(0, 4)));
  return recordedChange(context, `Place legal hold ${number} “${input.name}”`, () => {
    const id = insertHold(
      context,
      { number, name: input.name, matter: input.matter, requestedBy: input.requestedBy, scope: input.scope, origin: side.origin, departmentId: null, fingerprint: null, placedAt, placedBy: context.history.actor },
      coverage,
    );
    holdFolders({ number, coverage, placedAt });
    return id;
  });
}

/** The hold a person asked to lift; one lifted already is refused, saying when and why. */
export function holdToLift(context: CatalogContext, id: number): HoldRow {
  const row = holdRow(context, id);
  if (row.lifted_at !== null) refuseLifted(row);
  return row;
}

/**
 * Inside the caller's change: records the lift. Answers what the hold covered and, for each covered folder another
 * active hold still covers, that hold's name: those folders stay held.
 */
export function recordHoldLifted(
  context: CatalogContext,
  row: HoldRow,
  lift: { at: string; by: string; reason: string },
): { coverage: Coverage; folderIds: number[]; others: Map<number, string> } {
  const coverage = coverageOf(context, row.id);
  const folderIds = [...coverage.folders.keys()];
  const others = otherActiveHolds(context, folderIds, row.id);
  recordLift(context, row.id, lift);
  return { coverage, folderIds, others };
}

/** Inside the caller's change: an event on each box the coverage touches; `detail` is told what it covers there. */
export function appendHoldEvents(
  context: CatalogContext,
  side: HoldSide,
  coverage: Coverage,
  event: { kind: 'hold-placed' | 'hold-lifted'; at: string; actor?: string },
  detail: (covered: string) => Record<string, unknown>,
): void {
  const boxIds = boxesOf(coverage);
  const transfers = side.transfersOf(context, boxIds);
  const words = coveredWordsByBox(context, side, coverage);
  appendCustodyEvents(
    context,
    boxIds.map((boxId): NewCustodyEvent => ({
      boxId,
      transferId: transfers.get(boxId) ?? null,
      kind: event.kind,
      at: event.at,
      ...(event.actor ? { actor: event.actor } : {}),
      detail: detail(words(boxId)),
    })),
  );
}

/**
 * "the whole box" or "folders 1, 2 and 4", for each box's event. The single folders are grouped by box and their
 * numbers read in one pass: a hold over thousands of boxes costs one read, not one scan of its folders per box.
 */
function coveredWordsByBox(context: CatalogContext, side: HoldSide, coverage: Coverage): (boxId: number) => string {
  const single = new Map<number, number[]>();
  for (const [folderId, boxId] of coverage.folders) {
    if (coverage.wholeBoxes.has(boxId)) continue;
    const ids = single.get(boxId);
    if (ids) ids.push(folderId);
    else single.set(boxId, [folderId]);
  }
  const positions = new Map<number, number[]>();
  for (const row of inChunks([...single.values()].flat(), (marks, chunk) =>
    context.db.all<{ box_id: number; position: number }>(`SELECT box_id, position FROM ${side.folderTable} WHERE id IN (${marks})`, chunk),
  )) {
    const list = positions.get(row.box_id);
    if (list) list.push(row.position);
    else positions.set(row.box_id, [row.position]);
  }
  return (boxId) => {
    if (coverage.wholeBoxes.has(boxId)) return 'the whole box';
    const found = (positions.get(boxId) ?? []).sort((a, b) => a - b);
    // Only a department deletes folders; a center's holding folders stay for good.
    if (found.length === 0) return `${count(single.get(boxId)?.length ?? 0, 'folder')} (since deleted)`;
    const list = found.length === 1 ? String(found[0]) : `${found.slice(0, -1).join(', ')} and ${found.at(-1)}`;
    return `${found.length === 1 ? 'folder' : 'folders'} ${list}`;
  };
}
