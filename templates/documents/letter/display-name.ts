import type { Party } from '../../domain/schemas/party.ts';
import { cleanText } from './clean-text.ts';

/**
 * A party's name as the reader knows it: the trading name, else the legal name, cleaned for
 * printing. Letters name the creditor this way in sentences and in the e-mail's From.
 *
 * @example displayName({ legalName: 'Jane Porter', tradingName: 'Porter Design', … }) // 'Porter Design'
 * @see ./clean-text.ts
 */
export function displayName(party: Pick<Party, 'legalName' | 'tradingName'>): string {
  return cleanText(party.tradingName ?? party.legalName);
}
