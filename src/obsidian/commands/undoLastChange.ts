import type { Command } from 'obsidian';
import type { PluginHost } from '../host';

/** Undoes the last Done, Snooze or Un-snooze, while its note is as that change left it. */
export function undoLastChangeCommand(host: PluginHost): Command {
	return {
		id: 'undo-last-change',
		name: 'Undo last follow-up change',
		callback: () => void host.followUps.undo(),
	};
}
