import { View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import type { Party } from '../../domain/schemas/party.ts';
import type { PlainDate } from '../../domain/time/plain-date.ts';
import { Para } from './Para.tsx';
import { PartyBlock } from './PartyBlock.tsx';
import { Row } from './Row.tsx';
import { useT } from './direction.tsx';
import { theme } from './styles.ts';

export interface LetterFrameProps {
  creditor: Party;
  debtor: Party;
  /** the date at the top of the letter (a formal letter's periods run from it) */
  date: PlainDate;
  /** reference lines under the date: our reference, invoice numbers… */
  references?: string[];
  /** bold subject line, e.g. "Mise en demeure de payer" */
  subject: string;
  /** "Dear Mr Hale," */
  salutation?: string;
  /** the body: paragraphs (use <Para>), tables */
  children: ReactNode;
  /** "Yours sincerely," */
  closing?: string;
  /** the person who signs; defaults to the creditor's contact or legal name */
  signatory?: string;
  /** leave room for a handwritten signature (formal letters) */
  signatureSpace?: boolean;
  /** the way to get in touch, printed last, muted */
  contact?: string;
}

/**
 * The frame of every letter: sender, recipient, place and date, references, subject, salutation,
 * body, closing and signature, and a way to get in touch. Mirrors in right-to-left languages.
 * Letters put it inside their own <Document> and <DocumentPage>.
 */
export function LetterFrame(props: LetterFrameProps) {
  const { t } = useT();
  const { creditor, debtor } = props;
  return (
    <View>
      <Row style={{ justifyContent: 'space-between', marginBottom: 14 }}>
        <PartyBlock heading={t('common.from')} party={creditor} />
        <View style={{ width: '40%' }}>
          <Para align="end">{t('common.letter.placeDate', { city: creditor.address.city, date: useT().date(props.date) })}</Para>
          {(props.references ?? []).map((r, i) => (
            <Para key={i} align="end" style={{ color: theme.muted, marginTop: 2 }}>
              {r}
            </Para>
          ))}
        </View>
      </Row>
      <PartyBlock heading={t('common.to')} party={debtor} width="60%" />
      <Para bold style={{ fontSize: 11.5, marginTop: 16, marginBottom: 10, color: theme.accent }}>
        {props.subject}
      </Para>
      {props.salutation ? <Para style={{ marginBottom: 8 }}>{props.salutation}</Para> : null}
      <View>{props.children}</View>
      {/* closing, signature and the way to get in touch stay together on one page */}
      <View wrap={false} style={{ marginTop: 14 }}>
        {props.closing ? <Para>{props.closing}</Para> : null}
        {props.signatureSpace ? <View style={{ height: 36 }} /> : null}
        <Para bold style={{ marginTop: props.signatureSpace ? 0 : 6 }}>
          {props.signatory ?? creditor.contactName ?? creditor.legalName}
        </Para>
        {creditor.tradingName ? <Para>{creditor.tradingName}</Para> : null}
        {props.contact ? <Para style={{ marginTop: 14, color: theme.muted }}>{props.contact}</Para> : null}
      </View>
    </View>
  );
}
