import type { Command } from 'obsidian';
import type { PluginHost } from '../host';
import { insertTemplateCommand } from './insertTemplate';

export function insertReferralRequestCommand(host: PluginHost): Command {
	return insertTemplateCommand(host, 'referral-request', 'insert-referral-request', 'Insert a referral request');
}
