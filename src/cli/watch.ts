/**
 * `watch`: print the list, then a fresh one each time the vault changes.
 *
 * chokidar reports each change; changes are gathered for a short quiet spell
 * (100 ms, at most 1 s for a never-ending burst) and then only the notes that
 * changed are read again into the incremental index (upsert / remove /
 * rename), so a burst of thousands of changes gives few re-prints. Editors that
 * save by writing a temporary file and renaming it over the note are handled
 * (chokidar's `atomic` mode, and a note is always re-read from disk). Folders
 * where notes came or went are swept for a few seconds for files chokidar may
 * have missed in a burst. The settings file is watched too; when the day
 * changes the list is recomputed.
 */
import { basename, relative, sep } from 'node:path';
import { clearInterval, clearTimeout, setInterval, setTimeout } from 'node:timers';
import type { FSWatcher } from 'chokidar';
import { localToday } from '../core/dates';
import { flag, stringOption, type Parsed } from './args';
import { commonOptions, nowOf, settingsWithOptions, type Io } from './common';
import { VaultLoader } from './vaultLoader';
import { formatJson, formatText, styleFor, useColour } from './format';
import { progressFor } from './progress';
import { findConfigDir, settingsFile } from './settings';
import { isIgnoredPath, isNoteName, listNotes, notesIn } from './vault';

/** Quiet time after the last change before the list is recomputed. */
export const DEBOUNCE_MS = 100;
/** A burst that never goes quiet still gets a fresh list this often. */
export const MAX_WAIT_MS = 1000;
/** How long a new folder is swept for notes the watcher may have missed, after it was last busy. */
const SWEEP_FOR_MS = 3000;
const SWEEP_EVERY_MS = 500;

function parentOf(path: string): string {
	const i = path.lastIndexOf('/');
	return i < 0 ? '' : path.slice(0, i);
}

