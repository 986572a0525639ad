/**
 * The settings the rules read, checked once per schedule: a bad value in
 * `data.json` (a negative cadence, a holiday that is not a date) becomes a
 * diagnostic and falls back to the default, never a crash or an endless loop.
 */
import { parseLocalDate, type LocalDate, type WorkCalendar } from '../dates';
import { DEFAULT_SETTINGS, type Diagnostic, type Settings } from '../types';

/**
 * The `note` of a diagnostic about the settings. Not a note: the settings live
 * in the plugin's `data.json` inside the vault's configuration folder, whose
 * name the user may change, so diagnostics name them by this label.
 */
export const SETTINGS_NOTE = 'settings';

/** The whole numbers of the settings the rules read. */
type CountKey =
	| 'cadenceMin'
	| 'cadenceMax'
	| 'thankYouBusinessDays'
	| 'referenceAlertBusinessDays'
	| 'askTimelineBusinessDays'
	| 'referralBusinessDays'
	| 'minActive';

/** The numbers and calendar the rules use, validated. */
export interface RuleSettings extends Pick<Settings, CountKey> {
	calendar: WorkCalendar & { holidays: ReadonlySet<LocalDate> };
}

const COUNT_KEYS: readonly CountKey[] = [
	'cadenceMin',
	'cadenceMax',
	'thankYouBusinessDays',
	'referenceAlertBusinessDays',
	'askTimelineBusinessDays',
	'referralBusinessDays',
	'minActive',
];

/** Above this, a day count is surely a typo (and would push actions years away). */
const MAX_COUNT = 366;

function warn(message: string): Diagnostic {
	return { note: SETTINGS_NOTE, severity: 'warning', message };
}

export function ruleSettings(settings: Settings): { rules: RuleSettings; diagnostics: Diagnostic[] } {
	const diagnostics: Diagnostic[] = [];
	const counts = {} as Record<CountKey, number>;
	for (const key of COUNT_KEYS) {
		const value: unknown = settings[key];
		if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_COUNT) {
			counts[key] = value;
		} else {
			counts[key] = DEFAULT_SETTINGS[key];
			diagnostics.push(
				warn(`${key}: ${JSON.stringify(value) ?? String(value)} is not a whole number from 0 to ${MAX_COUNT}; using ${DEFAULT_SETTINGS[key]}`),
			);
		}
	}
	if (counts.cadenceMin > counts.cadenceMax) {
		diagnostics.push(
			warn(
				`cadenceMin (${counts.cadenceMin}) is larger than cadenceMax (${counts.cadenceMax}); using ${counts.cadenceMin} for both`,
			),
		);
		counts.cadenceMax = counts.cadenceMin;
	}

	const rawWeek: unknown = settings.workWeek;
	let workWeek: number[] = [];
	if (Array.isArray(rawWeek)) {
		const days = new Set<number>();
		for (const d of rawWeek as unknown[]) {
			if (typeof d === 'number' && Number.isInteger(d) && d >= 0 && d <= 6) days.add(d);
			else diagnostics.push(warn(`workWeek: ${JSON.stringify(d) ?? String(d)} is not a weekday number (0 = Sunday … 6 = Saturday); ignored`));
		}
		workWeek = [...days].sort((a, b) => a - b);
	}
	if (workWeek.length === 0) {
		diagnostics.push(
			warn(`workWeek names no weekday (0 = Sunday … 6 = Saturday); using Monday to Friday`),
		);
		workWeek = [...DEFAULT_SETTINGS.workWeek];
	}

	const holidays = new Set<LocalDate>();
	const rawHolidays: unknown = settings.holidays;
	if (Array.isArray(rawHolidays)) {
		for (const h of rawHolidays as unknown[]) {
			const parsed = typeof h === 'string' ? parseLocalDate(h) : null;
			if (parsed?.ok) holidays.add(parsed.value);
			else diagnostics.push(warn(`holidays: ${JSON.stringify(h) ?? String(h)} is not a date (write YYYY-MM-DD); ignored`));
		}
	} else if (rawHolidays !== undefined && rawHolidays !== null) {
		diagnostics.push(warn(`holidays must be a list of YYYY-MM-DD dates; ignored`));
	}

	return { rules: { calendar: { workWeek, holidays }, ...counts }, diagnostics };
}
