// Enforces the three worlds and the core's layers (rules in boundaries.js): only electron/main and electron/preload
// import 'electron'; shared/ stays pure; the renderer reaches the Node side only through the API contract; the core
// runs without the Electron shell; features never reach into the session layer.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { findViolations } from './boundaries.js';

const paths = execFileSync('git', ['ls-files', '-co', '--exclude-standard', 'electron', 'renderer', 'shared'], { encoding: 'utf8' })
  .split('\n')
  .filter((file) => /\.(ts|tsx|js|mjs)$/.test(file));

const files = [];
for (const path of paths) {
  try {
    files.push({ path, text: readFileSync(path, 'utf8') });
  } catch {
    // Listed by git but deleted in the work tree: nothing to check.
  }
}
const problems = findViolations(files);
if (problems.length > 0) {
  console.error(`Architecture boundaries broken:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  process.exit(1);
}
console.log(`Architecture boundaries hold (${files.length} files checked).`);
