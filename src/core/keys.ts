/**
 * Frontmatter keys as the note format defines them (note-format.md, "Keys"):
 * matched ignoring case, with `_`, `-` and a space alike, and with aliases.
 * Where a note has a key and its aliases, a list key takes the items of all
 * of them; a scalar key takes the key in the first column of the spec's
 * table, then the aliases in the table's order (see `readFields`).
 */

/** The canonical fields the core reads from frontmatter. */
export type FieldName =
	| 'type'
	| 'tags'
	| 'company'
	| 'role'
	| 'interview_date'
	| 'interviewers'
	| 'contact'
	| 'decision_date'
	| 'next_interview'
	| 'references'
	| 'status'
	| 'follow_ups'
	| 'topics'
	| 'offer_deadline'
	| 'snoozed'
	| 'pitch'
	| 'skills'
	| 'salutation'
	| 'title'
	| 'email'
	| 'phone';

/**
 * Each field with the spellings that name it, most preferred first (the
 * canonical key, then its aliases). Spellings are given in normalised form.
 */
export const FIELD_KEYS: Readonly<Record<FieldName, readonly string[]>> = {
	type: ['type'],
	tags: ['tags', 'tag'],
	company: ['company'],
	role: ['role', 'position'],
	interview_date: ['interview_date', 'date', 'interviewed'],
	interviewers: ['interviewers'],
	contact: ['contact'],
	decision_date: ['decision_date', 'decision', 'decision_by'],
	next_interview: ['next_interview', 'second_interview'],
	references: ['references'],
	status: ['status'],
	follow_ups: ['follow_ups', 'followups', 'log'],
	topics: ['topics', 'gift_ideas'],
	offer_deadline: ['offer_deadline', 'answer_by', 'offer_expires'],
	snoozed: ['snoozed'],
	pitch: ['pitch', 'strengths'],
	skills: ['skills'],
	salutation: ['salutation'],
	title: ['title'],
	email: ['email'],
	phone: ['phone'],
};

/** Normalised spelling -> [field, rank] (rank 0 = the canonical key). */
const SPELLINGS: ReadonlyMap<string, readonly [FieldName, number]> = (() => {
	const m = new Map<string, readonly [FieldName, number]>();
	for (const field of Object.keys(FIELD_KEYS) as FieldName[]) {
		FIELD_KEYS[field].forEach((spelling, rank) => m.set(spelling, [field, rank]));
	}
	return m;
})();

const normalized = new Map<string, string>();

/** `Interview-Date`, `interview date` and `interview_date` all give `interview_date` (runs of them count as one). */
export function normalizeKey(key: string): string {
	// The same few keys come back in every note: remember them (a bounded cache).
	let n = normalized.get(key);
	if (n === undefined) {
		n = key.trim().toLowerCase().replace(/[-_\s]+/g, '_');
		if (normalized.size >= 4096) normalized.clear();
		normalized.set(key, n);
	}
	return n;
}

/** The field a key names (after normalising), or null when the core does not read it. */
export function fieldOf(key: string): FieldName | null {
	const hit = SPELLINGS.get(normalizeKey(key));
	return hit ? hit[0] : null;
}

/** One field as found in a note: the key exactly as written and its value. */
export interface FieldValue {
	/** The key as the user wrote it (for messages and line look-ups). */
	key: string;
	/** For a list field, the items of every spelling present, in the note's order. */
	value: unknown;
	/** A list field written under several spellings: each one (key and own value), in the note's order. */
	parts?: FieldValue[];
	/** The body line of a Dataview inline field (`key:: value`); absent for a property. */
	line?: number;
}

/** The fields whose value is a list: written under several spellings, they take the items of all. */
export const LIST_FIELDS: ReadonlySet<FieldName> = new Set<FieldName>(['tags', 'interviewers', 'references', 'follow_ups', 'topics', 'snoozed', 'skills']);

/** What `readFields` found: each field present, and the values of a scalar field that were ignored. */
export interface FieldsResult {
	fields: Partial<Record<FieldName, FieldValue>>;
	/** A scalar field written under several spellings: [kept, ignored] for each one not used. */
	ignored: Array<[FieldValue, FieldValue]>;
}

function itemsOf(value: unknown): unknown[] {
	if (value === null || value === undefined) return [];
	return Array.isArray(value) ? value : [value];
}

/** Each part of a field: its spellings one by one (a field written once is its only part). */
export function partsOf(fv: FieldValue | undefined): FieldValue[] {
	if (fv === undefined) return [];
	return fv.parts ?? [fv];
}

/**
 * Picks the fields out of a frontmatter object (note-format.md v2, "Keys"). A
 * list field takes the items of all its spellings, in the note's order; a
 * scalar field takes the canonical key, else the aliases in the table's order
 * (two spellings of equal rank: the first written), and the others are
 * reported in `ignored`.
 */
