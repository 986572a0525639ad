/**
 * Every variable a template may use, with its type and meaning. The renderer
 * checks templates against this list (an unknown name is shown literally and
 * reported), and docs/templates.md lists the same names.
 */

export type VariableSpec =
	| { type: 'string'; description: string }
	| { type: 'boolean'; description: string }
	| { type: 'list'; description: string; item: Readonly<Record<string, VariableSpec>> };

const TOPIC_ITEM: Readonly<Record<string, VariableSpec>> = {
	topic: { type: 'string', description: 'One thing the person cared about.' },
};

const SKILL_ITEM: Readonly<Record<string, VariableSpec>> = {
	skill: { type: 'string', description: 'One skill the role uses.' },
};

const QUESTION_ITEM: Readonly<Record<string, VariableSpec>> = {
	question: { type: 'string', description: 'One question the notes leave open.' },
};

const PERSON_ITEM: Readonly<Record<string, VariableSpec>> = {
	name: { type: 'string', description: 'Full name.' },
	first_name: { type: 'string', description: 'First name (the whole name when it has no spaces).' },
	salutation: { type: 'string', description: 'How to address them (see `salutation` below).' },
	title: { type: 'string', description: 'Title, or empty.' },
	email: { type: 'string', description: 'Email address, or empty.' },
	phone: { type: 'string', description: 'Phone number, or empty.' },
	topics: { type: 'list', description: 'What the person cared about.', item: TOPIC_ITEM },
	yaml: {
		type: 'string',
		description: 'The person as a YAML list value for frontmatter (`"Jane Doe, VP Engineering <jane@acme.example>"`).',
	},
};

