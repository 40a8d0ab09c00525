// The catalog's calls: boxes and folders, listed, searched, edited and pasted, and the catalog's summary.
import { z } from 'zod';
import {
  boxInputSchema,
  boxStatusSchema,
  folderFieldsSchema,
  folderInputSchema,
  type Box,
  type DispositionStatus,
  type Folder,
} from '../domain/types';
import { changesSchema } from '../domain/changes-schema';
import type { TimelineEntry } from '../custody/timeline';

import { id, none, result, reads, changes, DEPARTMENT } from './contract-kit';

const ids = z.array(id).min(1).max(100_000);

/** The event a retention clock waits for, recorded on chosen folders or on every folder of chosen boxes. */
const eventDatesTarget = { eventDate: folderFieldsSchema.shape.eventDate, reason: z.string().trim().max(2000).optional() };
const setEventDatesInput = z.union([
  z.object({ folderIds: ids, ...eventDatesTarget }).strict(),
  z.object({ boxIds: ids, ...eventDatesTarget }).strict(),
]);
export interface MoveFoldersResult {
  moved: number;
  toBoxId: number;
  toBoxLabel: string;
}

/** Re-box by disposition date (the default) or by series. */
export const reboxGroupings = ['date', 'series'] as const;
export type ReboxGrouping = (typeof reboxGroupings)[number];
export interface ReboxGroup {
  /** The box the group ends up in: the box itself for the first group, a new label for the others. */
  label: string;
  isNew: boolean;
  /** "disposition from 2027-01-01", "kept permanently", "GS 1010 Building permits". */
  describes: string;
  folderIds: number[];
  /** The first few folders, "3. Oak Street permits", to recognise the group by. */
  folderTitles: string[];
  folders: number;
}
export interface ReboxPlan {
  boxId: number;
  label: string;
  by: ReboxGrouping;
  groups: ReboxGroup[];
}
export interface ReboxResult {
  boxId: number;
  created: { boxId: number; label: string; folders: number }[];
  /** Draft transfers the new boxes were added to, beside the box they came from (their labels print with it). */
  transferNumbers: string[];
  transferIds: number[];
}

export type SetEventDatesInput = z.output<typeof setEventDatesInput>;
export interface EventDatesResult {
  /** Folders still in the office that took the date. */
  updated: number;
  /** Folders already sent that took the date, each with an amendment for the center. */
  amended: number;
  /** Folders that already had that date. */
  unchanged: number;
  /** The sent transfers whose amendments file now has something new to send. */
  transferNumbers: string[];
}
export interface CatalogSummary {
  boxes: number;
  folders: number;
  scheduleItems: number;
  recordsCenters: number;
  foldersOnHold: number;
  foldersWithoutSchedule: number;
  eligibleByYear: { year: number; folders: number }[];
}

export interface Page<T> {
  /** Matching rows; for a text search, counted only up to SEARCH_COUNT_LIMIT (see totalIsLowerBound). */
  total: number;
  /** True when more rows match than were counted: show "5,000+" and invite a narrower search. */
  totalIsLowerBound?: boolean;
  offset: number;
  rows: T[];
}

/** A text search counts its matches up to this many: counting 400,000 matches would cost more than the page. */
export const SEARCH_COUNT_LIMIT = 5_000;

export const folderFilterSchema = z
  .object({
    query: z.string().max(200).default(''),
    boxId: id.optional(),
    scheduleItemId: id.optional(),
    /** Folders whose dates overlap these years. */
    yearFrom: z.number().int().min(1000).max(9999).optional(),
    yearTo: z.number().int().min(1000).max(9999).optional(),
    boxStatus: boxStatusSchema.optional(),
    dispositionYear: z.number().int().min(1000).max(9999).optional(),
    dispositionStatus: z
      .enum(['scheduled', 'on-hold', 'permanent', 'awaiting-event', 'no-schedule', 'undated'] satisfies DispositionStatus[])
      .optional(),
  })
  .strict();
export type FolderFilter = z.input<typeof folderFilterSchema>;

export const boxFilterSchema = z
  .object({
    query: z.string().max(200).default(''),
    status: boxStatusSchema.optional(),
    scheduleItemId: id.optional(),
  })
  .strict();
export type BoxFilter = z.input<typeof boxFilterSchema>;

