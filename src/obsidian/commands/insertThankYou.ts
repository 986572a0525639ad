import type { Command } from 'obsidian';
import type { PluginHost } from '../host';
import { insertTemplateCommand } from './insertTemplate';

export function insertThankYouCommand(host: PluginHost): Command {
	return insertTemplateCommand(host, 'thank-you', 'insert-thank-you-note', 'Insert a thank-you note');
}
