/**
 * Every note of four real public vaults goes through readFrontmatter. The
 * notes it calls invalid are checked against an independent parser (js-yaml,
 * which has its own fence-free YAML reader and error rules), and in
 * obsidian-hub against the list found by inspection. Files are read once per
 * run.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFrontmatter, type FrontmatterResult } from '../../src/core/frontmatter';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPORA = join(REPO_ROOT, '..', 'shared', 'corpora');
const present = existsSync(CORPORA);

/** js-yaml 4 (present as a dependency of our tooling): an independent YAML parser for the cross-check. */
interface JsYaml {
	load(src: string, opts?: { schema?: unknown }): unknown;
	CORE_SCHEMA: unknown;
	FAILSAFE_SCHEMA: unknown;
}
function loadJsYaml(): JsYaml | null {
	try {
		const mod = createRequire(import.meta.url)('js-yaml') as JsYaml;
		return typeof mod.load === 'function' && mod.FAILSAFE_SCHEMA ? mod : null;
	} catch {
		return null;
	}
}
const jsyaml = loadJsYaml();

interface Note {
	path: string;
	text: string;
	result: FrontmatterResult;
}

function markdownFiles(dir: string, out: string[] = []): string[] {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = join(dir, entry.name);
		if (entry.isDirectory()) markdownFiles(full, out);
		else if (entry.name.endsWith('.md')) out.push(full);
	}
	return out;
}

/** Reads a vault once and runs every note through readFrontmatter. */
function loadVault(name: string): Note[] {
	const root = join(CORPORA, name);
	return markdownFiles(root)
		.sort()
		.map((file) => {
			const path = relative(root, file).split(sep).join('/');
			const text = readFileSync(file, 'utf8');
			return { path, text, result: readFrontmatter(path, text) };
		});
}

/** The block between the fences, found independently of src/core (CommonMark-style fences). */
const BLOCK = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** Notes whose frontmatter block js-yaml (FAILSAFE schema: syntax only) rejects. */
function rejectedByJsYaml(notes: Note[], yaml: JsYaml): string[] {
	const out: string[] = [];
	for (const n of notes) {
		const m = BLOCK.exec(n.text);
		if (!m) continue;
		try {
			yaml.load(m[1] ?? '', { schema: yaml.FAILSAFE_SCHEMA });
		} catch {
			out.push(n.path);
		}
	}
	return out.sort();
}

function withErrors(notes: Note[]): string[] {
	return notes.filter((n) => n.result.diagnostics.some((d) => d.severity === 'error')).map((n) => n.path).sort();
}

const VAULTS = {
	'tasks-demo-vault': 205,
	'kepano-vault': 103,
	'obsidian-hub': 6591,
	'dataview-example-vault': 264,
} as const;
type Vault = keyof typeof VAULTS;

/** The obsidian-hub notes with invalid YAML, found by inspection (14 `- @name` lists, 2 others). */
const HUB_INVALID = [
	'01 - Community/People/MugishoMp.md',
	'01 - Community/People/beaussan.md',
	'01 - Community/People/gapmiss.md',
	'01 - Community/People/gavinmn.md',
	'01 - Community/People/jaynguyens.md',
	'01 - Community/People/kepano.md',
	'01 - Community/People/maybe-hello-world.md',
	'01 - Community/People/paperbenni.md',
	'01 - Community/People/radekkozak.md',
	'01 - Community/People/regawaras.md',
	'01 - Community/People/rscopic.md',
	'01 - Community/People/tazihad.md',
	'02 - Community Expansions/02.05 All Community Expansions/Plugins/at-symbol-linking.md',
	"03 - Showcases & Templates/Templates/Daily notes/T - Thecookiemomma's Daily Log.md",
	'03 - Showcases & Templates/Vaults/Periodic PARA.md',
].sort();

if (!present) console.warn('Skipping corpora.test.ts: ../shared/corpora (relative to the repo root) is absent.');

