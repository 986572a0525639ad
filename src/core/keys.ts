/**
 * Frontmatter keys as the note format defines them (note-format.md, "Keys"):
 * matched ignoring case, with `_`, `-` and a space alike, and with aliases.
 * Where a note has both a key and one of its aliases, the key in the first
 * column of the spec's table wins; among aliases, the earlier one in the list.
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
	value: unknown;
}

/** What `readFields` found: each field present, and the keys that were shadowed by a better one. */
export interface FieldsResult {
	fields: Partial<Record<FieldName, FieldValue>>;
	/** Two keys of equal rank for one field (`interview_date` and `Interview date`): [kept, ignored]. */
	duplicates: Array<[string, string]>;
}

/**
 * Picks the fields out of a frontmatter object. The canonical key beats its
 * aliases whatever their order; two spellings of equal rank keep the first
 * one written and are reported in `duplicates`.
 */
export function readFields(data: Record<string, unknown> | null): FieldsResult {
	const fields: Partial<Record<FieldName, FieldValue>> = {};
	const duplicates: Array<[string, string]> = [];
	if (data === null || typeof data !== 'object') return { fields, duplicates };
	const ranks: Partial<Record<FieldName, number>> = {};
	for (const key of Object.keys(data)) {
		const hit = SPELLINGS.get(normalizeKey(key));
		if (!hit) continue;
		const [field, rank] = hit;
		const held = ranks[field];
		if (held === undefined || rank < held) {
			fields[field] = { key, value: data[key] };
			ranks[field] = rank;
		} else if (rank === held) {
			duplicates.push([fields[field]?.key ?? '', key]);
		}
	}
	return { fields, duplicates };
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
