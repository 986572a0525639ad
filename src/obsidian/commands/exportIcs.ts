/**
 * "Export the due list as a calendar file": asks where in the vault (the
 * calendar-file setting, else `Interview follow-ups.ics`, offered first) and
 * writes the calendar there.
 */
import { Notice, type Command } from 'obsidian';
import { DEFAULT_ICS_PATH, pluginCalendar, writeCalendarFile } from '../calendar';
import { parseVaultIcsPath } from '../../core/settings';
import type { PluginHost } from '../host';
import { OneFieldModal } from '../ui/modals';

/** Writes the calendar to `path`; returns the path, or null when it could not. */
export async function exportIcs(host: PluginHost, path: string): Promise<string | null> {
	const text = pluginCalendar(host);
	if (text === null) {
		new Notice('The follow-ups are still being read; try again in a moment.');
		return null;
	}
	try {
		await writeCalendarFile(host.app, path, text);
	} catch (e) {
		new Notice(`Could not write the calendar to ${path}: ${e instanceof Error ? e.message : String(e)}`);
		return null;
	}
	new Notice(`Exported the follow-ups calendar to ${path}.`);
	return path;
}

export function exportIcsCommand(host: PluginHost): Command {
	return {
		id: 'export-calendar',
		name: 'Export the due list as a calendar file',
		callback: () => {
			new OneFieldModal(host.app, {
				title: 'Export the calendar',
				name: 'File in the vault',
				description: 'Where in the vault to write the calendar (a path ending in .ics). A file already there is replaced.',
				label: 'Calendar file path',
				button: 'Export',
				initial: host.settings.calendarFile || DEFAULT_ICS_PATH,
				parse: (text) => {
					const r = parseVaultIcsPath(text);
					return r.ok && r.value === '' ? { ok: false, message: 'write a path, for example Interview follow-ups.ics' } : r;
				},
				onPick: (path) => void exportIcs(host, path),
			}).open();
		},
	};
}
