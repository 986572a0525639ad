import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildTemplateContext, fnv1a, renderTemplate, stableHash, WORDED_KINDS, WORDING, type TemplateKind } from '../../../src/core/templates';
import type { Application, Person } from '../../../src/core/types';
import { application, interview, log, People, person, sentences } from './fixtures';

const settings = { userName: 'Sam Lee', userPhone: '+1 555 0100' };

function draft(kind: TemplateKind, app: Application, p: Person, index: People, path?: string, today = '2026-12-20', askTimeline = false) {
	return renderTemplate(kind, buildTemplateContext({ kind, application: app, person: p, index, today, settings, interviewPath: path ?? null, askTimeline }));
}

/** The sentences of a message that could be shared: everything but the greeting and the signature. */
function wording(markdown: string): string[] {
	return sentences(markdown.replace(/^Subject: /, '')).filter((s) => !s.startsWith('Dear ') && s !== 'Sam Lee');
}

function colleagues(n: number) {
	const people = Array.from({ length: n }, (_, i) => person(`Person${i} Surname${i}`, { title: 'Engineer', topics: [`topic number ${i}`] }));
	const app = application('Acme Finance', 'Secretary', [interview('a.md', '2026-11-16', { interviewers: people.map((p) => p.id) })]);
	return { people, app, index: new People(people) };
}

describe('FNV-1a', () => {
	it('matches the published test vectors', () => {
		expect(fnv1a('')).toBe(0x811c9dc5);
		expect(fnv1a('a')).toBe(0xe40c292c);
		expect(fnv1a('foobar')).toBe(0xbf9cf968);
	});
	it('the mixed hash is a stable 32-bit unsigned number', () => {
		expect(stableHash('jane doe')).toBe(stableHash('jane doe'));
		fc.assert(fc.property(fc.string(), (s) => Number.isInteger(stableHash(s)) && stableHash(s) >= 0 && stableHash(s) < 2 ** 32));
	});
});

describe('colleagues at one company share no sentence (004: "tweak the wording")', () => {
	it('two to six interviewers of one interview: no sentence of one thank-you is in another', () => {
		for (let n = 2; n <= 6; n++) {
			const { people, app, index } = colleagues(n);
			const notes = people.map((p) => wording(draft('thank-you', app, p, index).markdown));
			for (let a = 0; a < n; a++) {
				for (let b = a + 1; b < n; b++) {
					const shared = notes[a].filter((s) => notes[b].includes(s));
					expect(shared, `${n} people, ${a} and ${b}`).toEqual([]);
				}
			}
		}
	});

	it('also with the timetable question in the same message', () => {
		const { people, app, index } = colleagues(4);
		const notes = people.map((p) => wording(draft('thank-you', app, p, index, 'a.md', '2026-11-17', true).markdown));
		for (let a = 0; a < notes.length; a++) for (let b = a + 1; b < notes.length; b++) expect(notes[a].filter((s) => notes[b].includes(s))).toEqual([]);
	});

	it('timeline questions and status checks to two to six colleagues share no sentence either', () => {
		for (const kind of ['ask-timeline', 'status-check'] as const) {
			for (let n = 2; n <= 6; n++) {
				const { people, app, index } = colleagues(n);
				const notes = people.map((p) => wording(draft(kind, app, p, index, 'a.md', '2026-11-30').markdown));
				for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) expect(notes[a].filter((s) => notes[b].includes(s)), `${kind}, ${n} people, ${a} and ${b}`).toEqual([]);
			}
		}
	});

	it('any names and any company: the colleagues of one interview differ in every part', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 2, maxLength: 6, selector: (s) => s.toLowerCase().replace(/\s+/g, ' ').trim() }),
				fc.string({ minLength: 1, maxLength: 12 }),
				(names, companyName) => {
					const people = names.filter((n) => n.trim() !== '').map((n) => person(n));
					fc.pre(people.length >= 2);
					const app = application(companyName, 'Clerk', [interview('a.md', '2026-11-16', { interviewers: people.map((p) => p.id) })]);
					const index = new People(people);
					const views = people.map((p) => buildTemplateContext({ application: app, person: p, index, today: '2026-11-17' }));
					for (const key of ['subject_line', 'opening', 'enjoyed_line', 'interest_line', 'call_line', 'closing']) {
						expect(new Set(views.map((v) => v[key])).size, key).toBe(people.length);
					}
				},
			),
			{ numRuns: 100 },
		);
	});
});

