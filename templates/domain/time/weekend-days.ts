/**
 * Weekend days by country, ISO weekdays (1 = Monday … 7 = Sunday), from CLDR's weekData
 * (`supplemental/weekData.xml`, `<weekendStart>`/`<weekendEnd>`), the same data behind
 * `Intl.Locale#getWeekInfo()`. Kept as data here because not every browser implements
 * `getWeekInfo` and a plan must be the same in the site and on the server; a test checks this
 * table against the host's Intl.
 *
 * @see https://github.com/unicode-org/cldr/blob/main/common/supplemental/weekData.xml
 */
const exceptions: Readonly<Record<string, readonly number[]>> = {
  AF: [4, 5],
  BH: [5, 6],
  DZ: [5, 6],
  EG: [5, 6],
  IL: [5, 6],
  IQ: [5, 6],
  IR: [5],
  JO: [5, 6],
  KW: [5, 6],
  LY: [5, 6],
  OM: [5, 6],
  QA: [5, 6],
  SA: [5, 6],
  SD: [5, 6],
  SY: [5, 6],
  YE: [5, 6],
  IN: [7],
  UG: [7],
};

/** Every other country: Saturday and Sunday (CLDR's world default, region 001). */
const worldDefault: readonly number[] = [6, 7];

/**
 * The weekend days of a country (ISO 3166-1 alpha-2).
 *
 * @example weekendDays('IL') // [5, 6]  Friday and Saturday
 * @example weekendDays('FR') // [6, 7]
 */
export function weekendDays(country: string): readonly number[] {
  return exceptions[country.toUpperCase()] ?? worldDefault;
}

/** Countries whose weekend differs from Saturday–Sunday. */
export const weekendExceptions: readonly string[] = Object.keys(exceptions);
