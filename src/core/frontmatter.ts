/**
 * A note's frontmatter, read the way Obsidian reads it.
 *
 * - gray-matter reads the block between the fences, always with an options
 *   object (so it never uses its input cache, whose entries are shared
 *   objects) and with our own YAML engine.
 * - The engine is `yaml` (YAML 1.2, core schema): `2026-11-16` stays the
 *   string `'2026-11-16'`, as in Obsidian's metadata cache; js-yaml's default
 *   schema would turn it into a UTC midnight.
 * - Where gray-matter's fence rules differ from Obsidian's, `scanFence`
 *   decides (see ./frontmatter/fence.ts) and gray-matter is only handed text
 *   it reads the same way.
 * - The YAML is parsed once; key lines and warnings come from that same parse.
 * - Most frontmatter is flat `key: value` lines; ./frontmatter/fastYaml.ts
 *   reads exactly that subset (giving what `yaml` gives, key lines included)
 *   and declines anything else, which `yaml` then reads. It is the engine
 *   gray-matter calls, ahead of `yaml`.
 * - Nothing throws out of `readFrontmatter`: every problem is a diagnostic
 *   naming the note and, where known, the line.
 *
 * Behaviour for the edge cases (see test/core/frontmatter.test.ts):
 * - `---\n---`, a block of only comments or blank lines: the block is
 *   recognised (`fenced`), `data` is null (Obsidian: no frontmatter).
 * - No closing fence: no frontmatter (line 1 is a horizontal rule for
 *   Obsidian); a warning when line 2 looks like a property.
 * - Invalid YAML, duplicate keys: `data` null, an error with the line.
 * - YAML that is a list or a single value, not `key: value` pairs: `data`
 *   null, a warning.
 * - A byte-order mark: read past it, with a warning (no Obsidian oracle).
 */
import matter from 'gray-matter';
import { LineCounter, parseDocument, isMap, isScalar, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';
import type { Diagnostic } from './types';
import { scanFence, unclosedLooksLikeProperties } from './frontmatter/fence';
import { valuesProblem, valueWarnings, yamlErrorFinding, yamlWarningFinding, type Finding } from './frontmatter/checks';
import { readSimpleYaml } from './frontmatter/fastYaml';

export interface FrontmatterResult {
	/** Equals Obsidian's `cachedMetadata.frontmatter` (undefined there is null here). */
	data: Record<string, unknown> | null;
	/** The text after the closing fence (the whole text when there is no frontmatter). */
	body: string;
	/** Index in `text` where `body` starts. */
	bodyOffset: number;
	/** 1-based line where `body` starts. */
	bodyLine: number;
	/** Whether a frontmatter block was recognised (true for `---\n---` and for invalid YAML too). */
	fenced: boolean;
	/** Each top-level key as written (the key of `data`) -> its 1-based line in the file. */
	keyLines: Record<string, number>;
	diagnostics: Diagnostic[];
}

const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
	schema: 'core',
	// A repeated key is an error (yaml's default, stated for the reader). No
	// recording shows a repeated key; Obsidian's reader is reported to be
	// js-yaml, which rejects the whole block ("duplicated mapping key"), so
	// Obsidian shows no properties: we do the same and say why.
	uniqueKeys: true,
	// Problems become diagnostics; nothing is printed to the console.
	logLevel: 'error',
	prettyErrors: true,
};

/** A YAML text as `yaml` read it. */
interface ParsedByYaml {
	fast: false;
	doc: Document.Parsed;
	lineCounter: LineCounter;
	src: string;
	value: unknown;
	/** Why the parsed document could not be turned into values (too many aliases), or null. */
	expandError: unknown;
}

/** A YAML text in the subset ./frontmatter/fastYaml.ts reads (the same value and key lines as `yaml`, no findings). */
interface ParsedFast {
	fast: true;
	value: Record<string, unknown>;
	keyLines: Record<string, number>;
}

type Parsed = ParsedByYaml | ParsedFast;

/** Whether the fast reader is tried first (off only inside `readFrontmatterByYaml`). */
let fastPath = true;

