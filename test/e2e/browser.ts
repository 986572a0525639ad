/**
 * Helpers for the end-to-end tests: Debian's Chromium driven by playwright-core, the harness
 * (harness/) served on 127.0.0.1, and the built plugin (main.js, as `npm run build` wrote it).
 *
 * One browser per test file; pages are reused inside a file where the tests allow it.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
// @ts-expect-error -- plain JavaScript without types (most of the harness runs in the page); typed below
import * as harnessServerUntyped from '../../harness/server.mjs';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url)).replace(/[\\/]$/, '');
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
export const noChromiumMessage = `browser tests skipped: no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`;
if (!hasChromium) console.warn(noChromiumMessage);

/** The day the example vault and the fixtures are written for: Saturday 2026-11-21, 09:00 local time. */
export const EXAMPLE_NOW = new Date(2026, 10, 21, 9, 0, 0);

/** The plugin's sidebar view (its registerView type). */
export const VIEW_TYPE = 'interview-followups-view';
/** The view's container in the harness's page. */
export const VIEW = `.workspace-leaf-content[data-type="${VIEW_TYPE}"]`;


interface HarnessServerModule {
	/** Serves harness/ on 127.0.0.1 (a free port unless given); vault: the folder served as /vault.json. */
	startHarnessServer(options?: { port?: number; vault?: string; pluginDir?: string }): Promise<{ url: string; close: () => Promise<void> }>;
	/** Every Markdown note of a vault folder (dot folders skipped), and the plugin's data.json. */
	readVault(dir: string): { files: Record<string, string>; data: unknown };
}
const harnessServer = harnessServerUntyped as HarnessServerModule;
export const readVault = (dir: string): { files: Record<string, string>; data: unknown } => harnessServer.readVault(dir);

/**
 * Where the plugin under test is: the repository root (where `npm run build` writes main.js), or
 * E2E_PLUGIN_DIR (a folder with main.js, manifest.json and styles.css built elsewhere).
 */
export const pluginDir = process.env['E2E_PLUGIN_DIR'] ?? repoRoot;

/** Fails with a clear message when main.js is missing or older than the plugin's sources. */
export function assertPluginBuilt(): void {
	const mainJs = join(pluginDir, 'main.js');
	if (pluginDir !== repoRoot) {
		if (!existsSync(mainJs)) throw new Error(`E2E_PLUGIN_DIR=${pluginDir} has no main.js`);
		return;
	}
	if (!existsSync(mainJs)) throw new Error('main.js is missing: run `npm run build` before the browser tests (npm test does).');
	const built = statSync(mainJs).mtimeMs;
	const newer: string[] = [];
	const walk = (dir: string): void => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name.endsWith('.ts') && statSync(full).mtimeMs > built) newer.push(full.slice(repoRoot.length + 1));
		}
	};
	walk(join(repoRoot, 'src', 'obsidian'));
	walk(join(repoRoot, 'src', 'core'));
	if (newer.length > 0) throw new Error(`main.js is older than ${newer.slice(0, 3).join(', ')}${newer.length > 3 ? ` and ${newer.length - 3} more` : ''}: run \`npm run build\` first, so that the browser tests test the current plugin.`);
}

export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-extensions', '--mute-audio'];

export interface Session {
	browser: Browser;
	url: string;
	/** A fresh page (own context) with the clock pinned, the harness loaded, not yet started. */
	newPage(options?: PageOptions): Promise<HarnessPage>;
	close(): Promise<void>;
}

export interface PageOptions {
	width?: number;
	height?: number;
	/** The pinned time; null leaves the real clock (default EXAMPLE_NOW). */
	now?: Date | null;
	theme?: 'light' | 'dark';
}

export interface HarnessPage {
	page: Page;
	context: BrowserContext;
	/** Every JavaScript dialog (alert, confirm, prompt) the page opened. */
	dialogs: string[];
	/** Uncaught errors in the page, and errors the harness caught around the plugin. */
	pageErrors: string[];
	consoleErrors: string[];
}

