/**
 * The built plugin (main.js, unchanged) loads in Chromium on the harness, with the example vault
 * and with an empty one, without an error.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, noChromiumMessage, openSession, pluginErrors, readVault, repoRoot, startPlugin, type HarnessWindow, type Session } from './browser';

describe.skipIf(!hasChromium)('the built plugin in Chromium', () => {
	let session: Session;
	beforeAll(async () => {
		session = await openSession();
	});
	afterAll(async () => {
		await session?.close();
	});

	it('loads main.js as Obsidian does (CommonJS, require("obsidian")) and runs onload without an error', async () => {
		const hp = await session.newPage();
		await startPlugin(hp.page, { files: {} });
		const loaded = await hp.page.evaluate(() => {
			const h = (window as unknown as HarnessWindow).harness;
			const plugin = h.plugin as { manifest: { id: string }; loaded__: boolean };
			return { id: plugin.manifest.id, loaded: plugin.loaded__ };
		});
		expect(loaded).toEqual({ id: 'interview-followups', loaded: true });
		expect(await pluginErrors(hp)).toEqual([]);
		expect(hp.dialogs).toEqual([]);
		await hp.context.close();
	});

	it('loads every note of the example vault (examples/vault)', async () => {
		const hp = await session.newPage();
		await startPlugin(hp.page);
		const notes = await hp.page.evaluate(() => (window as unknown as HarnessWindow).harness.app.vault.getMarkdownFiles().length);
		expect(notes).toBe(Object.keys(readVault(join(repoRoot, 'examples', 'vault')).files).length);
		expect(await pluginErrors(hp)).toEqual([]);
		await hp.context.close();
	});
});

if (!hasChromium) {
	describe('the built plugin in Chromium', () => {
		it.skip(noChromiumMessage, () => undefined);
	});
}
