import './setup';
import type { MarkdownPostProcessorContext } from 'obsidian';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FollowUpsBlock } from '../../src/obsidian/codeBlock';
import { VAULT } from './fixtures';
import { loadPlugin, type Loaded } from './harness';

afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
});

function render(t: Loaded, source: string): { el: HTMLElement; block: FollowUpsBlock } {
	const processor = t.mock.markdownCodeBlockProcessors__.get('interview-followups') as (s: string, el: HTMLElement, ctx: MarkdownPostProcessorContext) => void;
	const el = createDiv();
	let block: FollowUpsBlock | null = null;
	const ctx = {
		docId: 'x',
		sourcePath: 'Dashboard.md',
		frontmatter: undefined,
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

function sentences(el: HTMLElement): string[] {
	return Array.from(el.querySelectorAll('.ifu-row-sentence')).map((e) => e.textContent ?? '');
}

describe('the interview-followups code block', () => {
	it('without filters shows the same list as the view, without the empty-vault help', async () => {
		const t = await loadPlugin(VAULT);
		const { el } = render(t, '');
		expect(sentences(el)).toEqual([
			'Tell Ann Smith a reference call may come',
			'Send a thank-you note to John Roe',
			'Ask Bob Smith when they expect to decide',
			'Send a thank-you note to Bob Smith',
			'Check in with Bob Smith about the status',
			'Initech · Tester',
		]);
		expect(el.querySelector('.ifu-attention')).toBeFalsy();
		expect(el.querySelector('.ifu-empty')).toBeFalsy();
	});

	it('filters by company, kinds and within', async () => {
		const t = await loadPlugin(VAULT);
		expect(sentences(render(t, 'company: acme finance').el)).toEqual(['Tell Ann Smith a reference call may come', 'Send a thank-you note to John Roe']);
		expect(sentences(render(t, 'kinds: thank-you').el)).toEqual(['Send a thank-you note to John Roe', 'Send a thank-you note to Bob Smith']);
		expect(sentences(render(t, 'company: Acme Finance\nkinds: status-check\nwithin: 16').el)).toEqual(['Check in with Jane Doe about the status']);
		expect(sentences(render(t, 'company: Acme Finance\nkinds: status-check\nwithin: 15').el)).toEqual([]);
		expect(sentences(render(t, '# a comment\nstates: overdue').el)).toEqual(['Tell Ann Smith a reference call may come', 'Send a thank-you note to John Roe']);
		// The note format's own link form, and the view's words for kinds and groups.
		expect(sentences(render(t, 'company: [[Acme Finance]]\nkinds: thank-you note').el)).toEqual(['Send a thank-you note to John Roe']);
		expect(sentences(render(t, 'company: "[[Acme Finance|Acme]]"\nstates: overdue').el)).toEqual(['Tell Ann Smith a reference call may come', 'Send a thank-you note to John Roe']);
		expect(sentences(render(t, 'states: to do now').el)).toEqual(sentences(render(t, 'states: due').el));
		// A filter that matches nothing says so, in the block's own words.
		const none = render(t, 'company: Nobody Inc').el;
		expect(none.querySelector('.ifu-nothing')?.textContent).toBe('No follow-up matches this block (company: Nobody Inc).');
		expect(sentences(render(t, 'company: Initech').el)).toEqual(['Initech · Tester']);
	});

	it("matches a company by an alias of its note, and by its note's name from an alias", async () => {
		const t = await loadPlugin({ ...VAULT, 'Companies/Acme Finance.md': '---\naliases: [Acme, ACME Corp]\n---\n# Acme Finance\n' });
		const acme = ['Tell Ann Smith a reference call may come', 'Send a thank-you note to John Roe'];
		expect(sentences(render(t, 'company: Acme').el)).toEqual(acme);
		expect(sentences(render(t, 'company: acme corp').el)).toEqual(acme);
		expect(sentences(render(t, 'company: [[Acme]]').el)).toEqual(acme);
		expect(render(t, 'company: Acm').el.querySelector('.ifu-nothing')).toBeTruthy();
	});

	it('shows invalid filter lines as a readable error inside the block', async () => {
		const t = await loadPlugin(VAULT);
		const { el } = render(t, 'company: Globex\ncolour: red\nwithin: soon\nkinds: thank-you, lunch');
		const errors = Array.from(el.querySelectorAll('.ifu-block-errors li')).map((e) => e.textContent);
		expect(errors).toEqual([
			'Line 2 ("colour: red"): unknown filter "colour" (use company, role, kinds, states, within)',
			'Line 3 ("within: soon"): "soon" is not a number of days (write e.g. within: 14)',
			'Line 4 ("kinds: thank-you, lunch"): "lunch" is not a kind of follow-up (use collect names, thank-you note, reference heads-up, find a contact, ask about the timeline, prepare the next round, status check, answer the offer, referral request, withdraw, keep looking)',
		]);
		// The lines it could read still apply.
		expect(sentences(el)).toEqual(['Send a thank-you note to Bob Smith']);
	});

	it('redraws when the schedule changes, and stops when unloaded', async () => {
		const t = await loadPlugin(VAULT);
		const { el, block } = render(t, 'company: Globex');
		expect(sentences(el)).toEqual(['Ask Bob Smith when they expect to decide', 'Send a thank-you note to Bob Smith', 'Check in with Bob Smith about the status']);
		const action = t.plugin.indexer.schedule?.actions.find((a) => a.kind === 'thank-you' && a.company === 'Globex');
		await t.plugin.followUps.done(action as never);
		await t.settle();
		// The thank-you asked the timetable too (one message), so both are done.
		expect(sentences(el)).toEqual(['Check in with Bob Smith about the status']);
		block.unload();
		el.empty();
		t.plugin.indexer.recompute();
		expect(el.childElementCount).toBe(0);
	});
});
