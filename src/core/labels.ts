/**
 * How each kind of action is named to the user, in one table: the view, the
 * status bar, the command line's text output and the calendar all use it.
 */
import type { ActionKind, Status } from './types';

export interface KindLabel {
	/** A few words, lowercase: "thank-you note" (capitalise for a title). */
	noun: string;
	/** What to do, as a sentence without a full stop: "Send a thank-you note to Jane Doe"; `who` is null when it names nobody. */
	todo: (who: string | null) => string;
	/** The action as a noun phrase: "thank-you note to Jane Doe", "status check with Sam Lee". */
	phrase: (who: string | null, company: string | null) => string;
}

export const KIND_LABELS: Readonly<Record<ActionKind, KindLabel>> = {
	'collect-names': { noun: 'collect names', todo: () => 'Write down the names and titles of everyone you met', phrase: (_who, company) => (company ? `names of the people you met at ${company}` : 'names of the people you met') },
	'thank-you': {
		noun: 'thank-you note',
		todo: (who) => (who ? `Send a thank-you note to ${who}` : 'Send a thank-you note to everyone you met'),
		phrase: (who) => (who ? `thank-you note to ${who}` : 'thank-you notes'),
	},
	'reference-alert': {
		noun: 'reference heads-up',
		todo: (who) => (who ? `Tell ${who} a reference call may come` : 'Tell your references a call may come'),
		phrase: (who) => (who ? `reference heads-up to ${who}` : 'reference heads-up'),
	},
	'find-contact': {
		noun: 'find a contact',
		todo: (who) => (who ? `Get an email address or phone number for ${who}` : 'Find out whom to ask about the status, and how to reach them'),
		phrase: (who) => (who ? `contact details of ${who}` : 'a contact to ask'),
	},
	'ask-timeline': {
		noun: 'ask about the timeline',
		todo: (who) => (who ? `Ask ${who} when they expect to decide` : 'Ask when they expect to decide'),
		phrase: (who) => (who ? `timeline question to ${who}` : 'timeline question'),
	},
	prepare: { noun: 'prepare the next round', todo: () => 'Prepare for the next round', phrase: () => 'preparing the next round' },
	'status-check': {
		noun: 'status check',
		todo: (who) => (who ? `Check in with ${who} about the status` : 'Check in about the status'),
		phrase: (who) => (who ? `status check with ${who}` : 'status check'),
	},
	'answer-offer': {
		noun: 'answer the offer',
		todo: (who) => (who ? `Answer the offer: tell ${who} your decision` : 'Answer the offer'),
		phrase: (who) => (who ? `answer to the offer, to ${who}` : 'answer to the offer'),
	},
	'referral-request': {
		noun: 'referral request',
		todo: (who) => (who ? `Ask ${who} for referrals` : 'Ask your contact for referrals'),
		phrase: (who) => (who ? `referral request to ${who}` : 'referral request'),
	},
	withdraw: {
		noun: 'withdraw',
		todo: (who) => (who ? `Tell ${who} you are withdrawing your application` : 'Withdraw your application'),
		phrase: (who) => (who ? `withdrawal, to ${who}` : 'withdrawal'),
	},
	'keep-looking': { noun: 'keep looking', todo: () => 'Keep looking: find more openings and apply', phrase: () => 'keep looking' },
};

/** The noun with a capital: "Thank-you note", for titles. */
export function kindTitle(kind: ActionKind): string {
	const noun = KIND_LABELS[kind].noun;
	return noun.charAt(0).toUpperCase() + noun.slice(1);
}

/** Each stage of the pipeline as a title: the pipeline view's columns and `report`'s groups. */
export const STAGE_TITLES: Readonly<Record<Status, string>> = {
	interviewing: 'Interviewing',
	offer: 'Offer',
	hired: 'Hired',
	rejected: 'Rejected',
	withdrawn: 'Withdrawn',
	closed: 'Closed',
};

/** A rate as the pipeline's totals say it: "71%", or "none yet" when nothing could be counted. */
export function percentText(x: number | null): string {
	return x === null ? 'none yet' : `${Math.round(x * 100)}%`;
}
