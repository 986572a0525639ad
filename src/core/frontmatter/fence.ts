/**
 * Where a note's frontmatter block is, by Obsidian's rules.
 *
 * gray-matter reads the block (see ../frontmatter.ts); this scan only decides
 * whether there is one and which line closes it, because gray-matter's own
 * rules are looser than Obsidian's in three places:
 *
 * - gray-matter takes any text after the opening `---` as a language name
 *   (`---json`, `--- yaml`); for Obsidian such a first line is not a fence.
 * - gray-matter closes the block at the first line that merely *starts* with
 *   `---` (`----`, `---x`, `--- title`); Obsidian needs a line that is `---`.
 * - gray-matter treats a missing closing fence as "everything is
 *   frontmatter"; Obsidian then sees no frontmatter at all (line 1 is a
 *   horizontal rule).
 *
 * The rules used here (the recordings of real Obsidian confirm `---\n---` as
 * an empty frontmatter block; the rest follows CommonMark frontmatter as
 * micromark reads it, without an Obsidian oracle): the file starts with
 * `---` (after an optional byte-order mark), optionally followed by spaces or
 * tabs, then a line break; the block ends at the first later line that is
 * `---` optionally followed by spaces or tabs, then a line break or the end
 * of the file. `\r\n` line breaks count as line breaks.
 */

export type FenceScan =
	| { kind: 'none'; bom: number }
	/** Line 1 is a fence but no line closes it. */
	| { kind: 'unclosed'; bom: number; openEnd: number }
	| ({ kind: 'fenced' } & Fence);

export interface Fence {
	/** 1 when the text starts with U+FEFF, else 0. */
	bom: number;
	/** Index just after the opening `---` and its trailing blanks: its line break starts here. */
	openEnd: number;
	/** Index of the first character of the closing `---` line. */
	closeStart: number;
	/** Index just after the closing `---` and its trailing blanks (before its line break). */
	closeEnd: number;
	/** Index where the body starts: after the closing line's line break, or the end of the text. */
	bodyOffset: number;
}

function skipBlanks(text: string, i: number): number {
	let j = i;
	for (let c = text.charCodeAt(j); c === 0x20 || c === 0x09; c = text.charCodeAt(j)) j++;
	return j;
}

/** Length of the line break at `i` (`\n` 1, `\r\n` 2), 0 at the end of the text, -1 for anything else. */
function lineBreakAt(text: string, i: number): number {
	if (i >= text.length) return 0;
	const c = text.charCodeAt(i);
	if (c === 0x0a) return 1;
	if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) return 2;
	if (c === 0x0d && i + 1 === text.length) return 1;
	return -1;
}

export function scanFence(text: string): FenceScan {
	const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	if (!text.startsWith('---', bom)) return { kind: 'none', bom };
	const openEnd = skipBlanks(text, bom + 3);
	const openBreak = lineBreakAt(text, openEnd);
	// `----`, `---json`, or `---` alone at the end of the file: not an opening fence.
	if (openBreak <= 0) return { kind: 'none', bom };
	// A closing line is `\n---` + blanks + line break or end. Start the search at the
	// opening line's own `\n` so that `---\n---` (an empty block) is found.
	let from = openEnd + openBreak - 1;
	for (;;) {
		const nl = text.indexOf('\n---', from);
		if (nl < 0) return { kind: 'unclosed', bom, openEnd };
		const closeStart = nl + 1;
		const closeEnd = skipBlanks(text, closeStart + 3);
		const closeBreak = lineBreakAt(text, closeEnd);
		if (closeBreak >= 0) {
			return { kind: 'fenced', bom, openEnd, closeStart, closeEnd, bodyOffset: closeEnd + closeBreak };
		}
		from = closeStart;
	}
}

/** A line that looks like a property (`key: value`, `key:`) rather than prose. */
const PROPERTY_LINE = /^[^\s#>*`|-][^:\n]*:(?:[ \t]|\r?$)/;

/**
 * For a block that line 1 opens and no line closes: does the line under the
 * fence look like a property? Then the user most likely forgot the closing
 * `---` (Obsidian shows no properties, line 1 is a horizontal rule).
 */
export function unclosedLooksLikeProperties(text: string, scan: { openEnd: number }): boolean {
	const second = text.slice(scan.openEnd).replace(/^\r?\n/, '').split('\n', 1)[0] ?? '';
	return PROPERTY_LINE.test(second);
}
