// Who is making changes and with which version: recorded in every catalog's history, whichever shell made them.
import { readFileSync } from 'node:fs';

/** The version in package.json, read at run time so the CLI and web shell never disagree with the app. */
export function appVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export { currentActor } from '../runtime/actor';
