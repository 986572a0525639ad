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

/**
 * "stable across runs for the same action" (cli.md): the kind, then a hash of
 * the kind, the application, the person (for kinds with one action per
 * person, else '') and the anchor (the date the action counts from: an
 * interview, a round, a contact).
 */
export function actionId(kind: ActionKind, application: string, person: string, anchor: string): string {
	return `${kind}-${shortHash(kind, application, person, anchor)}`;
}
