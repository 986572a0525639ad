/**
 * What `log` and `snooze` check before they write (cli.md v2, "Before it writes"): the note is an
 * interview note, and the person is one of its application, found by full name or by a unique
 * first or last name and written as the notes spell it. `force` lets through what `--force` may.
 */
import { excludingFolder } from '../classify';
import type { VaultIndex } from '../vaultIndex';
import { applicationPeople } from './facts';
import { matchPerson } from './ids';

export type EntryCheck = { ok: true; person: string | null } | { ok: false; message: string };

export function checkEntry(index: VaultIndex, path: string, person: string | null, force: boolean): EntryCheck {
	// A template's entry would be copied into every note made from it; not even --force writes there.
	const folder = excludingFolder(path, index.classifier);
	if (folder !== null) {
		return { ok: false, message: `'${path}' is in an excluded folder ('${folder}': templates folders and the excluded folders hold no interview notes); write in the interview note itself` };
	}
	const note = index.note(path);
	if (note === undefined || !note.isInterview) {
		if (force) return { ok: true, person };
		return { ok: false, message: `'${path}' is not an interview note (no 'type: interview', interview tag or interview folder); write in the interview note, or pass --force` };
	}
	if (person === null) return { ok: true, person };
	const app = index.applicationOf(path);
	const ids = app === undefined ? [] : applicationPeople(app.interviews);
	const m = matchPerson(person, ids);
	const name = (id: string): string => index.person(id)?.name ?? id;
	if (m.id !== null) return { ok: true, person: name(m.id) };
	if (force) return { ok: true, person };
	if (m.several.length > 1) return { ok: false, message: `'${person}' could be ${m.several.map(name).join(' or ')}; write the full name` };
	const where = app === undefined ? path : `${app.company}${app.role === null ? '' : ` (${app.role})`}`;
	const named = ids.length === 0 ? 'nobody yet' : ids.map(name).join(', ');
	return { ok: false, message: `'${person}' is not an interviewer, contact or reference of ${where} (the notes name ${named}); check the spelling, or pass --force to write it as typed` };
}
