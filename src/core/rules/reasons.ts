/**
 * The sentence each action carries: what to do, why it is due when it is
 * ("the business day after the decision date they gave you (Fri 27 Nov)",
 * "moved to Monday: Sunday is not a business day"), and which piece of the
 * career advice (shared/seeds, cited in follow-up-rules.md) it follows.
 */
import { shortDayLabel, WEEKDAY_NAMES, weekday, type LocalDate, type WorkCalendar } from '../dates';
import type { Settings } from '../types';

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** `2` -> "two business days", `1` -> "one business day", `12` -> "12 business days". */
export function countWord(n: number, unit: string): string {
	const word = n >= 0 && n < WORDS.length ? WORDS[n] : String(n);
	return `${word} ${unit}${n === 1 ? '' : 's'}`;
}

/** "the business day after" for 1, "two business days after" otherwise. */
function businessDaysAfter(n: number): string {
	return n === 1 ? 'the business day after' : `${countWord(n, 'business day')} after`;
}

const day = shortDayLabel;

/**
 * Why a date that was rolled forward is not the one counted: "moved to
 * Monday: Sunday is not a business day" / "moved to Friday: Thu 26 Nov is a
 * holiday". Empty when it was not moved.
 */
export function movedBecause(counted: LocalDate, rolled: LocalDate, cal: WorkCalendar): string {
	if (counted === rolled) return '';
	const holidays = cal.holidays instanceof Set ? cal.holidays : new Set(cal.holidays as readonly LocalDate[]);
	const why = holidays.has(counted) && cal.workWeek.includes(weekday(counted))
		? `${day(counted)} is a holiday`
		: `${WEEKDAY_NAMES[weekday(counted)]} is not a business day`;
	return `moved to ${WEEKDAY_NAMES[weekday(rolled)]} ${day(rolled).slice(4)}: ${why}`;
}

const NAMES_ADVICE = 'as the career advice says: "obtain the correct names and titles of all the people you speak with."';
const CHECK_ADVICE = 'as the career advice says: contact them "every week to ten days in a polite, respectful, curious manner."';

type ReasonSettings = Pick<
	Settings,
	'thankYouBusinessDays' | 'referenceAlertBusinessDays' | 'askTimelineBusinessDays' | 'referralBusinessDays' | 'patienceMax'
>;

/** The reason sentences of one schedule (the settings fixed). */
export class Reasons {
	constructor(private readonly s: ReasonSettings) {}

	collectNames(noInterviewer: boolean, due: LocalDate): string {
		const what = noInterviewer
			? 'This interview note names no interviewer: write down the name and title of each person you met'
			: 'An interviewer of this interview has no title in any note: add the title of each person you met';
		return `${what} by ${day(due)}, the business day after the interview, ${NAMES_ADVICE}`;
	}

	thankYou(due: LocalDate): string {
		return (
			`Send a thank-you note to this interviewer by ${day(due)}, ${countWord(this.s.thankYouBusinessDays, 'business day')} after the interview, ` +
			'as the career advice says: "Within two business days, send a thank you note or email to each person involved in your interview" ' +
			'(even if the job is not one you really want).'
		);
	}

	referenceAlert(due: LocalDate, namedLater: boolean): string {
		const from = namedLater ? 'the interview note that first names them' : 'your first interview';
		return (
			`Tell this reference who may call them, from which company and about which role, by ${day(due)}, ` +
			`${businessDaysAfter(this.s.referenceAlertBusinessDays)} ${from}, ` +
			'as the career advice says: "alert your references about the possibility of a call."'
		);
	}

	findContact(due: LocalDate, hasContact: boolean): string {
		const what = hasContact
			? 'Get an email address or a phone number for your contact, the person to ask about the status of the hire,'
			: 'Find out who to ask about the status of the hire, and how to reach them,';
		return (
			`${what} by ${day(due)}, the business day after your first interview, as the career advice says: ` +
			'"find a contact person in the company ... be sure to get their contact information."'
		);
	}

	askTimeline(due: LocalDate): string {
		return (
			`Ask when the employer expects to make a final decision and whether there will be further interviews, by ${day(due)}, ` +
			`${businessDaysAfter(this.s.askTimelineBusinessDays)} the interview, ` +
			'as the career advice says: ask "when the employer expects to make a final decision" and know the timetable.'
		);
	}

