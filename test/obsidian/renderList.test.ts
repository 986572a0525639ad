import './setup';
import { describe, expect, it } from 'vitest';
import type { Action, Diagnostic } from '../../src/core/types';
import type { ActionRow, DueList } from '../../src/obsidian/presenters/dueList';
import { renderDueList, ROWS_PER_TASK, type RowHandlers } from '../../src/obsidian/ui/renderList';

function row(i: number): ActionRow {
	const name = `Person ${String(i).padStart(3, '0')}`;
	const action: Action = {
		id: `a${i}`,
		kind: 'thank-you',
		state: 'overdue',
		earliest: '2026-11-16',
		due: '2026-11-18',
		company: `Company ${i}`,
		role: 'Clerk',
		note: `Interviews/Company ${i}.md`,
		person: { name, title: null, email: null, phone: null },
		gifts: [],
		reason: 'Thank everyone within two business days.',
		application: `company ${i}|clerk`,
	};
	return { action, sentence: `Send a thank-you note to ${name}`, noun: `thank-you note to ${name}`, named: `thank-you note to ${name} (Company ${i}, Clerk)`, context: `Company ${i} · Clerk`, when: 'due Wed 18 Nov', whenLong: 'Due 3 days ago (Wed 18 Nov)' };
}

/** Three groups of 30 rows (drawn 30 at first each), and the notes that need attention. */
function bigList(): { list: DueList; diagnostics: Diagnostic[] } {
	const rows = Array.from({ length: 90 }, (_, i) => row(i + 1));
	return {
		list: {
			today: '2026-11-21',
			banner: null,
			groups: [
				{ id: 'overdue', title: 'Overdue', rows: rows.slice(0, 30) },
				{ id: 'now', title: 'To do now', rows: rows.slice(30, 60) },
				{ id: 'soon', title: 'Coming up', rows: rows.slice(60) },
			],
			waiting: [],
			counts: { overdue: 30, due: 30, upcoming: 30, snoozed: 0 },
			empty: false,
		},
		diagnostics: [{ note: 'Interviews/Odd.md', severity: 'warning', message: 'something to fix', line: 3 }],
	};
}

const handlers: RowHandlers = {
	open: () => undefined,
	done: () => undefined,
	snooze: () => undefined,
	unsnooze: () => undefined,
	draft: () => undefined,
	email: () => undefined,
	menu: () => undefined,
};

/** What the list shows, in order: group ids and the rows of each. */
function shown(el: HTMLElement): string[] {
	return Array.from(el.querySelectorAll('[data-group]')).map((g) => `${g.getAttribute('data-group')}:${g.querySelectorAll('.ifu-row, .ifu-attention-item').length}`);
}

describe('renderDueList over several tasks', () => {
	it('draws at most ROWS_PER_TASK rows (whole groups) per task, in order, and calls onDrawn once, at the end', () => {
		const { list, diagnostics } = bigList();
		const el = createDiv();
		const later: Array<() => void> = [];
		let drawnCalls = 0;
		renderDueList(el, list, handlers, { waiting: false, emptyHelp: false, diagnostics, defer: (fn) => later.push(fn), onDrawn: () => drawnCalls++ });
		expect(ROWS_PER_TASK).toBeLessThan(60);
		const tasks: string[][] = [shown(el)];
		while (later.length > 0) {
			later.shift()?.();
			tasks.push(shown(el));
		}
		// One group of 30 rows per task (two would be 60, over the budget); the attention part fits with the last.
		expect(tasks).toEqual([['overdue:30'], ['overdue:30', 'now:30'], ['overdue:30', 'now:30', 'soon:30', 'attention:1']]);
		expect(drawnCalls).toBe(1);
		// The same list as drawn at once.
		const whole = createDiv();
		let wholeDrawn = 0;
		renderDueList(whole, list, handlers, { waiting: false, emptyHelp: false, diagnostics, onDrawn: () => wholeDrawn++ });
		expect(wholeDrawn).toBe(1);
		expect(el.innerHTML.replace(/ifu-meta-\d+/g, 'm')).toBe(whole.innerHTML.replace(/ifu-meta-\d+/g, 'm'));
	});

	it('a redraw before the list is wholly drawn stops the parts left of the first', () => {
		const { list, diagnostics } = bigList();
		const el = createDiv();
		const later: Array<() => void> = [];
		let drawnCalls = 0;
		const options = { waiting: false, emptyHelp: false, diagnostics, defer: (fn: () => void) => later.push(fn), onDrawn: () => drawnCalls++ };
		renderDueList(el, list, handlers, options);
		const stale = later.shift();
		renderDueList(el, list, handlers, options);
		stale?.();
		// Only the new list's first part is there, once.
		expect(shown(el)).toEqual(['overdue:30']);
		expect(el.querySelectorAll('.ifu-list')).toHaveLength(1);
		while (later.length > 0) later.shift()?.();
		expect(shown(el)).toEqual(['overdue:30', 'now:30', 'soon:30', 'attention:1']);
		expect(drawnCalls).toBe(1);
	});
});
