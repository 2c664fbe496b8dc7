import type { Jurisdiction } from '../schemas/jurisdiction.ts';
import type { DayCountConvention } from './day-count.ts';
import type { InterestOptions } from './interest-options.ts';

/**
 * The day count a jurisdiction uses, statutory or contractual interest alike:
 * - Russia: `act/act` (365/366 by year; Plenum ВС РФ №7 para 84) – fixed by the courts;
 * - Germany: option `germanDayCount` (default `act/act`; disputed [U]);
 * - England & Wales, the Directive, France, Israel, the US: `act/365` (gov.uk and bpifrance
 *   divide by 365), or `act/act` with `leapYearDivisor: 'actual'` (leap years [U]).
 *
 * @example dayCountConventionFor('GB', InterestOptionsSchema.parse({})) // 'act/365'
 * @see shared/LEGAL.md §0.3, §4.1, §5.1, §12.1, §12.3
 */
export function dayCountConventionFor(jurisdiction: Jurisdiction, options: InterestOptions): DayCountConvention {
  if (jurisdiction === 'RU') return 'act/act';
  if (jurisdiction === 'DE') return options.germanDayCount;
  return options.leapYearDivisor === 'actual' ? 'act/act' : 'act/365';
}
