/**
 * The built-in templates and the wording variants of the thank-you note.
 *
 * Every sentence follows the advice in shared/seeds (cited per template); the
 * user may replace any template with a file `<kind>.md` in the templates folder.
 */
import type { TemplateKind } from './kinds';

/**
 * The wording variants of the thank-you note (004: "tweak the wording of the
 * notes slightly so it will appear you had each individual in mind"). Each is a
 * small mustache template over the same view as the note; which one a person
 * gets is chosen by a stable hash of person and application.
 */
export const THANK_YOU_VARIANTS = {
	/** Thanks for the time (000, 002: "Thanks for your time"). */
	opening: [
		'Thank you for taking the time to meet with me{{#interview_date}} on {{interview_date}}{{/interview_date}}.',
		'Thank you very much for your time{{#interview_date}} on {{interview_date}}{{/interview_date}}; I appreciated our conversation.',
		'I want to thank you for the time you gave me{{#interview_date}} on {{interview_date}}{{/interview_date}}.',
		'Many thanks for making the time to speak with me about {{role_phrase}}.',
		'Thank you for the time you spent with me{{#interview_date}} on {{interview_date}}{{/interview_date}}, and for your thoughtful questions.',
		'I am grateful for the time you took to talk with me{{#interview_date}} on {{interview_date}}{{/interview_date}}.',
	],
	/** Enjoyed learning more about the company (002: "I enjoyed learning more about the company"). */
	enjoyed: [
		'I enjoyed learning more about {{company_or_team}}.',
		'It was a pleasure to learn more about {{company_or_team}} and the work you do.',
		'I really enjoyed hearing more about {{company_or_team}} and how your team works.',
		'Learning more about {{company_or_team}} was a real pleasure.',
		'I came away glad to have learned so much more about {{company_or_team}}.',
	],
	/** Still very interested in the role (000: "your continued interest in the job"; 002). */
	interest: [
		'I am still very interested in {{role_phrase}}.',
		'Our conversation confirmed that I am very interested in {{role_phrase}}.',
		'I remain very interested in {{role_phrase}}{{#company}} at {{company}}{{/company}}.',
		'I am more interested than ever in {{role_phrase}}.',
		'I continue to be very interested in {{role_phrase}} and the chance to contribute.',
	],
	/** Happy to talk again at their convenience; feel free to call (000: "re-engage in conversation ... at the employer's convenience"; 002: "Please feel free to call me"). */
	call: [
		'I would be glad to talk again at your convenience; please feel free to call me{{#user_phone}} at {{user_phone}}{{/user_phone}}.',
		'I am happy to talk further whenever it suits you, so please feel free to call me{{#user_phone}} at {{user_phone}}{{/user_phone}}.',
		'I would welcome the chance to continue our conversation at a time convenient for you; feel free to call me{{#user_phone}} at {{user_phone}}{{/user_phone}} with any questions.',
		'Should you wish to talk again, I am available at your convenience. Please feel free to call me{{#user_phone}} at {{user_phone}}{{/user_phone}} at any time.',
	],
	/** The informational gift (000, 001, 002): a link or tip on a topic the person cared about. */
	gift: [
		'You mentioned {{gift}}, so I thought you might enjoy this: [add the link or tip].',
		'Since we talked about {{gift}}, here is something I came across that you may find interesting: [add the link or tip].',
		'After our conversation about {{gift}}, this came to mind and I thought of you: [add the link or tip].',
		'Knowing you care about {{gift}}, I thought you might find this useful: [add the link or tip].',
	],
	/** A friendly closing (000: "warm regards" or "yours with appreciation"). */
	closing: ['Warm regards,', 'Yours with appreciation,', 'With warm thanks,', 'Kind regards,', 'With appreciation,'],
} as const satisfies Record<string, readonly string[]>;

export type VariantPart = keyof typeof THANK_YOU_VARIANTS;
export const VARIANT_PARTS = Object.keys(THANK_YOU_VARIANTS) as VariantPart[];

/** Thank-you note (000, 001, 002, 004). */
const THANK_YOU = `Subject: Thank you{{#role}}: {{role}} interview{{/role}}{{^role}} for the interview{{/role}}

{{greeting}}

{{opening}} {{enjoyed_line}}

{{interest_line}} {{call_line}}
{{#gift}}

{{gift_line}}
{{/gift}}

{{closing}}
{{user_name}}
`;

