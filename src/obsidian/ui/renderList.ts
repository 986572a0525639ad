/**
 * Draws a due list (presenters/dueList.ts) into an element, in Obsidian's own
 * tree markup (`tree-item`, `tree-item-self`, `tree-item-inner`,
 * `collapse-icon`, `tree-item-flair`), so that a theme styles it as it styles
 * Backlinks or Search. Used by the sidebar view and the
 * `interview-followups` code block. DOM through Obsidian's helpers only
 * (createDiv/createEl/setText/setIcon), never HTML strings.
 *
 * A row is one link to its note: a click (Ctrl/Cmd: a new tab) opens it, a
 * right click or the context-menu key opens its menu, a drag drops a
 * `[[link]]`. Its buttons (Done, Snooze, Draft, Email) show on hover and
 * focus. The arrow keys move between rows and group titles; Enter opens,
 * Space marks done.
 */
import { setIcon, setTooltip } from 'obsidian';
import type { Diagnostic } from '../../core/types';
import { COLLAPSED_BY_DEFAULT, GROUP_TITLES, type ActionRow, type DueList, type GroupId, type WaitingRow } from '../presenters/dueList';

/** Where a menu opens: beside the element it belongs to, or where the mouse is. */
export interface MenuPlace {
	x: number;
	y: number;
}

export interface RowHandlers {
	/** Opens the note; `evt` says how (Ctrl/Cmd: a new tab). */
	open(path: string, line: number | undefined, evt: MouseEvent | KeyboardEvent | null): void;
	done(row: ActionRow): void;
	snooze(row: ActionRow, at: MenuPlace): void;
	unsnooze(row: ActionRow): void;
	draft(row: ActionRow): void;
	/** Only called for a row whose person has an email address. */
	email(row: ActionRow): void;
	/** The row's context menu. */
	menu(row: ActionRow, at: MenuPlace, evt: MouseEvent | null): void;
	/** A diagnostic's one-click fix (`Diagnostic.fix`: rename a near-miss key). */
	fix?(d: Diagnostic): void;
	/** Obsidian's page preview (`hover-link`) of the note. */
	hover?(evt: MouseEvent, path: string, targetEl: HTMLElement): void;
	/** The `[[link]]` a row dropped into a note writes. */
	linkText?(path: string): string;
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
	/** Groups the user opened or closed (group id -> closed); others follow `COLLAPSED_BY_DEFAULT`. */
	collapsed?: ReadonlyMap<string, boolean>;
	/** Called when the user opens or closes a group. */
	onToggle?(group: string, collapsed: boolean): void;
	/** Interview notes just begun (no company yet): listed as being written, not as problems. */
	beingWritten?: readonly { path: string; missing: string[] }[];
	/**
	 * Lets a long list be drawn over several tasks (about `ROWS_PER_TASK` rows each): `later` runs
	 * its function in a task of its own. Without it the whole list is drawn at once.
	 */
	defer?(later: () => void): void;
	/** Called once the whole list is drawn (at once, or in the last of the deferred tasks). */
	onDrawn?(): void;
}

/**
 * Rows drawn in one task when `defer` is given: about 0.3 ms each in Chromium, so a task stays
 * well under 50 ms (108 rows at once were one task over 50 ms at start-up, issue #16).
 */
export const ROWS_PER_TASK = 40;

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

/** The elements the arrow keys move between: group titles and rows. */
const NAV = 'ifu-nav';

function button(parent: HTMLElement, text: string, cls: string, onClick: (evt: MouseEvent) => void): HTMLButtonElement {
	const b = parent.createEl('button', { text, cls: `ifu-button ${cls}` });
	b.addEventListener('click', (evt) => {
		evt.preventDefault();
		evt.stopPropagation();
		onClick(evt);
	});
	return b;
}

