import type { Party } from '../../domain/schemas/party.ts';
import { cleanText } from './clean-text.ts';

/**
 * A party with every free-text field passed through {@link cleanText} (no bidi overrides, long
 * runs breakable), for printing in a letter and its e-mail. Identifiers the schema already restricts (e-mails, phone, IBAN, BIC,
 * country) are kept as they are.
 *
 * @example cleanParty(debtor).legalName // without U+202E
 * @see ./clean-text.ts
 */
export function cleanParty(party: Party): Party {
  const c = cleanText;
  const opt = (s: string | undefined) => (s === undefined ? undefined : c(s));
  return {
    ...party,
    legalName: c(party.legalName),
    tradingName: opt(party.tradingName),
    contactName: opt(party.contactName),
    taxId: opt(party.taxId),
    companyId: opt(party.companyId),
    address: { ...party.address, lines: party.address.lines.map(c), city: c(party.address.city), postalCode: opt(party.address.postalCode) },
    bank: party.bank ? { ...party.bank, accountName: c(party.bank.accountName), details: opt(party.bank.details) } : undefined,
  };
}
