// Exchange files read on their own, with or without a catalog open: verifying a transfer package (or any BagIt bag).
import { z } from 'zod';
import type { PackageVerification } from '../exchange/bag-report';
import { reads, result } from './contract-kit';

export type { PackageVerification };

export const exchangeContract = {
  /** Checks a package folder or .zip (any BagIt bag) by RFC 8493 and, for a Transmittal package, its manifest. */
  'packages.verify': { ...reads(), input: z.object({ path: z.string().trim().min(1).max(4096) }).strict(), result: result<PackageVerification>() },
} as const;
