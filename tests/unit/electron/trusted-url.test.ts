import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTrustedUrlCheck } from '../../../electron/main/trusted-url';

const indexFile = '/opt/Transmittal/resources/app.asar/out/renderer/index.html';
const indexUrl = pathToFileURL(indexFile).href;
const appUrl = 'app://transmittal/index.html';

describe('the packaged app trusts only its own app: pages', () => {
  const isTrusted = createTrustedUrlCheck({});

  it.each([
    ['the page itself', appUrl],
    ['a route in the hash', `${appUrl}#/boxes/12`],
    ['a query string', `${appUrl}?catalog=1`],
    ['a script it serves', 'app://transmittal/assets/index-abc.js'],
  ])('trusts %s', (_name, url) => {
    expect(isTrusted(url)).toBe(true);
  });

  it.each([
    ['the built index.html as a file: URL', indexUrl],
    ['any file: URL', 'file:///etc/passwd'],
    ['another host on the app scheme', 'app://evil/index.html'],
    ['a host that starts with the same name', 'app://transmittal.evil.test/index.html'],
    ['credentials hiding the real host', 'app://transmittal@evil/index.html'],
    ['credentials on the right host', 'app://user:secret@transmittal/index.html'],
    ['a port on the right host', 'app://transmittal:8080/index.html'],
    ['a web page that mentions the address', `https://evil.test/${appUrl}`],
    ['a web page with the address in its query', `https://evil.test/?u=${encodeURIComponent(appUrl)}`],
    ['the same file on a network host (UNC)', `file://evil-server${new URL(indexUrl).pathname}`],
    ['the dev server address, which is not in use', 'http://localhost:5173/'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['about:blank', 'about:blank'],
    ['an empty string', ''],
    ['not a URL at all', 'index.html'],
    ['a Windows UNC path', '\\\\evil-server\\share\\index.html'],
  ])('does not trust %s', (_name, url) => {
    expect(isTrusted(url)).toBe(false);
  });
});

describe('while developing, only the dev server origin is trusted', () => {
  const isTrusted = createTrustedUrlCheck({ devServerUrl: 'http://localhost:5173' });

  it.each([
    ['the root', 'http://localhost:5173/'],
    ['any page of it', 'http://localhost:5173/index.html#/transfers'],
    ['a module it serves', 'http://localhost:5173/src/main.tsx?t=1'],
  ])('trusts %s', (_name, url) => {
    expect(isTrusted(url)).toBe(true);
  });

  it.each([
    ['a host that starts with the same name', 'http://localhost:5173.evil.test/'],
    ['another port', 'http://localhost:5174/'],
    ['https instead of http', 'https://localhost:5173/'],
    ['another name for the same machine', 'http://127.0.0.1:5173/'],
    ['credentials hiding the real host', 'http://localhost:5173@evil.test/'],
    ['credentials on the right host', 'http://user:secret@localhost:5173/'],
    ['a page that carries the address in its path', 'https://evil.test/http://localhost:5173/'],
    ['the built index.html (not in use while developing)', indexUrl],
    ['the app scheme (not in use while developing)', appUrl],
    ['a websocket on the same port', 'ws://localhost:5173/'],
    ['javascript:', 'javascript:fetch("http://localhost:5173/")'],
  ])('does not trust %s', (_name, url) => {
    expect(isTrusted(url)).toBe(false);
  });

  it('refuses a dev server address that is not a web address', () => {
    expect(() => createTrustedUrlCheck({ devServerUrl: 'file:///tmp/' })).toThrow(/http/);
    expect(() => createTrustedUrlCheck({ devServerUrl: 'localhost:5173' })).toThrow();
  });
});
