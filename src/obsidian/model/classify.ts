/**
 * Which notes to read, decided from Obsidian's metadata cache alone (no file
 * read): note-format.md, "Which notes are interview notes".
 *
 * Pure: no `obsidian`, no DOM (the cache shapes are described structurally).
 */
import type { Settings } from '../../core/types';
import { normaliseKey } from './frontmatterEdit';

export type Classifier = Pick<Settings, 'interviewType' | 'interviewTag' | 'interviewFolders'>;

/** The parts of Obsidian's `CachedMetadata` read here. */
export interface MetadataLike {
	frontmatter?: Record<string, unknown>;
	frontmatterLinks?: { link: string }[];
	links?: { link: string }[];
}

function frontmatterValue(fm: Record<string, unknown>, key: string): unknown {
	const want = normaliseKey(key);
	for (const [k, v] of Object.entries(fm)) if (normaliseKey(k) === want) return v;
	return undefined;
}

function tagsOf(value: unknown): string[] {
	if (typeof value === 'string') return value.split(/[,\s]+/).filter((s) => s !== '');
	if (Array.isArray(value)) return value.flatMap((v) => (typeof v === 'string' ? tagsOf(v) : []));
	return [];
}

export function inFolders(path: string, folders: readonly string[]): boolean {
	return folders.some((f) => f !== '' && (path === f || path.startsWith(`${f.replace(/\/+$/, '')}/`)));
}

/** True when the note is an interview note by its type, its tags or its folder. */
export function isInterviewNote(path: string, frontmatter: Record<string, unknown> | null | undefined, c: Classifier): boolean {
	if (inFolders(path, c.interviewFolders)) return true;
	if (!frontmatter) return false;
	const type = frontmatterValue(frontmatter, 'type');
	const want = c.interviewType.trim().toLowerCase();
	const types = Array.isArray(type) ? type : [type];
	if (types.some((t) => typeof t === 'string' && t.trim().toLowerCase() === want)) return true;
	const tag = c.interviewTag.trim().replace(/^#/, '').toLowerCase();
	const tags = [...tagsOf(frontmatterValue(frontmatter, 'tags')), ...tagsOf(frontmatterValue(frontmatter, 'tag'))];
	return tags.some((t) => {
		const x = t.replace(/^#/, '').toLowerCase();
		return x === tag || x.startsWith(`${tag}/`);
	});
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
