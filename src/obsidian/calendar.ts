/**
 * The plugin's calendar: the core's events (core/ics.ts) in the view's words,
 * written to a vault file by the export command, and kept up to date there
 * when the "Calendar file" setting names one (so a sync service carries it
 * to the user's other devices and calendar apps).
 */
import { debounce, TFile, TFolder, type App } from 'obsidian';
import { calendarEntries, entriesToIcs, sameCalendar, stampOf } from '../core/ics';
import type { PluginHost } from './host';
import { actionSentence, contextText } from './presenters/dueList';

/** The file the export command offers first when no calendar file is set. */
export const DEFAULT_ICS_PATH = 'Interview follow-ups.ics';

/** The calendar of the current schedule, or null while the index is being built. */
export function pluginCalendar(host: PluginHost, stamp: Date = new Date()): string | null {
	const schedule = host.indexer.schedule;
	if (!schedule) return null;
	const now = host.indexer.now();
	const entries = calendarEntries(host.indexer.index, now, host.settings, host.settings.withinDays, schedule);
	return entriesToIcs(entries, {
		today: schedule.today,
		stamp: stampOf(stamp),
		title: (a) => {
			const where = contextText(a.company, a.role);
			return where ? `${actionSentence(a)} (${where})` : actionSentence(a);
		},
		vaultName: host.app.vault.getName(),
		productId: '-//Interview Follow-ups//Obsidian//EN',
		alarmAt: host.settings.notificationTime,
	});
}

/**
 * Writes `text` to the vault file `path` unless it already says the same
 * (DTSTAMP aside). Returns whether the file was written.
 */
export async function writeCalendarFile(app: App, path: string, text: string): Promise<boolean> {
	const existing = app.vault.getAbstractFileByPath(path);
	if (existing instanceof TFile) {
		if (sameCalendar(await app.vault.read(existing), text)) return false;
		await app.vault.modify(existing, text);
		return true;
	}
	const slash = path.lastIndexOf('/');
	const folder = slash < 0 ? '' : path.slice(0, slash);
	if (folder !== '' && !(app.vault.getAbstractFileByPath(folder) instanceof TFolder)) await app.vault.createFolder(folder);
	await app.vault.create(path, text);
	return true;
}

/** Keeps the "Calendar file" up to date: rewritten a moment after the schedule changes, only when its content does. */
export class CalendarFileKeeper {
	/** Settles when the latest write is done (tests wait on it). */
	writing: Promise<boolean> = Promise.resolve(false);
	readonly update = debounce(() => {
		this.writing = this.writeNow();
	}, CalendarFileKeeper.DELAY_MS, true);

	static readonly DELAY_MS = 2000;

	constructor(private readonly host: PluginHost) {}

	async writeNow(): Promise<boolean> {
		const path = this.host.settings.calendarFile;
		if (path === '') return false;
		const text = pluginCalendar(this.host);
		if (text === null) return false;
		try {
			return await writeCalendarFile(this.host.app, path, text);
		} catch (e) {
			console.error(`Interview follow-ups: could not write the calendar file ${path}:`, e);
			return false;
		}
	}
}
