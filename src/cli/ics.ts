/**
 * The command line's calendar (`due --ics`, `feed`, `watch --ics FILE`): the
 * core's events (core/ics.ts) with the command line's wording and links to
 * the notes.
 */
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { LocalInstant } from '../core/dates';
import { calendarEntries, entriesToIcs, sameCalendar, stampOf } from '../core/ics';
import type { ScheduleInput } from '../core/rules/model';
import type { Action, Settings } from '../core/types';
import { UsageError } from './args';
import { writeFileAtomically } from './atomic';
import type { Io } from './common';
import { headline } from './format';

export function icsTitle(a: Action): string {
	const where = a.company ? ` (${a.company}${a.role ? `, ${a.role}` : ''})` : '';
	return `${headline(a)}${where}`;
}

function description(a: Action): string {
	const lines: string[] = [];
	if (a.reason) lines.push(a.reason);
	lines.push(a.earliest === a.due ? `On ${a.due}.` : `From ${a.earliest}, due ${a.due}.`);
	const reach = [a.person?.email, a.person?.phone].filter((x): x is string => typeof x === 'string' && x !== '');
	if (reach.length > 0) lines.push(`Reach ${a.person?.name ?? 'them'}: ${reach.join(', ')}`);
	if (a.gifts.length > 0) lines.push(`Gift ideas: ${a.gifts.join('; ')}`);
	if (a.note) lines.push(`Log it in: ${a.note}`);
	return lines.join('\n');
}

/** What the calendar is computed from: the vault's index and settings. */
export interface CalendarSource {
	index: ScheduleInput;
	settings: Settings;
}

/** The whole calendar as of `now`, freshly computed from the index. */
export function calendarText(source: CalendarSource, now: LocalInstant, within: number, vaultName: string, stamp: Date = new Date()): string {
	const entries = calendarEntries(source.index, now, source.settings, within);
	return entriesToIcs(entries, {
		today: now.date,
		stamp: stampOf(stamp),
		title: icsTitle,
		description,
		vaultName,
		productId: '-//Interview Follow-ups//CLI//EN',
	});
}

/**
 * `watch --ics FILE`: keeps FILE the calendar of the vault, rewritten
 * atomically (a reader or a sync service never sees half of it) whenever its
 * content changes, DTSTAMP aside.
 */
export class CalendarFile {
	private last: string | null = null;

	constructor(
		readonly file: string,
		private readonly io: Io,
	) {}

	/** Writes the calendar if it changed; returns whether it wrote. A failed write is reported, and tried again next time. */
	update(source: CalendarSource, now: LocalInstant, within: number, vaultName: string): boolean {
		const text = calendarText(source, now, within, vaultName);
		if (this.last !== null && sameCalendar(this.last, text)) return false;
		try {
			writeFileAtomically(this.file, Buffer.from(text, 'utf8'));
		} catch (e) {
			this.io.stderr.write(`interview-followups: watch: could not write the calendar ${this.file}: ${e instanceof Error ? e.message : String(e)}\n`);
			return false;
		}
		this.last = text;
		return true;
	}
}

/** `--ics FILE` of `watch`: a file in an existing folder, resolved against the current folder. */
export function calendarFileOption(value: string, io: Io): CalendarFile {
	const file = resolve(io.cwd, value);
	let folderOk = false;
	try {
		folderOk = statSync(dirname(file)).isDirectory();
	} catch {
		folderOk = false;
	}
	if (!folderOk) throw new UsageError(`watch: --ics '${value}': the folder ${dirname(file)} does not exist; create it or give another file`);
	try {
		if (statSync(file).isDirectory()) throw new UsageError(`watch: --ics '${value}' is a folder; give a file, e.g. ${join(value, 'followups.ics')}`);
	} catch (e) {
		if (e instanceof UsageError) throw e;
	}
	return new CalendarFile(file, io);
}
