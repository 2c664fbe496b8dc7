import { View } from '@react-pdf/renderer';
import type { Party } from '../../domain/schemas/party.ts';
import { Para } from './Para.tsx';
import { useT } from './direction.tsx';
import { theme } from './styles.ts';
import { isolate } from './isolate.ts';

/** A party's name, address and identifiers, under a small heading. */
export function PartyBlock({ heading, party, width = '48%' }: { heading: string; party: Party; width?: string }) {
  const tr = useT();
  const { t, locale, dir, ltr } = tr;
  const region = new Intl.DisplayNames([locale], { type: 'region' }).of(party.address.country) ?? party.address.country;
  return (
    <View style={{ width, alignSelf: dir === 'rtl' ? 'flex-end' : 'flex-start' }}>
      <Para style={{ color: theme.muted, fontSize: 8, marginBottom: 2 }}>{heading}</Para>
      <Para bold>{party.legalName}</Para>
      {party.tradingName ? <Para>{party.tradingName}</Para> : null}
      {party.contactName ? <Para>{party.contactName}</Para> : null}
      {party.address.lines.map((line, i) => (
        <Para key={i}>{line}</Para>
      ))}
      {cityLines(party.address).map((line, i) => (
        <Para key={`c${i}`}>{line}</Para>
      ))}
      <Para>{region}</Para>
      {party.taxId ? <Para>{t('common.vatId', { id: isolate(tr, party.taxId) })}</Para> : null}
      {party.companyId ? <Para>{t('common.companyId', { id: isolate(tr, party.companyId) })}</Para> : null}
      <Para>{t('common.email', { email: ltr(party.emails[0]!) })}</Para>
      {party.phone ? <Para>{t('common.phone', { phone: ltr(party.phone) })}</Para> : null}
    </View>
  );
}

/**
 * The city line(s) in the country's order: the postcode before the city in most of Europe, Russia
 * and Israel ("75019 Paris"); after it in North America and Australia ("New York, NY 10007"); on
 * its own line in the United Kingdom ("Leeds" / "LS1 4AP").
 */
export function cityLines(address: Party['address']): string[] {
  const { city, postalCode, region, country } = address;
  if (country === 'GB' || country === 'IE') return postalCode ? [city, postalCode] : [city];
  if (['US', 'CA', 'AU'].includes(country)) return [[`${city}${region ? `, ${region}` : ''}`, postalCode].filter(Boolean).join(' ')];
  if (country === 'RU') return [[postalCode, city].filter(Boolean).join(', ')];
  return [[postalCode, city].filter(Boolean).join(' ')];
}
