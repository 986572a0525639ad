/**
 * The row actions, what the view's buttons and the commands do: log a follow-up as done, snooze
 * an action, insert a draft, open an email. Each writes into the vault only.
 */
import { Notice, TFile, type Editor } from 'obsidian';
import { addDays, type LocalDate } from '../core/dates';
import type { Action } from '../core/types';
import { formatLogEntry, formatSnooze } from '../core/logEntries';
import {
	companionAction,
	draftBlock,
	findDraft,
	mailtoLink,
	renderForAction,
	splitSubject,
	templatePath,
	TEMPLATE_KINDS,
	type ActionMessage,
	type RenderResult,
	type TemplateKind,
} from '../core/templates';
import { insertAtCursor } from './insertAtCursor';
import { statusEventFor } from '../core/rules';
import { appendFollowUp, appendToList, expectedList, holds, insertUnderHeading, removeFromList, renameKey, type AppendResult } from '../core/edit';
import { actionNoun, dayLabel, kindWords } from './presenters/dueList';
import type { PluginHost } from './host';
import type { EditResult, WriteOutcome } from './writer';

/**
 * A core list edit as the writer's edit: the spliced text, and the same
 * change as a change of the properties object (for `processFrontMatter`,
 * which the writer uses where it keeps every other byte). An entry already
 * in the list is not added twice.
 */
function listEdit(text: string, r: AppendResult, entry: string): EditResult {
	if ('error' in r) return { ok: false, message: r.error };
	if (r.text === text) return { ok: true, text, changed: false };
	const key = r.key;
	return {
		ok: true,
		text: r.text,
		changed: true,
		frontMatter: (fm) => {
			if (!holds(fm[key], entry)) fm[key] = expectedList(fm[key], entry);
		},
	};
}

/** core/edit.ts's `appendFollowUp` (the command line's `log`), once. */
export function logEdit(text: string, entry: string): EditResult {
	return listEdit(text, appendFollowUp(text, entry, { once: true }), entry);
}

/** Several log entries in one edit (one message that answered several actions). */
export function logEdits(text: string, entries: readonly string[]): EditResult {
	let current = text;
	const changes: Array<(fm: Record<string, unknown>) => void> = [];
	for (const entry of entries) {
		const r = logEdit(current, entry);
		if (!r.ok) return r;
		if (r.changed) {
			current = r.text;
			if (r.frontMatter) changes.push(r.frontMatter);
		}
	}
	if (current === text) return { ok: true, text, changed: false };
	return { ok: true, text: current, changed: true, frontMatter: (fm) => changes.forEach((f) => f(fm)) };
}

/** A snooze entry into the note's `snoozed` list, once. */
export function snoozeEdit(text: string, entry: string): EditResult {
	return listEdit(text, appendToList(text, 'snoozed', entry, { once: true }), entry);
}

/** Takes a snooze entry out of the note's `snoozed` list (Un-snooze). */
export function unsnoozeEdit(text: string, entry: string): EditResult {
	const r = removeFromList(text, 'snoozed', entry);
	if ('error' in r) return { ok: false, message: r.error };
	return { ok: true, text: r.text, changed: r.text !== text };
}

/**
 * Renames a property key (core/edit.ts's `renameKey`, a splice that keeps
 * every other byte), with the same change of the properties object for
 * `processFrontMatter`: the key renamed in place, the order kept.
 */
export function renameEdit(text: string, from: string, to: string, line: number): EditResult {
	const r = renameKey(text, from, to, line);
	if ('error' in r) return { ok: false, message: r.error };
	return {
		ok: true,
		text: r.text,
		changed: r.text !== text,
		frontMatter: (fm) => {
			const entries = Object.entries(fm);
			for (const [k] of entries) delete fm[k];
			for (const [k, v] of entries) fm[k === from ? to : k] = v;
		},
	};
}

/**
 * A change the view made to a note, to undo: the text before and after.
 * Undo puts `before` back only while the note still reads `after`, byte for
 * byte; any other change since, and it refuses.
 */
export interface NoteChange {
	path: string;
	before: string;
	after: string;
	/** "Marked done: thank-you note to Jane Doe". */
	what: string;
}

export const DRAFTS_HEADING = 'Drafts';

export type SnoozeChoice = 'tomorrow' | 'in-3-days' | 'next-week';

