/**
 * Mustache rendering with the guarantees the templates need: no HTML escaping
 * (the output is Markdown), no code (the view is data only, partials are
 * refused), unknown variables left visible in the output and reported, broken
 * syntax reported instead of thrown.
 */
import Mustache from 'mustache';
import type { TemplateContext, TemplateItem, TemplateValue } from './context';
import { inline, wellFormed } from './text';
import { TEMPLATE_VARIABLES, type VariableSpec } from './variables';

/** `{{`/`}}`, passed explicitly so that nobody changing `Mustache.tags` affects us. */
const DEFAULT_TAGS: [string, string] = ['{{', '}}'];

/** Render options: HTML escaping off, by a no-op escape in the config (the global `Mustache.escape` is untouched). */
const RENDER_CONFIG = { escape: (value: unknown): string => String(value), tags: DEFAULT_TAGS };

/** A problem found in a template, at an offset into its text. */
export interface TemplateProblem {
	message: string;
	offset: number | null;
}

type Vars = Readonly<Record<string, VariableSpec>>;
/** What a name may resolve to at a point of the template: the root, a list item, or a string section (`{{.}}`). */
type Scope = { kind: 'vars'; vars: Vars } | { kind: 'string' };

/** Mustache's tokens: `[type, value, start, end, children?, closeStart?]`. */
type Token = [string, string, number, number, ...unknown[]];

function lookup(name: string, scopes: readonly Scope[]): VariableSpec | 'dot' | null {
	if (name === '.') return scopes[scopes.length - 1]?.kind === 'string' ? 'dot' : null;
	if (name.includes('.')) return null;
	for (let i = scopes.length - 1; i >= 0; i--) {
		const scope = scopes[i];
		if (scope.kind === 'vars' && Object.prototype.hasOwnProperty.call(scope.vars, name)) return scope.vars[name];
	}
	return null;
}

interface WalkState {
	template: string;
	tags: [string, string];
	problems: TemplateProblem[];
}

function literal(state: WalkState, start: number, end: number): Token {
	return ['text', state.template.slice(start, end), start, end];
}

function closingTagEnd(state: WalkState, closeStart: number): number {
	const end = state.template.indexOf(state.tags[1], closeStart + state.tags[0].length);
	return end < 0 ? closeStart : end + state.tags[1].length;
}

/**
 * Copies the token tree (mustache caches the original), replacing every tag
 * that names an unknown variable with its own text, so it shows in the output
 * exactly as written.
 */
function walk(tokens: readonly Token[], scopes: readonly Scope[], state: WalkState): Token[] {
	const out: Token[] = [];
	for (const token of tokens) {
		const [type, name, start, end] = token;
		switch (type) {
			case 'text':
			case '!':
				out.push([type, name, start, end]);
				break;
			case '=': {
				const tags = name.trim().split(/\s+/);
				if (tags.length === 2) state.tags = [tags[0], tags[1]];
				out.push([type, name, start, end]);
				break;
			}
			case 'name':
			case '&': {
				const spec = lookup(name, scopes);
				if (spec === 'dot' || (spec !== null && spec.type !== 'list')) {
					out.push([type, name, start, end]);
				} else if (spec !== null) {
					state.problems.push({
						message: `{{${name}}} is a list: write {{#${name}}}...{{/${name}}} to repeat a part for each item; it is left in the note as written`,
						offset: start,
					});
					out.push(literal(state, start, end));
				} else {
					state.problems.push({
						message: `unknown variable {{${name}}}: it is left in the note as written (see docs/templates.md for the variables)`,
						offset: start,
					});
					out.push(literal(state, start, end));
				}
				break;
			}
			case '>':
				state.problems.push({
					message: `partials ({{> ${name}}}) are not supported: it is left in the note as written`,
					offset: start,
				});
				out.push(literal(state, start, end));
				break;
			case '#':
			case '^': {
				const children = (token[4] ?? []) as Token[];
				const closeStart = token[5] as number;
				const spec = lookup(name, scopes);
				if (spec === null || spec === 'dot') {
					state.problems.push({
						message: `unknown section {{${type}${name}}}: its tags are left in the note as written and its content is kept`,
						offset: start,
					});
					const inner = walk(children, scopes, state);
					out.push(literal(state, start, end), ...inner, literal(state, closeStart, closingTagEnd(state, closeStart)));
					break;
				}
				let inner: Scope[] = [...scopes];
				if (type === '#' && spec.type === 'list') inner = [...scopes, { kind: 'vars', vars: spec.item }];
				else if (type === '#' && spec.type === 'string') inner = [...scopes, { kind: 'string' }];
				out.push([type, name, start, end, walk(children, inner, state), closeStart]);
				break;
			}
			default:
				state.problems.push({ message: `unsupported tag '${type}': left in the note as written`, offset: start });
				out.push(literal(state, start, end));
		}
	}
	return out;
}

