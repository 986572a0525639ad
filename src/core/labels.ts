/**
 * How each kind of action is named to the user, in one table: the view, the
 * status bar, the command line's text output and the calendar all use it.
 */
import type { ActionKind } from './types';

export interface KindLabel {
	/** A few words, lowercase: "thank-you note" (capitalise for a title). */
	noun: string;
	/** What to do, as a sentence without a full stop: "Send a thank-you note to Jane Doe"; `who` is null when it names nobody. */
	todo: (who: string | null) => string;
}

export const KIND_LABELS: Readonly<Record<ActionKind, KindLabel>> = {
	'collect-names': { noun: 'collect names', todo: () => 'Write down the names and titles of everyone you met' },
	'thank-you': {
		noun: 'thank-you note',
		todo: (who) => (who ? `Send a thank-you note to ${who}` : 'Send a thank-you note to everyone you met'),
	},
	'reference-alert': {
		noun: 'reference heads-up',
		todo: (who) => (who ? `Tell ${who} a reference call may come` : 'Tell your references a call may come'),
	},
	'find-contact': {
		noun: 'find a contact',
		todo: (who) => (who ? `Get an email address or phone number for ${who}` : 'Find out whom to ask about the status, and how to reach them'),
	},
	'ask-timeline': {
		noun: 'ask about the timeline',
		todo: (who) => (who ? `Ask ${who} when they expect to decide` : 'Ask when they expect to decide'),
	},
	prepare: { noun: 'prepare the next round', todo: () => 'Prepare for the next round' },
	'status-check': {
		noun: 'status check',
		todo: (who) => (who ? `Check in with ${who} about the status` : 'Check in about the status'),
	},
	'answer-offer': {
		noun: 'answer the offer',
		todo: (who) => (who ? `Answer the offer: tell ${who} your decision` : 'Answer the offer'),
	},
	'referral-request': {
		noun: 'referral request',
		todo: (who) => (who ? `Ask ${who} for referrals` : 'Ask your contact for referrals'),
	},
	withdraw: {
		noun: 'withdraw',
		todo: (who) => (who ? `Tell ${who} you are withdrawing your application` : 'Withdraw your application'),
	},
	'keep-looking': { noun: 'keep looking', todo: () => 'Keep looking: find more openings and apply' },
};

/** The noun with a capital: "Thank-you note", for titles. */
export function kindTitle(kind: ActionKind): string {
	const noun = KIND_LABELS[kind].noun;
	return noun.charAt(0).toUpperCase() + noun.slice(1);
}
