import { z } from 'zod';

/**
 * The choices the law leaves open, each named, documented and defaulted. shared/LEGAL.md marks
 * these points [U] (uncertain) or silent; the default is the reading we think best supported,
 * and every result lists the ones that mattered in `assumptions`.
 *
 * - `rounding` (LEGAL.md §0.5): `total` (default) computes each segment exactly and rounds the
 *   total half up to the minor unit; `segment` rounds each segment half up and adds them (Russian
 *   court-style tables); `daily` rounds the daily amount half up, then multiplies by the days
 *   (gov.uk's illustration: £1,000 at 8.5 % → 23p a day → £11.50 for 50 days).
 * - `leapYearDivisor` (§0.3, §12.1 [U]) for GB, EU, FR, IL and US: `365` (default; gov.uk divides
 *   by 365 and no source says otherwise) or `actual` (366 for the days of a leap year).
 *   Russia always uses the actual year (Plenum ВС РФ №7, para 84).
 * - `germanDayCount` (§4.1 [U]): `act/act` (default, the "Effektivzinsmethode" LEGAL.md
 *   recommends: actual days over 365 or 366), `act/365`, or `30E/360` (each month 30 days, February
 *   included: the "deutsche Zinsmethode", used in the court dunning procedure per some sources).
 * - `paymentDay` (§0.4): `interest-day` (default) – the day a payment is received is still an
 *   interest day on the balance before it, the principal falls from the next day (France, Russia,
 *   the German example; UK not specified [U]); `not-interest-day` – it falls on the payment day.
 * - `frenchDefaultRateFloor` (§3.1, §12.2 [U]): whether the default penalty rate (ECB + 10) is
 *   itself raised to 3 × the legal interest rate when that is higher (1H2024, 2H2024). Default
 *   `false`: L441-10 II applies the floor only to a contractual rate ("disposition contraire").
 * - `beyondRateTable`: a rate needed for a day after a table's `validUntil` (GB interest starting
 *   in 2H2026, a half-year whose ECB rate is not yet in the table …). `assume-last-known`
 *   (default) carries the last known rate forward, marks the segment provisional and adds a
 *   `rate-beyond-table` warning; `refuse` throws `RateUnavailableError`. A date before a table's
 *   first row is always refused: no rate can be determined.
 *
 * @example InterestOptionsSchema.parse({ rounding: 'daily' }) // other options at their defaults
 * @see shared/LEGAL.md §0 (cross-cutting findings) and §12 (open questions)
 */
export const InterestOptionsSchema = z
  .object({
    rounding: z.enum(['total', 'segment', 'daily'], { message: 'must be total, segment or daily' }).default('total'),
    leapYearDivisor: z.enum(['365', 'actual'], { message: 'must be 365 or actual' }).default('365'),
    germanDayCount: z.enum(['act/act', 'act/365', '30E/360'], { message: 'must be act/act, act/365 or 30E/360' }).default('act/act'),
    paymentDay: z.enum(['interest-day', 'not-interest-day'], { message: 'must be interest-day or not-interest-day' }).default('interest-day'),
    frenchDefaultRateFloor: z.boolean().default(false),
    beyondRateTable: z.enum(['assume-last-known', 'refuse'], { message: 'must be assume-last-known or refuse' }).default('assume-last-known'),
  })
  .strict();
export type InterestOptions = z.infer<typeof InterestOptionsSchema>;
