/**
 * The sidebar view: what to do today, grouped Overdue, Due today, Upcoming,
 * Waiting; the keep-looking banner; notes that need attention.
 */
import { ItemView, Menu, Notice, TFile, type WorkspaceLeaf } from 'obsidian';
import type { Action } from '../core/types';
import { snoozeDate, type SnoozeChoice } from './rowActions';
import type { PluginHost } from './host';
import { buildDueList, type DueList } from './presenters/dueList';
import { DatePromptModal } from './ui/modals';
import { renderDueList, type RowHandlers } from './ui/renderList';

export const VIEW_TYPE = 'interview-followups-view';
export const VIEW_ICON = 'calendar-check';

/** The row buttons, shared by the view and the code block. */
export function rowHandlers(host: PluginHost): RowHandlers {
	const report = (p: Promise<unknown>) => {
		p.catch((e: unknown) => new Notice(`Interview follow-ups: ${e instanceof Error ? e.message : String(e)}`));
	};
	return {
		open: (path, line) => report(openNote(host, path, line)),
		done: (action) => report(host.followUps.done(action)),
		snooze: (action, evt) => snoozeMenu(host, action).showAtMouseEvent(evt),
		draft: (action) => report(host.followUps.draft(action)),
		email: (action) => report(host.followUps.email(action)),
		newNote: () => report(host.newInterviewNote()),
	};
}

export async function openNote(host: PluginHost, path: string, line?: number): Promise<void> {
	const leaf = host.app.workspace.getLeaf(false);
	const file = host.app.vault.getAbstractFileByPath(path);
	if (!(file instanceof TFile)) {
		new Notice(`${path} no longer exists.`);
		return;
	}
	await leaf.openFile(file, line !== undefined ? { eState: { line: Math.max(0, line - 1) } } : undefined);
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
				.setTitle(`${title} (${until})`)
				.setIcon('alarm-clock')
				.onClick(() => void host.followUps.snooze(action, until)),
		);
	}
	menu.addItem((item) =>
		item
			.setTitle('Pick a date…')
			.setIcon('calendar')
			.onClick(() => new DatePromptModal(host.app, today, (until) => void host.followUps.snooze(action, until)).open()),
	);
	return menu;
}

export class FollowUpsView extends ItemView {
	private unsubscribe: (() => void) | null = null;
	/** The list as last drawn (tests and the status bar read it). */
	list: DueList | null = null;
	/** Rows opened with "Show more", per group: a redraw (after Done, say) keeps them open. */
	private readonly shown = new Map<string, number>();

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
		this.contentEl.addClass('ifu-view');
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

	render(): void {
		const el = this.contentEl;
		const schedule = this.host.indexer.schedule;
		if (!this.host.indexer.ready || schedule === null) {
			el.empty();
			el.createDiv({ cls: 'ifu-loading', text: 'Reading your interview notes…' });
			return;
		}
		this.list = buildDueList(schedule, this.host.settings.withinDays);
		renderDueList(el, this.list, rowHandlers(this.host), {
			waiting: true,
			emptyHelp: true,
			diagnostics: this.host.indexer.diagnostics(),
			shown: this.shown,
		});
	}
}
