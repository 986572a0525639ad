import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUILT_IN_TEMPLATES, TEMPLATE_KINDS, TEMPLATE_VARIABLES, WORDED_KINDS, WORDING, type VariableSpec } from '../../../src/core/templates';
import { docExample } from './docExample';
import { templatesDoc } from './docText';

const doc = readFileSync(fileURLToPath(new URL('../../../docs/templates.md', import.meta.url)), 'utf8');
const fenced = (text: string) => `\`\`\`\`markdown\n${text.replace(/\n$/, '')}\n\`\`\`\``;

describe('docs/templates.md stays true to the code (rewrite it with `npx tsx test/core/templates/docText.ts`)', () => {
	it('lists every variable, with its type', () => {
		for (const [name, spec] of Object.entries(TEMPLATE_VARIABLES)) expect(doc, name).toContain(`| \`${name}\` | ${spec.type} |`);
		const item = (TEMPLATE_VARIABLES.interviewers as Extract<VariableSpec, { type: 'list' }>).item;
		for (const [name, spec] of Object.entries(item)) expect(doc, name).toContain(`| \`${name}\` | ${spec.type} |`);
		expect(doc).toContain('`topic`');
	});

	it('shows every built-in template and every wording variant as they are', () => {
		for (const kind of TEMPLATE_KINDS) expect(doc, kind).toContain(fenced(BUILT_IN_TEMPLATES[kind]));
		for (const kind of WORDED_KINDS) {
			for (const list of Object.values(WORDING[kind] as Record<string, readonly string[]>)) for (const text of list) expect(doc).toContain(`\`${text}\``);
		}
	});

	it('its filled examples are what the templates produce today', () => {
		for (const kind of TEMPLATE_KINDS) expect(doc, kind).toContain(fenced(docExample(kind).markdown));
	});

	it('is exactly what the generator writes', () => {
		expect(doc).toBe(templatesDoc());
	});

	it('documents the chosen way of showing an unknown variable', () => {
		expect(doc).toMatch(/left in\s+the note exactly as written\*\*, e\.g\. `\{\{unknown_var\}\}`/);
	});
});
