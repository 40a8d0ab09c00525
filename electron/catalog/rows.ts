// Maps the catalog's SQL rows (snake_case, 0/1 booleans, JSON text) to the domain types the contract speaks.
import { lockedReasonFor } from './custody';
import { compactEnd, compactStart } from '../../shared/catalog/folder-dates';
import type { WhereNow } from '../../shared/custody/where';
import type { Box, Department, DispositionStatus, Folder, RecordsCenter, ScheduleItem } from '../../shared/domain/types';

export interface DepartmentRow {
  name: string; code: string; address: string; contact_name: string; contact_phone: string; contact_email: string;
  fiscal_year_start_month: number; official_name: string; official_title: string;
}
export function toDepartment(row: DepartmentRow): Department {
  return {
    name: row.name,
    code: row.code,
    address: row.address,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    contactEmail: row.contact_email,
    officialName: row.official_name,
    officialTitle: row.official_title,
    fiscalYearStartMonth: row.fiscal_year_start_month,
  };
}

export interface RecordsCenterRow {
  id: number; name: string; address: string; contact_name: string; contact_phone: string; contact_email: string;
  retrieval_instructions: string; turnaround: string; turnaround_days: number | null; delivery_options: string;
  notice_days: number | null; loss_policy: string; accepts_mixed_boxes: number;
}
export function toRecordsCenter(row: RecordsCenterRow): RecordsCenter {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    contactEmail: row.contact_email,
    retrievalInstructions: row.retrieval_instructions,
    turnaround: row.turnaround,
    turnaroundWorkingDays: row.turnaround_days,
    deliveryOptions: JSON.parse(row.delivery_options),
    dispositionNoticeDays: row.notice_days,
    lossPolicy: row.loss_policy,
    acceptsMixedBoxes: row.accepts_mixed_boxes === 1,
  };
}

export interface ScheduleItemRow {
  id: number; item_number: string; title: string; description: string; rule: string; retention_text: string;
  disposition: ScheduleItem['disposition']; citation: string;
}
export function toScheduleItem(row: ScheduleItemRow): ScheduleItem {
  return {
    id: row.id,
    itemNumber: row.item_number,
    title: row.title,
    description: row.description,
    rule: JSON.parse(row.rule),
    retentionText: row.retention_text,
    disposition: row.disposition,
    citation: row.citation,
  };
}

export interface BoxRow {
  id: number; label: string; cubic_feet: number; office_location: string; status: Box['status']; notes: string;
  created_at: string; updated_at: string; folder_count: number; date_from: string | null; date_to: string | null;
  series_titles: string | null;
  sent_in?: string | null;
  center_name?: string | null; accession_number?: string | null; center_box_number?: string | null;
  center_location?: string | null; center_status?: string | null;
}

/** "at City Records Center, accession PW-2026-0042, box 118, Building A / Row 3 / …" from the box's acknowledgment. */
export function atCenterText(row: BoxRow): string | null {
  if (!row.center_name || !row.accession_number) return null;
  if (row.center_status === 'missing') return `reported missing by ${row.center_name} (accession ${row.accession_number}): it was not in the delivery`;
  const parts = [`at ${row.center_name}`, `accession ${row.accession_number}`];
  if (row.center_box_number) parts.push(`box ${row.center_box_number}`);
  if (row.center_location) parts.push(row.center_location);
  return `${parts.join(', ')}${row.center_status === 'damaged' ? ' (received damaged)' : ''}`;
}

/** `where` is read for a whole page at once (electron/retrieval/where-now.ts). */
export function toBox(row: BoxRow, where: WhereNow): Box {
  return {
    id: row.id,
    label: row.label,
    cubicFeet: row.cubic_feet,
    officeLocation: row.office_location,
    status: row.status,
    notes: row.notes,
    folderCount: row.folder_count ?? 0,
    dateFrom: compactStart(row.date_from ?? null),
    dateTo: compactEnd(row.date_to ?? null),
    seriesTitles: row.series_titles ? (JSON.parse(row.series_titles) as (string | null)[]).filter((t): t is string => !!t) : [],
    lockedReason: lockedReasonFor(row.sent_in, row.status),
    atCenter: atCenterText(row),
    where,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface FolderRow {
  id: number; box_id: number; box_label: string; position: number; title: string; file_code: string;
  schedule_item_id: number | null; series_title: string | null; item_number: string | null; begin_date: string;
  end_date: string; event_date: string; confidential: number; medium: Folder['medium']; notes: string;
  legal_hold: number; legal_hold_reason: string; disposition_date: string | null; disposition_status: DispositionStatus;
  created_at: string; updated_at: string;
}
/** `where` is read for a whole page at once (electron/retrieval/where-now.ts). */
export function toFolder(row: FolderRow, where: WhereNow): Folder {
  return {
    id: row.id,
    boxId: row.box_id,
    boxLabel: row.box_label,
    position: row.position,
    title: row.title,
    fileCode: row.file_code,
    scheduleItemId: row.schedule_item_id,
    seriesTitle: row.series_title,
    itemNumber: row.item_number,
    beginDate: row.begin_date,
    endDate: row.end_date,
    eventDate: row.event_date,
    confidential: row.confidential === 1,
    medium: row.medium,
    notes: row.notes,
    legalHold: row.legal_hold === 1,
    legalHoldReason: row.legal_hold_reason,
    dispositionDate: row.disposition_date,
    dispositionStatus: row.disposition_status,
    where,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const FOLDER_SELECT = `
  SELECT f.id, f.box_id, b.label AS box_label, f.position, f.title, f.file_code, f.schedule_item_id,
         s.title AS series_title, s.item_number, f.begin_date, f.end_date, f.event_date, f.confidential, f.medium,
         f.notes, f.legal_hold, f.legal_hold_reason, f.disposition_date, f.disposition_status, f.created_at, f.updated_at
  FROM folder f JOIN box b ON b.id = f.box_id LEFT JOIN schedule_item s ON s.id = f.schedule_item_id`;

