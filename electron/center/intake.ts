// Taking a transfer in: after the package (or manifest) is read and checked, one transaction records the department,
// a new accession numbered from the center's pattern, and every box and folder exactly as sent. Boxes start
// "expected": custody events come box by box at check-in. The same transfer twice is refused.
import type { IntakeResult } from '../../shared/api/contract-center';
import { DEFAULT_ACCESSION_PATTERN, departmentToken, formatAccessionNumber, patternProblem } from '../../shared/center/accession-number';
import { AppError } from '../../shared/domain/errors';
import type { CatalogContext } from '../catalog/context';
import { readMeta } from '../catalog/open-catalog';
import { getAccessionSummary } from './accession-store';
import { recordedChange } from './center-change';
import { findDepartment, upsertDepartment } from './department-store';
import type { IntakeSource } from './read-intake-source';

export const ACCESSION_PATTERN_KEY = 'accession_number_pattern';

export function accessionPattern(context: CatalogContext): string {
  const pattern = readMeta(context.db, ACCESSION_PATTERN_KEY) ?? DEFAULT_ACCESSION_PATTERN;
  return patternProblem(pattern) === null ? pattern : DEFAULT_ACCESSION_PATTERN;
}

/** Refuses a transfer already taken in, by fingerprint, or by its number with a different manifest. */
function assertNew(context: CatalogContext, source: IntakeSource): void {
  const same = context.db.get<{ accession_number: string; received_at: string }>(
    'SELECT accession_number, received_at FROM accession WHERE manifest_fingerprint = ?',
    [source.fingerprint],
  );
  const number = source.received.transfer.number;
  if (same) {
    throw new AppError('invalid-input', `Transfer ${number} was already taken in as accession ${same.accession_number} on ${same.received_at.slice(0, 10)}: nothing was changed.`, {
      field: 'file',
      accessionNumber: same.accession_number,
      fingerprint: source.fingerprint,
    });
  }
  const department = findDepartment(context, source.received.department);
  const other = department
    ? context.db.get<{ accession_number: string; manifest_fingerprint: string }>(
        'SELECT accession_number, manifest_fingerprint FROM accession WHERE department_id = ? AND transfer_number = ?',
        [department.id, number],
      )
    : undefined;
  if (other) {
    throw new AppError(
      'invalid-input',
      `${source.received.department.name} already sent a transfer ${number} (accession ${other.accession_number}, manifest fingerprint ${other.manifest_fingerprint}), ` +
        `but this manifest has fingerprint ${source.fingerprint}: the two differ. Ask the department which is right; a correction comes as an amendment. Nothing was changed.`,
      { field: 'file', accessionNumber: other.accession_number, fingerprints: [other.manifest_fingerprint, source.fingerprint] },
    );
  }
}

function nextAccessionNumber(context: CatalogContext, departmentId: number, department: { name: string; code: string }, receivedAt: string): string {
  const year = Number(receivedAt.slice(0, 4));
  const taken = context.db.get<{ n: number }>(
    'SELECT COUNT(*) AS n FROM accession WHERE department_id = ? AND received_at >= ? AND received_at < ?',
    [departmentId, `${year}-`, `${year + 1}-`],
  )!.n;
  const pattern = accessionPattern(context);
  const token = departmentToken(department);
  // Counting gives the next number; a number already used (another department with the same initials) is skipped.
  for (let sequence = taken + 1; ; sequence += 1) {
    const number = formatAccessionNumber(pattern, token, year, sequence);
    if (!context.db.get('SELECT 1 AS found FROM accession WHERE accession_number = ?', [number])) return number;
  }
}

export function takeIn(context: CatalogContext, source: IntakeSource, sourceName: string): IntakeResult {
  assertNew(context, source);
  const { view } = source;
  const accessionId = recordedChange(context, `Take in transfer ${view.transfer.number} from ${view.department.name}`, () => {
    const receivedAt = context.now();
    const departmentId = upsertDepartment(context, view.department);
    const accessionNumber = nextAccessionNumber(context, departmentId, view.department, receivedAt);
    const id = context.db.run(
      `INSERT INTO accession (department_id, transfer_number, accession_number, manifest_format, manifest_json, manifest_fingerprint, source,
         source_name, received_at, received_by, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received')`,
      [departmentId, view.transfer.number, accessionNumber, source.received.format, source.text, source.fingerprint, source.source, sourceName, receivedAt, context.history.actor],
    ).lastInsertRowid;
    for (const box of view.boxes) {
      const boxId = context.db.run(
        `INSERT INTO holding_box (accession_id, sequence, box_code, label, cubic_feet, item_numbers, date_from, date_to, disposition_date,
           disposition_waits_for, confidential, status)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'expected')`,
        [
          id, box.sequence, box.boxId, box.label, box.cubicFeet, JSON.stringify(box.itemNumbers), box.dateSpan.from, box.dateSpan.to,
          box.dispositionDate, box.dispositionWaitsFor, box.confidential,
        ],
      ).lastInsertRowid;
      context.db.runMany(
        `INSERT INTO holding_folder (box_id, position, title, file_code, item_number, begin_date, end_date, event_date, disposition_date,
           disposition_status, confidential, legal_hold, notes)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        box.folders.map((folder) => [
          boxId, folder.position, folder.title, folder.fileCode, folder.itemNumber, folder.beginDate, folder.endDate, folder.eventDate,
          folder.dispositionDate, folder.dispositionStatus, folder.confidential, folder.legalHold, folder.notes,
        ]),
      );
    }
    // One statement indexes the whole accession: far faster than a row at a time (see migration 001 on FTS4).
    context.db.run(
      `INSERT INTO holding_search (docid, title, file_code, notes, box_label)
       SELECT f.id, f.title, f.file_code, f.notes, b.label FROM holding_folder f JOIN holding_box b ON b.id = f.box_id WHERE b.accession_id = ?`,
      [id],
    );
    return id;
  });
  return { accession: getAccessionSummary(context, accessionId), warnings: source.warnings };
}
