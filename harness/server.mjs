// A tiny loopback HTTP server for the harness page.
//   /                  harness/index.html          /harness.js   the bundled harness
//   /obsidian-theme.css                            /plugin/main.js, /plugin/styles.css, /plugin/manifest.json
//   /vault.json        { files: { path: text }, data } read from the vault folder on every request
// Files are read from disk on each request, so a rebuilt main.js shows on reload.
import { createServer } from 'node:http';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHarness } from './build.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');
const PLUGIN_DATA = '.obsidian/plugins/interview-followups/data.json';

/** Every Markdown note of a vault folder (dot folders skipped), and the plugin's data.json. */
export function readVault(dir) {
	const files = {};
	const walk = (d) => {
		for (const entry of readdirSync(d, { withFileTypes: true })) {
			if (entry.name.startsWith('.')) continue;
			const full = join(d, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name.endsWith('.md')) files[relative(dir, full).split(sep).join('/')] = readFileSync(full, 'utf8');
		}
	};
	if (existsSync(dir)) walk(dir);
	const dataPath = join(dir, PLUGIN_DATA);
	const data = existsSync(dataPath) ? JSON.parse(readFileSync(dataPath, 'utf8')) : null;
	return { files, data };
}

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8' };

/**
 * @param {{ port?: number, vault?: string, pluginDir?: string, sourcemap?: boolean }} options
 *   vault: the vault folder (default examples/vault); pluginDir: where main.js, styles.css and
 *   manifest.json are (default the repository root, where `npm run build` writes them);
 *   sourcemap: inline a source map into the harness script (the demo does).
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startHarnessServer(options = {}) {
	const vault = options.vault ?? join(repo, 'examples', 'vault');
	const pluginDir = options.pluginDir ?? repo;
	const harnessJs = await buildHarness({ sourcemap: options.sourcemap ?? false });
	const routes = {
		'/': () => readFileSync(join(here, 'index.html')),
		'/index.html': () => readFileSync(join(here, 'index.html')),
		'/harness.js': () => harnessJs,
		'/obsidian-theme.css': () => readFileSync(join(here, 'obsidian-theme.css')),
		'/plugin/main.js': () => readFileSync(join(pluginDir, 'main.js')),
		'/plugin/styles.css': () => readFileSync(join(pluginDir, 'styles.css')),
		'/plugin/manifest.json': () => readFileSync(join(pluginDir, 'manifest.json')),
		'/vault.json': () => JSON.stringify(readVault(vault)),
	};
	const server = createServer((req, res) => {
		const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
		const route = routes[path];
		if (path === '/favicon.ico') {
			res.writeHead(204).end();
			return;
		}
		if (req.method !== 'GET' || !route) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
			return;
		}
		try {
			const body = route();
			const ext = path === '/' ? '.html' : path.slice(path.lastIndexOf('.'));
			res.writeHead(200, { 'content-type': types[ext] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
		} catch (error) {
			res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error instanceof Error ? error.message : error));
		}
	});
	const port = options.port ?? 0;
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve(undefined));
	});
	const address = server.address();
	const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/`;
	return {
		url,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
