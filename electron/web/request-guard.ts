// Who may talk to the web shell: only this machine's browser, through the address we printed, holding this run's token.
// A page on another site can reach 127.0.0.1 too (DNS rebinding, cross-site fetch), so Host, Origin and the token
// are each checked; any one of them alone would leave a hole.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh secret per run: 24 random bytes, URL-safe so it can sit in the printed address. */
export function createToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * The Host header must name the loopback address and our port exactly. A rebinding attack reaches us under the
 * attacker's host name, so anything else is refused.
 */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const normalized = host.trim().toLowerCase();
  return normalized === `127.0.0.1:${port}` || normalized === `localhost:${port}`;
}

/** Browsers send Origin on cross-site and on POST requests; when present it must be our own origin. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  // Compared as parsed origins, never by string prefix: "http://127.0.0.1:80.evil.example" must not pass.
  return parsed.origin === `http://127.0.0.1:${port}` || parsed.origin === `http://localhost:${port}`;
}

/**
 * Constant-time comparison. Both sides are hashed first so the comparison has equal lengths and the time taken
 * does not reveal the token's length either.
 */
export function tokenMatches(presented: string | string[] | undefined, expected: string): boolean {
  if (typeof presented !== 'string' || presented.length === 0) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
