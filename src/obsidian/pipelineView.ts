/**
 * The pipeline view: every application by stage (a board in the main pane,
 * stacked stages in the sidebar), the totals and two charts. It redraws
 * whenever the schedule changes.
 */
import { ItemView, Notice, type WorkspaceLeaf } from 'obsidian';
import { computeFigures, type Figures } from '../core/figures';
import type { PluginHost } from './host';
import { presentPipeline, type PipelinePresentation } from './presenters/pipeline';
import { renderPipeline, type PipelineHandlers } from './ui/renderPipeline';
import { openNote } from './view';

export const PIPELINE_VIEW_TYPE = 'interview-followups-pipeline';
export const PIPELINE_ICON = 'kanban-square';

const latest = new WeakMap<object, Figures>();

/**
 * The figures of the schedule the indexer holds, or null while it is being
 * built. Worked out once per schedule: the view and every code block ask.
 */
export function currentFigures(host: PluginHost): Figures | null {
	const { indexer } = host;
	const schedule = indexer.schedule;
	if (!indexer.ready || schedule === null) return null;
	let f = latest.get(schedule);
	if (f === undefined) {
		f = computeFigures(schedule);
		latest.set(schedule, f);
	}
	return f;
}

export function pipelineHandlers(host: PluginHost): PipelineHandlers {
	return {
		open: (path) => {
			openNote(host, path).catch((e: unknown) => new Notice(`Interview follow-ups: ${e instanceof Error ? e.message : String(e)}`));
		},
	};
}

export class PipelineView extends ItemView {
	private unsubscribe: (() => void) | null = null;
	/** What was last drawn (tests read it). */
	presentation: PipelinePresentation | null = null;
	private readonly shown = new Map<string, number>();

	constructor(
		leaf: WorkspaceLeaf,
		private readonly host: PluginHost,
	) {
		super(leaf);
		this.icon = PIPELINE_ICON;
	}

	getViewType(): string {
		return PIPELINE_VIEW_TYPE;
	}

	getDisplayText(): string {
		return 'Interview pipeline';
	}

	override getIcon(): string {
		return PIPELINE_ICON;
	}

	override async onOpen(): Promise<void> {
		this.contentEl.addClass('ifu-pipeline-view');
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
		const figures = currentFigures(this.host);
		if (figures === null) {
			el.empty();
			el.createDiv({ cls: 'ifu-loading', text: 'Reading your interview notes…' });
			return;
		}
		this.presentation = presentPipeline(figures);
		renderPipeline(el, this.presentation, pipelineHandlers(this.host), this.shown);
	}
}
