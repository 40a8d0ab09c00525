// What the catalog screen is showing: boxes or folders, the search words and the filters. Held by the shell so it
// survives opening a box and coming back.
import type { BoxFilter, FolderFilter } from '../../../shared/api/contract';
import type { BoxStatus } from '../../../shared/domain/types';

export interface CatalogView {
  view: 'boxes' | 'folders';
  query: string;
  /** Schedule item id as the select holds it ('' = all series). */
  scheduleItemId: string;
  yearFrom: string;
  yearTo: string;
  boxStatus: BoxStatus | '';
  dispositionYear: string;
}

export const initialCatalogView: CatalogView = {
  view: 'boxes',
  query: '',
  scheduleItemId: '',
  yearFrom: '',
  yearTo: '',
  boxStatus: '',
  dispositionYear: '',
};

/** Where the list was scrolled to, so coming back from a box lands in the same place. */
export const listScroll = { top: 0 };

/** A four-digit year as typed, or undefined while it is empty or unfinished. */
export function yearOf(text: string): number | undefined {
  const value = text.trim();
  return /^\d{4}$/.test(value) && Number(value) >= 1000 ? Number(value) : undefined;
}

function idOf(text: string): number | undefined {
  return /^[1-9]\d*$/.test(text) ? Number(text) : undefined;
}

export function folderFilterOf(state: CatalogView, query: string): FolderFilter {
  const filter: FolderFilter = { query: query.trim() };
  const scheduleItemId = idOf(state.scheduleItemId);
  if (scheduleItemId) filter.scheduleItemId = scheduleItemId;
  const yearFrom = yearOf(state.yearFrom);
  const yearTo = yearOf(state.yearTo);
  if (yearFrom) filter.yearFrom = yearFrom;
  if (yearTo) filter.yearTo = yearTo;
  if (state.boxStatus) filter.boxStatus = state.boxStatus;
  const dispositionYear = yearOf(state.dispositionYear);
  if (dispositionYear) filter.dispositionYear = dispositionYear;
  return filter;
}

export function boxFilterOf(state: CatalogView, query: string): BoxFilter {
  const filter: BoxFilter = { query: query.trim() };
  const scheduleItemId = idOf(state.scheduleItemId);
  if (scheduleItemId) filter.scheduleItemId = scheduleItemId;
  if (state.boxStatus) filter.status = state.boxStatus;
  return filter;
}

/** Whether anything narrows the list now showing (the year filters only apply to folders). */
export function hasFilters(state: CatalogView): boolean {
  const common = Boolean(state.query.trim() || state.scheduleItemId || state.boxStatus);
  if (state.view === 'boxes') return common;
  return common || Boolean(yearOf(state.yearFrom) || yearOf(state.yearTo) || yearOf(state.dispositionYear));
}
