import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { firstName, humanDate, inline, wellFormed, yamlScalar } from '../../../src/core/templates/text';

describe('yamlScalar', () => {
	it('reads back through the yaml parser as the same (well-formed) text, for any text', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
				const scalar = yamlScalar(text);
				if (text === '') {
					expect(scalar).toBe('');
					return;
				}
				expect(scalar).not.toMatch(/[\n\r]/);
				expect(parseYaml(`key: ${scalar}\n`)).toEqual({ key: wellFormed(text) });
				expect(parseYaml(`list:\n  - ${scalar}\n`)).toEqual({ list: [wellFormed(text)] });
			}),
			{ numRuns: 300 },
		);
	});
	it('quotes what YAML would otherwise read as something else', () => {
		for (const text of ['true', 'null', '2026-11-16', '- item', '# comment', 'a: b', '[[Jane Doe]]', '{x: 1}', '"q"', "'q'", '\\', '~', '\uFEFFbom']) {
			expect(parseYaml(`k: ${yamlScalar(text)}`)).toEqual({ k: text });
		}
	});
});

describe('inline', () => {
	it('one line, spacing collapsed, everything else kept', () => {
		expect(inline('  Jane\n\tDoe\r\n\u2028x\u0000y  ')).toBe('Jane Doe x y');
		expect(inline('<b>{{x}}</b> **y** 山田 שלום')).toBe('<b>{{x}}</b> **y** 山田 שלום');
		expect(inline(null)).toBe('');
		expect(inline(undefined)).toBe('');
		expect(inline({ toString: () => 'no' })).toBe('');
		expect(inline('a\uD800b')).toBe('a\uFFFDb');
		expect(inline('😀')).toBe('😀');
	});
});

describe('firstName', () => {
	it('the first word that is not an honorific; names without spaces whole', () => {
		expect(firstName('Jane Doe')).toBe('Jane');
		expect(firstName('Dr. Jane Doe')).toBe('Jane');
		expect(firstName('Ms Doe')).toBe('Doe');
		expect(firstName('Dr.')).toBe('Dr.');
		expect(firstName('山田太郎')).toBe('山田太郎');
		expect(firstName('  ')).toBe('');
		expect(firstName('Zoë  Ångström')).toBe('Zoë');
	});
});

describe('humanDate', () => {
	it('weekday, day and month; the year only when it is not this year; no Date parsing', () => {
		expect(humanDate('2026-11-16', '2026-11-17')).toBe('Monday 16 November');
		expect(humanDate('2026-12-04', '2026-11-17')).toBe('Friday 4 December');
		expect(humanDate('2027-01-04', '2026-12-30')).toBe('Monday 4 January 2027');
		expect(humanDate('2024-02-29', null)).toBe('Thursday 29 February 2024');
		expect(humanDate('2026-02-30', '2026-01-01')).toBe('2026-02-30');
		expect(humanDate('next Tuesday', '2026-01-01')).toBe('next Tuesday');
	});
});
