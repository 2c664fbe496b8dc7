/** The site's pages under `/<lang>/`, in navigation order; the key names their catalog entries (`pages.<key>.title`). */
export const sitePages = [
  { key: 'home', path: '' },
  { key: 'contract', path: 'contract/' },
  { key: 'invoice', path: 'invoice/' },
  { key: 'ladder', path: 'ladder/' },
  { key: 'cases', path: 'cases/' },
  { key: 'tasks', path: 'tasks/' },
] as const;

export type PageKey = (typeof sitePages)[number]['key'] | 'case';
