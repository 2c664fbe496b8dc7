import type { Bundle } from './build-bundle.tsx';

/**
 * Where a built bundle goes when it should not travel in the API's own answer: given the bundle,
 * the URL it can be downloaded from for a short while, or `undefined` to answer with the ZIP
 * itself. On AWS a Lambda answer holds at most 6 MB (binary bodies are base64-encoded, so about
 * 4.5 MB of ZIP): larger bundles go through S3 (functions/adapters/aws/s3-bundle-delivery.ts).
 * Locally there is no limit and no delivery: the ZIP is the answer.
 */
export type BundleDelivery = (bundle: Bundle) => Promise<string | undefined>;
