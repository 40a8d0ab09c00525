// A manifest's fingerprint: SHA-256 (lowercase hex) of the UTF-8 bytes of its RFC 8785 canonical form. Printed on
// the receipt and every page of it; the center computes the same number from the manifest it received.
import { createHash } from 'node:crypto';
import { canonicalManifestJson, type Manifest, type ManifestV1 } from '../../shared/exchange/manifest';

export function manifestFingerprint(manifest: Manifest | ManifestV1): string {
  return createHash('sha256').update(canonicalManifestJson(manifest), 'utf8').digest('hex');
}
