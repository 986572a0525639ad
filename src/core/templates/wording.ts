/**
 * The built-in wording: for each message, each part in six variants, every
 * one a whole sentence that reads right on its own (the user's topics and
 * pitch only ever stand after a colon or inside a placeholder, never inside
 * running grammar). Which variant a message gets is chosen in `context.ts` (`variantIndex`):
 * colleagues in one interview get different variants of every part, and so do
 * successive rounds to the same person (004: "tweak the wording ... so it will
 * appear you had each individual in mind").
 *
 * The role is named in one part of each message only (`role_phrase`, or
 * the subject where the body does not name it); the others say "the role",
 * so no two sentences in a row repeat "the X position", and a subject does
 * not name what the first sentence names.
 */

/** The six variants of each part, by message kind and part. */
export const WORDING = {
	/** Thank-you note (000, 002, 004). */
	'thank-you': {
		subject: [
			'Thank you{{#role}}: {{role}} interview{{/role}}',
			'Thanks for meeting with me',
			'Thank you for your time',
			'With thanks for our conversation',
			'Following our interview',
			'Thank you for the conversation',
		],
		/** Thanks for the time (000, 002: "Thanks for your time"), at a first meeting. */
		opening: [
			'Thank you for taking the time to meet with me{{#interview_date}} on {{interview_date}}{{/interview_date}}.',
			'Thank you very much for your time{{#interview_date}} on {{interview_date}}{{/interview_date}}; I appreciated the chance to talk with you.',
			'I want to thank you for the time you gave me{{#interview_date}} on {{interview_date}}{{/interview_date}}.',
			'Many thanks for making the time to speak with me{{#interview_date}} on {{interview_date}}{{/interview_date}}.',
			'Thank you for the time you spent with me{{#interview_date}} on {{interview_date}}{{/interview_date}}, and for your thoughtful questions.',
			'I am grateful for the time you took to talk with me{{#interview_date}} on {{interview_date}}{{/interview_date}}.',
		],
		/** Thanks for the time, to someone met in an earlier round: good to meet again. */
		opening_again: [
			'It was good to meet with you again{{#interview_date}} on {{interview_date}}{{/interview_date}}, and thank you for your time.',
			'Thank you for your time{{#interview_date}} on {{interview_date}}{{/interview_date}}; it was a pleasure to see you again.',
			'It was great to talk with you again{{#interview_date}} on {{interview_date}}{{/interview_date}}, and I am grateful for the time you gave me.',
			'Thank you once more for your time{{#interview_date}} on {{interview_date}}{{/interview_date}}; it was good to see you again.',
			'I was glad to see you again{{#interview_date}} on {{interview_date}}{{/interview_date}}, and I want to thank you for your time.',
			'Thank you for making time for me again{{#interview_date}} on {{interview_date}}{{/interview_date}}; it was good to pick up where we left off.',
		],
		/** Enjoyed learning more about the company (002: "I enjoyed learning more about the company"). */
		enjoyed: [
			'I enjoyed learning more about {{company_or_team}}.',
			'It was a pleasure to learn more about {{company_or_team}} and the work you do.',
			'I really enjoyed hearing more about {{company_or_team}} and how your team works.',
			'Learning more about {{company_or_team}} was a real pleasure.',
			'I came away glad to have learned so much more about {{company_or_team}}.',
			'I was glad to hear more about {{company_or_team}} and where it is headed.',
		],
		/** Still very interested in the role (000: "your continued interest in the job"; 002). The one part that names the role. */
		interest: [
			'I am still very interested in {{role_phrase}}.',
			'Our conversation confirmed that I am very interested in {{role_phrase}}.',
			'I remain very interested in {{role_phrase}}.',
			'I am more interested than ever in {{role_phrase}}.',
			'I continue to be very interested in {{role_phrase}} and the chance to contribute.',
			'Everything I heard left me very interested in {{role_phrase}}.',
		],
		/** Happy to talk again at their convenience; feel free to call (000: "at the employer's convenience"; 002: "Please feel free to call me"). */
		call: [
			'I would be glad to talk again at your convenience; please feel free to call me{{#user_phone}} at {{user_phone}}{{/user_phone}}.',
			'I am happy to talk further whenever it suits you, so please feel free to call me{{#user_phone}} at {{user_phone}}{{/user_phone}}.',
			'I would welcome the chance to talk again at a time convenient for you; feel free to call me{{#user_phone}} at {{user_phone}}{{/user_phone}} with any questions.',
			'If you would like to talk again, I am available at your convenience; do feel free to call me{{#user_phone}} at {{user_phone}}{{/user_phone}}.',
			'Whenever it suits you, I would be happy to talk more; feel free to call me{{#user_phone}} at {{user_phone}}{{/user_phone}}.',
			'Please feel free to call me{{#user_phone}} at {{user_phone}}{{/user_phone}} if any questions come up; I am glad to talk again at your convenience.',
		],
		/** The informational gift (000, 001, 002): the topic only inside the placeholder the user replaces. */
		gift: [
			'I read something afterwards that made me think of you, and I hope you enjoy it: [a link or tip about: {{gift}}].',
			'I came across something afterwards that I hope you will find interesting: [a link or tip about: {{gift}}].',
			'This made me think of what we talked about, so I am passing it on: [a link or tip about: {{gift}}].',
			'In case it is useful, here is something related to what we discussed: [a link or tip about: {{gift}}].',
			'I remembered our talk when I read this, and thought of you: [a link or tip about: {{gift}}].',
			'One more thing, since it came up when we spoke: [a link or tip about: {{gift}}].',
		],
		/** With an ask-timeline open for the same person: 004's two questions, in the same message. */
		timeline: [
			'May I ask about the next steps: will there be further interviews, and when do you expect to make a decision?',
			'If you can share it, I would like to know whether there will be another round of interviews, and when you expect to decide.',
			'Could you tell me whether there will be further interviews, and when you expect to reach a decision?',
			'I would also be grateful to know the next steps: will there be another round of interviews, and roughly when do you expect to decide?',
			'When you have a moment, could you let me know whether there will be more interviews, and when you hope to make a final decision?',
			'I am curious about what comes next: will there be second interviews, and when do you plan to decide?',
		],
		/** A friendly closing (000: "warm regards" or "yours with appreciation"). */
		closing: ['Warm regards,', 'Yours with appreciation,', 'With warm thanks,', 'Kind regards,', 'With appreciation,', 'Best wishes,'],
	},
	/** Asking the timetable, the day after an interview (004, 003). */
	'ask-timeline': {
		subject: [
			'A quick question about the next steps',
			'Timing of the next steps',
			'Next steps, and thank you',
			'A short question about timing',
			'What comes next{{#company}} at {{company}}{{/company}}',
			'Your timeline, if you can share it',
		],
		opening: [
			'Thank you again for {{interview_ref}}; I am still very interested in {{role_phrase}}.',
			'I very much enjoyed {{interview_ref}} about {{role_phrase}}, and I have one quick question.',
			'Thank you for {{interview_ref}}; I came away even more interested in {{role_phrase}}.',
			'I enjoyed {{interview_ref}} for {{role_phrase}}, and I wanted to follow up briefly.',
			'Following {{interview_ref}}, I remain very interested in {{role_phrase}}.',
			'Thank you once more for {{interview_ref}} about {{role_phrase}}; I enjoyed it very much.',
		],
		timeline: [
			'May I ask about the next steps: will there be further interviews, and when do you expect to make a decision?',
			'If you can share it, I would like to know whether there will be another round of interviews, and when you expect to decide.',
			'Could you tell me whether there will be further interviews, and when you expect to reach a decision?',
			'I would be grateful to know the next steps: will there be another round of interviews, and roughly when do you expect to decide?',
			'When you have a moment, could you let me know whether there will be more interviews, and when you hope to make a final decision?',
			'I am curious about what comes next: will there be second interviews, and when do you plan to decide?',
		],
		thanks: [
			'Thank you, and I look forward to hearing from you.',
			'Many thanks in advance.',
			'Thank you for your help.',
			'Thanks for any light you can shed on it.',
			'Thanks so much for letting me know.',
			'Thank you; knowing the timing will help me plan.',
		],
		closing: ['Kind regards,', 'Warm regards,', 'With thanks,', 'Best wishes,', 'With appreciation,', 'Many thanks,'],
	},
	/** Status check (003: polite, respectful, curious; 004: still interested, sell your strengths; 001: an idea to help). */
	'status-check': {
		subject: [
			'Following up on my application',
			'Checking in',
			'A quick follow-up',
			'Touching base',
			'Checking in on the next steps',
			'Following up, with thanks',
		],
		/** Polite, names the interview and the role (the one part that does). */
		opening: [
			'I hope you are well. I am writing to follow up on {{interview_ref}} for {{role_phrase}}.',
			'I hope your week is going well. I wanted to check in about {{role_phrase}}, following {{interview_ref}}.',
			'I hope all is well with you. It has been a little while since {{interview_ref}}, and I wanted to touch base about {{role_phrase}}.',
			'I hope this finds you well. I am following up on {{interview_ref}} about {{role_phrase}}.',
			'I hope things are going well{{#company}} at {{company}}{{/company}}. I wanted to follow up on {{interview_ref}} for {{role_phrase}}.',
			'I hope you have had a good week. I have been thinking about {{role_phrase}} since {{interview_ref}}, and I wanted to check in.',
		],
		/** Still interested; available for another meeting. */
		interest: [
			'I am still very interested in the role, and I would be glad to meet again if that would help.',
			'My interest in the job is as strong as ever, and I would be happy to come in for another conversation.',
			'I remain very keen on the opportunity and would welcome another meeting whenever it suits you.',
			'I am still very interested, and I am available for another meeting if you would find it useful.',
			'The role is still very much what I am looking for, and I would be happy to meet again.',
			'I continue to be very interested and am glad to make time for another meeting.',
		],
		/** The status and the timetable, curious, when no decision date is known. */
		question: [
			'I am curious to know where things stand, and what the timetable looks like from here.',
			'Could you tell me how the process is going, and when you expect to make a decision?',
			'I would love to hear where you are in the process and what the next steps will be.',
			'If you can share it, I would like to know the status of the search and the likely timetable.',
			'Is there any news you can share about the status, and when a decision might come?',
			'I would be grateful for any update on where things stand and when you hope to decide.',
		],
		/** The same, when they named a decision date. */
		question_dated: [
			'You mentioned you expected to decide around {{decision_date}}, so I am curious to know where things stand.',
			'I remember you hoped to decide around {{decision_date}}; could you tell me how the process is going?',
			'Since you planned to decide around {{decision_date}}, I would love to hear where you are in the process.',
			'You had mentioned {{decision_date}} for a decision; is there any update you can share on the status and the timetable?',
			'I know you were aiming to decide around {{decision_date}}; I would be grateful for any news on where things stand.',
			'As you expected a decision around {{decision_date}}, I wanted to ask how things stand and what the next steps are.',
		],
		/** Says plainly it is not meant as pressure (003: "not ... desperate"; 004: "enthusiastic, not desperate"). */
		pressure: [
			'This is not meant as pressure; I know decisions like this take time.',
			'Please do not take this as pressure: I understand these things take time.',
			'I do not mean to rush you, and I know there is a lot to weigh.',
			'There is no pressure at all; I simply wanted to keep in touch.',
			'I am not trying to hurry the process, and I appreciate the care it takes.',
			'I know a decision like this takes time, and this is not meant to push.',
		],
		/** Sells the candidate's strengths once more (004), from the note's `pitch`, after a colon. */
		pitch: [
			'As a reminder of what I would bring to the role: {{pitch}}.',
			'One thing I would add to what we discussed: {{pitch}}.',
			'Thinking about what you need, this is what I would bring: {{pitch}}.',
			'In short, here is what I can offer: {{pitch}}.',
			'Since we spoke, I have thought more about what I would bring: {{pitch}}.',
			'To recap what I would bring: {{pitch}}.',
		],
		/** A gift or an idea to help the company (001, 000). */
		gift: [
			'In the meantime, I came across something I thought you might like: [a link or tip about: {{gift}}].',
			'I also wanted to pass this along, as it made me think of our conversation: [a link or tip about: {{gift}}].',
			'While thinking about the role, I had an idea that might help your team: [an idea or link about: {{gift}}].',
			'Here is something you may find interesting: [a link or tip about: {{gift}}].',
			'I saw this recently and thought of you: [a link or tip about: {{gift}}].',
			'Something that might be useful to you: [a link or tip about: {{gift}}].',
		],
		thanks: [
			'Thank you again for your time and consideration.',
			'Thank you for considering me.',
			'Many thanks for your time, and I look forward to hearing from you.',
			'I appreciate your time and look forward to your news.',
			'Thanks again, and I hope to hear from you soon.',
			'Thank you, and I look forward to hearing how things go.',
		],
		closing: ['Kind regards,', 'Warm regards,', 'Best wishes,', 'With thanks,', 'All the best,', 'With appreciation,'],
	},
} as const satisfies Record<string, Record<string, readonly string[]>>;

export type WordedKind = keyof typeof WORDING;
export const WORDED_KINDS = Object.keys(WORDING) as WordedKind[];

/** The parts of a worded kind. */
export type WordingPart<K extends WordedKind> = keyof (typeof WORDING)[K];

/**
 * A gift sentence whose placeholder (`[a link or tip about: topic]`, the
 * wording's `gift` parts) the user has not replaced: from the start of its
 * line or after the previous sentence, to its full stop and the spaces after.
 */
const UNFILLED_GIFT = /(^|[.!?][ \t])[^\n.!?[]*\[(?:a link or tip|an idea or link) about: [^\n]*?\](?:[.!?](?=[ \t]|$)|$)[ \t]*/gm;

/**
 * `text` without the gift sentences still holding their placeholder, for a
 * message sent as it is (the `mailto:` body): the bracket is for the user to
 * fill in a draft, never to reach the reader. A paragraph left empty goes too.
 */
export function withoutUnfilledPlaceholders(text: string): string {
	const out = text.replace(UNFILLED_GIFT, '$1');
	if (out === text) return text;
	return out
		.replace(/[ \t]+$/gm, '')
		.replace(/\n{3,}/g, '\n\n')
		.replace(/^\n+/, '');
}
