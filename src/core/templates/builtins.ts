/**
 * The built-in templates. The messages to interviewers and contacts are put
 * together from the parts in `wording.ts` (chosen per person and round); the
 * others are one text each. Every sentence follows the advice in
 * shared/seeds (cited per template); the user may replace any template with a
 * file `<kind>.md` in the templates folder.
 */
import type { TemplateKind } from './kinds';

/** Thank-you note (000, 001, 002, 004); with an ask-timeline open for the same person, its two questions too. */
const THANK_YOU = `Subject: {{subject_line}}

{{greeting}}

{{opening}} {{enjoyed_line}}

{{interest_line}} {{call_line}}
{{#timeline_line}}

{{timeline_line}}
{{/timeline_line}}
{{#gift_line}}

{{gift_line}}
{{/gift_line}}

{{closing}}
{{user_name}}
`;

/** Asking the timetable (004: "when the employer expects to make a final decision" and whether there are second interviews; 003). */
const ASK_TIMELINE = `Subject: {{subject_line}}

{{greeting}}

{{opening}} {{timeline_line}}

{{thanks_line}}

{{closing}}
{{user_name}}
`;

/** Status check (003: polite, respectful, curious, still interested, available, not pressure; 004: the timetable, the strengths; 001: an idea to help). */
const STATUS_CHECK = `Subject: {{subject_line}}

{{greeting}}

{{opening}} {{interest_line}}

{{question_line}} {{pressure_line}}
{{#pitch_line}}

{{pitch_line}}
{{/pitch_line}}
{{#gift_line}}

{{gift_line}}
{{/gift_line}}

{{thanks_line}}

{{closing}}
{{user_name}}
`;

/** Reference heads-up (004: "alert your references about the possibility of a call from 'John Doe with Acme Finance' regarding the 'secretarial' position"). */
const REFERENCE_ALERT = `Subject: A reference call may be coming{{#company}} from {{company}}{{/company}}

{{greeting}}

I have given your name as a reference for {{role_phrase}}{{#company}} at {{company}}{{/company}}, so you may get a call from {{#contact_name}}{{contact_name}}{{#contact_title}} ({{contact_title}}){{/contact_title}}{{/contact_name}}{{^contact_name}}someone there{{/contact_name}} in the next few days. I wanted you to know in advance, so the call does not catch you off guard.

If it would help to hear more about the job before then, I would be glad to tell you about it. Thank you so much for your support.

{{closing}}
{{user_name}}
`;

/** Referral request after a rejection (004: "do not burn the bridge ... consider asking the interviewer for referrals to other companies they know which may be hiring someone with your skills"). */
const REFERRAL_REQUEST = `Subject: Thank you, and a small request

{{greeting}}

Thank you for letting me know your decision, and for the time you gave me during the process. I enjoyed meeting you and learning about {{company_or_team}}, and I would be glad to stay in touch: if another opening comes up where I could help, I would love to hear from you.

May I ask a favour? Do you know of other companies that may be hiring someone {{skills_phrase}}? A name or an introduction would mean a great deal to me.

Thank you again, and all the best.

{{closing}}
{{user_name}}
`;

/** Withdrawal after accepting another offer (004: "do not burn the bridge you just created through the interview"). */
const WITHDRAW = `Subject: Withdrawing my application{{#role}} for the {{role}} role{{/role}}

{{greeting}}

Thank you for the time you and your colleagues gave me{{#company}} at {{company}}{{/company}}. I wanted to let you know myself that I have accepted another offer, so I am withdrawing my application.

It was a real pleasure to get to know your team, and I hope our paths cross again. I would be glad to stay in touch.

{{closing}}
{{user_name}}
`;

/** Preparing the next round (000: "prepare for a callback interview"; 001, 004): a section for the scheduled round's note. */
const PREPARE = `## Preparing for the next round{{#next_interview}} ({{next_interview}}){{/next_interview}}

### People met so far
{{#people_met}}
- {{name}}{{#title}}, {{title}}{{/title}}{{#topics}}
  - cared about: {{topic}}{{/topics}}
{{/people_met}}
{{^people_met}}
- %% Nobody is recorded yet: add each interviewer with their title. %%
{{/people_met}}

### Questions still open
{{#open_questions}}
- [ ] {{question}}
{{/open_questions}}
{{^open_questions}}
- %% None recorded: note what you want to learn in this round. %%
{{/open_questions}}

### To ask at the close
- [ ] Will there be further interviews, and if so, when?
- [ ] When do you expect to make a final decision?
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
pitch:
skills:
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
	'ask-timeline': ASK_TIMELINE,
	'status-check': STATUS_CHECK,
	'reference-alert': REFERENCE_ALERT,
	'referral-request': REFERRAL_REQUEST,
	withdraw: WITHDRAW,
	prepare: PREPARE,
	interview: INTERVIEW,
};
