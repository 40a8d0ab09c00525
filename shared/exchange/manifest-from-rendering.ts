// A manifest rebuilt from the manifest.xlsx a department's Transmittal wrote (./manifest-xlsx.ts), for a records center
// given the workbook alone. The workbook carries most of manifest.json cell by cell, and the fingerprint of the
// manifest it was made from; what it does not carry is left honestly empty and named in the warnings. Every refusal
// names the sheet, row and column. manifest.csv carries folders only (no department, dates or fingerprint), so it is
// recognised here only to say so: the box list intake reads it by its own headings.
import * as XLSX from 'xlsx';
import { AppError } from '../domain/errors';
import { dispositionWaitText, type DispositionWait } from '../transfer/box-disposition';
import { MANIFEST_FORMAT, MANIFEST_FORMAT_1, manifestSchema, type Manifest, type ManifestBox, type ManifestFolder } from './manifest';
import { boxColumns, deliveryOptionText, folderColumns } from './manifest-columns';
import { looksLikeFormula, restoreFormulaText } from './spreadsheet-safety';

export interface RebuiltManifest {
  manifest: Manifest;
  /** The fingerprint the workbook says it was made from: the department's, as its receipt prints it. */
  fingerprint: string;
  warnings: string[];
  /** "sheet Folders, row 4, column I (“Begin date”)" for a manifest field path such as "boxes.0.folders.2.beginDate". */
  placeOf(field: string): string;
}

/** The Transfer sheet's rows (column A) and the manifest field each one gives (see transferFacts). */
const TRANSFER_ROWS = {
  number: 'Transfer number',
  format: 'Manifest format',
  fingerprint: 'Fingerprint (SHA-256 of manifest.json, RFC 8785)',
  createdAt: 'Created (UTC)',
  sentAt: 'Sent (UTC)',
  boxes: 'Boxes',
  folders: 'Folders',
  cubicFeet: 'Cubic feet',
  from: 'Dates from',
  to: 'Dates to',
  notes: 'Notes',
  departmentName: 'Department',
  departmentCode: 'Department code',
  departmentAddress: 'Department address',
  departmentContact: 'Department contact',
  departmentPhone: 'Department phone',
  departmentEmail: 'Department email',
  fiscalYearStartMonth: 'Fiscal year starts in month',
  centerName: 'Records center',
  centerAddress: 'Records center address',
  centerContact: 'Records center contact',
  centerPhone: 'Records center phone',
  centerEmail: 'Records center email',
  retrievalInstructions: 'How to ask for a box back',
  turnaround: 'Turnaround',
  turnaroundWorkingDays: 'Turnaround (working days)',
  deliveryOptions: 'Delivery options',
  dispositionNoticeDays: 'Disposition notice (days)',
  lossPolicy: 'If a box is lost or damaged',
} as const;
type TransferRow = keyof typeof TRANSFER_ROWS;

/** Manifest paths (under transfer, department, recordsCenter) → the Transfer sheet row that gives them. */
const TRANSFER_FIELDS: Record<string, TransferRow> = {
  format: 'format', 'transfer.number': 'number', 'transfer.createdAt': 'createdAt', 'transfer.sentAt': 'sentAt', 'transfer.notes': 'notes',
  'transfer.totals.boxes': 'boxes', 'transfer.totals.folders': 'folders', 'transfer.totals.cubicFeet': 'cubicFeet',
  'transfer.dateSpan.from': 'from', 'transfer.dateSpan.to': 'to',
  'department.name': 'departmentName', 'department.code': 'departmentCode', 'department.address': 'departmentAddress',
  'department.contactName': 'departmentContact', 'department.contactPhone': 'departmentPhone', 'department.contactEmail': 'departmentEmail',
  'department.fiscalYearStartMonth': 'fiscalYearStartMonth',
  'recordsCenter.name': 'centerName', 'recordsCenter.address': 'centerAddress', 'recordsCenter.contactName': 'centerContact',
  'recordsCenter.contactPhone': 'centerPhone', 'recordsCenter.contactEmail': 'centerEmail', 'recordsCenter.retrievalInstructions': 'retrievalInstructions',
  'recordsCenter.turnaround': 'turnaround', 'recordsCenter.turnaroundWorkingDays': 'turnaroundWorkingDays', 'recordsCenter.deliveryOptions': 'deliveryOptions',
  'recordsCenter.dispositionNoticeDays': 'dispositionNoticeDays', 'recordsCenter.lossPolicy': 'lossPolicy',
};

