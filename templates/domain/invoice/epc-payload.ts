import type { Money } from '../money/money.ts';

/**
 * The payload of an EPC QR code ("GiroCode", SEPA credit transfer), version 002, UTF-8:
 * service tag, version, character set, identification, BIC (optional in 002), name (≤ 70),
 * IBAN, amount (EUR, ≤ 999999999.99), purpose, structured reference, unstructured remittance
 * (≤ 140). Returns `undefined` when the transfer cannot be expressed (not EUR, no IBAN).
 *
 * @example epcPayload({ name: 'Claire Martin', iban: 'FR7630006000011234567890189', amount: { currency: 'EUR', amount: '4032.00' }, remittance: 'F-2026-031' })
 * @see https://www.europeanpaymentscouncil.eu/document-library/guidance-documents/quick-response-code-guidelines-enable-data-capture-initiation
 */
export function epcPayload(input: { name: string; iban?: string | undefined; bic?: string | undefined; amount: Money; remittance: string }): string | undefined {
  if (input.amount.currency !== 'EUR' || !input.iban) return undefined;
  const amount = Number(input.amount.amount);
  if (!(amount >= 0.01 && amount <= 999_999_999.99)) return undefined;
  return ['BCD', '002', '1', 'SCT', input.bic ?? '', input.name.slice(0, 70), input.iban, `EUR${input.amount.amount}`, '', '', input.remittance.slice(0, 140)].join('\n');
}
