/**
 * Approval files: every variant of every message, as it comes out for one
 * fixed vault. A change to the wording shows as a diff of these files in
 * review (`npx vitest run test/core/templates/approval.test.ts -u` rewrites them).
 */
import { describe, expect, it } from 'vitest';
import { buildTemplateContext, renderTemplate, TEMPLATE_KINDS, type TemplateKind } from '../../../src/core/templates';
import { application, interview, log, People, person } from './fixtures';

const settings = { userName: 'Sam Lee', userPhone: '+1 555 0100' };
const people = ['Jane Doe', 'John Roe', 'Ann Smith', 'Bob Lee', 'Cleo Park', 'Dev Rao'].map((n, i) =>
	person(n, { title: 'Manager', email: `${n.split(' ')[0].toLowerCase()}@acme.example`, topics: [`topic ${i + 1}a`, `topic ${i + 1}b`] }),
);
const index = new People(people);
const ids = people.map((p) => p.id);
const base = application('Acme Finance', 'Secretary', [
	interview('r1.md', '2026-11-09T10:00', { interviewers: ids, contact: ids[0], references: [ids[2]], decisionDate: '2026-12-04', pitch: 'ten years of bookkeeping', skills: ['bookkeeping', 'payroll'] }),
	interview('r2.md', '2026-11-16T10:00', { interviewers: ids }),
]);

function render(kind: TemplateKind, who: number, extra: { path?: string; checks?: number; ask?: boolean } = {}): string {
	const entries = Array.from({ length: extra.checks ?? 0 }, (_, k) => log(`2026-11-2${k}`, 'status-check', people[who].name));
	const app = { ...base, interviews: base.interviews.map((i, k) => (k === 1 ? { ...i, followUps: entries } : i)) };
	const view = buildTemplateContext({ kind, application: app, person: people[who], index, today: '2026-11-17', settings, interviewPath: extra.path ?? null, askTimeline: extra.ask });
	return renderTemplate(kind, view).markdown;
}

describe('approval files of every variant', () => {
	it('thank-you: six colleagues in round one, again in round two, and with the timetable question', async () => {
		const out: string[] = [];
		for (const path of ['r1.md', 'r2.md']) for (let who = 0; who < 6; who++) out.push(`<!-- ${path}, ${people[who].name} -->\n${render('thank-you', who, { path })}`);
		for (let who = 0; who < 6; who++) out.push(`<!-- r2.md with ask-timeline, ${people[who].name} -->\n${render('thank-you', who, { path: 'r2.md', ask: true })}`);
		await expect(out.join('\n')).toMatchFileSnapshot('./approved/thank-you.md');
	});

	it('ask-timeline: six colleagues after round two', async () => {
		const out: string[] = [];
		for (let who = 0; who < 6; who++) out.push(`<!-- r2.md, ${people[who].name} -->\n${render('ask-timeline', who, { path: 'r2.md' })}`);
		await expect(out.join('\n')).toMatchFileSnapshot('./approved/ask-timeline.md');
	});

	it('status-check: the six variants (successive checks)', async () => {
		const out: string[] = [];
		for (let n = 0; n < 6; n++) out.push(`<!-- ${n} checks logged before -->\n${render('status-check', 0, { checks: n })}`);
		await expect(out.join('\n')).toMatchFileSnapshot('./approved/status-check.md');
	});

	it('the single-text templates', async () => {
		const out = TEMPLATE_KINDS.filter((k) => !['thank-you', 'ask-timeline', 'status-check'].includes(k)).map(
			(kind) => `<!-- ${kind} -->\n${render(kind, kind === 'reference-alert' ? 2 : 0)}`,
		);
		await expect(out.join('\n')).toMatchFileSnapshot('./approved/other.md');
	});
});
