/**
 * Draws a due list (presenters/dueList.ts) into an element. Used by the sidebar
 * view and the `interview-followups` code block. DOM through Obsidian's
 * helpers only (createDiv/createEl/setText), never HTML strings.
 */
import type { Action, Diagnostic } from '../../core/types';
import type { DueList, WaitingRow } from '../presenters/dueList';

export interface RowHandlers {
	open(path: string, line?: number): void;
	done(action: Action): void;
	snooze(action: Action, evt: MouseEvent): void;
	draft(action: Action): void;
	/** Present when an email address is known for the action's person. */
	email(action: Action): void;
	newNote?(): void;
}

export interface RenderOptions {
	/** Show the applications that are waiting. */
	waiting: boolean;
	/** Show what to write to get started when there is nothing at all. */
	emptyHelp: boolean;
	/** Notes with problems, to list under "Notes that need attention". */
	diagnostics: Diagnostic[];
	/** Rows drawn per group before a "Show more" button (default `PAGE_SIZE`). */
	pageSize?: number;
	/**
	 * How many rows of each group (by group id) the user has opened with
	 * "Show more"; kept by the caller so a redraw keeps them open, and updated
	 * here on every click.
	 */
	shown?: Map<string, number>;
}

/**
 * Rows drawn per group at first. A long list (hundreds of actions) would
 * otherwise hold the main thread for as long as laying out every row takes.
 */
export const PAGE_SIZE = 50;

export const SAMPLE_FRONTMATTER = [
	'---',
	'type: interview',
	'company: Acme Finance',
	'role: Secretary',
	'interview_date: 2026-11-16T10:00',
	'interviewers:',
	'  - Jane Doe, Office Manager <jane@acme.example>',
	'decision_date: 2026-12-04',
	'---',
].join('\n');

function button(parent: HTMLElement, text: string, cls: string, onClick: (evt: MouseEvent) => void, label?: string): HTMLButtonElement {
	const b = parent.createEl('button', { text, cls: `ifu-button ${cls}` });
	if (label) b.setAttribute('aria-label', label);
	b.addEventListener('click', (evt) => {
		evt.preventDefault();
		evt.stopPropagation();
		onClick(evt);
	});
	return b;
}

function noteLink(parent: HTMLElement, text: string, path: string | null, handlers: RowHandlers, cls: string, line?: number): HTMLElement {
	if (path === null) return parent.createSpan({ text, cls });
	const a = parent.createEl('a', { text, cls: `${cls} ifu-note-link`, href: '#' });
	a.setAttribute('data-path', path);
	a.addEventListener('click', (evt) => {
		evt.preventDefault();
		handlers.open(path, line);
	});
	return a;
}

function renderRow(list: HTMLElement, row: DueList['groups'][number]['rows'][number], handlers: RowHandlers): void {
	const a = row.action;
	const li = list.createEl('li', { cls: `ifu-row ifu-state-${a.state}` });
	li.setAttribute('data-kind', a.kind);
	li.setAttribute('data-action', a.id);
	const main = li.createDiv({ cls: 'ifu-row-main' });
	noteLink(main, row.sentence, a.note, handlers, 'ifu-row-sentence');
	if (row.context !== '') main.createDiv({ cls: 'ifu-row-context', text: row.context });
	main.createDiv({ cls: 'ifu-row-when', text: row.when });
	if (a.gifts.length > 0) main.createDiv({ cls: 'ifu-row-gifts', text: `They cared about: ${a.gifts.join('; ')}` });
	const buttons = li.createDiv({ cls: 'ifu-row-buttons' });
	if (a.note !== null) {
		button(buttons, 'Done', 'ifu-done mod-cta', () => handlers.done(a), `Log this ${a.kind} as done today`);
		button(buttons, 'Snooze', 'ifu-snooze', (evt) => handlers.snooze(a, evt), 'Hide this until a later day');
		if (a.kind !== 'collect-names') button(buttons, 'Draft', 'ifu-draft', () => handlers.draft(a), 'Insert a draft into the note');
	}
	if (a.person?.email) button(buttons, 'Email', 'ifu-email', () => handlers.email(a), `Write to ${a.person.email}`);
}

function renderWaiting(list: HTMLElement, row: WaitingRow, handlers: RowHandlers): void {
	const li = list.createEl('li', { cls: 'ifu-row ifu-waiting-row' });
	const main = li.createDiv({ cls: 'ifu-row-main' });
	noteLink(main, row.context || row.entry.company, row.entry.note, handlers, 'ifu-row-sentence');
	main.createDiv({ cls: 'ifu-row-when', text: row.text });
}