const BOX_FIELDS: Record<string, string> = {
  boxId: 'Box ID', sequence: 'Box', of: 'Box', label: 'Box label', cubicFeet: 'Cubic feet', officeLocation: 'Office location',
  itemNumbers: 'Schedule items', 'dateSpan.from': 'Date from', 'dateSpan.to': 'Date to', dispositionDate: 'Disposition date',
  dispositionWaitsFor: 'Disposition waits for', confidential: 'Confidential', centerBoxNumber: 'Center box number', location: 'Shelf location',
  folders: 'Folders',
};

const FOLDER_FIELDS: Record<string, string> = {
  position: 'Folder no.', title: 'Title as written', fileCode: 'File code', itemNumber: 'Schedule item', beginDate: 'Begin date',
  beginPrecision: 'Begin precision', endDate: 'End date', endPrecision: 'End precision', eventDate: 'Event date', confidential: 'Confidential',
  medium: 'Medium', notes: 'Notes', legalHold: 'Legal hold', legalHoldReason: 'Legal hold reason', dispositionDate: 'Disposition date',
  dispositionStatus: 'Disposition status',
};

/** Excel's limit on a cell's text: manifest-xlsx cuts longer text there and ends it with "…". */
const EXCEL_TEXT_LIMIT = 32_767;
const FINGERPRINT = /^[0-9a-f]{64}$/;
const NUMBER_TEXT = /^-?\d+(?:\.\d+)?$/;
const IMPORT_WIZARD = 'take it in as a box list (transmittal intake-box-list, naming the department), which reads any spreadsheet’s columns';

const refuse = (file: string, message: string, details: Record<string, unknown> = {}) => new AppError('invalid-input', message, { file, ...details });
const quoted = (text: string) => (text === '' ? 'nothing' : `“${text.length > 60 ? `${text.slice(0, 59)}…` : text}”`);
const pad = (value: number, width = 2) => String(value).padStart(width, '0');

interface Place {
  sheet: string;
  row: number;
  column: number;
  header: string;
}

const placeWords = (place: Place) =>
  place.sheet === 'Transfer'
    ? `sheet Transfer, row ${place.row + 1} (“${place.header}”)`
    : `sheet ${place.sheet}, row ${place.row + 1}, column ${XLSX.utils.encode_col(place.column)} (“${place.header}”)`;

/** Reads one sheet's cells as the manifest's values, refusing a cell that cannot be one with its sheet, row and column. */
class CellReader {
  readonly truncated: string[] = [];

  constructor(
    private readonly fileName: string,
    private readonly sheet: XLSX.WorkSheet,
  ) {}

  private cell(place: Place): XLSX.CellObject | undefined {
    return this.sheet[XLSX.utils.encode_cell({ r: place.row, c: place.column })] as XLSX.CellObject | undefined;
  }

  private wrong(place: Place, expected: string, found: XLSX.CellObject | undefined): AppError {
    return refuse(this.fileName, `${this.fileName}: ${placeWords(place)} should hold ${expected}, but it holds ${quoted(found ? String(found.w ?? found.v ?? '') : '')}. Nothing was taken in.`, {
      sheet: place.sheet, row: place.row + 1, column: place.header,
    });
  }

  text(place: Place): string {
    const cell = this.cell(place);
    if (!cell || cell.t === 'z' || cell.v === undefined || cell.v === null) return '';
    if (cell.t === 'e') throw this.wrong(place, 'a value', cell);
    if (cell.t === 'b') return cell.v ? 'TRUE' : 'FALSE';
    const text = String(cell.v);
    if (text.length >= EXCEL_TEXT_LIMIT && text.endsWith('…')) this.truncated.push(placeWords(place));
    // manifest-xlsx put a quote before text a spreadsheet would run (spreadsheet-safety.ts): take it off again.
    return restoreFormulaText(text);
  }

  number(place: Place): number | null {
    const cell = this.cell(place);
    if (cell?.t === 'n' && typeof cell.v === 'number') return cell.v;
    const text = this.text(place).trim();
    if (text === '') return null;
    if (NUMBER_TEXT.test(text)) return Number(text);
    throw this.wrong(place, 'a number', cell);
  }

