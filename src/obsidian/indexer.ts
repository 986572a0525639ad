/**
 * Keeps a `VaultIndex` in step with the vault, and the schedule with the index.
 *
 * Start-up: after the layout is ready, the metadata cache decides which notes
 * are interview notes (no file read for the others); only those, and the
 * person notes they link to, are read, in time slices that never hold the
 * main thread for long. Then vault and metadata events, debounced, update the
 * index note by note; a change to a person note reaches every application
 * that links to it because the index resolves people on every query.
 */
import { TFile, debounce, normalizePath, type App, type Debouncer, type EventRef } from 'obsidian';
import { localNow, type LocalInstant } from '../core/dates';
import type { Diagnostic, Settings } from '../core/types';
import { linkNameKey, resolveLink, VaultIndex } from '../core/vaultIndex';
import { ScheduleBuilder, computeSchedule, type Schedule } from '../core/rules';
import { isInterviewNote, linkTargets, mayHoldBrokenFrontmatter, type Classifier } from './classify';
import { companiesWithSeveralApplications } from '../core/vaultIndex';
import { classifierFor, mayBeInterviewNote, TEMPLATE_CONFIGS, templatesFolderIn } from '../core/classify';
import { TimeSlicer, yieldToUi, type SliceStats, type Yielder } from './timeSlicer';

export interface IndexerOptions {
	/** Longest stretch of work between two yields to the UI. */
	sliceBudgetMs?: number;
	/** How long vault events are gathered before the index is updated. */
	debounceMs?: number;
	/** How files are read in one go while building. */
	readBatch?: number;
	yielder?: Yielder;
	/** The clock of the schedule (tests pin it). */
	now?: () => LocalInstant;
}

export interface BuildStats extends SliceStats {
	files: number;
	interviewNotes: number;
	personNotes: number;
	/** Time to compute the schedule once the index is built (in slices, one application at a time; yields included). */
	scheduleMs: number;
	/** Its last two steps (order, then summary; each runs as one block), yields included. */
	scheduleFinishMs: number;
}

type Op = { type: 'check'; path: string } | { type: 'remove'; path: string } | { type: 'rename'; from: string; to: string };

export interface IndexerHost {
	app: App;
	settings(): Settings;
	registerEvent(ref: EventRef): void;
}

/** The note a link resolves to at start-up, among the vault's notes by lowercase name: the core's resolver (`resolveLink`), as the index resolves it later. */
export function resolveAmong<F extends { path: string }>(target: string, from: string, byName: ReadonlyMap<string, F[]>): F | null {
	const files = byName.get(linkNameKey(target));
	if (files === undefined) return null;
	const path = resolveLink(target, from, files.map((f) => f.path));
	return files.find((f) => f.path === path) ?? null;
}

export class FollowUpIndexer {
	index: VaultIndex;
	schedule: Schedule | null = null;
	ready = false;
	lastBuild: BuildStats | null = null;

	private readonly listeners = new Set<() => void>();
	/** The templates folders the app's configuration names (never interview notes). */
	private appTemplateFolders: string[] = [];
	/** Interview note -> the names its links point at. */
	private readonly links = new Map<string, string[]>();
	private wantedCache: Set<string> | null = null;
	private pending: Op[] = [];
	private flushing: Promise<void> | null = null;
	private generation = 0;
	private following = false;
	private readonly flushSoon: Debouncer<[], void>;
	private readonly opts: Required<Omit<IndexerOptions, 'now'>> & { now: () => LocalInstant };

	constructor(
		private readonly host: IndexerHost,
		options: IndexerOptions = {},
	) {
		this.opts = {
			sliceBudgetMs: options.sliceBudgetMs ?? 12,
			debounceMs: options.debounceMs ?? 300,
			readBatch: options.readBatch ?? 25,
			yielder: options.yielder ?? yieldToUi,
			now: options.now ?? (() => localNow()),
		};
		this.index = new VaultIndex(this.classifier());
		this.flushSoon = debounce(() => void this.flush(), this.opts.debounceMs, true);
	}