export function renderDiagnostics(
	parent: HTMLElement,
	diagnostics: Diagnostic[],
	handlers: Pick<RowHandlers, 'open'>,
	options: Pick<RenderOptions, 'pageSize' | 'shown'> = {},
): void {
	if (diagnostics.length === 0) return;
	const box = parent.createDiv({ cls: 'ifu-attention' });
	box.createDiv({ cls: 'ifu-group-title', text: `Notes that need attention (${diagnostics.length})` });
	const ul = box.createEl('ul', { cls: 'ifu-attention-list' });
	const sorted = [...diagnostics].sort((x, y) => (x.note < y.note ? -1 : x.note > y.note ? 1 : (x.line ?? 0) - (y.line ?? 0)));
	const open = { open: handlers.open, done: noop, snooze: noop, draft: noop, email: noop };
	const draw = (list: HTMLElement, d: Diagnostic): void => {
		const li = list.createEl('li', { cls: `ifu-attention-item ifu-severity-${d.severity}` });
		const where = d.line !== undefined ? `${d.note}, line ${d.line}` : d.note;
		noteLink(li, where, d.note, open, 'ifu-attention-note', d.line);
		li.createDiv({ cls: 'ifu-attention-message', text: d.message });
	};
	renderPaged(box, ul, 'attention', sorted, draw, options);
}

/**
 * Draws the first rows of a group into `ul`, and a "Show more" button under
 * it that draws the next page in place (nothing else is redrawn).
 */
function renderPaged<T>(
	box: HTMLElement,
	ul: HTMLElement,
	group: string,
	rows: readonly T[],
	draw: (ul: HTMLElement, row: T) => void,
	options: Pick<RenderOptions, 'pageSize' | 'shown'>,
): void {
	const page = Math.max(1, options.pageSize ?? PAGE_SIZE);
	let drawn = 0;
	const drawUpTo = (n: number): void => {
		const end = Math.min(rows.length, n);
		for (; drawn < end; drawn++) draw(ul, rows[drawn]);
	};
	drawUpTo(Math.max(page, options.shown?.get(group) ?? 0));
	if (drawn >= rows.length) return;
	const more = box.createEl('button', { cls: 'ifu-button ifu-more' });
	more.setAttribute('data-group', group);
	const label = (): void => {
		const rest = rows.length - drawn;
		more.setText(`Show ${Math.min(page, rest)} more (${rest} not shown)`);
	};
	label();
	more.addEventListener('click', (evt) => {
		evt.preventDefault();
		drawUpTo(drawn + page);
		options.shown?.set(group, drawn);
		if (drawn >= rows.length) more.remove();
		else label();
	});
}

function noop(): void {
	// Rows of the attention list have no buttons.
}

/** Empties `el` and draws the list. */
export function renderDueList(el: HTMLElement, list: DueList, handlers: RowHandlers, options: RenderOptions): void {
	el.empty();
	const root = el.createDiv({ cls: 'ifu-list' });
	if (list.banner) {
		const banner = root.createDiv({ cls: 'ifu-banner' });
		banner.createDiv({ cls: 'ifu-banner-title', text: 'Keep looking' });
		banner.createDiv({ cls: 'ifu-banner-text', text: list.banner });
	}
	if (list.empty && options.emptyHelp) {
		const empty = root.createDiv({ cls: 'ifu-empty' });
		empty.createEl('p', { text: 'No interview notes yet.' });
		empty.createEl('p', {
			text: 'Write one note per interview. A note counts when its frontmatter says type: interview, when it has the interview tag, or when it is in an interview folder (see the plugin options). For example:',
		});
		empty.createEl('pre', { cls: 'ifu-sample' }).createEl('code', { text: SAMPLE_FRONTMATTER });
		if (handlers.newNote) button(empty, 'New interview note', 'ifu-new-note mod-cta', () => handlers.newNote?.());
	} else {
		let anything = false;
		for (const group of list.groups) {
			if (group.rows.length === 0) continue;
			anything = true;
			const box = root.createDiv({ cls: `ifu-group ifu-group-${group.id}` });
			box.setAttribute('data-group', group.id);
			box.createDiv({ cls: 'ifu-group-title', text: `${group.title} (${group.rows.length})` });
			const ul = box.createEl('ul', { cls: 'ifu-rows' });
			renderPaged(box, ul, group.id, group.rows, (list, row) => renderRow(list, row, handlers), options);
		}
		if (options.waiting && list.waiting.length > 0) {
			anything = true;
			const box = root.createDiv({ cls: 'ifu-group ifu-group-waiting' });
			box.setAttribute('data-group', 'waiting');
			box.createDiv({ cls: 'ifu-group-title', text: `Waiting (${list.waiting.length})` });
			const ul = box.createEl('ul', { cls: 'ifu-rows' });
			renderPaged(box, ul, 'waiting', list.waiting, (l, row) => renderWaiting(l, row, handlers), options);
		}
		if (!anything) root.createDiv({ cls: 'ifu-nothing', text: 'Nothing to do right now.' });
	}
	renderDiagnostics(root, options.diagnostics, handlers, options);
}
