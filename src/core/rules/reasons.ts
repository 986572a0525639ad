/**
 * The one sentence each action carries: what to do, and which piece of the
 * career advice (shared/seeds, cited in follow-up-rules.md) it follows.
 */
import type { LocalDate } from '../dates';

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** `2` -> "two business days", `1` -> "one business day", `12` -> "12 business days". */
export function countWord(n: number, unit: string): string {
	const word = n >= 0 && n < WORDS.length ? WORDS[n] : String(n);
	return `${word} ${unit}${n === 1 ? '' : 's'}`;
}

function who(person: string | null, fallback: string): string {
	return person ?? fallback;
}

export function collectNamesReason(d: LocalDate, noInterviewer: boolean): string {
	const what = noInterviewer
		? `This note of the interview on ${d} names no interviewer: write down the name and title of each person you met`
		: `Some interviewer in this note of the interview on ${d} has no title: add the title of each person you met`;
	return `${what}, as the career advice says: "obtain the correct names and titles of all the people you speak with."`;
}

export function thankYouReason(person: string, d: LocalDate, days: number): string {
	return (
		`Send ${person} a thank-you note within ${countWord(days, 'business day')} of the interview on ${d}, ` +
		`as the career advice says: "Within two business days, send a thank you note or email to each person involved in your interview" (even if the job is not one you really want).`
	);
}

export function referenceAlertReason(person: string, company: string, role: string | null): string {
	const about = role === null ? '' : ` about the ${role} role`;
	return (
		`Tell ${person} that ${company} may call${about}, ` +
		`as the career advice says: "alert your references about the possibility of a call" so they are not caught off guard.`
	);
}

export function askTimelineReason(person: string | null, company: string): string {
	return (
		`Ask ${who(person, company)} when ${company} expects to make a final decision and whether there will be second interviews, ` +
		`as the career advice says: ask "when the employer expects to make a final decision" and know the timetable.`
	);
}

export function statusCheckReason(
	person: string | null,
	company: string,
	from: { kind: 'interview' | 'contact'; date: LocalDate },
	cadence: { min: number; max: number },
): string {
	const since = from.kind === 'interview' ? `the interview on ${from.date}` : `your last contact on ${from.date}`;
	return (
		`Check in with ${who(person, company)} on the status of the hire ${cadence.min} to ${cadence.max} days after ${since}, ` +
		`as the career advice says: contact them "every week to ten days in a polite, respectful, curious manner."`
	);
}

export function patientStatusCheckReason(person: string | null, company: string, decisionDate: LocalDate): string {
	return (
		`${company} expects to decide by ${decisionDate}, so check in with ${who(person, company)} the business day after, ` +
		`as the career advice says: "Do be patient" and do not appear desperate.`
	);
}

export function referralRequestReason(person: string | null, company: string, rejected: LocalDate): string {
	return (
		`${company} said no on ${rejected}: thank ${who(person, 'them')}, keep the door open and ask about other companies hiring for your skills, ` +
		`as the career advice says: "do not burn the bridge" and "consider asking the interviewer for referrals."`
	);
}

export function keepLookingReason(active: number, minActive: number): string {
	const count =
		active === 0 ? 'No application is' : active === 1 ? 'Only one application is' : `Only ${active} applications are`;
	return (
		`${count} active (fewer than ${minActive}): find more openings and apply, ` +
		`as the career advice says: "Do not stop looking" until you hear the words "You're hired."`
	);
}
