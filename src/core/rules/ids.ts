/**
 * Ids: the person a log entry or a snooze names, and each action's stable id.
 */
import { parseWikiLink, personKey } from '../contacts';
import { shortHash } from '../hash';
import type { ActionKind } from '../types';

/**
 * The person id a name stands for: `personKey` (contacts.ts: lowercased,
 * spacing collapsed). A name still written as a wikilink
 * (`[[People/Jane Doe|Jane]]`) stands for the linked note's name.
 */
export function personKeyOf(name: string): string {
	const link = parseWikiLink(name);
	return personKey(link === null ? name : link.basename);
}

/** Whom a name in a log entry, a snooze or a topic names among the people of its application. */
export type PersonMatch = { id: string } | { id: null; several: string[] };

/**
 * The person of an application a name names (note-format.md v2): the full
 * name (`personKeyOf`), else a first or last name that only one of `ids` has
 * (`Tina` for Tina Eight). `several` lists the people a name fits when it
 * fits more than one (by id, so every caller names them in one order);
 * empty when it fits nobody.
 */
export function matchPerson(name: string, ids: Iterable<string>): PersonMatch {
	const key = personKeyOf(name);
	const fitting: string[] = [];
	for (const id of ids) {
		if (id === key) return { id };
		if (key === '' || key.includes(' ')) continue;
		const words = id.split(' ');
		if (words.length > 1 && (words[0] === key || words[words.length - 1] === key)) fitting.push(id);
	}
	return fitting.length === 1 ? { id: fitting[0] } : { id: null, several: fitting.sort() };
}

/**
 * "stable across runs for the same action" (cli.md): the kind, then a hash of
 * the kind, the application, the person (for kinds with one action per
 * person, else '') and the anchor (the date the action counts from: an
 * interview, a round, a contact).
 */
export function actionId(kind: ActionKind, application: string, person: string, anchor: string): string {
	return `${kind}-${shortHash(kind, application, person, anchor)}`;
}
