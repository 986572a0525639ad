/**
 * Filters of the `interview-followups` code block, one per line:
 *
 *     company: Acme, Globex
 *     role: Secretary
 *     kinds: thank-you, status-check
 *     states: overdue, to do now
 *     within: 14
 *
 * A company may be written as a link (`[[Acme Finance]]`, `[[Acme Finance|Acme]]`),
 * as the note format writes it; kinds and states take the view's words
 * ("thank-you note", "to do now", "coming up") as well as the ids.
 *
 * Blank lines and lines starting with `#` or `//` are ignored. A line that
 * cannot be read is an error the block shows, with its line number.
 *
 * Pure: no `obsidian`, no DOM.
 */
import { KIND_LABELS } from '../../core/labels';
import { ACTION_KINDS, type Action, type ActionKind, type ActionState } from '../../core/types';

export interface ListFilter {
	/** Company names (case and spacing ignored); null for any. */
	companies: string[] | null;
	roles: string[] | null;
	kinds: ActionKind[] | null;
	states: ActionState[] | null;
	/** Days ahead for upcoming actions; null for the setting. */
	within: number | null;
}

export interface FilterError {
	line: number;
	text: string;
	message: string;
}

/** The view's group names for the states (presenters/dueList.ts), and the ids. */
const STATE_WORDS: Record<string, ActionState> = {
	overdue: 'overdue',
	'to do now': 'due',
	now: 'due',
	due: 'due',
	'coming up': 'upcoming',
	upcoming: 'upcoming',
};
const STATE_CHOICES = 'overdue, to do now, coming up';

/** The kinds in the view's words (core/labels.ts, as the view shows them), a few synonyms, and the ids. */
const KIND_WORDS: Record<string, ActionKind> = {
	...Object.fromEntries(ACTION_KINDS.map((k) => [KIND_LABELS[k].noun, k])),
	'thank you note': 'thank-you',
	timeline: 'ask-timeline',
};
const KIND_CHOICES = ACTION_KINDS.map((k) => KIND_LABELS[k].noun).join(', ');

/** `[[Acme Finance|Acme]]` -> the names it gives: the target and the alias. */
export function linkNames(value: string): string[] {
	const unquoted = value.trim().replace(/^(["'])(.*)\1$/, '$2');
	const m = /^\[\[([^\]|#]+)(?:#[^\]|]*)?(?:\|([^\]]+))?\]\]$/.exec(unquoted);
	if (!m) return [unquoted];
	const target = (m[1].split('/').pop() ?? m[1]).replace(/\.md$/i, '');
	return m[2] ? [target, m[2]] : [target];
}
const KEYS = ['company', 'role', 'kinds', 'states', 'within'] as const;
type Key = (typeof KEYS)[number];
const KEY_ALIASES: Record<string, Key> = {
	company: 'company',
	companies: 'company',
	role: 'role',
	roles: 'role',
	kind: 'kinds',
	kinds: 'kinds',
	state: 'states',
	states: 'states',
	within: 'within',
};

/** A name as the block compares companies and roles: trimmed, lowercase, single spaces. */
export function norm(s: string): string {
	return s.trim().toLowerCase().replace(/\s+/g, ' ');
}

function list(value: string): string[] {
	return value
		.split(',')
		.map((s) => s.trim())
		.filter((s) => s !== '');
}

/** The filter in words, for "nothing matches": `company Acme Finance, kinds thank-you note`. */
export function describeFilter(source: string): string {
	return source
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('//'))
		.join('; ');
}

export function emptyFilter(): ListFilter {
	return { companies: null, roles: null, kinds: null, states: null, within: null };
}

export function parseFilter(source: string): { filter: ListFilter; errors: FilterError[] } {
	const filter = emptyFilter();
	const errors: FilterError[] = [];
	const lines = source.split(/\r?\n/);
	lines.forEach((raw, i) => {
		const text = raw.trim();
		if (text === '' || text.startsWith('#') || text.startsWith('//')) return;
		const line = i + 1;
		const colon = text.indexOf(':');
		if (colon === -1) {
			errors.push({ line, text, message: `write "key: value" (keys: ${KEYS.join(', ')})` });
			return;
		}
		const keyText = norm(text.slice(0, colon));
		const key = KEY_ALIASES[keyText];
		const value = text.slice(colon + 1).trim();
		if (!key) {
			errors.push({ line, text, message: `unknown filter "${keyText}" (use ${KEYS.join(', ')})` });
			return;
		}
		if (value === '') {
			errors.push({ line, text, message: `"${keyText}" needs a value` });
			return;
		}
		switch (key) {
			case 'company':
				filter.companies = list(value).flatMap(linkNames).map(norm);
				break;
			case 'role':
				filter.roles = list(value).map(norm);
				break;
			case 'kinds': {
				const kinds: ActionKind[] = [];
				for (const k of list(value).map(norm)) {
					const kind = (ACTION_KINDS as readonly string[]).includes(k) ? (k as ActionKind) : KIND_WORDS[k];
					if (kind) kinds.push(kind);
					else errors.push({ line, text, message: `"${k}" is not a kind of follow-up (use ${KIND_CHOICES})` });
				}
				filter.kinds = kinds;
				break;
			}
			case 'states': {
				const states: ActionState[] = [];
				for (const s of list(value).map(norm)) {
					const state = STATE_WORDS[s.replace(/-/g, ' ')];
					if (state) states.push(state);
					else errors.push({ line, text, message: `"${s}" is not a group of the list (use ${STATE_CHOICES})` });
				}
				filter.states = states;
				break;
			}
			case 'within': {
				if (!/^\d{1,4}$/.test(value)) {
					errors.push({ line, text, message: `"${value}" is not a number of days (write e.g. within: 14)` });
					break;
				}
				filter.within = Number(value);
				break;
			}
		}
	});
	return { filter, errors };
}

export function applyFilter<T extends Pick<Action, 'company' | 'role'> & Partial<Pick<Action, 'kind' | 'state'>>>(actions: readonly T[], filter: ListFilter): T[] {
	return actions.filter((a) => {
		if (filter.companies && !(a.company !== null && filter.companies.includes(norm(a.company)))) return false;
		if (filter.roles && !(a.role !== null && filter.roles.includes(norm(a.role)))) return false;
		if (filter.kinds && a.kind !== undefined && !filter.kinds.includes(a.kind)) return false;
		if (filter.states && a.state !== undefined && !filter.states.includes(a.state)) return false;
		return true;
	});
}
