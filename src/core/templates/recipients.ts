/**
 * Whom a message of each kind may go to, most likely first: the command line
 * takes the first (when the schedule names nobody), the plugin's Insert
 * commands offer them all.
 */
import type { Application } from '../types';
import type { TemplateKind } from './kinds';

/**
 * Person ids from the interview note at `path` first, then from the
 * application's notes, latest first: the interviewers for a thank-you, the
 * references for a heads-up, else the contact and then the interviewers.
 */
export function recipientIds(kind: TemplateKind, app: Application, path: string | null): string[] {
	const here = app.interviews.filter((i) => i.path === path);
	const notes = [...here, ...[...app.interviews].reverse()];
	const ids =
		kind === 'thank-you'
			? notes.flatMap((i) => i.interviewers)
			: kind === 'reference-alert'
				? notes.flatMap((i) => i.references)
				: [...notes.flatMap((i) => (i.contact === null ? [] : [i.contact])), ...notes.flatMap((i) => i.interviewers)];
	return [...new Set(ids)];
}
