/**
 * The pipeline view, the `view: pipeline` / `view: figures` code blocks and
 * the Bases parts, in the mocked Obsidian, on the fixture vault of the
 * figures (test/fixtures/pipeline-vault) on Tuesday 2026-12-01.
 */
import './setup';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MarkdownPostProcessorContext, WorkspaceLeaf as LeafOriginal } from 'obsidian';
import { TFile, WorkspaceLeaf } from 'obsidian-test-mocks/obsidian';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { BASES_VIEW_TYPE } from '../../src/obsidian/bases';
import type { FollowUpsBlock } from '../../src/obsidian/codeBlock';
import { PIPELINE_VIEW_TYPE, type PipelineView } from '../../src/obsidian/pipelineView';
import { STAGE_PAGE } from '../../src/obsidian/ui/renderPipeline';
import { loadPlugin, type Loaded } from './harness';

afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
});

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'pipeline-vault', 'Interviews');
const FILES: Record<string, string> = Object.fromEntries(
	readdirSync(FIXTURE).map((name) => [`Interviews/${name}`, readFileSync(join(FIXTURE, name), 'utf8')]),
);

async function openPipeline(t: Loaded): Promise<PipelineView> {
	const leaf = WorkspaceLeaf.create2__(t.app);
	const creator = t.mock.views__.get(PIPELINE_VIEW_TYPE);
	if (!creator) throw new Error('pipeline view not registered');
	const view = creator(leaf.asOriginalType__() as unknown as LeafOriginal) as PipelineView;
	await view.onOpen();
	return view;
}

function texts(el: Element, selector: string): string[] {
	return Array.from(el.querySelectorAll(selector)).map((e) => e.textContent ?? '');
}

function bars(el: Element, chart: string): { series: string; label: string; value: number }[] {
	return Array.from(el.querySelectorAll(`${chart} rect.ifu-bar`)).map((r) => ({
		series: r.getAttribute('data-series') ?? '',
		label: r.getAttribute('data-label') ?? '',
		value: Number(r.getAttribute('data-value')),
	}));
}

function renderBlock(t: Loaded, source: string): { el: HTMLElement; block: FollowUpsBlock } {
	const processor = t.mock.markdownCodeBlockProcessors__.get('interview-followups') as (s: string, el: HTMLElement, ctx: MarkdownPostProcessorContext) => void;
	const el = createDiv();
	let block: FollowUpsBlock | null = null;
	const ctx = {
		docId: 'x',
		sourcePath: 'Weekly review.md',
		addChild: (child: FollowUpsBlock) => {
			block = child;
			child.load();
		},
		getSectionInfo: () => null,
	} as unknown as MarkdownPostProcessorContext;
	processor(source, el, ctx);
	if (!block) throw new Error('no child added');
	return { el, block };
}

