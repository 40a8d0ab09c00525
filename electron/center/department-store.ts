// The departments a center holds records for, as their manifests name them. A department is found again by its
// code (or, without one, its name), and takes the newest manifest's address and contacts.
import type { CenterDepartment } from '../../shared/api/contract-center';
import type { CatalogContext } from '../catalog/context';

export interface DepartmentAsSent {
  name: string;
  code: string;
  address: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

export interface CenterDepartmentRow {
  id: number;
  name: string;
  code: string;
  address: string;
  contact_name: string;
  contact_phone: string;
  contact_email: string;
}

export function departmentMatchKey(department: Pick<DepartmentAsSent, 'name' | 'code'>): string {
  const code = department.code.trim().toLowerCase();
  return code ? `code:${code}` : `name:${department.name.trim().toLowerCase().replace(/\s+/g, ' ')}`;
}

export function toCenterDepartment(row: CenterDepartmentRow): CenterDepartment {
  return {
    id: row.id, name: row.name, code: row.code, address: row.address,
    contactName: row.contact_name, contactPhone: row.contact_phone, contactEmail: row.contact_email,
  };
}

export function findDepartment(context: CatalogContext, department: Pick<DepartmentAsSent, 'name' | 'code'>): CenterDepartmentRow | undefined {
  return context.db.get<CenterDepartmentRow>('SELECT * FROM center_department WHERE match_key = ?', [departmentMatchKey(department)]);
}

/** Inside the caller's transaction: the department's id, created or brought up to date from the manifest. */
export function upsertDepartment(context: CatalogContext, department: DepartmentAsSent): number {
  const now = context.now();
  const values = [department.name, department.code, department.address, department.contactName, department.contactPhone, department.contactEmail];
  const found = findDepartment(context, department);
  if (found) {
    context.db.run(
      'UPDATE center_department SET name = ?, code = ?, address = ?, contact_name = ?, contact_phone = ?, contact_email = ?, updated_at = ? WHERE id = ?',
      [...values, now, found.id],
    );
    return found.id;
  }
  return context.db.run(
    `INSERT INTO center_department (match_key, name, code, address, contact_name, contact_phone, contact_email, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [departmentMatchKey(department), ...values, now, now],
  ).lastInsertRowid;
}

export function listDepartments(context: CatalogContext): CenterDepartment[] {
  return context.db.all<CenterDepartmentRow>('SELECT * FROM center_department ORDER BY name, id').map(toCenterDepartment);
}