export const TEMPLATE_VARIABLES: Readonly<Record<string, VariableSpec>> = {
	// The application
	company: { type: 'string', description: 'The employer, e.g. `Acme Finance`.' },
	company_or_team: { type: 'string', description: 'The employer, or `your team` when the company is unknown.' },
	role: { type: 'string', description: 'The job applied for, e.g. `Secretary`, or empty.' },
	role_phrase: { type: 'string', description: '`the Secretary position`, or `the position` when the role is unknown.' },
	status: { type: 'string', description: 'The application status as the rules see it (`interviewing`, `offer`, `rejected` ...).' },
	interview_date: {
		type: 'string',
		description: 'The interview this note is about, e.g. `Monday 16 November` (the year is added when it is not this year).',
	},
	interview_date_iso: { type: 'string', description: 'The same date as `2026-11-16`.' },
	interview_time: { type: 'string', description: 'The time of that interview as written (`10:00`), or empty.' },
	interview_ref: { type: 'string', description: '`our interview on Monday 16 November`, or `our interview` when it has no date.' },
	met_before: {
		type: 'boolean',
		description: 'True when the person was an interviewer in an earlier round of the application (a later round\'s thank-you).',
	},
	decision_date: { type: 'string', description: 'When the employer expects to decide, e.g. `Friday 4 December`, or empty.' },
	decision_date_iso: { type: 'string', description: 'The same date as `2026-12-04`.' },
	next_interview: { type: 'string', description: 'The next scheduled round after today, e.g. `Tuesday 24 November`, or empty.' },
	next_interview_iso: { type: 'string', description: 'The same date as `2026-11-24`.' },
	next_interview_yaml: {
		type: 'string',
		description: 'The next round as a frontmatter value (`2026-11-24T10:00`), or empty.',
	},
	ask_timeline: {
		type: 'boolean',
		description:
			'True in an `ask-timeline`, and in a thank-you drafted together with an ask-timeline open for the same person: ask about further rounds and the decision date.',
	},
	pitch: {
		type: 'string',
		description: 'The note\'s `pitch` (latest note that has one), without its final full stop, or empty.',
	},
	skills: { type: 'list', description: 'The role\'s `skills` (latest note that has them).', item: SKILL_ITEM },
	skills_phrase: {
		type: 'string',
		description: '`with my skills in bookkeeping, payroll and scheduling`, or `with my background and skills` when none are recorded.',
	},
	// The person the note is addressed to
	person_name: { type: 'string', description: 'Full name of the person the note is for, or empty.' },
	first_name: { type: 'string', description: 'Their first name (`Jane`; a name without spaces such as `山田太郎` whole).' },
	salutation: {
		type: 'string',
		description:
			'How to address them: the `salutation` of their person note or contact object, else the first name; `Dr. Okafor` for `Dr. Amara Okafor`; the whole name when written family name first (CJK script, or the setting `familyNameFirst`).',
	},
	person_title: { type: 'string', description: 'Their title, or empty.' },
	person_email: { type: 'string', description: 'Their email address, or empty.' },
	person_phone: { type: 'string', description: 'Their phone number, or empty.' },
	greeting: { type: 'string', description: '`Dear Jane,` (with `salutation`), or `Hello,` when nobody is named.' },
	// The application's contact (the person to ask about the status)
	contact_name: { type: 'string', description: 'The application contact (follow-up-rules.md, "Contact"), or empty.' },
	contact_first_name: { type: 'string', description: 'Their first name.' },
	contact_title: { type: 'string', description: 'Their title, or empty.' },
	contact_email: { type: 'string', description: 'Their email address, or empty.' },
	contact_phone: { type: 'string', description: 'Their phone number, or empty.' },
	// The informational gift
	gift: {
		type: 'string',
		description:
			'A topic the person cared about, exactly as written in the note (often in the third person: put it in a placeholder, not a sentence), or empty. Each round and each logged status check moves on to the next topic, so no topic is used twice while another is recorded.',
	},
	gifts: { type: 'list', description: 'Every topic recorded for the person.', item: TOPIC_ITEM },
	// The built-in wording, chosen per person and round (empty where the message has no such part)
	subject_line: { type: 'string', description: 'Wording: the subject (thank-you, ask-timeline, status check).' },
	opening: { type: 'string', description: 'Wording: the first sentence (thanks for the time; good to meet again in a later round; the follow-up).' },
	enjoyed_line: { type: 'string', description: 'Thank-you wording: enjoyed learning more about the company.' },
	interest_line: { type: 'string', description: 'Wording: still very interested (thank-you: names the role; status check: available to meet again).' },
	call_line: { type: 'string', description: 'Thank-you wording: happy to talk again at their convenience, feel free to call.' },
	timeline_line: {
		type: 'string',
		description: 'Wording: will there be further rounds, and when do they expect to decide (ask-timeline; a thank-you with `ask_timeline`).',
	},
	question_line: { type: 'string', description: 'Status-check wording: where things stand and the timetable (with the decision date when known).' },
	pressure_line: { type: 'string', description: 'Status-check wording: this is not meant as pressure.' },
	pitch_line: { type: 'string', description: 'Status-check wording: your strengths once more, from `pitch`, or empty.' },
	gift_line: { type: 'string', description: 'Wording: the gift sentence with the topic in a placeholder, or empty when there is no gift.' },
	thanks_line: { type: 'string', description: 'Wording: thanks before the closing (ask-timeline, status check).' },
	closing: {
		type: 'string',
		description: 'A friendly closing (`Warm regards,`), varied per person; the setting `signOff` when set.',
	},
	// The user
	user_name: { type: 'string', description: 'The user\'s name (setting `userName`), or `[Your name]`.' },
	user_email: { type: 'string', description: 'The user\'s email address (given by the caller as `user.email`), or empty.' },
	user_phone: { type: 'string', description: 'The user\'s phone number (setting `userPhone`), or empty.' },
	// Dates
	today: { type: 'string', description: 'Today, e.g. `Saturday 21 November`.' },
	today_iso: { type: 'string', description: 'Today as `2026-11-21`.' },
	date: { type: 'string', description: 'Today as `2026-11-21` (the same as Obsidian\'s core Templates `{{date}}` without a format).' },
	// Lists
	interviewers: {
		type: 'list',
		description: 'Everyone met in the interview this note is about, in note order.',
		item: PERSON_ITEM,
	},
	references: { type: 'list', description: 'The references of the application.', item: PERSON_ITEM },
	people_met: {
		type: 'list',
		description: 'Everyone met in the interviews that have happened, with title and topics (for `prepare`).',
		item: PERSON_ITEM,
	},
	open_questions: { type: 'list', description: 'What the notes leave open: no decision date, no way to reach the contact, a missing title.', item: QUESTION_ITEM },
	// Frontmatter values for the interview note
	interview_type: { type: 'string', description: 'The `type` value that marks an interview note (setting `interviewType`).' },
	company_yaml: { type: 'string', description: 'The company as a quoted YAML value, or empty.' },
	role_yaml: { type: 'string', description: 'The role as a quoted YAML value, or empty.' },
	contact_yaml: {
		type: 'string',
		description: 'The contact a note of the application names explicitly, as a YAML value, or empty.',
	},
};