export async function openSession(options: { vault?: string; pluginDir?: string } = {}): Promise<Session> {
	if (options.pluginDir === undefined) assertPluginBuilt();
	const server = await harnessServer.startHarnessServer({ vault: options.vault, pluginDir: options.pluginDir ?? pluginDir });
	const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
	return {
		browser,
		url: server.url,
		async newPage(opts: PageOptions = {}): Promise<HarnessPage> {
			const context = await browser.newContext({
				viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
				deviceScaleFactor: 1,
				// The page keeps the time zone of the test run (TZ), like the Node side.
				timezoneId: process.env['TZ'] || undefined,
				locale: 'en-US',
				colorScheme: opts.theme ?? 'light',
			});
			// Functions passed to page.evaluate are compiled by whoever runs this file; tsx (the benchmarks)
			// wraps named functions in esbuild's keep-names helper `__name`, which the page must have.
			await context.addInitScript('globalThis.__name = globalThis.__name || ((fn) => fn);');
			// Only loopback traffic: anything else is refused.
			await context.route(/^(?!http:\/\/127\.0\.0\.1[:/]).*/, (route) => route.abort('blockedbyclient'));
			const page = await context.newPage();
			// Fail a step within the test's time, with Playwright's own message of what it waited for.
			page.setDefaultTimeout(5000);
			const result: HarnessPage = { page, context, dialogs: [], pageErrors: [], consoleErrors: [] };
			page.on('dialog', (dialog) => {
				result.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
				void dialog.dismiss().catch(() => undefined);
			});
			page.on('pageerror', (error) => result.pageErrors.push(error.message));
			page.on('console', (message) => {
				if (message.type() === 'error') result.consoleErrors.push(message.text());
			});
			const now = opts.now === undefined ? EXAMPLE_NOW : opts.now;
			if (now) await page.clock.setFixedTime(now);
			await page.goto(`${server.url}?manual${opts.theme === 'dark' ? '&theme=dark' : ''}`);
			await page.waitForFunction(() => typeof (window as unknown as { harness?: unknown }).harness === 'object');
			return result;
		},
		async close(): Promise<void> {
			await browser.close();
			await server.close();
		},
	};
}

/** What the harness exposes on `window.harness` (see harness/harness.mjs), as the tests use it. */
export interface HarnessApi {
	start(options?: { files?: Record<string, string>; data?: unknown; vault?: string; restoreView?: string }): Promise<StartTimes>;
	app: {
		vault: { getMarkdownFiles(): { path: string; basename: string }[] };
		workspace: { getLeavesOfType(type: string): unknown[] };
	};
	plugin: unknown;
	notices: string[];
	errors: string[];
	commands(): { id: string; name: string; hotkeys: unknown[] }[];
	runCommand(id: string): Promise<boolean>;
	openSettings(): unknown;
	openView(type?: string): Promise<HTMLElement | null>;
	viewTypes(): string[];
	openNote(path: string): void;
	readNote(path: string): string | null;
	writeNote(path: string, text: string): Promise<void>;
	pluginData(): unknown;
	setTheme(theme: 'light' | 'dark'): void;
	setLayout(layout: 'phone' | 'desktop'): void;
	setRightSidebarWidth(px: number): void;
	hideBar(): void;
	whenSettled(target?: Element, quietMs?: number, timeoutMs?: number): Promise<{ paintedAt: number; reason: string }>;
}

/** performance.now() times of harness.start(): the vault fetched, built (mock vault and metadata), the plugin loaded, the layout ready. */
export interface StartTimes {
	startedAt: number;
	fetchedAt: number;
	vaultBuiltAt: number;
	pluginLoadedAt: number;
	layoutReadyAt: number;
	loadMs: number;
}

export type HarnessWindow = Window & { harness: HarnessApi; __pwned?: unknown };

/** Starts the plugin in the page with these notes (or the example vault when files is omitted). */
export async function startPlugin(page: Page, options: { files?: Record<string, string>; data?: unknown } = {}): Promise<void> {
	await page.evaluate(async (opts) => {
		await (window as unknown as HarnessWindow).harness.start(opts);
	}, options);
	await settle(page);
}

/** Runs the command "Open the follow-ups view" and returns the view; callers wait for what they expect in it. */
export async function openFollowUpsView(page: Page): Promise<Locator> {
	await page.evaluate(async () => {
		await (window as unknown as HarnessWindow).harness.runCommand('open-view');
	});
	return page.locator(VIEW);
}

/** Waits until the page has stopped changing (the plugin's debounced work included). */
export async function settle(page: Page, quietMs = 150): Promise<void> {
	await page.evaluate(async (quiet) => {
		await (window as unknown as HarnessWindow).harness.whenSettled(document.body, quiet);
	}, quietMs);
}

/** The text of a note in the page's (mock) vault. */
export async function readNote(page: Page, path: string): Promise<string | null> {
	return page.evaluate((p) => (window as unknown as HarnessWindow).harness.readNote(p), path);
}

/** The errors the plugin raised in the page, uncaught or caught by the harness. */
export async function pluginErrors(hp: HarnessPage): Promise<string[]> {
	const caught = await hp.page.evaluate(() => [...(window as unknown as HarnessWindow).harness.errors]);
	return [...hp.pageErrors, ...caught];
}
