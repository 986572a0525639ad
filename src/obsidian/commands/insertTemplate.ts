/**
 * The "insert a ... into the current note" commands: pick the person (from
 * the application of the current interview note), fill the template, insert
 * it at the cursor.
 */
import { Notice, type Command, type Editor, type MarkdownFileInfo, type MarkdownView } from 'obsidian';
import type { Application, Person } from '../../core/types';
import { buildTemplateContext, draftHeading, renderTemplate, templateWarnings, type TemplateKind } from '../../core/templates';
import { insertAtCursor } from '../insertAtCursor';
import type { PluginHost } from '../host';
import { ChoiceModal } from '../ui/modals';

export type MessageKind = Exclude<TemplateKind, 'interview'>;

/** The application whose interview notes include `path`. */
export function applicationOf(host: PluginHost, path: string): Application | null {
	const apps: readonly Application[] = host.indexer.index.applications();
	return apps.find((a) => a.interviews.some((i) => i.path === path)) ?? null;
}

/** The people a message of `kind` may go to, most likely first. */
export function candidates(host: PluginHost, app: Application, path: string, kind: MessageKind): Person[] {
	const ids: string[] = [];
	const add = (id: string | null) => {
		if (id !== null && !ids.includes(id)) ids.push(id);
	};
	const here = app.interviews.find((i) => i.path === path);
	const latestFirst = [...app.interviews].reverse();
	if (kind === 'thank-you') {
		here?.interviewers.forEach(add);
		latestFirst.forEach((i) => i.interviewers.forEach(add));
	} else if (kind === 'reference-alert') {
		latestFirst.forEach((i) => i.references.forEach(add));
	} else {
		latestFirst.forEach((i) => add(i.contact));
		latestFirst.forEach((i) => i.interviewers.forEach(add));
	}
	return ids.map((id) => host.indexer.index.person(id)).filter((p): p is Person => p !== undefined);
}

const WHO: Record<MessageKind, string> = {
	'thank-you': 'interviewer',
	'status-check': 'contact',
	'reference-alert': 'reference',
	'referral-request': 'contact',
	'ask-timeline': 'contact',
	withdraw: 'contact',
	prepare: 'interviewer',
};

/**
 * Fills the template for `person` and inserts it at the cursor of the most
 * recent Markdown editor (`workspace.activeEditor`, else the command's own),
 * after a selection rather than over it, never inside the properties.
 */
export async function insertMessage(host: PluginHost, editor: Editor, path: string, kind: MessageKind, person: Person): Promise<void> {
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
	const warnings = templateWarnings({ kind, application: app, person, interviewPath: path, now: host.indexer.now(), applications: host.indexer.index.applications() });
	for (const d of [...r.diagnostics, ...warnings]) new Notice(`${d.note}: ${d.message}`);
	const active = host.app.workspace.activeEditor;
	const target = active?.file?.path === path && active.editor ? active.editor : editor;
	const heading = kind === 'prepare' ? '' : `${draftHeading(kind, person.name)}\n\n`;
	insertAtCursor(target, `${heading}${r.markdown}`);
}

export function insertTemplateCommand(host: PluginHost, kind: MessageKind, id: string, name: string): Command {
	return {
		id,
		name,
		editorCheckCallback: (checking: boolean, editor: Editor, ctx: MarkdownView | MarkdownFileInfo) => {
			const path = ctx.file?.path;
			if (!path) return false;
			const app = applicationOf(host, path);
			if (checking) return app !== null;
			if (!app) return false;
			const people = candidates(host, app, path, kind);
			if (people.length === 0) {
				new Notice(`This note names no ${WHO[kind]} yet. Add one to its frontmatter first.`);
				return true;
			}
			const run = (p: Person) => void insertMessage(host, editor, path, kind, p);
			if (people.length === 1) run(people[0]);
			else
				new ChoiceModal(
					host.app,
					people.map((p) => ({ label: p.title ? `${p.name} (${p.title})` : p.name, value: p })),
					run,
					`Whom to write to (the ${WHO[kind]})`,
				).open();
			return true;
		},
	};
}
