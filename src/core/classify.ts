/**
 * Which notes are interview notes (note-format.md v2, "Which notes are
 * interview notes"), and which notes may be one before their YAML is read.
 *
 * - `isInterviewNote`: the rule, on the parsed frontmatter.
 * - `isExcluded`: templates folders and the "excluded folders" setting; a note
 *   there is never an interview note, whatever it says.
 * - `mayBeInterviewNote`: the cheap test on the raw text, no YAML parsed: in
 *   an interview folder, or the raw frontmatter names the type or the tag. It
 *   holds for every note `isInterviewNote` accepts (so a reader may skip the
 *   YAML of the others), and it is what decides that a note whose
 *   frontmatter cannot be read still gets an error rather than vanishing.
 */
import type { Settings } from './types';
import { readFields, type FieldName, type FieldValue } from './keys';
import { scalarText } from './contacts';
import { scanFence } from './frontmatter/fence';

export type NoteClassifierSettings = Pick<Settings, 'interviewType' | 'interviewTag' | 'interviewFolders'> & {
	/**
	 * Folders whose notes are never interview notes: the templates folders
	 * (Obsidian's core Templates, Templater's, this tool's) and the "excluded
	 * folders" setting (CLI `--exclude`). Vault-relative, `/`.
	 */
	excludedFolders?: readonly string[];
};

/** `Jobs/Interviews/` -> `jobs/interviews`: vault-relative, `/`, no outer slashes, lowercased. */
export function normalizeFolder(folder: string): string {
	return folder.trim().replace(/\\/g, '/').replace(/^(?:\.\/)+/, '').replace(/^\/+|\/+$/g, '').toLowerCase();
}

/** Whether `path` lies under `folder` (already normalised); `''` is the whole vault. */
function under(lowerPath: string, folder: string): boolean {
	return folder === '' || folder === '.' || lowerPath.startsWith(`${folder}/`);
}

const normalized = new Map<string, string>();

/** `normalizeFolder`, remembered: the classifier asks it of the same few folders for every note of a vault. */
function folderKey(folder: string): string {
	let f = normalized.get(folder);
	if (f === undefined) {
		f = normalizeFolder(folder);
		if (normalized.size > 256) normalized.clear();
		normalized.set(folder, f);
	}
	return f;
}

/** Whether the note lies under an excluded folder (an empty entry excludes nothing). */
export function isExcluded(path: string, classifier: NoteClassifierSettings): boolean {
	return excludingFolder(path, classifier) !== null;
}

/** The excluded folder the note lies under, as the settings spell it, or null. */
export function excludingFolder(path: string, classifier: NoteClassifierSettings): string | null {
	const lower = path.toLowerCase();
	for (const folder of classifier.excludedFolders ?? []) {
		const f = folderKey(folder);
		if (f !== '' && f !== '.' && under(lower, f)) return folder;
	}
	return null;
}

/** Whether the note lies under one of the interview folders (and no excluded one). */
export function inInterviewFolder(path: string, classifier: NoteClassifierSettings): boolean {
	if (isExcluded(path, classifier)) return false;
	const lower = path.toLowerCase();
	return classifier.interviewFolders.some((folder) => under(lower, folderKey(folder)));
}

