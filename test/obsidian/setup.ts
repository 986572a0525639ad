/**
 * Test setup for the plugin: a DOM, obsidian-test-mocks' prototype extensions,
 * and the `obsidian` module mocked. Import it first in every test of the plugin:
 *
 *     import './setup';
 */
import { vi } from 'vitest';
import { installDom, installObsidianMocks } from './dom';

if (typeof document === 'undefined') installDom((name, value) => vi.stubGlobal(name, value));
await installObsidianMocks();
vi.mock('obsidian', async () => await import('obsidian-test-mocks/obsidian'));
