// A records center takes in a department's corrections after sending (transmittal-amendments/1). The file names the
// manifest it corrects by fingerprint and lists every amendment so far: the ones not received before are applied to
// the holdings, each only where the center's value is still the one the department corrected. Where it is not, the
// amendment is not applied but kept as a conflict and a discrepancy, so neither side's word is overwritten silently.
// The manifest kept on the accession stays exactly as received; the same file twice changes nothing.
import { z } from 'zod';
import type { AmendmentsIntakeResult } from '../../shared/api/contract-center';
import { partialDateSchema } from '../../shared/domain/partial-date';
import { AppError } from '../../shared/domain/errors';
import { count } from '../../shared/domain/words';
import { AMENDMENTS_FORMAT, amendmentsFileSchema, type Amendment, type AmendmentsFile } from '../../shared/exchange/amendments';
import { retentionRuleSchema } from '../../shared/domain/types';
import type { ManifestScheduleItem } from '../../shared/exchange/manifest';
import { computeDisposition } from '../../shared/schedule/disposition';
import { boxDisposition, type FolderDisposition } from '../../shared/transfer/box-disposition';
import type { CatalogContext } from '../catalog/context';
import { describeFileError, hasErrorCode } from '../storage/file-system';
import { NotRegularFileError, readRegularFile } from '../storage/regular-file';
import { manifestTextOf } from './accession-store';
import { recordedChange } from './center-change';

/** An amendment is a few hundred bytes: 16 MB is far beyond any real file. */
export const AMENDMENTS_MAX_BYTES = 16 * 1024 * 1024;

type Value = string | number | boolean | null;

const refuse = (message: string, details: Record<string, unknown> = {}) => new AppError('invalid-input', `${message} Nothing was changed.`, { field: 'file', ...details });

export async function readAmendmentsFile(path: string, fileName: string): Promise<AmendmentsFile> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path, { maxBytes: AMENDMENTS_MAX_BYTES });
  } catch (error) {
    if (error instanceof NotRegularFileError) throw refuse(`${fileName} is ${error.kind}, not an amendments file.`, { file: fileName });
    if (hasErrorCode(error, 'EFBIG')) throw refuse(`${fileName} is larger than any amendments file a department writes.`, { file: fileName });
    throw new AppError('io-failed', `${fileName} could not be read: ${describeFileError(error)}.`, { file: fileName });
  }
  return parseAmendmentsFile(bytes, fileName);
}

export function parseAmendmentsFile(bytes: Uint8Array, fileName: string): AmendmentsFile {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    throw refuse(`${fileName} is not a JSON file, so it is not a department’s amendments file.`, { file: fileName });
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== AMENDMENTS_FORMAT) {
    const stated = typeof format === 'string' ? `“${format.slice(0, 60)}”` : 'not stated';
    throw refuse(`${fileName} is not an amendments file (its format is ${stated}; expected ${AMENDMENTS_FORMAT}).`, { file: fileName });
  }
  const parsed = amendmentsFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.length === 0 ? '(the whole file)' : issue.path.map(String).join('.');
    throw refuse(`${fileName} is damaged or was changed by hand: field ${field}: ${issue.message}.`, { file: fileName, field });
  }
  return parsed.data;
}

/** Each amendable field: the holding column it corrects (none: the center never received it) and what it may become. */
const text = z.string();
const date = z.union([partialDateSchema, z.literal('')]);
const BOX_FIELDS: Record<string, { column: 'label' | 'cubic_feet' | null; value: z.ZodType }> = {
  label: { column: 'label', value: z.string().trim().min(1) },
  cubicFeet: { column: 'cubic_feet', value: z.number().positive() },
  // A manifest does not carry a box's notes: the correction is kept (and listed), with nothing in the holdings to change.
  notes: { column: null, value: text },
};
const FOLDER_FIELDS: Record<string, { column: string; value: z.ZodType; flag?: true }> = {
  title: { column: 'title', value: z.string().trim().min(1) },
  fileCode: { column: 'file_code', value: text },
  beginDate: { column: 'begin_date', value: date },
  endDate: { column: 'end_date', value: date },
  eventDate: { column: 'event_date', value: date },
  confidential: { column: 'confidential', value: z.boolean(), flag: true },
  notes: { column: 'notes', value: text },
};

interface ManifestBoxes {
  boxes: { sequence: number; label: string; folders: { position: number; title: string }[] }[];
  /** Absent from none Transmittal writes; a format 1 manifest and a transcribed box list may list none. */
  scheduleItems?: Pick<ManifestScheduleItem, 'itemNumber' | 'rule' | 'disposition'>[];
  department?: { fiscalYearStartMonth?: number };
}

