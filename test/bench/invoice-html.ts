import type { InvoiceView } from '../../templates/documents/invoice/invoice-view.ts';
import type { Party } from '../../templates/domain/schemas/party.ts';
import type { Translator } from '../../templates/i18n/translator.ts';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The invoice as plain HTML for the Chromium baseline of `npm run bench -- pdf`: the same
 * strings (from invoiceView) and the same arrangement as InvoiceDocument (parties and heading
 * side by side, the lines table with its header repeated on each page, totals, terms, payment
 * details, contact), A4 with the same margins (page.pdf margins), Arimo's metric twin Liberation Sans, mirrored
 * with `dir="rtl"` in Hebrew. The "Page X of Y" footer comes from page.pdf's footer template.
 */
export function invoiceHtml(view: InvoiceView, t: Translator, creditor: Party, debtor: Party): string {
  const party = (heading: string, p: Party) =>
    `<div class="party"><div class="muted small">${escape(heading)}</div><b>${escape(p.legalName)}</b>` +
    [p.tradingName, p.contactName, ...p.address.lines, [p.address.postalCode, p.address.city].filter(Boolean).join(' '), p.address.country, p.taxId, p.companyId, p.emails[0], p.phone]
      .filter((x): x is string => Boolean(x))
      .map((x) => `<div>${escape(x)}</div>`)
      .join('') +
    '</div>';
  const end = t.dir === 'rtl' ? 'left' : 'right';
  const cols = [view.columns.description, view.columns.quantity, view.columns.unitPrice, view.columns.taxRate, view.columns.amount];
  return `<!doctype html><html lang="${t.locale}" dir="${t.dir}"><head><meta charset="utf-8"><title>${escape(view.heading)}</title><style>
@page { size: A4; }
body { font-family: Arimo, 'Liberation Sans', sans-serif; font-size: 9.5pt; color: #1a1a1a; margin: 0; }
.row { display: flex; justify-content: space-between; margin-bottom: 18pt; }
.party { width: 48%; } .meta { width: 40%; text-align: ${end}; } h1 { font-size: 18pt; color: #1f4e79; margin: 0 0 3pt; }
.muted { color: #5f6368; } .small { font-size: 8pt; }
table { width: 100%; border-collapse: collapse; margin: 8pt 0; } thead { display: table-header-group; }
th { font-size: 8.5pt; color: #5f6368; text-align: start; border-bottom: 1pt solid #1a1a1a; padding: 0 3pt 3pt; }
td { padding: 3pt; border-bottom: 0.5pt solid #d0d4d9; } tr { break-inside: avoid; } .num { text-align: ${end}; }
.sums { width: 55%; margin-${t.dir === 'rtl' ? 'right' : 'left'}: auto; break-inside: avoid; } .sums div { display: flex; justify-content: space-between; padding: 2pt 0; }
.strong { font-weight: 700; border-top: 1pt solid #1a1a1a; } .box { background: #f3f5f8; padding: 8pt; margin-top: 14pt; break-inside: avoid; }
</style></head><body>
<div class="row">${party(t.t('common.from'), creditor)}<div class="meta"><h1>${escape(view.heading)}</h1>${view.meta.map((m) => `<div>${escape(m.label)}: ${escape(m.value)}</div>`).join('')}</div></div>
${party(t.t('invoice.billTo'), debtor)}
${view.contractLine ? `<p class="muted">${escape(view.contractLine)}</p>` : ''}
<table><thead><tr>${cols.map((c, i) => `<th class="${i ? 'num' : ''}" style="width:${[46, 9, 17, 9, 19][i]}%">${escape(c)}</th>`).join('')}</tr></thead><tbody>
${view.lines.map((line) => `<tr>${line.map((cell, i) => `<td class="${i ? 'num' : ''}">${escape(cell)}</td>`).join('')}</tr>`).join('\n')}
</tbody></table>
<div class="sums">${view.totals.map((r) => `<div class="${r.strong ? 'strong' : ''}"><span>${escape(r.label)}</span><span>${escape(r.value)}</span></div>`).join('')}</div>
<div style="margin-top:14pt;break-inside:avoid"><b>${escape(view.termsHeading)}</b>${view.terms.map((l) => `<div>${escape(l)}</div>`).join('')}</div>
${view.bank ? `<div class="box"><b>${escape(view.bank.heading)}</b>${view.bank.lines.map((l) => `<div>${escape(l)}</div>`).join('')}</div>` : ''}
<p class="muted">${escape(view.contact)}</p>
</body></html>`;
}

/** page.pdf's footer: "Page X of Y" in the invoice's language, at the end of the line. */
export function pageFooterTemplate(t: Translator): string {
  const text = escape(t.t('common.page', { page: '9991', total: '9992' }))
    .replace('9991', '<span class="pageNumber"></span>')
    .replace('9992', '<span class="totalPages"></span>');
  return `<div dir="${t.dir}" style="width:100%;margin:0 48pt;font-family:'Liberation Sans',sans-serif;font-size:7.5pt;color:#5f6368;text-align:${t.dir === 'rtl' ? 'left' : 'right'};border-top:0.5pt solid #d0d4d9;padding-top:4pt">${text}</div>`;
}
