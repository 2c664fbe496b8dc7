import type { SegmentRate } from '../../domain/interest/interest-result.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import type { Translator } from '../../i18n/translator.ts';

/**
 * How a segment's annual rate was obtained, in the document's language, from the engine's
 * structured rate (never from its English `explanation`): "Bank of England Bank Rate 3.75% on
 * 31 December 2025 + 8 percentage points = 11.75%", "Bank of Russia key rate 15% in force from
 * 23 March 2026", "9% a year, fixed by N.Y. CPLR 5001(a), 5004", "contract rate 1% a month = 12% a year".
 * `ruleCitation` (the rule's `citation`) names the statute of a rate fixed by statute.
 *
 * @example rateExplanation(result.segments[0].rate, translator('en-GB'), result.rule.citation)
 * @see shared/LEGAL.md §0.1 (the three rate-change models)
 */
export function rateExplanation(rate: SegmentRate, t: Translator, ruleCitation = ''): string {
  const reference = rate.reference;
  const tableName = reference ? t.t(`legal.rateTable.${reference.table}` as MessageKey) : '';
  let text: string;
  switch (rate.kind) {
    case 'reference-plus-margin':
      text = t.t('statement.rate.referencePlusMargin', {
        reference: tableName,
        refRate: t.percent(reference!.percent),
        date: t.date(reference!.date),
        margin: Number(rate.margin ?? '0'),
        rate: t.percent(rate.percent),
      });
      break;
    case 'reference':
      text = t.t('statement.rate.reference', { reference: tableName, rate: t.percent(rate.percent), date: t.date(reference!.entryFrom ?? reference!.date) });
      break;
    case 'statutory-fixed':
      text = t.t('statement.rate.statutoryFixed', { rate: t.percent(rate.percent), citation: t.ltr(ruleCitation) });
      break;
    case 'contractual': {
      const stated = rate.contractual ?? { percent: rate.percent, per: 'year' as const };
      text =
        stated.per === 'month'
          ? t.t('statement.rate.contractualMonth', { stated: t.percent(stated.percent), rate: t.percent(rate.percent) })
          : t.t('statement.rate.contractualYear', { rate: t.percent(rate.floor?.applied ? stated.percent : rate.percent) });
      break;
    }
  }
  if (rate.floor?.applied) text += `; ${t.t('statement.rate.floor', { floor: t.percent(rate.floor.percent) })}`;
  return text;
}
