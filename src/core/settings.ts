/**
 * The settings, checked in one place: the plugin reads `data.json` through
 * `validateSettings`, the command line reads the same file through it, and
 * the rules pass whatever settings they are given through it too. So the same
 * `data.json` gives the same values everywhere, and each value that cannot be
 * used gives one message and its default (or, in a list, is left out).
 *
 * Also the parsers of typed text the settings tab uses. Pure: no `obsidian`,
 * no Node, no DOM.
 */
import { parseLocalDate, type LocalDate } from './dates';
import { ACTION_KINDS, DEFAULT_SETTINGS, type ActionKind, type Settings } from './types';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export interface ValidatedSettings {
	settings: Settings;
	/** One sentence per value that could not be used, saying what was used instead. */
	problems: string[];
	/** Keys that are not settings: kept as they are when the plugin saves. */
	extra: Record<string, unknown>;
}

type CountKey =
	| 'cadenceMin'
	| 'cadenceMax'
	| 'thankYouBusinessDays'
	| 'referenceAlertBusinessDays'
	| 'askTimelineBusinessDays'
	| 'referralBusinessDays'
	| 'minActive'
	| 'backoffAfter'
	| 'patienceMax'
	| 'withinDays';

/** The whole numbers and the range each may take (beyond it a value is surely a typo). */
const COUNT_LIMITS: Record<CountKey, [number, number]> = {
	cadenceMin: [1, 365],
	cadenceMax: [1, 365],
	thankYouBusinessDays: [0, 30],
	referenceAlertBusinessDays: [0, 30],
	askTimelineBusinessDays: [0, 30],
	referralBusinessDays: [0, 30],
	minActive: [0, 100],
	backoffAfter: [1, 100],
	patienceMax: [0, 365],
	withinDays: [0, 365],
};

/** The range a count setting may take. */
export function countLimits(key: keyof Settings): [number, number] {
	return COUNT_LIMITS[key as CountKey] ?? [0, 365];
}

function isCountKey(key: string): key is CountKey {
	return Object.prototype.hasOwnProperty.call(COUNT_LIMITS, key);
}

export function parseCount(text: string, min: number, max: number): Parsed<number> {
	const t = text.trim();
	if (!/^\d+$/.test(t)) return { ok: false, message: `'${text}' is not a whole number` };
	const n = Number(t);
	if (n < min || n > max) return { ok: false, message: `${n} is not between ${min} and ${max}` };
	return { ok: true, value: n };
}

/** Holidays, one date per entry (empty entries skipped): every one must be a real date. */
export function checkHolidays(entries: readonly string[]): Parsed<LocalDate[]> {
	const out: LocalDate[] = [];
	const bad: string[] = [];
	for (const e of entries) {
		if (e.trim() === '') continue;
		const r = parseLocalDate(e);
		if (r.ok) out.push(r.value);
		else bad.push(r.message);
	}
	if (bad.length > 0) return { ok: false, message: `${bad.join('; ')}. Nothing was saved.` };
	return { ok: true, value: [...new Set(out)].sort() };
}

/** A single vault folder, without leading or trailing slashes (empty for the vault root). */
export function parseFolder(text: string): Parsed<string> {
	const t = text.trim().replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
	if (t.split('/').some((seg) => seg === '..' || seg === '.')) return { ok: false, message: `'${text.trim()}' is not a folder inside the vault` };
	return { ok: true, value: t };
}

/** Folders, one per entry (a name may hold commas); empty entries and repeats dropped. */
export function checkFolders(entries: readonly string[]): Parsed<string[]> {
	const out: string[] = [];
	for (const e of entries) {
		const r = parseFolder(e);
		if (!r.ok) return r;
		if (r.value !== '') out.push(r.value);
	}
	return { ok: true, value: [...new Set(out)] };
}