export function readFields(data: Record<string, unknown> | null): FieldsResult {
	const fields: Partial<Record<FieldName, FieldValue>> = {};
	const ignored: Array<[FieldValue, FieldValue]> = [];
	if (data === null || typeof data !== 'object') return { fields, ignored };
	const found: Partial<Record<FieldName, Array<{ fv: FieldValue; rank: number }>>> = {};
	for (const key of Object.keys(data)) {
		const hit = SPELLINGS.get(normalizeKey(key));
		if (!hit) continue;
		const [field, rank] = hit;
		(found[field] ??= []).push({ fv: { key, value: data[key] }, rank });
	}
	for (const field of Object.keys(found) as FieldName[]) {
		const all = found[field] ?? [];
		if (all.length === 1) {
			fields[field] = all[0].fv;
		} else if (LIST_FIELDS.has(field)) {
			const parts = all.map((x) => x.fv);
			fields[field] = { key: parts[0].key, value: parts.flatMap((p) => itemsOf(p.value)), parts };
		} else {
			const ordered = [...all].sort((a, b) => a.rank - b.rank);
			fields[field] = ordered[0].fv;
			for (const other of ordered.slice(1)) ignored.push([ordered[0].fv, other.fv]);
		}
	}
	return { fields, ignored };
}

/** Fields that are not the interview keys of the table: classification and a person note's own keys (frontmatter only). */
const NOT_INLINE: ReadonlySet<FieldName> = new Set<FieldName>(['type', 'tags', 'title', 'email', 'phone', 'salutation']);

/** The field a Dataview inline field (`key:: value`) sets, or null: only the interview keys of the table. */
export function inlineFieldOf(key: string): FieldName | null {
	const field = fieldOf(key);
	return field === null || NOT_INLINE.has(field) ? null : field;
}

/** An inline value of a list field: a comma-separated run of `[[links]]` is several items (as Dataview reads it), anything else one. */
function inlineItems(value: string): string[] {
	const links = value.split(/\s*,\s*/);
	return links.length > 1 && links.every((l) => /^\[\[[^[\]]+\]\]$/.test(l)) ? links : [value];
}

/**
 * Adds a note's Dataview inline fields to its properties (note-format.md v2):
 * a list field takes the items of both, properties first; a scalar field set
 * by a property keeps it, and each inline value not used is reported in
 * `ignored` (as is a second inline value of a scalar field).
 */
export function withInlineFields(result: FieldsResult, inline: ReadonlyArray<{ key: string; value: string; line: number }>): FieldsResult {
	if (inline.length === 0) return result;
	const fields = { ...result.fields };
	const ignored = [...result.ignored];
	for (const f of inline) {
		const field = inlineFieldOf(f.key);
		if (field === null) continue;
		const fv: FieldValue = { key: f.key, value: LIST_FIELDS.has(field) ? inlineItems(f.value) : f.value, line: f.line };
		const held = fields[field];
		if (held === undefined) fields[field] = fv;
		else if (LIST_FIELDS.has(field)) {
			const parts = [...partsOf(held), fv];
			fields[field] = { key: parts[0].key, value: parts.flatMap((p) => itemsOf(p.value)), parts };
		} else ignored.push([held, fv]);
	}
	return { fields, ignored };
}

/** `interview_date` -> `interviewdate`: a key without its separators, for comparing spellings. */
function bare(key: string): string {
	return normalizeKey(key).replace(/_/g, '');
}

/** Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`, or `max + 1` once over `max`. */
function editDistance(a: string, b: string, max: number): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	const rows: number[][] = [];
	for (let i = 0; i <= a.length; i++) {
		rows.push([i]);
		for (let j = 1; j <= b.length; j++) {
			if (i === 0) {
				rows[0].push(j);
				continue;
			}
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
			rows[i].push(d);
		}
	}
	return rows[a.length][b.length];
}

/** Every spelling of the table (canonical keys and aliases), in table order. */
const ALL_SPELLINGS: readonly string[] = [...SPELLINGS.keys()];

/**
 * The spelling of the table a key that is not in it looks like (note-format.md
 * v2): the same but for a final `s`; or, ignoring separators, one edit away
 * for keys of five to eight letters and two for longer ones. Null when it
 * looks like none (`name`, `rate`, `created`), or is a key of the table.
 */
export function nearMiss(key: string): string | null {
	if (SPELLINGS.has(normalizeKey(key))) return null;
	const k = bare(key);
	if (k === '' || !/^[\p{L}\p{N}]+$/u.test(k)) return null;
	const max = k.length >= 9 ? 2 : k.length >= 5 ? 1 : 0;
	let best: string | null = null;
	let bestDistance = Infinity;
	for (const spelling of ALL_SPELLINGS) {
		const s = spelling.replace(/_/g, '');
		if (k === `${s}s` || `${k}s` === s) return spelling;
		if (max === 0) continue;
		const d = editDistance(k, s, max);
		if (d <= max && d < bestDistance) {
			best = spelling;
			bestDistance = d;
		}
	}
	return best;
}

/** The keys of a frontmatter object that look like keys of the table: [key as written, the spelling it looks like]. */
export function nearMisses(data: Record<string, unknown> | null): Array<[string, string]> {
	const out: Array<[string, string]> = [];
	if (data === null || typeof data !== 'object') return out;
	for (const key of Object.keys(data)) {
		const like = nearMiss(key);
		if (like !== null) out.push([key, like]);
	}
	return out;
}

/** The same normalisation for section headings: `Follow-up log`, `follow up log` -> `follow_up_log`. */
export function normalizeHeading(text: string): string {
	return normalizeKey(
		text
			.replace(/[*_`~=]+/g, ' ')
			.replace(/^[^\p{L}\p{N}]+/u, '')
			.replace(/[^\p{L}\p{N}]+$/u, ''),
	);
}
