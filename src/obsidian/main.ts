import { Plugin } from 'obsidian';

export default class InterviewFollowupsPlugin extends Plugin {
	override onload(): void {
		// The view, commands and settings are added by the plugin work (issue 6).
	}
}
