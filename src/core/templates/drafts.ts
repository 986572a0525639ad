/**
 * Drafts in a note: each drafted message starts with a heading that names
 * its action (`### thank-you: John Roe`), so the plugin can find it again:
 * Draft reveals it instead of inserting it twice, and Email mails the text
 * the user edited there.
 */
import { inline } from './text';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;

/** The heading line a draft starts with. */
export function draftHeading(kind: string, person: string | null): string {
	const who = inline(person);
	return `### ${kind}${who !== '' ? `: ${who}` : ''}`;
}

/**
 * A drafted text as it goes into a note, and the heading that finds it again:
 * a message goes under a heading naming its action; a text that starts with
 * a heading of its own (the notes to prepare the next round) is found by it.
 */
export function draftBlock(kind: string, person: string | null, markdown: string): { heading: string; markdown: string } {
	const first = HEADING.exec(markdown.split('\n', 1)[0]);
	if (first !== null && first[1].length <= 3) return { heading: first[0].trim(), markdown };
	const heading = draftHeading(kind, person);
	return { heading, markdown: `${heading}\n\n${markdown}` };
}

export interface FoundDraft {
	/** 0-based line of the heading. */
	line: number;
	/** The text under the heading, up to the next heading of level 1 to 3 (trimmed). */
	text: string;
}

/** The body's first line (after the properties block), 0-based. */
export function bodyStart(lines: readonly string[]): number {
	if (lines[0]?.trimEnd() !== '---') return 0;
	for (let i = 1; i < lines.length; i++) if (/^(---|\.\.\.)\s*$/.test(lines[i])) return i + 1;
	return 0;
}

/** The draft of `heading` in the note's text (outside code blocks and properties), or null. */
export function findDraft(text: string, heading: string): FoundDraft | null {
	const lines = text.split(/\r\n|\r|\n/);
	const want = heading.replace(/^#+\s*/, '').trim().toLowerCase();
	let fence: string | null = null;
	let found: number | null = null;
	const out: string[] = [];
	for (let i = bodyStart(lines); i < lines.length; i++) {
		const line = lines[i];
		const f = FENCE.exec(line);
		if (f !== null) {
			if (fence === null) fence = f[1][0].repeat(f[1].length);
			else if (f[1].startsWith(fence)) fence = null;
		} else if (fence === null) {
			const h = HEADING.exec(line);
			if (h !== null && h[1].length <= 3) {
				if (found !== null) break;
				if (h[2].trim().toLowerCase() === want) {
					found = i;
					continue;
				}
			}
		}
		if (found !== null) out.push(line);
	}
	return found === null ? null : { line: found, text: out.join('\n').trim() };
}
