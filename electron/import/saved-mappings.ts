// Column mappings saved by name in the catalog, so the next box list laid out the same way imports in one step. A
// saved mapping applies to a new file by heading: each column whose heading matches a saved one takes its meaning.
import type { ImportKind, SavedMapping } from '../../shared/api/contract-import';
import { detectHeaderRow } from '../../shared/import/detect-columns';
import type { ColumnMapping, SheetTable } from '../../shared/import/types';
import type { CatalogContext } from '../catalog/context';
import { cellText } from './imported-files';

type AnyMapping = SavedMapping['mapping'];

interface MappingRow {
  name: string;
  kind: ImportKind;
  headings_json: string;
  mapping_json: string;
  created_at: string;
}

function toSavedMapping(row: MappingRow): SavedMapping {
  return {
    name: row.name,
    kind: row.kind,
    headings: JSON.parse(row.headings_json) as string[],
    mapping: JSON.parse(row.mapping_json) as AnyMapping,
    createdAt: row.created_at,
  };
}

/** Saves (or replaces, by name) a mapping. Mappings are a preference, not records: they are not in the undo history. */
export function saveMapping(context: CatalogContext, name: string, kind: ImportKind, mapping: AnyMapping): SavedMapping {
  const headings = mapping.columns.map((column) => column.heading);
  context.history.untracked(() =>
    context.db.run(
      `INSERT INTO import_mapping (name, kind, headings_json, mapping_json, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, headings_json = excluded.headings_json,
         mapping_json = excluded.mapping_json, created_at = excluded.created_at`,
      [name, kind, JSON.stringify(headings), JSON.stringify(mapping), context.now()],
    ),
  );
  return listMappings(context, kind).find((each) => each.name.toLowerCase() === name.toLowerCase())!;
}

export function listMappings(context: CatalogContext, kind?: ImportKind): SavedMapping[] {
  const rows = kind
    ? context.db.all<MappingRow>('SELECT * FROM import_mapping WHERE kind = ? ORDER BY name COLLATE NOCASE', [kind])
    : context.db.all<MappingRow>('SELECT * FROM import_mapping ORDER BY name COLLATE NOCASE');
  return rows.map(toSavedMapping);
}

export const normalizeHeading = (heading: string) => heading.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * A saved mapping laid over a sheet: tries the saved header row and the detected one, keeps whichever matches more
 * headings. A heading the file repeats ("Description", "Description") takes the saved meanings in order.
 */
export function fitMapping<Field extends string>(
  saved: { mapping: ColumnMapping<Field> },
  table: SheetTable,
): { mapping: ColumnMapping<Field>; matchedColumns: number } {
  const candidates = [...new Set([saved.mapping.headerRow, detectHeaderRow(table)])].filter((row) => row >= 0 && row < table.rows.length);
  let best: { mapping: ColumnMapping<Field>; matchedColumns: number } = {
    mapping: { sheet: table.name, headerRow: candidates[0] ?? 0, columns: [] },
    matchedColumns: 0,
  };
  for (const headerRow of candidates) {
    const meanings = new Map<string, (Field | null)[]>();
    for (const column of saved.mapping.columns) {
      const key = normalizeHeading(column.heading);
      meanings.set(key, [...(meanings.get(key) ?? []), column.field]);
    }
    let matchedColumns = 0;
    const columns = table.rows[headerRow].map((cell, index) => {
      const heading = cellText(cell);
      const queue = meanings.get(normalizeHeading(heading));
      if (!heading.trim() || !queue || queue.length === 0) return { index, heading, field: null };
      matchedColumns += 1;
      return { index, heading, field: queue.shift() ?? null };
    });
    if (matchedColumns > best.matchedColumns) best = { mapping: { sheet: table.name, headerRow, columns }, matchedColumns };
  }
  return best;
}
