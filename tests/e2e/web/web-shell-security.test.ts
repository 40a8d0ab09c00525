// The web shell's guard, seen from a real browser: the page's own calls carry this run's key and work; a call
// without it, with a wrong one, or from another web site on this machine is refused and changes nothing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../../shared/api/bridge';
import { WelcomePage } from '../pages/welcome-page';
import { openContext, waitForReady } from '../support/browser';
import { setupWebTests } from '../support/fixtures';
import { postApi, postFromElsewhere, storedToken, type FetchAnswer } from '../support/in-page';

const web = setupWebTests();

/** POSTs an API call from inside the page, with the token given (or none). */
function callFromPage(method: string, token: string | null): Promise<FetchAnswer> {
  return web.page.evaluate(postApi, { method, token, header: TOKEN_HEADER });
}

it('refuses a call without the token (401) and answers the same call with it', async () => {
  web.problems.expect(/status of 401/);
  // The page took the token out of its address (so it is not in screenshots or bookmarks) and kept it for the tab.
  expect(web.page.url()).not.toContain('token=');
  const token = await web.page.evaluate(storedToken);
  expect(token).toBe(web.app.shell.token);

  const refused = await callFromPage('app.status', null);
  expect(refused.status).toBe(401);
  expect(refused.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(refused.body.error?.message).toMatch(/does not have the key/);

  const wrong = await callFromPage('catalog.create', 'not-the-token');
  expect(wrong.status).toBe(401);

  const allowed = await callFromPage('app.status', token);
  expect(allowed.status).toBe(200);
  expect(allowed.body).toMatchObject({ ok: true, value: { catalog: null } });

  // And the page itself works: its own calls carry the token.
  await new WelcomePage(web.page).createCatalog('Security Office');
  expect((await web.app.call('app.status', {})).catalog?.departmentName).toBe('Security Office');
});

it('shows a clear message, and changes nothing, in a tab opened without the token', async () => {
  const stranger = await openContext(web.browser, web.app.origin);
  try {
    stranger.problems.expect(/status of 401/);
    await stranger.page.goto(`${web.app.origin}/`);
    await waitForReady(stranger.page);
    const alert = stranger.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/does not have the key for this run of Transmittal/);
    expect(stranger.problems.unexpected()).toEqual([]);
  } finally {
    await stranger.context.close();
  }
});

it('refuses a call from another web site on this machine, even one that knows the token', async () => {
  const elsewhere: Server = createServer((_request, response) => {
    response.setHeader('Content-Type', 'text/html');
    response.end('<!doctype html><title>Another site</title><p>Another site</p>');
  });
  await new Promise<void>((listening) => elsewhere.listen(0, '127.0.0.1', () => listening()));
  const { port } = elsewhere.address() as AddressInfo;
  const other = await web.context.newPage();
  try {
    await other.goto(`http://127.0.0.1:${port}/`);
    const outcome = await other.evaluate(postFromElsewhere, { target: web.app.origin, header: TOKEN_HEADER, token: web.app.shell.token });
    expect(outcome[1]).toBe('blocked');
    const status = await web.app.call('app.status', {});
    expect(status.catalog).toBeNull();
    expect(status.recentCatalogs).toEqual([]);
  } finally {
    await other.close();
    await new Promise<void>((closed) => elsewhere.close(() => closed()));
  }
});
