import type { LetterBlock, LetterView } from '../documents/letter/letter-view.ts';
import { emailStyle } from './email-style.ts';

export interface EmailBodyProps {
  view: LetterView;
  /** "The letter is attached as a PDF (…)." */
  attachmentNote: string;
  /** who sent it and how to reach them */
  footer: string;
}

/**
 * The HTML body of a stage e-mail: the letter's own blocks (the same view as the PDF), with
 * `<html lang dir>`, inline styles, layout tables, no images and no remote resources. Every
 * string is a React text child, so React escapes it; nothing is set as raw HTML.
 *
 * @example renderToStaticMarkup(<EmailBody view={letterView(source, t)} attachmentNote={…} footer={…} />)
 * @see shared/DESIGN.md "Languages are first class" (dir="rtl" for Hebrew)
 */
export function EmailBody({ view, attachmentNote, footer }: EmailBodyProps) {
  const s = emailStyle(view.dir);
  return (
    <html lang={view.locale} dir={view.dir}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{view.subject}</title>
      </head>
      <body style={s.body} dir={view.dir}>
        <table role="presentation" style={s.outer} cellPadding={0} cellSpacing={0}>
          <tbody>
            <tr>
              <td align="center" style={{ padding: '24px 12px' }}>
                <table role="presentation" style={s.card} cellPadding={0} cellSpacing={0} dir={view.dir}>
                  <tbody>
                    <tr>
                      <td style={s.content}>
                        <p style={s.subject}>{view.subject}</p>
                        <p style={s.references}>{[view.placeDate, ...view.references].join(' · ')}</p>
                        <p style={s.para}>{view.salutation}</p>
                        {view.blocks.map((block, i) => (
                          <Block key={i} block={block} s={s} />
                        ))}
                        <p style={{ ...s.para, margin: '18px 0 2px' }}>{view.closing}</p>
                        <p style={{ ...s.para, margin: '0 0 14px' }}>
                          <strong>{view.signatory}</strong>
                          {view.signatoryLines.map((line, i) => (
                            <span key={i}>
                              <br />
                              {line}
                            </span>
                          ))}
                        </p>
                        <p style={s.muted}>{view.contact}</p>
                        <hr style={s.rule} />
                        <p style={s.muted}>{attachmentNote}</p>
                        <p style={s.muted}>{footer}</p>
                      </td>
                    </tr>
                  </tbody>
                </table>
              </td>
            </tr>
          </tbody>
        </table>
      </body>
    </html>
  );
}

function Block({ block, s }: { block: LetterBlock; s: ReturnType<typeof emailStyle> }) {
  switch (block.kind) {
    case 'para':
      return <p style={block.quote ? s.quote : s.para}>{block.text}</p>;
    case 'table':
      return (
        <table style={s.table} cellPadding={0} cellSpacing={0}>
          <thead>
            <tr>
              {block.columns.map((c, i) => (
                <th key={i} style={s.th(c.align)}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => (
                  <td key={i} style={s.td(block.columns[i]?.align ?? 'start')}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'sums':
      return (
        <table role="presentation" style={s.table} cellPadding={0} cellSpacing={0}>
          <tbody>
            {block.rows.map((row, i) => (
              <tr key={i}>
                <td style={{ width: '30%' }} />
                <td style={s.sum(row.strong === true, 'start')}>{row.label}</td>
                <td style={s.sum(row.strong === true, 'end')}>{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'box':
      return (
        <div style={s.box}>
          <p style={s.boxHeading}>{block.heading}</p>
          {block.lines.map((line, i) => (
            <p key={i} style={s.boxLine}>
              {line}
            </p>
          ))}
        </div>
      );
  }
}
