import type { App } from 'obsidian';
import type { Settings } from '../core/types';
import type { FollowUpIndexer } from './indexer';
import type { RowActions } from './rowActions';
import type { ViewPrefs } from './view';
import type { NoteWriter } from './writer';

/** What the parts of the plugin (view, commands, code block) need from it. */
export interface PluginHost {
	app: App;
	settings: Settings;
	indexer: FollowUpIndexer;
	writer: NoteWriter;
	followUps: RowActions;
	activateView(): Promise<void>;
	/** Opens the pipeline view in the main pane (or shows it where it is open). */
	activatePipelineView(): Promise<void>;
	newInterviewNote(): Promise<unknown>;
	saveSettings(): Promise<void>;
	/** The view's own state (closed groups, order), kept per vault in data.json. */
	viewPrefs: ViewPrefs;
	saveViewPrefs(): Promise<void>;
}