const pageInput = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) };

/** Columns a folder grid paste can fill, in the order the pasted cells come. */
export const pasteColumns = ['position', 'title', 'fileCode', 'itemNumber', 'beginDate', 'endDate', 'eventDate', 'confidential', 'medium', 'notes'] as const;
export type PasteColumn = (typeof pasteColumns)[number];

export const catalogContract = {
  'catalog.summary': { ...reads(DEPARTMENT), input: none, result: result<CatalogSummary>() },
  'boxes.list': {
    ...reads(DEPARTMENT),
    input: z.object({ ...pageInput, filter: boxFilterSchema.default({ query: '' }) }).strict(),
    result: result<Page<Box>>(),
  },
  'boxes.get': { ...reads(DEPARTMENT), input: z.object({ id }).strict(), result: result<Box>() },
  'boxes.create': { ...changes(DEPARTMENT), input: boxInputSchema.strict(), result: result<Box>() },
  'boxes.update': { ...changes(DEPARTMENT), input: z.object({ id, changes: changesSchema(boxInputSchema.shape) }).strict(), result: result<Box>() },
  'boxes.delete': { ...changes(DEPARTMENT), input: z.object({ ids }).strict(), result: result<{ deleted: number }>() },
  /** How a box mixing disposition dates (or series) would be split: one box per date or series. Changes nothing. */
  'boxes.planRebox': { ...reads(DEPARTMENT), input: z.object({ boxId: id, by: z.enum(reboxGroupings).default('date') }).strict(), result: result<ReboxPlan>() },
  /** Applies the plan as one undoable change; `expectFolders` (from the plan shown) refuses a box changed since. */
  'boxes.rebox': {
    ...changes(DEPARTMENT),
    input: z.object({ boxId: id, by: z.enum(reboxGroupings).default('date'), expectFolders: z.number().int().min(0) }).strict(),
    result: result<ReboxResult>(),
  },
  /** Checks the custody events' hash chain: how many there are, and the first changed or missing one, if any. */
  'custody.verify': { ...reads(), input: none, result: result<{ events: number; broken: { eventId: number; reason: string } | null }>() },
  /** What happened to a box and when, oldest first: catalogued, then its custody events in words. */
  'boxes.timeline': { ...reads(DEPARTMENT), input: z.object({ id }).strict(), result: result<TimelineEntry[]>() },
  /** Moves folders to the end of another box (cut and paste, drag, "Move to box…"); undoable. */
  'folders.move': { ...changes(DEPARTMENT), input: z.object({ folderIds: ids, toBoxId: id }).strict(), result: result<MoveFoldersResult>() },
  'folders.list': {
    ...reads(DEPARTMENT),
    input: z.object({ ...pageInput, filter: folderFilterSchema.default({ query: '' }) }).strict(),
    result: result<Page<Folder>>(),
  },
  'folders.create': { ...changes(DEPARTMENT), input: z.object({ boxId: id, folder: folderInputSchema }).strict(), result: result<Folder>() },
  'folders.update': {
    ...changes(DEPARTMENT),
    input: z.object({ id, changes: changesSchema(folderFieldsSchema.shape) }).strict(),
    result: result<Folder>(),
  },
  'folders.delete': { ...changes(DEPARTMENT), input: z.object({ ids }).strict(), result: result<{ deleted: number }>() },
  /**
   * Records an event date ("permit closed 2024-05-31") in bulk; the disposition dates follow. A folder already sent
   * gets an amendment for the center too (one undoable change either way).
   */
  'folders.setEventDates': { ...changes(DEPARTMENT), input: setEventDatesInput, result: result<EventDatesResult>() },
  /**
   * Rows copied from a spreadsheet, pasted into a box's folder grid starting at a row. Cells are text as copied;
   * every cell is checked first and the whole paste is refused, naming row and column, if any cell is wrong.
   */
  'folders.paste': {
    ...changes(DEPARTMENT),
    input: z
      .object({
        boxId: id,
        startRow: z.number().int().min(0).max(100_000),
        columns: z.array(z.enum(pasteColumns)).min(1).max(pasteColumns.length),
        rows: z.array(z.array(z.string().max(4000)).max(50)).min(1).max(10_000),
      })
      .strict(),
    result: result<{ created: number; updated: number }>(),
  },
} as const;