/** A small icon button (Obsidian's `clickable-icon`), named for what it does and for whom. */
function iconButton(parent: HTMLElement, icon: string, label: string, cls: string, onClick: (el: HTMLElement) => void): HTMLButtonElement {
	const b = parent.createEl('button', { cls: `clickable-icon ifu-icon-button ${cls}` });
	b.setAttribute('aria-label', label);
	setIcon(b, icon);
	setTooltip(b, label);
	b.addEventListener('click', (evt) => {
		evt.preventDefault();
		evt.stopPropagation();
		onClick(b);
	});
	return b;
}

/** Beside an element: under it, from its left edge (where Obsidian opens a button's menu). */
export function besideOf(el: HTMLElement): MenuPlace {
	const r = el.getBoundingClientRect();
	return { x: r.left, y: r.bottom };
}

let describedBy = 0;

/**
 * A row: one `tree-item` whose `tree-item-self` is the link to `path`.
 * Returns the parts the caller fills: the text column and the buttons.
 */
function rowShell(
	parent: HTMLElement,
	cls: string,
	sentence: string,
	meta: string[],
	path: string | null,
	handlers: Pick<RowHandlers, 'open' | 'hover' | 'linkText'>,
	line?: number,
): { item: HTMLElement; self: HTMLElement; link: HTMLElement; main: HTMLElement; metaEl: HTMLElement } {
	const item = parent.createDiv({ cls: `tree-item ${cls}` });
	item.setAttribute('role', 'listitem');
	const self = item.createDiv({ cls: 'tree-item-self ifu-row-self' });
	const main = self.createDiv({ cls: 'tree-item-inner ifu-row-main' });
	const link = main.createDiv({ cls: `ifu-row-sentence ${NAV}`, text: sentence });
	link.tabIndex = 0;
	const metaEl = main.createDiv({ cls: 'ifu-row-meta' });
	metaEl.id = `ifu-meta-${++describedBy}`;
	link.setAttribute('aria-describedby', metaEl.id);
	meta.forEach((text, i) => {
		if (text === '') return;
		if (metaEl.childElementCount > 0) metaEl.createSpan({ cls: 'ifu-row-sep', text: ' · ', attr: { 'aria-hidden': 'true' } });
		metaEl.createSpan({ cls: i === 0 ? 'ifu-row-context' : 'ifu-row-when', text });
	});
	if (path === null) return { item, self, link, main, metaEl };
	self.addClass('is-clickable');
	link.setAttribute('role', 'link');
	item.setAttribute('data-path', path);
	self.addEventListener('click', (evt) => {
		if ((evt.target as HTMLElement).closest('button, input')) return;
		evt.preventDefault();
		handlers.open(path, line, evt);
	});
	// The middle button opens a new tab, as on Obsidian's own links.
	self.addEventListener('auxclick', (evt) => {
		if (evt.button !== 1) return;
		evt.preventDefault();
		handlers.open(path, line, evt);
	});
	if (handlers.hover) {
		const hover = handlers.hover;
		self.addEventListener('mouseover', (evt) => hover(evt, path, self));
	}
	if (handlers.linkText) {
		const linkText = handlers.linkText;
		self.draggable = true;
		self.addEventListener('dragstart', (evt) => {
			if (!evt.dataTransfer) return;
			evt.dataTransfer.clearData();
			evt.dataTransfer.setData('text/plain', linkText(path));
			evt.dataTransfer.effectAllowed = 'copyLink';
		});
	}
	return { item, self, link, main, metaEl };
}