export async function runWatch(parsed: Parsed, io: Io): Promise<number> {
	const c = commonOptions(parsed, io);
	const { vault } = c;
	const loader = new VaultLoader(vault, c.settings, true);
	const colour = useColour(io.stdout, io.env);
	const style = styleFor(colour);
	const why = flag(parsed, 'why');
	const icsOption = stringOption(parsed, 'ics');
	const calendar = icsOption === undefined ? null : (await import('./ics')).calendarFileOption(icsOption, io);
	const chokidar = await import('chokidar');

	// Ctrl+C may come at any moment, even before the first list: listen from the start.
	let stopRequested: (() => void) | null = null;
	let stopEarly = false;
	const onSignal = (): void => {
		if (stopRequested) stopRequested();
		else stopEarly = true;
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	process.once('SIGHUP', onSignal);

	let lastText = '';
	const print = (reason: string, onlyIfChanged = false): void => {
		const report = loader.report(nowOf(c.fixedToday), c.within);
		calendar?.update(loader, nowOf(c.fixedToday), c.within, c.vaultName);
		const text = c.json ? formatJson(report, true) : formatText(report, { style, why });
		if (onlyIfChanged && text === lastText) return;
		lastText = text;
		if (c.json) {
			io.stdout.write(text);
			return;
		}
		const status = style.dim(`Watching ${vault} (${loader.noteCount()} notes) — ${reason}. Stop with Ctrl+C.`);
		// On a terminal, each list replaces the last; in a pipe, lists follow each other.
		io.stdout.write(io.stdout.isTTY ? `\u001b[2J\u001b[3J\u001b[H${text}\n${status}\n` : `${text}\n`);
	};

	const ignored = (p: string, stats?: { isFile(): boolean }): boolean => {
		const rel = relative(vault, p);
		if (rel === '' || rel.startsWith('..')) return false;
		if (isIgnoredPath(rel)) return true;
		return stats?.isFile() === true && !isNoteName(p);
	};

	const pending = new Set<string>();
	let timer: ReturnType<typeof setTimeout> | undefined;
	let firstPending = 0;
	let ready = false;
	/**
	 * Folders where notes came or went lately, with when they were last busy.
	 * chokidar can miss files during a burst (it re-reads a busy folder at most
	 * once a second, and under load some events fall between two reads), so
	 * for a few seconds after its last activity such a folder is swept: notes
	 * on disk that the index lacks, and indexed notes no longer on disk, are
	 * queued as changes. A new folder is swept with its subfolders.
	 */
	const busy = new Map<string, { seen: number; deep: boolean }>();
	const markBusy = (folder: string, deep: boolean): void => {
		const held = busy.get(folder);
		busy.set(folder, { seen: Date.now(), deep: deep || (held?.deep ?? false) });
	};

	const sweep = (): void => {
		const t = Date.now();
		const known = loader.index.notePaths();
		for (const [dir, { seen, deep }] of busy) {
			if (t - seen > SWEEP_FOR_MS) {
				busy.delete(dir);
				continue;
			}
			const onDisk = deep ? listNotes(vault, dir).files.map((f) => f.path) : notesIn(vault, dir);
			for (const path of onDisk) if (loader.index.note(path) === undefined) pending.add(path);
			const present = new Set(onDisk);
			const prefix = dir === '' ? '' : `${dir}/`;
			for (const path of known) {
				if (!path.startsWith(prefix)) continue;
				if (!deep && path.slice(prefix.length).includes('/')) continue;
				if (!present.has(path)) pending.add(path);
			}
		}
	};

	const flush = (): void => {
		timer = undefined;
		sweep();
		if (pending.size > 0) {
			const paths = [...pending];
			pending.clear();
			const change = loader.refresh(paths);
			const n = change.upserted + change.removed + change.renamed;
			const time = new Date().toTimeString().slice(0, 8);
			// A save that changed nothing (same text) gives no new list, unless the problems changed.
			print(`updated ${time}, ${n === 1 ? '1 note' : `${n} notes`} changed`, n === 0);
		}
		if (busy.size > 0 && timer === undefined) timer = setTimeout(flush, SWEEP_EVERY_MS);
	};

	const queue = (abs: string, kind: 'add' | 'change' | 'unlink' | 'dir' = 'change'): void => {
		const rel = relative(vault, abs);
		if (rel === '' || rel.startsWith('..')) return;
		const path = sep === '/' ? rel : rel.split(sep).join('/');
		pending.add(path);
		if (kind === 'add' || kind === 'unlink') markBusy(parentOf(path), false);
		if (!ready) return;
		const t = Date.now();
		if (timer === undefined) firstPending = t;
		else clearTimeout(timer);
		const wait = Math.max(0, Math.min(DEBOUNCE_MS, firstPending + MAX_WAIT_MS - t));
		timer = setTimeout(flush, wait);
	};

	const watcher: FSWatcher = chokidar.watch(vault, {
		ignored,
		ignoreInitial: true,
		persistent: true,
		atomic: true,
		followSymlinks: true,
	});
	watcher
		.on('add', (p: string) => queue(p, 'add'))
		.on('change', (p: string) => queue(p, 'change'))
		.on('unlink', (p: string) => queue(p, 'unlink'))
		.on('unlinkDir', (p: string) => queue(p, 'dir'));
	watcher.on('addDir', (abs: string) => {
		const rel = relative(vault, abs);
		if (rel === '' || rel.startsWith('..')) return;
		markBusy(sep === '/' ? rel : rel.split(sep).join('/'), true);
		queue(abs, 'dir');
	});
	watcher.on('error', (e: unknown) => {
		const code = (e as { code?: unknown }).code;
		const hint = code === 'ENOSPC' ? ' (too many folders to watch: raise fs.inotify.max_user_watches)' : '';
		io.stderr.write(`interview-followups: watch: ${e instanceof Error ? e.message : String(e)}${hint}\n`);
	});

	// The settings live in a dot-folder, which the vault watcher ignores: watch that one file
	// (when the vault has a configuration folder; one made later is not seen until a restart).
	const configDir = findConfigDir(vault, stringOption(parsed, 'config-dir'));
	const watchers: FSWatcher[] = [watcher];
	if (configDir !== null) {
		const settingsWatcher: FSWatcher = chokidar.watch(settingsFile(vault, configDir), { ignoreInitial: true, persistent: true, atomic: true });
		// Debounced as notes are: a save is a truncation then a write, and reading between the two
		// would print a list made with the default settings (and warn about an empty file).
		let settingsTimer: ReturnType<typeof setTimeout> | undefined;
		const reloadSettings = (): void => {
			settingsTimer = undefined;
			loader.settings = settingsWithOptions(vault, parsed, io);
			loader.loadAll(progressFor(io));
			print(`settings reloaded ${new Date().toTimeString().slice(0, 8)}`);
		};
		const settingsChanged = (): void => {
			if (settingsTimer !== undefined) clearTimeout(settingsTimer);
			settingsTimer = setTimeout(reloadSettings, DEBOUNCE_MS);
		};
		settingsWatcher.on('add', settingsChanged).on('change', settingsChanged).on('unlink', settingsChanged);
		settingsWatcher.on('error', () => undefined);
		watchers.push(settingsWatcher);
	}

	await Promise.all(watchers.map((w) => new Promise<void>((r) => w.once('ready', () => r()))));
	// Read after the watcher is ready, so no save between the two is missed.
	loader.loadAll(progressFor(io));
	pending.clear();
	ready = true;
	print(`read ${basename(vault)}`);

	// When the clock is the local one, the list changes with the day (and with an interview's hour).
	let tick: ReturnType<typeof setInterval> | undefined;
	if (c.fixedToday === null) {
		let day = localToday();
		tick = setInterval(() => {
			const today = localToday();
			const reason = today === day ? `checked ${new Date().toTimeString().slice(0, 5)}` : `a new day: ${today}`;
			day = today;
			print(reason, true);
		}, 60_000);
	}

	return await new Promise<number>((resolve) => {
		stopRequested = (): void => {
			if (timer !== undefined) clearTimeout(timer);
			if (tick !== undefined) clearInterval(tick);
			// Closing thousands of file watchers can take a moment; never hang on it.
			setTimeout(() => resolve(0), 2000).unref();
			void Promise.all(watchers.map((w) => w.close())).finally(() => resolve(0));
		};
		if (stopEarly) stopRequested();
	});
}

