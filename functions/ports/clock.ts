/** The time, injectable: a fixed clock in tests, a fast-forward clock for demos. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
