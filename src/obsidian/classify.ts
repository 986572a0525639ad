/**
 * Which notes to read, decided from Obsidian's metadata cache alone (no file
 * read): note-format.md, "Which notes are interview notes".
 *
 * Pure: no `obsidian`, no DOM (the cache shapes are described structurally).
 */
import type { Settings } from '../core/types';
import { isInterviewNote as coreIsInterviewNote } from '../core/note';

export type Classifier = Pick<Settings, 'interviewType' | 'interviewTag' | 'interviewFolders'>;

/** The parts of Obsidian's `CachedMetadata` read here. */
export interface MetadataLike {
	frontmatter?: Record<string, unknown>;
	frontmatterLinks?: { link: string }[];
	links?: { link: string }[];
}

export function inFolders(path: string, folders: readonly string[]): boolean {
	return folders.some((f) => f !== '' && (path === f || path.startsWith(`${f.replace(/\/+$/, '')}/`)));
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

/** The lowercase name a link target names (`People/Jane Doe.md` -> `jane doe`). */
export function linkName(target: string): string {
	const base = target.split('/').pop() ?? target;
	return base.replace(/\.md$/i, '').trim().toLowerCase();
}
