import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, screens } from '../../../renderer/src/app/routes';

describe('routes in the address fragment', () => {
  it.each([
    ['', { screen: 'catalog' }],
    ['#/', { screen: 'catalog' }],
    ['#/schedule', { screen: 'schedule' }],
    ['#/records-center', { screen: 'records-center' }],
    ['#/catalog/box/12', { screen: 'catalog', boxId: 12 }],
    ['#/catalog/box/12/folder/34', { screen: 'catalog', boxId: 12, folderId: 34 }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it.each(['#/nowhere', '#/catalog/box/0', '#/catalog/box/-3', '#/catalog/box/1e3', '#/catalog/box/abc', '#/__proto__', '#/constructor'])(
    'falls back safely on %s',
    (hash) => {
      const route = parseRoute(hash);
      expect(screens).toContain(route.screen);
      expect(route.boxId).toBeUndefined();
    },
  );

  it('ignores a folder without a valid box, and a box on another screen', () => {
    expect(parseRoute('#/catalog/box/5/folder/x')).toEqual({ screen: 'catalog', boxId: 5 });
    expect(parseRoute('#/schedule/box/5')).toEqual({ screen: 'schedule' });
  });

  it('every route survives a round trip through the address', () => {
    for (const route of [
      { screen: 'settings' as const },
      { screen: 'catalog' as const, boxId: 3 },
      { screen: 'catalog' as const, boxId: 3, folderId: 9 },
    ]) {
      expect(parseRoute(routeHref(route))).toEqual(route);
    }
  });
});
