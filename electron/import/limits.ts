// How much a spreadsheet may hold before Transmittal refuses to read it. A box list of a few hundred thousand rows
// fits well inside every limit; anything past them is far more likely a wrong file or a hostile one (a zip bomb) than
// a department's list, and reading it would stall the app or exhaust its memory.
import { MAX_IMPORT_FILE_BYTES } from '../../shared/api/contract-import';

export interface ImportLimits {
  /** The file as it is on disk. */
  maxFileBytes: number;
  /** Rows over all sheets (blank rows inside the used area count). */
  maxRows: number;
  /** Cells holding something, over all sheets (a merged cell counts once per cell it covers). */
  maxCells: number;
  maxSheets: number;
  /** XLSX and ODS are zip archives: the sum of their parts once unzipped (the XML SheetJS has to read). */
  maxUncompressedBytes: number;
  /** Parts of the zip: a real workbook has a few dozen; thousands mean a crafted file. */
  maxZipEntries: number;
  /**
   * Unzipped size ÷ zipped size of one part larger than 1 MB unzipped. Sheet XML compresses 10–50 times, a sheet of
   * empty formatted cells perhaps 200 times; deflate cannot exceed about 1,030, which zip bombs come close to.
   */
  maxCompressionRatio: number;
}

/**
 * The defaults: 30 MB on disk (the same limit the API applies to the upload), 500,000 rows, 10 million cells,
 * 100 sheets, 200 MB of unzipped XML in at most 2,000 parts, and a compression ratio of at most 500 to 1.
 */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: MAX_IMPORT_FILE_BYTES,
  maxRows: 500_000,
  maxCells: 10_000_000,
  maxSheets: 100,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxZipEntries: 2_000,
  maxCompressionRatio: 500,
};

/** Sizes as people read them: "830 KB", "30 MB", "2.3 GB". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${bytes} bytes`;
  const rounded = value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded} ${units[unit]}`;
}

/** Counts as people read them: 500,000. */
export const formatCount = (count: number) => count.toLocaleString('en-US');
