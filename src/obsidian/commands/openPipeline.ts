import type { Command } from 'obsidian';
import type { PluginHost } from '../host';

export function openPipelineCommand(host: PluginHost): Command {
	return {
		id: 'open-pipeline',
		name: 'Open the pipeline view',
		callback: () => void host.activatePipelineView(),
	};
}
