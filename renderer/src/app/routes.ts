// Where the person is, kept in the address's #fragment so reloads, Back and Forward work in Electron and the browser
// alike ("#/catalog/box/12/folder/34"). Parsing is strict: anything unknown lands on the catalog.
import type { Role } from '../../../shared/api/contract-kit';
export const screens = ['catalog', 'transfers', 'retrievals', 'disposition', 'holds', 'schedule', 'records-center', 'packages', 'accessions', 'requests', 'holdings', 'locations', 'settings'] as const;
export type ScreenName = (typeof screens)[number];

/** Each role's own screens, in navigation order; the first is where the catalog opens. */
export const screensOf: Record<Role, readonly ScreenName[]> = {
  department: ['catalog', 'transfers', 'retrievals', 'disposition', 'holds', 'schedule', 'records-center', 'settings'],
  'records-center': ['packages', 'accessions', 'requests', 'disposition', 'holds', 'holdings', 'locations', 'settings'],
};

export const screenTitles: Record<ScreenName, string> = {
  packages: 'Packages received',
  accessions: 'Accessions',
  requests: 'Requests',
  disposition: 'Disposition',
  holds: 'Legal holds',
  retrievals: 'Requests back',
  holdings: 'Holdings',
  locations: 'Locations',
  catalog: 'Catalog',
  transfers: 'Transfers',
  schedule: 'Schedule',
  'records-center': 'Records Center',
  settings: 'Settings',
};

export interface Route {
  screen: ScreenName;
  /** The open box on the catalog screen. */
  boxId?: number;
  /** The folder to select in that box's grid. */
  folderId?: number;
  /** The open accession on a records center's Accessions screen. */
  accessionId?: number;
  /** The open request: a department's on Requests back, a center's on Requests. */
  requestId?: number;
  /** The open disposition notice (either side). */
  noticeId?: number;
  /** The open legal hold (either side). */
  holdId?: number;
}

const positiveId = (text: string | undefined) => (text && /^[1-9]\d{0,14}$/.test(text) ? Number(text) : undefined);

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const screen = (screens as readonly string[]).includes(parts[0] ?? '') ? (parts[0] as ScreenName) : 'catalog';
  if (screen === 'accessions') {
    const accessionId = positiveId(parts[1]);
    return accessionId === undefined ? { screen } : { screen, accessionId };
  }
  if (screen === 'disposition') {
    const noticeId = positiveId(parts[1]);
    return noticeId === undefined ? { screen } : { screen, noticeId };
  }
  if (screen === 'holds') {
    const holdId = positiveId(parts[1]);
    return holdId === undefined ? { screen } : { screen, holdId };
  }
  if (screen === 'requests' || screen === 'retrievals') {
    const requestId = positiveId(parts[1]);
    return requestId === undefined ? { screen } : { screen, requestId };
  }
  if (screen !== 'catalog' || parts[1] !== 'box') return { screen };
  const boxId = positiveId(parts[2]);
  if (boxId === undefined) return { screen };
  const folderId = parts[3] === 'folder' ? positiveId(parts[4]) : undefined;
  return folderId === undefined ? { screen, boxId } : { screen, boxId, folderId };
}

export function routeHref(route: Route): string {
  let href = `#/${route.screen}`;
  if (route.screen === 'accessions' && route.accessionId !== undefined) href += `/${route.accessionId}`;
  if ((route.screen === 'requests' || route.screen === 'retrievals') && route.requestId !== undefined) href += `/${route.requestId}`;
  if (route.screen === 'disposition' && route.noticeId !== undefined) href += `/${route.noticeId}`;
  if (route.screen === 'holds' && route.holdId !== undefined) href += `/${route.holdId}`;
  if (route.screen === 'catalog' && route.boxId !== undefined) {
    href += `/box/${route.boxId}`;
    if (route.folderId !== undefined) href += `/folder/${route.folderId}`;
  }
  return href;
}
