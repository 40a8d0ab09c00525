// Who is making changes and with which version: recorded in every catalog's history, whichever shell made them.
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';

/** The version in package.json, read at run time so the CLI and web shell never disagree with the app. */
export function appVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The operating-system account name; history needs a name even where the account has none (some containers). */
export function currentActor(): string {
  try {
    return userInfo().username || 'unknown user';
  } catch {
    return process.env.USER || process.env.USERNAME || 'unknown user';
  }
}
