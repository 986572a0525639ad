/**
 * The `.base` file of "Create a base of my applications": valid YAML with
 * the structure Obsidian documents for `.base` files
 * (https://help.obsidian.md/bases/syntax: `filters` as a string or an
 * and/or/not tree of them, `properties` with a `displayName`, `views` with
 * type, name, optional groupBy {property, direction} and order), and the
 * one examples/vault ships is what the command writes for its settings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applicationsBase } from '../../src/core/basesFile';
import { classifierFor } from '../../src/core/classify';
import { DEFAULT_SETTINGS } from '../../src/core/types';


const PROPERTY_ID = /^(file|note|formula)\.[\w-]+$/;

function expectFilter(f: unknown, where: string): void {
	if (typeof f === 'string') {
		expect(f.trim(), where).not.toBe('');
		return;
	}
	expect(typeof f, where).toBe('object');
	const keys = Object.keys(f as object);
	// Exactly one of and / or / not, holding a list.
	expect(keys, where).toHaveLength(1);
	expect(['and', 'or', 'not'], where).toContain(keys[0]);
	const list = (f as Record<string, unknown>)[keys[0]];
	expect(Array.isArray(list), where).toBe(true);
	(list as unknown[]).forEach((x, i) => expectFilter(x, `${where}.${keys[0]}[${i}]`));
}

function expectBase(text: string): Record<string, unknown> {
	const base = parse(text) as Record<string, unknown>;
	for (const key of Object.keys(base)) expect(['filters', 'formulas', 'properties', 'summaries', 'views']).toContain(key);
	expectFilter(base.filters, 'filters');
	for (const [id, config] of Object.entries(base.properties as Record<string, unknown>)) {
		expect(id).toMatch(PROPERTY_ID);
		expect(Object.keys(config as object)).toEqual(['displayName']);
	}
	const views = base.views as Record<string, unknown>[];
	expect(views.length).toBeGreaterThan(0);
	for (const v of views) {
		expect(['table', 'cards', 'list', 'map']).toContain(v.type);
		expect(typeof v.name).toBe('string');
		for (const p of v.order as string[]) expect(p).toMatch(PROPERTY_ID);
		if (v.groupBy !== undefined) {
			const g = v.groupBy as { property: string; direction: string };
			expect(Object.keys(g)).toEqual(['property', 'direction']);
			expect(g.property).toMatch(PROPERTY_ID);
			expect(['ASC', 'DESC']).toContain(g.direction);
		}
	}
	return base;
}

describe('the applications base', () => {
	it('selects the interview notes by type, tag or folder, less the excluded ones; a table by status and cards', () => {
		const text = applicationsBase({ interviewType: 'interview', interviewTag: '#job/interview', interviewFolders: ['Jobs/'], excludedFolders: ['Templates', 'Old "stuff"'] });
		const base = expectBase(text);
		expect(base.filters).toEqual({
			and: [
				'file.ext == "md"',
				{ or: ['type == "interview"', 'file.hasTag("job/interview")', 'file.inFolder("Jobs")'] },
				{ not: ['file.inFolder("Templates")', 'file.inFolder("Old \\"stuff\\"")'] },
			],
		});
		const views = base.views as { type: string; groupBy?: { property: string }; order: string[] }[];
		expect(views.map((v) => v.type)).toEqual(['table', 'cards']);
		expect(views[0].groupBy?.property).toBe('note.status');
		expect(views[0].order).toEqual(expect.arrayContaining(['note.company', 'note.role', 'note.interview_date', 'note.decision_date']));
	});

	it('selects nothing when nothing marks an interview note', () => {
		const base = expectBase(applicationsBase({ interviewType: '', interviewTag: '', interviewFolders: [] }));
		expect(base.filters).toEqual({ and: ['file.ext == "md"', { or: ['false'] }] });
	});

	it('is the one examples/vault ships', () => {
		const shipped = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'vault', 'Interview applications.base'), 'utf8');
		expectBase(shipped);
		expect(shipped).toBe(applicationsBase(classifierFor(DEFAULT_SETTINGS)));
	});
});
