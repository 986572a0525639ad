/**
 * Writes docs/templates.md from the code: the kinds, every wording variant,
 * every variable with its example, every built-in template and what it gives
 * for the example of note-format.md. `npx tsx test/core/templates/docText.ts`;
 * test/core/templates/docs.test.ts fails when the file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUILT_IN_TEMPLATES, TEMPLATE_KINDS, TEMPLATE_VARIABLES, WORDED_KINDS, WORDING, type VariableSpec } from '../../../src/core/templates';
import { docExample, docExampleView } from './docExample';

const fenced = (text: string) => `\`\`\`\`markdown\n${text.replace(/\n$/, '')}\n\`\`\`\``;

const USES: Record<string, [string, string, string]> = {
	'thank-you': ['the `thank-you` action, and a thank-you with an ask-timeline open for the same person', 'each interviewer', 'Thank-you note (000, 002, 004): thanks for the time, enjoyed learning about the company, still very interested, talk again at their convenience, feel free to call, an informational gift where one is recorded, a friendly closing. A later round to someone met before says it was good to meet again. With an ask-timeline open for the same person it also asks 004\'s two questions, so they get one message.'],
	'ask-timeline': ['the `ask-timeline` action', "the application's contact", 'Asking the timetable (004, 003): a short note the day after the interview, asking whether there will be further rounds and when they expect to decide.'],
	'status-check': ['the `status-check` action', "the application's contact", "Status check (003, 004, 001): polite, respectful and curious; still interested; available for another meeting; asks where things stand and the timetable (their decision date where known); says plainly it is not meant as pressure; your strengths once more where the note records a `pitch`; a gift or an idea where a topic is recorded."],
	'reference-alert': ['the `reference-alert` action', 'the reference', 'Reference heads-up (004): who may call, from which company, about which role.'],
	'referral-request': ['the `referral-request` action', "the application's contact", "Referral request after a rejection (004): thanks, keeps the door open, asks whether they know of other companies hiring for these skills (the note's `skills` where recorded)."],
	withdraw: ['the `withdraw` action', "the application's contact", 'Withdrawal (004): thanks, says plainly another offer was accepted, keeps the door open.'],
	prepare: ['the `prepare` action (inserted into the scheduled round\'s note)', '(a note section, not a message)', 'Preparing the next round (000, 001): the people met before with their titles and what they cared about, the questions the notes leave open, and the two questions to ask at the close.'],
	interview: ['"New interview note"', '(a note, not a message)', 'New interview note (note-format.md; 004): every key of the format, the questions to ask at the close, and a place for each person\'s name, title and what they cared about.'],
};

const PART_NOTES: Record<string, string> = {
	subject: 'the subject',
	opening: 'the first sentence (at a first meeting, for the thank-you)',
	opening_again: 'the first sentence of a later round\'s thank-you to someone met before: good to meet again',
	enjoyed: 'enjoyed learning more about the company (002)',
	interest: 'still very interested',
	call: 'talk again at their convenience, feel free to call (000, 002)',
	gift: 'the informational gift (000, 001, 002); only when a topic is recorded, the topic only inside the placeholder',
	timeline: 'will there be further rounds, and when do they decide (004)',
	question: 'where things stand and the timetable (003)',
	question_dated: 'the same when they named a decision date',
	pressure: 'not meant as pressure (003, 004)',
	pitch: 'your strengths once more, from `pitch` (004); only when recorded',
	thanks: 'thanks before the closing',
	closing: 'a friendly closing (000); the setting `signOff` replaces it',
};

function show(v: unknown): string {
	if (typeof v === 'boolean') return `\`${v}\``;
	if (Array.isArray(v)) return `${v.length} item(s)`;
	return v === '' ? '(empty)' : `\`${String(v)}\``;
}

export function templatesDoc(): string {
	const out: string[] = [];
	out.push(`# Note templates

The tool drafts a message or a note for each follow-up it schedules. Each is
ordinary Markdown for you to edit, copy or send. The wording follows the five
articles in \`shared/seeds\` (cited as 000–004, as in \`follow-up-rules.md\`),
and is filled with the same facts the rules use: the same contact, the same
dates, the same rounds.

| kind (file name) | used for | addressed to |
|---|---|---|
${TEMPLATE_KINDS.map((k) => `| \`${k}\` (\`${k}.md\`) | ${USES[k][0]} | ${USES[k][1]} |`).join('\n')}

\`collect-names\`, \`find-contact\`, \`answer-offer\` and \`keep-looking\` have no template.

**One message per person and day.** A thank-you and an ask-timeline open for
the same person (their interviewer is also the contact) are drafted as one
message, the thank-you asking the timetable too; marking it done logs both.

**Warnings.** A message that does not fit the notes is still drafted, with a
warning: a thank-you to someone who is not an interviewer of that interview
(a reference, a typo), a referral request for an application that is not
rejected, a withdrawal from an application already over or while no other
application is hired, a status check while another round is scheduled.

**How people are addressed.** \`Dear {{salutation}},\`: the \`salutation\` of
the person note or of an object contact (\`{name: Amara Okafor, salutation:
Dr. Okafor}\`); without one, the first name, or the title and family name
where the name starts with one (\`Dr. Okafor\`); a name written family name
first (in Chinese, Japanese or Korean script, or every name with the setting
\`familyNameFirst\`) is used whole. The setting \`signOff\` (\`Best,\`)
replaces the built-in closings.

`);
	out.push(OWN);
	out.push(`## The wording

Thank-you notes, asking the timetable and status checks are put together from
parts, each in six variants, every one a sentence that reads right on its own.
Each part of a message takes variant (h + c + r) mod 6, where h is a stable
hash (FNV-1a with the MurmurHash3 finaliser) of the application, the kind and
the part, c is the person's place among the interviewers of that interview
(in id order) and r is the round (the interview's place among the
application's notes; for a status check, the number of status checks logged
to that person). So people thanked for one interview (up to six) differ in
every part (004: "tweak the wording ... so it will appear you had each
individual in mind"), successive rounds to one person differ in every part,
and the same person and interview get the same text every time, whatever the
date, the time zone or the order of names.

The gift topic is the person's own note, often written in the third person
("her rescue greyhound Biscuit"), so it never stands inside a sentence: it
goes into a placeholder you replace with the link or tip
(\`[a link or tip about: her rescue greyhound Biscuit]\`). Each round and each
logged status check moves on to the next topic recorded for the person, so no
topic is used twice while another one is recorded. The role is named in one
part of each message only, so no two sentences in a row say "the Secretary
position".
`);
	for (const kind of WORDED_KINDS) {
		out.push(`### \`${kind}\`\n`);
		for (const [part, list] of Object.entries(WORDING[kind] as Record<string, readonly string[]>)) {
			out.push(`**\`${part}\`**: ${PART_NOTES[part] ?? part}\n`);
			out.push(list.map((t, i) => `${i + 1}. \`${t}\``).join('\n') + '\n');
		}
	}
	const view = docExampleView();
	out.push(`## Variables

Every name a template may use. Values are text unless the type says otherwise;
a value that is not known is empty (so \`{{#name}}...{{/name}}\` leaves it out). The
example column is the Acme Finance example of note-format.md, thanking Jane Doe
on 2026-11-17, with \`userName: Sam Lee\` and \`userPhone: +1 555 0100\`.

| variable | type | meaning | example |
|---|---|---|---|
${Object.entries(TEMPLATE_VARIABLES)
	.map(([name, spec]) => `| \`${name}\` | ${spec.type} | ${spec.description.replace(/\|/g, '\\|')} | ${show(view[name])} |`)
	.join('\n')}
`);
	const item = (TEMPLATE_VARIABLES.interviewers as Extract<VariableSpec, { type: 'list' }>).item;
	out.push(`The items of \`interviewers\`, \`references\` and \`people_met\` have these fields:

| field | type | meaning |
|---|---|---|
${Object.entries(item)
	.map(([name, spec]) => `| \`${name}\` | ${spec.type} | ${spec.description} |`)
	.join('\n')}

The items of \`gifts\` and of an item's \`topics\` have one field, \`topic\`; those of
\`skills\`, \`skill\`; those of \`open_questions\`, \`question\`.

Where the values come from: the rules' facts of the application
(\`src/core/rules/facts.ts\`): its notes in order, the contact (follow-up-rules.md,
"Contact"), the decision date and status, the scheduled round. The interview is
the one the action names (its note), else the latest that has happened;
\`pitch\` and \`skills\` from the latest note that gives them; the person's
fields from their person note or contact; \`gift\` from the topics recorded for
the person (an action's \`gifts\` where the index does not know them).

## The built-in templates
`);
	for (const kind of TEMPLATE_KINDS) {
		out.push(`### \`${kind}\`\n\n${USES[kind][2]}\n\n${fenced(BUILT_IN_TEMPLATES[kind])}\n\nFilled for the Acme Finance example of note-format.md (Sam Lee, \`+1 555 0100\`; ${docExample(kind).today}):\n\n${fenced(docExample(kind).markdown)}\n`);
	}
	out.push(DEV);
	return out.join('\n');
}

const OWN = `## Your own templates

Set the templates folder (setting \`templatesFolder\`, e.g. \`Templates/Follow-ups\`)
and put a file named after the kind in it: \`thank-you.md\`, \`ask-timeline.md\`,
\`status-check.md\`, \`reference-alert.md\`, \`referral-request.md\`, \`withdraw.md\`,
\`prepare.md\`, \`interview.md\`. A file there
replaces the built-in template of its kind; kinds without a file keep the
built-in one. The built-ins below are a good starting point: copy one into the
folder and change it. In \`interview.md\`, keep \`type: {{interview_type}}\` rather
than writing \`type: interview\`, so that the template file itself is not read as
an interview note.

Templates use [mustache](https://mustache.github.io/mustache.5.html), with the
same \`{{variable}}\` braces as Obsidian's core Templates plugin:

- \`{{company}}\` inserts a value as it is. There is **no HTML escaping**: the
  output is Markdown, so \`A & B <C>\` stays \`A & B <C>\`. \`{{{company}}}\` and
  \`{{& company}}\` mean the same.
- \`{{#gift}}...{{/gift}}\` keeps its content only when the value is not empty
  (use it for anything optional, so no empty placeholder or half sentence is
  left); \`{{^gift}}...{{/gift}}\` keeps it only when the value is empty.
- \`{{#interviewers}}- {{name}}, {{title}}{{/interviewers}}\` repeats its content for
  each item of a list; inside it, the item's fields (below) and every other
  variable can be used. Inside \`{{#gift}}...{{/gift}}\`, \`{{.}}\` is the value itself.
- \`{{! a comment }}\` is dropped; \`{{=<% %>=}}\` changes the delimiters.
- A value is never read as a template: a name such as \`{{company}}\` written in a
  note comes out as \`{{company}}\`, not as the company. Line breaks in a value
  become spaces, so a value cannot add lines, headings or frontmatter keys.
- Nothing in a template can run code: partials (\`{{> name}}\`) are not
  supported and the values are only text, yes/no values and lists.

For the messages, a first line \`Subject: ...\` is the email subject; the rest
(after the blank lines that follow) is the body. Without such a line there is
no subject and the whole text is the body.

### Mistakes in a template

Nothing in a template can stop the tool; problems are shown as diagnostics on
the template file (for example \`Templates/Follow-ups/thank-you.md\`, with the
line):

- **Unknown variable** (a typo such as \`{{frist_name}}\`, a list used as a value
  such as \`{{gifts}}\`, or an item field outside its list): the tag is **left in
  the note exactly as written**, e.g. \`{{unknown_var}}\`, so you see it, and a
  warning names it. An unknown section keeps its tags as written and its content.
  Obsidian's \`{{title}}\`, \`{{time}}\` and \`{{date:YYYY-MM-DD}}\` are unknown here too;
  \`{{date}}\` is today (\`YYYY-MM-DD\`), as in Obsidian.
- **Broken syntax** (a section never closed, \`{{#gift}}\` without \`{{/gift}}\`, a tag
  without \`}}\`): an error names the problem, and the **built-in template is used**
  until the file is fixed.
- **An empty file**: a warning, and the built-in template is used.

## The email form

Each message also comes as an email: the subject, the body, and a \`mailto:\`
link when the person's email address is known. The link follows RFC 6068:
subject and body are percent-encoded UTF-8 (\`encodeURIComponent\`; a space is
\`%20\`, never \`+\`), line breaks are CRLF (\`%0D%0A\`), and characters of the
address outside RFC 6068's \`qchar\` are percent-encoded. The address must be a
plausible email address (the HTML \`type=email\` characters, one \`@\`, a domain
with a dot, at most 254 characters, no leading, trailing or double dot in the
local part); anything else — a name, a URL, \`javascript:...\` — gives no link
(the subject and body are still there). Non-ASCII addresses get no link either.

`;
const DEV = `## For developers

The core module is \`src/core/templates\` (no Node, no DOM, no Obsidian):

\`\`\`ts
type TemplateKind = 'thank-you' | 'status-check' | 'reference-alert' | 'referral-request' | 'interview';
const TEMPLATE_KINDS: readonly TemplateKind[];
function templateFileName(kind: TemplateKind): string;              // 'thank-you.md'
function templatePath(folder: string, kind: TemplateKind): string;  // 'Templates/thank-you.md'

function buildTemplateContext(input: {
  application?: Application | null; person?: Person | null;
  index?: { person(id: string): Person | undefined } | null;
  settings?: Partial<Settings> | null; today: LocalDate;
  user?: { name?: string | null; email?: string | null; phone?: string | null } | null;
  interviewPath?: string | null; gifts?: readonly string[] | null; askTimeline?: boolean;
}): TemplateContext;

function renderTemplate(kind: TemplateKind, context: TemplateContext, options?: {
  userTemplates?: Partial<Record<TemplateKind, string>> | null; templatesFolder?: string | null;
}): RenderResult;
// RenderResult = { kind; markdown; subject: string | null; body; mailto: string | null;
//                  diagnostics: Diagnostic[]; source: 'user' | 'built-in' }

function renderForAction(action: Action, input: { applications(): Application[]; person(id: string): Person | undefined },
  options: { today: LocalDate; settings?; user?; userTemplates?; templatesFolder? }): RenderResult | null;
\`\`\`

The plugin and the command line read the template files (\`templatePath\` of
each kind in \`settings.templatesFolder\`) and pass their texts as
\`userTemplates\`; the core never reads files.
`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	writeFileSync(new URL('../../../docs/templates.md', import.meta.url), templatesDoc());
}