export function snoozeDate(today: LocalDate, choice: SnoozeChoice): LocalDate {
	return addDays(today, choice === 'tomorrow' ? 1 : choice === 'in-3-days' ? 3 : 7);
}

export class RowActions {
	constructor(private readonly host: PluginHost) {}

	today(): LocalDate {
		return this.host.indexer.now().date;
	}

	/** `YYYY-MM-DD kind: Person` for logging `action` as done on `date`. */
	doneEntry(action: Action, date: LocalDate = this.today()): string {
		return formatLogEntry({ date, kind: action.kind, person: action.person?.name ?? null });
	}

	snoozeEntry(action: Action, until: LocalDate): string {
		return formatSnooze({ until, kind: action.kind, person: action.person?.name ?? null });
	}

	/** The last change Done, Snooze or Un-snooze made, until it is undone. */
	lastChange: NoteChange | null = null;

	/** Appends a log entry to a note's `follow_ups` (the same edit as the command line's `log`). */
	async log(path: string, entry: string, what = `Logged "${entry}"`): Promise<WriteOutcome> {
		return this.change(path, (text) => logEdit(text, entry), what);
	}

	/**
	 * Logs the action as done; a thank-you and an ask-timeline open for the
	 * same person were one message, so marking either done logs both (unless
	 * `withCompanion` is false: the log command records only what was picked).
	 */
	async done(action: Action, withCompanion = true): Promise<WriteOutcome> {
		if (action.note === null || action.kind === 'keep-looking') return { ok: false, message: 'This action has no note to log it in.' };
		const noun = actionNoun(action);
		const companion = withCompanion ? companionAction(action, this.host.indexer.schedule?.actions ?? []) : null;
		const entries = [this.doneEntry(action)];
		if (companion !== null && companion.note === action.note) entries.push(this.doneEntry(companion));
		// A follow-up counting from an undated rejection, offer or hire dates it too (core/rules/statusEvent.ts).
		const status = statusEventFor(this.host.indexer.index, action.note, action.kind, this.today(), this.host.indexer.now());
		let also = '';
		if (status !== null && status.note === action.note) {
			entries.unshift(status.entry);
			also = `; ${status.why}`;
		} else if (status !== null) {
			// A hire is dated in the hired application's note, before the withdrawal is logged.
			const first = await this.host.writer.write(status.note, (text) => logEdit(text, status.entry));
			if (!first.ok) {
				new Notice(`Could not change ${status.note}: ${first.message}`);
				return first;
			}
			await this.host.indexer.refresh(status.note);
			also = `; ${status.why} (in ${status.note})`;
		}
		const r = await this.change(action.note, (text) => logEdits(text, entries), `Marked done: ${noun}${also}`, () => this.whatNext(action));
		if (r.ok && companion !== null && companion.note !== null && companion.note !== action.note) {
			const entry = this.doneEntry(companion);
			await this.change(companion.note, (text) => logEdit(text, entry), `Marked done: ${actionNoun(companion)}`);
		}
		return r;
	}

	/** After Done: the same follow-up again, if the rules schedule one ("the next status check is due Mon 7 Dec"). */
	private whatNext(action: Action): string {
		const next = this.host.indexer.schedule?.actions.find(
			(a) => a.application === action.application && a.kind === action.kind && (a.person?.name ?? null) === (action.person?.name ?? null),
		);
		if (!next) return '';
		return `. The next ${kindWords(next.kind)} is due ${dayLabel(next.due, this.today())}`;
	}

	/** The near-miss warning's fix: the key `from` on `line` of the note renamed to `to`; refused, with a notice, if the note changed. */
	async renameKey(path: string, from: string, to: string, line: number): Promise<WriteOutcome> {
		return this.change(path, (text) => renameEdit(text, from, to, line), `Renamed '${from}' to '${to}' in ${path}`);
	}

	async snooze(action: Action, until: LocalDate): Promise<WriteOutcome> {
		if (action.note === null) return { ok: false, message: 'This action has no note to snooze it in.' };
		const entry = this.snoozeEntry(action, until);
		return this.change(action.note, (text) => snoozeEdit(text, entry), `Snoozed until ${dayLabel(until, this.today())}: ${actionNoun(action)}`);
	}

