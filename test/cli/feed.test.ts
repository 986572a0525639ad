/**
 * `feed`: the calendar over HTTP on 127.0.0.1, fetched with a real HTTP
 * client; fresh at every request; read-only; stops cleanly on SIGINT and
 * SIGTERM. And `watch --ics FILE`, which keeps a file up to date.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { checkIcs } from '../fixtures/icsCheck';
import { cleanTemps, copyVault, LineReader, spawnCli, tempDir, until } from './helpers';

afterAll(cleanTemps);

const TODAY = '2026-11-21';
const ACME = join('Interviews', '2026-11-16 Acme.md');
const running: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
	for (const c of running.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

interface Feed {
	child: ChildProcessWithoutNullStreams;
	url: string;
	port: number;
	out: LineReader;
	err: LineReader;
	exit: Promise<{ code: number | null; signal: string | null }>;
}

async function startFeed(vault: string): Promise<Feed> {
	const child = spawnCli(['feed', vault, '--port', '0', '--today', TODAY]);
	running.push(child);
	const out = new LineReader(child.stdout);
	const err = new LineReader(child.stderr);
	const exit = new Promise<{ code: number | null; signal: string | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
	const line = await out.next((l) => l.startsWith('Serving'), 30000);
	const url = /(http:\/\/127\.0\.0\.1:(\d+)\/followups\.ics)/.exec(line);
	if (!url) throw new Error(`no URL in ${line}`);
	return { child, url: url[1], port: Number(url[2]), out, err, exit };
}

/** An HTTP request with Node's client, with any method and Host header. */
function raw(port: number, method: string, path: string, host = `127.0.0.1:${port}`): Promise<{ status: number; body: string; headers: IncomingHttpHeaders }> {
	return new Promise((resolve, reject) => {
		const req = request({ host: '127.0.0.1', port, method, path, headers: { host } }, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (c: string) => (body += c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
		});
		req.on('error', reject);
		req.end();
	});
}

function refused(host: string, port: number): Promise<string> {
	return new Promise((resolve) => {
		const s = connect({ host, port });
		s.on('connect', () => {
			s.destroy();
			resolve('connected');
		});
		s.on('error', (e: Error & { code?: string }) => resolve(e.code ?? e.message));
	});
}

describe('feed', () => {
	it('serves the calendar, says where on start-up, and serves the notes as they are at each request', async () => {
		const vault = copyVault();
		const feed = await startFeed(vault);
		expect(feed.out.lines[0]).toMatch(/^Serving the follow-ups of .* at http:\/\/127\.0\.0\.1:\d+\/followups\.ics — subscribe to this URL in your calendar app\. Stop with Ctrl\+C\.$/);

		const first = await raw(feed.port, 'GET', '/followups.ics');
		expect(first.status).toBe(200);
		expect(first.headers['content-type']).toBe('text/calendar; charset=utf-8');
		const text = first.body;
		const events = checkIcs(text).getAllSubcomponents('vevent');
		const john = events.find((e) => String(e.getFirstPropertyValue('summary')).includes('thank-you note to John Roe'))!;
		expect(john.getFirstPropertyValue('status')).toBe('CONFIRMED');

		// Log the thank-you in the note: the next request shows it done (cancelled, same UID).
		const path = join(vault, ACME);
		writeFileSync(path, readFileSync(path, 'utf8').replace('  - "2026-11-17 thank-you: Jane Doe"', '  - "2026-11-17 thank-you: Jane Doe"\n  - "2026-11-20 thank-you: John Roe"'));
		const again = checkIcs((await raw(feed.port, 'GET', '/followups.ics')).body).getAllSubcomponents('vevent');
		const johnAgain = again.find((e) => e.getFirstPropertyValue('uid') === john.getFirstPropertyValue('uid'))!;
		expect(johnAgain.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(Number(johnAgain.getFirstPropertyValue('sequence'))).toBeGreaterThan(Number(john.getFirstPropertyValue('sequence')));

		// HEAD: the headers alone.
		const head = await raw(feed.port, 'HEAD', '/followups.ics');
		expect(head.status).toBe(200);
		expect(Number(head.headers['content-length'])).toBeGreaterThan(1000);
		expect(head.body).toBe('');
		feed.child.kill('SIGINT');
		expect(await feed.exit).toEqual({ code: 0, signal: null });
	});

	it('refuses anything but GET and HEAD of its path, and requests for another host, with a line on stderr', async () => {
		const feed = await startFeed(copyVault());
		for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
			const r = await raw(feed.port, method, '/followups.ics');
			expect(r.status, method).toBe(405);
			expect(r.body).toMatch(/read-only/);
		}
		expect((await raw(feed.port, 'GET', '/')).status).toBe(404);
		expect((await raw(feed.port, 'GET', '/../etc/passwd')).status).toBe(404);
		expect((await raw(feed.port, 'GET', '/followups.ics.bak')).status).toBe(404);
		// A web page reaching it through a rebound name: refused.
		const rebound = await raw(feed.port, 'GET', '/followups.ics', `attacker.example:${feed.port}`);
		expect(rebound.status).toBe(403);
		// A query string (some calendar apps add one) is fine.
		expect((await raw(feed.port, 'GET', '/followups.ics?t=1')).status).toBe(200);
		await until(() => feed.err.lines.length >= 8, 5000, 'a line per refused request');
		expect(feed.err.lines[0]).toBe('interview-followups: feed: refused POST /followups.ics: the feed is read-only: only GET and HEAD');
		expect(feed.err.lines).toContain('interview-followups: feed: refused GET /: nothing here; the calendar is at /followups.ics');
		expect(feed.err.lines.some((l) => /refused GET \/followups\.ics: this feed answers only requests for 127\.0\.0\.1:\d+$/.test(l))).toBe(true);
		feed.child.kill('SIGTERM');
		expect(await feed.exit).toEqual({ code: 0, signal: null });
	});

	it('listens on 127.0.0.1 only', async () => {
		const feed = await startFeed(copyVault());
		expect(await refused('127.0.0.1', feed.port)).toBe('connected');
		// Other loopback addresses of this machine: nothing listens there.
		expect(await refused('127.0.0.2', feed.port)).toBe('ECONNREFUSED');
		expect(['ECONNREFUSED', 'EADDRNOTAVAIL', 'ENETUNREACH']).toContain(await refused('::1', feed.port));
		feed.child.kill('SIGINT');
		await feed.exit;
	});

	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		it(`stops cleanly on ${signal}: says so, exits 0, frees the port`, async () => {
			const feed = await startFeed(copyVault());
			// A connection left open does not hold it up.
			expect((await raw(feed.port, 'GET', '/followups.ics')).status).toBe(200);
			const idle = connect({ host: '127.0.0.1', port: feed.port });
			await new Promise((r) => idle.once('connect', r));
			const t0 = Date.now();
			feed.child.kill(signal);
			expect(await feed.exit).toEqual({ code: 0, signal: null });
			expect(Date.now() - t0).toBeLessThan(3000);
			expect(feed.out.lines).toContain(`Stopped the feed (${signal}).`);
			expect(await refused('127.0.0.1', feed.port)).toBe('ECONNREFUSED');
			idle.destroy();
		});
	}

	it('a port in use, or not a port: one line, exit 2', async () => {
		const feed = await startFeed(copyVault());
		const second = spawnCli(['feed', copyVault(), '--port', String(feed.port)]);
		running.push(second);
		const err = new LineReader(second.stderr);
		const code = await new Promise<number | null>((r) => second.on('exit', (c) => r(c)));
		expect(code).toBe(2);
		expect(err.lines).toEqual([`interview-followups: feed: port ${feed.port} on 127.0.0.1 is in use; choose another with --port N (0 picks a free one)`]);
		const bad = spawnCli(['feed', '--port', 'eighty']);
		const badErr = new LineReader(bad.stderr);
		expect(await new Promise<number | null>((r) => bad.on('exit', (c) => r(c)))).toBe(2);
		expect(badErr.lines[0]).toMatch(/--port 'eighty' is not a port/);
		feed.child.kill('SIGINT');
		await feed.exit;
	});
});

