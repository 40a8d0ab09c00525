// What the chosen boxes and folders would be asked for as: each quoted as the request file quotes it (the transfer
// that sent it, the box id on its label, the accession, center box number and shelf), whether it can be asked for
// now and why not, and what the records center that holds them offers and by when.
import type { RetrievalCandidate, RetrievalOptions } from '../../shared/api/contract-retrieval';
import type { WhereNow } from '../../shared/custody/where';
import { addWorkingDays, servicesOffered } from '../../shared/exchange/retrieval';
import type { RecordsCenter } from '../../shared/domain/types';
import { AppError } from '../../shared/domain/errors';
import { manifestBoxId } from '../../shared/transfer/numbering';
import type { CatalogContext } from '../catalog/context';
import { toRecordsCenter, type RecordsCenterRow } from '../catalog/rows';
import { isOpenItem, itemsOf, today, whereOfBoxes, whereOfFolders, type ItemRow } from './where-now';

interface TargetRow {
  box_id: number;
  label: string;
  folder_id: number | null;
  position: number | null;
  title: string | null;
  file_code: string | null;
  folder_hold: number | null;
  box_hold: number;
  transfer_id: number | null;
  transfer_number: string | null;
  manifest_fingerprint: string | null;
  sequence: number | null;
  records_center_id: number | null;
  accession_number: string | null;
  center_box_number: string | null;
  location: string | null;
  center_status: string | null;
}

/** A candidate with the catalog's own ids of what it quotes, for the request to record. */
export interface Candidate extends RetrievalCandidate {
  transferId: number | null;
  recordsCenterId: number | null;
}

const TARGET_SELECT = `
  SELECT b.id AS box_id, b.label,
         EXISTS (SELECT 1 FROM folder h WHERE h.box_id = b.id AND h.legal_hold = 1) AS box_hold,
         t.id AS transfer_id, t.number AS transfer_number, t.fingerprint AS manifest_fingerprint, tb.sequence, t.records_center_id,
         p.accession_number, p.center_box_number, p.location, p.status AS center_status`;
/** The box's newest sent transfer (the one whose manifest the center holds). */
const SENT_JOIN = `
  LEFT JOIN transfer_box tb ON tb.id = (SELECT tb2.id FROM transfer_box tb2 JOIN transfer t2 ON t2.id = tb2.transfer_id
                                          WHERE tb2.box_id = b.id AND t2.sent_at IS NOT NULL AND t2.fingerprint IS NOT NULL
                                          ORDER BY t2.sent_at DESC, t2.id DESC LIMIT 1)
  LEFT JOIN transfer t ON t.id = tb.transfer_id
  LEFT JOIN box_at_center p ON p.box_id = b.id`;

function targets(context: CatalogContext, boxIds: readonly number[], folderIds: readonly number[]): TargetRow[] {
  const rows: TargetRow[] = [];
  for (const boxId of new Set(boxIds)) {
    const row = context.db.get<TargetRow>(
      `${TARGET_SELECT}, NULL AS folder_id, NULL AS position, NULL AS title, NULL AS file_code, NULL AS folder_hold FROM box b ${SENT_JOIN} WHERE b.id = ?`,
      [boxId],
    );
    if (!row) throw new AppError('not-found', `There is no box with id ${boxId}. It may have been deleted.`, { field: 'boxIds' });
    rows.push(row);
  }
  for (const folderId of new Set(folderIds)) {
    const row = context.db.get<TargetRow>(
      `${TARGET_SELECT}, f.id AS folder_id, f.position, f.title, f.file_code, f.legal_hold AS folder_hold
         FROM folder f JOIN box b ON b.id = f.box_id ${SENT_JOIN} WHERE f.id = ?`,
      [folderId],
    );
    if (!row) throw new AppError('not-found', `There is no folder with id ${folderId}. It may have been deleted.`, { field: 'folderIds' });
    rows.push(row);
  }
  return rows;
}

/** "box PW-3" or "folder 2 “Elm Street permits 2019” in box PW-1". */
export function itemWords(item: { boxLabel: string; folder: { position: number; title: string } | null }): string {
  return item.folder ? `folder ${item.folder.position} “${item.folder.title}” in box ${item.boxLabel}` : `box ${item.boxLabel}`;
}

function blockedBecause(row: TargetRow, where: WhereNow, open: ItemRow | undefined): string | null {
  if (where.status === 'in-office' || where.status === 'in-transfer' || row.transfer_id === null) {
    return row.transfer_id === null
      ? `it is ${where.words}: it was never sent to a records center`
      : `it is ${where.words}: there is nothing at the records center to ask for`;
  }
  if (where.status === 'disposed') return `it was ${where.words}`;
  if (where.status === 'transferred-to-archives') return `it was ${where.words}`;
  if (row.center_status === 'missing') return 'the records center reported it missing when it took the transfer in';
  if (where.status === 'checked-out') return `it is already checked out${open ? ` on ${open.number}` : ''} (${where.words})`;
  if (open) return `it is already on request ${open.number}, still open`;
  return null;
}

