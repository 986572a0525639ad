/**
 * Vaults for the browser tests, written for Saturday 2026-11-21 (EXAMPLE_NOW in browser.ts).
 *
 * The expected actions follow /work/shared/spec/follow-up-rules.md (business days Monday to
 * Friday, no holidays):
 * - Acme Finance · Secretary, interviewed Mon 2026-11-16 by Jane Doe and John Roe (titles given),
 *   Jane thanked on 11-17: the thank-you to John Roe was due Wed 11-18 (overdue); the heads-up to
 *   the reference Ann Smith was due Tue 11-17 (overdue); decision_date 2026-12-04 is set, so no
 *   ask-timeline; the status check waits until 12-07 (outside the 7-day window).
 * - Globex · Analyst, interviewed Fri 2026-11-20 by Sam Lee: the thank-you to Sam Lee is due
 *   (earliest 11-20, due Tue 11-24), and asking the timeline is due (no decision_date; due Mon 11-23).
 * - Initech · Designer, interview on Wed 2026-11-25: nothing to do yet (waiting).
 */
import { SPEC_EXAMPLE_NOTE } from '../fixtures/specExample';

export const ACME = 'Interviews/Acme Finance - Secretary.md';
export const GLOBEX = 'Interviews/Globex - Analyst.md';
export const INITECH = 'Interviews/Initech - Designer.md';
export const DASHBOARD = 'Follow-ups.md';

export const acmeNote = `${SPEC_EXAMPLE_NOTE}
My own notes: the office is near the station. Keep this line exactly as it is.
`;

export const janeDoe = `---
title: Head of Administration
email: jane.doe@acme.example
company: "[[Acme Finance]]"
---
Met at the first interview.
`;

export const globexNote = `---
type: interview
company: Globex
role: Analyst
interview_date: 2026-11-20T15:30
interviewers:
  - Sam Lee, Hiring Manager <sam.lee@globex.example>
---
Went well. Sam asked about spreadsheets.
`;

export const initechNote = `---
type: interview
company: Initech
role: Designer
interview_date: 2026-11-25T14:00
interviewers:
  - Bill Lumbergh, Director <bill@initech.example>
---
`;

export const dashboardNote = `# My follow-ups

\`\`\`interview-followups
\`\`\`

Text after the block.
`;

export function fixtureVault(): Record<string, string> {
	return {
		[ACME]: acmeNote,
		'People/Jane Doe.md': janeDoe,
		[GLOBEX]: globexNote,
		[INITECH]: initechNote,
		[DASHBOARD]: dashboardNote,
		'Ideas.md': '# Not an interview\nJust a note.\n',
	};
}

/** Strings that would run code or make a link if a view put them in the page as HTML or a URL. */
export const XSS_IMG = '<img src=x onerror="window.__pwned=1;alert(1)">';
export const XSS_URL = 'javascript:alert(1)';

export const HOSTILE = 'Interviews/Hostile.md';
export const HOSTILE_PERSON = 'People/Eve.md';

export function hostileVault(): Record<string, string> {
	return {
		[HOSTILE]: `---
type: interview
company: '${XSS_IMG}'
role: '<script>window.__pwned=2</script>Engineer'
interview_date: 2026-11-19T10:00
interviewers:
  - name: '<svg onload="window.__pwned=3">Mallory'
    title: '<b>Boss</b>'
    email: '${XSS_URL}'
    phone: 'javascript:window.__pwned=4'
  - "[[Eve]]"
  - 'Trent <${XSS_URL}>'
contact: "[[Eve]]"
references:
  - name: '<iframe src="javascript:window.__pwned=5"></iframe>Ref'
    email: 'mailto:x@example.org?body=<img src=x onerror=alert(1)>'
topics:
  - '<img src=x onerror=alert(1)>: <a href="javascript:alert(1)">gift</a>'
---
<img src=x onerror="window.__pwned=6">

\`\`\`interview-followups
\`\`\`
`,
		[HOSTILE_PERSON]: `---
title: '<img src=x onerror="window.__pwned=7">'
email: '${XSS_URL}'
phone: 'javascript:alert(1)'
---
`,
	};
}

/** n interview notes (with person notes) relative to `today`, for the benchmark. */
export function largeVault(n: number, today: Date): Record<string, string> {
	const files: Record<string, string> = {};
	const pad = (x: number): string => String(x).padStart(2, '0');
	const ymd = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
	for (let i = 0; i < n; i++) {
		const day = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (i % 60) + 5, 10, 0);
		const company = `Company ${Math.floor(i / 3)}`;
		const person = `Person ${i}`;
		const statuses = ['interviewing', 'interviewing', 'interviewing', 'offer', 'rejected'];
		files[`Interviews/${company} - round ${i % 3}.md`] = `---
type: interview
company: "[[${company}]]"
role: Role ${Math.floor(i / 3)}
interview_date: ${ymd(day)}T10:00
interviewers:
  - "[[${person}]]"
  - Other ${i}, Manager <other${i}@example.com>
contact: "[[${person}]]"
status: ${statuses[i % statuses.length]}
references:
  - Ref ${i % 7} <ref${i % 7}@example.org>
follow_ups:
  - "${ymd(day)} thank-you: Other ${i}"
---
## Topics
- ${person}: topic ${i}
`;
		files[`People/${person}.md`] = `---
title: Recruiter
email: person${i}@example.com
---
`;
	}
	return files;
}