function renderRow(list: HTMLElement, row: ActionRow, handlers: RowHandlers): void {
	const a = row.action;
	const snoozed = row.snoozedUntil !== undefined;
	const { item, self, link, metaEl } = rowShell(list, `ifu-row ifu-state-${snoozed ? 'snoozed' : a.state}`, row.sentence, [row.context, row.when], a.note, handlers);
	item.setAttribute('data-kind', a.kind);
	item.setAttribute('data-action', a.id);
	const whenEl = metaEl.querySelector('.ifu-row-when');
	if (whenEl instanceof HTMLElement) setTooltip(whenEl, row.whenLong);
	if (a.gifts.length > 0) {
		const gifts = `They cared about: ${a.gifts.join('; ')}`;
		const g = metaEl.createSpan({ cls: 'ifu-row-gifts' });
		g.setAttribute('aria-label', gifts);
		setIcon(g, 'gift');
		setTooltip(g, gifts);
	}
	if (a.note === null) return;
	if (!snoozed) {
		// Done first, where a task list has its checkbox.
		const done = createEl('input', { cls: 'task-list-item-checkbox ifu-done', type: 'checkbox' });
		self.insertBefore(done, self.firstChild);
		done.setAttribute('aria-label', `Mark done: ${row.named}`);
		setTooltip(done, `Mark done: ${row.named}`);
		done.addEventListener('click', (evt) => {
			evt.preventDefault();
			evt.stopPropagation();
			handlers.done(row);
		});
	}
	const buttons = self.createDiv({ cls: 'ifu-row-buttons' });
	if (snoozed) {
		iconButton(buttons, 'alarm-clock-off', `Un-snooze: ${row.named}`, 'ifu-unsnooze', () => handlers.unsnooze(row));
	} else {
		iconButton(buttons, 'alarm-clock', `Snooze: ${row.named}`, 'ifu-snooze', (b) => handlers.snooze(row, besideOf(b)));
		if (a.kind !== 'collect-names') iconButton(buttons, 'pencil', `Draft the ${row.named}`, 'ifu-draft', () => handlers.draft(row));
		if (a.person?.email) iconButton(buttons, 'mail', `Email ${a.person.name}: ${row.named}`, 'ifu-email', () => handlers.email(row));
	}
	self.addEventListener('contextmenu', (evt) => {
		evt.preventDefault();
		// The context-menu key gives no mouse position: open beside the row.
		const fromKey = evt.button !== 0 && evt.clientX === 0 && evt.clientY === 0;
		handlers.menu(row, fromKey ? besideOf(link) : { x: evt.clientX, y: evt.clientY }, fromKey ? null : evt);
	});
	link.addEventListener('keydown', (evt) => {
		if (evt.key === ' ' && !snoozed) {
			evt.preventDefault();
			handlers.done(row);
		} else if (evt.key === 'F10' && evt.shiftKey) {
			evt.preventDefault();
			handlers.menu(row, besideOf(link), null);
		}
	});
}

function renderWaiting(list: HTMLElement, row: WaitingRow, handlers: RowHandlers): void {
	rowShell(list, 'ifu-row ifu-waiting-row', row.context || row.entry.company, [row.text], row.entry.note, handlers);
}

/**
 * A collapsible group in Obsidian's tree markup: the title (a heading, with a
 * chevron and the count as the flair), and the rows, drawn only while open.
 */
function renderGroup<T>(
	root: HTMLElement,
	id: string,
	title: string,
	rows: readonly T[],
	draw: (ul: HTMLElement, row: T) => void,
	options: Pick<RenderOptions, 'pageSize' | 'shown' | 'collapsed' | 'onToggle'>,
	cls = '',
): HTMLElement {
	const box = root.createDiv({ cls: `tree-item ifu-group ifu-group-${id} ${cls}`.trim() });
	box.setAttribute('data-group', id);
	const self = box.createDiv({ cls: 'tree-item-self is-clickable ifu-group-header' });
	self.setAttribute('role', 'heading');
	self.setAttribute('aria-level', '3');
	const chevron = self.createDiv({ cls: 'tree-item-icon collapse-icon' });
	setIcon(chevron, 'right-triangle');
	const titleEl = self.createDiv({ cls: `tree-item-inner ifu-group-title ${NAV}`, text: title });
	titleEl.setAttribute('role', 'button');
	titleEl.tabIndex = 0;
	self.createDiv({ cls: 'tree-item-flair-outer' }).createSpan({ cls: 'tree-item-flair ifu-group-count', text: String(rows.length) });
	const children = box.createDiv({ cls: 'tree-item-children ifu-rows' });
	children.setAttribute('role', 'list');
	children.setAttribute('aria-label', title);
	let drawn = false;
	const set = (collapsed: boolean): void => {
		box.toggleClass('is-collapsed', collapsed);
		chevron.toggleClass('is-collapsed', collapsed);
		titleEl.setAttribute('aria-expanded', String(!collapsed));
		children.toggle(!collapsed);
		// Rows of a closed group are drawn when it opens: a closed backlog costs nothing.
		if (!collapsed && !drawn) {
			drawn = true;
			renderPaged(box, children, id, rows, draw, options);
		}
	};
	let collapsed = isCollapsed(id, options);
	set(collapsed);
	const toggle = (): void => {
		collapsed = !collapsed;
		set(collapsed);
		options.onToggle?.(id, collapsed);
	};
	self.addEventListener('click', (evt) => {
		evt.preventDefault();
		toggle();
	});
	titleEl.addEventListener('keydown', (evt) => {
		if (evt.key === 'Enter' || evt.key === ' ') {
			evt.preventDefault();
			toggle();
		} else if ((evt.key === 'ArrowLeft' && !collapsed) || (evt.key === 'ArrowRight' && collapsed)) {
			evt.preventDefault();
			evt.stopPropagation();
			toggle();
		}
	});
	return box;
}

