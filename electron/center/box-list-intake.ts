// A plain box list from a department that does not use Transmittal, taken in as an accession: read with the
// import's reader and column detection, transcribed by the center into a format 2 manifest (the list's labels, titles,
// codes and dates as written; no retention rule, since none was given), then taken in like any manifest. All or
// nothing: a row the import could not read refuses the list, naming the sheet, row and column.
import canonicalize from 'canonicalize';
import type { IntakeResult } from '../../shared/api/contract-center';
import { describeProblem, rowsWithProblems } from '../../shared/api/contract-import';
import { departmentToken } from '../../shared/center/accession-number';
import { folderSpan } from '../../shared/catalog/folder-dates';
import { AppError } from '../../shared/domain/errors';
import { parsePartialDate } from '../../shared/domain/partial-date';
import { boxInputSchema, folderInputSchema } from '../../shared/domain/types';
import { fieldLabel } from '../../shared/domain/validation';
import { count } from '../../shared/domain/words';
import { MANIFEST_FORMAT, manifestDispositionStatuses, manifestFolderMedia, manifestSchema, type Manifest, type ManifestBox, type ManifestFolder } from '../../shared/exchange/manifest';
import { folderColumns } from '../../shared/exchange/manifest-columns';
import { restoreFormulaText } from '../../shared/exchange/spreadsheet-safety';
import { interpretInventory } from '../../shared/import/interpret-inventory';
import { likelySheet } from '../../shared/import/likely-sheet';
import type { ColumnMapping, ImportedBox, InventoryField, RowProblem, SheetTable } from '../../shared/import/types';
import { boxDisposition } from '../../shared/transfer/box-disposition';
import { compareLabels } from '../../shared/transfer/label-range';
import { formatTransferNumber, manifestBoxId, sequenceOf, transferPrefix } from '../../shared/transfer/numbering';
import { fiscalYearStartMonth, type CatalogContext } from '../catalog/context';
import { getDepartment } from '../catalog/profile-store';
import { manifestFingerprint } from '../exchange/fingerprint';
import { sheetOf, summarize } from '../import/imported-files';
import { roundCubicFeet } from '../transfer/transfer-rows';
import { findDepartment } from './department-store';
import { takeIn } from './intake';

export interface BoxListIntake {
  department: { name: string; code: string };
  /** The sheet to read with the import's suggested mapping (default: the sheet the import finds likeliest). */
  sheet?: string;
  /** The column mapping, as the import wizard gives it (default: the one the import's heading detection suggests). */
  mapping?: ColumnMapping<InventoryField>;
  /** The department's number for this transfer (default: `<code or initials>-BL-<year>-<NNN>`, the next free). */
  transferNumber?: string;
}

/** What the import counts a box as when the list gives no size: the standard records center carton. */
const STANDARD_BOX_CUBIC_FEET = boxInputSchema.parse({ label: 'x' }).cubicFeet;
const MAX_LISTED_PROBLEMS = 20;

export const TRANSCRIBED_WARNING =
  'This accession transcribes a box list the department did not send as a Transmittal manifest: its fingerprint is of the center’s transcription. ' +
  'Send the department the acknowledgment receipt to compare with its own list.';

const refuse = (message: string, details: Record<string, unknown>) => new AppError('invalid-input', message, details);

