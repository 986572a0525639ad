/**
 * The command line's hold on a vault: the notes read from disk into the
 * core's incremental `VaultIndex`, the settings, and the schedule computed
 * from them. `watch` keeps one VaultLoader alive and feeds it only the notes that
 * changed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalInstant } from '../core/dates';
import { fnv1a } from '../core/hash';
import { computeSchedule, selectWithin, type Schedule } from '../core/rules';
import { computeFigures, referenceFigures, type Figures, type ReferenceFigures } from '../core/figures';
import type { Diagnostic, Settings } from '../core/types';
import { companiesWithSeveralApplications, VaultIndex, type Modified } from '../core/vaultIndex';
import { classifierFor, type NoteClassifierSettings } from '../core/classify';
import { sortDiagnostics, type Report } from './format';
import { Progress } from './progress';
import { isIgnoredPath, isNoteName, listNotes, readListedNote, readNote } from './vault';

/** A cheap fingerprint of a note's text (FNV-1a over UTF-16 units, plus the length), to tell renames from edits. */
export function fingerprint(text: string): string {
	return `${fnv1a(text).toString(36)}:${text.length}`;
}

export interface Change {
	/** Notes added, removed, renamed or edited. */
	upserted: number;
	removed: number;
	renamed: number;
}

export class VaultLoader {
	index: VaultIndex;
	/** Problems found while reading files (unreadable, binary, huge), by note path. */
	private readonly readProblems = new Map<string, Diagnostic>();
	/** Problems found while listing folders. */
	private listProblems: Diagnostic[] = [];
	/** Fingerprint of each indexed note (watch only), to recognise a rename. */
	private readonly prints = new Map<string, string>();

	constructor(
		readonly vault: string,
		public settings: Settings,
		private readonly trackRenames = false,
	) {
		this.index = new VaultIndex(classifierOf(settings));
	}

	/** Reads every note of the vault into a fresh index. Returns how many notes were read. */
	loadAll(progress?: Progress): number {
		this.index = new VaultIndex(classifierOf(this.settings));
		this.readProblems.clear();
		this.prints.clear();
		const { files, diagnostics } = listNotes(this.vault);
		this.listProblems = diagnostics;
		let n = 0;
		for (let i = 0; i < files.length; i++) {
			const f = files[i];
			const r = readListedNote(f.abs, f.path);
			if (r.ok) {
				this.index.upsert(f.path, r.text, r.mtime);
				if (this.trackRenames) this.prints.set(f.path, fingerprint(r.text));
				n++;
			} else if (r.diagnostic) {
				this.readProblems.set(f.path, r.diagnostic);
			}
			if ((i & 15) === 0) progress?.tick(i, files.length);
		}
		progress?.done();
		return n;
	}

	/**
	 * Re-reads the given vault-relative paths (notes that were added, changed or
	 * deleted; folders that appeared or went away) and updates the index
	 * incrementally.
	 * A note that disappeared while another with the same text appeared is a rename.
	 */
	refresh(paths: Iterable<string>): Change {
		const change: Change = { upserted: 0, removed: 0, renamed: 0 };
		const gone: string[] = [];
		const fresh = new Map<string, string>();
		const mtimes = new Map<string, Modified>();
		const todo = new Set<string>();
		for (const path of paths) {
			if (isIgnoredPath(path)) continue;
			if (isNoteName(path)) {
				todo.add(path);
				continue;
			}
			// A folder: one that appeared (moved in) brings its notes; one that went away takes them.
			const prefix = `${path}/`;
			if (existsSync(join(this.vault, ...path.split('/')))) {
				for (const f of listNotes(this.vault, path).files) todo.add(f.path);
			}
			for (const known of this.index.notePaths()) if (known.startsWith(prefix)) todo.add(known);
			for (const known of [...this.readProblems.keys()]) if (known.startsWith(prefix)) todo.add(known);
		}
		for (const path of todo) {
			const r = readNote(join(this.vault, ...path.split('/')), path);
			this.readProblems.delete(path);
			if (r.ok) {
				fresh.set(path, r.text);
				mtimes.set(path, r.mtime);
			}
			else {
				if (r.diagnostic) this.readProblems.set(path, r.diagnostic);
				if (this.index.note(path) !== undefined) gone.push(path);
			}
		}
		// Renames first: the same text under a new name.
		if (this.trackRenames && gone.length > 0 && fresh.size > 0) {
			const byPrint = new Map<string, string>();
			for (const [path, text] of fresh) if (this.index.note(path) === undefined) byPrint.set(fingerprint(text), path);
			for (let i = gone.length - 1; i >= 0; i--) {
				const from = gone[i];
				const print = this.prints.get(from);
				const to = print === undefined ? undefined : byPrint.get(print);
				if (to === undefined) continue;
				this.index.rename(from, to);
				this.prints.delete(from);
				this.prints.set(to, print!);
				byPrint.delete(print!);
				fresh.delete(to);
				gone.splice(i, 1);
				change.renamed++;
			}
		}
		for (const path of gone) {
			this.index.remove(path);
			this.prints.delete(path);
			change.removed++;
		}
		for (const [path, text] of fresh) {
			if (this.trackRenames) {
				const print = fingerprint(text);
				if (this.prints.get(path) === print && this.index.note(path) !== undefined) continue;
				this.prints.set(path, print);
			}
			this.index.upsert(path, text, mtimes.get(path));
			change.upserted++;
		}
		return change;
	}

	/** How many notes are indexed. */
	noteCount(): number {
		return this.index.notePaths().length;
	}

	report(now: LocalInstant, within: number): Report {
		const schedule = computeSchedule(this.index, now, this.settings);
		const actions = selectWithin(schedule.actions, schedule.today, within);
		return { today: schedule.today, actions, diagnostics: this.diagnostics(schedule), within };
	}

	/** The pipeline's figures and the references' alerts as of `now` (`report`), and every diagnostic. */
	figures(now: LocalInstant): { figures: Figures; references: ReferenceFigures[]; diagnostics: Diagnostic[] } {
		const schedule = computeSchedule(this.index, now, this.settings);
		return { figures: computeFigures(schedule), references: referenceFigures(this.index, schedule), diagnostics: this.diagnostics(schedule) };
	}

	private diagnostics(schedule: Schedule): Diagnostic[] {
		return sortDiagnostics([...this.listProblems, ...this.readProblems.values(), ...this.index.diagnostics(), ...schedule.diagnostics, ...companiesWithSeveralApplications(schedule.summary.active)]);
	}
}

/** The index's classifier: the core's rule (the app's templates folders are in `settings.excludedFolders`, see common.ts). */
export function classifierOf(settings: Settings): NoteClassifierSettings {
	return classifierFor(settings);
}
