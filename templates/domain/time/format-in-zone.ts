import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';

/** date-fns `format` of an instant as seen on the wall clock of `timeZone`. */
export function formatInTimeZone(instant: string | Date, timeZone: string, pattern: string): string {
  return format(new TZDate(new Date(instant).getTime(), timeZone), pattern);
}