/** Parses one YAML text; never throws for bad YAML (errors stay on `doc`). */
function parseYaml(text: string): Parsed {
	// gray-matter leaves the `\r` of a `\r\n` before the closing fence on the
	// block; `yaml` does not treat a lone `\r` as a line break and would keep it
	// in the last value (`a: 1\r` -> '1\r').
	const src = text.endsWith('\r') ? text.slice(0, -1) : text;
	if (fastPath) {
		const simple = readSimpleYaml(src);
		if (simple !== null) return { fast: true, value: simple.value, keyLines: simple.keyLines };
	}
	const lineCounter = new LineCounter();
	const doc = parseDocument(src, { ...YAML_OPTIONS, lineCounter });
	let value: unknown = null;
	let expandError: unknown = null;
	if (doc.errors.length === 0) {
		try {
			value = doc.toJS({ maxAliasCount: 100 });
		} catch (err) {
			// An alias bomb (aliases expanding to millions of values) or a like limit: refused, never read.
			expandError = err;
		}
	}
	return { fast: false, doc, lineCounter, src, value, expandError };
}

/**
 * The text handed to gray-matter. Given a string, gray-matter keeps a copy of
 * it with `Buffer.from` (its `file.orig`, which we never read), and `Buffer`
 * does not exist on Obsidian mobile or in a browser. Given a Buffer, it keeps
 * that and reads it with `String(input)`; it recognises one by
 * `input.constructor.isBuffer(input)` (kind-of). This wrapper is such an
 * input: gray-matter reads the same text, and no global is touched.
 */
class MatterInput {
	constructor(private readonly text: string) {}
	static isBuffer(value: unknown): boolean {
		return value instanceof MatterInput;
	}
	toString(): string {
		return this.text;
	}
}

/** What the engine read during the current gray-matter call. */
let engineResult: Parsed | null = null;

/** The YAML engine handed to gray-matter: the real value is kept in `engineResult`; gray-matter needs an object back. */
function yamlEngine(src: string): object {
	engineResult = parseYaml(src);
	return {};
}

/** gray-matter's options: always an object (so its cache is never used), our engine. One object, reused. */
const MATTER_OPTIONS = { language: 'yaml', engines: { yaml: yamlEngine } };

/** Runs gray-matter on `head` (the text up to the end of the closing fence) with our engine. */
function grayMatter(head: string): { matter: string; parsed: Parsed | null } {
	engineResult = null;
	// gray-matter's types take a string or a Buffer; ours is read as a Buffer (see MatterInput).
	const file = matter(new MatterInput(head) as unknown as string, MATTER_OPTIONS);
	const parsed = engineResult;
	engineResult = null;
	return { matter: file.matter, parsed };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function countLines(text: string, end: number): number {
	let lines = 1;
	for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) lines++;
	return lines;
}

function keyLinesOf(doc: Document.Parsed, lineCounter: LineCounter): Record<string, number> {
	const out: Record<string, number> = {};
	if (!isMap(doc.contents)) return out;
	for (const pair of doc.contents.items) {
		const key = pair.key;
		if (!isScalar(key) || !key.range) continue;
		const name = String(key.value);
		const line = lineCounter.linePos(key.range[0]).line;
		// Like yaml's toJS, keep `__proto__` as an own key rather than setting the prototype.
		if (name === '__proto__') Object.defineProperty(out, name, { value: line, enumerable: true, writable: true, configurable: true });
		else out[name] = line;
	}
	return out;
}

function noFrontmatter(text: string, diagnostics: Diagnostic[]): FrontmatterResult {
	return { data: null, body: text, bodyOffset: 0, bodyLine: 1, fenced: false, keyLines: {}, diagnostics };
}

