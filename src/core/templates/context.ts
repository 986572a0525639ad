/**
 * Builds the view a template is rendered with, from the index: the
 * application, the person the note is for, the user. The view holds only
 * strings, booleans and arrays of plain objects (no functions, so a template
 * can never run code), every string made safe for one line.
 */
import type { DateTimeValue, LocalDate } from '../dates';
import { personKey } from '../contacts';
import type { Application, Interview, Person, Settings } from '../types';
import { stableHash } from './hash';
import { THANK_YOU_VARIANTS, VARIANT_PARTS, type VariantPart } from './builtins';
import { compileTemplate, renderCompiled } from './render';
import { firstName, humanDate, inline, isoDateTime, yamlScalar } from './text';

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
	user?: TemplateUser | null;
	/** The interview note the note is about (an action's `note`); default: the latest interview that has happened. */
	interviewPath?: string | null;
	/** Gift topics to use instead of `person.topics` (an action's `gifts`). */
	gifts?: readonly string[] | null;
	/** The note answers an `ask-timeline` action (sets `ask_timeline`). */
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

function personItem(p: Person): TemplateItem {
	const name = inline(p.name);
	return {
		name,
		first_name: firstName(name),
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

/** Interviews with a date, latest first, then undated ones (latest listed first). */
function byRecency(app: Application): Interview[] {
	const dated = app.interviews.filter((i) => i.date !== null);
	const undated = app.interviews.filter((i) => i.date === null);
	dated.sort((a, b) => (a.date!.date < b.date!.date ? 1 : a.date!.date > b.date!.date ? -1 : 0));
	return [...dated, ...undated.reverse()];
}

function happened(i: Interview, today: LocalDate): boolean {
	return i.date !== null && i.date.date <= today;
}

/** The interview a note is about: the named note, else the latest that has happened, else the latest. */
function selectInterview(app: Application, path: string | null | undefined, today: LocalDate): Interview | null {
	if (path) {
		const found = app.interviews.find((i) => i.path === path);
		if (found) return found;
	}
	const recent = byRecency(app);
	return recent.find((i) => happened(i, today)) ?? recent[0] ?? null;
}

/** follow-up-rules.md "Contact": the latest explicit `contact`, else the first interviewer of the latest interview that has happened. */
function applicationContact(app: Application, today: LocalDate): { id: string | null; explicit: boolean } {
	const recent = byRecency(app);
	const named = recent.find((i) => i.contact !== null);
	if (named?.contact) return { id: named.contact, explicit: true };
	const latest = recent.find((i) => happened(i, today));
	return { id: latest?.interviewers[0] ?? null, explicit: false };
}

function nextInterview(app: Application, today: LocalDate): DateTimeValue | null {
	const candidates: DateTimeValue[] = [];
	for (const i of app.interviews) {
		if (i.date !== null && i.date.date > today) candidates.push(i.date);
		if (i.nextInterview !== null && i.nextInterview.date > today) candidates.push(i.nextInterview);
	}
	candidates.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
	return candidates[0] ?? null;
}

function latestValue<T>(app: Application, pick: (i: Interview) => T | null): T | null {
	for (const i of byRecency(app)) {
		const v = pick(i);
		if (v !== null) return v;
	}
	return null;
}

type VariantChoice = Record<VariantPart, number>;

function variantVector(personId: string, appId: string, salt: number): VariantChoice {
	const choice = {} as VariantChoice;
	for (const part of VARIANT_PARTS) {
		choice[part] = stableHash(`${personId}\u0000${appId}\u0000${part}\u0000${salt}`) % THANK_YOU_VARIANTS[part].length;
	}
	return choice;
}

/** The parts compared to tell two notes apart (the gift is only there when a topic is recorded). */
const COMPARED: readonly VariantPart[] = ['opening', 'enjoyed', 'interest', 'call', 'closing'];

function differences(a: VariantChoice, b: VariantChoice): number {
	return COMPARED.filter((p) => a[p] !== b[p]).length;
}

/**
 * The wording for one person: a stable hash of person and application picks a
 * variant of each part. Colleagues at the same application are taken in id
 * order; when a person's pick would read too much like an earlier colleague's
 * (the same opening, or fewer than two parts different), the hash is salted
 * again, deterministically. So notes to people at one company differ visibly,
 * and the same person gets the same wording every time.
 */
export function chooseVariants(personId: string, appId: string, colleagues: readonly string[]): VariantChoice {
	const order = [...new Set(colleagues)].sort();
	const taken: VariantChoice[] = [];
	const openings = THANK_YOU_VARIANTS.opening.length;
	const pick = (id: string): VariantChoice => {
		// Distinct openings are only possible while some opening is still free.
		const openingFree = new Set(taken.map((t) => t.opening)).size < openings;
		let loose: VariantChoice | null = null;
		for (let salt = 0; salt < 64; salt++) {
			const v = variantVector(id, appId, salt);
			const farEnough = taken.every((t) => differences(t, v) >= 2);
			if (farEnough && (!openingFree || taken.every((t) => t.opening !== v.opening))) return v;
			if (farEnough && loose === null) loose = v;
		}
		return loose ?? variantVector(id, appId, 0);
	};
	for (const id of order) {
		const v = pick(id);
		if (id === personId) return v;
		taken.push(v);
	}
	return pick(personId);
}

/** Renders one built-in wording variant (trusted text) with the view; values are inserted as data, never parsed. */
function renderVariant(template: string, view: TemplateContext): string {
	const compiled = compileTemplate(template);
	return compiled.ok ? inline(renderCompiled(compiled, view)) : '';
}

/** Builds the view for any template kind (see TEMPLATE_VARIABLES for every name). */
export function buildTemplateContext(input: TemplateContextInput): TemplateContext {
	const { application: app = null, person = null, index = null, settings = null, today, user = null } = input;

	const company = inline(app?.company);
	const role = inline(app?.role);
	const interview = app ? selectInterview(app, input.interviewPath, today) : null;
	const decision = app ? latestValue(app, (i) => i.decisionDate) : null;
	const status = app ? latestValue(app, (i) => i.status) : null;
	const next = app ? nextInterview(app, today) : null;
	const contact = app ? applicationContact(app, today) : { id: null, explicit: false };
	const contactPerson = contact.id !== null ? resolve(contact.id, index) : null;

	const personName = inline(person?.name);
	const personFirst = firstName(personName);
	const topics = input.gifts && input.gifts.length > 0 ? input.gifts : (person?.topics ?? []);
	const gifts = topicItems(topics);

	// Rotate through the gifts: each logged status check or contact with this person moves to the next one.
	let giftIndex = 0;
	if (app && person) {
		for (const i of app.interviews) {
			for (const e of i.followUps) {
				if ((e.kind === 'status-check' || e.kind === 'contact') && (e.person === null || personKey(e.person) === person.id)) {
					giftIndex += 1;
				}
			}
		}
	}
	const gift = gifts.length > 0 ? (gifts[giftIndex % gifts.length].topic as string) : '';

	const references: TemplateItem[] = [];
	if (app) {
		const seen = new Set<string>();
		for (const i of app.interviews) {
			for (const id of i.references) {
				if (seen.has(id)) continue;
				seen.add(id);
				references.push(personItem(resolve(id, index)));
			}
		}
	}

	const userName = inline(user?.name ?? settings?.userName);
	const view: TemplateContext = {
		company,
		company_or_team: company !== '' ? company : 'your team',
		role,
		role_phrase: role !== '' ? `the ${role} position` : 'the position',
		status: inline(status),
		interview_date: interview?.date ? humanDate(interview.date.date, today) : '',
		interview_date_iso: interview?.date ? interview.date.date : '',
		interview_time: inline(interview?.date?.time),
		ask_timeline: input.askTimeline === true,
		decision_date: decision !== null ? humanDate(decision, today) : '',
		decision_date_iso: inline(decision),
		next_interview: next !== null ? humanDate(next.date, today) : '',
		next_interview_iso: next !== null ? next.date : '',
		next_interview_yaml: next !== null ? isoDateTime(next) : '',
		person_name: personName,
		first_name: personFirst,
		person_title: inline(person?.title),
		person_email: inline(person?.email),
		person_phone: inline(person?.phone),
		greeting: personFirst !== '' ? `Dear ${personFirst},` : 'Hello,',
		contact_name: inline(contactPerson?.name),
		contact_first_name: firstName(inline(contactPerson?.name)),
		contact_title: inline(contactPerson?.title),
		contact_email: inline(contactPerson?.email),
		contact_phone: inline(contactPerson?.phone),
		gift,
		gifts,
		user_name: userName !== '' ? userName : '[Your name]',
		user_email: inline(user?.email),
		user_phone: inline(user?.phone ?? settings?.userPhone),
		today: humanDate(today, today),
		today_iso: today,
		date: today,
		interviewers: interview ? interview.interviewers.map((id) => personItem(resolve(id, index))) : [],
		references,
		interview_type: inline(settings?.interviewType) || 'interview',
		company_yaml: yamlScalar(company),
		role_yaml: yamlScalar(role),
		contact_yaml: contact.explicit ? contactYaml(contactPerson) : '',
	};

	// The thank-you wording, chosen per person and application.
	const colleagues: string[] = [];
	if (app) {
		for (const i of app.interviews) colleagues.push(...i.interviewers, ...(i.contact !== null ? [i.contact] : []));
	}
	const choice = chooseVariants(person?.id ?? personName, app?.id ?? '', colleagues);
	view.opening = renderVariant(THANK_YOU_VARIANTS.opening[choice.opening], view);
	view.enjoyed_line = renderVariant(THANK_YOU_VARIANTS.enjoyed[choice.enjoyed], view);
	view.interest_line = renderVariant(THANK_YOU_VARIANTS.interest[choice.interest], view);
	view.call_line = renderVariant(THANK_YOU_VARIANTS.call[choice.call], view);
	view.gift_line = gift !== '' ? renderVariant(THANK_YOU_VARIANTS.gift[choice.gift], view) : '';
	view.closing = renderVariant(THANK_YOU_VARIANTS.closing[choice.closing], view);
	return view;
}
