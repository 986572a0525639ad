// Run by `npm version <x>`: copies package.json's version into manifest.json
// and records the minimum Obsidian version for it in versions.json.
import { readFileSync, writeFileSync } from 'node:fs';

const targetVersion = process.env.npm_package_version ?? JSON.parse(readFileSync('package.json', 'utf8')).version;

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8'));
const { minAppVersion } = manifest;
manifest.version = targetVersion;
writeFileSync('manifest.json', JSON.stringify(manifest, null, '\t') + '\n');

const versions = JSON.parse(readFileSync('versions.json', 'utf8'));
if (!Object.values(versions).includes(minAppVersion) || versions[targetVersion] !== minAppVersion) {
	versions[targetVersion] = minAppVersion;
}
writeFileSync('versions.json', JSON.stringify(versions, null, '\t') + '\n');
