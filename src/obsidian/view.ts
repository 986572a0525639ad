/**
 * The sidebar view: what to do, grouped Overdue, To do now, Coming up,
 * Waiting and Snoozed; the keep-looking banner; notes that need attention.
 * Its header has the count (Obsidian mobile has no status bar) and buttons to
 * refresh, collapse or expand every group and create an interview note.
 */
import { ItemView, Keymap, Menu, Notice, TFile, setIcon, setTooltip, type WorkspaceLeaf } from 'obsidian';
import type { Action } from '../core/types';
import type { PluginHost } from './host';
import { buildDueList, dayLabel, dueCounts, statusText, type ActionRow, type DueList } from './presenters/dueList';
import { snoozeDate, type SnoozeChoice } from './rowActions';
import { snoozeDateModal } from './ui/modals';
import { captureFocus, renderDueList, restoreFocus, type FocusMemo, type MenuPlace, type RowHandlers } from './ui/renderList';

export const VIEW_TYPE = 'interview-followups-view';
export const VIEW_ICON = 'calendar-check';

/** What the view keeps in data.json: which groups are closed, and the order of the groups. */
export interface ViewPrefs {
	/** Group id -> closed; groups not named here follow their default. */
	collapsed: Record<string, boolean>;
	/** Today's work above the overdue backlog. */
	todayFirst: boolean;
}

/**
 * Interview notes just begun: no company yet, and nothing wrong in them but
 * what is still to be filled in (the index's "no company: …", "no
 * interview_date: …"). Listed as being written, not as problems.
 */
export function beingWritten<D extends { note: string; message: string }>(diagnostics: readonly D[]): { notes: { path: string; missing: string[] }[]; rest: D[] } {
	const missing = (d: { message: string }): string | null => /^no ([a-z_]+):/.exec(d.message)?.[1] ?? null;
	const byNote = new Map<string, D[]>();
	for (const d of diagnostics) {
		// Pushed, not copied: a note with 130,000 problems made copying quadratic (minutes in the view).
		const list = byNote.get(d.note);
		if (list) list.push(d);
		else byNote.set(d.note, [d]);
	}
	const notes: { path: string; missing: string[] }[] = [];
	for (const [path, ds] of byNote) {
		const fields = ds.map(missing);
		if (fields.includes('company') && fields.every((f) => f !== null)) notes.push({ path, missing: fields.filter((f): f is string => f !== null) });
	}
	const written = new Set(notes.map((n) => n.path));
	return { notes, rest: diagnostics.filter((d) => !written.has(d.note)) };
}

/**
 * The row handlers, shared by the view and the code block. `remember` is
 * called before an action that redraws the list, so that the focus can come
 * back to the row (or the next one) afterwards.
 */
export function rowHandlers(host: PluginHost, source: string, remember: () => void = () => undefined): RowHandlers {
	const report = (p: Promise<unknown>) => {
		p.catch((e: unknown) => new Notice(`Interview follow-ups: ${e instanceof Error ? e.message : String(e)}`));
	};
	const handlers: RowHandlers = {
		open: (path, line, evt) => report(openNote(host, path, line, evt)),
		done: (row) => {
			remember();
			report(host.followUps.done(row.action));
		},
		snooze: (row, at) => {
			remember();
			snoozeMenu(host, row.action).showAtPosition(at);
		},
		unsnooze: (row) => {
			remember();
			if (row.snoozedUntil !== undefined) report(host.followUps.unsnooze(row.action, row.snoozedUntil));
		},
		draft: (row) => report(host.followUps.draft(row.action)),
		email: (row) => report(host.followUps.email(row.action)),
		menu: (row, at, evt) => {
			const menu = rowMenu(host, row, handlers, at);
			if (evt) menu.showAtMouseEvent(evt);
			else menu.showAtPosition(at);
		},
		hover: (evt, path, targetEl) => {
			host.app.workspace.trigger('hover-link', { event: evt, source, hoverParent: { hoverPopover: null }, targetEl, linktext: path, sourcePath: '' });
		},
		linkText: (path) => {
			const file = host.app.vault.getAbstractFileByPath(path);
			if (!(file instanceof TFile)) return path;
			return host.app.fileManager.generateMarkdownLink(file, host.app.workspace.getActiveFile()?.path ?? '');
		},
		newNote: () => report(host.newInterviewNote()),
		fix: (d) => {
			const rename = d.fix?.rename;
			if (rename !== undefined && d.line !== undefined) report(host.followUps.renameKey(d.note, rename.from, rename.to, d.line));
		},
	};
	return handlers;
}

