import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildTemplateContext, isPlausibleEmail, mailtoLink, renderTemplate } from '../../../src/core/templates';
import { acme, person } from './fixtures';

/** Reads a mailto link back the way a mail client does (RFC 6068). */
function readMailto(link: string): { to: string; subject: string | null; body: string | null } {
	expect(link.startsWith('mailto:')).toBe(true);
	const rest = link.slice('mailto:'.length);
	const q = rest.indexOf('?');
	const to = decodeURIComponent(q < 0 ? rest : rest.slice(0, q));
	const fields = new Map<string, string>();
	if (q >= 0) {
		for (const pair of rest.slice(q + 1).split('&')) {
			const eq = pair.indexOf('=');
			fields.set(pair.slice(0, eq), decodeURIComponent(pair.slice(eq + 1)));
		}
	}
	return { to, subject: fields.get('subject') ?? null, body: fields.get('body') ?? null };
}

describe('mailto links (RFC 6068)', () => {
	it('subject and body round-trip through decodeURIComponent, with CRLF line breaks', () => {
		const { jane, app, index } = acme();
		const r = renderTemplate('thank-you', buildTemplateContext({ application: app, person: jane, index, today: '2026-11-17' }));
		expect(r.mailto).not.toBeNull();
		const back = readMailto(r.mailto!);
		expect(back.to).toBe('jane@acme.example');
		expect(back.subject).toBe(r.subject);
		// The body as rendered, but for the gift sentence whose placeholder nobody filled (the next test).
		expect(back.body).toBe(r.body.replace('\n\nOne more thing, since it came up when we spoke: [a link or tip about: training for the Boston marathon].', '').replace(/\n/g, '\r\n'));
		expect(r.mailto).toContain('%0D%0A');
		expect(r.mailto).not.toMatch(/(?<!%0D)%0A/);
		expect(r.mailto).not.toContain('+');
		expect(r.mailto).toContain('%20');
		expect(r.body).not.toMatch(/^Subject:/m);
	});

	it('a gift sentence whose placeholder is unfilled is left out of the link, and kept in the message a draft is made of', () => {
		const { jane, app, index } = acme();
		const r = renderTemplate('thank-you', buildTemplateContext({ application: app, person: jane, index, today: '2026-11-17' }));
		const sentence = 'One more thing, since it came up when we spoke: [a link or tip about: training for the Boston marathon].';
		expect(r.markdown).toContain(sentence);
		expect(r.body).toContain(sentence);
		const sent = readMailto(r.mailto!).body!;
		expect(sent).not.toContain('[a link or tip about');
		expect(sent).not.toContain('One more thing');
		// No blank paragraph is left where it stood.
		expect(sent).toContain('call me.\r\n\r\nKind regards,');
		// A draft sent unedited (the plugin's Email) loses it too, in a sentence of a paragraph or a paragraph of its own;
		// once the user has written the link in, the sentence goes out.
		for (const [draft, want] of [
			['Thanks. Here is something you may find interesting: [a link or tip about: the [[Paperless]] move]. Bye.', 'Thanks. Bye.'],
			['Hello,\n\nWhile thinking about the role, I had an idea that might help your team: [an idea or link about: x].\n\nBest', 'Hello,\r\n\r\nBest'],
			['Here is something you may find interesting: https://example.org/paperless. A [link](https://x.example) [[stays]].', 'Here is something you may find interesting: https://example.org/paperless. A [link](https://x.example) [[stays]].'],
		]) {
			expect(readMailto(mailtoLink('a@b.example', 'S', draft)!).body).toBe(want);
		}
	});

	it('spaces are %20, a plus sign is %2B, and & = # ? in the text cannot break the query', () => {
		const link = mailtoLink('a@b.example', 'C++ & Rust = fun? #1', 'x+y=z & more\nline two');
		expect(link).toBe('mailto:a@b.example?subject=C%2B%2B%20%26%20Rust%20%3D%20fun%3F%20%231&body=x%2By%3Dz%20%26%20more%0D%0Aline%20two');
		expect(readMailto(link!)).toEqual({ to: 'a@b.example', subject: 'C++ & Rust = fun? #1', body: 'x+y=z & more\r\nline two' });
	});

	it('any text round-trips, including non-Latin text and lone surrogates (made U+FFFD, never a throw)', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }), (subject, body) => {
				const link = mailtoLink('jane@acme.example', subject, body);
				expect(link).not.toBeNull();
				const back = readMailto(link!);
				const wf = (s: string) => s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g, (m) => (m.length === 2 ? m : '\uFFFD'));
				if (subject !== '') expect(back.subject).toBe(wf(subject.replace(/[\r\n]+/g, ' ')));
				if (body !== '') expect(back.body).toBe(wf(body.replace(/\r\n|\r|\n/g, '\r\n')));
			}),
		);
		const back = readMailto(mailtoLink('a@b.example', '山田太郎 Zoë שלום', 'x\uD800y')!);
		expect(back.subject).toBe('山田太郎 Zoë שלום');
		expect(back.body).toBe('x\uFFFDy');
	});

	it('addresses with unusual but valid characters are percent-encoded where RFC 6068 requires and read back', () => {
		for (const address of ["o'brien+jobs@acme.example", 'a&b=c?d#e%f@x.example', 'first.last@sub.domain.example', 'x{y}|z@q.example']) {
			expect(isPlausibleEmail(address), address).toBe(true);
			const link = mailtoLink(address, 'Hi', 'Body')!;
			const q = link.indexOf('?');
			expect(link.slice(7, q)).not.toMatch(/[?&#%=](?![0-9A-F]{2})/);
			expect(readMailto(link).to).toBe(address);
		}
	});

	it('never builds a link from an implausible or hostile address', () => {
		const hostile = [
			'javascript:alert(1)',
			'javascript:alert(1)//@x.example',
			'JaVaScRiPt:alert(document.cookie)',
			'data:text/html,<script>alert(1)</script>',
			'Jane Doe <jane@acme.example>',
			'jane@acme.example?cc=evil@x.example',
			'jane@acme.example\nBcc: evil@x.example',
			' jane@acme.example',
			'mailto:jane@acme.example',
			'jane@acme',
			'jane@@acme.example',
			'jane@acme..example',
			'.jane@acme.example',
			'jane.@acme.example',
			'ja..ne@acme.example',
			'jane@-acme.example',
			'jane',
			'',
			`${'a'.repeat(65)}@x.example`,
			`a@${'b'.repeat(250)}.example`,
			'山田@例え.jp',
			'<img src=x onerror=alert(1)>@x.example',
		];
		for (const address of hostile) {
			expect(isPlausibleEmail(address), address).toBe(false);
			expect(mailtoLink(address, 's', 'b'), address).toBeNull();
		}
		expect(mailtoLink(null, 's', 'b')).toBeNull();
		expect(mailtoLink(42, 's', 'b')).toBeNull();
	});

	it('a person with a hostile email value gets the note but no link', () => {
		const { app, index } = acme();
		const evil = person('Eve Evil', { email: 'javascript:alert(1)//@x.example' });
		const r = renderTemplate('thank-you', buildTemplateContext({ application: app, person: evil, index, today: '2026-11-17' }));
		expect(r.mailto).toBeNull();
		expect(r.subject).not.toBeNull();
		expect(r.body).toMatch(/^Dear Eve,/);
	});

	it('no email known: subject and body, no link; the interview note has neither', () => {
		const { app, index } = acme();
		const r = renderTemplate('status-check', buildTemplateContext({ application: app, person: person('Pat Noemail'), index, today: '2026-11-27' }));
		expect(r.mailto).toBeNull();
		expect(r.subject).not.toBeNull();
		const note = renderTemplate('interview', buildTemplateContext({ application: app, person: acme().jane, index, today: '2026-11-27' }));
		expect(note.mailto).toBeNull();
		expect(note.subject).toBeNull();
	});
});
