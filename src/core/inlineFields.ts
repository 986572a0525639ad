/**
 * Dataview inline fields in a note's body (note-format.md v2): `key:: value`
 * on a line of its own (also as a list item or task), and `[key:: value]` or
 * `(key:: value)` inside a line. Fields inside code (fenced or indented
 * blocks, `inline code`) are not fields. What is code is the Markdown
 * parser's answer (mdast), asked only when a line holds a candidate.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes } from 'mdast';

/** One inline field as written. */
export interface InlineField {
	/** The key as written, without `**` around it. */
	key: string;
	value: string;
	/** 1-based file line. */
	line: number;
}

/** A list marker or task box, a quote marker, before a full-line field. */
const LINE_PREFIX_RE = /^[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[.\][ \t]+)?)?/;
const KEY_RE = /^[\p{L}\p{N}_ \t-]+$/u;

function cleanKey(raw: string): string | null {
	const key = raw
		.trim()
		.replace(/^(\*\*|__)(.*)\1$/, '$2')
		.trim();
	return key !== '' && KEY_RE.test(key) ? key : null;
}

/** `[key:: value]` and `(key:: value)` in one line: [offset in the line, key, value]; brackets in the value nest. */
function bracketed(line: string): Array<[number, string, string]> {
	const out: Array<[number, string, string]> = [];
	for (let i = 0; i < line.length; i++) {
		const open = line[i];
		if (open !== '[' && open !== '(') continue;
		const sep = line.indexOf('::', i + 1);
		if (sep < 0) break;
		const key = cleanKey(line.slice(i + 1, sep));
		if (key === null) continue;
		const close = open === '[' ? ']' : ')';
		let depth = 0;
		let end = -1;
		for (let j = sep + 2; j < line.length; j++) {
			if (line[j] === open) depth++;
			else if (line[j] === close) {
				if (depth === 0) {
					end = j;
					break;
				}
				depth--;
			}
		}
		if (end < 0) continue;
		out.push([i, key, line.slice(sep + 2, end).trim()]);
		i = end;
	}
	return out;
}

/** The candidate fields of a body's lines, before code is ruled out: with their offset in the body. */
function candidates(body: string, bodyLine: number): Array<InlineField & { offset: number }> {
	const out: Array<InlineField & { offset: number }> = [];
	let start = 0;
	let n = 0;
	while (start <= body.length) {
		let end = body.indexOf('\n', start);
		if (end < 0) end = body.length;
		const line = body.slice(start, end).replace(/\r$/, '');
		if (line.includes('::')) {
			const inLine = bracketed(line);
			if (inLine.length > 0) {
				for (const [at, key, value] of inLine) out.push({ key, value, line: bodyLine + n, offset: start + at });
			} else {
				const prefix = LINE_PREFIX_RE.exec(line)?.[0] ?? '';
				const rest = line.slice(prefix.length);
				const sep = rest.indexOf('::');
				const key = sep > 0 ? cleanKey(rest.slice(0, sep)) : null;
				if (key !== null) out.push({ key, value: rest.slice(sep + 2).trim(), line: bodyLine + n, offset: start + prefix.length });
			}
		}
		start = end + 1;
		n++;
	}
	return out;
}

/** [start, end) offsets of the code in a Markdown text: code blocks and inline code. */
function codeRanges(body: string): Array<[number, number]> {
	const out: Array<[number, number]> = [];
	const walk = (node: Nodes): void => {
		if (node.type === 'code' || node.type === 'inlineCode') {
			const s = node.position?.start.offset;
			const e = node.position?.end.offset;
			if (s !== undefined && e !== undefined) out.push([s, e]);
			return;
		}
		if ('children' in node) for (const c of node.children) walk(c);
	};
	walk(fromMarkdown(body));
	return out;
}

/**
 * The inline fields of a body whose key `wanted` accepts (the keys of the
 * table, and keys that look like one), outside code. `bodyLine` is the file
 * line of the body's first line.
 */
export function findInlineFields(body: string, bodyLine: number, wanted: (key: string) => boolean): InlineField[] {
	if (!body.includes('::')) return [];
	const found = candidates(body, bodyLine).filter((c) => wanted(c.key));
	if (found.length === 0) return [];
	// Code needs a backtick, a tilde, or an indent of four spaces or a tab (indented code): without
	// them there is none, and the Markdown parse (ms for a long note) is skipped.
	const code = /[`~\t]| {4}/.test(body) ? codeRanges(body) : [];
	return found.filter((c) => !code.some(([s, e]) => c.offset >= s && c.offset < e)).map(({ key, value, line }) => ({ key, value, line }));
}