function centerRow(context: CatalogContext, id: number): RecordsCenter | null {
  const row = context.db.get<RecordsCenterRow>('SELECT * FROM records_center WHERE id = ?', [id]);
  return row ? toRecordsCenter(row) : null;
}

export interface QuotedOptions extends RetrievalOptions {
  candidates: Candidate[];
  recordsCenter: RecordsCenter | null;
}

export function retrievalOptions(context: CatalogContext, input: { boxIds: readonly number[]; folderIds: readonly number[] }): QuotedOptions {
  const rows = targets(context, input.boxIds, input.folderIds);
  const boxWhere = whereOfBoxes(context, rows.filter((row) => row.folder_id === null).map((row) => row.box_id));
  const folderWhere = whereOfFolders(context, rows.flatMap((row) => (row.folder_id === null ? [] : [row.folder_id])));
  // What is already asked for: a box on an open request blocks its folders too, and a folder out blocks its box.
  const openByBox = new Map<number, ItemRow>();
  const openByFolder = new Map<number, ItemRow>();
  for (const item of itemsOf(context, 'box_id', rows.map((row) => row.box_id)).filter(isOpenItem)) {
    if (item.folder_id === null || !openByBox.has(item.box_id)) openByBox.set(item.box_id, item);
    if (item.folder_id !== null) openByFolder.set(item.folder_id, item);
  }
  const candidates = rows.map((row): Candidate => {
    const where = row.folder_id === null ? boxWhere.get(row.box_id)! : folderWhere.get(row.folder_id)!;
    const open = row.folder_id === null
      ? openByBox.get(row.box_id)
      : openByFolder.get(row.folder_id) ?? (openByBox.get(row.box_id)?.folder_id === null ? openByBox.get(row.box_id) : undefined);
    return {
      transferNumber: row.transfer_number ?? '',
      manifestFingerprint: row.manifest_fingerprint ?? '',
      accessionNumber: row.accession_number,
      boxSequence: row.sequence ?? 0,
      boxId: row.transfer_number && row.sequence ? manifestBoxId(row.transfer_number, row.sequence) : '',
      boxLabel: row.label,
      centerBoxNumber: row.center_box_number,
      location: row.location,
      folder: row.folder_id === null ? null : { position: row.position!, title: row.title!, fileCode: row.file_code ?? '' },
      legalHold: row.folder_id === null ? row.box_hold === 1 : row.folder_hold === 1,
      boxIdInCatalog: row.box_id,
      folderIdInCatalog: row.folder_id,
      where,
      blocked: blockedBecause(row, where, open),
      transferId: row.transfer_id,
      recordsCenterId: row.records_center_id,
    };
  });

  const centerIds = [...new Set(candidates.filter((each) => each.recordsCenterId !== null).map((each) => each.recordsCenterId!))];
  const centers = centerIds.map((id) => ({ id, center: centerRow(context, id) }));
  let problem: string | null = null;
  let center: RecordsCenter | null = null;
  if (centerIds.length > 1) {
    const names = centers.map((each) => each.center?.name ?? `records center ${each.id}`);
    problem = `These boxes are at ${centerIds.length} records centers (${names.join(' and ')}): ask each center separately.`;
  } else if (centerIds.length === 0) {
    problem = 'None of these boxes or folders was sent to a records center: there is nothing to ask for.';
  } else if (!centers[0].center) {
    const numbers = [...new Set(candidates.map((each) => each.transferNumber).filter(Boolean))].join(', ');
    problem = `The records center that ${numbers} went to is no longer among your records centers: add it again in Settings to ask for these.`;
  } else {
    center = centers[0].center;
  }
  const dueBy = center && center.turnaroundWorkingDays !== null ? addWorkingDays(today(context), center.turnaroundWorkingDays) : null;
  return {
    center: center && {
      name: center.name,
      retrievalInstructions: center.retrievalInstructions,
      turnaround: center.turnaround,
      turnaroundWorkingDays: center.turnaroundWorkingDays,
      deliveryOptions: center.deliveryOptions,
      contactName: center.contactName,
      contactPhone: center.contactPhone,
      contactEmail: center.contactEmail,
    },
    services: center ? servicesOffered(center.deliveryOptions) : [],
    items: candidates.map(({ transferId: _t, recordsCenterId: _c, ...item }) => item),
    dueBy,
    problem,
    candidates,
    recordsCenter: center,
  };
}
