/**
 * The messages the user sends and the notes the tool drafts, filled from the
 * index with the rules' facts: thank-you, ask-timeline, status check,
 * reference heads-up, referral request, withdrawal, preparing the next round,
 * and a new interview note.
 *
 * Entry points: `buildTemplateContext` (the view), `renderTemplate` (one kind,
 * with optional user templates), `templateWarnings` (a message that does not
 * fit the notes), `renderForAction` (the message for a scheduled action). See
 * docs/templates.md.
 */
import type { LocalDate } from '../dates';
import type { Action, Application, Diagnostic, Person, Settings } from '../types';
import { endOfDay, type LocalInstant } from '../dates';
import { BUILT_IN_TEMPLATES } from './builtins';
import { personKey } from '../contacts';
import { applicationFacts } from '../rules/facts';
import { buildTemplateContext, type TemplateContext, type TemplateUser } from './context';
import { SENDABLE_KINDS, templatePath, type TemplateKind } from './kinds';
import { mailtoLink } from './mailto';
import { compileTemplate, lineAt, renderCompiled, sanitizeContext } from './render';
import { inline } from './text';

export { BUILT_IN_TEMPLATES } from './builtins';
export { WORDING, WORDED_KINDS, type WordedKind } from './wording';
export {
	buildTemplateContext,
	type PersonLookup,
	type TemplateContext,
	type TemplateContextInput,
	type TemplateItem,
	type TemplateUser,
	type TemplateValue,
} from './context';
export { fnv1a, stableHash } from '../hash';
export { isTemplateKind, SENDABLE_KINDS, TEMPLATE_KINDS, templateFileName, templatePath, type TemplateKind } from './kinds';
export { isPlausibleEmail, mailtoLink } from './mailto';
export { compileTemplate, type CompiledTemplate, type TemplateProblem } from './render';
export { addressName } from './text';
export { TEMPLATE_VARIABLES, type VariableSpec } from './variables';

export interface RenderTemplateOptions {
	/** The user's template texts by kind (the files `<kind>.md` of the templates folder); each overrides the built-in. */
	userTemplates?: Partial<Record<TemplateKind, string>> | null;
	/** The templates folder, to name the file in diagnostics (default: `settings.templatesFolder` is not known here, so ''). */
	templatesFolder?: string | null;
}

export interface RenderResult {
	kind: TemplateKind;
	/** The whole filled template: ordinary Markdown for the user to edit or copy. */
	markdown: string;
	/** The email subject (the template's first line `Subject: ...`), or null where there is none. */
	subject: string | null;
	/** The message without its subject line (the whole note for `interview`). */
	body: string;
	/** A `mailto:` link with subject and body, where a plausible email address is known; else null. */
	mailto: string | null;
	/** Problems with a user template (note = the template file); the note is still filled. */
	diagnostics: Diagnostic[];
	/** Which template was used: the user's file, or the built-in one. */
	source: 'user' | 'built-in';
}

/** A rendered message for a scheduled action, with the actions it answers (a thank-you and an ask-timeline drafted as one). */
export interface ActionMessage extends RenderResult {
	/** The ids of the actions this message answers: marking it done logs each. */
	covers: string[];
}

/** A first line `Subject: ...`. */
const SUBJECT_RE = /^[ \t]*subject:[ \t]*(.*)$/i;

export function splitSubject(markdown: string): { subject: string | null; body: string } {
	const lines = markdown.split(/\r\n|\r|\n/);
	let first = 0;
	while (first < lines.length && lines[first].trim() === '') first++;
	const m = first < lines.length ? SUBJECT_RE.exec(lines[first]) : null;
	if (!m) return { subject: null, body: markdown.trim() };
	let rest = first + 1;
	while (rest < lines.length && lines[rest].trim() === '') rest++;
	return { subject: inline(m[1]), body: lines.slice(rest).join('\n').trimEnd() };
}

/**
 * Fills the template of `kind` with `context`. A user template for the kind
 * overrides the built-in one; an unknown variable in it stays in the output as
 * written (`{{unknown_var}}`) and is reported; a template that cannot be parsed
 * is reported and the built-in one is used. Never throws.
 */
