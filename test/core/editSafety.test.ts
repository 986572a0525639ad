/**
 * What the writers put in a note reads back the same in the `yaml` library
 * and in js-yaml (core schema), the parser Obsidian reads properties with;
 * what cannot be written so is refused. Mixed line endings stay as they are.
 */
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { appendFollowUp, appendToList } from '../../src/core/edit';
import { scanFence } from '../../src/core/frontmatter/fence';
import { quotedYaml } from '../../src/core/yamlQuote';

/** The properties block of a note, as text. */
function block(text: string): string {
	const scan = scanFence(text.replace(/^\uFEFF/, ''));
	if (scan.kind !== 'fenced') throw new Error(`no properties in ${JSON.stringify(text)}`);
	const t = text.replace(/^\uFEFF/, '');
	return t.slice(scan.openEnd, scan.closeStart).replace(/^\r?\n/, '');
}

/** Both parsers' reading of a note's properties; they must agree. */
function bothRead(text: string): unknown {
	const yaml = block(text);
	const a: unknown = parse(yaml, { logLevel: 'silent' });
	const b = jsyaml.load(yaml, { schema: jsyaml.CORE_SCHEMA });
	expect(JSON.stringify(b), `js-yaml and yaml disagree on\n${yaml}`).toBe(JSON.stringify(a));
	return a;
}

const CONTROL = ['\u0007', '\u001b[2J\u001b]0;title\u0007', '\u007f', '\u0085', '\u2028', '\u009b', '\ufeff', '\u0000'];
const LISTS = [
	'---\nfollow_ups:\n  - 2026-11-17 contact\n---\n',
	"---\nfollow_ups:\n  - '2026-11-17 contact'\n---\n",
	'---\nfollow_ups:\n  - "2026-11-17 contact"\n---\n',
	'---\nfollow_ups: [2026-11-17 contact]\n---\n',
	"---\nfollow_ups: ['2026-11-17 contact']\n---\n",
	'---\nfollow_ups: 2026-11-17 contact\n---\n',
	"---\nfollow_ups: '2026-11-17 contact'\n---\n",
	'---\nfollow_ups:\n---\n',
	'---\nrole: Clerk\n---\n',
	'no properties\n',
];

describe('every writer emits YAML both parsers read back the same', () => {
	it('an entry holding control characters (BEL, ESC, DEL, C1, separators, BOM, NUL) is escaped, in every list style', () => {
		for (const note of LISTS) {
			for (const c of CONTROL) {
				const entry = `2026-11-21 contact: Jane${c}Doe`;
				for (const r of [appendFollowUp(note, entry), appendToList(note, 'snoozed', entry)]) {
					if ('error' in r) throw new Error(`${JSON.stringify(note)} + ${JSON.stringify(c)}: ${r.error}`);
					const value = bothRead(r.text) as Record<string, unknown>;
					const list = value[r.key] as unknown[];
					expect(list[list.length - 1]).toBe(entry);
					// Not one raw control character in the file.
					// eslint-disable-next-line no-control-regex -- looking for them is the point
					expect(r.text.replace(/\r?\n/g, '')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]|.\ufeff/);
				}
			}
		}
	});

	it('a tag on the list key (follow_ups: !!null, then items) is never written: the note is refused or the tag goes', () => {
		for (const note of ['---\nfollow_ups: !!null\n---\n', '---\nfollow_ups: !!null ~\n---\n', '---\nfollow_ups: !!null # none yet\n---\n']) {
			const r = appendFollowUp(note, '2026-11-21 contact');
			if ('error' in r) expect(r.error).toMatch(/by hand/);
			else expect((bothRead(r.text) as Record<string, unknown>).follow_ups).toEqual(['2026-11-21 contact']);
		}
	});

	it('the one quoter reads back as the text, in both parsers', () => {
		for (const text of ['plain', 'a "quoted" \\ back', "it's", ...CONTROL, '\ud800 lone', '#not a comment', '- not a list', 'yes', '~', '']) {
			const y = `k: ${quotedYaml(text)}\n`;
			const want = text.replace(/[\ud800-\udfff]/g, '\ufffd');
			expect(parse(y)).toEqual({ k: want });
			expect(jsyaml.load(y, { schema: jsyaml.CORE_SCHEMA })).toEqual({ k: want });
		}
	});

	it('an error message never carries the raw control characters of the entry', () => {
		const r = appendFollowUp('---\nfollow_ups: "a\n  b"\n---\n', '2026-11-21 contact: \u001b]0;pwned\u0007');
		expect('error' in r && r.error).toMatch(/by hand/);
		// eslint-disable-next-line no-control-regex -- looking for them is the point
		expect('error' in r && r.error).not.toMatch(/[\u0000-\u001f\u007f]/);
	});
});

describe('mixed line endings', () => {
	it('the Document route (a multi-line value turned into a list) keeps each line its own ending', () => {
		const note = '---\r\nlog: |\r\n  called Jane\n  left a message\r\nx: 1\n---\r\nbody\nmore\r\n';
		const r = appendFollowUp(note, '2026-11-21 contact');
		if ('error' in r) throw new Error(r.error);
		expect(r.how).toBe('converted-to-list');
		// Every line of the note that the edit did not touch keeps its ending.
		expect(r.text.endsWith('x: 1\n---\r\nbody\nmore\r\n')).toBe(true);
		expect(r.text.startsWith('---\r\nlog:')).toBe(true);
		expect(r.text.split('\r\n').length - 1).toBeGreaterThanOrEqual(note.split('\r\n').length - 1);
		expect(r.text.replace(/\r\n/g, '').includes('\n')).toBe(true);
		expect((bothRead(r.text) as Record<string, unknown>).log).toEqual(['called Jane\nleft a message\n', '2026-11-21 contact']);
	});

	it('a splice into a note with mixed endings changes nothing but the inserted line', () => {
		const note = '---\r\nrole: Clerk\nfollow_ups:\r\n  - "2026-11-17 contact"\n---\r\nbody\n';
		const r = appendFollowUp(note, '2026-11-21 contact');
		if ('error' in r) throw new Error(r.error);
		expect(r.text).toBe('---\r\nrole: Clerk\nfollow_ups:\r\n  - "2026-11-17 contact"\n  - "2026-11-21 contact"\r\n---\r\nbody\n');
	});
});
