// Legal holds on either side: placed with a scope, resolved to every box and folder it covers, lifted with a reason.
// The catalog's role decides whose boxes a hold names: a department's own boxes and folders, or a records center's
// holding boxes and folders. A department's hold travels to the center as a file the center takes in, and the
// center's acknowledgment comes back.
import type { HoldDetail, HoldPreview, HoldSummary, TakenIn } from '../../../shared/api/contract-disposition';
import { AppError } from '../../../shared/domain/errors';
import type { HoldScope } from '../../../shared/exchange/disposition';
import type { CatalogContext } from '../../catalog/context';
import { createCenterHold, liftCenterHold } from './center-holds';
import { centerCovers, resolveCenterScope } from './center-scope';
import { createDepartmentHold, liftDepartmentHold } from './department-holds';
import { departmentCovers, resolveDepartmentScope } from './department-scope';
import { holdFilesSent } from './hold-acknowledgment';
import { importDepartmentHoldFile } from './hold-file-import';
import { writeDepartmentHoldFile } from './hold-file-write';
import { assertScopeSaysSomething, boxesOf, coverageOf, holdRow, isCenter, listHoldRows, normalizeScope, scopeOf, toSummary } from './hold-store';

export function listHolds(context: CatalogContext, show: 'active' | 'all'): HoldSummary[] {
  return listHoldRows(context, show).map((row) => toSummary(context, row));
}

export function getHold(context: CatalogContext, id: number): HoldDetail {
  const row = holdRow(context, id);
  const coverage = coverageOf(context, id);
  const covers = isCenter(context) ? centerCovers(context, coverage) : departmentCovers(context, coverage);
  const takenIn = row.origin === 'department-file' ? { at: row.taken_in_at ?? row.placed_at, by: row.taken_in_by ?? row.placed_by } : null;
  return { ...toSummary(context, row), scope: scopeOf(row), covers, filesSent: holdFilesSent(context, id), takenIn };
}

export function previewHold(context: CatalogContext, scope: HoldScope): HoldPreview {
  const normalized = normalizeScope(scope);
  assertScopeSaysSomething(normalized);
  const center = isCenter(context);
  const coverage = center ? resolveCenterScope(context, normalized) : resolveDepartmentScope(context, normalized);
  return {
    boxes: boxesOf(coverage).length,
    folders: coverage.folders.size,
    sample: center ? centerCovers(context, coverage, 20) : departmentCovers(context, coverage, 20),
  };
}

export function createHold(context: CatalogContext, input: { name: string; matter: string; requestedBy: string; scope: HoldScope }): HoldDetail {
  const name = input.name.trim();
  if (!name) throw new AppError('invalid-input', 'Name the hold (the case, audit or records request it is for). Nothing was placed.', { field: 'name' });
  const hold = { name, matter: input.matter.trim(), requestedBy: input.requestedBy.trim(), scope: normalizeScope(input.scope) };
  const id = isCenter(context) ? createCenterHold(context, hold) : createDepartmentHold(context, hold);
  return getHold(context, id);
}

export function liftHold(context: CatalogContext, id: number, reason: string): HoldDetail {
  const why = reason.trim();
  if (!why) throw new AppError('invalid-input', 'Say why the hold is lifted (the case settled, the audit closed). Nothing was changed.', { field: 'reason' });
  if (isCenter(context)) liftCenterHold(context, id, why);
  else liftDepartmentHold(context, id, why);
  return getHold(context, id);
}

export async function writeHoldFile(context: CatalogContext, id: number, outDir: string): Promise<{ path: string; fingerprint: string; items: number; message: string }> {
  if (isCenter(context)) {
    throw new AppError('forbidden', 'A records center takes legal hold files in; a department writes them. This catalog is a records center’s.', { field: 'id' });
  }
  return writeDepartmentHoldFile(context, id, outDir);
}

export function importHoldFile(context: CatalogContext, json: unknown, fileName: string): TakenIn {
  return importDepartmentHoldFile(context, json, fileName);
}