function isCollapsed(id: string, options: Pick<RenderOptions, 'collapsed'>): boolean {
	return options.collapsed?.get(id) ?? COLLAPSED_BY_DEFAULT.has(id as GroupId);
}

function pageSize(options: Pick<RenderOptions, 'pageSize'>): number {
	return Math.max(1, options.pageSize ?? PAGE_SIZE);
}

/** How far an open group is drawn at first: its first page, or as far as "Show more" opened it. */
function firstRows(id: string, options: Pick<RenderOptions, 'pageSize' | 'shown'>): number {
	return Math.max(pageSize(options), options.shown?.get(id) ?? 0);
}

/** How many rows a group draws at first: none while closed. */
function rowsAtFirst(id: string, count: number, options: Pick<RenderOptions, 'pageSize' | 'shown' | 'collapsed'>): number {
	return isCollapsed(id, options) ? 0 : Math.min(count, firstRows(id, options));
}

export function renderDiagnostics(
	parent: HTMLElement,
	diagnostics: Diagnostic[],
	handlers: Pick<RowHandlers, 'open' | 'hover' | 'linkText' | 'fix'>,
	options: Pick<RenderOptions, 'pageSize' | 'shown' | 'collapsed' | 'onToggle'> = {},
): void {
	if (diagnostics.length === 0) return;
	const sorted = [...diagnostics].sort((x, y) => (x.note < y.note ? -1 : x.note > y.note ? 1 : (x.line ?? 0) - (y.line ?? 0)));
	const draw = (list: HTMLElement, d: Diagnostic): void => {
		const where = d.line !== undefined ? `${d.note}, line ${d.line}` : d.note;
		const { link, main, metaEl } = rowShell(list, `ifu-attention-item ifu-severity-${d.severity}`, where, [], d.note, handlers, d.line);
		link.addClass('ifu-attention-note');
		metaEl.addClass('ifu-attention-message');
		metaEl.setText(d.message);
		const rename = d.fix?.rename;
		if (rename !== undefined && handlers.fix !== undefined) {
			const fix = handlers.fix;
			const b = button(main, 'Rename to ', 'ifu-fix', () => fix(d));
			b.createEl('code', { text: rename.to });
			b.setAttribute('aria-label', `Rename '${rename.from}' to '${rename.to}' in ${d.note}`);
		}
	};
	renderGroup(parent, 'attention', 'Notes that need attention', sorted, draw, options, 'ifu-attention');
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
	const page = pageSize(options);
	let drawn = 0;
	const drawUpTo = (n: number): void => {
		const end = Math.min(rows.length, n);
		for (; drawn < end; drawn++) draw(ul, rows[drawn]);
	};
	drawUpTo(firstRows(group, options));
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

/** The arrow keys between group titles and rows; Home and End; Left from a row to its group's title. */
function keyboard(root: HTMLElement): void {
	root.addEventListener('keydown', (evt) => {
		const target = evt.target as HTMLElement;
		if (!target.hasClass(NAV)) return;
		const items = Array.from(root.querySelectorAll<HTMLElement>(`.${NAV}`)).filter((e) => e.offsetParent !== null || e === target);
		const at = items.indexOf(target);
		let next: HTMLElement | undefined;
		if (evt.key === 'ArrowDown') next = items[at + 1];
		else if (evt.key === 'ArrowUp') next = items[at - 1];
		else if (evt.key === 'Home') next = items[0];
		else if (evt.key === 'End') next = items[items.length - 1];
		else if (evt.key === 'ArrowLeft' && !target.hasClass('ifu-group-title')) next = target.closest('.ifu-group')?.querySelector<HTMLElement>('.ifu-group-title') ?? undefined;
		else if (evt.key === 'Enter' && !target.hasClass('ifu-group-title')) {
			evt.preventDefault();
			target.closest<HTMLElement>('.ifu-row-self, .tree-item-self')?.dispatchEvent(new MouseEvent('click', { bubbles: true, ctrlKey: evt.ctrlKey, metaKey: evt.metaKey, shiftKey: evt.shiftKey, altKey: evt.altKey }));
			return;
		} else return;
		evt.preventDefault();
		next?.focus();
	});
}

/** What had the focus in a list, to give it back after a redraw. */
export interface FocusMemo {
	/** The action (or group) of the focused element, and which of its controls had it. */
	key: string | null;
	control: string | null;
	/** Its place among the rows and titles: after Done the row is gone, and the next one takes its place. */
	index: number;
}

function keyOf(el: HTMLElement): string | null {
	const row = el.closest<HTMLElement>('[data-action], [data-path]');
	if (row) return row.getAttribute('data-action') ?? `path:${row.getAttribute('data-path') ?? ''}`;
	const group = el.closest<HTMLElement>('.ifu-group');
	return group ? `group:${group.getAttribute('data-group') ?? ''}` : null;
}

/** Where the focus is in `root`, or null when it is elsewhere. */
export function captureFocus(root: HTMLElement): FocusMemo | null {
	const active = root.ownerDocument.activeElement;
	if (!(active instanceof HTMLElement) || !root.contains(active)) return null;
	const nav = active.hasClass(NAV) ? active : active.closest('.tree-item-self')?.querySelector<HTMLElement>(`.${NAV}`);
	const items = Array.from(root.querySelectorAll<HTMLElement>(`.${NAV}`));
	const control = active.hasClass(NAV) ? null : (Array.from(active.classList).find((c) => c.startsWith('ifu-') && c !== 'ifu-icon-button') ?? null);
	return { key: keyOf(active), control, index: nav ? items.indexOf(nav) : -1 };
}

/** Puts the focus back where `memo` says: the same row and control, else the row now in that place. */
export function restoreFocus(root: HTMLElement, memo: FocusMemo | null): void {
	if (memo === null) return;
	const items = Array.from(root.querySelectorAll<HTMLElement>(`.${NAV}`));
	const same = items.find((e) => keyOf(e) === memo.key);
	if (same) {
		const control = memo.control ? same.closest('.tree-item-self')?.querySelector<HTMLElement>(`.${memo.control}`) : null;
		(control ?? same).focus();
		return;
	}
	// The row is gone (Done, Snooze): the row now in its place, else the one before it; a group title only when no row is left.
	const wasRow = memo.key !== null && !memo.key.startsWith('group:');
	const rows = items.map((e, i) => ({ e, i })).filter(({ e }) => !wasRow || !e.hasClass('ifu-group-title'));
	const instead = rows.find(({ i }) => i >= memo.index) ?? rows.at(-1) ?? null;
	(instead?.e ?? items[Math.min(memo.index, items.length - 1)])?.focus();
}

/** A note's name as the file list shows it: `Interviews/2026-11-21 Interview.md` -> `2026-11-21 Interview`. */
function noteName(path: string): string {
	return (path.split('/').pop() ?? path).replace(/\.md$/i, '');
}

/** Empties `el` and draws the list. */
export function renderDueList(el: HTMLElement, list: DueList, handlers: RowHandlers, options: RenderOptions): void {
	el.empty();
	const root = el.createDiv({ cls: 'ifu-list' });
	keyboard(root);
	const beingWritten = options.beingWritten ?? [];
	const onboarding = list.empty && options.emptyHelp && beingWritten.length === 0 && options.diagnostics.length === 0;
	// In an empty vault the first steps come alone: no advice to apply for more jobs above them.
	if (list.banner && !list.empty) {
		const banner = root.createDiv({ cls: 'ifu-banner' });
		banner.createDiv({ cls: 'ifu-banner-title', text: 'Keep looking' });
		banner.createDiv({ cls: 'ifu-banner-text', text: list.banner });
	}
	if (onboarding) {
		const empty = root.createDiv({ cls: 'ifu-empty' });
		empty.createEl('p', { text: 'No interview notes yet.' });
		empty.createEl('p', {
			text: 'Write one note per interview. A note counts when its frontmatter says type: interview, when it has the interview tag, or when it is in an interview folder (see the plugin options). For example:',
		});
		empty.createEl('pre', { cls: 'ifu-sample' }).createEl('code', { text: SAMPLE_FRONTMATTER });
		if (handlers.newNote) button(empty, 'New interview note', 'ifu-new-note mod-cta', () => handlers.newNote?.());
	}
	// The list is drawn part by part (a group, the closing line, the notes that need attention), in order.
	const parts: Array<{ rows: number; draw: () => void }> = [];
	const group = <T>(id: string, title: string, rows: readonly T[], draw: (l: HTMLElement, row: T) => void, cls = ''): void => {
		parts.push({ rows: rowsAtFirst(id, rows.length, options), draw: () => renderGroup(root, id, title, rows, draw, options, cls) });
	};
	if (!onboarding) {
		let anything = false;
		for (const g of list.groups) {
			if (g.id === 'snoozed' || g.rows.length === 0) continue;
			anything = true;
			group(g.id, g.title, g.rows, (l, row) => renderRow(l, row, handlers));
		}
		if (options.waiting && list.waiting.length > 0) {
			anything = true;
			group('waiting', GROUP_TITLES.waiting, list.waiting, (l, row) => renderWaiting(l, row, handlers));
		}
		if (beingWritten.length > 0) {
			anything = true;
			group('being-written', 'Being written', beingWritten, (l, note) => {
				const fields = note.missing.map((f) => f.replace(/_/g, ' '));
				const list = fields.length > 1 ? `${fields.slice(0, -1).join(', ')} and ${fields[fields.length - 1]}` : fields[0];
				rowShell(l, 'ifu-row ifu-being-written', noteName(note.path), [`being written: add the ${list} when you know them`.replace(/ them$/, fields.length > 1 ? ' them' : ' it')], note.path, handlers);
			});
		}
		const snoozed = list.groups.find((g) => g.id === 'snoozed');
		if (snoozed && snoozed.rows.length > 0) group('snoozed', snoozed.title, snoozed.rows, (l, row) => renderRow(l, row, handlers));
		if (!anything) {
			const text = snoozed && snoozed.rows.length > 0 ? 'Nothing to do right now; the snoozed follow-ups come back on their day.' : 'Nothing to do right now.';
			parts.push({ rows: 0, draw: () => root.createDiv({ cls: 'ifu-nothing', text }) });
		}
	}
	if (options.diagnostics.length > 0) {
		parts.push({ rows: rowsAtFirst('attention', options.diagnostics.length, options), draw: () => renderDiagnostics(root, options.diagnostics, handlers, options) });
	}
	const drawFrom = (first: number): void => {
		let i = first;
		let rows = 0;
		// At least one part per task; more while they fit in ROWS_PER_TASK (all of them without `defer`).
		while (i < parts.length && (i === first || options.defer === undefined || rows + parts[i].rows <= ROWS_PER_TASK)) {
			rows += parts[i].rows;
			parts[i++].draw();
		}
		// A later redraw replaced this list (emptied `el`): its remaining parts are not drawn.
		if (i < parts.length) options.defer?.(() => root.parentElement === el && drawFrom(i));
		else options.onDrawn?.();
	};
	drawFrom(0);
}
