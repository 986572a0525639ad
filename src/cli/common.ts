/**
 * What `due`, `watch`, `check` (and partly `log`, `template`) share: the
 * streams, the vault, the settings with the options over them, and "now".
 */
import { statSync } from 'node:fs';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import { endOfDay, localNow, localToday, parseLocalDate, type LocalDate, type LocalInstant } from '../core/dates';
import type { Settings } from '../core/types';
import { flag, listOption, stringOption, UsageError, type Parsed } from './args';
import { appTemplateFolders, findConfigDir, loadSettings, normaliseFolder } from './settings';
import { isOutside, resolveVault } from './vault';

export interface Out {
	isTTY?: boolean;
	write(s: string): unknown;
}

export interface Io {
	stdout: Out;
	stderr: Out;
	env: Record<string, string | undefined>;
	cwd: string;
}

export interface Common {
	vault: string;
	vaultName: string;
	settings: Settings;
	/** The fixed day of `--today`, or null for "now on the local clock". */
	fixedToday: LocalDate | null;
	within: number;
	json: boolean;
}

export function parseDateOption(name: string, value: string): LocalDate {
	const r = parseLocalDate(value);
	if (!r.ok) throw new UsageError(`--${name} '${value}' is not a valid date; write YYYY-MM-DD, e.g. ${localToday()}`);
	return r.value;
}

export function parseWithin(value: string): number {
	if (!/^\d+$/.test(value.trim()) || Number(value) > 3660) {
		throw new UsageError(`--within '${value}' is not a number of days; write a whole number such as 7 (0 lists only what is due)`);
	}
	return Number(value);
}

/** `now` for the rules: the end of `--today`, or the local clock. */
export function nowOf(fixedToday: LocalDate | null): LocalInstant {
	return fixedToday === null ? localNow() : endOfDay(fixedToday);
}

/** VAULT from the positional argument or `--vault`; both must agree. */
export function vaultArgument(parsed: Parsed, positional: string | undefined): string {
	const option = stringOption(parsed, 'vault');
	if (positional !== undefined && option !== undefined && positional !== option) {
		throw new UsageError(`${parsed.command}: two vaults given ('${positional}' and --vault '${option}'); give one`);
	}
	return resolveVault(positional ?? option);
}

/**
 * Settings from data.json (warnings to stderr), with `--folder` added to the
 * interview folders, and `--exclude` and the templates folders of the app's
 * configuration (core Templates, Templater) to the excluded folders.
 */
export function settingsWithOptions(vault: string, parsed: Parsed, io: Io): Settings {
	const configDir = findConfigDir(vault, stringOption(parsed, 'config-dir'));
	const loaded = loadSettings(vault, configDir);
	for (const w of loaded.warnings) io.stderr.write(`interview-followups: ${w}\n`);
	const settings = loaded.settings;
	const folders = listOption(parsed, 'folder').map((f) => folderOption(vault, f, io, 'folder'));
	if (folders.length > 0) {
		const all = [...settings.interviewFolders.map(normaliseFolder), ...folders];
		settings.interviewFolders = [...new Set(all)];
	}
	const excluded = listOption(parsed, 'exclude').map((f) => folderOption(vault, f, io, 'exclude'));
	const appFolders = configDir === null ? [] : appTemplateFolders(vault, configDir);
	const all = [...settings.excludedFolders.map(normaliseFolder), ...excluded, ...appFolders].filter((f) => f !== '');
	settings.excludedFolders = [...new Set(all)];
	return settings;
}

function folderOption(vault: string, folder: string, io: Io, option: 'folder' | 'exclude'): string {
	let rel = folder;
	if (isAbsolute(folder)) {
		rel = relative(vault, folder);
		if (isOutside(rel)) {
			throw new UsageError(`--${option} '${folder}' is not inside the vault ${vault}; give a folder of the vault, relative to it`);
		}
		rel = rel.split(sep).join('/');
	}
	const clean = normaliseFolder(rel);
	if (clean.split('/').includes('..')) {
		throw new UsageError(`--${option} '${folder}' leads out of the vault ${vault}; give a folder of the vault, relative to it`);
	}
	if (clean === '') return clean;
	let ok = false;
	try {
		ok = statSync(join(vault, clean)).isDirectory();
	} catch {
		ok = false;
	}
	if (!ok) io.stderr.write(`interview-followups: warning: --${option} '${folder}' is not a folder of the vault ${vault}; no note lies under it\n`);
	return clean;
}

export function commonOptions(parsed: Parsed, io: Io): Common {
	const today = stringOption(parsed, 'today');
	const fixedToday = today === undefined ? null : parseDateOption('today', today);
	const withinText = stringOption(parsed, 'within');
	const vault = vaultArgument(parsed, parsed.positionals[0]);
	const settings = settingsWithOptions(vault, parsed, io);
	let within: number;
	if (withinText !== undefined) within = parseWithin(withinText);
	else if (Number.isInteger(settings.withinDays) && settings.withinDays >= 0) within = settings.withinDays;
	else within = 7;
	return { vault, vaultName: basename(vault), settings, fixedToday, within, json: flag(parsed, 'json') };
}
