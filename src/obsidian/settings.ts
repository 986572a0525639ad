/**
 * The plugin's settings: read from `data.json` (the keys of `Settings`, which
 * the command line reads too), checked field by field, and the parsers the
 * settings tab uses so that a bad value is shown and never saved.
 *
 * Pure: no `obsidian`, no DOM.
 */
import { parseLocalDate, type LocalDate } from '../core/dates';
import { DEFAULT_SETTINGS, type Settings } from '../core/types';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export interface LoadedSettings {
	settings: Settings;
	/** Values in data.json that were not usable (the default is used instead). */
	problems: string[];
	/** Keys in data.json that are not settings: kept as they are when saving. */
	extra: Record<string, unknown>;
}

const COUNT_LIMITS: Partial<Record<keyof Settings, [number, number]>> = {
	cadenceMin: [1, 365],
	cadenceMax: [1, 365],
	thankYouBusinessDays: [0, 30],
	referenceAlertBusinessDays: [0, 30],
	askTimelineBusinessDays: [0, 30],
	referralBusinessDays: [0, 30],
	minActive: [0, 100],
	withinDays: [0, 365],
};

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function parseCount(text: string, min: number, max: number): Parsed<number> {
	const t = text.trim();
	if (!/^\d+$/.test(t)) return { ok: false, message: `'${text}' is not a whole number` };
	const n = Number(t);
	if (n < min || n > max) return { ok: false, message: `${n} is not between ${min} and ${max}` };
	return { ok: true, value: n };
}

/** Holidays: dates separated by commas, spaces or lines; every one must be a real date. */
export function parseHolidays(text: string): Parsed<LocalDate[]> {
	const parts = text.split(/[\s,;]+/).filter((s) => s !== '');
	const out: LocalDate[] = [];
	const bad: string[] = [];
	for (const p of parts) {
		const r = parseLocalDate(p);
		if (r.ok) out.push(r.value);
		else bad.push(r.message);
	}
	if (bad.length > 0) return { ok: false, message: `${bad.join('; ')}. Nothing was saved.` };
	return { ok: true, value: [...new Set(out)].sort() };
}

/** Folders: one per line or comma-separated, vault-relative, without leading or trailing slashes. */
export function parseFolders(text: string): Parsed<string[]> {
	const parts = text
		.split(/[\n,]+/)
		.map((s) => s.trim().replace(/\\/g, '/').replace(/^\/+|\/+$/g, ''))
		.filter((s) => s !== '');
	const bad = parts.filter((p) => p.split('/').some((seg) => seg === '..' || seg === '.'));
	if (bad.length > 0) return { ok: false, message: `'${bad[0]}' is not a folder inside the vault` };
	return { ok: true, value: [...new Set(parts)] };
}

