export { validateCron, validateTimeZone, type ValidationResult } from "./validate-schedule.js";
export { parseSchedule, type Schedule, type ParseScheduleResult } from "./parse-schedule.js";
export type { CronSpec } from "./parse-cron.js";
export { nextSlot } from "./next-slot.js";
export { slotsBetween } from "./slots-between.js";
export {
  createScheduler,
  type Scheduler,
  type SchedulerOptions,
  type ScheduleStore,
  type SchedulerTimers,
  type OnSlot,
} from "./create-scheduler.js";
export { schedulerDefaults } from "./scheduler-defaults.js";
export { KNOWN_ZONES, ZONE_ALIASES, zoneNameProblem } from "./zone-aliases.js";
export {
  describeCron,
  looksLikeWords,
  scheduleFromWords,
  scheduleWordCount,
  type WordsResult,
} from "./schedule-words.js";
