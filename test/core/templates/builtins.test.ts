import { describe, expect, it } from 'vitest';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { parse as parseYaml } from 'yaml';
import {
	BUILT_IN_TEMPLATES,
	buildTemplateContext,
	compileTemplate,
	renderTemplate,
	TEMPLATE_KINDS,
	WORDED_KINDS,
	WORDING,
} from '../../../src/core/templates';
import { parseNote } from '../../../src/core/note';
import { acme, application, interview, log, People, person, saysInOneSentence, sentences } from './fixtures';

const settings = { userName: 'Sam Lee', userPhone: '+1 555 0100' };

describe('built-in templates parse and use only known variables', () => {
	for (const kind of TEMPLATE_KINDS) {
		it(kind, () => {
			const compiled = compileTemplate(BUILT_IN_TEMPLATES[kind]);
			expect(compiled.ok).toBe(true);
			expect(compiled.ok && compiled.problems).toEqual([]);
		});
	}
	it('every wording variant', () => {
		for (const list of WORDED_KINDS.flatMap((k) => Object.values(WORDING[k] as Record<string, readonly string[]>))) {
			for (const text of list) {
				const compiled = compileTemplate(text);
				expect(compiled.ok && compiled.problems, text).toEqual([]);
			}
		}
	});
});

describe('thank-you note (000, 002, 004)', () => {
	const { jane, john, app, index } = acme();
	const thank = (p = jane, extra = {}) =>
		renderTemplate('thank-you', buildTemplateContext({ application: app, person: p, index, today: '2026-11-17', settings, ...extra }));

	it('thanks for the time, enjoyed learning about the company, still interested, talk again, call, gift, closing', () => {
		const r = thank();
		const text = r.markdown;
		expect(r.subject).toMatch(/thank|interview|conversation/i);
		expect(text).toMatch(/^Dear Jane,$/m);
		expect(saysInOneSentence(text, /\b(thank|thanks|grateful)\b/i, /\btime\b/)).toBe(true);
		expect(saysInOneSentence(text, /enjoy|pleasure|glad/i, /learn|hear/i, 'Acme Finance')).toBe(true);
		expect(saysInOneSentence(text, /very interested|more interested than ever/, 'the Secretary position')).toBe(true);
		expect(saysInOneSentence(text, /talk|conversation/, /convenien|suits you/)).toBe(true);
		expect(saysInOneSentence(text, /feel free to call me at \+1 555 0100/)).toBe(true);
		expect(text).toContain('[a link or tip about: training for the Boston marathon]');
		expect(text).toMatch(/\n(Warm regards|Yours with appreciation|With warm thanks|Kind regards|With appreciation|Best wishes),\nSam Lee\n$/);
		expect(text).toContain('Monday 16 November');
	});

	it('every wording variant carries the required idea of its part', () => {
		const view = buildTemplateContext({ application: app, person: jane, index, today: '2026-11-17', settings });
		const fill = (t: string) => renderTemplate('thank-you', view, { userTemplates: { 'thank-you': t } }).markdown;
		const w = WORDING['thank-you'];
		for (const t of w.subject) expect(fill(t)).toMatch(/thank|interview|conversation/i);
		for (const t of w.opening) expect(fill(t)).toMatch(/(thank|grateful)[^.]*\btime\b/i);
		for (const t of w.opening_again) {
			expect(fill(t)).toMatch(/(thank|grateful)[^.]*\btime\b/i);
			expect(fill(t)).toMatch(/\bagain\b|once more/);
		}
		for (const t of w.enjoyed) {
			expect(fill(t)).toMatch(/enjoy|pleasure|glad/i);
			expect(fill(t)).toMatch(/learn|hear/i);
			expect(fill(t)).toContain('Acme Finance');
		}
		for (const t of w.interest) expect(fill(t)).toMatch(/(very interested|more interested than ever) in the Secretary position/);
		for (const t of w.call) {
			expect(fill(t)).toMatch(/convenien|suits you/);
			expect(fill(t)).toContain('feel free to call me at +1 555 0100');
		}
		for (const t of w.gift) expect(fill(t)).toContain('[a link or tip about: training for the Boston marathon]');
		for (const t of w.timeline) {
			expect(fill(t)).toMatch(/interviews/);
			expect(fill(t)).toMatch(/decide|decision/);
		}
		expect(w.closing).toContain('Warm regards,');
		expect(w.closing).toContain('Yours with appreciation,');
	});

	it('without a recorded topic, no gift sentence, placeholder or blank gap is left', () => {
		const r = thank(john);
		expect(r.markdown).not.toContain('[a link');
		expect(r.markdown).not.toMatch(/came across|thought of you|passing it on/);
		expect(r.markdown).not.toMatch(/\n\n\n/);
		expect(r.markdown).not.toContain('{{');
		// The gift paragraph is gone, so the note has one paragraph fewer than Jane's.
		expect(r.markdown.split('\n\n').length).toBe(thank().markdown.split('\n\n').length - 1);
	});

	it('without a phone number the call sentence still invites a call, without a dangling "at"', () => {
		const r = renderTemplate('thank-you', buildTemplateContext({ application: app, person: jane, index, today: '2026-11-17' }));
		expect(r.markdown).toMatch(/feel free to call me(\.| with| at any time)/);
		expect(r.markdown).not.toMatch(/call me at\s*[.,]/);
	});

	it('without a user name, a visible [Your name] placeholder signs the note', () => {
		const r = renderTemplate('thank-you', buildTemplateContext({ application: app, person: jane, index, today: '2026-11-17' }));
		expect(r.markdown.trimEnd().split('\n').pop()).toBe('[Your name]');
	});

	it('the user given directly wins over the settings', () => {
		const r = thank(jane, { user: { name: 'Samantha Lee' } });
		expect(r.markdown.trimEnd().split('\n').pop()).toBe('Samantha Lee');
	});

	it('adds the year to the interview date when it is not this year', () => {
		const r = renderTemplate('thank-you', buildTemplateContext({ application: app, person: jane, index, today: '2027-01-04' }));
		expect(r.markdown).toContain('Monday 16 November 2026');
	});

	it('the interview named by the action is the one thanked for', () => {
		const two = application('Acme Finance', 'Secretary', [
			interview('a.md', '2026-11-16', { interviewers: [jane.id] }),
			interview('b.md', '2026-11-20', { interviewers: [jane.id] }),
		]);
		const byPath = buildTemplateContext({ application: two, person: jane, index, today: '2026-11-21', interviewPath: 'a.md' });
		const latest = buildTemplateContext({ application: two, person: jane, index, today: '2026-11-21' });
		expect(byPath.interview_date).toBe('Monday 16 November');
		expect(latest.interview_date).toBe('Friday 20 November');
		// A scheduled round (after today) is not the interview being followed up.
		const later = buildTemplateContext({ application: two, person: jane, index, today: '2026-11-18' });
		expect(later.interview_date).toBe('Monday 16 November');
		expect(later.next_interview).toBe('Friday 20 November');
	});

	it('without a role or company the wording still reads', () => {
		const bare = application('', null, [interview('x.md', '2026-11-16', { interviewers: [jane.id] })]);
		const r = renderTemplate('thank-you', buildTemplateContext({ application: bare, person: jane, index, today: '2026-11-17' }));
		expect(r.subject).not.toMatch(/ {2}|:\s*$/);
		expect(r.markdown).not.toMatch(/ {2}|\s[.,]|\bthe {2}|\bat \./);
		expect(r.markdown).toMatch(/the position/);
	});
});

