/**
 * The Content-Security-Policy CloudFront sends with every response. It allows what the built site
 * needs, and nothing from another origin:
 *
 * - `script-src 'unsafe-inline'`: Astro's island hydration scripts are inline and change with
 *   every build (hashes would have to be regenerated at deployment);
 * - `'wasm-unsafe-eval'`: React-PDF's layout engine (yoga) is WebAssembly, compiled in the PDF
 *   worker;
 * - `worker-src blob:`, `connect-src blob: data:`, `font-src blob:`: the PDF worker and the fonts
 *   it hands to React-PDF as blob: URLs;
 * - `frame-src blob:`: the preview shows the PDF in an iframe on a blob: URL (Chromium's viewer
 *   works with `object-src 'none'`);
 * - `frame-ancestors 'none'`: no framing (as X-Frame-Options DENY).
 *
 * Checked in Chromium against site/dist: every page of /en/ loads and the ladder's letter preview
 * renders with no violation; without 'unsafe-inline' the islands are refused, without
 * 'wasm-unsafe-eval' the preview fails.
 *
 * @example securityHeadersBehavior: { contentSecurityPolicy: { contentSecurityPolicy: siteContentSecurityPolicy, override: true } }
 */
export const siteContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data: blob:",
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
