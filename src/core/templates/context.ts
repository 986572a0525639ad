/**
 * Builds the view a template is rendered with, from the index: the
 * application, the person the note is for, the user. The view holds only
 * strings, booleans and arrays of plain objects (no functions, so a template
 * can never run code), every string made safe for one line.
 */
import { endOfDay, type DateTimeValue, type LocalDate, type LocalInstant } from '../dates';
import { personKey } from '../contacts';
import { applicationFacts, type ApplicationFacts } from '../rules/facts';
import type { Application, Interview, Person, Settings } from '../types';
import { stableHash } from '../hash';
import type { TemplateKind } from './kinds';
import { compileTemplate, renderCompiled } from './render';
import { addressName, firstName, humanDate, inline, isoDateTime, joinWords, yamlScalar } from './text';
import { WORDING, type WordedKind } from './wording';

/** A value in a list item of the view. */
export interface TemplateItem {
	[name: string]: string | boolean | TemplateItem[];
}
export type TemplateValue = string | boolean | TemplateItem[];
/** The view a template is rendered with: variable name -> value (see TEMPLATE_VARIABLES). */
export type TemplateContext = Record<string, TemplateValue>;

/** Looks a person up by id (`VaultIndex#person`). */
export interface PersonLookup {
	person(id: string): Person | undefined;
}

/** The user, as the notes sign off. Each field falls back to the settings (`userName`, `userPhone`). */
export interface TemplateUser {
	name?: string | null;
	email?: string | null;
	phone?: string | null;
}

export interface TemplateContextInput {
	/** The application the note is about, or null for a blank new interview note. */
	application?: Application | null;
	/** The person the note is addressed to (the interviewer, contact or reference), or null. */
	person?: Person | null;
	/** Resolves the person ids of the application (interviewers, contact, references). */
	index?: PersonLookup | null;
	settings?: Partial<Settings> | null;
	/** Today on the user's calendar. */
	today: LocalDate;
	/** Now, for which interviews have happened (default: the end of `today`, as the command line's `--today`). */
	now?: LocalInstant | null;
	/** The message the view is for: picks the built-in wording (default `thank-you`). */
	kind?: TemplateKind;
	user?: TemplateUser | null;
	/** The interview note the note is about (an action's `note`); default: the latest interview that has happened. */
	interviewPath?: string | null;
	/** Gift topics to use instead of `person.topics` (an action's `gifts`). */
	gifts?: readonly string[] | null;
	/** The thank-you also asks the timetable (an ask-timeline open for the same person; sets `ask_timeline`). */
	askTimeline?: boolean;
}

