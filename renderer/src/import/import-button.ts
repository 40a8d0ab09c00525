// What the review step's import button says, and whether it can be pressed: never "Import 0 rows", and never an
// import that would write nothing because every row it can read is already in the catalog (the Node side would
// refuse it; the button says so first).
import { newRecords, type ImportPreview } from '../../../shared/api/contract-import';
import { plural } from '../ui/format';

export interface ImportButton {
  label: string;
  /** False when the import would write nothing, whatever the person ticks. */
  enabled: boolean;
}

type ButtonPreview = Pick<ImportPreview, 'kind' | 'report' | 'rowsWithProblems' | 'counts' | 'duplicateCounts'>;

export function importButton(preview: ButtonPreview, onDuplicate: 'skip' | 'update'): ImportButton {
  const rows = preview.report.rowsImported;
  if (rows === 0) return { label: 'Nothing to import', enabled: false };
  if (newRecords(preview) > 0) return { label: `Import ${plural(rows, 'row', 'rows')}`, enabled: true };
  if (onDuplicate === 'update') return { label: `Update ${plural(rows, 'row', 'rows')}`, enabled: true };
  const where = preview.kind === 'schedule' ? 'in your schedule' : 'in the catalog';
  // With rows that have problems, "all" would claim those too: the rows that can be read are the good ones.
  const good = preview.rowsWithProblems > 0 ? 'good ' : '';
  return {
    label:
      rows === 1
        ? `Nothing new to import — the file’s one ${good}row is already ${where}`
        : `Nothing new to import — all ${plural(rows, `${good}row`, `${good}rows`)} are already ${where}`,
    enabled: false,
  };
}