/** Takes in the box list read from `fileName` (its sheets as the import reads them) as a new accession. */
export function intakeBoxList(context: CatalogContext, given: { fileName: string; sheets: SheetTable[] }, wanted: BoxListIntake): IntakeResult {
  const { fileName } = given;
  const fiscalStart = fiscalYearStartMonth(context);
  const manifestCsv = wanted.mapping === undefined ? manifestCsvMapping(given, wanted.sheet) : null;
  const list = manifestCsv?.list ?? given;
  const mapping = manifestCsv?.mapping ?? wanted.mapping ?? suggestedMapping(list, wanted.sheet);
  const table = sheetOf({ importId: '', ...list }, mapping.sheet);
  const { boxes, report } = interpretInventory(table, mapping, { fiscalYearStartMonth: fiscalStart });
  const problems: RowProblem[] = [...report.problems];
  const transcribed = boxes.map((box) => transcribeBox(box, table.name, problems, manifestCsv?.kept(table)));
  if (problems.length > 0) {
    problems.sort((a, b) => a.row - b.row);
    const bad = rowsWithProblems({ ...report, problems });
    throw refuse(
      `${count(bad, 'row')} of ${fileName} ${bad === 1 ? 'has' : 'have'} problems (the first: ${describeProblem(problems[0])}). ` +
        'Fix the list and take it in again: nothing was taken in.',
      { file: fileName, rowsWithProblems: bad, problems: problems.slice(0, MAX_LISTED_PROBLEMS) },
    );
  }
  if (transcribed.length === 0) {
    throw refuse(`Sheet "${table.name}" of ${fileName} lists no boxes that could be read with this column mapping: nothing was taken in.`, { file: fileName, sheet: table.name });
  }

  const known = findDepartment(context, wanted.department);
  const department = {
    name: wanted.department.name,
    code: wanted.department.code,
    // A department the center already holds records for keeps the contacts its manifests gave (the list has none).
    address: known?.address ?? '',
    contactName: known?.contact_name ?? '',
    contactPhone: known?.contact_phone ?? '',
    contactEmail: known?.contact_email ?? '',
    fiscalYearStartMonth: fiscalStart,
    officialName: '',
    officialTitle: '',
  };
  const number = wanted.transferNumber ?? manifestCsv?.transferNumber(table) ?? nextBoxListNumber(context, known?.id ?? null, wanted.department);
  // A box's own title in a folder list has no place on a manifest box: the transfer's notes keep it as written.
  const notes = transcribed.flatMap((each) => (each.title ? [`Box ${each.box.label}: ${each.title}`] : [])).join('\n');
  const manifest = buildManifest(context, { number, notes }, department, transcribed.map((each) => each.box), fiscalStart);
  const warnings = [manifestCsv ? MANIFEST_CSV_WARNING : TRANSCRIBED_WARNING, ...sizeWarning(transcribed.filter((each) => !each.sized).length)];
  if (known) {
    warnings.push(...sameListAgain(context, known.id, manifest, wanted.transferNumber));
    if (wanted.transferNumber !== undefined) refuseNumberTaken(context, known.id, wanted.department.name, wanted.transferNumber);
  }

  const checked = manifestSchema.safeParse(manifest);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new AppError('internal', `The transcription of ${fileName} does not match the manifest schema at ${issue.path.join('.')}: ${issue.message}.`, { file: fileName });
  }
  return takeIn(
    context,
    { source: 'manifest', text: `${JSON.stringify(manifest, null, 2)}\n`, received: manifest, view: manifest, fingerprint: manifestFingerprint(manifest), warnings },
    `box list ${fileName}`,
  );
}

export const MANIFEST_CSV_WARNING =
  'This accession was taken in from the folder list of a Transmittal manifest (manifest.csv) alone: the list carries no department contacts, box sizes or ' +
  'fingerprint, so the accession’s fingerprint is of the center’s transcription. Ask the department for its manifest.json or receipt to compare.';

type KeptFolderFacts = Pick<ManifestFolder, 'medium' | 'legalHold' | 'legalHoldReason' | 'dispositionDate' | 'dispositionStatus'>;

/** The manifest.csv headings (manifest-columns.ts) and the import field each one is read as; the rest are kept below. */
const MANIFEST_CSV_FIELDS: Record<string, InventoryField | null> = {
  'Box label': 'boxNumber',
  'Folder no.': 'folderNumber',
  'Title as written': 'title',
  'File code': 'fileCode',
  'Schedule item': 'seriesNumber',
  'Series title': 'seriesTitle',
  'Begin date': 'beginDate',
  'End date': 'endDate',
  'Event date': 'triggerDate',
  Confidential: 'confidential',
  Notes: 'notes',
};
const MEDIA = new Set<string>(manifestFolderMedia);
const STATUSES = new Set<string>(manifestDispositionStatuses);

/**
 * A department's manifest.csv is read by its own headings, not guessed: the box's label (not its "1 of 3"), the
 * folder's number, and the facts the import has no field for (medium, legal hold, the department's disposition date)
 * kept as the department wrote them. The transfer number is the one its box ids carry.
 */