/** The fields whose correction moves a folder's disposition date. */
const DATING_FIELDS = new Set(['beginDate', 'endDate', 'eventDate']);

interface DatedFolder { id: number; item_number: string | null; begin_date: string; end_date: string; event_date: string; legal_hold: number; disposition_date: string | null; disposition_status: string }

/**
 * A folder whose dates were corrected is dated again by the rule its manifest states (an event date recorded is how
 * an event-based folder gets its date at the center), and its box with it; a folder without a rule keeps its date.
 */
function redate(context: CatalogContext, manifest: ManifestBoxes, folderIds: Set<number>, boxIds: Set<number>): void {
  const items = new Map((manifest.scheduleItems ?? []).map((item) => [item.itemNumber, item]));
  const fiscalStart = manifest.department?.fiscalYearStartMonth ?? 1;
  for (const folderId of folderIds) {
    const folder = context.db.get<DatedFolder>(
      'SELECT id, item_number, begin_date, end_date, event_date, legal_hold, disposition_date, disposition_status FROM holding_folder WHERE id = ?',
      [folderId],
    )!;
    const item = folder.item_number === null ? undefined : items.get(folder.item_number);
    if (!item) continue;
    const dated = computeDisposition(
      { beginDate: folder.begin_date, endDate: folder.end_date, eventDate: folder.event_date, legalHold: folder.legal_hold === 1 },
      { rule: retentionRuleSchema.parse(item.rule), disposition: item.disposition },
      fiscalStart,
    );
    context.db.run('UPDATE holding_folder SET disposition_date = ?, disposition_status = ? WHERE id = ?', [dated.date, dated.status, folder.id]);
  }
  for (const boxId of boxIds) {
    const folders = context.db.all<{ disposition_date: string | null; disposition_status: FolderDisposition['dispositionStatus'] }>(
      'SELECT disposition_date, disposition_status FROM holding_folder WHERE box_id = ?',
      [boxId],
    );
    const box = boxDisposition(folders.map((each) => ({ dispositionDate: each.disposition_date, dispositionStatus: each.disposition_status })));
    context.db.run('UPDATE holding_box SET disposition_date = ?, disposition_waits_for = ? WHERE id = ?', [box.date, box.waitsFor, boxId]);
  }
}

/** “Title of folder 2 (“Elm Street permits”) in box 1 (“PW-1”)”. */
function targetWords(amendment: Pick<Amendment, 'field' | 'box' | 'folder'>): string {
  const box = `box ${amendment.box.sequence} (“${amendment.box.label}”)`;
  return amendment.folder ? `${amendment.field} of folder ${amendment.folder.position} (“${amendment.folder.title}”) in ${box}` : `${amendment.field} of ${box}`;
}

export function valueWords(value: Value): string {
  if (value === null) return '(none)';
  if (value === '') return '(empty)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return typeof value === 'string' ? `“${value}”` : String(value);
}

/** Checks every amendment against the manifest as received before anything is written: one bad one refuses the file. */
function checkAgainstManifest(manifest: ManifestBoxes, amendment: Amendment, where: string): void {
  const box = manifest.boxes.find((each) => each.sequence === amendment.box.sequence);
  if (!box || box.label !== amendment.box.label) {
    throw refuse(`${where} corrects box ${amendment.box.sequence} (“${amendment.box.label}”), which the manifest taken in does not list${box ? ` (its box ${box.sequence} is “${box.label}”)` : ''}.`);
  }
  if (amendment.folder) {
    const folder = box.folders.find((each) => each.position === amendment.folder!.position);
    if (!folder || folder.title !== amendment.folder.title) {
      throw refuse(`${where} corrects folder ${amendment.folder.position} (“${amendment.folder.title}”) of box ${box.sequence}, which the manifest taken in does not list.`);
    }
  }
  const field = (amendment.folder ? FOLDER_FIELDS : BOX_FIELDS)[amendment.field];
  if (!field) throw refuse(`${where} corrects the ${amendment.folder ? 'folder' : 'box'} field “${amendment.field}”, which an amendment may not change.`);
  const valid = field.value.safeParse(amendment.after);
  if (!valid.success) throw refuse(`${where} gives ${amendment.field} the value ${valueWords(amendment.after)}: ${valid.error.issues[0].message}.`);
}

interface ReceivedRow {
  amendment_id: number; box_sequence: number; folder_position: number | null; field: string; before_value: string; after_value: string; received_at: string;
}

function sameAmendment(row: ReceivedRow, amendment: Amendment): boolean {
  return row.box_sequence === amendment.box.sequence && row.folder_position === (amendment.folder?.position ?? null) && row.field === amendment.field &&
    row.before_value === JSON.stringify(amendment.before) && row.after_value === JSON.stringify(amendment.after);
}

