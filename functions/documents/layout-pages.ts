import layoutDocument from '@react-pdf/layout';
import type { SafeDocumentNode } from '@react-pdf/layout';

/** A node of React-PDF's instance tree (what the reconciler builds) or of its layout tree. */
interface PdfNode {
  type: string;
  props?: Record<string, unknown>;
  style?: unknown;
  box?: unknown;
  children?: PdfNode[];
  value?: string;
}

const SLOT = '__overdueSlot';
const SOURCE_PAGE = '__overduePage';

/**
 * Lays out a React-PDF document (the reconciler's instance tree) into pages, as
 * `@react-pdf/layout` does, but without re-laying out every page for a page-number footer.
 *
 * React-PDF 4.9 treats any page holding a `render` prop (our "Page X of Y" footer in
 * DocumentPage) as dynamic: while paginating it lays the whole page out again to call the
 * render prop with the page number, and once more at the end with the page total. For a
 * two-page invoice that is about four extra layouts of all its content (styles, Yoga, tree
 * copies): a third of the render time.
 *
 * When every dynamic node sits in a `fixed`, absolutely positioned child of a page (a footer or
 * header: out of the flow, so it cannot move the content), the content is laid out once with
 * an empty fixed placeholder in its place, and the fixed children alone are laid out on pages
 * of their own, one per output page with the same page props, by React-PDF's own pagination
 * (so `pageNumber`, `totalPages`, `subPageNumber` and `subPageTotalPages` are what React-PDF
 * would have passed). Their laid-out nodes then take the placeholders' places. Any other
 * document (a dynamic node in the flow, a page `layout`, the experimental paginator) goes
 * through `@react-pdf/layout` unchanged.
 *
 * @param document the instance tree, `pdf(element).container.document`
 * @param fontStore React-PDF's `Font` store
 * @example const layout = await layoutPages(pdf(<InvoiceDocument … />).container.document, Font)
 * @see test/functions/documents/render-pdf.test.ts (same pages as React-PDF's own pipeline)
 */
export async function layoutPages(document: unknown, fontStore: unknown): Promise<SafeDocumentNode> {
  // the published typing omits the font store React-PDF's renderer passes as the second argument
  const layout = layoutDocument as unknown as (doc: unknown, store: unknown) => Promise<SafeDocumentNode>;
  const root = document as PdfNode;
  const pages = root.children ?? [];
  const fixedDynamic: PdfNode[][] = pages.map(() => []);
  let dynamicCount = 0;
  for (const [i, page] of pages.entries()) {
    if (page.props?.layout || page.props?.experimentalPagination) return layout(document, fontStore);
    for (const child of page.children ?? []) {
      if (!hasDynamic(child)) continue;
      if (child.props?.fixed !== true || position(child.style) !== 'absolute') return layout(document, fontStore);
      fixedDynamic[i]!.push(child);
      dynamicCount += 1;
    }
  }
  if (dynamicCount === 0) return layout(document, fontStore);

  // 1. the content, with an empty fixed placeholder where each dynamic fixed child was
  let slot = 0;
  const slots = new Map<PdfNode, number>();
  for (const list of fixedDynamic) for (const child of list) slots.set(child, slot++);
  const content: PdfNode = {
    ...root,
    children: pages.map((page, i) => ({
      ...page,
      props: { ...page.props, [SOURCE_PAGE]: i },
      children: (page.children ?? []).map((child) => (slots.has(child) ? placeholder(slots.get(child)!) : child)),
    })),
  };
  const laidOut = await layout(content, fontStore);
  const outPages = (laidOut.children ?? []) as unknown as PdfNode[];
  const perSource = pages.map((_, i) => outPages.filter((p) => p.props?.[SOURCE_PAGE] === i).length);

  // 2. the dynamic fixed children alone, on as many pages per source page as the content took
  const chrome: PdfNode = {
    ...root,
    children: pages.map((page, i) => ({
      ...page,
      children: [
        ...fixedDynamic[i]!.map((child) => ({ ...child, props: { ...child.props, [SLOT]: slots.get(child) } })),
        ...Array.from({ length: Math.max(0, perSource[i]! - 1) }, () => pageBreak()),
      ],
    })),
  };
  const chromePages = ((await layout(chrome, fontStore)).children ?? []) as unknown as PdfNode[];
  if (chromePages.length !== outPages.length) return layout(document, fontStore);

  // 3. each output page gets its own laid-out chrome in place of the placeholders
  const children = outPages.map((page, k) => {
    const bySlot = new Map((chromePages[k]!.children ?? []).filter((c) => typeof c.props?.[SLOT] === 'number').map((c) => [c.props![SLOT] as number, c]));
    const { [SOURCE_PAGE]: _source, ...props } = page.props ?? {};
    return { ...page, props, children: (page.children ?? []).map((c) => (typeof c.props?.[SLOT] === 'number' ? (bySlot.get(c.props[SLOT] as number) ?? c) : c)) };
  });
  return { ...laidOut, children } as unknown as SafeDocumentNode;
}

function hasDynamic(node: PdfNode): boolean {
  if (node.props && typeof node.props.render === 'function') return true;
  return (node.children ?? []).some(hasDynamic);
}

function position(style: unknown): unknown {
  if (Array.isArray(style)) {
    let found: unknown;
    for (const s of style) {
      const p = position(s);
      if (p !== undefined) found = p;
    }
    return found;
  }
  return style && typeof style === 'object' ? (style as { position?: unknown }).position : undefined;
}

function placeholder(slot: number): PdfNode {
  return { type: 'VIEW', box: {}, style: { position: 'absolute', width: 0, height: 0 }, props: { fixed: true, [SLOT]: slot }, children: [] };
}

function pageBreak(): PdfNode {
  return { type: 'VIEW', box: {}, style: {}, props: { break: true }, children: [] };
}
