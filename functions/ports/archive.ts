/** A stored object: content-addressed by its SHA-256 (hex). */
export interface ArchivedObject {
  sha256: string;
  size: number;
  contentType: string;
}

/**
 * Evidence storage: the exact bytes of every letter and e-mail as sent, addressed by SHA-256, never
 * overwritten. Local: files on disk; AWS: S3 with a SHA-256 checksum on put.
 */
export interface Archive {
  put(bytes: Uint8Array, contentType: string): Promise<ArchivedObject>;
  get(sha256: string): Promise<Uint8Array | undefined>;
}