	private get app(): App {
		return this.host.app;
	}

	/** What marks an interview note now: the settings and the app's templates folders (the Bases command writes it). */
	classifier(): Classifier {
		return classifierFor(this.host.settings(), this.appTemplateFolders);
	}

	/** The templates folders of Obsidian's core Templates and of Templater, read through the vault adapter. */
	private async readAppTemplateFolders(): Promise<string[]> {
		const { adapter, configDir } = this.app.vault;
		const out: string[] = [];
		for (const { file, key } of TEMPLATE_CONFIGS) {
			const path = normalizePath(`${configDir}/${file}`);
			try {
				if (!(await adapter.exists(path))) continue;
				const folder = templatesFolderIn(await adapter.read(path), key);
				if (folder !== null) out.push(folder);
			} catch {
				// An unreadable configuration names no folder.
			}
		}
		return out;
	}

	/**
	 * Follows the app's templates folders (the plugin calls this once a
	 * minute: Obsidian sends no event for its configuration files). Rebuilds
	 * when they changed; returns whether they did.
	 */
	async followAppConfigs(): Promise<boolean> {
		const next = await this.readAppTemplateFolders();
		if (next.join('\n') === this.appTemplateFolders.join('\n')) return false;
		this.appTemplateFolders = next;
		if (this.ready) await this.build();
		return true;
	}

	/** Now, as the schedule sees it. */
	now(): LocalInstant {
		return this.opts.now();
	}

	/** Reads one note again right away (after the plugin wrote it), then recomputes. */
	async refresh(path: string): Promise<void> {
		this.pending.push({ type: 'check', path });
		await this.flush();
	}

	/** Calls `fn` after every change of the schedule; returns the function that stops it. */
	onChange(fn: () => void): () => void {
		this.listeners.add(fn);
		return () => this.listeners.delete(fn);
	}

	private notify(): void {
		for (const fn of [...this.listeners]) fn();
	}

	/** Recomputes the schedule from the index (settings or the day changed). */
	recompute(): void {
		this.schedule = computeSchedule(this.index, this.opts.now(), this.host.settings());
		this.notify();
	}

	/** Every diagnostic: the index's and the rules'. */
	diagnostics(): Diagnostic[] {
		const several = this.schedule === null ? [] : companiesWithSeveralApplications(this.schedule.summary.active);
		return [...this.index.diagnostics(), ...(this.schedule?.diagnostics ?? []), ...several];
	}

	private wanted(): Set<string> {
		if (!this.wantedCache) {
			this.wantedCache = new Set<string>();
			for (const names of this.links.values()) for (const n of names) this.wantedCache.add(n);
		}
		return this.wantedCache;
	}

	private isInterview(file: TFile): boolean {
		const fm = this.app.metadataCache.getFileCache(file)?.frontmatter ?? null;
		return isInterviewNote(file.path, fm, this.classifier());
	}

	/** A note Obsidian read no properties from although it opens a block: its text decides (see `mayBeInterviewNote`). */
	private mayBeBroken(file: TFile): boolean {
		return mayHoldBrokenFrontmatter(this.app.metadataCache.getFileCache(file));
	}

	/**
	 * Remembers the links of an interview note; returns the person notes they
	 * reach that are not read yet. While building, `byName` (every note by its
	 * lowercase name) resolves links without asking the metadata cache once per
	 * link; later, the cache's own resolution is used.
	 */
	private noteLinks(file: TFile, byName?: Map<string, TFile[]>): TFile[] {
		const meta = this.app.metadataCache.getFileCache(file);
		const targets = linkTargets(meta);
		this.links.set(file.path, targets.map(linkNameKey));
		this.wantedCache = null;
		const out: TFile[] = [];
		for (const t of targets) {
			const dest = byName ? resolveAmong(t, file.path, byName) : this.app.metadataCache.getFirstLinkpathDest(t, file.path);
			if (dest instanceof TFile && dest.extension === 'md' && !this.index.has(dest.path)) out.push(dest);
		}
		return out;
	}


