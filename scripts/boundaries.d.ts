// Types for boundaries.js (a plain script, run by node without a build step).
export function importsOf(text: string): string[];
export function resolveImport(file: string, source: string): string | null;
export function findViolations(files: { path: string; text: string }[]): string[];
