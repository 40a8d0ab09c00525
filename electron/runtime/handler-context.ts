// What a feature's API handlers receive from the session: the open catalog, background jobs, and the workspace.
import type { CatalogContext } from '../catalog/context';
import type { FileExchange } from './file-exchange';
import type { Jobs } from './jobs';

export interface HandlerContext {
  /** The open catalog; throws 'no-catalog-open' when none is. */
  current(): CatalogContext;
  jobs: Jobs;
  /** Files by reference: uploads to resolve, downloads to offer. */
  files: FileExchange;
  workspaceDir: string;
  clock: () => Date;
  actor: string;
  appVersion: string;
}
