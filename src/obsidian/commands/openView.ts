import type { Command } from 'obsidian';
import type { PluginHost } from '../host';

export function openViewCommand(host: PluginHost): Command {
	return {
		id: 'open-view',
		name: 'Open the follow-ups view',
		callback: () => void host.activateView(),
	};
}
