/**
 * The status event recorded with a follow-up that depends on an undated
 * status (follow-up-rules.md v2, "Status date"): a referral request counts
 * from the rejection, an answer to an offer from the offer, a withdrawal from
 * the hire elsewhere. Without a dated log event that date is the day a note
 * last changed, and logging the follow-up changes that note; so the event is
 * written too, with the date the rules used, and the date no longer moves.
 * The command line's `log` and the plugin's Done both ask this.
 */
import type { LocalDate, LocalInstant } from '../dates';
import { formatLogEntry } from '../logEntries';
import type { ActionKind, LogKind, StatusEvent } from '../types';
import { applicationFacts, firstHire, type ApplicationFacts } from './facts';
import type { ScheduleInput } from './model';

/** The follow-ups that depend on a status, and that status. */
const DEPENDS_ON: Partial<Record<ActionKind | LogKind, StatusEvent>> = {
	'referral-request': 'rejected',
	'answer-offer': 'offer',
	withdraw: 'hired',
};

export interface StatusEventToRecord {
	/** The note to write it in: the follow-up's own note, or (withdraw) the hired application's note that sets `status: hired`. */
	note: string;
	/** The log entry, `2026-11-13 rejected`. */
	entry: string;
	status: StatusEvent;
	date: LocalDate;
	/** Why it is written, for the user: "the rejection had no dated entry, so it is recorded on 2026-11-13, ...". */
	why: string;
}

const WORD: Record<StatusEvent, string> = { rejected: 'the rejection', offer: 'the offer', hired: 'the hire', withdrawn: 'the withdrawal' };

/**
 * The status event to record with a `kind` entry dated `date` in `note`, or
 * null when none is needed: the kind depends on no status, the note belongs
 * to no application, the status is not the one the kind depends on, or a log
 * event already dates it. Its date is the status date the rules use, or
 * `date` if that is earlier (the follow-up cannot have come before the news,
 * and an event later than the entry would leave the follow-up undone).
 */
export function statusEventFor(input: ScheduleInput, note: string, kind: ActionKind | LogKind, date: LocalDate, now: LocalInstant): StatusEventToRecord | null {
	const status = DEPENDS_ON[kind];
	if (status === undefined) return null;
	const app = input.applications().find((a) => a.interviews.some((iv) => iv.path === note));
	if (app === undefined) return null;
	let source: ApplicationFacts | null;
	if (status === 'hired') {
		const all = input.applications().map((a) => applicationFacts(a, now)).filter((f): f is ApplicationFacts => f !== null);
		source = firstHire(all) ?? null;
		if (source?.app === app) return null;
	} else {
		source = applicationFacts(app, now);
	}
	if (source === null || source.status !== status || source.statusDated || source.statusDate === null) return null;
	const day = source.statusDate < date ? source.statusDate : date;
	// An undated status is set by a key; a hire is recorded in that note, the others with the follow-up.
	return {
		note: status === 'hired' && source.statusSource.kind === 'key' ? source.statusSource.note.path : note,
		entry: formatLogEntry({ date: day, kind: status, person: null }),
		status,
		date: day,
		why: `${WORD[status]} had no dated entry, so it is recorded on ${day}, the date the schedule counted from, and no longer moves when the note changes`,
	};
}
