/** A file-name-safe version of a document number or reference (`2026/04 A` → `2026-04-A`). */
export function safeName(s: string): string {
  return s.trim().replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60);
}