describe('the pipeline view', () => {
	it('shows every application by stage, each with company, role, rounds, last contact, days waiting and next action', async () => {
		const t = await loadPlugin(FILES, { today: '2026-12-01' });
		const view = await openPipeline(t);
		const el = view.contentEl;
		expect(texts(el, '.ifu-stage-title')).toEqual(['Interviewing (3)', 'Offer (1)', 'Hired (1)', 'Rejected (1)', 'Withdrawn (1)', 'Closed (1)']);
		const alpha = el.querySelector('.ifu-card[data-application="alpha corp|analyst"]');
		expect(alpha?.querySelector('.ifu-card-title')?.textContent).toBe('Alpha Corp · Analyst');
		expect(alpha?.querySelector('.ifu-card-details')?.textContent).toBe('2 rounds · last contact 20 Nov · waiting 11 days');
		expect(alpha?.querySelector('.ifu-card-next')?.textContent).toBe('Next: withdraw, due 27 Nov (overdue)'); // v2: Gamma was hired on 25 Nov
		expect(alpha?.querySelector('.ifu-card-next')?.classList.contains('ifu-state-overdue')).toBe(true);
		const beta = el.querySelector('.ifu-card[data-application="beta ltd|designer"]');
		expect(beta?.querySelector('.ifu-card-details')?.textContent).toBe('1 round · last contact 4 Nov · decided 20 Nov, later than promised');
		expect(el.querySelector('.ifu-card[data-application="eta|intern"] .ifu-card-details')?.textContent).toBe('no interview yet');
	});

	it('opens the note when a card is clicked, and names the link for a screen reader', async () => {
		const t = await loadPlugin(FILES, { today: '2026-12-01' });
		const view = await openPipeline(t);
		const card = view.contentEl.querySelector('.ifu-card[data-application="gamma|engineer"]') as HTMLElement;
		expect(card.querySelector('a')?.getAttribute('aria-label')).toBe('Open the note of Gamma, Engineer');
		// domino's MouseEvent constructor ignores its arguments; click() dispatches a real click.
		card.click();
		await new Promise((r) => window.setTimeout(r, 0));
		const opened: unknown = t.app.workspace.getLeaf(false).file__;
		expect(opened instanceof TFile ? opened.path : null).toBe('Interviews/2026-11-18 Gamma.md');
	});

	it('shows the totals and draws the charts with one bar per value and a text alternative', async () => {
		const t = await loadPlugin(FILES, { today: '2026-12-01' });
		const el = (await openPipeline(t)).contentEl;
		expect(texts(el, '.ifu-total dt')).toEqual([
			'Applications',
			'Active',
			'Interviews',
			'Reply rate',
			'Median days to a decision',
			'Decision dates kept',
			'Follow-ups on time',
		]);
		expect(texts(el, '.ifu-total dd')).toEqual(['8', '3', '10', '71%', '13.5', '50%', '94%']);
		expect(bars(el, '.ifu-chart-funnel')).toEqual([
			{ series: 'Applications', label: 'Interviews', value: 7 },
			{ series: 'Applications', label: 'Further rounds', value: 2 },
			{ series: 'Applications', label: 'Offers', value: 2 },
			{ series: 'Applications', label: 'Hired', value: 1 },
		]);
		const weeks = bars(el, '.ifu-chart-weeks');
		expect(weeks.filter((b) => b.series === 'Interviews').map((b) => b.value)).toEqual([7, 2, 1, 0]);
		expect(weeks.filter((b) => b.series === 'Decisions').map((b) => b.value)).toEqual([0, 1, 2, 1]);
		const funnelSvg = el.querySelector('.ifu-chart-funnel svg');
		expect(funnelSvg?.getAttribute('role')).toBe('img');
		expect(funnelSvg?.getAttribute('aria-label')).toBe('Applications at each step: interviews 7, further rounds 2, offers 2, hired 1.');
		expect(el.querySelector('.ifu-chart-weeks svg')?.getAttribute('aria-label')).toMatch(
			/^Interviews and decisions per week: week of 2 Nov: 7 interviews, 0 decisions; week of 9 Nov: 2 interviews, 1 decision;/,
		);
		// The longest bar fills the plot; the others are in proportion.
		const widths = Array.from(el.querySelectorAll('.ifu-chart-funnel rect')).map((r) => Number(r.getAttribute('width')));
		expect(widths[0]).toBeGreaterThan(widths[1]);
		expect(widths[1]).toBe(widths[2]);
		expect(widths[2]).toBeCloseTo(widths[3] * 2);
	});

	it('redraws when a note changes', async () => {
		const t = await loadPlugin(FILES, { today: '2026-12-01' });
		const view = await openPipeline(t);
		await t.write('Interviews/2026-11-02 Zeta.md', t.text('Interviews/2026-11-02 Zeta.md').replace('status: closed', 'status: rejected'));
		expect(texts(view.contentEl, '.ifu-stage-title')).toEqual(['Interviewing (3)', 'Offer (1)', 'Hired (1)', 'Rejected (2)', 'Withdrawn (1)']);
	});

	it('draws a long stage a page at a time, and keeps what was shown through a redraw', async () => {
		// 45 applications still interviewing, one note each, and the fixture's six stages.
		const many: Record<string, string> = { ...FILES };
		for (let i = 1; i <= 45; i++) {
			const n = String(i).padStart(2, '0');
			many[`Interviews/2026-11-20 Co${n}.md`] = `---\ntype: interview\ncompany: Co${n}\nrole: Analyst\ninterview_date: 2026-11-20\n---\n`;
		}
		const t = await loadPlugin(many, { today: '2026-12-01' });
		const view = await openPipeline(t);
		const stage = () => view.contentEl.querySelector('.ifu-stage[data-stage="interviewing"]')!;
		const more = () => stage().querySelector<HTMLButtonElement>('.ifu-show-more');
		expect(texts(view.contentEl, '.ifu-stage-title')[0]).toBe('Interviewing (48)');
		expect(stage().querySelectorAll('.ifu-card')).toHaveLength(STAGE_PAGE);
		expect(more()?.textContent).toBe('Show 20 more of interviewing');
		// Short stages have no button.
		expect(view.contentEl.querySelectorAll('.ifu-show-more')).toHaveLength(1);
		more()!.click();
		expect(stage().querySelectorAll('.ifu-card')).toHaveLength(40);
		expect(more()?.textContent).toBe('Show 8 more of interviewing');
		// A change to a note redraws the view: the 40 cards stay drawn.
		await t.write('Interviews/2026-11-02 Zeta.md', t.text('Interviews/2026-11-02 Zeta.md').replace('status: closed', 'status: rejected'));
		expect(stage().querySelectorAll('.ifu-card')).toHaveLength(40);
		more()!.click();
		expect(stage().querySelectorAll('.ifu-card')).toHaveLength(48);
		expect(stage().querySelectorAll('.ifu-show-more')).toHaveLength(0);
		// In the figures' order: by company, so Alpha Corp first and Silent Co last.
		const names = texts(stage(), '.ifu-card-title');
		expect(names[0]).toBe('Alpha Corp · Analyst');
		expect(names[names.length - 1]).toBe('Silent Co · Clerk');
	});

	it('opens from its command in the main pane', async () => {
		const t = await loadPlugin(FILES, { today: '2026-12-01' });
		const command = t.command('open-pipeline');
		expect(command.name).toBe('Open the pipeline view');
		await t.plugin.activatePipelineView();
		expect(t.app.workspace.getLeavesOfType(PIPELINE_VIEW_TYPE)).toHaveLength(1);
	});
});