export function renderTemplate(kind: TemplateKind, context: TemplateContext, options: RenderTemplateOptions = {}): RenderResult {
	const diagnostics: Diagnostic[] = [];
	const file = templatePath(options.templatesFolder ?? '', kind);
	const view = sanitizeContext(context);

	let source: RenderResult['source'] = 'built-in';
	let compiled = compileTemplate(BUILT_IN_TEMPLATES[kind]);
	const user: unknown = options.userTemplates?.[kind];
	if (typeof user === 'string') {
		if (user.trim() === '') {
			diagnostics.push({
				note: file,
				severity: 'warning',
				message: `The ${kind} template is empty, so the built-in template was used. Write a template in it, or delete the file.`,
			});
		} else {
			const mine = compileTemplate(user);
			if (!mine.ok) {
				diagnostics.push({
					note: file,
					severity: 'error',
					message: `The ${kind} template has ${mine.problem.message}, so the built-in template was used. Close every {{#section}} with {{/section}} and every {{ with }}.`,
					line: lineAt(user, mine.problem.offset),
				});
			} else {
				compiled = mine;
				source = 'user';
				for (const p of mine.problems) {
					diagnostics.push({ note: file, severity: 'warning', message: `The ${kind} template uses ${p.message}.`, line: lineAt(user, p.offset) });
				}
			}
		}
	}
	// The built-ins always parse (tested); the guard keeps the promise never to throw.
	const markdown = compiled.ok ? renderCompiled(compiled, view) : '';
	if (!SENDABLE_KINDS.includes(kind)) {
		return { kind, markdown, subject: null, body: markdown, mailto: null, diagnostics, source };
	}
	const { subject, body } = splitSubject(markdown);
	const email = typeof view.person_email === 'string' ? view.person_email : '';
	return { kind, markdown, subject, body, mailto: mailtoLink(email, subject, body), diagnostics, source };
}

/** The template kind that helps with an action, or null (`collect-names`, `find-contact`, `keep-looking` ...). */
export function templateKindForAction(kind: string): TemplateKind | null {
	switch (kind) {
		case 'thank-you':
		case 'ask-timeline':
		case 'status-check':
		case 'reference-alert':
		case 'referral-request':
		case 'withdraw':
		case 'prepare':
			return kind;
		default:
			return null;
	}
}

export interface ActionSource {
	applications(): readonly Application[];
	person(id: string): Person | undefined;
}

export interface WarningInput {
	kind: TemplateKind;
	application: Application | null;
	person: Person | null;
	/** The interview note the message is about. */
	interviewPath?: string | null;
	now: LocalInstant;
	/** Every application, to know whether another one is hired (for `withdraw`). */
	applications?: readonly Application[];
	/** A person's name as the notes spell it, by id (the index's `person(id).name`), for the messages. */
	people?: (id: string) => string | undefined;
}

/**
 * What does not fit in a message of `kind` to `person`, as warnings on the
 * note: a thank-you to someone who was not in that interview, a referral
 * request for an application that is not rejected, a withdrawal from one
 * that is already over or with no other application hired.
 */
export function templateWarnings(input: WarningInput): Diagnostic[] {
	const { kind, application: app, person } = input;
	if (app === null) return [];
	const facts = applicationFacts(app, input.now);
	if (facts === null) return [];
	const interview = facts.notes.find((i) => i.path === input.interviewPath) ?? facts.latest ?? facts.mostRecent;
	const note = interview.path;
	const out: Diagnostic[] = [];
	const warn = (message: string) => out.push({ note, severity: 'warning', message });
	if (kind === 'thank-you' && person !== null && !interview.interviewers.includes(person.id)) {
		const names = interview.interviewers.length > 0 ? `the interviewers there: ${interview.interviewers.map((id) => input.people?.(id) ?? id).join(', ')}` : 'it names no interviewer';
		const role = app.interviews.some((i) => i.references.includes(person.id)) ? ' (a reference of this application)' : '';
		warn(`${person.name}${role} is not an interviewer of ${note}, so a thank-you for that interview does not fit (${names}); check the name, or add them to interviewers`);
	}
	if (kind === 'referral-request' && facts.status !== 'rejected') {
		warn(`a referral request follows a rejection, but this application's status is ${facts.status}; send it once they say no (log "YYYY-MM-DD rejected")`);
	}
	if (kind === 'withdraw') {
		if (facts.terminal) {
			warn(`this application is already ${facts.status}, so there is nothing to withdraw from`);
		} else {
			const hired = (input.applications ?? []).some((a) => a.id !== app.id && applicationFacts(a, input.now)?.status === 'hired');
			if (!hired) warn('the withdrawal says you accepted another offer, but no other application is hired; log "YYYY-MM-DD hired" in the one you accepted');
		}
	}
	if (kind === 'status-check' && facts.scheduled !== null) {
		warn(`another round is scheduled (${facts.scheduled}), so no status check is due; prepare for it instead (template prepare)`);
	}
	return out;
}

