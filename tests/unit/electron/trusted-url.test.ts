import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTrustedUrlCheck } from '../../../electron/main/trusted-url';

const indexFile = '/opt/Transmittal/resources/app.asar/out/renderer/index.html';
const indexUrl = pathToFileURL(indexFile).href;

describe('the packaged app trusts only its own index.html', () => {
  const isTrusted = createTrustedUrlCheck({ rendererIndexFile: indexFile });

  it.each([
    ['the page itself', indexUrl],
    ['a route in the hash', `${indexUrl}#/boxes/12`],
    ['a query string', `${indexUrl}?catalog=1`],
    ['the same file with a percent-encoded letter', indexUrl.replace('index.html', '%69ndex.html')],
    ['the same file through a dot segment', indexUrl.replace('/renderer/', '/renderer/./')],
  ])('trusts %s', (_name, url) => {
    expect(isTrusted(url)).toBe(true);
  });

  it.each([
    ['another file in the same folder', pathToFileURL('/opt/Transmittal/resources/app.asar/out/renderer/other.html').href],
    ['a file the path climbs out to', `${indexUrl}/../../../../../../etc/passwd`],
    ['the folder, not the page', pathToFileURL('/opt/Transmittal/resources/app.asar/out/renderer/').href],
    ['a longer name starting with the same path', `${indexUrl}.evil.html`],
    ['the same path on a network host (UNC)', `file://evil-server${new URL(indexUrl).pathname}`],
    ['a web page that mentions the path', `https://evil.test/${indexUrl}`],
    ['a web page with the path in its query', `https://evil.test/?u=${encodeURIComponent(indexUrl)}`],
    ['a path with an encoded separator', indexUrl.replace('/out/renderer/', '/out%2Frenderer/')],
    ['a file: URL on localhost-like host', indexUrl.replace('file:///', 'file://127.0.0.1/')],
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

  it('compares paths without case only when asked (Windows)', () => {
    const otherCase = indexUrl.replace('/Transmittal/', '/TRANSMITTAL/');
    expect(isTrusted(otherCase)).toBe(false);
    expect(createTrustedUrlCheck({ rendererIndexFile: indexFile, ignoreCase: true })(otherCase)).toBe(true);
  });
});

describe('while developing, only the dev server origin is trusted', () => {
  const isTrusted = createTrustedUrlCheck({ rendererIndexFile: indexFile, devServerUrl: 'http://localhost:5173' });

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
    ['a websocket on the same port', 'ws://localhost:5173/'],
    ['javascript:', 'javascript:fetch("http://localhost:5173/")'],
  ])('does not trust %s', (_name, url) => {
    expect(isTrusted(url)).toBe(false);
  });

  it('refuses a dev server address that is not a web address', () => {
    expect(() => createTrustedUrlCheck({ rendererIndexFile: indexFile, devServerUrl: 'file:///tmp/' })).toThrow(/http/);
    expect(() => createTrustedUrlCheck({ rendererIndexFile: indexFile, devServerUrl: 'localhost:5173' })).toThrow();
  });
});