interface AccessionFound { id: number; accession_number: string; transfer_number: string; department: string }

function accessionAnswered(context: CatalogContext, file: AmendmentsFile, fileName: string): AccessionFound {
  const accession = context.db.get<AccessionFound>(
    'SELECT a.id, a.accession_number, a.transfer_number, d.name AS department FROM accession a JOIN center_department d ON d.id = a.department_id WHERE a.manifest_fingerprint = ?',
    [file.transfer.manifestFingerprint],
  );
  if (!accession) {
    throw refuse(
      `${fileName} corrects transfer ${file.transfer.number} of ${file.department.name || 'a department'}, but its manifest fingerprint ` +
        `(${file.transfer.manifestFingerprint.slice(0, 16)}…) answers no transfer this center took in. Take the transfer in first, or ask the department which manifest it corrects.`,
      { file: fileName, fingerprint: file.transfer.manifestFingerprint },
    );
  }
  if (accession.transfer_number !== file.transfer.number) {
    throw refuse(
      `${fileName} names transfer ${file.transfer.number}, but the manifest it names by fingerprint was taken in as transfer ${accession.transfer_number} ` +
        `(accession ${accession.accession_number}): the file was changed or belongs to another transfer.`,
      { file: fileName, accessionNumber: accession.accession_number },
    );
  }
  return accession;
}

interface Target { boxId: number; folderId: number | null; column: string | null; flag: boolean }

function targetOf(context: CatalogContext, accessionId: number, amendment: Amendment): Target {
  const box = context.db.get<{ id: number }>('SELECT id FROM holding_box WHERE accession_id = ? AND sequence = ?', [accessionId, amendment.box.sequence])!;
  if (!amendment.folder) return { boxId: box.id, folderId: null, column: BOX_FIELDS[amendment.field].column, flag: false };
  const folder = context.db.get<{ id: number }>('SELECT id FROM holding_folder WHERE box_id = ? AND position = ?', [box.id, amendment.folder.position])!;
  const field = FOLDER_FIELDS[amendment.field];
  return { boxId: box.id, folderId: folder.id, column: field.column, flag: field.flag === true };
}

/** The center's value now, or undefined when the center holds none (a box's notes: only earlier amendments say). */
function currentValue(context: CatalogContext, accessionId: number, amendment: Amendment, target: Target): Value | undefined {
  if (target.column === null) {
    const last = context.db.get<{ after_value: string }>(
      `SELECT after_value FROM center_amendment WHERE accession_id = ? AND box_sequence = ? AND folder_position IS NULL AND field = ? AND applied_at IS NOT NULL
       ORDER BY amendment_id DESC LIMIT 1`,
      [accessionId, amendment.box.sequence, amendment.field],
    );
    return last ? (JSON.parse(last.after_value) as Value) : undefined;
  }
  // The column names come from the two tables above, never from the file.
  const row = target.folderId === null
    ? context.db.get<{ value: Value }>(`SELECT ${target.column} AS value FROM holding_box WHERE id = ?`, [target.boxId])!
    : context.db.get<{ value: Value }>(`SELECT ${target.column} AS value FROM holding_folder WHERE id = ?`, [target.folderId])!;
  return target.flag ? row.value === 1 : row.value;
}