function manifestCsvMapping(list: { fileName: string; sheets: SheetTable[] }, sheet: string | undefined) {
  const table = sheet === undefined ? list.sheets[0] : list.sheets.find((each) => each.name === sheet);
  if (!table || list.sheets.length !== 1) return null;
  const headings = (table.rows[0] ?? []).map((cell) => (typeof cell === 'string' ? cell.trim() : String(cell ?? '')));
  if (!folderColumns.every((column) => headings.includes(column.header))) return null;
  const at = (header: string) => headings.indexOf(header);
  // Its cells as the department wrote them: the quote that kept "=…" from running in a spreadsheet comes off.
  const restored: SheetTable = { ...table, rows: table.rows.map((row) => row.map((value) => (typeof value === 'string' ? restoreFormulaText(value) : value))) };
  const mapping: ColumnMapping<InventoryField> = {
    sheet: table.name,
    headerRow: 0,
    columns: headings.map((heading, index) => ({ index, heading, field: MANIFEST_CSV_FIELDS[heading] ?? null })),
  };
  const cell = (rows: SheetTable['rows'], sourceRow: number, header: string) => {
    const value = rows[sourceRow - 1]?.[at(header)];
    return value === null || value === undefined ? '' : String(value).trim();
  };
  return {
    list: { fileName: list.fileName, sheets: [restored] },
    mapping,
    kept: (read: SheetTable) => (sourceRow: number): KeptFolderFacts => {
      const medium = cell(read.rows, sourceRow, 'Medium');
      const status = cell(read.rows, sourceRow, 'Disposition status');
      const date = cell(read.rows, sourceRow, 'Disposition date');
      return {
        medium: MEDIA.has(medium) ? (medium as ManifestFolder['medium']) : 'paper',
        legalHold: cell(read.rows, sourceRow, 'Legal hold') === 'Yes',
        legalHoldReason: cell(read.rows, sourceRow, 'Legal hold reason'),
        dispositionDate: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
        dispositionStatus: STATUSES.has(status) ? (status as ManifestFolder['dispositionStatus']) : 'no-schedule',
      };
    },
    transferNumber: (read: SheetTable): string | undefined => {
      const boxId = cell(read.rows, 2, 'Box ID');
      const number = boxId.replace(/-\d+$/, '');
      return number !== boxId && number !== '' ? number : undefined;
    },
  };
}

/** The import's own choice: the likeliest sheet (or the one named), read with the mapping its heading detection suggests. */
function suggestedMapping(list: { fileName: string; sheets: SheetTable[] }, sheet: string | undefined): ColumnMapping<InventoryField> {
  const summary = summarize({ importId: '', ...list });
  if (summary.sheets.length === 0) throw refuse(`${list.fileName} has no sheets to read.`, { file: list.fileName });
  if (sheet === undefined) return likelySheet(summary, 'inventory').suggested.inventory;
  sheetOf({ importId: '', ...list }, sheet);
  return summary.sheets.find((each) => each.name === sheet)!.suggested.inventory;
}

type BoxWithoutId = Omit<ManifestBox, 'boxId' | 'sequence' | 'of'>;

/**
 * One box as the list writes it, checked as the import checks a box and its folders (problems named by row). Folders
 * keep the list's numbers; unnumbered ones take the next number in the box.
 */