const RISKY_IN_CONTACT_TEXT = /[,<>()[\]|#"'{}:]/;

/** A person as a YAML list value the note format reads back as the same contact. */
function contactYaml(p: Person | null): string {
	if (p === null) return '';
	if (p.path !== null && p.path !== '' && !/[[\]|#^]/.test(p.path)) return yamlScalar(`[[${p.path.replace(/\.md$/i, '')}]]`);
	const name = inline(p.name);
	if (name === '') return '';
	const title = inline(p.title);
	const email = inline(p.email);
	const phone = inline(p.phone);
	if (![name, title].some((v) => RISKY_IN_CONTACT_TEXT.test(v)) && !/[\s<>]/.test(email) && !/[<>,]/.test(phone)) {
		let text = name;
		if (title !== '') text += `, ${title}`;
		if (email !== '') text += ` <${email}>`;
		if (phone !== '') text += ` ${phone}`;
		return yamlScalar(text);
	}
	const fields: string[] = [`name: ${yamlScalar(name)}`];
	if (title !== '') fields.push(`title: ${yamlScalar(title)}`);
	if (email !== '') fields.push(`email: ${yamlScalar(email)}`);
	if (phone !== '') fields.push(`phone: ${yamlScalar(phone)}`);
	return `{ ${fields.join(', ')} }`;
}

function topicItems(topics: readonly string[]): TemplateItem[] {
	return topics.map((t) => inline(t)).filter((t) => t !== '').map((topic) => ({ topic }));
}

function personItem(p: Person, familyNameFirst: boolean): TemplateItem {
	const name = inline(p.name);
	return {
		name,
		first_name: firstName(name),
		salutation: inline(p.salutation) || addressName(name, familyNameFirst),
		title: inline(p.title),
		email: inline(p.email),
		phone: inline(p.phone),
		topics: topicItems(p.topics),
		yaml: contactYaml(p),
	};
}

/** A person id the index does not know: shown by its id, the best name there is. */
function unknownPerson(id: string): Person {
	return { id, name: id, title: null, email: null, phone: null, company: null, path: null, topics: [] };
}

function resolve(id: string, index: PersonLookup | null | undefined): Person {
	return index?.person(id) ?? unknownPerson(id);
}

/** The interview a message is about: the named note, else the latest that has happened, else the most recent note. */
function selectInterview(facts: ApplicationFacts, path: string | null | undefined): Interview {
	if (path) {
		const found = facts.notes.find((i) => i.path === path);
		if (found) return found;
	}
	return facts.latest ?? facts.mostRecent;
}

/** The scheduled round as written (with its time), from the date the rules found. */
function scheduledRound(facts: ApplicationFacts): DateTimeValue | null {
	const day = facts.scheduled;
	if (day === null) return null;
	for (const i of facts.notes) {
		if (i.date?.date === day) return i.date;
		if (i.nextInterview?.date === day) return i.nextInterview;
	}
	return { date: day, time: null, offset: null };
}

/** The latest value a note of the application gives (notes in the rules' order, most recent last). */
function latestOf<T>(facts: ApplicationFacts, pick: (i: Interview) => T | null | undefined): T | null {
	for (let k = facts.notes.length - 1; k >= 0; k--) {
		const v = pick(facts.notes[k]);
		if (v !== null && v !== undefined) return v;
	}
	return null;
}

/** Log entries of `kinds` naming `personId` or nobody. */
function loggedTo(facts: ApplicationFacts, personId: string, kinds: readonly string[]): number {
	let n = 0;
	for (const e of facts.log) if (kinds.includes(e.entry.kind) && (e.personId === null || e.personId === personId)) n++;
	return n;
}

/**
 * Where a message stands among the messages to its person: `colleague` tells
 * people in one interview apart, `round` tells one person's successive
 * messages apart, `gift` counts the earlier messages that carried a gift.
 */
interface Place {
	colleague: number;
	round: number;
	gift: number;
	metBefore: boolean;
}

function placeOf(kind: TemplateKind, facts: ApplicationFacts | null, interview: Interview | null, personId: string): Place {
	const place: Place = { colleague: 0, round: 0, gift: 0, metBefore: false };
	if (facts === null || interview === null) return place;
	const at = facts.notes.indexOf(interview);
	const earlier = facts.notes.slice(0, Math.max(0, at)).filter((i) => i.interviewers.includes(personId)).length;
	if (kind === 'thank-you' || kind === 'ask-timeline') {
		const people = [...new Set(interview.interviewers)].sort();
		const c = people.indexOf(personId);
		place.colleague = c >= 0 ? c : people.length;
		place.round = Math.max(0, at);
		place.metBefore = earlier > 0;
		place.gift = earlier;
	} else if (kind === 'status-check') {
		// Colleagues asked about one application read differently (the contact and an interviewer, say);
		// each check reads differently from the one before; the gift moves past those of the thank-yous.
		const people = [...new Set(facts.notes.flatMap((i) => (i.contact === null ? i.interviewers : [i.contact, ...i.interviewers])))].sort();
		const c = people.indexOf(personId);
		place.colleague = c >= 0 ? c : people.length;
		const checks = loggedTo(facts, personId, ['status-check']);
		place.round = checks;
		place.gift = facts.happened.filter((i) => i.interviewers.includes(personId)).length + checks;
	}
	return place;
}

/** The variant of one part: colleagues and rounds step through the list from a start fixed per application. */
function variantIndex(appId: string, kind: WordedKind, part: string, place: Place, length: number): number {
	return (stableHash(`${appId}\u0000${kind}\u0000${part}`) + place.colleague + place.round) % length;
}

/** Renders one built-in wording variant (trusted text) with the view; values are inserted as data, never parsed. */
function renderVariant(template: string, view: TemplateContext): string {
	const compiled = compileTemplate(template);
	return compiled.ok ? inline(renderCompiled(compiled, view)) : '';
}

/** A text the user wrote, to stand after a colon and before a full stop: no trailing punctuation of its own. */
function clause(text: string): string {
	return inline(text).replace(/[\s.;:,!]+$/u, '');
}

/** Questions the notes leave open before the next round (for `prepare`). */
function openQuestions(facts: ApplicationFacts | null, index: PersonLookup | null | undefined, today: LocalDate): TemplateItem[] {
	if (facts === null) return [];
	const out: string[] = [];
	if (facts.decisionDate === null) out.push('When do they expect to make a final decision? No decision date is recorded yet.');
	const contact = facts.contact === null ? null : resolve(facts.contact, index);
	if (contact === null) out.push('Who is the best person to ask about the status of the hire?');
	else if (!contact.email && !contact.phone) out.push(`How can you reach ${inline(contact.name)} about the status? No email or phone is recorded.`);
	for (const i of facts.happened) {
		for (const id of i.interviewers) {
			const p = resolve(id, index);
			const q = `What is ${inline(p.name)}'s title? It is not recorded.`;
			if (!p.title && !out.includes(q)) out.push(q);
		}
	}
	if (facts.latest?.date) {
		const since = humanDate(facts.latest.date.date, today);
		if (facts.notes.every((n) => n.interviewers.length === 0)) out.push(`Whom did you meet on ${since}? Nobody is recorded.`);
	}
	return out.map((question) => ({ question }));
}

/** Builds the view for any template kind (see TEMPLATE_VARIABLES for every name). */
export function buildTemplateContext(input: TemplateContextInput): TemplateContext {
	const { application: app = null, person = null, index = null, settings = null, today, user = null } = input;
	const kind: TemplateKind = input.kind ?? 'thank-you';
	const familyNameFirst = settings?.familyNameFirst === true;
	// The rules' facts: the same contact, dates and rounds as the schedule.
	const facts = app !== null ? applicationFacts(app, input.now ?? endOfDay(today)) : null;

	const company = inline(app?.company);
	const role = inline(app?.role);
	const interview = facts !== null ? selectInterview(facts, input.interviewPath) : null;
	const decision = facts?.decisionDate ?? null;
	const next = facts !== null ? scheduledRound(facts) : null;
	const contactId = facts?.contact ?? null;
	const contactPerson = contactId !== null ? resolve(contactId, index) : null;
	const contactExplicit = facts !== null && facts.notes.some((i) => i.contact !== null);

	const personName = inline(person?.name);
	const salutation = inline(person?.salutation) || addressName(personName, familyNameFirst);
	const topics = person !== null && person.topics.length > 0 ? person.topics : (input.gifts ?? []);
	const gifts = topicItems(topics);
	const place = placeOf(kind, facts, interview, person?.id ?? personKey(personName));
	// A topic already used in an earlier message to this person is not used again while another is recorded.
	const gift = gifts.length > 0 ? (gifts[place.gift % gifts.length].topic as string) : '';

	const references: TemplateItem[] = [];
	const seen = new Set<string>();
	for (const i of facts?.notes ?? []) {
		for (const id of i.references) {
			if (seen.has(id)) continue;
			seen.add(id);
			references.push(personItem(resolve(id, index), familyNameFirst));
		}
	}
	const met: TemplateItem[] = [];
	const metIds = new Set<string>();
	for (const i of facts?.happened ?? []) {
		for (const id of i.interviewers) {
			if (metIds.has(id)) continue;
			metIds.add(id);
			met.push(personItem(resolve(id, index), familyNameFirst));
		}
	}
	const skills = facts !== null ? (latestOf(facts, (i) => (i.skills !== undefined && i.skills.length > 0 ? i.skills : null)) ?? []) : [];
	const skillTexts = skills.map((s) => inline(s)).filter((s) => s !== '');
	const pitch = facts !== null ? clause(latestOf(facts, (i) => i.pitch) ?? '') : '';

	const interviewDate = interview?.date ? humanDate(interview.date.date, today) : '';
	const userName = inline(user?.name ?? settings?.userName);
	const view: TemplateContext = {
		company,
		company_or_team: company !== '' ? company : 'your team',
		role,
		role_phrase: role !== '' ? `the ${role} position` : 'the position',
		status: inline(facts?.status),
		interview_date: interviewDate,
		interview_date_iso: interview?.date ? interview.date.date : '',
		interview_time: inline(interview?.date?.time),
		interview_ref: interviewDate !== '' ? `our interview on ${interviewDate}` : 'our interview',
		ask_timeline: input.askTimeline === true || kind === 'ask-timeline',
		met_before: place.metBefore,
		decision_date: decision !== null ? humanDate(decision, today) : '',
		decision_date_iso: inline(decision),
		next_interview: next !== null ? humanDate(next.date, today) : '',
		next_interview_iso: next !== null ? next.date : '',
		next_interview_yaml: next !== null ? isoDateTime(next) : '',
		person_name: personName,
		first_name: firstName(personName),
		salutation,
		person_title: inline(person?.title),
		person_email: inline(person?.email),
		person_phone: inline(person?.phone),
		greeting: salutation !== '' ? `Dear ${salutation},` : 'Hello,',
		contact_name: inline(contactPerson?.name),
		contact_first_name: firstName(inline(contactPerson?.name)),
		contact_title: inline(contactPerson?.title),
		contact_email: inline(contactPerson?.email),
		contact_phone: inline(contactPerson?.phone),
		gift,
		gifts,
		pitch,
		skills: skillTexts.map((skill) => ({ skill })),
		skills_phrase: skillTexts.length > 0 ? `with my skills in ${joinWords(skillTexts)}` : 'with my background and skills',
		user_name: userName !== '' ? userName : '[Your name]',
		user_email: inline(user?.email),
		user_phone: inline(user?.phone ?? settings?.userPhone),
		today: humanDate(today, today),
		today_iso: today,
		date: today,
		interviewers: interview ? interview.interviewers.map((id) => personItem(resolve(id, index), familyNameFirst)) : [],
		references,
		people_met: met,
		open_questions: openQuestions(facts, index, today),
		interview_type: inline(settings?.interviewType) || 'interview',
		company_yaml: yamlScalar(company),
		role_yaml: yamlScalar(role),
		contact_yaml: contactExplicit ? contactYaml(contactPerson) : '',
	};

	// The wording, chosen per person and round (every part empty for kinds without variants).
	const parts: Record<string, string> = {
		subject_line: '',
		opening: '',
		enjoyed_line: '',
		interest_line: '',
		call_line: '',
		timeline_line: '',
		question_line: '',
		pressure_line: '',
		pitch_line: '',
		gift_line: '',
		thanks_line: '',
	};
	const signOff = inline(settings?.signOff);
	let closing = 'Warm regards,';
	if (kind === 'thank-you' || kind === 'ask-timeline' || kind === 'status-check') {
		const lists = WORDING[kind] as Record<string, readonly string[]>;
		const appId = app?.id ?? '';
		const pick = (part: string, list: string = part): string => {
			const variants = lists[list];
			return renderVariant(variants[variantIndex(appId, kind, part, place, variants.length)], view);
		};
		parts.subject_line = pick('subject');
		parts.opening = pick('opening', place.metBefore && kind === 'thank-you' ? 'opening_again' : 'opening');
		closing = pick('closing');
		if (kind === 'thank-you') {
			parts.enjoyed_line = pick('enjoyed');
			parts.interest_line = pick('interest');
			parts.call_line = pick('call');
			if (input.askTimeline === true) parts.timeline_line = pick('timeline');
			if (gift !== '') parts.gift_line = pick('gift');
		} else if (kind === 'ask-timeline') {
			parts.timeline_line = pick('timeline');
			parts.thanks_line = pick('thanks');
		} else {
			parts.interest_line = pick('interest');
			parts.question_line = pick('question', decision !== null ? 'question_dated' : 'question');
			parts.pressure_line = pick('pressure');
			if (pitch !== '') parts.pitch_line = pick('pitch');
			if (gift !== '') parts.gift_line = pick('gift');
			parts.thanks_line = pick('thanks');
		}
	}
	Object.assign(view, parts);
	view.closing = signOff !== '' ? signOff : closing;
	return view;
}
