// The spreadsheet renderings of a Transmittal package must say what manifest.json says, cell for cell: a
// manifest.xlsx or manifest.csv whose cells were changed (and whose bag checksums were computed again) fails, naming
// the sheet, row and column. Both sides of the comparison go through the same reader (SheetJS): the expected file is
// made again from manifest.json by the code that made it, so only content can differ, never formatting.
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import type { Manifest } from '../../../shared/exchange/manifest';
import { manifestToCsv } from '../../../shared/exchange/manifest-csv';
import { manifestToXlsx } from '../../../shared/exchange/manifest-xlsx';
import { hasErrorCode } from '../../storage/file-system';
import { NotRegularFileError, readRegularFile } from '../../storage/regular-file';
import type { BagProblem } from './bag-report';

/** Past this many differences in one file, the rest are counted, not listed. */
const MAX_LISTED = 20;
const MAX_RENDERING_BYTES = 512 * 1024 ** 2;

type Grid = string[][];

/** Each cell's value, not its display: a number format lost or changed on the way is not a change of content. */
function sheetGrid(sheet: XLSX.WorkSheet | undefined): Grid {
  if (!sheet) return [];
  return XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: '', blankrows: true }).map((row) => row.map((cell) => String(cell ?? '')));
}

/** "C" → column letters as a spreadsheet shows them, with the heading when the sheet has one. */
function columnName(grid: Grid, column: number): string {
  const heading = grid[0]?.[column];
  const letters = XLSX.utils.encode_col(column);
  return heading ? `column ${letters} (“${heading}”)` : `column ${letters}`;
}

const shown = (text: string) => (text === '' ? 'nothing' : `“${text.length > 80 ? `${text.slice(0, 79)}…` : text}”`);

/** Every cell that differs, as "sheet Folders, row 12, column D (“Title”): says …, manifest.json says …". */
function gridDifferences(where: string, actual: Grid, expected: Grid): string[] {
  const found: string[] = [];
  const rows = Math.max(actual.length, expected.length);
  for (let row = 0; row < rows; row += 1) {
    const have = actual[row] ?? [];
    const want = expected[row] ?? [];
    if (row >= expected.length) {
      found.push(`${where}row ${row + 1} is not in manifest.json (it says ${shown(have.filter(Boolean).join(', '))})`);
      continue;
    }
    if (row >= actual.length) {
      found.push(`${where}row ${row + 1} is missing (manifest.json has ${shown(want.filter(Boolean).join(', '))})`);
      continue;
    }
    const columns = Math.max(have.length, want.length);
    for (let column = 0; column < columns; column += 1) {
      const a = have[column] ?? '';
      const e = want[column] ?? '';
      if (a !== e) found.push(`${where}row ${row + 1}, ${columnName(expected, column)}: says ${shown(a)}, manifest.json says ${shown(e)}`);
    }
  }
  return found;
}

function listed(file: string, differences: string[]): BagProblem[] {
  const problems = differences.slice(0, MAX_LISTED).map((message) => ({ file, message: `disagrees with manifest.json: ${message}` }));
  if (differences.length > MAX_LISTED) problems.push({ file, message: `and ${differences.length - MAX_LISTED} more cells disagree with manifest.json` });
  return problems;
}

async function readIfThere(path: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readRegularFile(path, { maxBytes: MAX_RENDERING_BYTES }));
  } catch (error) {
    // A missing, strange or oversized document is reported by the fingerprint and BagIt checks.
    if (hasErrorCode(error, 'ENOENT', 'ENOTDIR', 'EISDIR', 'EFBIG') || error instanceof NotRegularFileError) return null;
    throw error;
  }
}

/** The cells of manifest.xlsx and manifest.csv against the manifest they were made from. */
export async function renderingErrors(bagDir: string, manifest: Manifest, fingerprint: string): Promise<BagProblem[]> {
  const problems: BagProblem[] = [];
  const xlsx = await readIfThere(join(bagDir, 'data', 'manifest.xlsx'));
  if (xlsx) {
    try {
      const actual = XLSX.read(xlsx, { type: 'array' });
      const expected = XLSX.read(manifestToXlsx(manifest, fingerprint), { type: 'array' });
      const differences = expected.SheetNames.flatMap((name) =>
        actual.SheetNames.includes(name)
          ? gridDifferences(`sheet ${name}, `, sheetGrid(actual.Sheets[name]), sheetGrid(expected.Sheets[name]))
          : [`sheet ${name} is missing`],
      );
      problems.push(...listed('data/manifest.xlsx', differences));
    } catch {
      problems.push({ file: 'data/manifest.xlsx', message: 'cannot be read as a spreadsheet, so its cells cannot be compared with manifest.json' });
    }
  }
  const csv = await readIfThere(join(bagDir, 'data', 'manifest.csv'));
  if (csv) {
    const expected = manifestToCsv(manifest);
    if (Buffer.compare(Buffer.from(csv), Buffer.from(expected)) !== 0) {
      const read = (bytes: Uint8Array) => sheetGrid(Object.values(XLSX.read(new TextDecoder().decode(bytes), { type: 'string', raw: true, dense: false }).Sheets)[0]);
      const differences = gridDifferences('', read(csv), read(expected));
      // Bytes differ but every cell reads the same (line ends, quoting): still not the file that was made.
      problems.push(...listed('data/manifest.csv', differences.length > 0 ? differences : ['its bytes differ from the CSV made from manifest.json']));
    }
  }
  return problems;
}
