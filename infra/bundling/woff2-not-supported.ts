/**
 * Stands in for `brotli/decompress.js` in the Lambda bundles (esbuild alias, see
 * esbuildOptions in ../overdue-function.ts). fontkit needs Brotli only to open WOFF2 fonts; the
 * functions render with TTF files (WOFF2 breaks React-PDF's subsetting anyway, see
 * shared/PITFALLS.md), and the decoder's dictionary is half a megabyte of every bundle.
 *
 * @example fontkit.create(woff2Bytes) // throws: WOFF2 fonts are not supported in the Lambda bundles …
 */
export default function decompress(): never {
  throw new Error('WOFF2 fonts are not supported in the Lambda bundles (fontkit\'s Brotli decoder is left out): use TTF files');
}