describe.skipIf(!present)('real vaults (skipped: ../shared/corpora is absent)', () => {
	const vaults = {} as Record<Vault, Note[]>;
	beforeAll(() => {
		for (const name of Object.keys(VAULTS) as Vault[]) vaults[name] = loadVault(name);
	});

	describe.each(Object.entries(VAULTS) as [Vault, number][])('%s', (name, count) => {
		it(`reads all ${count} notes without a throw, each result consistent`, () => {
			const notes = vaults[name];
			expect(notes).toHaveLength(count);
			// One assertion over all notes (an expect per note would dominate the run time).
			const problems: string[] = [];
			for (const n of notes) {
				const r = n.result;
				// readFrontmatter turns an exception into this diagnostic: there must be none.
				if (r.diagnostics.some((d) => d.message.startsWith('The frontmatter could not be read'))) problems.push(`${n.path}: threw`);
				if (r.body !== n.text.slice(r.bodyOffset)) problems.push(`${n.path}: body is not text.slice(bodyOffset)`);
				if (r.diagnostics.some((d) => d.note !== n.path || d.line === undefined || d.line < 1)) problems.push(`${n.path}: diagnostic without note or line`);
				if (r.data && Object.keys(r.keyLines).sort().join('\n') !== Object.keys(r.data).sort().join('\n')) problems.push(`${n.path}: keyLines`);
			}
			expect(problems).toEqual([]);
		});

		it.skipIf(!jsyaml)('agrees with js-yaml (CORE schema) on the data of every note both can read', () => {
			if (!jsyaml) return;
			const differ: string[] = [];
			for (const n of vaults[name]) {
				const m = BLOCK.exec(n.text);
				if (!m || n.result.data === null) continue;
				let theirs: unknown;
				try {
					theirs = jsyaml.load(m[1] ?? '', { schema: jsyaml.CORE_SCHEMA });
				} catch {
					continue;
				}
				if (!isDeepStrictEqual(n.result.data, theirs)) differ.push(n.path);
			}
			// The only known difference: an unfilled template placeholder such as
			// `created: {{date}}` is a map with a map as its key, which yaml names
			// "{ date }" and js-yaml "[object Object]".
			for (const path of differ) {
				const block = BLOCK.exec(vaults[name].find((n) => n.path === path)?.text ?? '')?.[1] ?? '';
				expect({ path, placeholder: /:\s*\{\{/.test(block) }).toEqual({ path, placeholder: true });
			}
		});
	});

	it('obsidian-hub: 6,560 notes have a frontmatter block, 6,545 of them valid', () => {
		const notes = vaults['obsidian-hub'];
		expect(notes.filter((n) => n.result.fenced)).toHaveLength(6560);
		expect(notes.filter((n) => n.result.data !== null)).toHaveLength(6545);
	});

	it('obsidian-hub: exactly the notes with invalid YAML get an error, each with a line', () => {
		const notes = vaults['obsidian-hub'];
		expect(withErrors(notes)).toEqual(HUB_INVALID);
		for (const n of notes.filter((x) => HUB_INVALID.includes(x.path))) {
			const errs = n.result.diagnostics.filter((d) => d.severity === 'error');
			expect(errs).toHaveLength(1);
			expect(n.result.data).toBeNull();
			expect(n.result.fenced).toBe(true);
			// The line named is inside the frontmatter block.
			const closeLine = n.text.slice(0, n.result.bodyOffset).split('\n').length - 1;
			expect(errs[0]?.line).toBeGreaterThan(1);
			expect(errs[0]?.line).toBeLessThan(closeLine);
		}
		const kepano = notes.find((n) => n.path === '01 - Community/People/kepano.md');
		expect(kepano?.result.diagnostics[0]?.message).toContain('"@kepano"');
	});

	it.skipIf(!jsyaml)('obsidian-hub: an independent parser (js-yaml FAILSAFE) rejects exactly the same notes', () => {
		if (!jsyaml) return;
		const independent = rejectedByJsYaml(vaults['obsidian-hub'], jsyaml);
		expect(independent).toHaveLength(15);
		expect(withErrors(vaults['obsidian-hub'])).toEqual(independent);
	});

	it('tasks-demo-vault and kepano-vault: no errors (js-yaml agrees)', () => {
		for (const name of ['tasks-demo-vault', 'kepano-vault'] as const) {
			expect(withErrors(vaults[name])).toEqual([]);
			if (jsyaml) expect(rejectedByJsYaml(vaults[name], jsyaml)).toEqual([]);
		}
	});

	it('tasks-demo-vault: Test Data/empty_yaml.md (`---\\n---`) is a block without properties', () => {
		const n = vaults['tasks-demo-vault'].find((x) => x.path === 'Test Data/empty_yaml.md');
		expect(n?.result).toMatchObject({ fenced: true, data: null, diagnostics: [], bodyLine: 3 });
	});

	it('dataview-example-vault: 2 notes with errors, each on the line at fault', () => {
		const notes = vaults['dataview-example-vault'];
		expect(withErrors(notes)).toEqual(['00 Meta/templates/Dataview Query Template.md', '20 Dataview Queries/Frontmatter Overview.md']);
		const lineOf = (path: string): number | undefined => notes.find((n) => n.path === path)?.result.diagnostics.find((d) => d.severity === 'error')?.line;
		// `description: %% What does the query do? %%`: a plain value cannot start with %.
		expect(lineOf('00 Meta/templates/Dataview Query Template.md')).toBe(2);
		// A flow sequence whose closing `]` sits in column 0, under tab-indented items:
		// YAML 1.2 (the `yaml` package) rejects it; js-yaml is lenient and reads it.
		expect(lineOf('20 Dataview Queries/Frontmatter Overview.md')).toBe(38);
		if (jsyaml) expect(rejectedByJsYaml(notes, jsyaml)).toEqual(['00 Meta/templates/Dataview Query Template.md']);
	});

	it('dataview-example-vault: a phone number that YAML reads as a number is warned, on its line', () => {
		const n = vaults['dataview-example-vault'].find((x) => x.path === '10 Example Data/people/Jonathan.md');
		expect(n?.result.data?.contacts).toStrictEqual({ phone: 1796628361, mail: null });
		const w = n?.result.diagnostics.filter((d) => d.severity === 'warning') ?? [];
		expect(w).toHaveLength(1);
		expect(w[0]?.line).toBe(5);
		expect(w[0]?.message).toContain('phone: "01796628361"');
	});
});
