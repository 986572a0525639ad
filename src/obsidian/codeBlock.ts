/**
 * The `interview-followups` code block: the due list inside any note, with
 * filters written in the block (see presenters/blockFilter.ts). It redraws whenever
 * the schedule changes, until the note is closed.
 */
import { MarkdownRenderChild, type MarkdownPostProcessorContext, type TFile } from 'obsidian';
import type { PluginHost } from './host';
import { describeFilter, norm, parseFilter, type FilterError, type ListFilter } from './presenters/blockFilter';
import { buildDueList } from './presenters/dueList';
import { captureFocus, renderDueList, restoreFocus, type FocusMemo } from './ui/renderList';
import { rowHandlers } from './view';
import { currentFigures, pipelineHandlers } from './pipelineView';
import { presentPipeline } from './presenters/pipeline';
import { renderBoard, renderFigures } from './ui/renderPipeline';

export const CODE_BLOCK_LANGUAGE = 'interview-followups';

/** What a block shows: the due list (default), the pipeline by stage, or the figures. */
export type BlockView = 'list' | 'pipeline' | 'figures';
const VIEWS: readonly BlockView[] = ['list', 'pipeline', 'figures'];

/**
 * Takes the `view:` line out of the block (the other lines are the list's
 * filters, line numbers kept), with an error for an unknown view or for
 * filters given to a view that reads none.
 */
export function splitView(source: string): { view: BlockView; rest: string; errors: FilterError[] } {
	const lines = source.split('\n');
	let view: BlockView = 'list';
	const errors: FilterError[] = [];
	lines.forEach((text, i) => {
		const m = /^\s*view\s*:\s*(.*?)\s*$/i.exec(text);
		if (m === null) return;
		const wanted = m[1].toLowerCase();
		if ((VIEWS as readonly string[]).includes(wanted)) view = wanted as BlockView;
		else errors.push({ line: i + 1, text: text.trim(), message: `"${m[1]}" is not a view; write view: list, view: pipeline or view: figures` });
		lines[i] = '';
	});
	return { view, rest: lines.join('\n'), errors };
}

/**
 * The block's companies with the other names their notes give them: the
 * note's name and its `aliases` (`company: Acme` finds "Acme Finance" when
 * the note Acme Finance has the alias Acme).
 */
function withAliases(host: PluginHost, filter: ListFilter): ListFilter {
	if (filter.companies === null) return filter;
	const names = new Set(filter.companies);
	for (const name of filter.companies) {
		// The note of that name; else the notes that give it as an alias (links do not resolve aliases).
		const byName = host.app.metadataCache.getFirstLinkpathDest(name, '');
		const wanted = norm(name);
		const files = byName ? [byName] : host.app.vault.getMarkdownFiles().filter((f) => aliasesOf(host, f).includes(wanted));
		for (const file of files) {
			names.add(file.basename.toLowerCase());
			for (const a of aliasesOf(host, file)) names.add(a);
		}
	}
	return { ...filter, companies: [...names] };
}

/** A note's `aliases`, compared as the filter compares companies. */
function aliasesOf(host: PluginHost, file: TFile): string[] {
	const aliases: unknown = host.app.metadataCache.getFileCache(file)?.frontmatter?.['aliases'];
	const list: unknown[] = Array.isArray(aliases) ? aliases : typeof aliases === 'string' ? [aliases] : [];
	return list.filter((a): a is string => typeof a === 'string').map(norm);
}

export class FollowUpsBlock extends MarkdownRenderChild {
	private unsubscribe: (() => void) | null = null;
	readonly filter: ListFilter;
	readonly errors: FilterError[];
	readonly view: BlockView;
	/** The block's filter lines, to say what matched nothing. */
	private readonly filterText: string;
	/** Groups opened or closed in this block (while the note is open). */
	private readonly collapsed = new Map<string, boolean>();
	private focusMemo: FocusMemo | null = null;

	constructor(
		containerEl: HTMLElement,
		private readonly host: PluginHost,
		source: string,
	) {
		super(containerEl);
		const split = splitView(source);
		const parsed = parseFilter(split.rest);
		this.view = split.view;
		this.filter = parsed.filter;
		this.filterText = describeFilter(split.rest);
		this.errors = [...split.errors, ...parsed.errors].sort((a, b) => a.line - b.line);
		if (split.view !== 'list') {
			split.rest.split('\n').forEach((text, i) => {
				if (text.trim() !== '' && !/^\s*(#|\/\/)/.test(text) && !this.errors.some((e) => e.line === i + 1)) {
					this.errors.push({ line: i + 1, text: text.trim(), message: `view: ${split.view} shows every application and reads no filter; remove this line` });
				}
			});
			this.errors.sort((a, b) => a.line - b.line);
		}
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
		if (this.view !== 'list') {
			const figures = currentFigures(this.host);
			if (figures === null) return;
			const p = presentPipeline(figures);
			const body = el.createDiv({ cls: 'ifu-pipeline' });
			if (this.view === 'pipeline') renderBoard(body, p, pipelineHandlers(this.host));
			else renderFigures(body, p);
			return;
		}
		const memo = captureFocus(el) ?? this.focusMemo;
		this.focusMemo = null;
		const filter = withAliases(this.host, this.filter);
		const list = buildDueList(schedule, this.host.settings.withinDays, filter, { todayFirst: this.host.viewPrefs.todayFirst });
		const body = el.createDiv();
		const rows = list.groups.reduce((n, g) => n + g.rows.length, 0) + list.waiting.length;
		if (rows === 0 && this.filterText !== '') {
			body.createDiv({ cls: 'ifu-nothing', text: `No follow-up matches this block (${this.filterText}).` });
			return;
		}
		const remember = (): void => {
			this.focusMemo = captureFocus(el);
		};
		renderDueList(body, list, rowHandlers(this.host, 'preview', remember), {
			waiting: true,
			emptyHelp: false,
			diagnostics: [],
			collapsed: this.collapsed,
			onToggle: (group, collapsed) => this.collapsed.set(group, collapsed),
		});
		restoreFocus(el, memo);
	}
}

export function codeBlockProcessor(host: PluginHost) {
	return (source: string, el: HTMLElement, ctx: MarkdownPostProcessorContext): void => {
		ctx.addChild(new FollowUpsBlock(el, host, source));
	};
}
