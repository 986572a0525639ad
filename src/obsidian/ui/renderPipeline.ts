/**
 * Draws the pipeline (presenters/pipeline.ts): the applications by stage,
 * and the figures (totals and two charts). A board of columns where the
 * pane is wide, stacked stages where it is narrow (a CSS container query
 * decides, so the same DOM serves the sidebar, the main pane and a phone).
 */
import type { LocalDate } from '../../core/dates';
import { pipelineCard, type PipelineCard, type PipelinePresentation, type PipelineStage } from '../presenters/pipeline';
import { renderFunnel, renderWeeks } from './charts';

export interface PipelineHandlers {
	open(path: string): void;
}

/**
 * Cards drawn per stage before a "Show more" button: a screen's worth and
 * more (a column of a 800 px high pane shows about seven), so a long stage
 * costs the first paint no more than a short one.
 */
export const STAGE_PAGE = 20;

/** Ids for the stage headings (several pipelines may be on screen: the view and code blocks). */
let headings = 0;

function renderCard(list: HTMLElement, card: PipelineCard, handlers: PipelineHandlers): void {
	const a = card.figures;
	const li = list.createEl('li', { cls: 'ifu-card' });
	li.setAttribute('data-application', a.application);
	const link = li.createEl('a', { cls: 'ifu-card-title ifu-note-link', text: card.title, href: '#' });
	link.setAttribute('data-path', a.note);
	link.setAttribute('aria-label', `Open the note of ${card.title.replace(' · ', ', ')}`);
	li.createDiv({ cls: 'ifu-card-details', text: card.details });
	if (card.next !== null) li.createDiv({ cls: `ifu-card-next ifu-state-${card.nextState ?? 'upcoming'}`, text: card.next });
	// The whole card opens the note for a pointer; the link is the keyboard's way in.
	li.addEventListener('click', (evt) => {
		evt.preventDefault();
		handlers.open(a.note);
	});
}

function renderStage(board: HTMLElement, stage: PipelineStage, today: LocalDate, handlers: PipelineHandlers, shown: Map<string, number>): void {
	const apps = stage.applications;
	const section = board.createEl('section', { cls: 'ifu-stage' });
	section.setAttribute('data-stage', stage.stage);
	const id = `ifu-stage-${stage.stage}-${++headings}`;
	section.createEl('h3', { cls: 'ifu-stage-title', text: `${stage.title} (${apps.length})`, attr: { id } });
	const list = section.createEl('ul', { cls: 'ifu-stage-cards', attr: { 'aria-labelledby': id } });
	let drawn = 0;
	const draw = (upTo: number) => {
		for (; drawn < Math.min(upTo, apps.length); drawn++) renderCard(list, pipelineCard(apps[drawn], today), handlers);
	};
	draw(shown.get(stage.stage) ?? STAGE_PAGE);
	if (drawn < apps.length) {
		const more = section.createEl('button', { cls: 'ifu-button ifu-show-more' });
		const label = () => more.setText(`Show ${Math.min(STAGE_PAGE, apps.length - drawn)} more of ${stage.title.toLowerCase()}`);
		label();
		more.addEventListener('click', (evt) => {
			evt.preventDefault();
			draw(drawn + STAGE_PAGE);
			shown.set(stage.stage, drawn);
			if (drawn >= apps.length) more.remove();
			else label();
		});
	}
}

/** The applications by stage. */
export function renderBoard(el: HTMLElement, p: PipelinePresentation, handlers: PipelineHandlers, shown = new Map<string, number>()): void {
	const wrap = el.createDiv({ cls: 'ifu-pipeline-board-wrap' });
	if (p.empty) {
		wrap.createDiv({ cls: 'ifu-empty', text: 'No applications yet. Write a note for your first interview, and it shows here.' });
		return;
	}
	const board = wrap.createDiv({ cls: 'ifu-pipeline-board' });
	for (const stage of p.stages) renderStage(board, stage, p.today, handlers, shown);
}

/** The totals and the two charts. */
export function renderFigures(el: HTMLElement, p: PipelinePresentation): void {
	const section = el.createEl('section', { cls: 'ifu-figures' });
	section.createEl('h3', { cls: 'ifu-figures-title', text: 'Figures' });
	const dl = section.createEl('dl', { cls: 'ifu-totals' });
	for (const t of p.totals) {
		const row = dl.createDiv({ cls: 'ifu-total' });
		row.createEl('dt', { text: t.label });
		row.createEl('dd', { text: t.value });
	}
	const charts = section.createDiv({ cls: 'ifu-charts' });
	renderFunnel(charts, p.funnel);
	renderWeeks(charts, p.weeks);
}

/** Board and figures, as the pipeline view shows them. */
export function renderPipeline(el: HTMLElement, p: PipelinePresentation, handlers: PipelineHandlers, shown?: Map<string, number>): void {
	el.empty();
	const root = el.createDiv({ cls: 'ifu-pipeline' });
	renderBoard(root, p, handlers, shown);
	renderFigures(root, p);
}
