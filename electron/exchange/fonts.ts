// The Unicode fonts the receipt and labels embed (resources/fonts/, each license beside it): DejaVu Sans, then for
// what it lacks Droid Sans Fallback (Chinese, Japanese, Korean) and Noto Emoji. Found where each way of running the
// app keeps them: the repository (CLI, web shell, tests), the bundle's app root (out/main two levels down), or the
// packaged app's resources folder (electron-builder extraResources).
import { existsSync } from 'node:fs';
import { readRegularFile } from '../storage/regular-file';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentFonts } from '../../shared/documents/pdf-document';

const REGULAR = 'DejaVuSans.ttf';
const BOLD = 'DejaVuSans-Bold.ttf';
/** Tried in this order for characters DejaVu Sans lacks. */
const FALLBACKS = ['DroidSansFallback.ttf', 'NotoEmoji-Regular.ttf'];

/** Candidate resources/fonts folders, nearest first. */
export function fontDirectories(moduleDir = dirname(fileURLToPath(import.meta.url))): string[] {
  const candidates: string[] = [];
  let dir = moduleDir;
  for (let depth = 0; depth < 5; depth += 1) {
    candidates.push(join(dir, 'resources', 'fonts'));
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const resourcesPath = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) candidates.push(join(resourcesPath, 'resources', 'fonts'));
  candidates.push(join(process.cwd(), 'resources', 'fonts'));
  return candidates;
}

let cached: Promise<DocumentFonts> | null = null;

async function readFonts(directories: string[]): Promise<DocumentFonts> {
  const found = directories.find((dir) => existsSync(join(dir, REGULAR)) && existsSync(join(dir, BOLD)));
  if (!found) {
    throw new Error(`The PDF fonts (${REGULAR}, ${BOLD}) are missing: looked in ${directories.join(', ')}. Reinstall the app.`);
  }
  const [font, boldFont] = await Promise.all([readRegularFile(join(found, REGULAR)), readRegularFile(join(found, BOLD))]);
  return { font: new Uint8Array(font), boldFont: new Uint8Array(boldFont), fallbackFonts: readOnce(found) };
}

/** The fallback fonts (4.3 MB), read the first time a document has a character DejaVu Sans lacks, then kept. */
function readOnce(dir: string): () => Promise<Uint8Array[]> {
  let fallbacks: Promise<Uint8Array[]> | null = null;
  return () => {
    fallbacks ??= Promise.all(FALLBACKS.map(async (name) => new Uint8Array(await readRegularFile(join(dir, name))))).catch((error: unknown) => {
      fallbacks = null;
      throw new Error(`The PDF fallback fonts (${FALLBACKS.join(', ')}) could not be read from ${dir}: ${String(error)}. Reinstall the app.`);
    });
    return fallbacks;
  };
}

/** Read once per process: every package needs the same ~1.5 MB of font files (and the fallbacks when it needs them). */
export function loadFonts(directories?: string[]): Promise<DocumentFonts> {
  if (directories) return readFonts(directories);
  cached ??= readFonts(fontDirectories()).catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}
