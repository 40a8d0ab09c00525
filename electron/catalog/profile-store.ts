// The department's own profile and the records centers it sends transfers to.
import { AppError } from '../../shared/domain/errors';
import type { Department, RecordsCenter, RecordsCenterInput } from '../../shared/domain/types';
import type { CatalogContext } from './context';
import { recomputeFolders } from './derived';
import { toDepartment, toRecordsCenter, type DepartmentRow, type RecordsCenterRow } from './rows';

export function getDepartment(context: CatalogContext): Department {
  const row = context.db.get<DepartmentRow>('SELECT * FROM department WHERE id = 1');
  if (!row) throw new AppError('catalog-corrupt', 'This catalog has no department profile. Open Settings to fill it in.');
  return toDepartment(row);
}

export function setDepartment(context: CatalogContext, department: Department): Department {
  return context.history.change('Edit department profile', (change) => {
    const before = context.history.snapshot('department', 1);
    const params = [
      department.name, department.code, department.address, department.contactName, department.contactPhone,
      department.contactEmail, department.fiscalYearStartMonth, department.officialName, department.officialTitle,
    ];
    if (before) {
      context.db.run(
        `UPDATE department SET name = ?, code = ?, address = ?, contact_name = ?, contact_phone = ?, contact_email = ?,
         fiscal_year_start_month = ?, official_name = ?, official_title = ? WHERE id = 1`,
        params,
      );
    } else {
      context.db.run(
        `INSERT INTO department (id, name, code, address, contact_name, contact_phone, contact_email, fiscal_year_start_month,
         official_name, official_title) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        params,
      );
    }
    change.record('department', 1, before ? 'update' : 'create', before, context.history.snapshot('department', 1));
    if (before && before.fiscal_year_start_month !== department.fiscalYearStartMonth) {
      // A new fiscal year start moves every fiscal-year date: FY rules and FY-dated folders alike.
      recomputeFolders(context, '1 = 1', []);
    }
    return getDepartment(context);
  });
}

export function listRecordsCenters(context: CatalogContext): RecordsCenter[] {
  return context.db.all<RecordsCenterRow>('SELECT * FROM records_center ORDER BY name COLLATE NOCASE').map(toRecordsCenter);
}

function centerParams(center: RecordsCenterInput) {
  return [
    center.name, center.address, center.contactName, center.contactPhone, center.contactEmail,
    center.retrievalInstructions, center.turnaround, center.turnaroundWorkingDays,
    JSON.stringify(center.deliveryOptions), center.dispositionNoticeDays, center.lossPolicy, center.acceptsMixedBoxes ? 1 : 0,
  ];
}

function getRecordsCenter(context: CatalogContext, id: number): RecordsCenter {
  const row = context.db.get<RecordsCenterRow>('SELECT * FROM records_center WHERE id = ?', [id]);
  if (!row) throw new AppError('not-found', `There is no records center with id ${id}.`);
  return toRecordsCenter(row);
}

export function createRecordsCenter(context: CatalogContext, center: RecordsCenterInput): RecordsCenter {
  return context.history.change(`Add records center ${center.name}`, (change) => {
    const { lastInsertRowid } = context.db.run(
      `INSERT INTO records_center (name, address, contact_name, contact_phone, contact_email, retrieval_instructions,
       turnaround, turnaround_days, delivery_options, notice_days, loss_policy, accepts_mixed_boxes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      centerParams(center),
    );
    change.record('records_center', lastInsertRowid, 'create', undefined, context.history.snapshot('records_center', lastInsertRowid));
    return getRecordsCenter(context, lastInsertRowid);
  });
}

export function updateRecordsCenter(context: CatalogContext, id: number, center: RecordsCenterInput): RecordsCenter {
  getRecordsCenter(context, id);
  return context.history.change(`Edit records center ${center.name}`, (change) => {
    const before = context.history.snapshot('records_center', id);
    context.db.run(
      `UPDATE records_center SET name = ?, address = ?, contact_name = ?, contact_phone = ?, contact_email = ?,
       retrieval_instructions = ?, turnaround = ?, turnaround_days = ?, delivery_options = ?,
       notice_days = ?, loss_policy = ?, accepts_mixed_boxes = ? WHERE id = ?`,
      [...centerParams(center), id],
    );
    change.record('records_center', id, 'update', before, context.history.snapshot('records_center', id));
    return getRecordsCenter(context, id);
  });
}

export function deleteRecordsCenter(context: CatalogContext, id: number): number {
  const center = getRecordsCenter(context, id);
  return context.history.change(`Delete records center ${center.name}`, (change) => {
    const before = context.history.snapshot('records_center', id);
    context.db.run('DELETE FROM records_center WHERE id = ?', [id]);
    change.record('records_center', id, 'delete', before, undefined);
    return 1;
  });
}
