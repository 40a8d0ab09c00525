// The Catalog entry in the navigation: the lists, or one box when the address names it.
import type { Route } from '../app/routes';
import { BoxDetail } from './box-detail';
import { CatalogScreen } from './catalog-screen';
import type { CatalogView } from './catalog-view';

export function CatalogArea({ route, view, onViewChange }: { route: Route; view: CatalogView; onViewChange: (next: CatalogView) => void }) {
  if (route.boxId !== undefined) return <BoxDetail key={`${route.boxId}:${route.folderId ?? ""}`} boxId={route.boxId} folderId={route.folderId} />;
  return <CatalogScreen state={view} onStateChange={onViewChange} />;
}
