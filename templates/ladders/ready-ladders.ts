import { LadderSchema, type Ladder } from '../domain/schemas/ladder.ts';
import gentle from './gentle.json' with { type: 'json' };
import instalment from './instalment.json' with { type: 'json' };
import pressureScale from './pressure-scale.json' with { type: 'json' };
import tracking from './tracking.json' with { type: 'json' };

/**
 * The ladders Overdue ships, as data (the JSON files beside this one), validated on load.
 * `instalment` is used for payment-plan instalments, not offered as a case ladder.
 */
export const readyLadders: Readonly<Record<string, Ladder>> = Object.fromEntries(
  [tracking, pressureScale, gentle, instalment].map((data) => {
    const ladder = LadderSchema.parse(data);
    return [ladder.key, ladder];
  }),
);

/** Keys a case may name instead of an inline ladder. */
export const caseLadderKeys = ['tracking', 'pressure-scale', 'gentle'] as const;