describe('one person over three rounds', () => {
	const jane = person('Jane Doe', { topics: ['her rescue greyhound Biscuit', 'sourdough baking', 'the Boston marathon'] });
	const john = person('John Roe');
	const index = new People([jane, john]);
	const app = application('Acme Finance', 'Secretary', [
		interview('r1.md', '2026-11-02T10:00', { interviewers: [jane.id] }),
		interview('r2.md', '2026-11-09T10:00', { interviewers: [john.id, jane.id] }),
		interview('r3.md', '2026-11-16T10:00', { interviewers: [jane.id] }),
	]);
	const three = ['r1.md', 'r2.md', 'r3.md'].map((p) => draft('thank-you', app, jane, index, p));

	it('gets three thank-yous that share no sentence', () => {
		const w = three.map((r) => wording(r.markdown.replace(/Monday \d+ November/g, 'DATE')));
		for (let a = 0; a < 3; a++) for (let b = a + 1; b < 3; b++) expect(w[a].filter((s) => w[b].includes(s)), `${a} ${b}`).toEqual([]);
	});

	it('later rounds say it was good to meet again; the first does not', () => {
		expect(three[0].markdown).not.toMatch(/again/);
		expect(three[1].markdown).toMatch(/(meet|see|talk)\w* (with )?you again|again\b.*time|for me again|once more/);
		expect(three[2].markdown).toMatch(/again/);
	});

	it('with three topics recorded, three different gifts', () => {
		const gifts = three.map((r) => /\[a link or tip about: ([^\]]+)\]/.exec(r.markdown)?.[1]);
		expect(new Set(gifts).size).toBe(3);
		expect(gifts.every((g) => g !== undefined && jane.topics.includes(g))).toBe(true);
	});

	it('the status check after them uses a topic not used since the rounds wrapped, and the next check another one', () => {
		const gift = (entries: ReturnType<typeof log>[]) => {
			const a = { ...app, interviews: app.interviews.map((i, k) => (k === 2 ? { ...i, followUps: entries } : i)) };
			return buildTemplateContext({ kind: 'status-check', application: a, person: jane, index, today: '2026-11-30' }).gift;
		};
		const first = gift([]);
		const second = gift([log('2026-11-26', 'status-check', 'Jane Doe')]);
		expect(first).not.toBe(second);
		// With two topics only, the second round's thank-you does not repeat the first's.
		const two = person('Jane Doe', { topics: ['a', 'b'] });
		const two1 = buildTemplateContext({ application: app, person: two, index, today: '2026-12-01', interviewPath: 'r1.md' }).gift;
		const two2 = buildTemplateContext({ application: app, person: two, index, today: '2026-12-01', interviewPath: 'r2.md' }).gift;
		expect(two1).not.toBe(two2);
	});

	it('the same person and interview: byte-identical every time, whatever else is asked in between', () => {
		for (const path of ['r1.md', 'r2.md', 'r3.md']) {
			const once = draft('thank-you', app, jane, index, path);
			draft('thank-you', app, john, index, 'r2.md');
			expect(draft('thank-you', app, jane, index, path)).toEqual(once);
			// The order interviewers are written in changes nothing.
			const reordered = { ...app, interviews: app.interviews.map((i) => ({ ...i, interviewers: [...i.interviewers].reverse() })) };
			expect(draft('thank-you', reordered, jane, index, path).markdown).toBe(once.markdown);
		}
	});

	it('successive status checks to the same person read differently', () => {
		const check = (n: number) => {
			const entries = Array.from({ length: n }, (_, k) => log(`2026-11-${20 + k}`, 'status-check', 'Jane Doe'));
			const a = { ...app, interviews: app.interviews.map((i, k) => (k === 2 ? { ...i, followUps: entries } : i)) };
			return wording(draft('status-check', a, jane, index, undefined, '2026-12-20').markdown);
		};
		const [a, b] = [check(0), check(1)];
		expect(a.filter((s) => b.includes(s))).toEqual([]);
	});
});