  /** A full date is a real date in the workbook (a serial day number); a partial date ("2019", "FY2019") is text. */
  date(place: Place): string {
    const cell = this.cell(place);
    if (cell?.t !== 'n' || typeof cell.v !== 'number') return this.text(place);
    const day = XLSX.SSF.parse_date_code(cell.v);
    if (!day) throw this.wrong(place, 'a date', cell);
    return `${pad(day.y, 4)}-${pad(day.m)}-${pad(day.d)}`;
  }

  /** A manifest timestamp, written to the second as a date and time in UTC. */
  timestamp(place: Place): string {
    const cell = this.cell(place);
    if (cell?.t !== 'n' || typeof cell.v !== 'number') return this.text(place);
    const at = XLSX.SSF.parse_date_code(cell.v);
    if (!at) throw this.wrong(place, 'a date and time', cell);
    return `${pad(at.y, 4)}-${pad(at.m)}-${pad(at.d)}T${pad(at.H)}:${pad(at.M)}:${pad(at.S)}Z`;
  }

  yesNo(place: Place): boolean {
    const text = this.text(place);
    if (text === 'Yes') return true;
    if (text === 'No') return false;
    throw this.wrong(place, 'Yes or No', this.cell(place));
  }

  /** One of the words manifest-xlsx writes for a value (`words` maps each value to its words). */
  oneOf<Value extends string>(place: Place, words: Record<Value, string>, what: string): Value {
    const text = this.text(place);
    const found = (Object.keys(words) as Value[]).find((value) => words[value] === text);
    if (found === undefined) throw this.wrong(place, what, this.cell(place));
    return found;
  }
}

/** A table sheet (Boxes, Folders): its columns found by their headings, so a reordered column still reads. */
function tableOf(fileName: string, workbook: XLSX.WorkBook, sheetName: string, headers: string[]) {
  const sheet = workbook.Sheets[sheetName];
  if (!sheet) throw refuse(fileName, `${fileName} is damaged: its sheet ${sheetName} is missing, so the manifest cannot be read from it. Nothing was taken in.`, { sheet: sheetName });
  const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1:A1');
  const reader = new CellReader(fileName, sheet);
  const columns = new Map<string, number>();
  for (let column = range.s.c; column <= range.e.c; column += 1) {
    const heading = reader.text({ sheet: sheetName, row: 0, column, header: '' });
    if (heading !== '' && !columns.has(heading)) columns.set(heading, column);
  }
  for (const header of headers) {
    if (!columns.has(header)) throw refuse(fileName, `${fileName}: sheet ${sheetName} has no column “${header}”, so the manifest cannot be read from it. Nothing was taken in.`, { sheet: sheetName, column: header });
  }
  const at = (row: number, header: string): Place => ({ sheet: sheetName, row, column: columns.get(header)!, header });
  // Blank rows (a spreadsheet user's spacing) are passed over; the row numbers in messages stay the sheet's own.
  const rows: number[] = [];
  for (let row = 1; row <= range.e.r; row += 1) {
    if (headers.some((header) => reader.text(at(row, header)) !== '')) rows.push(row);
  }
  return { reader, rows, at };
}

/** What a workbook is, by its sheets: a Transmittal manifest rendering, or something else (a box list). */
export function isManifestWorkbook(workbook: XLSX.WorkBook): boolean {
  const sheet = workbook.Sheets.Transfer;
  if (!sheet) return false;
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: '' });
  return rows.some((row) => row[0] === TRANSFER_ROWS.format && String(row[1]).startsWith('transmittal-manifest/'));
}

