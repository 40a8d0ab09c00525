// Verifying a transfer package: the bag checks, and when the bag holds (or claims) our manifest, the manifest checks,
// as one report with one verdict. The CLI and the app reach it through the API's packages.verify.
import type { PackageVerification } from '../../shared/exchange/bag-report';
import { checkTransmittalManifest, type ManifestCheck } from './bagit/check-manifest';
import { verifyBagDirectory, withBagDirectory } from './bagit/verify-bag';

/** The bag checks and, when the bag holds our manifest, the manifest checks: one report, one verdict. */
export async function verifyPackage(dirOrZip: string): Promise<PackageVerification> {
  return withBagDirectory(dirOrZip, async (bagRoot) => {
    const report = await verifyBagDirectory(bagRoot);
    const manifest: ManifestCheck = await checkTransmittalManifest(bagRoot);
    if (!manifest.present) return report;
    const errors = [...report.errors, ...manifest.errors];
    return {
      ...report,
      valid: errors.length === 0,
      errors,
      transmittal: { transferNumber: manifest.transferNumber, fingerprint: manifest.fingerprint },
    };
  });
}
