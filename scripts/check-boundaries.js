// Enforces the three worlds: only electron/main and electron/preload import 'electron'; shared/ stays pure;
// the renderer reaches the Node side only through the API contract.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', 'electron', 'renderer', 'shared'], { encoding: 'utf8' })
  .split('\n')
  .filter((file) => /\.(ts|tsx|js|mjs)$/.test(file));

const problems = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue;
  }
  const imports = [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)['"]([^'"]+)['"]/g)].map((match) => match[1]);
  for (const source of imports) {
    if (source === 'electron' && !/^electron\/(main|preload)\//.test(file)) problems.push(`${file}: imports 'electron' (only electron/main and electron/preload may)`);
    if (file.startsWith('shared/') && (/^node:/.test(source) || ['fs', 'path', 'os', 'child_process', 'crypto', 'electron', 'react', 'react-dom'].includes(source))) {
      problems.push(`${file}: shared/ must stay pure TypeScript but imports '${source}'`);
    }
    if (file.startsWith('renderer/') && (/^node:/.test(source) || source === 'fs' || /(^|\/)electron\//.test(source))) {
      problems.push(`${file}: the renderer must go through the API contract but imports '${source}'`);
    }
  }
}
if (problems.length > 0) {
  console.error(`Architecture boundaries broken:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  process.exit(1);
}
console.log(`Architecture boundaries hold (${files.length} files checked).`);