function transcribeBox(imported: ImportedBox, sheet: string, problems: RowProblem[], kept?: (sourceRow: number) => KeptFolderFacts): { box: BoxWithoutId; sized: boolean; title: string | null } {
  const refused = (row: number, path: readonly PropertyKey[], reason: string) => problems.push({ sheet, row, column: fieldLabel(path), reason });
  const box = boxInputSchema.safeParse({ label: imported.label, cubicFeet: imported.cubicFeet, officeLocation: imported.officeLocation ?? '' });
  if (!box.success) for (const row of imported.sourceRows) refused(row, box.error.issues[0].path, box.error.issues[0].message);
  const folders: ManifestFolder[] = [];
  const taken = new Set(imported.folders.flatMap((folder) => (folder.position === undefined ? [] : [folder.position])));
  let next = 1;
  for (const each of imported.folders) {
    const parsed = folderInputSchema.safeParse({ position: each.position, title: each.title, fileCode: each.fileCode, beginDate: each.beginDate, endDate: each.endDate, eventDate: each.eventDate ?? '', confidential: each.confidential, notes: each.notes });
    if (!parsed.success) {
      refused(each.sourceRow, parsed.error.issues[0].path, parsed.error.issues[0].message);
      continue;
    }
    let position = parsed.data.position;
    if (position === undefined) {
      while (taken.has(next)) next += 1;
      position = next;
      taken.add(next);
    } else if (folders.some((folder) => folder.position === position)) {
      refused(each.sourceRow, ['position'], `Folder number ${position} is listed twice in box ${imported.label}`);
      continue;
    }
    const folder = parsed.data;
    const series = each.seriesTitle ? `Series as the list names it: ${each.seriesTitle}` : '';
    const facts = kept?.(each.sourceRow);
    folders.push({
      position,
      title: folder.title,
      fileCode: folder.fileCode,
      // The list's item number is kept, but no rule comes with it: the center cannot date the folder's disposition.
      itemNumber: each.itemNumber,
      beginDate: folder.beginDate,
      endDate: folder.endDate,
      eventDate: folder.eventDate,
      beginPrecision: folder.beginDate ? (parsePartialDate(folder.beginDate)?.precision ?? null) : null,
      endPrecision: folder.endDate ? (parsePartialDate(folder.endDate)?.precision ?? null) : null,
      confidential: folder.confidential,
      medium: facts?.medium ?? 'paper',
      notes: [folder.notes, facts ? '' : series].filter(Boolean).join('\n'),
      legalHold: facts?.legalHold ?? false,
      legalHoldReason: facts?.legalHoldReason ?? '',
      dispositionDate: facts?.dispositionDate ?? null,
      dispositionStatus: facts?.dispositionStatus ?? 'no-schedule',
    });
  }
  const disposition = boxDisposition(folders);
  const title = imported.title && !imported.folders.some((folder) => folder.title.includes(imported.title!)) ? imported.title : null;
  return {
    sized: imported.cubicFeet !== undefined,
    title,
    box: {
      label: box.success ? box.data.label : imported.label,
      cubicFeet: box.success ? box.data.cubicFeet : STANDARD_BOX_CUBIC_FEET,
      officeLocation: box.success ? box.data.officeLocation : '',
      itemNumbers: [...new Set(folders.flatMap((folder) => (folder.itemNumber ? [folder.itemNumber] : [])))].sort(compareLabels),
      dateSpan: { from: null, to: null },
      dispositionDate: disposition.date,
      dispositionWaitsFor: disposition.waitsFor,
      eligibleWhenSent: false,
      confidential: folders.some((folder) => folder.confidential),
      centerBoxNumber: null,
      location: null,
      folders,
    },
  };
}

type Span = { from: string | null; to: string | null; firstDay: string | null; lastDay: string | null };

/** The dates the folders cover, kept as the list writes them (the same reading a department's manifest gives). */
function spanOf(folders: readonly ManifestFolder[], fiscalStart: number, span: Span = { from: null, to: null, firstDay: null, lastDay: null }): Span {
  for (const folder of folders) {
    const { firstDay, lastDay } = folderSpan(folder, fiscalStart);
    if (firstDay && (span.firstDay === null || firstDay < span.firstDay)) Object.assign(span, { firstDay, from: folder.beginDate || folder.endDate });
    if (lastDay && (span.lastDay === null || lastDay > span.lastDay)) Object.assign(span, { lastDay, to: folder.endDate || folder.beginDate });
  }
  return span;
}

