/**
 * The core's public API: note text -> parse -> index -> rules -> actions.
 * Pure TypeScript (no Obsidian, no Node built-ins), shared by the plugin and
 * the command line. `./ics` (calendar export) is left out on purpose: it pulls
 * in the `ics` package, which the plugin bundle does not need; import it
 * directly where wanted.
 */
export * from './types';
export * from './dates';
export { readFrontmatter, type FrontmatterResult } from './frontmatter';
export { FIELD_KEYS, fieldOf, normalizeHeading, normalizeKey, readFields, type FieldName, type FieldValue, type FieldsResult } from './keys';
export {
	linkBasename,
	nestedLinkText,
	parseContact,
	parseContactText,
	parseLinkInner,
	parseWikiLink,
	personKey,
	readContact,
	readContactItem,
	readContactList,
	type ContactResult,
	type WikiLink,
} from './contacts';
export {
	formatLogEntry,
	formatSnooze,
	isActionKind,
	isLogKind,
	normalizeKind,
	parseLogEntry,
	parseLogItem,
	parseSnooze,
	readTaskItem,
	type EntryPlace,
	type TaskItem,
} from './logEntries';
export {
	ALL_SECTIONS,
	findSections,
	readBody,
	readSections,
	type BodyContent,
	type BodyDiagnostic,
	type BodySection,
	type BodyTopic,
	type SectionKind,
} from './body';
export {
	INTERNAL_ERROR,
	buildNote,
	isInterviewNote,
	noteBasename,
	parseNote,
	scanNote,
	type NoteClassifierSettings,
	type NoteDetail,
	type NoteFinding,
	type NoteScan,
} from './note';
export { inInterviewFolder, isExcluded, mayBeInterviewNote, namesInterview, normalizeFolder, rawFrontmatter } from './classify';
export { VaultIndex, applicationId } from './vaultIndex';
export { appendFollowUp, type AppendResult } from './edit';
export * from './rules/index';
export * from './templates/index';