describe('status check (003, 004, 001)', () => {
	const { jane, app, index } = acme();
	const check = (a = app, p = jane) =>
		renderTemplate('status-check', buildTemplateContext({ kind: 'status-check', application: a, person: p, index, today: '2026-11-26', settings }));

	it('polite, curious, still interested, available, asks status and timetable, says it is no pressure', () => {
		const r = check();
		const text = r.markdown;
		expect(r.subject).toMatch(/follow|check|touching base|interested/i);
		expect(text).toMatch(/^Dear Jane,$/m);
		expect(text).toMatch(/I hope/);
		expect(text).toMatch(/\bthank/i);
		expect(text).toMatch(/where things stand|how the process is going|where you are in the process|how things stand/);
		expect(text).toContain('Friday 4 December');
		expect(text).toMatch(/interested|interest in|keen|what I am looking for/);
		expect(text).toMatch(/meet again|another meeting|another conversation/);
		expect(text).toMatch(/pressure|rush|hurry|push/);
		expect(text).toContain('[a link or tip about: training for the Boston marathon]');
	});

	it('every variant carries the required idea of its part', () => {
		const view = buildTemplateContext({ kind: 'status-check', application: app, person: jane, index, today: '2026-11-26', settings });
		const fill = (t: string) => renderTemplate('status-check', { ...view, pitch: 'ten years of bookkeeping' }, { userTemplates: { 'status-check': t } }).markdown;
		const w = WORDING['status-check'];
		for (const t of w.opening) {
			expect(fill(t)).toMatch(/^I hope/);
			expect(fill(t)).toContain('the Secretary position');
			expect(fill(t)).toContain('Monday 16 November');
		}
		for (const t of w.interest) {
			expect(fill(t)).toMatch(/interested|interest in|keen|what I am looking for/);
			expect(fill(t)).toMatch(/meet again|another meeting|another conversation/);
		}
		for (const t of w.question) expect(fill(t)).toMatch(/(where things stand|process|status).*(timetable|decision|decide|next steps)|status of the search/);
		for (const t of w.question_dated) expect(fill(t)).toContain('Friday 4 December');
		for (const t of w.pressure) expect(fill(t)).toMatch(/pressure|rush|hurry|push/);
		for (const t of w.pitch) expect(fill(t)).toMatch(/: ten years of bookkeeping\.$/);
		for (const t of w.thanks) expect(fill(t)).toMatch(/thank|appreciate/i);
	});

	it('sells the strengths once more where the note records a pitch (004)', () => {
		const withPitch = { ...app, interviews: [{ ...app.interviews[0], pitch: 'ten years of bookkeeping, and I cut invoice errors by 40%.' }] };
		const text = check(withPitch).markdown;
		expect(text).toMatch(/: ten years of bookkeeping, and I cut invoice errors by 40%\.\n/);
		expect(check().markdown).not.toMatch(/bring|offer:|recap/);
	});

	it('without a decision date or gift, no sentence about them', () => {
		const noDate = application('Acme Finance', 'Secretary', [interview('a.md', '2026-11-16', { interviewers: ['john roe'] })]);
		const r = check(noDate, person('John Roe'));
		expect(r.markdown).not.toMatch(/around|\[a link/);
		expect(r.markdown).not.toMatch(/\n\n\n/);
		expect(r.markdown).toMatch(/timetable|decision|decide|next steps/);
	});

	it('moves on to the next gift after each logged status check', () => {
		const many = person('Jane Doe', { topics: ['marathons', 'sourdough', 'chess'] });
		const at = (entries: ReturnType<typeof log>[]) =>
			buildTemplateContext({
				kind: 'status-check',
				application: application('Acme', 'Clerk', [interview('a.md', '2026-11-01', { interviewers: [many.id], followUps: entries })]),
				person: many,
				today: '2026-11-30',
			}).gift;
		// The thank-you of the one round used the first topic.
		expect(at([])).toBe('sourdough');
		expect(at([log('2026-11-10', 'status-check', 'Jane Doe')])).toBe('chess');
		expect(at([log('2026-11-10', 'status-check', 'Jane Doe'), log('2026-11-20', 'status-check', null)])).toBe('marathons');
		expect(at([log('2026-11-10', 'status-check', 'Someone Else')])).toBe('sourdough');
	});
});

describe('asking the timetable (004, 003)', () => {
	const { jane, app, index } = acme();
	it('short: thanks, still interested, asks whether there are further rounds and when they decide', () => {
		const r = renderTemplate('ask-timeline', buildTemplateContext({ kind: 'ask-timeline', application: app, person: jane, index, today: '2026-11-17', settings }));
		expect(r.subject).not.toBeNull();
		expect(r.markdown).toMatch(/^Dear Jane,$/m);
		expect(saysInOneSentence(r.body, /interviews|round/, /decide|decision/)).toBe(true);
		expect(r.body).not.toMatch(/has a decision been made|where things stand/);
		expect(sentences(r.body).length).toBeLessThanOrEqual(7);
		for (const t of WORDING['ask-timeline'].opening) expect(t).toContain('{{interview_ref}}');
	});
});

describe('reference heads-up (004)', () => {
	it('names who may call, from which company, about which role', () => {
		const { ann, app, index } = acme();
		const r = renderTemplate('reference-alert', buildTemplateContext({ application: app, person: ann, index, today: '2026-11-16', settings }));
		expect(r.markdown).toMatch(/^Dear Ann,$/m);
		expect(saysInOneSentence(r.markdown, /call from Jane Doe \(VP Engineering\)/, 'at Acme Finance', 'Secretary position')).toBe(true);
		expect(r.markdown).toMatch(/given your name as a reference/);
		expect(r.markdown).toMatch(/off guard/);
		expect(r.subject).toContain('Acme Finance');
		expect(r.mailto).toMatch(/^mailto:ann@example\.org\?subject=/);
	});

	it('without a known contact, "someone there" may call', () => {
		const ann = person('Ann Smith');
		const app = application('Acme Finance', 'Secretary', [interview('a.md', '2026-11-16', { references: [ann.id] })]);
		const r = renderTemplate('reference-alert', buildTemplateContext({ application: app, person: ann, today: '2026-11-16' }));
		expect(saysInOneSentence(r.markdown, 'reference for the Secretary position at Acme Finance', 'call from someone there')).toBe(true);
	});

	it('the caller is the application contact: explicit, else the first interviewer of the latest interview held', () => {
		const { jane, john, ann, index } = acme();
		const implicit = application('Acme Finance', 'Secretary', [
			interview('a.md', '2026-11-10', { interviewers: [jane.id] }),
			interview('b.md', '2026-11-16', { interviewers: [john.id, jane.id], references: [ann.id] }),
			interview('c.md', '2026-12-01', { interviewers: [jane.id] }),
		]);
		const view = buildTemplateContext({ application: implicit, person: ann, index, today: '2026-11-17' });
		expect(view.contact_name).toBe('John Roe');
		expect(view.contact_yaml).toBe(''); // nobody named one explicitly
	});
});

describe('referral request after a rejection (004)', () => {
	it('thanks, keeps the door open, asks about other companies hiring for these skills', () => {
		const { jane, app, index } = acme();
		const r = renderTemplate('referral-request', buildTemplateContext({ application: app, person: jane, index, today: '2026-12-05', settings }));
		expect(r.markdown).toMatch(/^Dear Jane,$/m);
		expect(saysInOneSentence(r.markdown, /Thank you/, /decision/)).toBe(true);
		expect(saysInOneSentence(r.markdown, /stay in touch/)).toBe(true);
		expect(saysInOneSentence(r.markdown, /another opening/)).toBe(true);
		expect(saysInOneSentence(r.markdown, /other companies/, /hiring/, /my background and skills/)).toBe(true);
		expect(r.markdown).toContain('Acme Finance');
	});

	it('names the role\'s skills where the note records them', () => {
		const { jane, app, index } = acme();
		const withSkills = { ...app, interviews: [{ ...app.interviews[0], skills: ['bookkeeping', 'payroll', 'scheduling'] }] };
		const r = renderTemplate('referral-request', buildTemplateContext({ application: withSkills, person: jane, index, today: '2026-12-05', settings }));
		expect(saysInOneSentence(r.markdown, /other companies/, 'hiring someone with my skills in bookkeeping, payroll and scheduling?')).toBe(true);
	});
});

describe('withdrawal (004)', () => {
	it('thanks, says plainly another offer was accepted, keeps the door open', () => {
		const { jane, app, index } = acme();
		const r = renderTemplate('withdraw', buildTemplateContext({ kind: 'withdraw', application: app, person: jane, index, today: '2026-12-05', settings }));
		expect(r.subject).toMatch(/withdraw/i);
		expect(saysInOneSentence(r.body, /thank/i, /time/)).toBe(true);
		expect(saysInOneSentence(r.body, /accepted another offer/, /withdrawing my application/)).toBe(true);
		expect(r.body).toMatch(/stay in touch|paths cross again/);
	});
});

describe('preparing the next round (000, 001)', () => {
	it('the people met with titles and what they cared about, the open questions, the two questions for the close', () => {
		const { jane, app, index } = acme();
		const noDecision = { ...app, interviews: [{ ...app.interviews[0], decisionDate: null, nextInterview: { date: '2026-11-24', time: '10:00', offset: null } }] };
		const r = renderTemplate('prepare', buildTemplateContext({ kind: 'prepare', application: noDecision, person: jane, index, today: '2026-11-20' }));
		expect(r.subject).toBeNull();
		expect(r.mailto).toBeNull();
		expect(r.markdown).toMatch(/^## Preparing for the next round \(Tuesday 24 November\)/);
		expect(r.markdown).toContain('- Jane Doe, VP Engineering\n  - cared about: training for the Boston marathon');
		expect(r.markdown).toContain('- John Roe, Office Manager');
		expect(r.markdown).toMatch(/### Questions still open\n- \[ \] When do they expect to make a final decision\?/);
		expect(r.markdown).toMatch(/### To ask at the close\n- \[ \] Will there be further interviews, and if so, when\?\n- \[ \] When do you expect to make a final decision\?/);
		// Inserted into a note, it is no list the note parser reads as people or a log.
		const parsed = parseNote('n.md', `---\ntype: interview\ncompany: Acme\n---\n${r.markdown}`, { interviewType: 'interview', interviewTag: 'interview', interviewFolders: [] });
		expect(parsed.interview?.interviewers).toEqual([]);
		expect(parsed.interview?.followUps).toEqual([]);
	});
});

describe('new interview note (note-format.md, 004)', () => {
	function split(markdown: string): { data: Record<string, unknown>; body: string } {
		const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown);
		expect(m).not.toBeNull();
		return { data: parseYaml(m![1]) as Record<string, unknown>, body: m![2] };
	}
	const KEYS = [
		'type',
		'company',
		'role',
		'interview_date',
		'interviewers',
		'contact',
		'decision_date',
		'next_interview',
		'references',
		'status',
		'pitch',
		'skills',
		'follow_ups',
		'topics',
	];

	it('a blank note: every key of the format, ready to fill in', () => {
		const r = renderTemplate('interview', buildTemplateContext({ today: '2026-11-21' }));
		const { data, body } = split(r.markdown);
		expect(Object.keys(data)).toEqual(KEYS);
		expect(data.type).toBe('interview');
		expect(data.status).toBe('interviewing');
		for (const k of KEYS.filter((k) => k !== 'type' && k !== 'status')) expect(data[k], k).toBeNull();
		expect(r.subject).toBeNull();
		expect(r.mailto).toBeNull();
		expect(r.body).toBe(r.markdown);
		expect(body).toMatch(/Will there be second interviews, and if so, when\?/);
		expect(body).toMatch(/When do you expect to make a final decision\?/);
		expect(body).toMatch(/## People\n.*name, title/);
		expect(body).toMatch(/## Gift ideas\n.*cared about/);
	});

	it('uses the configured interview type', () => {
		const r = renderTemplate('interview', buildTemplateContext({ today: '2026-11-21', settings: { interviewType: 'job-interview' } }));
		expect(split(r.markdown).data.type).toBe('job-interview');
	});

	it('for a further round: company, role, explicit contact, references and the scheduled date carried over', () => {
		const { app, index, ann } = acme();
		const next = { ...app, interviews: [{ ...app.interviews[0], nextInterview: { date: '2026-11-24', time: '10:00', offset: null } }] };
		const r = renderTemplate('interview', buildTemplateContext({ application: next, person: ann, index, today: '2026-11-21' }));
		const { data } = split(r.markdown);
		expect(data).toMatchObject({
			company: 'Acme Finance',
			role: 'Secretary',
			interview_date: '2026-11-24T10:00',
			contact: '[[People/Jane Doe]]',
			references: ['Ann Smith <ann@example.org>'],
		});
	});

	it('its guidance is no list item, so the note parser reads no fake person, topic or log entry', () => {
		const r = renderTemplate('interview', buildTemplateContext({ today: '2026-11-21' }));
		const tree = fromMarkdown(split(r.markdown).body);
		let section = '';
		const read: string[] = [];
		for (const node of tree.children) {
			if (node.type === 'heading') section = node.children.map((c) => ('value' in c ? c.value : '')).join('');
			else if (node.type === 'list' && /^(people|interviewers|topics|gift ideas|follow-ups|follow-up log)$/i.test(section)) read.push(section);
		}
		expect(read).toEqual([]);
		expect(tree.children.some((n) => n.type === 'heading')).toBe(true);
	});

	it('hostile company and role text stays valid YAML and reads back exactly', () => {
		const company = 'Evil: "Corp" #1 {{role}} [[x]]\n---\ntype: note';
		const role = "- 'quoted' & <b>bold</b>";
		const app = application(company, role, [interview('a.md', '2026-11-16', { contact: 'jane doe' })]);
		const index = new People([person('Jane Doe', { title: 'Lead, Platform (EU)', email: 'jane@x.example' })]);
		const r = renderTemplate('interview', buildTemplateContext({ application: app, index, today: '2026-11-21' }));
		const { data } = split(r.markdown);
		expect(data.company).toBe('Evil: "Corp" #1 {{role}} [[x]] --- type: note');
		expect(data.role).toBe(role);
		expect(data.type).toBe('interview');
		expect(data.contact).toEqual({ name: 'Jane Doe', title: 'Lead, Platform (EU)', email: 'jane@x.example' });
	});

	it('the note parser (src/core/note.ts) reads a filled note as an interview of the application', () => {
		const { app, index, ann } = acme();
		const r = renderTemplate('interview', buildTemplateContext({ application: app, person: ann, index, today: '2026-11-21' }));
		const parsed = parseNote('Interviews/new.md', r.markdown, { interviewType: 'interview', interviewTag: 'interview', interviewFolders: [] });
		expect(parsed.isInterview).toBe(true);
		expect(parsed.interview?.company).toBe('Acme Finance');
		expect(parsed.interview?.role).toBe('Secretary');
		expect(parsed.interview?.interviewers).toEqual([]);
		expect(parsed.interview?.topics).toEqual([]);
		expect(parsed.interview?.followUps).toEqual([]);
		expect(parsed.interview?.contact).toMatchObject({ name: 'Jane Doe', link: 'People/Jane Doe' });
		expect(parsed.interview?.references).toMatchObject([{ name: 'Ann Smith', email: 'ann@example.org' }]);
		expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		// The one thing left to fill in is the date, and the parser says so.
		expect(parsed.diagnostics.map((d) => d.message).join('\n')).toMatch(/interview_date/);
	});

	it('the note parser reads contacts with separators in them back as written', () => {
		const tricky = person('Jane Doe', { title: 'Lead, Platform (EU)', email: 'jane@x.example' });
		const plain = person('Ann Smith', { title: 'CTO', email: 'ann@example.org', phone: '+1 555 0100' });
		const app = application('Acme', 'Clerk', [interview('a.md', '2026-11-16', { contact: tricky.id, references: [plain.id, tricky.id] })]);
		const r = renderTemplate('interview', buildTemplateContext({ application: app, index: new People([tricky, plain]), today: '2026-11-21' }));
		const parsed = parseNote('n.md', r.markdown, { interviewType: 'interview', interviewTag: 'interview', interviewFolders: [] });
		expect(parsed.interview?.contact).toMatchObject({ name: 'Jane Doe', title: 'Lead, Platform (EU)', email: 'jane@x.example' });
		expect(parsed.interview?.references).toMatchObject([
			{ name: 'Ann Smith', title: 'CTO', email: 'ann@example.org', phone: '+1 555 0100' },
			{ name: 'Jane Doe', title: 'Lead, Platform (EU)', email: 'jane@x.example' },
		]);
	});
});
