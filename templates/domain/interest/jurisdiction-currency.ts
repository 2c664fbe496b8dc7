import type { Jurisdiction } from '../schemas/jurisdiction.ts';

/**
 * The currency a jurisdiction's statutory figures are written in. Statutory interest (a rate tied
 * to that currency's central bank or fixed by that state's statute) and statutory fixed
 * compensation (£40/£70/£100, 40 €) are computed only for debts in this currency; a debt in
 * another currency can still carry contractual interest.
 *
 * @example jurisdictionCurrency('DE') // 'EUR'
 * @see shared/LEGAL.md §1.1 (Bank Rate), §2 (ECB rate, euro area), §5.1 (Bank of Russia), §7.1
 */
export function jurisdictionCurrency(jurisdiction: Jurisdiction): string {
  switch (jurisdiction) {
    case 'GB':
      return 'GBP';
    case 'EU':
    case 'FR':
    case 'DE':
      return 'EUR';
    case 'RU':
      return 'RUB';
    case 'IL':
      return 'ILS';
    case 'US-NY':
    case 'US-CA':
      return 'USD';
  }
}