	/**
	 * Builds the index from scratch, in slices. A later call (a rebuild)
	 * cancels an unfinished one.
	 */
	async build(): Promise<BuildStats> {
		const gen = ++this.generation;
		this.ready = false;
		this.appTemplateFolders = await this.readAppTemplateFolders();
		if (gen !== this.generation) return this.cancelled(new TimeSlicer(this.opts.sliceBudgetMs, this.opts.yielder));
		this.index = new VaultIndex(this.classifier());
		this.links.clear();
		this.wantedCache = null;
		this.pending = [];
		const slicer = new TimeSlicer(this.opts.sliceBudgetMs, this.opts.yielder);
		const files = this.app.vault.getMarkdownFiles();
		const interviews: TFile[] = [];
		const broken: TFile[] = [];
		const byName = new Map<string, TFile[]>();
		for (const file of files) {
			const name = linkNameKey(file.path);
			const same = byName.get(name);
			if (same) same.push(file);
			else byName.set(name, [file]);
			if (this.isInterview(file)) interviews.push(file);
			else if (this.mayBeBroken(file)) broken.push(file);
			await slicer.tick('classify');
			if (gen !== this.generation) return this.cancelled(slicer);
		}
		// Notes whose properties Obsidian could not read: those that look like interview notes are reported.
		for (const file of broken) {
			const text = await this.app.vault.cachedRead(file);
			if (gen !== this.generation) return this.cancelled(slicer);
			if (!mayBeInterviewNote(file.path, text, this.classifier())) continue;
			this.index.upsert(file.path, text, file.stat.mtime);
			await slicer.tick(`read ${file.path}`);
		}
		const persons = new Map<string, TFile>();
		const read = async (batch: TFile[], onEach: (file: TFile) => void): Promise<boolean> => {
			const texts = await Promise.all(batch.map((f) => this.app.vault.cachedRead(f)));
			for (let i = 0; i < batch.length; i++) {
				if (gen !== this.generation) return false;
				this.index.upsert(batch[i].path, texts[i], batch[i].stat.mtime);
				onEach(batch[i]);
				await slicer.tick(`read ${batch[i].path}`);
			}
			return gen === this.generation;
		};
		for (let i = 0; i < interviews.length; i += this.opts.readBatch) {
			const ok = await read(interviews.slice(i, i + this.opts.readBatch), (f) => {
				for (const p of this.noteLinks(f, byName)) persons.set(p.path, p);
			});
			if (!ok) return this.cancelled(slicer);
		}
		const people = [...persons.values()].filter((f) => !this.index.has(f.path));
		for (let i = 0; i < people.length; i += this.opts.readBatch) {
			if (!(await read(people.slice(i, i + this.opts.readBatch), () => undefined))) return this.cancelled(slicer);
		}
		// The index builds its applications (and the people they name) lazily: each one,
		// and its part of the schedule, is one step, so no step holds the thread for long.
		if (gen !== this.generation) return this.cancelled(slicer);
		const t0 = performance.now();
		const builder = new ScheduleBuilder(this.index, this.opts.now(), this.host.settings());
		for (const id of this.index.applicationIds()) {
			const app = this.index.application(id);
			if (app !== undefined) builder.add(app);
			await slicer.tick(`schedule ${id}`);
			if (gen !== this.generation) return this.cancelled(slicer);
		}
		const t1 = performance.now();
		builder.order();
		await slicer.tick('order');
		if (gen !== this.generation) return this.cancelled(slicer);
		const schedule = builder.finish();
		const t2 = performance.now();
		// The summary and the first drawing of the list are each about a slice's worth: not one task.
		await slicer.tick('summary');
		if (gen !== this.generation) return this.cancelled(slicer);
		this.schedule = schedule;
		const stats = slicer.finish();
		this.ready = true;
		this.lastBuild = {
			...stats,
			files: files.length,
			interviewNotes: interviews.length,
			personNotes: people.length,
			scheduleMs: t2 - t0,
			scheduleFinishMs: t2 - t1,
		};
		// The first drawing of the list is a task of its own: with the last slice it was one task over 50 ms (issue #16).
		await this.opts.yielder();
		if (gen !== this.generation) return this.lastBuild;
		this.notify();
		// Events that came in while building are applied now.
		if (this.pending.length > 0) this.flushSoon();
		return this.lastBuild;
	}

