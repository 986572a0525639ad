/**
 * The one place the plugin meets the core: the index, the rules, the
 * templates and the log entry format. Everything else in src/obsidian imports
 * these from here, so a change in a core API is a change in this file only.
 */
export { VaultIndex } from '../core/vaultIndex';
export { computeFigures, type Figures } from '../core/figures';
export { computeSchedule, ScheduleBuilder, selectWithin } from '../core/rules/index';
export type { Schedule, PipelineEntry, PipelineSummary } from '../core/rules/model';
export {
	bodyStart,
	buildTemplateContext,
	companionAction,
	draftHeading,
	findDraft,
	mailtoLink,
	renderForAction,
	splitSubject,
	templateWarnings,
	renderTemplate,
	templateKindForAction,
	templatePath,
	TEMPLATE_KINDS,
	type ActionMessage,
	type RenderResult,
	type TemplateKind,
} from '../core/templates/index';
export { formatLogEntry, formatSnooze } from '../core/logEntries';
