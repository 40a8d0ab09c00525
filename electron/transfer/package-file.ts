// The zip of a transfer package offered for download, so the browser UI can save it: the web shell runs on the
// server, and a path on the server is of no use to the person at the browser. The zip is streamed from disk.
import type { DownloadOffer } from '../../shared/api/file-ref';
import { AppError } from '../../shared/domain/errors';
import type { CatalogContext } from '../catalog/context';
import type { FileExchange } from '../runtime/file-exchange';

/**
 * The zip each transfer's last finished package job wrote. Kept per open catalog (transfer ids are per catalog), in
 * memory: a package made in another session, or by the CLI with --out, is not known here and must be made again.
 */
export class WrittenPackages {
  private readonly zips = new WeakMap<CatalogContext, Map<number, string>>();

  record(context: CatalogContext, transferId: number, zip: string): void {
    const byTransfer = this.zips.get(context) ?? new Map<number, string>();
    byTransfer.set(transferId, zip);
    this.zips.set(context, byTransfer);
  }

  async offer(context: CatalogContext, transferId: number, files: FileExchange): Promise<DownloadOffer> {
    const zip = this.zips.get(context)?.get(transferId);
    if (!zip) throw new AppError('not-found', 'Create the transfer package first.', { field: 'id' });
    try {
      return await files.offer(zip);
    } catch (error) {
      // Deleted or moved on disk since: making it again is the way back.
      if (error instanceof AppError && error.code === 'not-found') throw new AppError('not-found', 'The package is no longer where it was written: create the transfer package again.', { field: 'id' });
      throw error;
    }
  }
}
