import { z } from 'zod';

/**
 * True when the host's Intl knows `zone` as an IANA time zone name (`Europe/Paris`, `Asia/Jerusalem`).
 * Offsets such as `+02:00` and abbreviations such as `CET` are refused: a send time must follow the
 * client's DST rules, which only a zone name carries.
 */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+\-]+)+$/.test(zone) && zone !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const TimeZoneSchema = z
  .string()
  .refine(isTimeZone, { message: 'is not an IANA time zone name (for example Europe/Paris, Asia/Jerusalem, America/New_York)' })
  .describe('IANA time zone');

/** A local wall-clock time `HH:MM`, 24-hour. */
export const LocalTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a 24-hour time HH:MM, for example 10:00' });
