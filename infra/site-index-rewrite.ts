/**
 * The CloudFront Function (cloudfront-js-2.0, viewer request) in front of the site bucket. Astro
 * builds the site in directory format (`/en/cases/` is `en/cases/index.html`), and S3 behind
 * origin access control has no index documents, so the function names the file:
 * `/en/` → `/en/index.html`, `/en/cases` → `/en/cases/index.html`; a path whose last segment
 * has a dot (`/_astro/app.js`, `/favicon.svg`) is a file and passes as it is.
 *
 * It is on the site's behaviour only: /api/* goes to the API function untouched.
 *
 * @example indexRewrite('/fr/contract') // '/fr/contract/index.html'
 */
export const siteIndexRewriteCode = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.endsWith('/')) {
    request.uri = uri + 'index.html';
  } else if (uri.split('/').pop().indexOf('.') === -1) {
    request.uri = uri + '/index.html';
  }
  return request;
}`;