/** Opens the note: in the current tab, or as Obsidian's links do with Ctrl/Cmd (a new tab) or the middle button. */
export async function openNote(host: PluginHost, path: string, line?: number, evt: MouseEvent | KeyboardEvent | null = null, where?: 'split'): Promise<void> {
	const file = host.app.vault.getAbstractFileByPath(path);
	if (!(file instanceof TFile)) {
		new Notice(`${path} no longer exists.`);
		return;
	}
	const leaf = host.app.workspace.getLeaf(where ?? Keymap.isModEvent(evt));
	await leaf.openFile(file, line !== undefined ? { eState: { line: Math.max(0, line - 1) } } : undefined);
}

/** A row's context menu: Open, Open to the right, Done, Snooze…, Draft, Email, Copy. */
function rowMenu(host: PluginHost, row: ActionRow, handlers: RowHandlers, at: MenuPlace): Menu {
	const a = row.action;
	const menu = new Menu();
	const path = a.note;
	if (path !== null) {
		menu.addItem((i) => i.setTitle('Open').setIcon('file').onClick(() => handlers.open(path, undefined, null)));
		menu.addItem((i) => i.setTitle('Open to the right').setIcon('separator-vertical').onClick(() => void openNote(host, path, undefined, null, 'split')));
		menu.addSeparator();
		if (row.snoozedUntil === undefined) {
			menu.addItem((i) => i.setTitle('Done').setIcon('check').onClick(() => handlers.done(row)));
			menu.addItem((i) => i.setTitle('Snooze…').setIcon('alarm-clock').onClick(() => handlers.snooze(row, at)));
			if (a.kind !== 'collect-names') menu.addItem((i) => i.setTitle('Draft').setIcon('pencil').onClick(() => handlers.draft(row)));
			if (a.person?.email) menu.addItem((i) => i.setTitle('Email').setIcon('mail').onClick(() => handlers.email(row)));
		} else {
			menu.addItem((i) => i.setTitle('Un-snooze').setIcon('alarm-clock-off').onClick(() => handlers.unsnooze(row)));
		}
		menu.addSeparator();
	}
	menu.addItem((i) =>
		i
			.setTitle('Copy')
			.setIcon('copy')
			.onClick(() => {
				const text = [row.sentence, row.context, row.whenLong].filter((s) => s !== '').join(' · ');
				void navigator.clipboard.writeText(text).then(
					() => new Notice('Copied.'),
					() => new Notice('Could not copy to the clipboard.'),
				);
			}),
	);
	return menu;
}

const SNOOZE_CHOICES: { choice: SnoozeChoice; title: string }[] = [
	{ choice: 'tomorrow', title: 'Tomorrow' },
	{ choice: 'in-3-days', title: 'In 3 days' },
	{ choice: 'next-week', title: 'Next week' },
];

/** The snooze menu of a row: tomorrow, in 3 days, next week, or a date picked in a modal. */
export function snoozeMenu(host: PluginHost, action: Action): Menu {
	const menu = new Menu();
	const today = host.followUps.today();
	for (const { choice, title } of SNOOZE_CHOICES) {
		const until = snoozeDate(today, choice);
		menu.addItem((item) =>
			item
				.setTitle(`${title} (${dayLabel(until, today)})`)
				.setIcon('alarm-clock')
				.onClick(() => void host.followUps.snooze(action, until)),
		);
	}
	menu.addItem((item) =>
		item
			.setTitle('Pick a date…')
			.setIcon('calendar')
			.onClick(() => snoozeDateModal(host.app, today, (until) => void host.followUps.snooze(action, until)).open()),
	);
	return menu;
}

export class FollowUpsView extends ItemView {
	private unsubscribe: (() => void) | null = null;
	/** The list as last drawn (tests and the status bar read it). */
	list: DueList | null = null;
	/** Rows opened with "Show more", per group: a redraw (after Done, say) keeps them open. */
	private readonly shown = new Map<string, number>();
	/** Where the focus was when the user acted on a row (menus and modals take it meanwhile). */
	private focusMemo: { memo: FocusMemo; at: number } | null = null;
	private listEl: HTMLElement | null = null;
	private drawing: Promise<void> = Promise.resolve();
	private finishDrawing: () => void = () => undefined;
	private countEl: HTMLElement | null = null;

	constructor(
		leaf: WorkspaceLeaf,
		private readonly host: PluginHost,
	) {
		super(leaf);
		this.icon = VIEW_ICON;
	}

	getViewType(): string {
		return VIEW_TYPE;
	}

	getDisplayText(): string {
		return 'Interview follow-ups';
	}

	override getIcon(): string {
		return VIEW_ICON;
	}

