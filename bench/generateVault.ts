/**
 * A synthetic vault for benchmarks: `notes` Markdown notes of about 1.5 KB
 * each, deterministic for a given seed.
 *
 * - 10% interview notes (`Interviews/`) with realistic frontmatter (company
 *   link, role, datetime, interviewers mixing links and text contacts,
 *   contact, decision date, references, status, follow-ups) and body
 *   sections (`## Interviewers`, `## Topics`, `## Follow-ups`) plus prose;
 *   about three rounds per application.
 * - 5% person notes (`People/`) with title, email, phone, company, topics.
 * - The rest ordinary notes (`Notes/<area>/`) with tags, dates, aliases,
 *   headings, lists, a code block now and then, and words such as "people"
 *   or "topics" in the prose, as real notes have.
 *
 * `style` chooses how lists and contacts are written (see `GenerateOptions`).
 *
 * Use `generateVaultFiles` for the texts in memory, `writeVault` to put them
 * on disk, or `generateVault` for both. Other benchmarks may import these.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface GenerateOptions {
	/** Number of notes (default 10,000). */
	notes?: number;
	/** Share of interview notes (default 0.1). */
	interviewShare?: number;
	/** Share of person notes (default 0.05). */
	personShare?: number;
	/** Target size of a note in characters (default 1,500). */
	noteSize?: number;
	seed?: number;
	/**
	 * How the frontmatter is written (default `mixed`, the style of earlier runs):
	 * `properties` as Obsidian's Properties panel writes it (block lists,
	 * contacts as text); `typed` as people type it (flow lists `tags: [a, b]`,
	 * contacts as objects).
	 */
	style?: 'mixed' | 'properties' | 'typed';
}

export interface VaultFile {
	/** Vault-relative path with `/`. */
	path: string;
	text: string;
	kind: 'interview' | 'person' | 'other';
}

/** A small deterministic generator (LCG), so every run measures the same vault. */
export function rng(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

const FIRST = ['Jane', 'John', 'Ann', 'Bob', 'Maria', 'Wei', 'Fatima', 'Olu', 'Sven', 'Priya', 'Carlos', 'Yuki', 'Noah', 'Lea', 'Omar', 'Ines'];
const LAST = ['Doe', 'Roe', 'Smith', 'Lee', 'Garcia', 'Chen', 'Khan', 'Adeyemi', 'Berg', 'Patel', 'Ruiz', 'Sato', 'Brown', 'Martin', 'Haddad', 'Costa'];
const TITLES = ['VP Engineering', 'Office Manager', 'Recruiter', 'CTO', 'Team Lead', 'HR Partner', 'Director of Finance', 'Product Manager'];
const ROLES = ['Secretary', 'Software Engineer', 'Data Analyst', 'Office Manager', 'Accountant', 'Designer'];
const CO_A = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Wonka', 'Tyrell', 'Cyberdyne', 'Soylent', 'Vandelay'];
const CO_B = ['Finance', 'Labs', 'Systems', 'Health', 'Logistics', 'Media', 'Foods', 'Energy'];
const TOPICS = ['training for a marathon', 'moving to a paperless office', 'sailing', 'open data', 'jazz records', 'the new ERP rollout', 'chess', 'remote onboarding'];
const AREAS = ['Projects', 'Reading', 'Journal', 'Ideas', 'Meetings', 'Recipes', 'Travel', 'Learning'];
const TAGS = ['project', 'idea', 'reading', 'journal', 'meeting', 'draft', 'reference', 'todo'];
const WORDS = (
	'the a of to and in that is for it with as on was be by this are at from or an have not they which one you ' +
	'had were but all their there been has when who will more no if out so said what up its about into than them ' +
	'can only other new some could time these two may then do first any my now such like our over man me even ' +
	'most made after also did many before must through back years where much your way well down should because ' +
	'each just those people how too little state good very make world still own see men work long get here between ' +
	'both life being under never day same another know while last might us great old year off come since against ' +
	'go came right used take three topics follow meeting notes plan review draft budget design idea'
).split(' ');

function pad2(n: number): string {
	return String(n).padStart(2, '0');
}

function dateFrom(rand: () => number, startYear = 2026): string {
	const m = 1 + Math.floor(rand() * 12);
	const d = 1 + Math.floor(rand() * 28);
	return `${startYear}-${pad2(m)}-${pad2(d)}`;
}

function addDaysSimple(date: string, n: number): string {
	// Calendar arithmetic on UTC noon, which no time zone moves across a date line here.
	const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), 12) + n * 86_400_000;
	const x = new Date(t);
	return `${x.getUTCFullYear()}-${pad2(x.getUTCMonth() + 1)}-${pad2(x.getUTCDate())}`;
}