/** Rebuilds the manifest from manifest.xlsx's Transfer, Boxes and Folders sheets; refuses naming the sheet, row and column. */
export function manifestFromXlsx(bytes: Uint8Array, fileName: string): RebuiltManifest {
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, { type: 'array', cellFormula: false, cellHTML: false, cellStyles: false });
  } catch {
    throw refuse(fileName, `${fileName} is damaged: its sheets cannot be read. Ask the department for the file again, or for manifest.json. Nothing was taken in.`);
  }
  if (!isManifestWorkbook(workbook)) {
    throw refuse(fileName, `${fileName} is a spreadsheet but not a Transmittal manifest (it has no Transfer sheet naming a manifest format): if it is a department’s box list, ${IMPORT_WIZARD}. Nothing was taken in.`);
  }

  // The Transfer sheet: one fact per row, found by its label in column A.
  const transferSheet = workbook.Sheets.Transfer;
  const transferReader = new CellReader(fileName, transferSheet);
  const labelRows = new Map<string, number>();
  const scheduleItemNumbers: string[] = [];
  const transferRange = XLSX.utils.decode_range(transferSheet['!ref'] ?? 'A1:A1');
  for (let row = 1; row <= transferRange.e.r; row += 1) {
    const label = transferReader.text({ sheet: 'Transfer', row, column: 0, header: 'Item' });
    if (label.startsWith('Schedule item ')) scheduleItemNumbers.push(label.slice('Schedule item '.length));
    else if (label !== '' && !labelRows.has(label)) labelRows.set(label, row);
  }
  const fact = (key: TransferRow): Place => {
    const row = labelRows.get(TRANSFER_ROWS[key]);
    if (row === undefined) throw refuse(fileName, `${fileName}: sheet Transfer has no row “${TRANSFER_ROWS[key]}”, so the manifest cannot be read from it. Nothing was taken in.`, { sheet: 'Transfer', row: TRANSFER_ROWS[key] });
    return { sheet: 'Transfer', row, column: 1, header: TRANSFER_ROWS[key] };
  };
  const text = (key: TransferRow) => transferReader.text(fact(key));
  const numberOrNull = (key: TransferRow) => transferReader.number(fact(key));
  const number = (key: TransferRow) => {
    const value = numberOrNull(key);
    if (value === null) throw refuse(fileName, `${fileName}: ${placeWords(fact(key))} is empty; it should hold a number. Nothing was taken in.`, { sheet: 'Transfer', row: TRANSFER_ROWS[key] });
    return value;
  };

  const format = text('format');
  if (format !== MANIFEST_FORMAT && format !== MANIFEST_FORMAT_1) {
    throw refuse(fileName, `${fileName}: ${placeWords(fact('format'))} says ${quoted(format)}, a manifest format this version of Transmittal does not read. Nothing was taken in.`, { sheet: 'Transfer', row: TRANSFER_ROWS.format });
  }
  const fingerprint = text('fingerprint').trim();
  if (!FINGERPRINT.test(fingerprint)) {
    throw refuse(fileName, `${fileName}: ${placeWords(fact('fingerprint'))} should hold the manifest’s fingerprint (64 letters and digits, as the receipt prints it), but it holds ${quoted(fingerprint)}. Nothing was taken in.`, {
      sheet: 'Transfer', row: TRANSFER_ROWS.fingerprint,
    });
  }
  const transferNumber = text('number');
  const sentAt = transferReader.timestamp(fact('sentAt'));
  if (sentAt === 'not sent yet') {
    throw refuse(fileName, `${fileName} is the spreadsheet of a DRAFT preview of transfer ${transferNumber}, not of a sent transfer: ask the department for the one made after sending.`, {
      sheet: 'Transfer', row: TRANSFER_ROWS.sentAt,
    });
  }
  const deliveryText = text('deliveryOptions');
  const deliveryOptions = deliveryText === '' ? [] : deliveryText.split('; ').map((words) => {
    const option = (['box-returned', 'folder-returned', 'scan-on-demand', 'review-on-site', 'pickup'] as const).find((each) => deliveryOptionText(each) === words);
    if (!option) throw refuse(fileName, `${fileName}: ${placeWords(fact('deliveryOptions'))} names ${quoted(words)}, which is not a delivery option Transmittal writes. Nothing was taken in.`, { sheet: 'Transfer', row: TRANSFER_ROWS.deliveryOptions });
    return option;
  });
  const span = (key: 'from' | 'to') => transferReader.date(fact(key)) || null;

  // The Boxes sheet: one row per box, in box order.
  const boxes = tableOf(fileName, workbook, 'Boxes', boxColumns.map((column) => column.header));
  const waitWords = dispositionWaitText as Record<DispositionWait, string>;
  const boxRows = boxes.rows;
  const boxFolderCounts: number[] = [];
  const builtBoxes: ManifestBox[] = boxRows.map((row, index) => {
    const { reader, at } = boxes;
    const boxOf = reader.text(at(row, 'Box')).match(/^(\d+) of (\d+)$/);
    if (!boxOf) throw refuse(fileName, `${fileName}: ${placeWords(at(row, 'Box'))} should say which box this is as “1 of ${boxRows.length}”, but it holds ${quoted(reader.text(at(row, 'Box')))}. Nothing was taken in.`, { sheet: 'Boxes', row: row + 1, column: 'Box' });
    if (Number(boxOf[2]) !== boxRows.length) {
      throw refuse(fileName, `${fileName}: ${placeWords(at(row, 'Box'))} says “${boxOf[0]}”, but sheet Boxes lists ${boxRows.length} ${boxRows.length === 1 ? 'box' : 'boxes'}. Nothing was taken in.`, { sheet: 'Boxes', row: row + 1, column: 'Box' });
    }
    boxFolderCounts[index] = reader.number(at(row, 'Folders')) ?? 0;
    const waits = reader.text(at(row, 'Disposition waits for'));
    const items = reader.text(at(row, 'Schedule items'));
    const dispositionDate = reader.date(at(row, 'Disposition date')) || null;
    const sentOn = sentAt.slice(0, 10);
    return {
      boxId: reader.text(at(row, 'Box ID')),
      sequence: Number(boxOf[1]),
      of: Number(boxOf[2]),
      label: reader.text(at(row, 'Box label')),
      cubicFeet: reader.number(at(row, 'Cubic feet')) ?? 0,
      officeLocation: reader.text(at(row, 'Office location')),
      itemNumbers: items === '' ? [] : items.split('; '),
      dateSpan: { from: reader.date(at(row, 'Date from')) || null, to: reader.date(at(row, 'Date to')) || null },
      dispositionDate,
      dispositionWaitsFor: waits === '' ? null : reader.oneOf(at(row, 'Disposition waits for'), waitWords, 'why the box waits, in the words Transmittal writes'),
      // Not a column: the same rule the department applied when it sent the transfer (build-manifest.ts).
      eligibleWhenSent: dispositionDate !== null && dispositionDate <= sentOn,
      confidential: reader.yesNo(at(row, 'Confidential')),
      centerBoxNumber: reader.text(at(row, 'Center box number')) || null,
      location: reader.text(at(row, 'Shelf location')) || null,
      folders: [],
    };
  });

  // The Folders sheet: one row per folder, each naming its box by the box id.
  const folders = tableOf(fileName, workbook, 'Folders', folderColumns.map((column) => column.header));
  const boxIndex = new Map(builtBoxes.map((box, index) => [box.boxId, index]));
  const folderRowsOf: number[][] = builtBoxes.map(() => []);
  const precision = (place: Place) => {
    const words = folders.reader.text(place);
    return (words === '' ? null : words === 'fiscal year' ? 'fiscal-year' : words) as ManifestFolder['beginPrecision'];
  };
  for (const row of folders.rows) {
    const { reader, at } = folders;
    const boxId = reader.text(at(row, 'Box ID'));
    const index = boxIndex.get(boxId);
    if (index === undefined) throw refuse(fileName, `${fileName}: ${placeWords(at(row, 'Box ID'))} names box ${quoted(boxId)}, which sheet Boxes does not list. Nothing was taken in.`, { sheet: 'Folders', row: row + 1, column: 'Box ID' });
    const box = builtBoxes[index];
    for (const [header, expected] of [['Box label', box.label], ['Box', `${box.sequence} of ${box.of}`]] as const) {
      const said = reader.text(at(row, header));
      if (said !== expected) {
        throw refuse(fileName, `${fileName}: ${placeWords(at(row, header))} says ${quoted(said)}, but sheet Boxes, row ${boxRows[index] + 1} says ${quoted(expected)} for box ${boxId}. Nothing was taken in.`, { sheet: 'Folders', row: row + 1, column: header });
      }
    }
    folderRowsOf[index].push(row);
    box.folders.push({
      position: reader.number(at(row, 'Folder no.')) ?? 0,
      title: reader.text(at(row, 'Title as written')),
      fileCode: reader.text(at(row, 'File code')),
      itemNumber: reader.text(at(row, 'Schedule item')) || null,
      beginDate: reader.date(at(row, 'Begin date')),
      endDate: reader.date(at(row, 'End date')),
      eventDate: reader.date(at(row, 'Event date')),
      beginPrecision: precision(at(row, 'Begin precision')),
      endPrecision: precision(at(row, 'End precision')),
      confidential: reader.yesNo(at(row, 'Confidential')),
      medium: reader.text(at(row, 'Medium')) as ManifestFolder['medium'],
      notes: reader.text(at(row, 'Notes')),
      legalHold: reader.yesNo(at(row, 'Legal hold')),
      legalHoldReason: reader.text(at(row, 'Legal hold reason')),
      dispositionDate: reader.date(at(row, 'Disposition date')) || null,
      dispositionStatus: reader.text(at(row, 'Disposition status')) as ManifestFolder['dispositionStatus'],
    });
  }

  // The counts the sheets state must be the rows they hold: a row lost or added by hand is refused, not guessed at.
  builtBoxes.forEach((box, index) => {
    if (box.folders.length !== boxFolderCounts[index]) {
      throw refuse(fileName, `${fileName}: ${placeWords(boxes.at(boxRows[index], 'Folders'))} says box ${box.boxId} holds ${boxFolderCounts[index]} folders, but sheet Folders lists ${box.folders.length} for it. Nothing was taken in.`, {
        sheet: 'Boxes', row: boxRows[index] + 1, column: 'Folders',
      });
    }
  });
  const totals = { boxes: number('boxes'), folders: number('folders'), cubicFeet: number('cubicFeet') };
  const folderCount = builtBoxes.reduce((sum, box) => sum + box.folders.length, 0);
  const cubicFeet = builtBoxes.reduce((sum, box) => sum + box.cubicFeet, 0);
  for (const [key, stated, listed, where] of [['boxes', totals.boxes, builtBoxes.length, 'sheet Boxes lists'], ['folders', totals.folders, folderCount, 'sheet Folders lists']] as const) {
    if (stated !== listed) throw refuse(fileName, `${fileName}: ${placeWords(fact(key))} says ${stated}, but ${where} ${listed}. Nothing was taken in.`, { sheet: 'Transfer', row: TRANSFER_ROWS[key] });
  }
  if (Math.abs(totals.cubicFeet - cubicFeet) > 0.05) {
    throw refuse(fileName, `${fileName}: ${placeWords(fact('cubicFeet'))} says ${totals.cubicFeet}, but the boxes on sheet Boxes add up to ${Math.round(cubicFeet * 100) / 100}. Nothing was taken in.`, { sheet: 'Transfer', row: TRANSFER_ROWS.cubicFeet });
  }

  // What manifest-xlsx does not write: left empty (a "not stated" the schema allows), and named in the warnings.
  const candidate: Manifest = {
    format: MANIFEST_FORMAT,
    transfer: {
      number: transferNumber,
      createdAt: transferReader.timestamp(fact('createdAt')),
      sentAt,
      notes: text('notes'),
      totals,
      dateSpan: { from: span('from'), to: span('to') },
      eligibleReason: '',
      accessRestrictions: '',
    },
    department: {
      name: text('departmentName'),
      code: text('departmentCode'),
      address: text('departmentAddress'),
      contactName: text('departmentContact'),
      contactPhone: text('departmentPhone'),
      contactEmail: text('departmentEmail'),
      fiscalYearStartMonth: number('fiscalYearStartMonth'),
      officialName: '',
      officialTitle: '',
    },
    recordsCenter: {
      name: text('centerName'),
      address: text('centerAddress'),
      contactName: text('centerContact'),
      contactPhone: text('centerPhone'),
      contactEmail: text('centerEmail'),
      retrievalInstructions: text('retrievalInstructions'),
      turnaround: text('turnaround'),
      turnaroundWorkingDays: numberOrNull('turnaroundWorkingDays'),
      deliveryOptions,
      dispositionNoticeDays: numberOrNull('dispositionNoticeDays'),
      lossPolicy: text('lossPolicy'),
      acceptsMixedBoxes: false,
    },
    // A schedule item's retention rule is not in the workbook, and the schema has no "unknown" rule: none is invented.
    scheduleItems: [],
    boxes: builtBoxes,
    electronicItems: [],
  };

  const placeOf = (field: string): string => {
    const path = field.split('.');
    if (path[0] === 'boxes' && path.length >= 3) {
      const box = Number(path[1]);
      if (path[2] === 'folders' && path.length >= 5) {
        const row = folderRowsOf[box]?.[Number(path[3])];
        const header = FOLDER_FIELDS[path[4]];
        if (row !== undefined && header) return placeWords(folders.at(row, header));
      }
      const header = BOX_FIELDS[path.slice(2, 4).join('.')] ?? BOX_FIELDS[path[2]];
      if (boxRows[box] !== undefined && header) return placeWords(boxes.at(boxRows[box], header));
    }
    for (let length = path.length; length > 0; length -= 1) {
      const key = TRANSFER_FIELDS[path.slice(0, length).join('.')];
      if (key) return placeWords(fact(key));
    }
    return `field ${field}`;
  };

  const parsed = manifestSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.map(String).join('.');
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : '';
    throw refuse(fileName, `${fileName} does not make a manifest Transmittal reads: ${placeOf(field)}: ${issue.message}${more}. Nothing was taken in.`, { field });
  }

  const warnings = [
    `${fileName} is a spreadsheet made from the department’s manifest.json, not the manifest itself: the accession records the fingerprint it carries ` +
      `(${fingerprint}), the one the department’s receipt prints, so the acknowledgment answers the department’s manifest. Compare it with the receipt. ` +
      'The manifest kept with the accession was rebuilt from the cells and does not itself hash to that fingerprint.',
    'Not in the spreadsheet, so left empty: why boxes already eligible for destruction were sent, the access restrictions, the releasing official’s name and title, ' +
      'whether the center accepts boxes mixing series, ' +
      `${scheduleItemNumbers.length > 0 ? `the schedule items’ retention rules and descriptions (${scheduleItemNumbers.join(', ')}: the accession holds no schedule items)` : 'the schedule items'}, ` +
      'and any electronic records. Ask the department for manifest.json if these are needed.',
    'Created and sent times are as the spreadsheet shows them, to the second.',
  ];
  if (format === MANIFEST_FORMAT_1) warnings.push(`${fileName} was made from a format 1 manifest (${MANIFEST_FORMAT_1}); it was read as format 2, as the spreadsheet shows it.`);
  const truncated = [transferReader, boxes.reader, folders.reader].flatMap((reader) => reader.truncated);
  if (truncated.length > 0) {
    warnings.push(`${truncated.length === 1 ? 'One text was' : `${truncated.length} texts were`} longer than a spreadsheet cell holds and ${truncated.length === 1 ? 'was' : 'were'} cut (${truncated.slice(0, 3).join('; ')}): the full text is only in manifest.json.`);
  }
  return { manifest: parsed.data, fingerprint, warnings, placeOf };
}

