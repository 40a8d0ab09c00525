// The one way Transmittal hands a URL to the operating system. Only web pages and e-mail addresses leave the app:
// javascript: would run code, and file:, smb: or a UNC path (\\server\share) can launch programs or, on Windows,
// send the user's network credentials to whoever runs that server.
export type ExternalOpener = (url: string) => Promise<void>;

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
/** Longer than any link the app shows; a longer one is an attack or a mistake. */
const MAX_URL_LENGTH = 4096;

/** The URL as it will be opened (parsed and re-serialised), or null when it must not leave the app. */
export function safeExternalUrl(url: unknown): string | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) return null;
  if (parsed.protocol !== 'mailto:') {
    if (parsed.hostname === '') return null;
    // "https://records.example.gov@evil.test/" reads as the first host but goes to the second.
    if (parsed.username !== '' || parsed.password !== '') return null;
  }
  return parsed.href;
}

/**
 * Opens the URL with `opener` (shell.openExternal in the app) when it is safe; answers whether it did.
 * Never throws: it runs from event handlers where a rejection would go unnoticed.
 */
export async function openExternalSafely(url: unknown, opener: ExternalOpener): Promise<boolean> {
  const safe = safeExternalUrl(url);
  if (safe === null) return false;
  try {
    await opener(safe);
    return true;
  } catch {
    return false;
  }
}