export interface RenderForActionOptions extends RenderTemplateOptions {
	today: LocalDate;
	now?: LocalInstant | null;
	settings?: Partial<Settings> | null;
	user?: TemplateUser | null;
	/** The other open actions (the schedule): a thank-you and an ask-timeline for the same person become one message. */
	actions?: readonly Action[] | null;
}

/** The ask-timeline that goes with a thank-you (or the thank-you with an ask-timeline): same person, same application, open too. */
export function companionAction(action: Action, actions: readonly Action[]): Action | null {
	if (action.person === null || action.application === null) return null;
	const other = action.kind === 'thank-you' ? 'ask-timeline' : action.kind === 'ask-timeline' ? 'thank-you' : null;
	if (other === null) return null;
	const id = personKey(action.person.name);
	const found = actions.filter(
		(a) => a.kind === other && a.application === action.application && a.person !== null && personKey(a.person.name) === id,
	);
	if (found.length === 0) return null;
	// The thank-you of the latest interview, where there are several.
	return found.reduce((best, a) => (a.earliest > best.earliest ? a : best));
}

/**
 * Renders the message for a scheduled action: its application and person
 * come from `input` (the index), or from the action itself where the index
 * no longer knows them. A thank-you with an ask-timeline open for the same
 * person (or the other way round) is one message, a thank-you that asks the
 * timetable too. Null for actions without a message.
 */
export function renderForAction(action: Action, input: ActionSource, options: RenderForActionOptions): ActionMessage | null {
	const own = templateKindForAction(action.kind);
	if (own === null) return null;
	const companion = options.actions ? companionAction(action, options.actions) : null;
	const thanks = companion === null ? action : action.kind === 'thank-you' ? action : companion;
	const kind: TemplateKind = companion === null ? own : 'thank-you';
	const found = action.application !== null ? input.applications().find((a) => a.id === action.application) : undefined;
	const application: Application | null =
		found ??
		(action.application !== null || action.company !== null
			? { id: action.application ?? '', company: action.company ?? '', role: action.role, interviews: [] }
			: null);
	let person: Person | null = null;
	if (action.person !== null) {
		const id = personKey(action.person.name);
		const known = input.person(id);
		person = known ?? {
			id,
			name: action.person.name,
			title: action.person.title,
			email: action.person.email,
			phone: action.person.phone,
			company: action.company,
			path: null,
			topics: [],
		};
	}
	const now = options.now ?? endOfDay(options.today);
	const context = buildTemplateContext({
		kind,
		application,
		person,
		index: input,
		settings: options.settings ?? null,
		today: options.today,
		now,
		user: options.user ?? null,
		interviewPath: thanks.note,
		gifts: action.gifts,
		askTimeline: companion !== null,
	});
	const result = renderTemplate(kind, context, {
		userTemplates: options.userTemplates ?? null,
		templatesFolder: options.templatesFolder ?? options.settings?.templatesFolder ?? '',
	});
	const warnings = templateWarnings({ kind, application, person, interviewPath: thanks.note, now, applications: input.applications(), people: (id) => input.person(id)?.name });
	return {
		...result,
		diagnostics: [...result.diagnostics, ...warnings],
		covers: companion === null ? [action.id] : [thanks.id, (thanks === action ? companion : action).id],
	};
}

export { bodyStart, draftBlock, draftHeading, findDraft, type FoundDraft } from './drafts';
export { recipientIds } from './recipients';