describe('watch --ics FILE', () => {
	it('writes the calendar, then rewrites it atomically after each change of the notes', async () => {
		const vault = copyVault();
		const out = tempDir();
		const file = join(out, 'followups.ics');
		const child = spawnCli(['watch', vault, '--today', TODAY, '--json', '--ics', file]);
		running.push(child);
		const lines = new LineReader(child.stdout);
		await lines.next(() => true, 30000);
		await until(() => existsSync(file), 10000, 'the calendar file');
		const first = readFileSync(file, 'utf8');
		const john = checkIcs(first)
			.getAllSubcomponents('vevent')
			.find((e) => String(e.getFirstPropertyValue('summary')).includes('thank-you note to John Roe'))!;
		expect(john.getFirstPropertyValue('status')).toBe('CONFIRMED');

		const inode = statSync(file).ino;
		const path = join(vault, ACME);
		writeFileSync(path, readFileSync(path, 'utf8').replace('  - "2026-11-17 thank-you: Jane Doe"', '  - "2026-11-17 thank-you: Jane Doe"\n  - "2026-11-20 thank-you: John Roe"'));
		// A reader never sees half a calendar: every read while it is rewritten is a whole one.
		const partial: string[] = [];
		await until(
			() => {
				const text = readFileSync(file, 'utf8');
				if (!text.startsWith('BEGIN:VCALENDAR\r\n') || !text.endsWith('END:VCALENDAR\r\n')) partial.push(text.slice(-40));
				return text.includes('Done: Send a thank-you note to John Roe');
			},
			15000,
			'the rewritten calendar',
		);
		expect(partial).toEqual([]);
		// Replaced by a rename (a new file), not truncated and written in place.
		expect(statSync(file).ino).not.toBe(inode);
		const second = checkIcs(readFileSync(file, 'utf8'));
		expect(second.getAllSubcomponents('vevent').find((e) => e.getFirstPropertyValue('uid') === john.getFirstPropertyValue('uid'))?.getFirstPropertyValue('status')).toBe('CANCELLED');
		// No temporary file left beside it.
		expect(readdirSync(out)).toEqual(['followups.ics']);
		child.kill('SIGINT');
		await new Promise((r) => child.on('exit', r));
	});

	it('a folder that does not exist: one line, exit 2', async () => {
		const child = spawnCli(['watch', copyVault(), '--ics', join(tempDir(), 'missing', 'x.ics')]);
		const err = new LineReader(child.stderr);
		expect(await new Promise<number | null>((r) => child.on('exit', (c) => r(c)))).toBe(2);
		expect(err.lines[0]).toMatch(/^interview-followups: watch: --ics '.*': the folder .* does not exist; create it or give another file$/);
	});
});
