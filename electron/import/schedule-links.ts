// Which retention schedule item an imported folder belongs to: by item number first ("GS 1010", ignoring case,
// spacing and the punctuation between its parts: "GS-1010", "gs1010", "GS.1010"), else by series title (ignoring
// case); anything else is left unlinked and reported, never guessed.
import type { CatalogContext } from '../catalog/context';
import { itemNumberKey } from '../../shared/schedule/item-number';

export interface ScheduleLinks {
  find(itemNumber: string | null, seriesTitle: string | null): { id: number | null; unmatched: string | null };
}

export const normalizeKey = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

export { itemNumberKey };

export function scheduleLinks(context: CatalogContext): ScheduleLinks {
  const byNumber = new Map<string, number>();
  const byTitle = new Map<string, number>();
  for (const item of context.db.all<{ id: number; item_number: string; title: string }>('SELECT id, item_number, title FROM schedule_item ORDER BY id')) {
    const key = itemNumberKey(item.item_number);
    if (!byNumber.has(key)) byNumber.set(key, item.id);
    // Two items with one title cannot tell a folder apart: the first keeps the title, as a schedule lists it.
    if (!byTitle.has(normalizeKey(item.title))) byTitle.set(normalizeKey(item.title), item.id);
  }
  return {
    find(itemNumber, seriesTitle) {
      const number = itemNumber?.trim() ? byNumber.get(itemNumberKey(itemNumber)) : undefined;
      if (number !== undefined) return { id: number, unmatched: null };
      const title = seriesTitle?.trim() ? byTitle.get(normalizeKey(seriesTitle)) : undefined;
      if (title !== undefined) return { id: title, unmatched: null };
      const named = itemNumber?.trim() || seriesTitle?.trim() || null;
      return { id: null, unmatched: named };
    },
  };
}