describe('the code block views', () => {
	it('view: pipeline shows the stages; view: figures the totals and charts', async () => {
		const t = await loadPlugin(FILES, { today: '2026-12-01' });
		const pipeline = renderBlock(t, 'view: pipeline').el;
		expect(texts(pipeline, '.ifu-stage-title')[0]).toBe('Interviewing (3)');
		expect(pipeline.querySelectorAll('.ifu-figures')).toHaveLength(0);
		const figures = renderBlock(t, 'view: figures').el;
		expect(figures.querySelectorAll('.ifu-stage')).toHaveLength(0);
		expect(bars(figures, '.ifu-chart-funnel').map((b) => b.value)).toEqual([7, 2, 2, 1]);
	});

	it('says what is wrong with an unknown view or a filter it does not read', async () => {
		const t = await loadPlugin(FILES, { today: '2026-12-01' });
		const bad = renderBlock(t, 'view: kanban');
		expect(bad.block.errors.map((e) => [e.line, e.message])).toEqual([[1, '"kanban" is not a view; write view: list, view: pipeline or view: figures']]);
		const extra = renderBlock(t, 'view: figures\ncompany: Alpha Corp');
		expect(extra.block.errors.map((e) => e.line)).toEqual([2]);
		expect(texts(extra.el, '.ifu-block-errors li')[0]).toMatch(/^Line 2 \("company: Alpha Corp"\): view: figures shows every application/);
		// Without `view:` the block is the due list, as before.
		const list = renderBlock(t, 'company: Alpha Corp');
		expect(list.block.view).toBe('list');
		// v2: after Gamma's hire, the others are asked only to withdraw (Delta's referral request is no longer listed).
		expect(texts(list.el, '.ifu-row-sentence')).toEqual(['Tell Ann Able you are withdrawing your application']);
	});
});

