// Exchange files read on their own, with or without a catalog open: verifying a transfer package (or any BagIt bag).
import { z } from 'zod';
import type { PackageVerification } from '../exchange/bag-report';
import { reads, result } from './contract-kit';
import { fileRefSchema } from './file-ref';

export type { PackageVerification };

export const exchangeContract = {
  /**
   * Checks a package folder or .zip (any BagIt bag) by RFC 8493 and, for a Transmittal package, its manifest. The
   * package is a file reference: a folder or zip path (desktop, CLI), or an uploaded zip (browser).
   */
  'packages.verify': { ...reads(), input: z.object({ file: fileRefSchema }).strict(), result: result<PackageVerification>() },
} as const;