function read(path: string, text: string): FrontmatterResult {
	const diagnostics: Diagnostic[] = [];
	const add = (f: Finding): void => {
		diagnostics.push({ note: path, severity: f.severity, line: f.line, message: f.message });
	};
	const scan = scanFence(text);
	if (scan.bom === 1 && scan.kind !== 'none') {
		add({
			severity: 'warning',
			line: 1,
			message:
				'The file starts with an invisible byte-order mark (BOM) before "---". The properties are read, but Obsidian and ' +
				'other tools may not see them: save the file as UTF-8 without BOM.',
		});
	}
	if (scan.kind === 'none') return noFrontmatter(text, diagnostics);
	if (scan.kind === 'unclosed') {
		if (unclosedLooksLikeProperties(text, scan)) {
			add({
				severity: 'warning',
				line: 1,
				message:
					'Line 1 is "---" but no later line is "---", so Obsidian reads no properties from this note (line 1 is a ' +
					'horizontal rule). If the lines below it are properties, add a line "---" after the last one.',
			});
		}
		return noFrontmatter(text, diagnostics);
	}

	const { bom, closeStart, closeEnd, bodyOffset } = scan;
	// The YAML text gray-matter hands its engine: from just after the opening
	// `---` (its trailing blanks and line break included, so that line N of the
	// YAML is line N of the file) to the line break before the closing fence.
	const start = bom + 3;
	const end = closeStart - 1;
	let parsed: Parsed | null;
	if (text.indexOf('\n---', start) === end) {
		const gm = grayMatter(text.slice(0, closeEnd));
		if (gm.matter.length !== end - start) throw new Error(`gray-matter read ${gm.matter.length} characters of frontmatter, expected ${end - start}`);
		parsed = gm.parsed;
	} else {
		// A line inside the block starts with `---` without being a fence (`----`,
		// `--- x`): gray-matter would close the block there, Obsidian does not.
		// Read the block Obsidian reads, with the same engine.
		parsed = parseYaml(text.slice(start, end));
	}
	const result: FrontmatterResult = {
		data: null,
		body: text.slice(bodyOffset),
		bodyOffset,
		bodyLine: countLines(text, bodyOffset),
		fenced: true,
		keyLines: {},
		diagnostics,
	};
	// gray-matter skips the engine for a block of only blank and comment lines:
	// YAML reads that as null, and so does Obsidian (no frontmatter).
	if (parsed === null) return result;
	if (parsed.fast) {
		result.data = parsed.value;
		result.keyLines = parsed.keyLines;
		return result;
	}
	const { doc, lineCounter, src, value } = parsed;
	if (doc.errors.length > 0) {
		add(yamlErrorFinding(doc, src, lineCounter));
		return result;
	}
	if (parsed.expandError !== null) {
		const { line, problem } = valuesProblem(doc, src, parsed.expandError);
		add({ severity: 'error', line, message: `The frontmatter cannot be read at line ${line}: ${problem}. Until then no property of this note is read.` });
		return result;
	}
	for (const w of doc.warnings) add(yamlWarningFinding(w, lineCounter));
	if (value === null || value === undefined) return result;
	if (!isPlainObject(value)) {
		const closeLine = countLines(text, closeStart);
		add({
			severity: 'warning',
			line: 2,
			message:
				`Lines 2-${closeLine - 1} between the "---" lines are read as frontmatter, but they are ` +
				`${Array.isArray(value) ? 'a list' : 'a single value'}, not "key: value" properties, so Obsidian shows no properties. ` +
				'Write properties as "key: value"; if line 1 is meant as a horizontal rule, write it as "***" instead.',
		});
		return result;
	}
	result.data = value;
	result.keyLines = keyLinesOf(doc, lineCounter);
	for (const f of valueWarnings(doc, src, lineCounter)) add(f);
	return result;
}

/** Reads the frontmatter of the note at `path` (vault-relative, for diagnostics). Never throws. */
export function readFrontmatter(path: string, text: string): FrontmatterResult {
	try {
		return read(path, text);
	} catch (err) {
		return noFrontmatter(text, [
			{
				note: path,
				severity: 'error',
				line: 1,
				message: `The frontmatter could not be read (${err instanceof Error ? err.message : String(err)}). Please report this with the note's first lines.`,
			},
		]);
	}
}

/**
 * `readFrontmatter` without the fast reader: every block goes through `yaml`.
 * For tests and comparisons; the results are the same.
 */
export function readFrontmatterByYaml(path: string, text: string): FrontmatterResult {
	fastPath = false;
	try {
		return readFrontmatter(path, text);
	} finally {
		fastPath = true;
	}
}
