// The architecture's rules, as a pure function over file paths and their text, so a test can feed it one violating
// file per rule. Relative imports are resolved against the importing file, so "../../electron/x" is caught as
// surely as a bare "electron".
import { posix } from 'node:path';

const NODE_BUILTINS = new Set(['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'stream', 'url', 'util', 'worker_threads', 'zlib']);
/** The Electron shell: the only code that may import 'electron'. */
const SHELL = /^electron\/(main|preload)\//;
/** The session layer and its transports: they compose the features; no feature may reach into them. */
const SESSION = /^electron\/(session|cli|web)\//;
/** Code above the features (the session layer, its transports and the Electron shell). */
const ABOVE_FEATURES = /^electron\/(session|cli|web|main|preload)\//;

/** Import specifiers of a file's text: static, dynamic, re-exports, require and vi.mock. */
export function importsOf(text) {
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\brequire\(\s*)['"]([^'"]+)['"]/g)].map((match) => match[1]);
}

/** Where a relative import lands, as a repository path ("electron/session/session"); null for a package. */
export function resolveImport(file, source) {
  if (!source.startsWith('.')) return null;
  return posix.normalize(posix.join(posix.dirname(file), source));
}

const isBuiltin = (source) => source.startsWith('node:') || NODE_BUILTINS.has(source.split('/')[0]);

/** Every rule one import breaks, as "file: why". */
function check(file, source) {
  const problems = [];
  const target = resolveImport(file, source);
  const lands = (pattern) => target !== null && pattern.test(`${target}/`);
  if (source === 'electron' && !SHELL.test(file)) problems.push(`imports 'electron' (only electron/main and electron/preload may)`);
  if (file.startsWith('shared/')) {
    if (isBuiltin(source) || ['electron', 'react', 'react-dom'].includes(source)) problems.push(`shared/ must stay pure TypeScript but imports '${source}'`);
    if (lands(/^(electron|renderer)\//)) problems.push(`shared/ must not reach into ${target.split('/')[0]}/ ('${source}')`);
  }
  if (file.startsWith('renderer/')) {
    if (isBuiltin(source) || source === 'electron') problems.push(`the renderer must go through the API contract but imports '${source}'`);
    if (lands(/^electron\//)) problems.push(`the renderer must go through the API contract but imports '${source}'`);
  }
  if (file.startsWith('electron/') && !SHELL.test(file)) {
    if (lands(/^electron\/(main|preload)\//)) problems.push(`the Node core must run without Electron but imports the Electron shell ('${source}')`);
    if (lands(/^renderer\//)) problems.push(`the Node core must not import the renderer ('${source}')`);
  }
  if (file.startsWith('electron/') && !ABOVE_FEATURES.test(file) && lands(SESSION)) {
    problems.push(`a feature must not reach into the session layer ('${source}'); use electron/runtime`);
  }
  return problems.map((problem) => `${file}: ${problem}`);
}

/** All problems in `files` ({ path, text } with repository paths). */
export function findViolations(files) {
  return files.flatMap(({ path, text }) => importsOf(text).flatMap((source) => check(path, source)));
}
