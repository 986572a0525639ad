/**
 * Writes into notes, one write at a time per note, never while the user is
 * typing in it: when the note is open in the active editor and was edited in
 * the last `graceMs`, the write waits until the typing has paused.
 *
 * An edit function returns the new text or says why it cannot. The write
 * goes through `vault.process`, an atomic read-modify-write. For a change of
 * the properties that also comes as a change of the properties object, on a
 * note whose properties Obsidian writes back byte for byte, the text written
 * is what `fileManager.processFrontMatter` would write (frontMatterRoute.ts),
 * and only if, inside `process`, the note still is the text that route was
 * chosen for; otherwise the splice is. (`processFrontMatter` itself re-reads
 * the note and hands its callback only the values, so a comment added
 * meanwhile would be lost without a sign.)
 */
import { MarkdownView, TFile, parseYaml, stringifyYaml, type App } from 'obsidian';
import { frontMatterRoute, isOneInsertion, type FrontMatterChange } from './frontMatterRoute';

/** What an edit of a note's text gives the writer: the new text, or why it cannot be made. */
export type EditResult =
	| {
			ok: true;
			text: string;
			changed: boolean;
			/** The same change as a change of the properties object, for `processFrontMatter`. */
			frontMatter?: FrontMatterChange;
	  }
	| { ok: false; message: string };

export type WriteOutcome = { ok: true; changed: boolean; via?: 'processFrontMatter' | 'process' } | { ok: false; message: string };

const CODEC = { parse: (yaml: string): unknown => parseYaml(yaml), stringify: (value: unknown): string => stringifyYaml(value) };


export interface WriterOptions {
	graceMs?: number;
	clock?: () => number;
	sleep?: (ms: number) => Promise<void>;
}

export class NoteWriter {
	private readonly queues = new Map<string, Promise<unknown>>();
	private readonly lastEdit = new Map<string, number>();
	private readonly graceMs: number;
	private readonly clock: () => number;
	private readonly sleep: (ms: number) => Promise<void>;

	constructor(
		private readonly app: App,
		options: WriterOptions = {},
	) {
		this.graceMs = options.graceMs ?? 2000;
		this.clock = options.clock ?? (() => Date.now());
		this.sleep = options.sleep ?? ((ms) => new Promise((r) => window.setTimeout(r, ms)));
	}

	/** Called on every `editor-change`: the user typed in `path`. */
	noteTyping(path: string): void {
		this.lastEdit.set(path, this.clock());
	}

	/** The note open in the active editor, if any. */
	activeEditorPath(): string | null {
		return this.app.workspace.getActiveViewOfType(MarkdownView)?.file?.path ?? null;
	}

	/** How long to wait before writing `path` (0: now). */
	waitFor(path: string): number {
		if (this.activeEditorPath() !== path) return 0;
		const file = this.app.vault.getAbstractFileByPath(path);
		const typed = this.lastEdit.get(path) ?? 0;
		const saved = file instanceof TFile ? file.stat.mtime : 0;
		const last = Math.max(typed, saved);
		const left = last + this.graceMs - this.clock();
		return left > 0 ? left : 0;
	}

	/** Runs `edit` on the note's text once the queue for that note and the user's typing allow it. */
	write(path: string, edit: (text: string) => EditResult): Promise<WriteOutcome> {
		const previous = this.queues.get(path) ?? Promise.resolve();
		const next = previous.then(() => this.run(path, edit));
		const settled = next.catch(() => undefined);
		this.queues.set(path, settled);
		void settled.then(() => {
			if (this.queues.get(path) === settled) this.queues.delete(path);
		});
		return next;
	}

	private async run(path: string, edit: (text: string) => EditResult): Promise<WriteOutcome> {
		// Wait while the user types in this note (bounded, so a write is never lost to a busy typist).
		for (let rounds = 0; rounds < 30; rounds++) {
			const wait = this.waitFor(path);
			if (wait <= 0) break;
			await this.sleep(wait);
		}
		const file = this.app.vault.getAbstractFileByPath(path);
		if (!(file instanceof TFile)) return { ok: false, message: `${path} no longer exists` };
		let outcome: WriteOutcome = { ok: true, changed: false };
		try {
			// Nothing to do (the entry is there already) or nothing safe to do: do not touch the file.
			const text = await this.app.vault.read(file);
			const dry = edit(text);
			if (!dry.ok) return { ok: false, message: dry.message };
			if (!dry.changed) return outcome;
			// Obsidian's own serialisation, where it changes nothing but the list (frontMatterRoute.ts).
			const predicted = dry.frontMatter === undefined ? null : frontMatterRoute(text, dry.frontMatter, CODEC);
			// Written only where it changes no other byte: one insertion (a list grew), or exactly the splice's text.
			const obsidianStyle = predicted !== null && (isOneInsertion(text, predicted) || predicted === dry.text) ? predicted : null;
			await this.app.vault.process(file, (current) => {
				// The route was chosen for `text`: only if the note still holds exactly that is Obsidian's style written.
				if (obsidianStyle !== null && current === text) {
					outcome = { ok: true, changed: true, via: 'processFrontMatter' };
					return obsidianStyle;
				}
				// Otherwise (a sync or another plugin changed it meanwhile) the splice, on the text as it is now.
				const r = edit(current);
				if (!r.ok) {
					outcome = { ok: false, message: r.message };
					return current;
				}
				outcome = { ok: true, changed: r.changed, via: 'process' };
				return r.text;
			});
		} catch (e) {
			return { ok: false, message: e instanceof Error ? e.message : String(e) };
		}
		return outcome;
	}

	/** Resolves when every queued write has finished. */
	async idle(): Promise<void> {
		while (this.queues.size > 0) await Promise.all([...this.queues.values()]);
	}
}