describe('Bases', () => {
	it('the command writes a valid base of the interview notes, grouped by status, with a cards view, and opens it', async () => {
		const t = await loadPlugin(FILES, { today: '2026-12-01', data: { templatesFolder: 'Templates', interviewFolders: ['Jobs'], excludedFolders: ['Archive'] } });
		const command = t.command('create-applications-base');
		expect(command.name).toBe('Create a base of my applications');
		expect(command.checkCallback?.(true)).toBe(true);
		command.checkCallback?.(false);
		await vi.waitFor(() => expect(t.app.vault.getFileByPath('Interview applications.base')).not.toBeNull());
		const base = parse(t.text('Interview applications.base')) as Record<string, unknown>;
		expect(Object.keys(base)).toEqual(['filters', 'properties', 'views']);
		expect(base.filters).toEqual({
			and: [
				'file.ext == "md"',
				{ or: ['type == "interview"', 'file.hasTag("interview")', 'file.inFolder("Jobs")'] },
				{ not: ['file.inFolder("Templates")', 'file.inFolder("Archive")'] },
			],
		});
		const views = base.views as { type: string; name: string; groupBy?: unknown; order: string[] }[];
		expect(views.map((v) => v.type)).toEqual(['table', 'cards']);
		expect(views[0].groupBy).toEqual({ property: 'note.status', direction: 'ASC' });
		expect(views[0].order).toEqual(['file.name', 'note.company', 'note.role', 'note.interview_date', 'note.decision_date']);
		await vi.waitFor(() => {
			const opened: unknown = t.app.workspace.getLeaf(false).file__;
			expect(opened instanceof TFile ? opened.path : null).toBe('Interview applications.base');
		});
		// A second base does not overwrite the first.
		command.checkCallback?.(false);
		await vi.waitFor(() => expect(t.app.vault.getFileByPath('Interview applications 2.base')).not.toBeNull());
	});

	it('registers the Follow-ups view where the API is present (this mock is 1.10 or later)', async () => {
		const t = await loadPlugin(FILES, { today: '2026-12-01' });
		const registrations = (t.mock as unknown as { basesViewRegistrations__: Map<string, { name: string; icon: string }> }).basesViewRegistrations__;
		expect(registrations.get(BASES_VIEW_TYPE)).toMatchObject({ name: 'Follow-ups', icon: 'calendar-check' });
	});

	it('the Follow-ups view lists the due actions of the notes the base selects', async () => {
		const t = await loadPlugin(FILES, { today: '2026-12-01' });
		const registrations = (t.mock as unknown as {
			basesViewRegistrations__: Map<string, { factory: (c: unknown, el: HTMLElement) => { load(): void; onDataUpdated(): void; data: unknown } }>;
		}).basesViewRegistrations__;
		const el = createDiv();
		const view = registrations.get(BASES_VIEW_TYPE)!.factory({}, el);
		const entry = (path: string) => ({ file: t.app.vault.getFileByPath(path) });
		view.data = { data: [entry('Interviews/2026-11-05 Delta.md'), entry('Interviews/2026-11-02 Alpha.md')] };
		view.load();
		view.onDataUpdated();
		// v2: Gamma is hired, so Alpha is asked to withdraw and Delta (rejected) for nothing more.
		expect(texts(el, '.ifu-row-sentence').sort()).toEqual(['Tell Ann Able you are withdrawing your application']);
	});
});
