import type { Command } from 'obsidian';
import type { PluginHost } from '../host';

export function newInterviewNoteCommand(host: PluginHost): Command {
	return {
		id: 'new-interview-note',
		name: 'Create a new interview note',
		callback: () => void host.newInterviewNote(),
	};
}
