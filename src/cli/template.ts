/**
 * `template KIND --note NOTE [--person NAME] [--templates DIR] [--vault VAULT]`:
 * prints the filled template for an interview note (its application, the
 * person it is for), using the user's template of that kind when the
 * templates folder has one. `template --action ID` prints the message for one
 * action of `due --json`. Warnings (a message that does not fit the notes)
 * go to stderr; the message is printed all the same.
 */
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { localToday } from '../core/dates';
import { personKey } from '../core/contacts';
import { computeSchedule } from '../core/rules';
import {
	buildTemplateContext,
	isTemplateKind,
	recipientIds,
	renderForAction,
	renderTemplate,
	TEMPLATE_KINDS,
	templateFileName,
	templateKindForAction,
	templateWarnings,
	type RenderResult,
	type TemplateKind,
} from '../core/templates';
import type { Application, Diagnostic, Interview, Person } from '../core/types';
import { flag, stringOption, UsageError, type Parsed } from './args';
import { nowOf, parseDateOption, settingsWithOptions, vaultArgument, type Io } from './common';
import { VaultLoader } from './vaultLoader';
import { diagnosticLine, terminalJson, terminalText } from './format';
import { progressFor } from './progress';
import { resolveNotePath } from './vault';

export function runTemplate(parsed: Parsed, io: Io): number {
	const actionId = stringOption(parsed, 'action');
	if (actionId !== undefined) return runForAction(parsed, io, actionId);
	const kindArg = parsed.positionals[0];
	if (kindArg === undefined) {
		throw new UsageError(`template: missing KIND (${TEMPLATE_KINDS.join(', ')}) or --action ID`);
	}
	if (!isTemplateKind(kindArg)) {
		throw new UsageError(`template: unknown kind '${kindArg}'; use one of ${TEMPLATE_KINDS.join(', ')}`);
	}
	const kind: TemplateKind = kindArg;
	const noteArg = stringOption(parsed, 'note');
	if (noteArg === undefined && kind !== 'interview') {
		throw new UsageError(`template: --note NOTE is needed: the interview note the ${kind} is about (relative to the vault)`);
	}
	const todayText = stringOption(parsed, 'today');
	const today = todayText === undefined ? localToday() : parseDateOption('today', todayText);
	const vault = vaultArgument(parsed, undefined);
	const settings = settingsWithOptions(vault, parsed, io);
	const templates = templatesFolder(vault, stringOption(parsed, 'templates'), settings.templatesFolder, io);
	const note = noteArg === undefined ? null : resolveNotePath(vault, noteArg, io.cwd);

	const loader = new VaultLoader(vault, settings);
	loader.loadAll(progressFor(io));
	const index = loader.index;
	const now = nowOf(todayText === undefined ? null : today);

	let application: Application | null = null;
	let interview: Interview | null = null;
	if (note !== null) {
		const parsedNote = index.note(note.path);
		if (!parsedNote?.isInterview) {
			throw new UsageError(
				`template: '${note.path}' is not an interview note; add 'type: interview' to its frontmatter or tag it #interview (or pass --folder)`,
			);
		}
		application = index.applicationOf(note.path) ?? null;
		interview = application?.interviews.find((i) => i.path === note.path) ?? null;
		if (application === null && kind !== 'interview') {
			io.stderr.write(`interview-followups: warning: ${note.path} names no company, so it belongs to no application; the template is filled as far as possible\n`);
		}
	}

	const personArg = stringOption(parsed, 'person');
	let person: Person | null = null;
	if (personArg !== undefined && personArg.trim() !== '') {
		const id = personKey(personArg);
		person = index.person(id) ?? null;
		if (person === null) {
			io.stderr.write(`interview-followups: warning: no note names '${personArg}'; the template uses the name only\n`);
			person = { id, name: personArg.trim(), title: null, email: null, phone: null, company: application?.company ?? null, path: null, topics: [] };
		}
	} else if (kind !== 'interview' && kind !== 'prepare') {
		person = defaultPerson(kind, application, interview, loader, today, settings);
	}

	const context = buildTemplateContext({
		kind,
		application,
		person,
		index,
		settings,
		today,
		now,
		interviewPath: note?.path ?? null,
	});
	const userTemplates = templates === null ? null : readUserTemplate(templates, kind);
	const result = renderTemplate(kind, context, { userTemplates, templatesFolder: templates?.label ?? settings.templatesFolder });
	const warnings = templateWarnings({ kind, application, person, interviewPath: note?.path ?? null, now, applications: index.applications(), people: (id) => index.person(id)?.name });
	return print(parsed, io, { kind, note: note?.path ?? null, person, result, diagnostics: [...result.diagnostics, ...warnings] });
}

interface Printed {
	kind: TemplateKind;
	note: string | null;
	person: Pick<Person, 'name' | 'title' | 'email' | 'phone'> | null;
	result: RenderResult;
	diagnostics: readonly Diagnostic[];
	/** `--action`: the ids of the actions the message answers. */
	covers?: string[];
}

