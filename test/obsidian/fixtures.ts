/** A small vault: today is Saturday 2026-11-21 in the tests. */
import { SPEC_EXAMPLE_NOTE } from '../fixtures/specExample';

export const ACME = SPEC_EXAMPLE_NOTE;

export const JANE = ['---', 'title: VP Engineering', 'email: jane@acme.example', '---', 'Met at the Acme interview.', ''].join('\n');

export const GLOBEX = [
	'---',
	'tags: [interview/onsite]',
	'company: Globex',
	'role: Analyst',
	'interview_date: 2026-11-20',
	'interviewers:',
	'  - Bob Smith, CTO <bob@globex.example>',
	'---',
	'Good talk about data pipelines.',
	'',
].join('\n');

export const BROKEN = ['---', 'type: interview', 'company: Initech', 'role: Tester', 'interview_date: next Tuesday', '---', ''].join('\n');

export const VAULT: Record<string, string> = {
	'Interviews/Acme.md': ACME,
	'People/Jane Doe.md': JANE,
	'Interviews/Globex.md': GLOBEX,
	'Interviews/Broken.md': BROKEN,
	'Notes/random.md': '# Groceries\n- milk\n',
	'Notes/with-frontmatter.md': '---\ntype: recipe\n---\nSoup\n',
};