function normalizeTag(tag: string): string {
	return tag.trim().replace(/^#+/, '').toLowerCase();
}

function tagList(value: unknown): string[] {
	const out: string[] = [];
	const add = (v: unknown): void => {
		if (typeof v === 'string') {
			for (const t of v.split(/[,\s]+/)) if (t !== '') out.push(normalizeTag(t));
		} else if (Array.isArray(v)) {
			for (const x of v) add(x);
		} else if (typeof v === 'number') {
			out.push(String(v));
		}
	};
	add(value);
	return out;
}

/** Whether a note is an interview note, from its path and parsed frontmatter. */
export function isInterviewNote(
	path: string,
	frontmatter: Record<string, unknown> | null,
	classifier: NoteClassifierSettings,
	known?: Partial<Record<FieldName, FieldValue>>,
): boolean {
	if (isExcluded(path, classifier)) return false;
	if (inInterviewFolder(path, classifier)) return true;
	if (frontmatter === null) return false;
	const fields = known ?? readFields(frontmatter).fields;
	const wantType = classifier.interviewType.trim().toLowerCase();
	if (wantType !== '' && fields.type !== undefined) {
		const types = Array.isArray(fields.type.value) ? (fields.type.value as unknown[]) : [fields.type.value];
		for (const t of types) {
			const s = scalarText(t);
			if (s !== null && s.toLowerCase() === wantType) return true;
		}
	}
	const wantTag = normalizeTag(classifier.interviewTag);
	if (wantTag !== '' && fields.tags !== undefined) {
		for (const t of tagList(fields.tags.value)) {
			if (t === wantTag || t.startsWith(`${wantTag}/`)) return true;
		}
	}
	return false;
}

/**
 * The raw frontmatter text of a note, without parsing it: the lines between
 * the fences; for a block that is never closed, the lines after `---` up to
 * the first blank line. Null when line 1 opens no block.
 */
export function rawFrontmatter(text: string): string | null {
	const scan = scanFence(text);
	if (scan.kind === 'none') return null;
	if (scan.kind === 'fenced') return text.slice(scan.openEnd, scan.closeStart);
	const rest = text.slice(scan.openEnd);
	const blank = /\n[ \t]*\r?\n/.exec(rest);
	return blank === null ? rest : rest.slice(0, blank.index);
}

function escapeRegExp(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const wordRes = new Map<string, RegExp>();

/** `interview` as a word of its own (`#interview`, `interview/onsite`, `Interview`), not inside `interviewers`. */
function wordRe(word: string): RegExp {
	let re = wordRes.get(word);
	if (re === undefined) {
		re = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(word)}(?![\\p{L}\\p{N}_])`, 'iu');
		if (wordRes.size > 64) wordRes.clear();
		wordRes.set(word, re);
	}
	return re;
}

/** Whether a raw frontmatter text names the interview type or tag (as a word, ignoring case). */
export function namesInterview(raw: string, classifier: Pick<Settings, 'interviewType' | 'interviewTag'>): boolean {
	for (const w of [classifier.interviewType.trim(), normalizeTag(classifier.interviewTag)]) {
		if (w !== '' && wordRe(w).test(raw)) return true;
	}
	return false;
}

/**
 * The cheap test, on the raw text: could this note be an interview note? True
 * for every note `isInterviewNote` accepts once its YAML is read (a reader may
 * skip the YAML of the others), and for a note whose frontmatter cannot be read
 * but names the type or tag (it gets an error rather than vanishing).
 */
export function mayBeInterviewNote(path: string, text: string, classifier: NoteClassifierSettings): boolean {
	if (isExcluded(path, classifier)) return false;
	if (inInterviewFolder(path, classifier)) return true;
	const raw = rawFrontmatter(text);
	return raw !== null && namesInterview(raw, classifier);
}

/**
 * The app configurations that name a templates folder, relative to the
 * configuration folder (`.obsidian`): Obsidian's core Templates plugin and
 * Templater. Both front ends read these files and hand their text to
 * `templatesFolderIn`.
 */
export const TEMPLATE_CONFIGS: ReadonlyArray<{ file: string; key: string }> = [
	{ file: 'templates.json', key: 'folder' },
	{ file: 'plugins/templater-obsidian/data.json', key: 'templates_folder' },
];

/** The folder a template configuration's JSON text names under `key`, or null (absent, empty, not JSON). */
export function templatesFolderIn(json: string, key: string): string | null {
	let data: unknown;
	try {
		data = JSON.parse(json.replace(/^\uFEFF/, ''));
	} catch {
		return null;
	}
	if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
	const value = (data as Record<string, unknown>)[key];
	if (typeof value !== 'string') return null;
	const folder = value.trim().replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
	return folder === '' || folder === '.' ? null : folder;
}

/**
 * The classifier for a vault: the settings' type, tag and folders; excluded,
 * this tool's templates folder, the "excluded folders" setting and the
 * templates folders the app configurations name.
 */
export function classifierFor(
	settings: Pick<Settings, 'interviewType' | 'interviewTag' | 'interviewFolders' | 'templatesFolder' | 'excludedFolders'>,
	appTemplateFolders: readonly string[] = [],
): NoteClassifierSettings {
	const excluded = [settings.templatesFolder, ...settings.excludedFolders, ...appTemplateFolders].filter((f) => normalizeFolder(f) !== '');
	return {
		interviewType: settings.interviewType,
		interviewTag: settings.interviewTag,
		interviewFolders: [...settings.interviewFolders],
		excludedFolders: [...new Set(excluded)],
	};
}