	/** Ends the snooze that hides `action` (the one until `until`): its line leaves the note's `snoozed`. */
	async unsnooze(action: Action, until: LocalDate): Promise<WriteOutcome> {
		if (action.note === null) return { ok: false, message: 'This action has no note.' };
		const entry = this.snoozeEntry(action, until);
		return this.change(action.note, (text) => unsnoozeEdit(text, entry), `Back in the list: ${actionNoun(action)}`);
	}

	/**
	 * Writes one change and remembers it for Undo; the notice names it in
	 * words, with an Undo button. `more` adds to the notice once the index
	 * has the change (what comes next).
	 */
	private async change(path: string, edit: (text: string) => EditResult, what: string, more?: () => string): Promise<WriteOutcome> {
		let before: string | null = null;
		const r = await this.host.writer.write(path, (text) => {
			before = text;
			return edit(text);
		});
		if (!r.ok) {
			new Notice(`Could not change ${path}: ${r.message}`);
			return r;
		}
		if (!r.changed || before === null) return r;
		const file = this.host.app.vault.getAbstractFileByPath(path);
		const after = file instanceof TFile ? await this.host.app.vault.read(file) : null;
		this.lastChange = after === null ? null : { path, before, after, what };
		await this.host.indexer.refresh(path);
		this.notify(`${what}${more ? more() : ''}.`, this.lastChange);
		return r;
	}

	/** A notice; with `undo`, an Undo button in it that undoes that change (not whatever came after it). */
	private notify(message: string, undo: NoteChange | null): void {
		if (undo === null) {
			new Notice(message);
			return;
		}
		let notice: Notice | null = null;
		const fragment = createFragment((f) => {
			f.createSpan({ cls: 'ifu-notice-text', text: message });
			const b = f.createEl('button', { cls: 'ifu-undo', text: 'Undo' });
			b.addEventListener('click', (evt) => {
				evt.stopPropagation();
				notice?.hide();
				void this.undo(undo);
			});
		});
		notice = new Notice(fragment, 8000);
	}

	/**
	 * Undoes a change (the last one unless told which): the note gets back the
	 * exact text it had, provided it still reads exactly as the change left
	 * it. Returns whether it did.
	 */
	async undo(c: NoteChange | null = this.lastChange): Promise<boolean> {
		if (c === null) {
			new Notice('There is no follow-up change to undo.');
			return false;
		}
		const r = await this.host.writer.write(c.path, (text) =>
			text === c.after
				? { ok: true, text: c.before, changed: true }
				: { ok: false, message: 'the note changed since, so undoing could lose that change; edit the note by hand' },
		);
		if (!r.ok) {
			new Notice(`Could not undo "${c.what}" in ${c.path}: ${r.message}.`);
			return false;
		}
		if (this.lastChange === c) this.lastChange = null;
		await this.host.indexer.refresh(c.path);
		new Notice(`Undone: ${c.what.charAt(0).toLowerCase()}${c.what.slice(1)}.`);
		return true;
	}

	private async after(path: string, r: WriteOutcome, success: string): Promise<void> {
		if (r.ok) {
			if (r.changed) new Notice(success);
			await this.host.indexer.refresh(path);
		} else {
			new Notice(`Could not change ${path}: ${r.message}`);
		}
	}

	/** The user's template files (`<templates folder>/<kind>.md`) that exist. */
	async userTemplates(): Promise<Partial<Record<TemplateKind, string>>> {
		const folder = this.host.settings.templatesFolder;
		const out: Partial<Record<TemplateKind, string>> = {};
		if (folder === '') return out;
		for (const kind of TEMPLATE_KINDS) {
			const file = this.host.app.vault.getAbstractFileByPath(templatePath(folder, kind));
			if (file instanceof TFile) out[kind] = await this.host.app.vault.cachedRead(file);
		}
		return out;
	}

	async render(action: Action): Promise<ActionMessage | null> {
		const settings = this.host.settings;
		return renderForAction(action, this.host.indexer.index, {
			today: this.today(),
			settings,
			actions: this.host.indexer.schedule?.actions ?? [],
			userTemplates: await this.userTemplates(),
			templatesFolder: settings.templatesFolder,
		});
	}

	/** The Markdown editor of `path`, when it is the most recent one (`workspace.activeEditor`). */
	private editorOf(path: string): Editor | null {
		const active = this.host.app.workspace.activeEditor;
		return active?.file?.path === path && active.editor ? active.editor : null;
	}

