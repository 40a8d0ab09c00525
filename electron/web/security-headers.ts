// Headers every web-shell response carries, so the browser holds the renderer to the same rules as the Electron window.
import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

export function setSecurityHeaders(response: ServerResponse): void {
  // The same policy the Electron window sends, from one definition, so the two shells cannot drift apart.
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  // The address holds the token in its query string: never send it to anyone else.
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}