/** Status check (003: polite, respectful, curious, still interested, available, not pressure; 004: the decision; 001: an idea to help). */
const STATUS_CHECK = `Subject: Following up{{#role}} on the {{role}} position{{/role}}{{^role}} on my interview{{/role}}{{#company}} at {{company}}{{/company}}

{{greeting}}

I hope you are well. I am writing to follow up on my interview{{#interview_date}} on {{interview_date}}{{/interview_date}} for {{role_phrase}}{{#company}} at {{company}}{{/company}}. I am still very interested in the position, and I would be glad to meet again whenever it suits you.

{{#ask_timeline}}
I am curious about the next steps: will there be second interviews, and if so, when? And when do you expect to make a final decision?
{{/ask_timeline}}
{{^ask_timeline}}
I am curious to know where things stand: has a decision been made, and what is the timetable from here?{{#decision_date}} I remember you expected to decide around {{decision_date}}.{{/decision_date}}
{{/ask_timeline}}

This is not meant as pressure: I know these decisions take time. I simply would not like to be forgotten for this position.
{{#gift}}

In the meantime, since you mentioned {{gift}}, I thought this might interest you: [add the link, tip or idea].
{{/gift}}

Thank you again for your time and consideration.

Kind regards,
{{user_name}}
`;

/** Reference heads-up (004: "alert your references about the possibility of a call from 'John Doe with Acme Finance' regarding the 'secretarial' position"). */
const REFERENCE_ALERT = `Subject: Heads-up: you may get a reference call{{#company}} from {{company}}{{/company}}

{{greeting}}

I am interviewing{{#company}} with {{company}}{{/company}} for {{role_phrase}}, and I have given your name as a reference. You may get a call from {{#contact_name}}{{contact_name}}{{#contact_title}} ({{contact_title}}){{/contact_title}}{{/contact_name}}{{^contact_name}}someone{{/contact_name}}{{#company}} with {{company}}{{/company}} regarding {{role_phrase}}. I wanted you to know in advance, so the call does not catch you off guard.

If it would help to know more about the role before then, I would be glad to tell you about it. Thank you so much for your support.

Warm regards,
{{user_name}}
`;

/** Referral request after a rejection (004: "do not burn the bridge ... consider asking the interviewer for referrals to other companies they know which may be hiring someone with your skills"). */
const REFERRAL_REQUEST = `Subject: Thank you, and a small request

{{greeting}}

Thank you for letting me know your decision{{#role}} on the {{role}} position{{/role}}, and for the time you gave me during the process. I enjoyed meeting you and learning about {{company_or_team}}, and I would be glad to stay in touch: if another opening comes up where my skills fit, I would love to hear from you.

May I ask a favour? Do you know of other companies that may be hiring someone with my skills? A name or an introduction would mean a great deal to me.

Thank you again, and all the best.

Warm regards,
{{user_name}}
`;

/** New interview note (note-format.md; 004: the closing questions, names and titles; 003: the contact person; 002: the topics). */
const INTERVIEW = `---
type: {{interview_type}}
company:{{#company_yaml}} {{company_yaml}}{{/company_yaml}}
role:{{#role_yaml}} {{role_yaml}}{{/role_yaml}}
interview_date:{{#next_interview_yaml}} {{next_interview_yaml}}{{/next_interview_yaml}}
interviewers:
contact:{{#contact_yaml}} {{contact_yaml}}{{/contact_yaml}}
decision_date:
next_interview:
references:
{{#references}}
  - {{yaml}}
{{/references}}
status: interviewing
follow_ups:
topics:
---
# {{#company}}{{company}}{{/company}}{{^company}}Company{{/company}}{{#role}}: {{role}}{{/role}} interview

## People
%% For each person you meet: name, title and email (ask for business cards), one list item each, e.g. \`Jane Doe, VP Engineering <jane@acme.example>\`. %%

## Gift ideas
%% What each person cared about, one list item each, e.g. \`Jane Doe: training for the Boston marathon\`: the seed of the informational gift in your thank-you note. %%

## Questions to ask at the close
- [ ] Will there be second interviews, and if so, when?
- [ ] When do you expect to make a final decision?
- [ ] Who is the best person to ask about the status of the hire, and how can I reach them?

## Notes

## Follow-ups
%% What you did, one list item each, e.g. \`2026-11-17 thank-you: Jane Doe\`. %%
`;

export const BUILT_IN_TEMPLATES: Readonly<Record<TemplateKind, string>> = {
	'thank-you': THANK_YOU,
	'status-check': STATUS_CHECK,
	'reference-alert': REFERENCE_ALERT,
	'referral-request': REFERRAL_REQUEST,
	interview: INTERVIEW,
};
