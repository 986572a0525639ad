/**
 * Bases (Obsidian 1.9+): the command that writes a base of the user's
 * applications, and the "Follow-ups" view for any base (Obsidian 1.10+):
 * the due list of the notes the base's filters select.
 *
 * `BasesView` exists only from Obsidian 1.10 on, so the view's class is made
 * inside `registerFollowUpsBasesView`, after the version check: the plugin
 * still loads on older apps (minAppVersion stays).
 */
import { BasesView, Notice, TFile, requireApiVersion, type Command, type Plugin, type QueryController } from 'obsidian';
import { applicationsBase } from '../core/basesFile';
import type { Schedule } from '../core/rules';
import type { PluginHost } from './host';
import { buildDueList } from './presenters/dueList';
import { renderDueList } from './ui/renderList';
import { rowHandlers } from './view';

export const BASES_VIEW_TYPE = 'interview-followups';
export const BASE_FILE_NAME = 'Interview applications';

/** Writes the base (a new name if one exists) and opens it. */
export async function createApplicationsBase(host: PluginHost): Promise<TFile> {
	const { vault, workspace } = host.app;
	// The same classifier as the index: type, tag and folders, less the excluded and templates folders.
	const text = applicationsBase(host.indexer.classifier());
	let path = `${BASE_FILE_NAME}.base`;
	for (let n = 2; vault.getAbstractFileByPath(path) !== null; n++) path = `${BASE_FILE_NAME} ${n}.base`;
	const file = await vault.create(path, text);
	await workspace.getLeaf(false).openFile(file);
	return file;
}

export function createBaseCommand(host: PluginHost): Command {
	return {
		id: 'create-applications-base',
		name: 'Create a base of my applications',
		// Bases came with Obsidian 1.9: before it, the file could not be opened.
		checkCallback: (checking) => {
			if (!requireApiVersion('1.9.0')) return false;
			if (!checking) {
				createApplicationsBase(host).then(
					(file) => new Notice(`Created ${file.path}: your interview notes, grouped by status.`),
					(e: unknown) => new Notice(`Could not create the base: ${e instanceof Error ? e.message : String(e)}`),
				);
			}
			return true;
		},
	};
}

/** The schedule's actions for the applications that have a note in `paths`. */
export function scheduleForNotes(host: PluginHost, schedule: Schedule, paths: ReadonlySet<string>): Schedule {
	const apps = new Set<string>();
	for (const app of host.indexer.index.applications()) {
		if (app.interviews.some((iv) => paths.has(iv.path))) apps.add(app.id);
	}
	return { ...schedule, actions: schedule.actions.filter((a) => a.application !== null && apps.has(a.application)) };
}

/**
 * Registers the "Follow-ups" Bases view where the app has the API
 * (Obsidian 1.10); returns whether it did.
 */
export function registerFollowUpsBasesView(plugin: Plugin, host: PluginHost): boolean {
	if (requireApiVersion('1.10.0')) {
		class FollowUpsBasesView extends BasesView {
			type = BASES_VIEW_TYPE;

			constructor(
				controller: QueryController,
				private readonly el: HTMLElement,
			) {
				super(controller);
			}

			override onload(): void {
				this.register(host.indexer.onChange(() => this.onDataUpdated()));
			}

			onDataUpdated(): void {
				const el = this.el;
				el.empty();
				el.addClass('ifu-bases-view');
				const schedule = host.indexer.schedule;
				if (!host.indexer.ready || schedule === null) {
					el.createDiv({ cls: 'ifu-loading', text: 'Reading your interview notes…' });
					return;
				}
				const paths = new Set(this.data.data.map((entry) => entry.file.path));
				const list = buildDueList(scheduleForNotes(host, schedule, paths), host.settings.withinDays);
				renderDueList(el.createDiv(), list, rowHandlers(host, 'preview'), { waiting: false, emptyHelp: false, diagnostics: [] });
			}
		}

		return plugin.registerBasesView(BASES_VIEW_TYPE, {
			name: 'Follow-ups',
			icon: 'calendar-check',
			factory: (controller, containerEl) => new FollowUpsBasesView(controller, containerEl),
		});
	}
	return false;
}
