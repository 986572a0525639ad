/**
 * The follow-up rules engine: from the index and a moment, the list of what
 * the user should do (shared/spec/follow-up-rules.md), in the order and shape
 * of the command-line contract (shared/spec/cli.md).
 */
export { computeSchedule, ScheduleBuilder } from './schedule';
export { applicationFacts, type ApplicationFacts, type LoggedEntry, type ScheduledRound } from './facts';
export { statusEventFor, type StatusEventToRecord } from './statusEvent';
export { actionState, compareActions, selectWithin, sortActions } from './order';
export { actionId, personKeyOf } from './ids';
export type { ClosedAction, PipelineCounts, PipelineEntry, PipelineSummary, Schedule, ScheduleInput, SnoozedAction } from './model';
