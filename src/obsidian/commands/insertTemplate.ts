/**
 * The "insert a ... into the current note" commands: pick the person (from
 * the application of the current interview note), fill the template, insert
 * it at the cursor of the most recent editor (as Draft does).
 */
import { Notice, type Command } from 'obsidian';
import type { Application, Person } from '../../core/types';
import { buildTemplateContext, recipientIds, renderTemplate, templateWarnings, type TemplateKind } from '../../core/templates';
import type { PluginHost } from '../host';
import { ChoiceModal } from '../ui/modals';

export type MessageKind = Exclude<TemplateKind, 'interview'>;

/** The application whose interview notes include `path`. */
export function applicationOf(host: PluginHost, path: string): Application | null {
	return host.indexer.index.applicationOf(path) ?? null;
}

/** The people a message of `kind` may go to, most likely first (core `recipientIds`). */
function candidates(host: PluginHost, app: Application, path: string, kind: MessageKind): Person[] {
	return recipientIds(kind, app, path)
		.map((id) => host.indexer.index.person(id))
		.filter((p): p is Person => p !== undefined);
}

/**
 * The Insert commands, one per template kind but the new interview note:
 * their ids (the first four kept from v1, so hotkeys the user set still work),
 * names, and whom the message goes to (empty: nobody, a note for the user).
 */
const INSERT_COMMANDS: Readonly<Record<MessageKind, { id: string; name: string; who: string }>> = {
	'thank-you': { id: 'insert-thank-you-note', name: 'Insert a thank-you note', who: 'interviewer' },
	'ask-timeline': { id: 'insert-timeline-question', name: 'Insert a question about the timeline', who: 'contact' },
	'status-check': { id: 'insert-status-check', name: 'Insert a status check', who: 'contact' },
	'reference-alert': { id: 'insert-reference-heads-up', name: 'Insert a reference heads-up', who: 'reference' },
	'referral-request': { id: 'insert-referral-request', name: 'Insert a referral request', who: 'contact' },
	withdraw: { id: 'insert-withdrawal', name: 'Insert a withdrawal', who: 'contact' },
	prepare: { id: 'insert-preparation', name: 'Insert notes to prepare the next round', who: '' },
};

/** Fills the template of `kind` for `person` and puts it into the note (`RowActions.placeDraft`). */
export async function insertMessage(host: PluginHost, path: string, kind: MessageKind, person: Person | null): Promise<void> {
	const app = applicationOf(host, path);
	const context = buildTemplateContext({
		kind,
		application: app,
		person,
		index: host.indexer.index,
		settings: host.settings,
		today: host.followUps.today(),
		interviewPath: path,
	});
	const r = renderTemplate(kind, context, { userTemplates: await host.followUps.userTemplates(), templatesFolder: host.settings.templatesFolder });
	const warnings = templateWarnings({ kind, application: app, person, interviewPath: path, now: host.indexer.now(), applications: host.indexer.index.applications(), people: (id) => host.indexer.index.person(id)?.name });
	for (const d of [...r.diagnostics, ...warnings]) new Notice(`${d.note}: ${d.message}`);
	await host.followUps.placeDraft(path, kind, person?.name ?? null, r.markdown);
}

/**
 * An Insert command: offered while the most recent Markdown editor
 * (`workspace.activeEditor`, which stays set while the sidebar has the focus)
 * shows an interview note; asks whom to write to when several may be meant.
 */
function insertCommand(host: PluginHost, kind: MessageKind): Command {
	const { id, name, who } = INSERT_COMMANDS[kind];
	return {
		id,
		name,
		checkCallback: (checking: boolean) => {
			const active = host.app.workspace.activeEditor;
			const path = active?.editor ? active.file?.path : undefined;
			const app = path === undefined ? null : applicationOf(host, path);
			if (checking || path === undefined || app === null) return app !== null;
			if (who === '') {
				void insertMessage(host, path, kind, null);
				return true;
			}
			const people = candidates(host, app, path, kind);
			if (people.length === 0) {
				new Notice(`This note names no ${who} yet. Add one to its frontmatter first.`);
				return true;
			}
			const run = (p: Person) => void insertMessage(host, path, kind, p);
			if (people.length === 1) run(people[0]);
			else
				new ChoiceModal(
					host.app,
					people.map((p) => ({ label: p.title ? `${p.name} (${p.title})` : p.name, value: p })),
					run,
					`Whom to write to (the ${who})`,
				).open();
			return true;
		},
	};
}

/** Every Insert command, in the order of the template kinds. */
export function insertCommands(host: PluginHost): Command[] {
	return (Object.keys(INSERT_COMMANDS) as MessageKind[]).map((kind) => insertCommand(host, kind));
}
