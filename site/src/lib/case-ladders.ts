import { caseLadderKeys, readyLadders } from '../../../templates/ladders/ready-ladders.ts';
import type { Ladder } from '../../../templates/domain/schemas/ladder.ts';

/** The ready ladders a case can name (tracking, pressure scale, gentle), as data for an island's props. */
export function caseLadders(): Ladder[] {
  return caseLadderKeys.map((key) => readyLadders[key]!);
}
