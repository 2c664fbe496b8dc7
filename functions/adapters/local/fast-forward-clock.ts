import type { Clock } from '../../ports/clock.ts';

/** A virtual clock that only moves when told to: what fast-forward mode runs on. */
export interface FastForwardClock extends Clock {
  /** moves the clock to `instant`; an instant in the clock's past is ignored (time never runs back) */
  advanceTo(instant: Date | string): void;
}

/**
 * A virtual clock for demos and tests: it stands still at `start` until `advanceTo` moves it on,
 * so the process scheduler can jump from one due stage to the next and run a whole ladder in
 * seconds, every stage seeing its own instant as "now".
 *
 * @example
 * const clock = createFastForwardClock(new Date('2026-04-01T08:00:00Z'));
 * clock.advanceTo('2026-05-31T08:00:00.000Z');
 * clock.now().toISOString(); // '2026-05-31T08:00:00.000Z'
 */
export function createFastForwardClock(start: Date): FastForwardClock {
  let at = start.getTime();
  if (Number.isNaN(at)) throw new RangeError('createFastForwardClock: the start is not a valid date');
  return {
    now: () => new Date(at),
    advanceTo(instant: Date | string): void {
      const to = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
      if (Number.isNaN(to)) throw new RangeError(`FastForwardClock: ${String(instant)} is not a valid instant`);
      if (to > at) at = to;
    },
  };
}
