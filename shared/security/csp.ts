// The Content-Security-Policy of every app page. The renderer's index.html carries it as a meta tag (the only way a
// file:// page gets one) and Electron's main process also sends it as a response header, because `frame-ancestors`
// is ignored in a meta tag and a header cannot be removed by script in the page.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // React and the component library set inline style attributes; inline *scripts* stay forbidden.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');
