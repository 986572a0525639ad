/**
 * Every variable a template may use, with its type and meaning. The renderer
 * checks templates against this list (an unknown name is shown literally and
 * reported), and docs/templates.md lists the same names.
 */

export type VariableSpec =
	| { type: 'string'; description: string }
	| { type: 'boolean'; description: string }
	| { type: 'list'; description: string; item: Readonly<Record<string, VariableSpec>> };

/** The variable kinds, so each entry below reads as its name and meaning. */
const text = (description: string): VariableSpec => ({ type: 'string', description });
const flag = (description: string): VariableSpec => ({ type: 'boolean', description });
const list = (description: string, item: Readonly<Record<string, VariableSpec>>): VariableSpec => ({ type: 'list', description, item });

const TOPIC_ITEM = { topic: text('One thing the person cared about.') };

const PERSON_ITEM = {
	name: text('Full name.'),
	first_name: text('First name (the whole name when it has no spaces).'),
	salutation: text('How to address them (see `salutation` below).'),
	title: text('Title, or empty.'),
	email: text('Email address, or empty.'),
	phone: text('Phone number, or empty.'),
	topics: list('What the person cared about.', TOPIC_ITEM),
	yaml: text('The person as a YAML list value for frontmatter (`"Jane Doe, VP Engineering <jane@acme.example>"`).'),
};

export const TEMPLATE_VARIABLES: Readonly<Record<string, VariableSpec>> = {
	// The application
	company: text('The employer, e.g. `Acme Finance`.'),
	company_or_team: text('The employer, or `your team` when the company is unknown.'),
	role: text('The job applied for, e.g. `Secretary`, or empty.'),
	role_phrase: text('`the Secretary position`, or `the position` when the role is unknown.'),
	status: text('The application status as the rules see it (`interviewing`, `offer`, `rejected` ...).'),
	interview_date: text('The interview this note is about, e.g. `Monday 16 November` (the year is added when it is not this year).'),
	interview_date_iso: text('The same date as `2026-11-16`.'),
	interview_time: text('The time of that interview as written (`10:00`), or empty.'),
	interview_ref: text('`our interview on Monday 16 November`, or `our interview` when it has no date.'),
	met_before: flag('True when the person was an interviewer in an earlier round of the application (a later round\'s thank-you).'),
	decision_date: text('When the employer expects to decide, e.g. `Friday 4 December`, or empty.'),
	decision_date_iso: text('The same date as `2026-12-04`.'),
	next_interview: text('The next scheduled round after today, e.g. `Tuesday 24 November`, or empty.'),
	next_interview_iso: text('The same date as `2026-11-24`.'),
	next_interview_yaml: text('The next round as a frontmatter value (`2026-11-24T10:00`), or empty.'),
	ask_timeline: flag('True in an `ask-timeline`, and in a thank-you drafted together with an ask-timeline open for the same person: ask about further rounds and the decision date.'),
	pitch: text('The note\'s `pitch` (latest note that has one), without its final full stop, or empty.'),
	skills: list('The role\'s `skills` (latest note that has them).', { skill: text('One skill the role uses.') }),
	skills_phrase: text('`with my skills in bookkeeping, payroll and scheduling`, or `with my background and skills` when none are recorded.'),
	// The person the note is addressed to
	person_name: text('Full name of the person the note is for, or empty.'),
	first_name: text('Their first name (`Jane`; a name without spaces such as `山田太郎` whole).'),
	salutation: text('How to address them: the `salutation` of their person note or contact object, else the first name; `Dr. Okafor` for `Dr. Amara Okafor`; the whole name when written family name first (CJK script, or the setting `familyNameFirst`).'),
	person_title: text('Their title, or empty.'),
	person_email: text('Their email address, or empty.'),
	person_phone: text('Their phone number, or empty.'),
	greeting: text('`Dear Jane,` (with `salutation`), or `Hello,` when nobody is named.'),
	// The application's contact (the person to ask about the status)
	contact_name: text('The application contact (follow-up-rules.md, "Contact"), or empty.'),
	contact_first_name: text('Their first name.'),
	contact_title: text('Their title, or empty.'),
	contact_email: text('Their email address, or empty.'),
	contact_phone: text('Their phone number, or empty.'),
	// The informational gift
	gift: text('A topic the person cared about, exactly as written in the note (often in the third person: put it in a placeholder, not a sentence), or empty. Each round and each logged status check moves on to the next topic, so no topic is used twice while another is recorded.'),
	gifts: list('Every topic recorded for the person.', TOPIC_ITEM),
	// The built-in wording, chosen per person and round (empty where the message has no such part)
	subject_line: text('Wording: the subject (thank-you, ask-timeline, status check).'),
	opening: text('Wording: the first sentence (thanks for the time; good to meet again in a later round; the follow-up).'),
	enjoyed_line: text('Thank-you wording: enjoyed learning more about the company.'),
	interest_line: text('Wording: still very interested (thank-you: names the role; status check: available to meet again).'),
	call_line: text('Thank-you wording: happy to talk again at their convenience, feel free to call.'),
	timeline_line: text('Wording: will there be further rounds, and when do they expect to decide (ask-timeline; a thank-you with `ask_timeline`).'),
	question_line: text('Status-check wording: where things stand and the timetable (with the decision date when known).'),
	pressure_line: text('Status-check wording: this is not meant as pressure.'),
	pitch_line: text('Status-check wording: your strengths once more, from `pitch`, or empty.'),
	gift_line: text('Wording: the gift sentence with the topic in a placeholder, or empty when there is no gift.'),
	thanks_line: text('Wording: thanks before the closing (ask-timeline, status check).'),
	closing: text('A friendly closing (`Warm regards,`), varied per person; the setting `signOff` when set.'),
	// The user
	user_name: text('The user\'s name (setting `userName`), or `[Your name]`.'),
	user_email: text('The user\'s email address (given by the caller as `user.email`), or empty.'),
	user_phone: text('The user\'s phone number (setting `userPhone`), or empty.'),
	// Dates
	today: text('Today, e.g. `Saturday 21 November`.'),
	today_iso: text('Today as `2026-11-21`.'),
	date: text('Today as `2026-11-21` (the same as Obsidian\'s core Templates `{{date}}` without a format).'),
	// Lists
	interviewers: list('Everyone met in the interview this note is about, in note order.', PERSON_ITEM),
	references: list('The references of the application.', PERSON_ITEM),
	people_met: list('Everyone met in the interviews that have happened, with title and topics (for `prepare`).', PERSON_ITEM),
	open_questions: list('What the notes leave open: no decision date, no way to reach the contact, a missing title.', { question: text('One question the notes leave open.') }),
	// Frontmatter values for the interview note
	interview_type: text('The `type` value that marks an interview note (setting `interviewType`).'),
	company_yaml: text('The company as a quoted YAML value, or empty.'),
	role_yaml: text('The role as a quoted YAML value, or empty.'),
	contact_yaml: text('The contact a note of the application names explicitly, as a YAML value, or empty.'),
};
