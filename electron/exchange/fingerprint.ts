// Fingerprints of the exchange files: SHA-256 (lowercase hex) of the UTF-8 bytes of their RFC 8785 canonical form.
// A manifest's is printed on the receipt and every page of it, and the center computes the same number from the
// manifest it received; an acknowledgment's is printed on the center's receipt and kept by the department.
import { createHash } from 'node:crypto';
import { canonicalAcknowledgmentJson, type Acknowledgment } from '../../shared/exchange/acknowledgment';
import { canonicalManifestJson, type Manifest, type ManifestV1 } from '../../shared/exchange/manifest';
import { canonicalUnsealed } from '../../shared/exchange/seal';

export function manifestFingerprint(manifest: Manifest | ManifestV1): string {
  return createHash('sha256').update(canonicalManifestJson(manifest), 'utf8').digest('hex');
}

export function acknowledgmentFingerprint(acknowledgment: Acknowledgment): string {
  return createHash('sha256').update(canonicalAcknowledgmentJson(acknowledgment), 'utf8').digest('hex');
}

/**
 * The seal of a retrieval, disposition or legal hold file: the SHA-256 of its canonical form without its
 * `fingerprint` member (shared/exchange/seal.ts).
 */
export function sealFingerprint(file: object): string {
  return createHash('sha256').update(canonicalUnsealed(file), 'utf8').digest('hex');
}
