/**
 * Messages about a frontmatter block: hints for YAML errors, and warnings for
 * values that YAML reads differently from what the user most likely meant
 * (an unquoted `[[link]]`, a phone number that loses its leading zero).
 *
 * Line numbers: the YAML text handed to the parser starts with the line break
 * of the opening `---` line, so line N of that text is line N of the file.
 */
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, visit, type Document, type LineCounter, type Node as YamlNode, type YAMLError } from 'yaml';
import { quotedYaml } from '../yamlQuote';

/** A finding before it is tied to a note. */
export interface Finding {
	severity: 'error' | 'warning';
	line: number;
	message: string;
}

const NO_PROPERTIES = 'Obsidian shows no properties for this note until it is fixed.';


/** The 1-based line `line` of `text` (without its line break), or ''. */
function lineOf(text: string, line: number): string {
	let start = 0;
	for (let n = 1; n < line; n++) {
		const nl = text.indexOf('\n', start);
		if (nl < 0) return '';
		start = nl + 1;
	}
	const end = text.indexOf('\n', start);
	return text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
}

/** `line` with the value that starts at 1-based column `col` put in quotes (a trailing ` # comment` stays outside). */
function quotedFrom(line: string, col: number): string {
	const head = line.slice(0, col - 1);
	const rest = line.slice(col - 1);
	const comment = / #.*$/.exec(rest);
	const value = (comment ? rest.slice(0, comment.index) : rest).trimEnd();
	return `${head}${quotedYaml(value)}${comment ? comment[0] : ''}`;
}

