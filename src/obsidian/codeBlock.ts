/**
 * The `interview-followups` code block: the due list inside any note, with
 * filters written in the block (see presenters/blockFilter.ts). It redraws whenever
 * the schedule changes, until the note is closed.
 */
import { MarkdownRenderChild, type MarkdownPostProcessorContext } from 'obsidian';
import type { PluginHost } from './host';
import { parseFilter, type FilterError, type ListFilter } from './presenters/blockFilter';
import { buildDueList } from './presenters/dueList';
import { renderDueList } from './ui/renderList';
import { rowHandlers } from './view';

export const CODE_BLOCK_LANGUAGE = 'interview-followups';

export class FollowUpsBlock extends MarkdownRenderChild {
	private unsubscribe: (() => void) | null = null;
	readonly filter: ListFilter;
	readonly errors: FilterError[];

	constructor(
		containerEl: HTMLElement,
		private readonly host: PluginHost,
		source: string,
	) {
		super(containerEl);
		const parsed = parseFilter(source);
		this.filter = parsed.filter;
		this.errors = parsed.errors;
	}

	override onload(): void {
		this.unsubscribe = this.host.indexer.onChange(() => this.render());
		this.render();
	}

	override onunload(): void {
		this.unsubscribe?.();
		this.unsubscribe = null;
	}

	render(): void {
		const el = this.containerEl;
		el.empty();
		el.addClass('ifu-block');
		if (this.errors.length > 0) {
			const box = el.createDiv({ cls: 'ifu-block-errors' });
			box.createDiv({ cls: 'ifu-block-errors-title', text: 'This interview-followups block has lines it cannot read:' });
			const ul = box.createEl('ul');
			for (const e of this.errors) ul.createEl('li', { text: `Line ${e.line} ("${e.text}"): ${e.message}` });
		}
		const schedule = this.host.indexer.schedule;
		if (!this.host.indexer.ready || schedule === null) {
			el.createDiv({ cls: 'ifu-loading', text: 'Reading your interview notes…' });
			return;
		}
		const list = buildDueList(schedule, this.host.settings.withinDays, this.filter);
		const body = el.createDiv();
		renderDueList(body, list, rowHandlers(this.host), { waiting: true, emptyHelp: false, diagnostics: [] });
	}
}

export function codeBlockProcessor(host: PluginHost) {
	return (source: string, el: HTMLElement, ctx: MarkdownPostProcessorContext): void => {
		ctx.addChild(new FollowUpsBlock(el, host, source));
	};
}
