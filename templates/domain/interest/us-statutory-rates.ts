import { z } from 'zod';
import { PlainDateSchema } from '../time/plain-date.ts';
import data from './rates/us-statutory-rates.json' with { type: 'json' };

const StateRateSchema = z.object({
  percent: z.string().regex(/^\d{1,3}(\.\d{1,6})?$/),
  citation: z.string().min(1),
  description: z.string().min(1),
  source: z.string().min(1),
});

/**
 * The US state statutory rates LEGAL.md gives, read from `rates/us-statutory-rates.json`:
 * New York 9 % (CPLR 5004), California 10 % after breach (Civ. Code §3289(b)). Statutes, not a
 * published table, so `validUntil` is the day they were last checked.
 *
 * @example usStatutoryRates.rates['US-NY'].percent // '9'
 * @see shared/LEGAL.md §7.1
 */
export const usStatutoryRates = z
  .object({
    id: z.literal('us-statutory-rates'),
    name: z.string().min(1),
    unit: z.literal('percent per year'),
    source: z.string().min(1),
    lastChecked: PlainDateSchema,
    validUntil: PlainDateSchema,
    validUntilNote: z.string().min(1),
    rates: z.object({ 'US-NY': StateRateSchema, 'US-CA': StateRateSchema }),
  })
  .parse(data);
