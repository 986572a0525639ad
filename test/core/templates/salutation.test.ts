import { describe, expect, it } from 'vitest';
import { addressName, buildTemplateContext, renderTemplate } from '../../../src/core/templates';
import { VaultIndex } from '../../../src/core/vaultIndex';
import { application, interview, People, person } from './fixtures';

const C = { interviewType: 'interview', interviewTag: 'interview', interviewFolders: [] };

describe('how people are addressed', () => {
	it('without a salutation: the first name; a title with the family name; a family-name-first name whole', () => {
		expect(addressName('Jane Doe')).toBe('Jane');
		expect(addressName('Dr. Amara Okafor')).toBe('Dr. Okafor');
		expect(addressName('Prof Li Wei')).toBe('Prof Wei');
		expect(addressName('山田 太郎')).toBe('山田 太郎');
		expect(addressName('山田太郎')).toBe('山田太郎');
		expect(addressName('김 민준')).toBe('김 민준');
		expect(addressName('Nagy Erzsébet', true)).toBe('Nagy Erzsébet');
		expect(addressName('')).toBe('');
	});

	it('the setting familyNameFirst keeps every name whole in the greeting', () => {
		const p = person('Nagy Erzsébet');
		const app = application('Acme', 'Clerk', [interview('a.md', '2026-11-16', { interviewers: [p.id] })]);
		const view = buildTemplateContext({ application: app, person: p, index: new People([p]), today: '2026-11-17', settings: { familyNameFirst: true } });
		expect(view.greeting).toBe('Dear Nagy Erzsébet,');
		expect(buildTemplateContext({ application: app, person: p, index: new People([p]), today: '2026-11-17' }).greeting).toBe('Dear Nagy,');
	});

	it('salutation from the person note, and from an object contact, wins', () => {
		const vi = new VaultIndex(C);
		vi.upsert('People/Amara Okafor.md', '---\ntitle: CTO\nsalutation: Dr. Okafor\n---\n');
		vi.upsert(
			'a.md',
			'---\ntype: interview\ncompany: Acme\nrole: Clerk\ninterview_date: 2026-11-16\ninterviewers:\n  - "[[Amara Okafor]]"\n  - {name: Taro Yamada, salutation: Yamada-san}\n---\n',
		);
		const amara = vi.person('amara okafor')!;
		const taro = vi.person('taro yamada')!;
		expect(amara.salutation).toBe('Dr. Okafor');
		expect(taro.salutation).toBe('Yamada-san');
		const app = vi.applications()[0];
		for (const [p, greeting] of [[amara, 'Dear Dr. Okafor,'], [taro, 'Dear Yamada-san,']] as const) {
			const r = renderTemplate('thank-you', buildTemplateContext({ application: app, person: p, index: vi, today: '2026-11-17' }));
			expect(r.markdown).toContain(`\n${greeting}\n`);
		}
	});

	it('the setting signOff replaces the built-in closing in every message', () => {
		const p = person('Jane Doe');
		const app = application('Acme', 'Clerk', [interview('a.md', '2026-11-16', { interviewers: [p.id], contact: p.id })]);
		for (const kind of ['thank-you', 'ask-timeline', 'status-check', 'reference-alert', 'referral-request', 'withdraw'] as const) {
			const r = renderTemplate(kind, buildTemplateContext({ kind, application: app, person: p, index: new People([p]), today: '2026-11-30', settings: { signOff: 'Best,', userName: 'Sam' } }));
			expect(r.markdown, kind).toMatch(/\nBest,\nSam\n$/);
		}
	});
});

describe('the note keys of note-format v2 the messages use', () => {
	it('pitch (alias strengths) and skills are read from the note', () => {
		const vi = new VaultIndex(C);
		vi.upsert('a.md', '---\ntype: interview\ncompany: Acme\nrole: Clerk\ninterview_date: 2026-11-16\nstrengths: ten years of bookkeeping\nskills: [bookkeeping, payroll]\n---\n');
		const iv = vi.applications()[0].interviews[0];
		expect(iv.pitch).toBe('ten years of bookkeeping');
		expect(iv.skills).toEqual(['bookkeeping', 'payroll']);
	});
});
