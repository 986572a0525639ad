/**
 * Loads the plugin into a mocked Obsidian (obsidian-test-mocks) with a vault
 * made of the given notes, at a pinned local date and time.
 */
import './setup';
import type { Command, PluginManifest, WorkspaceLeaf as LeafOriginal } from 'obsidian';
import { App, Notice, Plugin as MockPlugin, TFile, WorkspaceLeaf } from 'obsidian-test-mocks/obsidian';
import { afterEach, beforeEach, vi } from 'vitest';
import InterviewFollowupsPlugin from '../../src/obsidian/main';
import { FollowUpsView, VIEW_TYPE } from '../../src/obsidian/view';

export const MANIFEST: PluginManifest = {
	id: 'interview-followups',
	name: 'Interview Follow-ups',
	version: '0.1.0',
	minAppVersion: '1.4.4',
	description: 'test',
	author: 'test',
};

export interface Loaded {
	app: App;
	plugin: InterviewFollowupsPlugin;
	mock: MockPlugin;
	/** Path -> text of every file now. */
	text(path: string): string;
	write(path: string, text: string): Promise<void>;
	openView(): Promise<FollowUpsView>;
	command(id: string): Command;
	settle(): Promise<void>;
}

/** Pins the local clock (only `Date`; timers stay real). */
export function pinClock(date: string, time = '12:00'): void {
	const [y, m, d] = date.split('-').map(Number);
	const [hh, mm] = time.split(':').map(Number);
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(new Date(y, m - 1, d, hh, mm, 0));
}

export async function loadPlugin(files: Record<string, string>, options: { today?: string; time?: string; data?: unknown; layoutReady?: boolean } = {}): Promise<Loaded> {
	pinClock(options.today ?? '2026-11-21', options.time ?? '12:00');
	const app = App.createConfigured__({ files });
	const plugin = new InterviewFollowupsPlugin(app.asOriginalType__(), MANIFEST);
	const mock = plugin as unknown as MockPlugin;
	if (options.data !== undefined) mock.data__ = options.data;
	await plugin.onload();
	if (options.layoutReady !== false) {
		app.workspace.setLayoutReady__();
		await plugin.started;
	}
	const views: FollowUpsView[] = [];
	const loaded: Loaded = {
		app,
		plugin,
		mock,
		text: (path) => {
			const f = app.vault.getFileByPath(path);
			if (!f) throw new Error(`no file ${path}`);
			return app.vault.readSync__(f);
		},
		write: async (path, text) => {
			const f = app.vault.getFileByPath(path);
			if (f) await app.vault.modify(f, text);
			else await app.vault.create(path, text);
			await loaded.settle();
		},
		openView: async () => {
			const leaf = WorkspaceLeaf.create2__(app);
			const creator = mock.views__.get(VIEW_TYPE);
			if (!creator) throw new Error('view not registered');
			const view = creator(leaf.asOriginalType__() as unknown as LeafOriginal) as FollowUpsView;
			await view.onOpen();
			views.push(view);
			// A long list is drawn over a few tasks: the tests look at it whole.
			await view.drawn();
			return view;
		},
		command: (id) => {
			const c = mock.commands__.get(id);
			if (!c) throw new Error(`no command ${id}`);
			return c;
		},
		settle: async () => {
			await plugin.indexer.flush();
			await plugin.writer.idle();
			await plugin.indexer.flush();
			for (const view of views) await view.drawn();
		},
	};
	return loaded;
}

export function fileOf(app: App, path: string): TFile {
	const f = app.vault.getFileByPath(path);
	if (!f) throw new Error(`no file ${path}`);
	return f;
}

/**
 * The text of every Notice the tests of a file show, in order: emptied before
 * each test; the spies and the pinned clock are undone after it.
 */
export function recordNotices(): string[] {
	const notices: string[] = [];
	beforeEach(() => {
		notices.length = 0;
		vi.spyOn(Notice.prototype, 'constructor__').mockImplementation((message: string | DocumentFragment) => {
			notices.push(typeof message === 'string' ? message : (message.textContent ?? ''));
		});
	});
	afterEach(() => {
		vi.useRealTimers();
		vi.restoreAllMocks();
	});
	return notices;
}