export function takeInAmendments(context: CatalogContext, file: AmendmentsFile, fileName: string): AmendmentsIntakeResult {
  const accession = accessionAnswered(context, file, fileName);
  const manifest = JSON.parse(manifestTextOf(context, accession.id)) as ManifestBoxes;
  const received = new Map(
    context.db
      .all<ReceivedRow>(
        'SELECT amendment_id, box_sequence, folder_position, field, before_value, after_value, received_at FROM center_amendment WHERE accession_id = ?',
        [accession.id],
      )
      .map((row) => [row.amendment_id, row]),
  );
  const amendments = [...file.amendments].sort((a, b) => a.id - b.id);
  const fresh: Amendment[] = [];
  for (const [index, amendment] of amendments.entries()) {
    const where = `${fileName}: amendment ${amendment.id}`;
    if (index > 0 && amendments[index - 1].id === amendment.id) throw refuse(`${where} is listed twice.`);
    const before = received.get(amendment.id);
    if (before && !sameAmendment(before, amendment)) {
      throw refuse(
        `${where} differs from amendment ${amendment.id} taken in on ${before.received_at.slice(0, 10)} (${before.field}: ${valueWords(JSON.parse(before.before_value) as Value)} → ` +
          `${valueWords(JSON.parse(before.after_value) as Value)}). Ask ${accession.department} which is right.`,
      );
    }
    checkAgainstManifest(manifest, amendment, where);
    if (!before) fresh.push(amendment);
  }
  const alreadyApplied = amendments.length - fresh.length;
  const what = `${accession.accession_number} (transfer ${accession.transfer_number})`;
  if (fresh.length === 0) {
    return { accessionNumber: accession.accession_number, applied: 0, alreadyApplied, conflicts: [], message: `Every correction in ${fileName} was taken in already for accession ${what}: nothing changed.` };
  }

  const conflicts: AmendmentsIntakeResult['conflicts'] = [];
  recordedChange(context, `Take in ${count(fresh.length, 'correction')} from ${accession.department} for accession ${accession.accession_number}`, () => {
    const now = context.now();
    const actor = context.history.actor;
    const touchedBoxes = new Set<number>();
    const redatedFolders = new Set<number>();
    for (const amendment of fresh) {
      const target = targetOf(context, accession.id, amendment);
      const current = currentValue(context, accession.id, amendment, target);
      let conflict: string | null = null;
      if (current !== undefined && current !== amendment.before) {
        conflict =
          `The department’s correction ${amendment.id} changes the ${targetWords(amendment)} from ${valueWords(amendment.before)} to ${valueWords(amendment.after)} ` +
          `(${amendment.reason}), but the center’s record says ${valueWords(current)}: it was not applied. Ask ${accession.department} which is right.`;
        conflicts.push({ amendmentId: amendment.id, message: conflict });
        context.db.run(
          'INSERT INTO discrepancy (accession_id, holding_box_id, folder_position, kind, description, recorded_at, recorded_by) VALUES (?, ?, ?, \'other\', ?, ?, ?)',
          [accession.id, target.boxId, amendment.folder?.position ?? null, conflict, now, actor],
        );
      } else if (target.column !== null) {
        const value = target.flag ? (amendment.after ? 1 : 0) : amendment.after;
        if (target.folderId === null) context.db.run(`UPDATE holding_box SET ${target.column} = ? WHERE id = ?`, [value, target.boxId]);
        else context.db.run(`UPDATE holding_folder SET ${target.column} = ? WHERE id = ?`, [value, target.folderId]);
        touchedBoxes.add(target.boxId);
        if (target.folderId !== null && DATING_FIELDS.has(amendment.field)) redatedFolders.add(target.folderId);
      }
      context.db.run(
        `INSERT INTO center_amendment (accession_id, amendment_id, box_sequence, box_label, folder_position, folder_title, field, before_value, after_value, reason,
           at, actor, received_at, received_by, applied_at, conflict)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          accession.id, amendment.id, amendment.box.sequence, amendment.box.label, amendment.folder?.position ?? null, amendment.folder?.title ?? null, amendment.field,
          JSON.stringify(amendment.before), JSON.stringify(amendment.after), amendment.reason, amendment.at, amendment.actor, now, actor, conflict ? null : now, conflict,
        ],
      );
    }
    redate(context, manifest, redatedFolders, new Set([...redatedFolders].map((id) => context.db.get<{ box_id: number }>('SELECT box_id FROM holding_folder WHERE id = ?', [id])!.box_id)));
    // The search index follows the folders (and their box's label): rewritten for every box a correction touched.
    for (const boxId of touchedBoxes) {
      context.db.run('DELETE FROM holding_search WHERE docid IN (SELECT id FROM holding_folder WHERE box_id = ?)', [boxId]);
      context.db.run(
        `INSERT INTO holding_search (docid, title, file_code, notes, box_label)
         SELECT f.id, f.title, f.file_code, f.notes, b.label FROM holding_folder f JOIN holding_box b ON b.id = f.box_id WHERE b.id = ?`,
        [boxId],
      );
    }
  });

  const applied = fresh.length - conflicts.length;
  const parts = [
    `Corrections from ${accession.department} for accession ${what}: ${count(applied, 'correction')} applied`,
    alreadyApplied > 0 ? `${count(alreadyApplied, 'correction')} taken in before` : null,
    conflicts.length > 0 ? `${count(conflicts.length, 'correction')} not applied because the center’s record differs (recorded as ${conflicts.length === 1 ? 'a discrepancy' : 'discrepancies'})` : null,
  ].filter(Boolean);
  return {
    accessionNumber: accession.accession_number,
    applied,
    alreadyApplied,
    conflicts,
    // No custody event kind says "the description was corrected", and a correction does not move a box.
    message: `${parts.join('; ')}. The manifest as received is kept unchanged. No custody event was recorded: a correction of a description does not move a box.`,
  };
}