/** What to do about a YAML error, judged from its code and the offending line. */
function errorHint(code: string, line: string, col: number): string {
	if (code === 'RESOURCE_EXHAUSTION') return 'Write the value with a few levels of [ ] or { } at most.';
	if (/^\s*\t/.test(line) || code === 'TAB_AS_INDENT') {
		return 'Indent with spaces, not tabs.';
	}
	if (/(^|[\s:[,-])\[\[/.test(line) && !/["']\[\[/.test(line)) {
		return 'Put each link in quotes, e.g. company: "[[Acme]]" or - "[[Jane Doe]]".';
	}
	switch (code) {
		case 'BAD_SCALAR_START':
			return `Put the value in quotes: ${quotedFrom(line, col).trim()}`;
		case 'BLOCK_AS_IMPLICIT_KEY':
			return `The value contains ": "; put the whole value in quotes: ${quotedFrom(line, col).trim()}`;
		case 'MULTILINE_IMPLICIT_KEY':
			return 'Each line must be "key: value", a "- item" under a key, or an indented continuation; add the missing colon or put the text in quotes.';
		case 'MULTIPLE_DOCS':
			return 'A line starting with "---" or "..." ends the frontmatter here; remove it or put it in quotes.';
		default:
			return 'Check this line: a value that starts with [ { @ ` * & ! % | > or contains ": " or " #" needs quotes, and list items need "- " at a steady indentation.';
	}
}

function withStop(sentence: string): string {
	return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** The first line of a `yaml` error message, without its "at line …" position; a stack overflow in the user's words. */
export function shortMessage(err: YAMLError): string {
	if (err.code === 'RESOURCE_EXHAUSTION') return 'the values nest too deep to be read';
	const first = err.message.split('\n', 1)[0] ?? err.message;
	return first.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Why a document without syntax errors could not be turned into values, as
 * a line and a sentence (the reader's diagnostic and the writer's refusal
 * both say it): `- *Jane*` is an alias whose anchor is never set (Obsidian's
 * js-yaml refuses it too), or aliases expand to too many values (an alias
 * bomb), or whatever else the YAML reader threw.
 */
export function valuesProblem(doc: Document.Parsed, src: string, err: unknown): { line: number; problem: string } {
	const lineAt = (offset: number): number => src.slice(0, offset).split('\n').length;
	const anchors = new Set<string>();
	let firstAlias: number | null = null;
	let unresolved: { name: string; offset: number } | null = null;
	visit(doc, (_key, node) => {
		if (isAlias(node)) {
			const offset = node.range?.[0] ?? 0;
			firstAlias ??= offset;
			if (!anchors.has(node.source)) {
				unresolved = { name: node.source, offset };
				return visit.BREAK;
			}
		} else if (isNode(node) && node.anchor) anchors.add(node.anchor);
		return undefined;
	});
	// TypeScript does not see the callback's assignment.
	const missing = unresolved as { name: string; offset: number } | null;
	if (missing !== null) {
		const alias = `*${missing.name}`;
		return {
			line: lineAt(missing.offset),
			problem: `${alias} is a YAML alias, a reference to a value marked &${missing.name} before it, and no value is marked so; if it is text, put it in quotes: ${quotedYaml(alias)}`,
		};
	}
	if (firstAlias !== null) {
		return { line: lineAt(firstAlias), problem: 'the YAML aliases (*name) expand to too many values to be read; write the values out instead of *aliases' };
	}
	const message = err instanceof Error ? err.message : String(err);
	return { line: 2, problem: `it cannot be turned into values (${message.split('\n', 1)[0]})` };
}

/** One finding for the first YAML error of a document (later errors mostly follow from it). */
export function yamlErrorFinding(doc: Document.Parsed, text: string, lineCounter: LineCounter): Finding {
	const err = doc.errors[0];
	if (!err) throw new Error('yamlErrorFinding: the document has no error');
	const pos = err.linePos?.[0] ?? lineCounter.linePos(err.pos[0]);
	const lineText = lineOf(text, pos.line);
	if (err.code === 'DUPLICATE_KEY') {
		const key = lineText.replace(/^\s*/, '').replace(/\s*:.*$/, '');
		const first = firstKeyLine(doc, key, err.pos[0], lineCounter);
		return {
			severity: 'error',
			line: pos.line,
			message:
				`The frontmatter has the key "${key}" more than once (` +
				(first ? `lines ${first} and ${pos.line}` : `again on line ${pos.line}`) +
				`). Keep one of them: Obsidian reads no properties from a note with a repeated key.`,
		};
	}
	const extra = doc.errors.length > 1 ? ` (${doc.errors.length - 1} more error${doc.errors.length > 2 ? 's' : ''} may follow from this one.)` : '';
	return {
		severity: 'error',
		line: pos.line,
		message: `The frontmatter is not valid YAML at line ${pos.line}: ${shortMessage(err)}. ${withStop(errorHint(err.code, lineText, pos.col))} ${NO_PROPERTIES}${extra}`,
	};
}

/** The line of an earlier key equal to `key` in the document's top-level map, if any. */
function firstKeyLine(doc: Document.Parsed, key: string, before: number, lineCounter: LineCounter): number | null {
	if (!isMap(doc.contents)) return null;
	for (const pair of doc.contents.items) {
		const k = pair.key;
		if (isScalar(k) && k.range && k.range[0] < before && String(k.value) === key) return lineCounter.linePos(k.range[0]).line;
	}
	return null;
}

/** A YAML warning (an unknown tag, …) as a finding. */
export function yamlWarningFinding(warning: YAMLError, lineCounter: LineCounter): Finding {
	const pos = warning.linePos?.[0] ?? lineCounter.linePos(warning.pos[0]);
	return { severity: 'warning', line: pos.line, message: `Frontmatter line ${pos.line}: ${shortMessage(warning)}.` };
}

// Cheap pre-tests on the YAML text, so that most notes skip the tree walk.
const MAY_HAVE_LINK = '[[';
const MAY_HAVE_LOSSY_NUMBER = /[\s[,](?:0\d|\+\d{7})|\d{16}/;
const DIGITS = /^[-+]?\d+$/;

/** A plain integer whose digits YAML does not keep: a leading zero, a leading `+` on a phone-like number, or too many digits. */
export function lossyInteger(source: string, value: number): string | null {
	if (!DIGITS.test(source)) return null;
	const digits = source.replace(/^[-+]/, '');
	if (digits.length > 1 && digits.startsWith('0')) return 'YAML drops the leading 0';
	if (source.startsWith('+') && digits.length >= 7) return 'YAML drops the leading +';
	if (!Number.isSafeInteger(value)) return 'the number has too many digits to be kept exactly';
	return null;
}

/**
 * Warnings for values a user most likely meant as text: `[[Acme]]` without
 * quotes (YAML: a list inside a list; Obsidian shows that nested list, and it
 * is not a link) and phone-like numbers that lose digits. `data` is left as
 * YAML (and Obsidian) read it.
 */
export function valueWarnings(doc: Document.Parsed, src: string, lineCounter: LineCounter): Finding[] {
	const links = src.includes(MAY_HAVE_LINK);
	const numbers = MAY_HAVE_LOSSY_NUMBER.test(src);
	if (!links && !numbers) return [];
	const out: Finding[] = [];
	const lineAt = (node: YamlNode): number => lineCounter.linePos(node.range?.[0] ?? 0).line;
	// `key`: the key whose value (or list item, when `item`) `node` is.
	const where = (key: string | null, item: boolean): [string, string] => {
		if (item) return ['- ', key === null ? '' : ` (a list item under ${key})`];
		return [key === null ? '' : `${key}: `, ''];
	};
	const walk = (node: unknown, key: string | null, item: boolean): void => {
		if (isMap(node)) {
			for (const pair of node.items) {
				const k = isScalar(pair.key) ? String(pair.key.value) : null;
				walk(pair.value, k, false);
			}
		} else if (isSeq(node)) {
			const range = node.range;
			const inner = node.items[0];
			if (
				links && node.flow && range && node.items.length === 1 && isSeq(inner) && inner.flow && src.startsWith('[[', range[0])
			) {
				const written = src.slice(range[0], range[1]).trimEnd();
				const [lead, under] = where(key, item);
				out.push({
					severity: 'warning',
					line: lineAt(node),
					message:
						`${lead}${written}${under} without quotes is read by YAML as a list inside a list, not as a link ` +
						`(Obsidian shows it the same way). Write it in quotes: ${lead}${quotedYaml(written)}`,
				});
				return;
			}
			for (const it of node.items) walk(it, key, true);
		} else if (isPair(node)) {
			walk(node.value, key, false);
		} else if (numbers && isScalar(node) && typeof node.value === 'number' && node.type === 'PLAIN' && typeof node.source === 'string') {
			const why = lossyInteger(node.source, node.value);
			if (why) {
				const [lead, under] = where(key, item);
				out.push({
					severity: 'warning',
					line: lineAt(node),
					message:
						`${lead}${node.source}${under} is read as the number ${String(node.value)}: ${why}. ` +
						`If it is a phone number or a code, write it in quotes: ${lead}${quotedYaml(node.source)}`,
				});
			}
		}
	};
	walk(doc.contents, null, false);
	return out;
}