	prepare(earliest: LocalDate, round: LocalDate): string {
		return (
			`Prepare for the round on ${day(round)}, from ${day(earliest)} (two business days before): the people you met and what they cared about, ` +
			'the questions still open and the two to ask at the close, as the career advice says: "send your thanks and then prepare for a callback interview."'
		);
	}

	/** A status check on the plain (or, after silent checks, doubled) cadence. */
	statusCheck(p: {
		since: 'interview' | 'contact' | 'check';
		from: LocalDate;
		min: number;
		max: number;
		silent: number;
		backedOff: boolean;
		earliestMoved: string;
		dueMoved: string;
	}): string {
		const since = p.since === 'interview' ? 'the interview' : p.since === 'contact' ? 'your last contact' : 'your last check';
		const moved = [p.earliestMoved, p.dueMoved].filter((m) => m !== '').join('; ');
		const window = `${p.min} to ${p.max} days after ${since} (${day(p.from)})${moved === '' ? '' : `, ${moved}`}`;
		if (p.backedOff) {
			const pace = p.min === 14 ? 'every two weeks' : `every ${p.min} to ${p.max} days`;
			return (
				`After ${countWord(p.silent, 'check')} with no reply, ${pace}: check in ${window}, ` +
				'as the career advice says: "every couple of weeks until the position is filled", enthusiastic, not desperate.'
			);
		}
		return `Check in on the status of the hire ${window}, ${CHECK_ADVICE}`;
	}

	/** "Be patient": the business day after the decision date they gave. */
	statusCheckPatient(decision: LocalDate, earliest: LocalDate): string {
		return (
			`They expect to decide by ${day(decision)}: check in on the business day after the decision date they gave you (${day(earliest)}), ` +
			'as the career advice says: "Do be patient" and do not appear desperate.'
		);
	}

	/** "But never silent for long": a decision date too far away is not waited for. */
	statusCheckNotWaiting(decision: LocalDate, from: LocalDate, min: number, max: number, moved: string): string {
		return (
			`Their decision date (${day(decision)}) is more than ${this.s.patienceMax} days after ${day(from)}, so do not wait for it: ` +
			`check in ${min} to ${max} days after ${day(from)}${moved === '' ? '' : `, ${moved}`}, ` +
			'as the career advice says: "every couple of weeks until the position is filled", so you do not recede from their memory.'
		);
	}

	answerOffer(deadline: LocalDate | null, earliest: LocalDate, due: LocalDate, undated: string): string {
		if (deadline !== null) {
			return `Answer the offer by its deadline, ${day(deadline)}; from ${day(earliest)}, two business days before, decide and reply: the offer is the decision the follow-ups waited for.`;
		}
		return (
			`Thank them for the offer${undated} and ask by when they need an answer, by ${day(due)}, two business days after it: ` +
			'the offer is the decision the follow-ups waited for; answer it on time.'
		);
	}

	referralRequest(from: LocalDate, due: LocalDate, undated: string): string {
		return (
			`After the rejection (${day(from)}${undated}), thank them, keep the door open and ask whether they know other companies hiring for your skills, ` +
			`by ${day(due)}, ${countWord(this.s.referralBusinessDays, 'business day')} after it, ` +
			'as the career advice says: "do not burn the bridge" and "consider asking the interviewer for referrals."'
		);
	}

	withdraw(hiredAt: string, from: LocalDate, due: LocalDate): string {
		return (
			`You were hired at ${hiredAt} (${day(from)}): withdraw from this application by ${day(due)}, two business days after, ` +
			'thanking them and keeping the door open, as the career advice says: "do not burn the bridge you just created through the interview."'
		);
	}
}

/** What an undated status date says about where it comes from: " (the day the note last changed; ...)". */
export function undatedStatus(status: string): string {
	return `, the day its note last changed: add "YYYY-MM-DD ${status}" to follow_ups to date it`;
}

export function keepLookingReason(active: number, minActive: number): string {
	const count =
		active === 0 ? 'No application is' : active === 1 ? 'Only one application is' : `Only ${active} applications are`;
	return (
		`${count} active (fewer than ${minActive}): find more openings and apply, ` +
		`as the career advice says: "Do not stop looking" until you hear the words "You're hired."`
	);
}
