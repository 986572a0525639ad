/**
 * The plugin's saved settings, read from the vault
 * (`<config folder>/plugins/interview-followups/data.json`) and merged over the
 * defaults. A missing file means the defaults; a malformed file is a warning
 * (on stderr, by the caller) and the defaults; each value is checked by the
 * core's `validateSettings`, as the plugin checks it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATE_CONFIGS, templatesFolderIn } from '../core/classify';
import { defaultSettings, validateSettings } from '../core/settings';
import type { Settings } from '../core/types';
import { errnoCode } from './args';

/** The plugin's data file inside the configuration folder. */
export const PLUGIN_DATA = 'plugins/interview-followups/data.json';

/**
 * Obsidian's configuration folder in a vault. The command line has no
 * `Vault#configDir` to ask, and users may rename the folder, so it is found:
 * the folder given (`--config-dir`), else the top-level dot-folder holding
 * this plugin's data.json, else the one holding Obsidian's `app.json`, else
 * one holding a templates configuration (Obsidian's or Templater's); null
 * when there is none (the vault was never opened in Obsidian).
 */
export function findConfigDir(vault: string, given?: string): string | null {
	if (given !== undefined && given.trim() !== '') return given.replace(/\\/g, '/').replace(/\/+$/, '');
	let dotFolders: string[];
	try {
		dotFolders = readdirSync(vault, { withFileTypes: true })
			.filter((e) => e.isDirectory() && e.name.startsWith('.') && e.name !== '.git' && e.name !== '.trash')
			.map((e) => e.name)
			.sort();
	} catch {
		return null;
	}
	return (
		dotFolders.find((d) => existsSync(join(vault, d, ...PLUGIN_DATA.split('/')))) ??
		dotFolders.find((d) => existsSync(join(vault, d, 'app.json'))) ??
		// A configuration that only names a templates folder still says where Obsidian's folder is.
		dotFolders.find((d) => TEMPLATE_CONFIGS.some((c) => existsSync(join(vault, d, ...c.file.split('/'))))) ??
		null
	);
}

export interface LoadedSettings {
	settings: Settings;
	/** One line each, for stderr. */
	warnings: string[];
	/** Whether data.json was found. */
	found: boolean;
}

/** The settings file, vault-relative with `/`. */
export function settingsPath(configDir: string): string {
	return `${configDir}/${PLUGIN_DATA}`;
}

export function settingsFile(vault: string, configDir: string): string {
	return join(vault, ...settingsPath(configDir).split('/'));
}

/** data.json read and checked by the core's validator, the plugin's own; a problem is a warning line. */
export function loadSettings(vault: string, configDir: string | null = findConfigDir(vault)): LoadedSettings {
	if (configDir === null) return { settings: defaultSettings(), warnings: [], found: false };
	const shown = settingsPath(configDir);
	const file = settingsFile(vault, configDir);
	let raw: string;
	try {
		raw = readFileSync(file, 'utf8');
	} catch (e) {
		const code = errnoCode(e);
		if (code === 'ENOENT' || code === 'ENOTDIR') return { settings: defaultSettings(), warnings: [], found: false };
		return { settings: defaultSettings(), warnings: [`warning: cannot read ${shown} (${code ?? String(e)}); using the default settings`], found: false };
	}
	let data: unknown;
	try {
		data = JSON.parse(raw.replace(/^\uFEFF/, ''));
	} catch (e) {
		const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
		return {
			settings: defaultSettings(),
			warnings: [`warning: ${shown} is not valid JSON (${why}); using the default settings (fix the file or save the settings again in Obsidian)`],
			found: true,
		};
	}
	const { settings, problems } = validateSettings(data);
	return { settings, warnings: problems.map((p) => `warning: ${shown}: ${p}`), found: true };
}

/** Normalises a folder as a vault-relative path with `/`, no leading `./` or trailing `/`. */
export function normaliseFolder(folder: string): string {
	const clean = folder
		.trim()
		.replace(/\\/g, '/')
		.replace(/^(\.\/)+/, '')
		.replace(/\/+$/g, '')
		.replace(/^\/+/, '');
	// `.` is the vault itself: every note.
	return clean === '.' ? '' : clean;
}

/** The templates folders the app's configuration names (Obsidian's core Templates, Templater); a missing file names none. */
export function appTemplateFolders(vault: string, configDir: string): string[] {
	const out: string[] = [];
	for (const { file, key } of TEMPLATE_CONFIGS) {
		let text: string;
		try {
			text = readFileSync(join(vault, ...configDir.split('/'), ...file.split('/')), 'utf8');
		} catch {
			continue;
		}
		const folder = templatesFolderIn(text, key);
		if (folder !== null) out.push(normaliseFolder(folder));
	}
	return out;
}
