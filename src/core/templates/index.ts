/**
 * The notes the user sends, filled from the index: thank-you, status check,
 * reference heads-up, referral request, and a new interview note.
 *
 * Entry points: `buildTemplateContext` (the view), `renderTemplate` (one kind,
 * with optional user templates), `renderForAction` (the template that matches
 * a scheduled action). See docs/templates.md.
 */
import type { LocalDate } from '../dates';
import type { Action, ActionKind, Application, Diagnostic, Person, Settings } from '../types';
import { BUILT_IN_TEMPLATES } from './builtins';
import { personKey } from '../contacts';
import { buildTemplateContext, type TemplateContext, type TemplateUser } from './context';
import { SENDABLE_KINDS, templatePath, type TemplateKind } from './kinds';
import { mailtoLink } from './mailto';
import { compileTemplate, lineAt, renderCompiled, sanitizeContext } from './render';
import { inline } from './text';

export { BUILT_IN_TEMPLATES, THANK_YOU_VARIANTS, VARIANT_PARTS, type VariantPart } from './builtins';
export {
	buildTemplateContext,
	chooseVariants,
	type PersonLookup,
	type TemplateContext,
	type TemplateContextInput,
	type TemplateItem,
	type TemplateUser,
	type TemplateValue,
} from './context';
export { fnv1a, stableHash } from './hash';
export { isTemplateKind, SENDABLE_KINDS, TEMPLATE_KINDS, templateFileName, templatePath, type TemplateKind } from './kinds';
export { isPlausibleEmail, mailtoLink } from './mailto';
export { compileTemplate, type CompiledTemplate, type TemplateProblem } from './render';
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

const SUBJECT_RE = /^[ \t]*subject:[ \t]*(.*)$/i;

function splitSubject(markdown: string): { subject: string | null; body: string } {
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

/** The template kind that helps with an action, or null (`collect-names`, `keep-looking`). */
export function templateKindForAction(kind: ActionKind): TemplateKind | null {
	switch (kind) {
		case 'thank-you':
		case 'status-check':
		case 'reference-alert':
		case 'referral-request':
			return kind;
		case 'ask-timeline':
			// The status check, asking 004's two questions instead (see `ask_timeline`).
			return 'status-check';
		default:
			return null;
	}
}

export interface ActionSource {
	applications(): Application[];
	person(id: string): Person | undefined;
}

export interface RenderForActionOptions extends RenderTemplateOptions {
	today: LocalDate;
	settings?: Partial<Settings> | null;
	user?: TemplateUser | null;
}

/**
 * Renders the template for a scheduled action: its application and person
 * come from `input` (the index), or from the action itself where the index
 * no longer knows them. Null for actions without a message.
 */
export function renderForAction(action: Action, input: ActionSource, options: RenderForActionOptions): RenderResult | null {
	const kind = templateKindForAction(action.kind);
	if (kind === null) return null;
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
		person = {
			id: known?.id ?? id,
			name: known?.name ?? action.person.name,
			title: known?.title ?? action.person.title,
			email: known?.email ?? action.person.email,
			phone: known?.phone ?? action.person.phone,
			company: known?.company ?? action.company,
			path: known?.path ?? null,
			topics: known?.topics ?? [],
		};
	}
	const context = buildTemplateContext({
		application,
		person,
		index: input,
		settings: options.settings ?? null,
		today: options.today,
		user: options.user ?? null,
		interviewPath: action.note,
		gifts: action.gifts,
		askTimeline: action.kind === 'ask-timeline',
	});
	return renderTemplate(kind, context, {
		userTemplates: options.userTemplates ?? null,
		templatesFolder: options.templatesFolder ?? options.settings?.templatesFolder ?? '',
	});
}
