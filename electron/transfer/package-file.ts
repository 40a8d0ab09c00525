// The zip of a transfer package handed over as bytes, so the browser UI can download it: the web shell runs on
// the server, and a path on the server is of no use to the person at the browser.
import { stat } from 'node:fs/promises';
import { readRegularFile } from '../storage/regular-file';
import { basename } from 'node:path';
import type { PackageFile } from '../../shared/api/contract-transfers';
import { AppError } from '../../shared/domain/errors';
import type { CatalogContext } from '../catalog/context';
import { hasErrorCode } from '../storage/file-system';

/** Base64 in a JSON answer is 4/3 the size and held in memory on both sides: bigger packages are copied from disk. */
export const MAX_PACKAGE_DOWNLOAD_BYTES = 40 * 1024 * 1024;

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

  async read(context: CatalogContext, transferId: number, limit = MAX_PACKAGE_DOWNLOAD_BYTES): Promise<PackageFile> {
    const notYet = () => new AppError('not-found', 'Create the transfer package first.', { field: 'id' });
    const zip = this.zips.get(context)?.get(transferId);
    if (!zip) throw notYet();
    let size: number;
    try {
      size = (await stat(zip)).size;
    } catch (error) {
      // Deleted or moved on disk since: making it again is the way back.
      if (hasErrorCode(error, 'ENOENT', 'ENOTDIR')) throw notYet();
      throw error;
    }
    if (size > limit) {
      const folder = zip.replace(/\.zip$/, '');
      const megabytes = (size / (1024 * 1024)).toFixed(1);
      throw new AppError(
        'invalid-input',
        `The package is ${megabytes} MB, too large to download here (the limit is ${Math.round(limit / (1024 * 1024))} MB). Copy it from ${folder} (or ${zip}) instead.`,
        { field: 'id', file: zip },
      );
    }
    const bytes = await readRegularFile(zip);
    return { fileName: basename(zip), bytesBase64: bytes.toString('base64') };
  }
}
