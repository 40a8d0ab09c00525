// The seal of the exchange files written after a transfer (retrieval, disposition, legal holds): the RFC 8785
// canonical form of the file without its `fingerprint` member, whose SHA-256 the file carries as `fingerprint`. A file
// changed by hand after it was written no longer matches its seal.
import canonicalize from 'canonicalize';

export function canonicalUnsealed(file: object): string {
  const { fingerprint: _seal, ...rest } = file as { fingerprint?: unknown };
  const canonical = canonicalize(rest);
  if (canonical === undefined) throw new Error('The file cannot be put in canonical form');
  return canonical;
}
