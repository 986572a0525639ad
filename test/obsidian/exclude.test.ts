import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadPlugin } from './harness';

afterEach(() => {
	vi.useRealTimers();
});

const TEMPLATE = '---\ntype: interview\ncompany: "{{company}}"\ninterview_date: <% tp.date.now() %>\n---\n';
const REAL = '---\ntype: interview\ncompany: Acme\nrole: Clerk\ninterview_date: 2026-11-16\ninterviewers: [Jane Doe]\n---\n';

describe('the plugin leaves out the templates folders', () => {
	it("reads Obsidian's and Templater's configuration through the adapter, and follows a change", async () => {
		const t = await loadPlugin({
			'Templates/Interview.md': TEMPLATE,
			'Tpl/Interview.md': TEMPLATE,
			'Interviews/acme.md': REAL,
		});
		const inIndex = (path: string): boolean => t.plugin.indexer.index.note(path) !== undefined;
		const config = t.app.vault.configDir;
		expect(inIndex('Templates/Interview.md')).toBe(true);
		await t.app.vault.adapter.write(`${config}/templates.json`, '{"folder":"Templates"}');
		expect(await t.plugin.indexer.followAppConfigs()).toBe(true);
		expect(inIndex('Interviews/acme.md')).toBe(true);
		expect(inIndex('Templates/Interview.md')).toBe(false);
		expect(inIndex('Tpl/Interview.md')).toBe(true);
		// Templater's folder appears in its settings: the next check rebuilds without it.
		await t.app.vault.adapter.write(`${config}/plugins/templater-obsidian/data.json`, '{"templates_folder":"Tpl"}');
		expect(await t.plugin.indexer.followAppConfigs()).toBe(true);
		expect(inIndex('Tpl/Interview.md')).toBe(false);
		expect(await t.plugin.indexer.followAppConfigs()).toBe(false);
	});
	it('and the "Excluded folders" setting', async () => {
		const t = await loadPlugin({ 'Old/acme.md': REAL, 'Interviews/acme.md': REAL }, { data: { excludedFolders: ['Old'] } });
		expect(t.plugin.indexer.index.note('Old/acme.md')).toBeUndefined();
		expect(t.plugin.indexer.index.note('Interviews/acme.md')).toBeDefined();
	});
});
