import { describe, expect, it, vi } from 'vitest';
import { openExternalSafely, safeExternalUrl } from '../../../electron/main/open-external';

describe('openExternalSafely', () => {
  it.each([
    ['https://www.archives.gov/records-mgmt', 'https://www.archives.gov/records-mgmt'],
    ['http://records.example.gov/retrieval?box=12', 'http://records.example.gov/retrieval?box=12'],
    ['mailto:records@example.gov?subject=Transfer%2012', 'mailto:records@example.gov?subject=Transfer%2012'],
    ['HTTPS://Records.Example.GOV/', 'https://records.example.gov/'],
  ])('opens %s', async (url, opened) => {
    const opener = vi.fn(async (_url: string) => {});
    await expect(openExternalSafely(url, opener)).resolves.toBe(true);
    expect(opener).toHaveBeenCalledExactlyOnceWith(opened);
  });

  it.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['javascript: in capitals', 'JAVASCRIPT:alert(1)'],
    ['javascript: with a leading space', ' javascript:alert(1)'],
    ['javascript: split by a tab', 'java\tscript:alert(1)'],
    ['javascript: split by a newline', 'java\nscript:alert(1)'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['file:', 'file:///etc/passwd'],
    ['a file: URL on a network host', 'file://evil-server/share/payload.exe'],
    ['a UNC path', '\\\\evil-server\\share\\payload.exe'],
    ['a UNC path with forward slashes', '//evil-server/share/payload.exe'],
    ['smb:', 'smb://evil-server/share'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['blob:', 'blob:https://evil.test/1234'],
    ['ms-msdt: (Follina)', 'ms-msdt:/id PCWDiagnostic'],
    ['search-ms:', 'search-ms:query=invoice&crumb=location:\\\\evil-server\\share'],
    ['a Windows path', 'C:\\Windows\\System32\\calc.exe'],
    ['a relative path', '../../payload.exe'],
    ['an empty string', ''],
    ['a scheme with nothing after it', 'https://'],
    ['credentials hiding the real host', 'https://records.example.gov@evil.test/'],
    ['credentials with a password', 'https://user:password@records.example.gov/'],
    ['an overlong URL', `https://example.gov/${'a'.repeat(5000)}`],
  ])('refuses %s', async (_name, url) => {
    const opener = vi.fn(async (_url: string) => {});
    await expect(openExternalSafely(url, opener)).resolves.toBe(false);
    expect(opener).not.toHaveBeenCalled();
  });

  it.each([[undefined], [null], [42], [{ href: 'https://example.gov/' }]])('refuses a non-string (%s)', async (value) => {
    const opener = vi.fn(async (_url: string) => {});
    await expect(openExternalSafely(value, opener)).resolves.toBe(false);
    expect(opener).not.toHaveBeenCalled();
  });

  it('answers false instead of throwing when the system cannot open the link', async () => {
    const opener = vi.fn(async () => {
      throw new Error('No application is registered for this URL');
    });
    await expect(openExternalSafely('https://example.gov/', opener)).resolves.toBe(false);
    expect(opener).toHaveBeenCalledOnce();
  });

  it('hands the opener the parsed URL, not the raw text', () => {
    expect(safeExternalUrl('https://example.gov/a b')).toBe('https://example.gov/a%20b');
  });
});
