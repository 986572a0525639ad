/**
 * Filters of the `interview-followups` code block, one per line:
 *
 *     company: Acme, Globex
 *     role: Secretary
 *     kinds: thank-you, status-check
 *     states: overdue, due
 *     within: 14
 *
 * Blank lines and lines starting with `#` or `//` are ignored. A line that
 * cannot be read is an error the block shows, with its line number.
 *
 * Pure: no `obsidian`, no DOM.
 */
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

const STATES: readonly ActionState[] = ['overdue', 'due', 'upcoming'];
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

function norm(s: string): string {
	return s.trim().toLowerCase().replace(/\s+/g, ' ');
}

function list(value: string): string[] {
	return value
		.split(',')
		.map((s) => s.trim())
		.filter((s) => s !== '');
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
				filter.companies = list(value).map(norm);
				break;
			case 'role':
				filter.roles = list(value).map(norm);
				break;
			case 'kinds': {
				const kinds: ActionKind[] = [];
				for (const k of list(value).map(norm)) {
					if ((ACTION_KINDS as readonly string[]).includes(k)) kinds.push(k as ActionKind);
					else errors.push({ line, text, message: `"${k}" is not a kind (use ${ACTION_KINDS.join(', ')})` });
				}
				filter.kinds = kinds;
				break;
			}
			case 'states': {
				const states: ActionState[] = [];
				for (const s of list(value).map(norm)) {
					if ((STATES as readonly string[]).includes(s)) states.push(s as ActionState);
					else errors.push({ line, text, message: `"${s}" is not a state (use ${STATES.join(', ')})` });
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
