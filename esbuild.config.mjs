// Builds the Obsidian plugin (main.js) and the command line (dist/cli.cjs).
//   node esbuild.config.mjs production   one optimised build of both
//   node esbuild.config.mjs              watch: rebuild the plugin into the example vault on change
//   node esbuild.config.mjs cli          only the command line (dist/cli.cjs)
import esbuild from 'esbuild';
import { builtinModules } from 'node:module';
import { copyFileSync, mkdirSync } from 'node:fs';

const production = process.argv[2] === 'production';
const exampleVaultPlugin = 'examples/vault/.obsidian/plugins/interview-followups';

// gray-matter's index.js requires 'fs' for matter.read(), which we never call.
// Obsidian mobile has no Node, so that require must not survive into main.js:
// resolve Node built-ins to an empty module in the plugin bundle.
const noNodeBuiltins = {
	name: 'no-node-builtins',
	setup(build) {
		const names = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
		build.onResolve({ filter: /.*/ }, (args) => (names.has(args.path) ? { path: args.path, namespace: 'empty-builtin' } : undefined));
		build.onLoad({ filter: /.*/, namespace: 'empty-builtin' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
	},
};

// gray-matter loads its own js-yaml at start-up for its default YAML engine, which we
// never use (src/core/frontmatter.ts always passes its own engine; the team bans
// js-yaml's default schema). In the command line that load costs about 10 ms of
// every run (js-yaml probes for 'esprima' with a failing require), and in main.js
// about 40 KB: in both bundles it is replaced with a module that refuses to be used.
const noGrayMatterJsYaml = {
	name: 'no-gray-matter-js-yaml',
	setup(build) {
		build.onResolve({ filter: /^js-yaml$/ }, (args) =>
			/[\\/]gray-matter[\\/]/.test(args.importer) ? { path: 'js-yaml', namespace: 'gray-matter-js-yaml' } : undefined,
		);
		build.onLoad({ filter: /.*/, namespace: 'gray-matter-js-yaml' }, () => ({
			contents:
				"const unused = () => { throw new Error('gray-matter\\'s own js-yaml engine is not bundled; pass an engine'); };\n" +
				'module.exports = { safeLoad: unused, safeDump: unused };',
			loader: 'js',
		}));
	},
};

const copyToExampleVault = {
	name: 'copy-to-example-vault',
	setup(build) {
		build.onEnd(() => {
			mkdirSync(exampleVaultPlugin, { recursive: true });
			for (const f of ['main.js', 'manifest.json', 'styles.css']) copyFileSync(f, `${exampleVaultPlugin}/${f}`);
		});
	},
};

const plugin = {
	banner: { js: '/* Interview Follow-ups: an Obsidian plugin. Built with esbuild; see the repository for the source. */' },
	entryPoints: ['src/obsidian/main.ts'],
	bundle: true,
	external: ['obsidian', 'electron', '@codemirror/*', '@lezer/*'],
	format: 'cjs',
	platform: 'browser',
	target: 'es2021',
	logLevel: 'info',
	sourcemap: production ? false : 'inline',
	treeShaking: true,
	minify: production,
	outfile: 'main.js',
	plugins: production ? [noNodeBuiltins, noGrayMatterJsYaml] : [noNodeBuiltins, noGrayMatterJsYaml, copyToExampleVault],
	define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
};

const cli = {
	banner: { js: '#!/usr/bin/env node' },
	entryPoints: ['src/cli/main.ts'],
	bundle: true,
	format: 'cjs',
	platform: 'node',
	target: 'node20',
	logLevel: 'info',
	outfile: 'dist/cli.cjs',
	sourcemap: false,
	plugins: [noGrayMatterJsYaml],
};

if (process.argv[2] === 'cli') {
	await esbuild.build(cli);
} else if (production) {
	await esbuild.build(plugin);
	await esbuild.build(cli);
	copyToExampleVaultOnce();
} else {
	const ctx = await esbuild.context(plugin);
	await ctx.watch();
}

function copyToExampleVaultOnce() {
	mkdirSync(exampleVaultPlugin, { recursive: true });
	for (const f of ['main.js', 'manifest.json', 'styles.css']) copyFileSync(f, `${exampleVaultPlugin}/${f}`);
}