	override async onOpen(): Promise<void> {
		const el = this.contentEl;
		el.empty();
		el.addClass('ifu-view');
		this.header(el);
		this.listEl = el.createDiv({ cls: 'ifu-view-list' });
		this.unsubscribe = this.host.indexer.onChange(() => this.render());
		this.render();
		await Promise.resolve();
	}

	override async onClose(): Promise<void> {
		this.unsubscribe?.();
		this.unsubscribe = null;
		this.contentEl.empty();
		await Promise.resolve();
	}

	/** Obsidian's sidebar header (`nav-header`): the count, and the view's buttons. */
	private header(el: HTMLElement): void {
		const header = el.createDiv({ cls: 'nav-header ifu-nav-header' });
		const buttons = header.createDiv({ cls: 'nav-buttons-container ifu-nav-buttons' });
		const action = (icon: string, label: string, cls: string, onClick: () => void): void => {
			const b = buttons.createEl('button', { cls: `clickable-icon nav-action-button ifu-icon-button ${cls}` });
			b.setAttribute('aria-label', label);
			setIcon(b, icon);
			setTooltip(b, label);
			b.addEventListener('click', (evt) => {
				evt.preventDefault();
				onClick();
			});
		};
		action('refresh-cw', 'Read the notes again', 'ifu-refresh', () => void this.host.indexer.build());
		action('chevrons-down-up', 'Collapse or expand every group', 'ifu-collapse-all', () => this.collapseAll());
		action('file-plus', 'New interview note', 'ifu-header-new-note', () => void this.host.newInterviewNote());
		this.countEl = header.createDiv({ cls: 'ifu-count' });
		this.countEl.setAttribute('role', 'status');
	}

	/** Closes every open group; when all are closed already, opens them all. */
	collapseAll(): void {
		const groups = Array.from(this.contentEl.querySelectorAll<HTMLElement>('.ifu-group'));
		const close = groups.some((g) => !g.hasClass('is-collapsed'));
		const prefs = this.host.viewPrefs;
		for (const g of groups) {
			const id = g.getAttribute('data-group');
			if (id) prefs.collapsed[id] = close;
		}
		void this.host.saveViewPrefs();
		this.render();
	}

	/** Remembers where the focus is, for the redraw after the action the user just took. */
	private remember(): void {
		const memo = this.listEl ? captureFocus(this.listEl) : null;
		this.focusMemo = memo ? { memo, at: Date.now() } : null;
	}

	render(): void {
		const el = this.listEl;
		if (el === null) return;
		const schedule = this.host.indexer.schedule;
		if (!this.host.indexer.ready || schedule === null) {
			el.empty();
			el.createDiv({ cls: 'ifu-loading', text: 'Reading your interview notes…' });
			return;
		}
		// A redraw started before the last one was wholly drawn ends the wait for that one.
		this.finishDrawing();
		let finished = (): void => undefined;
		this.drawing = new Promise<void>((resolve) => (finished = resolve));
		this.finishDrawing = finished;
		const prefs = this.host.viewPrefs;
		// The focus comes back after a redraw when it was in the list, or when the user acted on a row moments ago.
		const recent = this.focusMemo !== null && Date.now() - this.focusMemo.at < 10_000 ? this.focusMemo.memo : null;
		const memo = captureFocus(el) ?? recent;
		this.focusMemo = null;
		this.list = buildDueList(schedule, this.host.settings.withinDays, null, { todayFirst: prefs.todayFirst });
		const counts = dueCounts(schedule);
		this.countEl?.setText(counts.overdue + counts.due === 0 ? '' : String(counts.overdue + counts.due));
		this.countEl?.setAttribute('aria-label', statusText(counts));
		this.countEl?.toggleClass('ifu-count-overdue', counts.overdue > 0);
		if (this.countEl) setTooltip(this.countEl, statusText(counts));
		const { notes, rest } = beingWritten(this.host.indexer.diagnostics());
		renderDueList(el, this.list, rowHandlers(this.host, VIEW_TYPE, () => this.remember()), {
			waiting: true,
			emptyHelp: true,
			diagnostics: rest,
			beingWritten: notes,
			shown: this.shown,
			collapsed: new Map(Object.entries(prefs.collapsed)),
			onToggle: (group, collapsed) => {
				prefs.collapsed[group] = collapsed;
				void this.host.saveViewPrefs();
			},
			// A long list is drawn over several tasks, so that none holds the window for 50 ms.
			defer: (later) => window.setTimeout(later, 0),
			onDrawn: () => {
				restoreFocus(el, memo);
				finished();
			},
		});
	}

	/** Resolves once the list of the last redraw is wholly drawn (it may take a few tasks). */
	drawn(): Promise<void> {
		return this.drawing;
	}
}
