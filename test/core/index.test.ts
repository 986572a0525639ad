import { describe, expect, it } from 'vitest';
import * as core from '../../src/core/index';

describe('core barrel', () => {
	it('exposes the agreed API, working end to end from note text to a schedule', () => {
		const vi = new core.VaultIndex(core.DEFAULT_SETTINGS);
		vi.upsert(
			'Interviews/acme.md',
			'---\ntype: interview\ncompany: Acme\nrole: Clerk\ninterview_date: 2026-11-16\ninterviewers: ["Jane Doe, VP"]\n---\n',
		);
		expect(core.parseNote('x.md', '---\ntype: interview\n---\n', core.DEFAULT_SETTINGS).isInterview).toBe(true);
		expect(core.personKey(' Jane  Doe ')).toBe('jane doe');
		expect(core.parseContact('Jane Doe, VP')?.title).toBe('VP');
		expect(core.formatLogEntry({ date: '2026-11-17', kind: 'thank-you', person: 'Jane Doe', text: null })).toBe('2026-11-17 thank-you: Jane Doe');
		expect(core.readFrontmatter('x.md', '---\na: 1\n---\n').data).toEqual({ a: 1 });
		const schedule = core.computeSchedule(vi, core.endOfDay('2026-11-17'), core.DEFAULT_SETTINGS);
		expect(schedule.actions.some((a) => a.kind === 'thank-you' && a.person?.name === 'Jane Doe')).toBe(true);
	});
});