export type CompiledTemplate =
	| { ok: true; template: string; tokens: Token[]; problems: TemplateProblem[] }
	| { ok: false; problem: TemplateProblem };

/** Compiled templates by text (the result is never mutated, so it can be shared); kept small. */
const cache = new Map<string, CompiledTemplate>();
const CACHE_LIMIT = 64;

/**
 * Parses a template and checks every name against the known variables
 * (the template variables unless `vars` is given); never throws.
 */
export function compileTemplate(template: string, vars?: Vars): CompiledTemplate {
	if (vars !== undefined) return compileUncached(template, vars);
	const hit = cache.get(template);
	if (hit !== undefined) return hit;
	const compiled = compileUncached(template, TEMPLATE_VARIABLES);
	if (cache.size >= CACHE_LIMIT) cache.clear();
	cache.set(template, compiled);
	return compiled;
}

function compileUncached(template: string, vars: Vars): CompiledTemplate {
	let tokens: Token[];
	try {
		tokens = new Mustache.Writer().parse(template, DEFAULT_TAGS) as Token[];
	} catch (e) {
		const message = e instanceof Error ? e.message : String(e);
		const at = /\bat (\d+)\b/.exec(message);
		return { ok: false, problem: { message: `broken template syntax: ${message}`, offset: at ? Number(at[1]) : null } };
	}
	const state: WalkState = { template, tags: [...DEFAULT_TAGS], problems: [] };
	const walked = walk(tokens, [{ kind: 'vars', vars }], state);
	return { ok: true, template, tokens: walked, problems: state.problems };
}

function sanitizeValue(value: unknown, spec: VariableSpec): TemplateValue {
	if (spec.type === 'list') {
		if (!Array.isArray(value)) return [];
		return value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null).map((v) => sanitizeItem(v, spec.item));
	}
	if (spec.type === 'boolean') return value === true;
	return typeof value === 'string' ? inline(value) : '';
}

function sanitizeItem(value: Record<string, unknown>, vars: Vars): TemplateItem {
	const item = Object.create(null) as TemplateItem;
	for (const [name, spec] of Object.entries(vars)) {
		item[name] = sanitizeValue(Object.prototype.hasOwnProperty.call(value, name) ? value[name] : undefined, spec);
	}
	return item;
}

/**
 * The view as mustache sees it: only the known variables, each a string, a
 * boolean or a list of plain items, in objects without a prototype (so
 * `{{constructor}}` finds nothing and no function can ever be called).
 */
export function sanitizeContext(context: TemplateContext, vars: Vars = TEMPLATE_VARIABLES): TemplateItem {
	return sanitizeItem(context, vars);
}

/** Renders a compiled template with a sanitized view, without HTML escaping. */
export function renderCompiled(compiled: { template: string; tokens: Token[] }, view: TemplateItem): string {
	const writer = new Mustache.Writer();
	return wellFormed(writer.renderTokens(compiled.tokens as string[][], new Mustache.Context(view), {}, compiled.template, RENDER_CONFIG));
}

/** The 1-based line of an offset. */
export function lineAt(text: string, offset: number | null): number | undefined {
	if (offset === null || offset < 0) return undefined;
	let line = 1;
	for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
	return line;
}
