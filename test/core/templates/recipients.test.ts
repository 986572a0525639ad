/** Whom each kind of message may go to: one ordering for the command line's default and the plugin's Insert commands. */
import { describe, expect, it } from 'vitest';
import { recipientIds } from '../../../src/core/templates';
import { application, interview } from './fixtures';

const app = application('Acme Finance', 'Secretary', [
	interview('r1.md', '2026-11-02', { interviewers: ['ann', 'bob'], contact: 'carl', references: ['ref1'] }),
	interview('r2.md', '2026-11-09', { interviewers: ['dee', 'ann'], references: ['ref2', 'ref1'] }),
	interview('r3.md', '2026-11-16', { interviewers: ['eve'], contact: 'fay' }),
]);

describe('recipientIds', () => {
	it('a thank-you: the interviewers of the note first, then the others, latest round first, each once', () => {
		expect(recipientIds('thank-you', app, 'r1.md')).toEqual(['ann', 'bob', 'eve', 'dee']);
		expect(recipientIds('thank-you', app, null)).toEqual(['eve', 'dee', 'ann', 'bob']);
	});

	it('a reference heads-up: the references, the note\'s first', () => {
		expect(recipientIds('reference-alert', app, 'r1.md')).toEqual(['ref1', 'ref2']);
		expect(recipientIds('reference-alert', app, 'r3.md')).toEqual(['ref2', 'ref1']);
	});

	it('the other messages: the contact (the note\'s, then the latest), then the interviewers', () => {
		expect(recipientIds('status-check', app, 'r1.md')).toEqual(['carl', 'fay', 'ann', 'bob', 'eve', 'dee']);
		expect(recipientIds('withdraw', app, 'r2.md')).toEqual(['fay', 'carl', 'dee', 'ann', 'eve', 'bob']);
		expect(recipientIds('ask-timeline', app, 'elsewhere.md')).toEqual(['fay', 'carl', 'eve', 'dee', 'ann', 'bob']);
	});
});
