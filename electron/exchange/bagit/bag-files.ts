// What is on disk in a bag: every file with its size (never following links out of it) and checksums computed in
// one read per file, however many manifests ask for them.
import { createHash, type Hash } from 'node:crypto';
import { lstat, readdir } from 'node:fs/promises';
import { streamRegularFile } from '../../storage/regular-file';
import { join } from 'node:path';
import { hashNameOf } from './manifest-lines';

export interface BagListing {
  /** Files under data/, by path relative to the bag root ("data/x.pdf"), with their size. */
  payload: Map<string, number>;
  /** Every other file, by path relative to the bag root. */
  tag: Map<string, number>;
  /** Symbolic links and other non-files, which a bag must not hold. */
  strange: string[];
  hasPayloadDirectory: boolean;
}

/** Walks the bag with lstat, so a symbolic link is reported rather than followed outside the bag. */
export async function listBag(root: string): Promise<BagListing> {
  const listing: BagListing = { payload: new Map(), tag: new Map(), strange: [], hasPayloadDirectory: false };
  async function walk(relative: string): Promise<void> {
    const names = await readdir(join(root, relative));
    names.sort();
    for (const name of names) {
      const path = relative === '' ? name : `${relative}/${name}`;
      const stats = await lstat(join(root, path));
      if (stats.isDirectory()) {
        if (path === 'data') listing.hasPayloadDirectory = true;
        await walk(path);
      } else if (stats.isFile()) {
        (path.startsWith('data/') ? listing.payload : listing.tag).set(path, stats.size);
      } else {
        listing.strange.push(path);
      }
    }
  }
  await walk('');
  return listing;
}

/** Checksums (lowercase hex) of one file for each manifest algorithm asked, in a single pass over its bytes. */
export async function hashFile(path: string, algorithms: string[]): Promise<Map<string, string>> {
  const hashes = new Map<string, Hash>(algorithms.map((algorithm) => [algorithm, createHash(hashNameOf(algorithm))]));
  // Opened as an ordinary file or not at all: a FIFO swapped in after the listing would never end.
  for await (const chunk of await streamRegularFile(path)) {
    for (const hash of hashes.values()) hash.update(chunk as Buffer);
  }
  return new Map([...hashes].map(([algorithm, hash]) => [algorithm, hash.digest('hex')]));
}

/** Hashes many files a few at a time: enough to keep a disk busy without opening thousands of files at once. */
export async function hashFiles(root: string, wanted: Map<string, Set<string>>, parallel = 8): Promise<Map<string, Map<string, string>>> {
  const results = new Map<string, Map<string, string>>();
  const queue = [...wanted.entries()];
  let next = 0;
  async function worker(): Promise<void> {
    while (next < queue.length) {
      const [path, algorithms] = queue[next++];
      results.set(path, await hashFile(join(root, path), [...algorithms]));
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, queue.length) }, worker));
  return results;
}
