/** When a stage must run: the UTC instant and the debtor's wall clock (what EventBridge Scheduler takes). */
export interface ScheduleEntry {
  caseId: string;
  stageId: string;
  instant: string;
  localDate: string;
  localTime: string;
  timeZone: string;
}

/**
 * Wakes the stage sender at a stage's time. Local: due-times are the store's `scheduled` stages
 * and a timer loop wakes for the earliest; AWS: one EventBridge Scheduler one-time schedule for the
 * next stage of each case. `schedule` is idempotent for the same stage; `cancel` of an unknown
 * stage is not an error.
 */
export interface Scheduler {
  schedule(entry: ScheduleEntry): Promise<void>;
  cancel(caseId: string, stageId: string): Promise<void>;
}
