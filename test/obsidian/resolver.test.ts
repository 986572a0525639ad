/**
 * One link resolver: the plugin's start-up resolution of links (which person
 * notes it reads) is the core index's own (`resolveLink`), so the person note
 * read is the one the index then resolves the link to.
 */
import './setup';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkNameKey, VaultIndex } from '../../src/core/vaultIndex';
import { DEFAULT_SETTINGS } from '../../src/core/types';
import { resolveAmong } from '../../src/obsidian/indexer';
import { loadPlugin } from './harness';


function both(paths: readonly string[], target: string, from: string): [string | null, string | null] {
	const index = new VaultIndex(DEFAULT_SETTINGS);
	const byName = new Map<string, Array<{ path: string }>>();
	for (const p of paths) {
		index.upsert(p, '');
		const key = linkNameKey(p);
		byName.set(key, [...(byName.get(key) ?? []), { path: p }]);
	}
	return [index.resolve(target, from), resolveAmong(target, from, byName)?.path ?? null];
}

describe('the plugin resolves links as the index does', () => {
	const vault = ['People/Jane Doe.md', 'Archive/Jane Doe.md', 'Interviews/Jane Doe.md', 'People/Old/Jane Doe.md', 'people/jane doe.md', 'Zoë Ångström.md', 'Interviews/Acme.md'];
	const cases: Array<[string, string]> = [
		['Jane Doe', 'Interviews/Acme.md'],
		['Jane Doe', 'Notes/x.md'],
		['People/Jane Doe', 'Interviews/Acme.md'],
		['people/jane doe.md', 'Interviews/Acme.md'],
		['Old/Jane Doe', 'Interviews/Acme.md'],
		['JANE DOE', 'Archive/x.md'],
		['Zoë Ångström', 'Interviews/Acme.md'],
		['Nobody', 'Interviews/Acme.md'],
		['Other/Jane Doe', 'Interviews/Acme.md'],
	];
	for (const [target, from] of cases) {
		it(`[[${target}]] from ${from}`, () => {
			const [core, plugin] = both(vault, target, from);
			expect(plugin).toBe(core);
		});
	}

	it('on generated vaults and links', () => {
		const seg = fc.constantFrom('People', 'people', 'Archive', 'A/B', 'Interviews', '');
		const name = fc.constantFrom('Jane Doe', 'jane doe', 'Tina', 'Zoë');
		const path = fc.tuple(seg, name).map(([s, n]) => (s === '' ? `${n}.md` : `${s}/${n}.md`));
		fc.assert(
			fc.property(fc.uniqueArray(path, { minLength: 1, maxLength: 8 }), fc.tuple(seg, name, fc.boolean()), path, (paths, [s, n, md], from) => {
				const target = `${s === '' ? '' : `${s}/`}${n}${md ? '.md' : ''}`;
				const [core, plugin] = both(paths, target, from);
				expect(plugin).toBe(core);
			}),
			{ numRuns: 300 },
		);
	});

	it('reads the person note the index resolves to: two namesakes elsewhere, the shortest path wins in both', async () => {
		const t = await loadPlugin({
			'Interviews/Acme.md': ['---', 'type: interview', 'company: Acme', 'interview_date: 2026-11-16', 'interviewers:', '  - "[[Jane Doe]]"', '---', ''].join('\n'),
			'Contacts/Old/Jane Doe.md': ['---', 'title: Former intern', '---', ''].join('\n'),
			'People/Jane Doe.md': ['---', 'title: VP Engineering', '---', ''].join('\n'),
		});
		expect(t.plugin.indexer.index.resolve('Jane Doe', 'Interviews/Acme.md')).toBe('People/Jane Doe.md');
		expect(t.plugin.indexer.index.person('jane doe')).toMatchObject({ title: 'VP Engineering', path: 'People/Jane Doe.md' });
	});
});