	private cancelled(slicer: TimeSlicer): BuildStats {
		const stats = slicer.finish();
		return { ...stats, files: 0, interviewNotes: 0, personNotes: 0, scheduleMs: 0, scheduleFinishMs: 0 };
	}

	/** Follows the vault: metadata changes, creations, deletions, renames (each registered on the plugin). */
	follow(): void {
		if (this.following) return;
		this.following = true;
		const { vault, metadataCache } = this.app;
		this.host.registerEvent(
			metadataCache.on('changed', (file) => {
				this.queue({ type: 'check', path: file.path });
			}),
		);
		this.host.registerEvent(
			vault.on('create', (file) => {
				if (file instanceof TFile && file.extension === 'md') this.queue({ type: 'check', path: file.path });
			}),
		);
		this.host.registerEvent(
			vault.on('delete', (file) => {
				this.queue({ type: 'remove', path: file.path });
			}),
		);
		this.host.registerEvent(
			vault.on('rename', (file, oldPath) => {
				this.queue({ type: 'rename', from: oldPath, to: file.path });
			}),
		);
	}

	private queue(op: Op): void {
		this.pending.push(op);
		if (this.ready) this.flushSoon();
	}

	/** Applies the queued events now (tests and the rebuild command call it; events call it debounced). */
	async flush(): Promise<void> {
		this.flushSoon.cancel();
		while (this.flushing) await this.flushing;
		if (!this.ready || this.pending.length === 0) return;
		this.flushing = this.apply().finally(() => {
			this.flushing = null;
		});
		await this.flushing;
	}

	private async apply(): Promise<void> {
		const ops = this.pending;
		this.pending = [];
		const toCheck = new Set<string>();
		for (const op of ops) {
			if (op.type === 'rename') {
				toCheck.delete(op.from);
				if (this.index.has(op.from)) {
					this.index.rename(op.from, op.to);
					const l = this.links.get(op.from);
					this.links.delete(op.from);
					if (l) this.links.set(op.to, l);
					this.wantedCache = null;
				}
				toCheck.add(op.to);
			} else if (op.type === 'remove') {
				toCheck.delete(op.path);
				this.forget(op.path);
			} else {
				toCheck.add(op.path);
			}
		}
		const queue = [...toCheck];
		const seen = new Set<string>();
		while (queue.length > 0) {
			const path = queue.shift() as string;
			if (seen.has(path)) continue;
			seen.add(path);
			const file = this.app.vault.getAbstractFileByPath(path);
			if (!(file instanceof TFile) || file.extension !== 'md') {
				this.forget(path);
				continue;
			}
			if (this.app.metadataCache.getFileCache(file) === null) {
				// Not parsed yet (just created, or renamed before the cache caught up):
				// a renamed note stays as the rename left it, and the `changed` event that follows brings the rest.
				continue;
			}
			const interview = this.isInterview(file);
			const wanted = this.wanted().has(linkNameKey(path));
			const broken = !interview && !wanted && this.mayBeBroken(file);
			if (!interview && !wanted && !broken) {
				// No longer an interview note, and no interview note links to it.
				this.forget(path);
				continue;
			}
			const text = await this.app.vault.cachedRead(file);
			if (broken && !mayBeInterviewNote(path, text, this.classifier())) {
				this.forget(path);
				continue;
			}
			this.index.upsert(path, text, file.stat.mtime);
			if (interview) {
				for (const p of this.noteLinks(file)) queue.push(p.path);
			} else if (this.links.delete(path)) {
				this.wantedCache = null;
			}
		}
		this.recompute();
	}

	private forget(path: string): void {
		this.index.remove(path);
		if (this.links.delete(path)) this.wantedCache = null;
	}

	/** Stops pending work (the plugin unloads). */
	dispose(): void {
		this.generation++;
		this.flushSoon.cancel();
		this.listeners.clear();
	}
}