	/** The note's text: the open editor's where it is being edited, else the file's. */
	private async noteText(path: string): Promise<string | null> {
		const editor = this.editorOf(path);
		if (editor !== null) return editor.getValue();
		const file = this.host.app.vault.getAbstractFileByPath(path);
		return file instanceof TFile ? this.host.app.vault.cachedRead(file) : null;
	}

	/** Opens the note (if it is not the one being edited) with `line` in view. */
	private async reveal(path: string, line: number): Promise<void> {
		const editor = this.editorOf(path);
		if (editor !== null) {
			editor.setCursor({ line, ch: 0 });
			editor.scrollIntoView({ from: { line, ch: 0 }, to: { line, ch: 0 } }, true);
			return;
		}
		const file = this.host.app.vault.getAbstractFileByPath(path);
		if (file instanceof TFile) await this.host.app.workspace.getLeaf(false).openFile(file, { eState: { line } });
	}

	/**
	 * Inserts the filled message, under a heading naming its action
	 * (`### thank-you: John Roe`): at the cursor when the action's note is in
	 * the most recent editor, else at the end of its `## Drafts` section. A
	 * draft already in the note is not inserted again: it is revealed.
	 */
	async draft(action: Action): Promise<WriteOutcome> {
		if (action.note === null) return { ok: false, message: 'This action has no note.' };
		const r = await this.render(action);
		if (r === null) return { ok: false, message: 'There is no template for this action.' };
		this.reportTemplateProblems(r);
		return this.placeDraft(action.note, r.kind, action.person?.name ?? null, r.markdown);
	}

	/**
	 * Puts a filled template into the note once, under the heading that finds
	 * it again (core `draftBlock`): Draft and the Insert commands both come
	 * here. A draft already in the note is revealed instead.
	 */
	async placeDraft(path: string, kind: TemplateKind, person: string | null, markdown: string): Promise<WriteOutcome> {
		const block = draftBlock(kind, person, markdown);
		const text = await this.noteText(path);
		const existing = text === null ? null : findDraft(text, block.heading);
		if (existing !== null) {
			new Notice(`This draft is already in ${path}; it is shown there.`);
			await this.reveal(path, existing.line);
			return { ok: true, changed: false };
		}
		return this.insert(path, block.markdown);
	}

	/** Inserts `markdown` into the note: at the cursor of the note's editor, else under `## Drafts`; then shows it. */
	async insert(path: string, markdown: string): Promise<WriteOutcome> {
		const editor = this.editorOf(path);
		if (editor !== null) {
			insertAtCursor(editor, markdown);
			return { ok: true, changed: true };
		}
		const r = await this.host.writer.write(path, (text) => ({ ok: true, text: insertUnderHeading(text, DRAFTS_HEADING, markdown), changed: true }));
		await this.after(path, r, `Draft added under "${DRAFTS_HEADING}" in ${path}.`);
		if (r.ok) {
			const written = await this.noteText(path);
			const first = markdown.split('\n')[0];
			const line = written === null ? -1 : written.split('\n').lastIndexOf(first);
			if (line >= 0) await this.reveal(path, line);
		}
		return r;
	}

	/**
	 * Opens the email program with the message: the draft in the note, as the
	 * user edited it, where there is one; else the filled template. Returns the
	 * `mailto:` link, or null.
	 */
	async email(action: Action): Promise<string | null> {
		const r = await this.render(action);
		if (r === null) return null;
		let link = r.mailto;
		if (action.note !== null) {
			const text = await this.noteText(action.note);
			const draft = text === null ? null : findDraft(text, draftBlock(r.kind, action.person?.name ?? null, r.markdown).heading);
			if (draft !== null) {
				const { subject, body } = splitSubject(draft.text);
				link = mailtoLink(action.person?.email ?? null, subject, body);
			}
		}
		if (link) {
			window.open(link);
			return link;
		}
		new Notice(action.person?.email ? `Could not write an email to ${action.person.email}.` : 'No email address is known for this person.');
		return null;
	}

	private reportTemplateProblems(r: RenderResult): void {
		for (const d of r.diagnostics) new Notice(`${d.note}: ${d.message}`);
	}
}