export type DelimitedTextKind = 'manifest-csv' | 'box-list' | 'other';

/**
 * What a text file is, by its first line: the folder list manifest-csv.ts writes (its exact headings), another
 * delimited table (a box list), or neither (a manifest.json, or something that is not ours).
 */
export function delimitedTextKind(text: string): DelimitedTextKind {
  const start = text.slice(0, 4096).replace(/^\uFEFF/, '');
  if (/^\s*[{[]/.test(start)) return 'other';
  const firstLine = start.split(/\r?\n/, 1)[0];
  const headings = folderColumns.map((column) => column.header);
  const cells = firstLine.split(/[,;\t]/).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
  if (headings.every((heading) => cells.includes(heading))) return 'manifest-csv';
  return cells.filter((cell) => cell !== '').length >= 2 ? 'box-list' : 'other';
}

/** Why a manifest.csv alone cannot be taken in, and a box list not here: for the refusal's message. */
export function delimitedTextRefusal(kind: Exclude<DelimitedTextKind, 'other'>, fileName: string): AppError {
  if (kind === 'manifest-csv') {
    return refuse(
      fileName,
      `${fileName} is the folder list of a Transmittal manifest (manifest.csv): it lists folders only, without the department, the transfer’s dates or the manifest’s fingerprint, ` +
        'so an acknowledgment made from it could not answer the department’s manifest. Take in the transfer package, its manifest.json or its manifest.xlsx instead; ' +
        'if the department has only this file, take it in as a box list naming the department (transmittal intake-box-list), which keeps its box ids, labels and folders as written. Nothing was taken in.',
    );
  }
  return refuse(fileName, `${fileName} is a table of boxes or folders, not a Transmittal manifest (manifest.json or manifest.xlsx) or transfer package: ${IMPORT_WIZARD}. Nothing was taken in.`);
}
