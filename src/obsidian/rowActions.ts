/**
 * The row actions, what the view's buttons and the commands do: log a follow-up as done, snooze
 * an action, insert a draft, open an email. Each writes into the vault only.
 */
import { MarkdownView, Notice, TFile } from 'obsidian';
import { addDays, type LocalDate } from '../core/dates';
import type { Action } from '../core/types';
import { formatLogEntry, formatSnooze, renderForAction, templatePath, TEMPLATE_KINDS, type RenderResult, type TemplateKind } from './engine';
import { appendFollowUp, appendToList, expectedList, holds, insertUnderHeading, removeFromList, type AppendResult } from '../core/edit';
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

	async done(action: Action): Promise<WriteOutcome> {
		if (action.note === null || action.kind === 'keep-looking') return { ok: false, message: 'This action has no note to log it in.' };
		const noun = actionNoun(action);
		const r = await this.change(action.note, (text) => logEdit(text, this.doneEntry(action)), `Marked done: ${noun}`, () => this.whatNext(action));
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
		this.notify(`${what}${more ? more() : ''}.`, this.lastChange !== null);
		return r;
	}

	/** A notice; with `undo`, an Undo button in it that undoes the last change. */
	private notify(message: string, undo: boolean): void {
		if (!undo) {
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
				void this.undo();
			});
		});
		notice = new Notice(fragment, 8000);
	}

	/**
	 * Undoes the last change: the note gets back the exact text it had,
	 * provided it still reads exactly as the change left it. Returns whether
	 * it did.
	 */
	async undo(): Promise<boolean> {
		const c = this.lastChange;
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
		this.lastChange = null;
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

	async render(action: Action): Promise<RenderResult | null> {
		const settings = this.host.settings;
		return renderForAction(action, this.host.indexer.index, {
			today: this.today(),
			settings,
			userTemplates: await this.userTemplates(),
			templatesFolder: settings.templatesFolder,
		});
	}

	/**
	 * Inserts the filled template: at the cursor when the action's note is open
	 * in the active editor, else at the end of its `## Drafts` section.
	 */
	async draft(action: Action): Promise<WriteOutcome> {
		if (action.note === null) return { ok: false, message: 'This action has no note.' };
		const r = await this.render(action);
		if (r === null) return { ok: false, message: 'There is no template for this action.' };
		this.reportTemplateProblems(r);
		return this.insert(action.note, r.markdown);
	}

	/** Inserts `markdown` into the note: at the cursor if it is the active editor's, else under `## Drafts`. */
	async insert(path: string, markdown: string): Promise<WriteOutcome> {
		const view = this.host.app.workspace.getActiveViewOfType(MarkdownView);
		if (view?.file?.path === path) {
			view.editor.replaceSelection(markdown.endsWith('\n') ? markdown : `${markdown}\n`);
			return { ok: true, changed: true };
		}
		const r = await this.host.writer.write(path, (text) => ({ ok: true, text: insertUnderHeading(text, DRAFTS_HEADING, markdown), changed: true }));
		await this.after(path, r, `Draft added under "${DRAFTS_HEADING}" in ${path}.`);
		return r;
	}

	/** Opens the email program with the filled message; returns the `mailto:` link, or null. */
	async email(action: Action): Promise<string | null> {
		const r = await this.render(action);
		if (r?.mailto) {
			window.open(r.mailto);
			return r.mailto;
		}
		new Notice(action.person?.email ? `Could not write an email to ${action.person.email}.` : 'No email address is known for this person.');
		return null;
	}

	private reportTemplateProblems(r: RenderResult): void {
		for (const d of r.diagnostics) new Notice(`${d.note}: ${d.message}`);
	}
}