/** A tag or type value: `#` and spaces dropped, must not be empty. */
export function parseMarker(text: string, what: string): Parsed<string> {
	const t = text.trim().replace(/^#/, '');
	if (t === '') return { ok: false, message: `the ${what} must not be empty` };
	if (/\s/.test(t)) return { ok: false, message: `the ${what} must not contain spaces` };
	return { ok: true, value: t };
}

/** A time of day, `H:MM` or `HH:MM` (24-hour clock), as `HH:MM`. */
export function parseTimeOfDay(text: string): Parsed<string> {
	const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
	if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return { ok: false, message: `'${text}' is not a time of day; write it as HH:MM, for example 09:00` };
	return { ok: true, value: `${m[1].padStart(2, '0')}:${m[2]}` };
}

/** A vault path for a calendar file (empty for none): ends in `.ics`, relative, not in a dot-folder. */
export function parseVaultIcsPath(text: string): Parsed<string> {
	const t = text.trim().replace(/\\/g, '/').replace(/\/{2,}/g, '/').replace(/^\/+/, '');
	if (t === '') return { ok: true, value: '' };
	if (!/\.ics$/i.test(t)) return { ok: false, message: `'${text.trim()}' does not end in .ics` };
	if (t.split('/').some((seg) => seg === '' || seg === '..' || seg === '.' || seg.startsWith('.'))) {
		return { ok: false, message: `'${text.trim()}' is not a file of the vault outside its dot-folders` };
	}
	return { ok: true, value: t };
}

/**
 * The user's own sign-off (`Best,`), empty for the built-in closings. One
 * line, since it stands on a line of its own above the user's name.
 */
export function parseSignOff(text: string): Parsed<string> {
	const t = text.trim();
	if (/[\r\n]/.test(t)) return { ok: false, message: 'the sign-off must be one line (write e.g. Best,)' };
	if (t.length > 60) return { ok: false, message: 'the sign-off must be at most 60 characters (write e.g. Best,)' };
	return { ok: true, value: t };
}

/** A work week must keep at least one day, or no date could ever be a business day. */
export function checkWorkWeek(days: readonly number[]): Parsed<number[]> {
	if (days.length === 0) return { ok: false, message: 'keep at least one work day' };
	return { ok: true, value: [...new Set(days)].sort((a, b) => a - b) };
}

/**
 * The status-check cadence is a pair: at most must not be below at least.
 * Checked here for data.json and for the settings tab, which checks the two
 * fields together (a refused "at least" is saved once "at most" allows it).
 */
export function checkCadence(min: number, max: number): Parsed<{ cadenceMin: number; cadenceMax: number }> {
	if (max < min) return { ok: false, message: `"at most" (${max} days) is below "at least" (${min} days); raise "at most" or lower "at least"` };
	return { ok: true, value: { cadenceMin: min, cadenceMax: max } };
}

/** Whether a kind of action is listed (on unless switched off). */
export function kindEnabled(settings: Pick<Settings, 'kinds'>, kind: ActionKind): boolean {
	return settings.kinds[kind] !== false;
}

function shown(value: unknown): string {
	return JSON.stringify(value) ?? String(value);
}

/** A fresh copy of the defaults (no list or object shared with DEFAULT_SETTINGS). */
export function defaultSettings(): Settings {
	return structuredClone(DEFAULT_SETTINGS);
}

/**
 * Reads settings as saved (`data.json`'s object, or a `Settings` built in
 * code): every usable value is taken, every other one is reported once and
 * the default (or, in a list, nothing) is used instead.
 */
export function validateSettings(data: unknown): ValidatedSettings {
	const settings = defaultSettings();
	const problems: string[] = [];
	const extra: Record<string, unknown> = {};
	if (data === null || data === undefined) return { settings, problems, extra };
	if (typeof data !== 'object' || Array.isArray(data)) {
		problems.push('the settings are not an object of settings; using the defaults');
		return { settings, problems, extra };
	}
	const known = new Set<string>([...Object.keys(DEFAULT_SETTINGS), 'userName', 'userPhone']);
	for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
		if (!known.has(key)) {
			extra[key] = value;
			continue;
		}
		if (value === undefined) continue;
		const fallback = (what: string): void => {
			const def = (DEFAULT_SETTINGS as unknown as Record<string, unknown>)[key];
			problems.push(`${key}: ${shown(value)} is not ${what}; using ${def === undefined || def === '' ? 'none' : shown(def)}`);
		};
		switch (key) {
			case 'interviewType':
			case 'interviewTag': {
				const r = typeof value === 'string' ? parseMarker(value, key) : null;
				if (r?.ok) settings[key] = r.value;
				else fallback('a word without spaces');
				break;
			}
			case 'templatesFolder':
			case 'newNoteFolder': {
				const r = typeof value === 'string' ? parseFolder(value) : null;
				if (r?.ok) settings[key] = r.value;
				else fallback('a folder inside the vault');
				break;
			}
			case 'userName':
			case 'userPhone':
				if (typeof value === 'string') settings[key] = value;
				else if (value !== null) fallback('a text');
				break;
			case 'signOff': {
				const r = typeof value === 'string' ? parseSignOff(value) : null;
				if (r?.ok) settings.signOff = r.value;
				else if (value !== null) problems.push(`signOff: ${shown(value)}: ${r ? r.message : 'not a text'}; using the built-in closings`);
				break;
			}
			case 'interviewFolders':
			case 'excludedFolders': {
				const r = Array.isArray(value) && value.every((v) => typeof v === 'string') ? checkFolders(value) : null;
				if (r?.ok) settings[key] = r.value;
				else fallback('a list of folders inside the vault');
				break;
			}
			case 'holidays':
				if (!Array.isArray(value)) {
					fallback('a list of YYYY-MM-DD dates');
					break;
				}
				settings.holidays = [];
				for (const h of value as unknown[]) {
					const r = typeof h === 'string' ? parseLocalDate(h) : null;
					if (r?.ok) settings.holidays.push(r.value);
					else problems.push(`holidays: ${shown(h)} is not a date (write YYYY-MM-DD); left out`);
				}
				settings.holidays = [...new Set(settings.holidays)].sort();
				break;
			case 'workWeek': {
				if (!Array.isArray(value)) {
					fallback('a list of weekday numbers (0 = Sunday … 6 = Saturday)');
					break;
				}
				const days = new Set<number>();
				for (const d of value as unknown[]) {
					if (typeof d === 'number' && Number.isInteger(d) && d >= 0 && d <= 6) days.add(d);
					else problems.push(`workWeek: ${shown(d)} is not a weekday number (0 = Sunday … 6 = Saturday); left out`);
				}
				const week = checkWorkWeek([...days]);
				if (week.ok) settings.workWeek = week.value;
				else problems.push('workWeek names no weekday; using Monday to Friday');
				break;
			}
			case 'notifyOnStartup':
			case 'dailyNotification':
			case 'familyNameFirst':
				if (typeof value === 'boolean') settings[key] = value;
				else fallback('true or false');
				break;
			case 'calendarFile': {
				const r = typeof value === 'string' ? parseVaultIcsPath(value) : null;
				if (r?.ok) settings.calendarFile = r.value;
				else fallback('a .ics file of the vault outside its dot-folders');
				break;
			}
			case 'notificationTime': {
				const r = typeof value === 'string' ? parseTimeOfDay(value) : null;
				if (r?.ok) settings.notificationTime = r.value;
				else fallback('a time of day (HH:MM)');
				break;
			}
			case 'kinds':
				if (value === null || typeof value !== 'object' || Array.isArray(value)) {
					fallback('an object of kinds switched on (true) or off (false)');
					break;
				}
				for (const [kind, on] of Object.entries(value as Record<string, unknown>)) {
					if (!(ACTION_KINDS as readonly string[]).includes(kind)) {
						problems.push(`kinds: ${shown(kind)} is not a kind of action (use ${ACTION_KINDS.join(', ')}); ignored`);
					} else if (typeof on !== 'boolean') {
						problems.push(`kinds: ${kind}: ${shown(on)} is not true or false; the kind stays on`);
					} else {
						settings.kinds[kind as ActionKind] = on;
					}
				}
				break;
			default: {
				if (!isCountKey(key)) break;
				const [min, max] = COUNT_LIMITS[key];
				if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) settings[key] = value;
				else fallback(`a whole number from ${min} to ${max}`);
			}
		}
	}
	const cadence = checkCadence(settings.cadenceMin, settings.cadenceMax);
	if (!cadence.ok) {
		problems.push(`cadenceMax (${settings.cadenceMax}) is below cadenceMin (${settings.cadenceMin}); using ${settings.cadenceMin} for both`);
		settings.cadenceMax = settings.cadenceMin;
	}
	return { settings, problems, extra };
}

/** What is written to data.json: unknown keys kept, then every setting. */
export function settingsData(settings: Settings, extra: Record<string, unknown>): Record<string, unknown> {
	return { ...extra, ...settings };
}

/**
 * The `note` of a diagnostic about the settings. Not a note: the settings live
 * in the plugin's `data.json` inside the vault's configuration folder, whose
 * name the user may change, so diagnostics name them by this label.
 */
export const SETTINGS_NOTE = 'settings';
