/**
 * The one sentence each action carries: what to do, and which piece of the
 * career advice (shared/seeds, cited in follow-up-rules.md) it follows.
 *
 * The sentences name no person and no date (the action's own fields carry
 * those), so one schedule builds each of them once and every action of that
 * kind shares it.
 */

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** `2` -> "two business days", `1` -> "one business day", `12` -> "12 business days". */
export function countWord(n: number, unit: string): string {
	const word = n >= 0 && n < WORDS.length ? WORDS[n] : String(n);
	return `${word} ${unit}${n === 1 ? '' : 's'}`;
}

export interface ReasonSettings {
	thankYouBusinessDays: number;
	referenceAlertBusinessDays: number;
	askTimelineBusinessDays: number;
	referralBusinessDays: number;
	cadenceMin: number;
	cadenceMax: number;
}

/** Every reason sentence of one schedule (they depend on the settings only). */
export interface Reasons {
	collectNamesNone: string;
	collectNamesTitles: string;
	thankYou: string;
	referenceAlert: string;
	askTimeline: string;
	statusCheckAfterInterview: string;
	statusCheckAfterContact: string;
	statusCheckPatient: string;
	referralRequest: string;
}

const NAMES_ADVICE = 'as the career advice says: "obtain the correct names and titles of all the people you speak with."';

export function reasons(s: ReasonSettings): Reasons {
	const cadence = `${s.cadenceMin} to ${s.cadenceMax} days`;
	const checkAdvice = 'as the career advice says: contact them "every week to ten days in a polite, respectful, curious manner."';
	return {
		collectNamesNone: `This interview note names no interviewer: write down the name and title of each person you met, ${NAMES_ADVICE}`,
		collectNamesTitles: `An interviewer in this note has no title: add the title of each person you met, ${NAMES_ADVICE}`,
		thankYou:
			`Send a thank-you note to this interviewer within ${countWord(s.thankYouBusinessDays, 'business day')} of the interview, ` +
			'as the career advice says: "Within two business days, send a thank you note or email to each person involved in your interview" ' +
			'(even if the job is not one you really want).',
		referenceAlert:
			`Within ${countWord(s.referenceAlertBusinessDays, 'business day')} of your first interview, tell this reference who may call them, ` +
			'from which company and about which role, as the career advice says: "alert your references about the possibility of a call" ' +
			'so they are not caught off guard.',
		askTimeline:
			'Ask when the employer expects to make a final decision and whether there will be second interviews, ' +
			'as the career advice says: ask "when the employer expects to make a final decision" and know the timetable.',
		statusCheckAfterInterview: `Check in on the status of the hire ${cadence} after the interview, ${checkAdvice}`,
		statusCheckAfterContact: `Check in on the status of the hire ${cadence} after your last contact with the employer, ${checkAdvice}`,
		statusCheckPatient:
			`The employer expects to decide later than ${s.cadenceMax} days after the interview, so check in on the business day after that date, ` +
			'as the career advice says: "Do be patient" and do not appear desperate.',
		referralRequest:
			'After the rejection, thank them, keep the door open and ask whether they know other companies hiring for your skills, ' +
			'as the career advice says: "do not burn the bridge" and "consider asking the interviewer for referrals."',
	};
}

export function keepLookingReason(active: number, minActive: number): string {
	const count =
		active === 0 ? 'No application is' : active === 1 ? 'Only one application is' : `Only ${active} applications are`;
	return (
		`${count} active (fewer than ${minActive}): find more openings and apply, ` +
		`as the career advice says: "Do not stop looking" until you hear the words "You're hired."`
	);
}
