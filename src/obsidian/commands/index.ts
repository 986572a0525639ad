import type { Command } from 'obsidian';
import type { PluginHost } from '../host';
import { exportIcsCommand } from './exportIcs';
import { insertCommands } from './insertTemplate';
import { logFollowUpCommand } from './logFollowUp';
import { newInterviewNoteCommand } from './newInterviewNote';
import { openPipelineCommand } from './openPipeline';
import { openViewCommand } from './openView';
import { createBaseCommand } from '../bases';
import { rebuildIndexCommand } from './rebuildIndex';
import { undoLastChangeCommand } from './undoLastChange';

/** Every command of the plugin (none has a default hotkey). */
export function allCommands(host: PluginHost): Command[] {
	return [
		openViewCommand(host),
		openPipelineCommand(host),
		newInterviewNoteCommand(host),
		...insertCommands(host),
		logFollowUpCommand(host),
		undoLastChangeCommand(host),
		exportIcsCommand(host),
		rebuildIndexCommand(host),
		createBaseCommand(host),
	];
}