/** A single vault folder (may be empty for the vault root). */
export function parseFolder(text: string): Parsed<string> {
	const t = text.trim();
	if (t === '') return { ok: true, value: '' };
	const r = parseFolders(t);
	if (!r.ok) return r;
	if (r.value.length !== 1) return { ok: false, message: 'write one folder' };
	return { ok: true, value: r.value[0] };
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

function isStringArray(v: unknown): v is string[] {
	return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** Reads `data.json`; anything unusable falls back to the default and is reported. */
export function loadSettings(data: unknown): LoadedSettings {
	const settings: Settings = { ...DEFAULT_SETTINGS, interviewFolders: [...DEFAULT_SETTINGS.interviewFolders], excludedFolders: [], workWeek: [...DEFAULT_SETTINGS.workWeek], holidays: [] };
	const problems: string[] = [];
	const extra: Record<string, unknown> = {};
	if (data === null || data === undefined) return { settings, problems, extra };
	if (typeof data !== 'object' || Array.isArray(data)) {
		problems.push('data.json does not hold an object of settings; using the defaults');
		return { settings, problems, extra };
	}
	const raw = data as Record<string, unknown>;
	const known = new Set<string>([...Object.keys(DEFAULT_SETTINGS), 'userName', 'userPhone']);
	for (const [key, value] of Object.entries(raw)) {
		if (!known.has(key)) {
			extra[key] = value;
			continue;
		}
		const bad = () => problems.push(`${key}: ${JSON.stringify(value)} is not usable; using ${JSON.stringify((DEFAULT_SETTINGS as unknown as Record<string, unknown>)[key] ?? '')}`);
		switch (key) {
			case 'interviewType':
			case 'interviewTag': {
				const r = typeof value === 'string' ? parseMarker(value, key) : null;
				if (r?.ok) settings[key] = r.value;
				else bad();
				break;
			}
			case 'templatesFolder':
			case 'newNoteFolder': {
				const r = typeof value === 'string' ? parseFolder(value) : null;
				if (r?.ok) settings[key] = r.value;
				else bad();
				break;
			}
			case 'userName':
			case 'userPhone':
				if (typeof value === 'string') settings[key] = value;
				else bad();
				break;
			case 'interviewFolders':
			case 'excludedFolders': {
				const r = isStringArray(value) ? parseFolders(value.join('\n')) : null;
				if (r?.ok) settings[key] = r.value;
				else bad();
				break;
			}
			case 'holidays': {
				const r = isStringArray(value) ? parseHolidays(value.join(' ')) : null;
				if (r?.ok) settings.holidays = r.value;
				else bad();
				break;
			}
			case 'workWeek':
				if (Array.isArray(value) && value.every((d) => Number.isInteger(d) && (d as number) >= 0 && (d as number) <= 6)) {
					settings.workWeek = [...new Set(value as number[])].sort();
				} else bad();
				break;
			case 'notifyOnStartup':
			case 'dailyNotification':
				if (typeof value === 'boolean') settings[key] = value;
				else bad();
				break;
			case 'calendarFile': {
				const r = typeof value === 'string' ? parseVaultIcsPath(value) : null;
				if (r?.ok) settings.calendarFile = r.value;
				else bad();
				break;
			}
			case 'notificationTime': {
				const r = typeof value === 'string' ? parseTimeOfDay(value) : null;
				if (r?.ok) settings.notificationTime = r.value;
				else bad();
				break;
			}
			default: {
				const limits = COUNT_LIMITS[key as keyof Settings];
				if (limits && typeof value === 'number' && Number.isInteger(value) && value >= limits[0] && value <= limits[1]) {
					(settings as unknown as Record<string, number>)[key] = value;
				} else bad();
			}
		}
	}
	if (settings.cadenceMax < settings.cadenceMin) {
		problems.push(`cadenceMax (${settings.cadenceMax}) is below cadenceMin (${settings.cadenceMin}); using ${settings.cadenceMin} for both`);
		settings.cadenceMax = settings.cadenceMin;
	}
	return { settings, problems, extra };
}

export function countLimits(key: keyof Settings): [number, number] {
	return COUNT_LIMITS[key] ?? [0, 365];
}

/** What is written to data.json: unknown keys kept, then every setting. */
export function settingsData(settings: Settings, extra: Record<string, unknown>): Record<string, unknown> {
	return { ...extra, ...settings };
}

/** Work days written as names ("Mon, Tue, Wed, Thu, Fri"; full names or three letters). */
export function parseWorkWeek(text: string): Parsed<number[]> {
	const parts = text
		.split(/[\s,;]+/)
		.map((s) => s.trim().toLowerCase())
		.filter((s) => s !== '');
	const days: number[] = [];
	for (const p of parts) {
		const i = p.length >= 3 ? WEEKDAY_NAMES.findIndex((d) => d.toLowerCase().startsWith(p)) : -1;
		if (i === -1) return { ok: false, message: `'${p}' is not a day of the week (write e.g. Mon, Tue, Wed, Thu, Fri)` };
		days.push(i);
	}
	if (days.length === 0) return { ok: false, message: 'name at least one work day' };
	return { ok: true, value: [...new Set(days)].sort() };
}

export function formatWorkWeek(days: readonly number[]): string {
	return days.map((d) => WEEKDAY_NAMES[d].slice(0, 3)).join(', ');
}
