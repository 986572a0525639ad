import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
	BUILT_IN_TEMPLATES,
	buildTemplateContext,
	renderTemplate,
	TEMPLATE_KINDS,
	TEMPLATE_VARIABLES,
	THANK_YOU_VARIANTS,
	type VariableSpec,
} from '../../../src/core/templates';
import { acme } from './fixtures';

const doc = readFileSync(fileURLToPath(new URL('../../../docs/templates.md', import.meta.url)), 'utf8');
const fenced = (text: string) => `\`\`\`\`markdown\n${text.replace(/\n$/, '')}\n\`\`\`\``;

describe('docs/templates.md stays true to the code', () => {
	it('lists every variable, with its type', () => {
		for (const [name, spec] of Object.entries(TEMPLATE_VARIABLES)) expect(doc, name).toContain(`| \`${name}\` | ${spec.type} |`);
		const item = (TEMPLATE_VARIABLES.interviewers as Extract<VariableSpec, { type: 'list' }>).item;
		for (const [name, spec] of Object.entries(item)) expect(doc, name).toContain(`| \`${name}\` | ${spec.type} |`);
		expect(doc).toContain('`topic`');
	});

	it('shows every built-in template and every wording variant as they are', () => {
		for (const kind of TEMPLATE_KINDS) expect(doc, kind).toContain(fenced(BUILT_IN_TEMPLATES[kind]));
		for (const list of Object.values(THANK_YOU_VARIANTS)) for (const text of list) expect(doc).toContain(`\`${text}\``);
	});

	it('its filled examples are what the templates produce today', () => {
		const { jane, ann, app, index } = acme();
		for (const kind of TEMPLATE_KINDS) {
			const r = renderTemplate(
				kind,
				buildTemplateContext({
					application: app,
					person: kind === 'reference-alert' ? ann : jane,
					index,
					today: kind === 'thank-you' ? '2026-11-17' : '2026-11-27',
					settings: { userName: 'Sam Lee', userPhone: '+1 555 0100' },
				}),
			);
			expect(doc, kind).toContain(fenced(r.markdown));
		}
	});

	it('documents the chosen way of showing an unknown variable', () => {
		expect(doc).toMatch(/left in\s+the note exactly as written\*\*, e\.g\. `\{\{unknown_var\}\}`/);
	});
});
