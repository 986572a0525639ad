/**
 * On an Obsidian older than 1.10 (`requireApiVersion` says no), the plugin
 * still loads and registers no Bases view; before 1.9 the base command is not
 * offered. The other Bases tests (pipeline.test.ts) run with the API present.
 */
import { setAppVersion } from './setup';
import * as obsidian from 'obsidian';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadPlugin } from './harness';
import { VAULT } from './fixtures';

afterEach(() => {
	setAppVersion(undefined);
	vi.useRealTimers();
	vi.restoreAllMocks();
});

describe('the Bases API by app version', () => {
	it('1.8: loads, never calls registerBasesView, offers no base command', async () => {
		setAppVersion('1.8.10');
		expect(obsidian.requireApiVersion('1.10.0')).toBe(false);
		const register = vi.spyOn(obsidian.Plugin.prototype, 'registerBasesView');
		const t = await loadPlugin(VAULT);
		expect(register).not.toHaveBeenCalled();
		expect((t.mock as unknown as { basesViewRegistrations__: Map<string, unknown> }).basesViewRegistrations__.size).toBe(0);
		// The rest of the plugin works: the follow-ups view opens and lists.
		const view = await t.openView();
		expect(view.contentEl.querySelectorAll('.ifu-row').length).toBeGreaterThan(0);
		expect(t.command('create-applications-base').checkCallback?.(true)).toBe(false);
	});

	it('1.9: no Bases view yet, but the base command', async () => {
		setAppVersion('1.9.14');
		const register = vi.spyOn(obsidian.Plugin.prototype, 'registerBasesView');
		const t = await loadPlugin(VAULT);
		expect(register).not.toHaveBeenCalled();
		expect(t.command('create-applications-base').checkCallback?.(true)).toBe(true);
	});

	it('1.10: registerBasesView is called once', async () => {
		setAppVersion('1.10.0');
		const register = vi.spyOn(obsidian.Plugin.prototype, 'registerBasesView');
		await loadPlugin(VAULT);
		expect(register).toHaveBeenCalledTimes(1);
		expect(register.mock.calls[0][0]).toBe('interview-followups');
	});
});