function print(parsed: Parsed, io: Io, p: Printed): number {
	for (const d of p.diagnostics) io.stderr.write(`interview-followups: ${diagnosticLine(d)}\n`);
	const { result, person } = p;
	if (flag(parsed, 'json')) {
		const doc: Record<string, unknown> = {
			kind: p.kind,
			note: p.note,
			person: person === null ? null : { name: person.name, title: person.title, email: person.email, phone: person.phone },
			subject: result.subject,
			body: result.body,
			markdown: result.markdown,
			mailto: result.mailto,
			source: result.source,
		};
		if (p.covers !== undefined) doc.actions = p.covers;
		io.stdout.write(`${terminalJson(JSON.stringify(doc, null, 2))}\n`);
		return 0;
	}
	const markdown = terminalText(result.markdown, true);
	io.stdout.write(markdown.endsWith('\n') ? markdown : `${markdown}\n`);
	return 0;
}

/** `template --action ID`: the message for one action of the schedule, as `due --json` lists it. */
function runForAction(parsed: Parsed, io: Io, id: string): number {
	if (parsed.positionals.length > 0 || stringOption(parsed, 'note') !== undefined || stringOption(parsed, 'person') !== undefined) {
		throw new UsageError('template: --action ID takes the kind, note and person from the action; give no KIND, --note or --person with it');
	}
	const todayText = stringOption(parsed, 'today');
	const today = todayText === undefined ? localToday() : parseDateOption('today', todayText);
	const vault = vaultArgument(parsed, undefined);
	const settings = settingsWithOptions(vault, parsed, io);
	const templates = templatesFolder(vault, stringOption(parsed, 'templates'), settings.templatesFolder, io);
	const loader = new VaultLoader(vault, settings);
	loader.loadAll(progressFor(io));
	const now = nowOf(todayText === undefined ? null : today);
	const schedule = computeSchedule(loader.index, now, settings);
	const action = schedule.actions.find((a) => a.id === id);
	if (action === undefined) {
		throw new UsageError(`template: no open action has the id '${id}' (as of ${today}); take an id from 'due --json'${todayText === undefined ? '' : ' with the same --today'}`);
	}
	const kind = templateKindForAction(action.kind);
	if (kind === null) {
		throw new UsageError(`template: a ${action.kind} action has no message to draft; it is something to do, not to send`);
	}
	// Both kinds of a combined message may have a user template: read them all.
	const userTemplates: Partial<Record<TemplateKind, string>> = {};
	if (templates !== null) for (const k of TEMPLATE_KINDS) Object.assign(userTemplates, readUserTemplate(templates, k) ?? {});
	const message = renderForAction(action, loader.index, {
		today,
		now,
		settings,
		actions: schedule.actions,
		userTemplates,
		templatesFolder: templates?.label ?? settings.templatesFolder,
	});
	if (message === null) throw new UsageError(`template: a ${action.kind} action has no message to draft`);
	return print(parsed, io, {
		kind: message.kind,
		note: action.note,
		person: action.person,
		result: message,
		diagnostics: message.diagnostics,
		covers: message.covers,
	});
}

interface TemplatesDir {
	abs: string;
	/** As shown in messages. */
	label: string;
}

/** `--templates DIR` (vault-relative, else relative to the current folder, or absolute), else the setting. */
function templatesFolder(vault: string, option: string | undefined, setting: string, io: Io): TemplatesDir | null {
	const isDir = (p: string): boolean => {
		try {
			return statSync(p).isDirectory();
		} catch {
			return false;
		}
	};
	if (option !== undefined) {
		const tries = isAbsolute(option) ? [option] : [join(vault, option), resolve(io.cwd, option)];
		const found = tries.find(isDir);
		if (found === undefined) throw new UsageError(`template: templates folder '${option}' not found; give a folder holding KIND.md files (e.g. thank-you.md)`);
		return { abs: found, label: option };
	}
	if (setting.trim() === '') return null;
	const abs = join(vault, setting);
	if (!isDir(abs)) {
		io.stderr.write(`interview-followups: warning: the templates folder '${setting}' (setting templatesFolder) is not in the vault; using the built-in templates\n`);
		return null;
	}
	return { abs, label: setting };
}

function readUserTemplate(dir: TemplatesDir, kind: TemplateKind): Partial<Record<TemplateKind, string>> | null {
	try {
		return { [kind]: readFileSync(join(dir.abs, templateFileName(kind)), 'utf8').replace(/^\uFEFF/, '') };
	} catch {
		return null;
	}
}

/** Whom the template is for when --person is not given: the person the schedule names, else the obvious one. */
function defaultPerson(
	kind: TemplateKind,
	application: Application | null,
	interview: Interview | null,
	loader: VaultLoader,
	today: string,
	settings: VaultLoader['settings'],
): Person | null {
	const index = loader.index;
	if (application === null) return null;
	const schedule = computeSchedule(index, nowOf(today), settings);
	const matching = schedule.actions.filter((a) => a.application === application.id && a.person !== null && templateKindForAction(a.kind) === kind);
	const best = matching.find((a) => a.note === interview?.path) ?? matching[0];
	if (best?.person) {
		return (
			index.person(personKey(best.person.name)) ?? {
				id: personKey(best.person.name),
				name: best.person.name,
				title: best.person.title,
				email: best.person.email,
				phone: best.person.phone,
				company: application.company,
				path: null,
				topics: best.gifts,
			}
		);
	}
	for (const id of recipientIds(kind, application, interview?.path ?? null)) {
		const p = index.person(id);
		if (p) return p;
	}
	return null;
}
