/**
 * `feed [VAULT] [--port N]`: serves the calendar at
 * `http://127.0.0.1:N/followups.ics`, read afresh from the vault at every
 * request, so a calendar app that subscribes to it (Apple Calendar,
 * Thunderbird, Outlook) follows the notes without Obsidian running.
 *
 * Read-only and local: it listens on 127.0.0.1 only, answers only GET and
 * HEAD of its one path, and only for a Host header naming this machine (so a
 * web page cannot reach it through DNS rebinding). Stops on SIGINT/SIGTERM.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stringOption, UsageError, type Parsed } from './args';
import { commonOptions, nowOf, type Io } from './common';
import { calendarText } from './ics';
import { VaultLoader } from './vaultLoader';

export const FEED_PATH = '/followups.ics';
export const DEFAULT_FEED_PORT = 8737;
const HOST = '127.0.0.1';

function portOption(parsed: Parsed): number {
	const text = stringOption(parsed, 'port');
	if (text === undefined) return DEFAULT_FEED_PORT;
	if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) {
		throw new UsageError(`feed: --port '${text}' is not a port; give a number from 1 to 65535 (0 picks a free one)`);
	}
	return Number(text);
}

/** Printable in one line of a terminal: the request's method and path as sent, control characters escaped. */
function shown(s: string): string {
	// eslint-disable-next-line no-control-regex -- escaping control characters is the point
	return JSON.stringify(s.slice(0, 200)).slice(1, -1).replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export async function runFeed(parsed: Parsed, io: Io): Promise<number> {
	const port = portOption(parsed);
	const c = commonOptions(parsed, io);
	const loader = new VaultLoader(c.vault, c.settings);

	const refuse = (req: IncomingMessage, res: ServerResponse, status: number, why: string, headers: Record<string, string> = {}): void => {
		io.stderr.write(`interview-followups: feed: refused ${shown(req.method ?? '?')} ${shown(req.url ?? '?')}: ${why}\n`);
		res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
		res.end(`${why}\n`);
	};

	const server = createServer((req, res) => {
		const url = req.url ?? '';
		const path = url.split('?')[0];
		const host = (req.headers.host ?? '').toLowerCase();
		const actual = (server.address() as AddressInfo | null)?.port;
		if (host !== `${HOST}:${actual}` && host !== `localhost:${actual}`) {
			refuse(req, res, 403, `this feed answers only requests for ${HOST}:${actual}`);
			return;
		}
		if (path !== FEED_PATH) {
			refuse(req, res, 404, `nothing here; the calendar is at ${FEED_PATH}`);
			return;
		}
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			refuse(req, res, 405, 'the feed is read-only: only GET and HEAD', { Allow: 'GET, HEAD' });
			return;
		}
		let body: Buffer;
		try {
			// Fresh at every request: the notes as they are on disk now.
			loader.loadAll();
			body = Buffer.from(calendarText(loader, nowOf(c.fixedToday), c.within, c.vaultName), 'utf8');
		} catch (e) {
			io.stderr.write(`interview-followups: feed: could not make the calendar: ${e instanceof Error ? e.message : String(e)}\n`);
			res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
			res.end('could not make the calendar; see the terminal running the feed\n');
			return;
		}
		res.writeHead(200, {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Length': String(body.length),
			'Cache-Control': 'no-cache',
			'Content-Disposition': 'inline; filename="followups.ics"',
		});
		res.end(req.method === 'HEAD' ? undefined : body);
	});

	const listening = await new Promise<boolean>((resolve) => {
		server.once('error', (e: Error & { code?: string }) => {
			const why =
				e.code === 'EADDRINUSE'
					? `port ${port} on ${HOST} is in use; choose another with --port N (0 picks a free one)`
					: e.code === 'EACCES'
						? `port ${port} needs privileges; choose one above 1023 with --port N`
						: e.message;
			io.stderr.write(`interview-followups: feed: ${why}\n`);
			resolve(false);
		});
		server.listen(port, HOST, () => resolve(true));
	});
	if (!listening) return 2;
	const actual = (server.address() as AddressInfo).port;
	io.stdout.write(`Serving the follow-ups of ${c.vault} at http://${HOST}:${actual}${FEED_PATH} — subscribe to this URL in your calendar app. Stop with Ctrl+C.\n`);

	return await new Promise<number>((resolve) => {
		const stop = (signal: string): void => {
			process.removeListener('SIGINT', onInt);
			process.removeListener('SIGTERM', onTerm);
			io.stdout.write(`Stopped the feed (${signal}).\n`);
			server.close(() => resolve(0));
			server.closeAllConnections();
		};
		const onInt = (): void => stop('SIGINT');
		const onTerm = (): void => stop('SIGTERM');
		process.once('SIGINT', onInt);
		process.once('SIGTERM', onTerm);
	});
}
