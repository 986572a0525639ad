import { Notice, type Command } from 'obsidian';
import type { PluginHost } from '../host';

export async function rebuildIndex(host: PluginHost): Promise<void> {
	const stats = await host.indexer.build();
	new Notice(`Read ${stats.interviewNotes} interview notes and ${stats.personNotes} person notes.`);
}

export function rebuildIndexCommand(host: PluginHost): Command {
	return {
		id: 'rebuild-index',
		name: 'Rebuild the follow-up index',
		callback: () => void rebuildIndex(host),
	};
}