describe('gifts read right', () => {
	const topics = ['her rescue greyhound Biscuit', "his kids' robotics club", 'their move to Lisbon', 'she is training for a marathon', 'loves hiking'];

	it('a third-person topic never sits in a sentence as "about her ...", "your her ...", "you care about his ..."', () => {
		for (const t of topics) {
			const p = person('Jane Doe', { topics: [t] });
			const app = application('Acme', 'Clerk', [interview('a.md', '2026-11-16', { interviewers: [p.id], contact: p.id })]);
			for (const kind of ['thank-you', 'status-check'] as const) {
				const text = draft(kind, app, p, new People([p]), 'a.md', '2026-11-30').markdown;
				expect(text, `${kind} ${t}`).toContain(`[a link or tip about: ${t}]`);
				expect(text).not.toMatch(/\babout (her|his|their|she|he|they)\b/i);
				expect(text).not.toMatch(/\b(mentioned|discussed|care about|cared about|conversation about) (her|his|their|she|he|loves)\b/i);
				// The topic appears once, inside the placeholder the user rewrites.
				expect(text.split(t).length - 1).toBe(1);
			}
		}
	});

	it('every gift variant keeps the topic inside the placeholder and is a sentence without it', () => {
		for (const kind of ['thank-you', 'status-check'] as const) {
			for (const v of WORDING[kind].gift) {
				expect(v).toMatch(/: \[(a link or tip|an idea or link) about: \{\{gift\}\}\]\.$/);
				expect(v.replace(/\{\{gift\}\}/, '')).not.toMatch(/\{\{/);
			}
		}
	});
});

describe('no noun phrase repeated in two sentences in a row', () => {
	it('"the X position", the role, the company and "conversation" stand in no two consecutive sentences of any message, the subject read as the first', () => {
		const jane = person('Jane Doe', { topics: ['chess'] });
		const app = application('Acme Finance', 'Secretary', [
			interview('a.md', '2026-11-16', { interviewers: [jane.id], contact: jane.id, decisionDate: '2026-12-04', pitch: 'ten years of bookkeeping' }),
		]);
		// Six colleagues, so every variant of every part comes up.
		const people = [jane, ...['John Roe', 'Ann Smith', 'Bob Lee', 'Cleo Park', 'Dev Rao'].map((n) => person(n, { topics: ['chess'] }))];
		const index = new People(people);
		const all = { ...app, interviews: [{ ...app.interviews[0], interviewers: people.map((p) => p.id) }] };
		for (const kind of ['thank-you', 'ask-timeline', 'status-check', 'reference-alert', 'referral-request', 'withdraw'] as const) {
			for (let round = 0; round < 6; round++) {
				const entries = Array.from({ length: round }, (_, k) => log(`2026-11-2${k}`, 'status-check', people[round].name));
				const a = { ...all, interviews: [{ ...all.interviews[0], followUps: entries }] };
				const r = renderTemplate(kind, buildTemplateContext({ kind, application: a, person: people[round], index, today: '2026-12-20', settings, askTimeline: true }));
				const s = [r.subject ?? '', ...sentences(r.body)];
				for (let k = 1; k < s.length; k++) {
					for (const phrase of ['the Secretary position', 'Secretary', 'Acme Finance', 'conversation']) {
						// A reference needs the company in the subject and in the sentence that names the caller.
						if (kind === 'reference-alert' && k === 1 && phrase === 'Acme Finance') continue;
						expect(s[k - 1].includes(phrase) && s[k].includes(phrase), `${kind}: "${s[k - 1]}" / "${s[k]}"`).toBe(false);
					}
				}
			}
		}
	});
});

describe('the wording lists', () => {
	it('every part of every worded message has six variants, all different', () => {
		for (const kind of WORDED_KINDS) {
			for (const [part, list] of Object.entries(WORDING[kind] as Record<string, readonly string[]>)) {
				expect(list.length, `${kind}.${part}`).toBe(6);
				expect(new Set(list).size, `${kind}.${part}`).toBe(6);
			}
		}
	});

	it('the built-in wording does not sound needy or pushy', () => {
		const all = WORDED_KINDS.flatMap((k) => Object.values(WORDING[k] as Record<string, readonly string[]>).flat());
		for (const text of all) {
			expect(text).not.toMatch(/forgotten|desperate|has a decision been made|I need|please respond|as soon as possible/i);
		}
	});
});