function sentence(rand: () => number, words: number): string {
	const out: string[] = [];
	for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)]);
	const s = out.join(' ');
	return `${s[0].toUpperCase()}${s.slice(1)}.`;
}

/** Prose paragraphs until `text` reaches `size` characters. */
function padTo(text: string, size: number, rand: () => number): string {
	let out = text;
	while (out.length < size) {
		const para: string[] = [];
		for (let i = 0; i < 3; i++) para.push(sentence(rand, 8 + Math.floor(rand() * 10)));
		out += `\n${para.join(' ')}\n`;
	}
	return out;
}

/** The texts of a synthetic vault, in memory, sorted by path. */
export function generateVaultFiles(options: GenerateOptions = {}): VaultFile[] {
	const notes = options.notes ?? 10_000;
	const interviewCount = Math.round(notes * (options.interviewShare ?? 0.1));
	const personCount = Math.round(notes * (options.personShare ?? 0.05));
	const otherCount = Math.max(0, notes - interviewCount - personCount);
	const size = options.noteSize ?? 1500;
	const rand = rng(options.seed ?? 20261116);
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
	const style = options.style ?? 'mixed';
	/** A list property: block style for the Properties panel, flow style otherwise. */
	const list = (key: string, items: readonly string[]): string[] =>
		style === 'properties' ? [`${key}:`, ...items.map((x) => `  - ${x}`)] : [`${key}: [${items.join(', ')}]`];
	/** A contact: text (mixed, properties) or an object (typed). */
	const contact = (name: string, title: string, email: string): string =>
		style === 'typed' ? `{name: ${name}, title: ${title}, email: ${email}}` : `${name}, ${title} <${email}>`;
	const files: VaultFile[] = [];

	// People: person notes, named uniquely.
	const people: string[] = [];
	for (let i = 0; i < Math.max(personCount, 1); i++) people.push(`${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i}`);
	for (let i = 0; i < personCount; i++) {
		const name = people[i];
		const slug = name.toLowerCase().replace(/\s+/g, '.');
		const fm = [
			'---',
			`title: ${pick(TITLES)}`,
			`email: ${slug}@example.com`,
			`phone: "+1 555 ${String(1000 + (i % 9000)).padStart(4, '0')}"`,
			`company: "[[${pick(CO_A)} ${pick(CO_B)}]]"`,
			...list('tags', ['person']),
			'---',
			`# ${name}`,
			'',
			'## Topics',
			`- ${pick(TOPICS)}`,
			`- ${pick(TOPICS)}`,
			'',
			'## Notes',
		].join('\n');
		files.push({ path: `People/${name}.md`, text: padTo(fm, size, rand), kind: 'person' });
	}

	// Interview notes: about three rounds per application.
	const applications = Math.max(1, Math.round(interviewCount / 3));
	for (let i = 0; i < interviewCount; i++) {
		const app = i % applications;
		const round = Math.floor(i / applications) + 1;
		const company = `${CO_A[app % CO_A.length]} ${CO_B[Math.floor(app / CO_A.length) % CO_B.length]} ${app}`;
		const role = ROLES[app % ROLES.length];
		const date = addDaysSimple(dateFrom(rand), round * 9);
		const linked = people[Math.floor(rand() * people.length)];
		const other = `${pick(FIRST)} ${pick(LAST)}`;
		const status = round > 1 && rand() < 0.3 ? pick(['interviewing', 'offer', 'rejected', 'withdrawn']) : null;
		const interviewers = [`"[[${linked}]]"`, contact(other, pick(TITLES), `${other.toLowerCase().replace(/\s+/g, '.')}@example.com`)];
		const reference = `${pick(FIRST)} ${pick(LAST)}`;
		const log = [`"${addDaysSimple(date, 1)} thank-you: ${linked}"`, `"${addDaysSimple(date, 8)} status-check — left a voicemail"`];
		const fm = [
			'---',
			'type: interview',
			`company: "[[${company}]]"`,
			`role: ${role}`,
			`interview_date: ${date}T${pad2(9 + Math.floor(rand() * 8))}:00`,
			...(style === 'mixed' ? ['interviewers:', ...interviewers.map((x) => `  - ${x}`)] : list('interviewers', interviewers)),
			`contact: "[[${linked}]]"`,
			`decision_date: ${addDaysSimple(date, 14)}`,
			...(style === 'typed'
				? [`references: [{name: ${reference}, email: ref${i}@example.org}]`]
				: ['references:', `  - ${reference} <ref${i}@example.org>`]),
			...(status ? [`status: ${status}`] : []),
			// The watch benchmark adds entries after this line, so it stays a block list in every style.
			'follow_ups:',
			...log.map((x) => `  - ${x}`),
			...list('tags', ['interview', 'job-search']),
			'---',
			`# ${company}: ${role}, round ${round}`,
			'',
			'## Interviewers',
			`- ${pick(FIRST)} ${pick(LAST)} (${pick(TITLES)})`,
			'',
			'## Topics',
			`- ${linked}: ${pick(TOPICS)}`,
			`- ${other}: ${pick(TOPICS)}`,
			'',
			'## Follow-ups',
			`- [x] thank-you: ${other} ✅ ${addDaysSimple(date, 1)}`,
			`- ${addDaysSimple(date, 3)} contact: ${other} — sent the portfolio link`,
			'',
			'## Questions I asked',
			'- Will there be second interviews, and when?',
			'- When do you expect to decide?',
			'',
			'## Notes',
		].join('\n');
		files.push({ path: `Interviews/${company} ${round}.md`, text: padTo(fm, size, rand), kind: 'interview' });
	}

	// Ordinary notes.
	for (let i = 0; i < otherCount; i++) {
		const area = AREAS[i % AREAS.length];
		const created = dateFrom(rand, 2020 + Math.floor(rand() * 6));
		const lines = [
			'---',
			`created: ${created}`,
			...list('tags', [pick(TAGS), pick(TAGS)]),
			...(rand() < 0.3 ? list('aliases', [`"${pick(WORDS)} ${pick(WORDS)}"`]) : []),
			...(rand() < 0.2 ? [`status: ${pick(['draft', 'done', 'open'])}`] : []),
			...(rand() < 0.1 ? [`date: ${created}`] : []),
			'---',
			`# ${sentence(rand, 4).slice(0, -1)}`,
			'',
			'## Summary',
			sentence(rand, 14),
			'',
			`- ${sentence(rand, 6)}`,
			`- ${sentence(rand, 6)}`,
			`- [[${pick(AREAS)} index]]`,
			'',
		];
		if (rand() < 0.15) lines.push('```js', 'const people = [];', '## not a heading', '```', '');
		if (rand() < 0.05) lines.push('## People', `- ${pick(FIRST)} ${pick(LAST)}`, '');
		lines.push('## Details');
		files.push({ path: `Notes/${area}/Note ${i}.md`, text: padTo(lines.join('\n'), size, rand), kind: 'other' });
	}
	return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Writes files under `root` (created as needed). */
export function writeVault(root: string, files: readonly VaultFile[]): void {
	const made = new Set<string>();
	for (const f of files) {
		const full = join(root, f.path);
		const dir = dirname(full);
		if (!made.has(dir)) {
			mkdirSync(dir, { recursive: true });
			made.add(dir);
		}
		writeFileSync(full, f.text);
	}
}

/** Generates a vault and writes it under `root`; returns the files. */
export function generateVault(root: string, options: GenerateOptions = {}): VaultFile[] {
	const files = generateVaultFiles(options);
	writeVault(root, files);
	return files;
}