function buildManifest(context: CatalogContext, { number, notes }: { number: string; notes: string }, department: Manifest['department'], listed: BoxWithoutId[], fiscalStart: number): Manifest {
  const center = getDepartment(context);
  // The center received it now: there is no earlier date of the department's to give.
  const receivedAt = context.now();
  const boxes = listed.map((box, index): ManifestBox => {
    const { from, to } = spanOf(box.folders, fiscalStart);
    return { boxId: manifestBoxId(number, index + 1), sequence: index + 1, of: listed.length, ...box, dateSpan: { from, to } };
  });
  const whole = spanOf(boxes.flatMap((box) => box.folders), fiscalStart);
  return {
    format: MANIFEST_FORMAT,
    transfer: {
      number,
      createdAt: receivedAt,
      sentAt: receivedAt,
      notes,
      eligibleReason: '',
      accessRestrictions: '',
      totals: { boxes: boxes.length, folders: boxes.reduce((sum, box) => sum + box.folders.length, 0), cubicFeet: roundCubicFeet(boxes.reduce((sum, box) => sum + box.cubicFeet, 0)) },
      dateSpan: { from: whole.from, to: whole.to },
    },
    department,
    // Only what the center's own profile states; nothing is filled with a default.
    recordsCenter: {
      name: center.name,
      address: center.address,
      contactName: center.contactName,
      contactPhone: center.contactPhone,
      contactEmail: center.contactEmail,
      retrievalInstructions: '',
      turnaround: '',
      turnaroundWorkingDays: null,
      deliveryOptions: [],
      dispositionNoticeDays: null,
      lossPolicy: '',
      acceptsMixedBoxes: false,
    },
    scheduleItems: [],
    boxes,
    electronicItems: [],
  };
}

/** `<code or initials>-BL-<year>-<NNN>`: after every box list number the department has at the center this year. */
function nextBoxListNumber(context: CatalogContext, departmentId: number | null, department: { name: string; code: string }): string {
  const prefix = `${transferPrefix(departmentToken(department))}-BL`;
  const year = Number(context.now().slice(0, 4));
  const numbers = departmentId === null ? [] : context.db.all<{ n: string }>('SELECT transfer_number AS n FROM accession WHERE department_id = ?', [departmentId]);
  const highest = numbers.reduce((most, { n }) => Math.max(most, sequenceOf(n, prefix, year) ?? 0), 0);
  return formatTransferNumber(prefix, year, highest + 1);
}

/** The boxes and folders as transcribed, without what depends on the transfer number or the day it was taken in. */
const listContent = (manifest: Manifest) => canonicalize(manifest.boxes.map(({ boxId: _boxId, ...box }) => box));

/**
 * The same list again is refused: its transcription's fingerprint differs (it carries the day it was taken in), so
 * its boxes and folders are compared with the department's earlier box lists. With a transfer number of its own, it
 * is taken in as that transfer, with a warning.
 */
function sameListAgain(context: CatalogContext, departmentId: number, manifest: Manifest, givenNumber: string | undefined): string[] {
  const content = listContent(manifest);
  const earlier = context.db.all<{ accession_number: string; transfer_number: string; received_at: string; manifest_json: string }>(
    "SELECT accession_number, transfer_number, received_at, manifest_json FROM accession WHERE department_id = ? AND source_name LIKE 'box list %' ORDER BY id",
    [departmentId],
  );
  const same = earlier.find((each) => listContent(JSON.parse(each.manifest_json) as Manifest) === content);
  if (!same) return [];
  if (givenNumber === undefined || givenNumber.toLowerCase() === same.transfer_number.toLowerCase()) {
    throw refuse(
      `This box list was already taken in as accession ${same.accession_number} (transfer ${same.transfer_number}) on ${same.received_at.slice(0, 10)}: nothing was changed. ` +
        'If these are other boxes with the same list, give their transfer number.',
      { field: 'file', accessionNumber: same.accession_number },
    );
  }
  return [`The same box list was taken in before as accession ${same.accession_number} (transfer ${same.transfer_number}): check that these are other boxes.`];
}

/** A number the department already used at this center is another transfer: takeIn would refuse it less plainly. */
function refuseNumberTaken(context: CatalogContext, departmentId: number, name: string, number: string): void {
  const taken = context.db.get<{ accession_number: string }>('SELECT accession_number FROM accession WHERE department_id = ? AND transfer_number = ? COLLATE NOCASE', [departmentId, number]);
  if (!taken) return;
  throw refuse(`${name} already has a transfer ${number} at this center (accession ${taken.accession_number}): give this list its own transfer number. Nothing was taken in.`, {
    field: 'transferNumber',
    accessionNumber: taken.accession_number,
  });
}

function sizeWarning(unsized: number): string[] {
  if (unsized === 0) return [];
  return [`The list gives no size for ${count(unsized, 'box', 'boxes')}: each is counted as a standard ${STANDARD_BOX_CUBIC_FEET} cubic foot box.`];
}
