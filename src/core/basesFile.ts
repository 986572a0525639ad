/**
 * The `.base` file of "Create a base of my applications": a Bases query
 * (Obsidian 1.9+) that selects the interview notes as this tool classifies
 * them (their type, their tag, their folder; never under an excluded or
 * templates folder), with a table grouped by `status` and a cards view.
 * The structure is the one Obsidian documents for `.base` files
 * (https://help.obsidian.md/bases/syntax): `filters`, `properties`, `views`.
 *
 * Pure: no `obsidian`, no Node built-in, no DOM.
 */
import { stringify } from 'yaml';
import type { Settings } from './types';

export type BaseClassifier = Pick<Settings, 'interviewType' | 'interviewTag' | 'interviewFolders'> & {
	/** Folders never read as interview notes (templates folders, the excluded folders). */
	excludedFolders?: readonly string[];
};

/** A string literal of the Bases expression language (double quotes, backslash escapes). */
function literal(s: string): string {
	return JSON.stringify(s);
}

function folder(f: string): string {
	return f.trim().replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
}

/** The base as data, before it is written as YAML. */
export function applicationsBaseData(c: BaseClassifier): Record<string, unknown> {
	const anyOf: string[] = [];
	const type = c.interviewType.trim();
	if (type !== '') anyOf.push(`type == ${literal(type)}`);
	const tag = c.interviewTag.trim().replace(/^#+/, '');
	// file.hasTag counts nested tags (interview/onsite) as the tool does.
	if (tag !== '') anyOf.push(`file.hasTag(${literal(tag)})`);
	for (const f of c.interviewFolders.map(folder)) if (f !== '') anyOf.push(`file.inFolder(${literal(f)})`);
	const excluded = (c.excludedFolders ?? []).map(folder).filter((f) => f !== '');
	const all: unknown[] = ['file.ext == "md"', { or: anyOf.length > 0 ? anyOf : ['false'] }];
	if (excluded.length > 0) all.push({ not: excluded.map((f) => `file.inFolder(${literal(f)})`) });
	return {
		filters: { and: all },
		properties: {
			'note.company': { displayName: 'Company' },
			'note.role': { displayName: 'Role' },
			'note.interview_date': { displayName: 'Interview date' },
			'note.decision_date': { displayName: 'Decision date' },
			'note.status': { displayName: 'Status' },
		},
		views: [
			{
				type: 'table',
				name: 'Applications by status',
				groupBy: { property: 'note.status', direction: 'ASC' },
				order: ['file.name', 'note.company', 'note.role', 'note.interview_date', 'note.decision_date'],
			},
			{
				type: 'cards',
				name: 'Cards',
				order: ['note.company', 'note.role', 'note.interview_date', 'note.status'],
			},
		],
	};
}

/** The text of the `.base` file. */
export function applicationsBase(c: BaseClassifier): string {
	return `# Interview notes, as Interview Follow-ups reads them. Edit freely; the plugin does not rewrite this file.\n${stringify(applicationsBaseData(c), { lineWidth: 0 })}`;
}
