/**
 * Which notes to read, decided from Obsidian's metadata cache alone (no file
 * read): note-format.md, "Which notes are interview notes".
 *
 * Pure: no `obsidian`, no DOM (the cache shapes are described structurally).
 */
import { isInterviewNote as coreIsInterviewNote, type NoteClassifierSettings } from '../core/classify';

export type Classifier = NoteClassifierSettings;

/** The parts of Obsidian's `CachedMetadata` read here. */
export interface MetadataLike {
	frontmatter?: Record<string, unknown>;
	frontmatterLinks?: { link: string }[];
	links?: { link: string }[];
	frontmatterPosition?: unknown;
	sections?: { type: string; position: { start: { line: number } } }[];
}

/**
 * Whether the note starts with a frontmatter block Obsidian could not read
 * (no properties, but a YAML section or a rule on line 1): such a note is
 * read, and the core's raw-frontmatter test decides whether it is reported as
 * an interview note that cannot be read.
 */
export function mayHoldBrokenFrontmatter(meta: MetadataLike | null | undefined): boolean {
	if (!meta || meta.frontmatter !== undefined) return false;
	if (meta.frontmatterPosition !== undefined) return true;
	const first = meta.sections?.[0];
	return first !== undefined && first.position.start.line === 0 && (first.type === 'yaml' || first.type === 'thematicBreak');
}

/**
 * True when the note is an interview note by its type, its tags or its folder:
 * the core's own rule (core/note.ts), so the plugin reads exactly the notes the
 * index will classify as interview notes.
 */
export function isInterviewNote(path: string, frontmatter: Record<string, unknown> | null | undefined, c: Classifier): boolean {
	return coreIsInterviewNote(path, frontmatter ?? null, c);
}

/** Link targets (without `#heading` or `|alias`) a note makes in its frontmatter and body. */
export function linkTargets(meta: MetadataLike | null | undefined): string[] {
	if (!meta) return [];
	const out = new Set<string>();
	for (const l of [...(meta.frontmatterLinks ?? []), ...(meta.links ?? [])]) {
		const target = l.link.split('#')[0].split('|')[0].trim();
		if (target !== '') out.add(target);
	}
	return [...out];
}

