import { z } from 'zod';

/** A percentage as a decimal string, 0–100, at most 4 decimals: `"8"`, `"12.5"`, `"33.3333"`. */
export const PercentSchema = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,4})?$/, { message: 'must be a percentage such as 30 or 12.5' })
  .refine((s) => Number(s) <= 100, { message: 'must be at most 100' });

/** An interest rate per year or per month, as a percentage string. */
export const RateSchema = z.strictObject({
  percent: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,6})?$/, { message: 'must be a rate such as 8 or 1.5' })
    .refine((s) => Number(s) <= 200, { message: 'must be at most 200 %' }),
  per: z.enum(['year', 'month'], { message: 'must be year or month' }),
});
export type Rate = z.infer<typeof RateSchema>;
