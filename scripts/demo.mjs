// npm run demo: the plugin (main.js, as built) on the example vault, in any browser.
// Serves harness/ on 127.0.0.1 and prints the URL. Options:
//   --port N        a fixed port (default: a free one)
//   --vault DIR     another vault folder (default examples/vault)
// The page reads main.js, styles.css and the vault again on every reload, so
// `npm run dev` (rebuild on change) and a reload show a change.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startHarnessServer } from '../harness/server.mjs';

const { values } = parseArgs({ options: { port: { type: 'string' }, vault: { type: 'string' } } });
if (!existsSync('main.js')) {
	console.error('main.js is missing: run `npm run build` first (npm run demo does).');
	process.exit(2);
}
const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
	console.error(`--port ${values.port}: not a port number (0-65535)`);
	process.exit(2);
}
const vault = values.vault === undefined ? undefined : resolve(values.vault);
if (vault && !existsSync(vault)) {
	console.error(`--vault ${values.vault}: no such folder`);
	process.exit(2);
}
const server = await startHarnessServer({ port, vault, sourcemap: true });
console.log(`Interview Follow-ups demo (the plugin on ${vault ?? 'examples/vault'}):`);
console.log(`  ${server.url}`);
console.log(`  dark theme: ${server.url}?theme=dark    phone width: ${server.url}?layout=phone`);
console.log('Press Ctrl+C to stop.');
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
