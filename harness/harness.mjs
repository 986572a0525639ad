// The browser harness: a small imitation of Obsidian's window in which the built plugin
// (main.js, unchanged) runs against obsidian-test-mocks.
//
// Bundled by harness/build.mjs into one script for the page harness/index.html.
// The mocks keep Obsidian's API in memory; this file adds what a real window needs
// and the mocks leave out on purpose: leaves that render their view into the page,
// a status bar, notices, modals and menus that show, a note pane that runs the
// plugin's code-block processors, and the plugin's settings tab in a modal.
//
// Everything is exposed on `window.harness` for the end-to-end tests and the demo.

import { setup as setupMockGlobals } from 'obsidian-test-mocks/setup';
import * as mocks from 'obsidian-test-mocks/obsidian';

setupMockGlobals();

// A few icons, drawn for the harness (Obsidian ships Lucide's): a calendar, with a tick, and a clock.
const svg = (body) => `<svg xmlns="http://www.w3.org/2000/svg" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" class="svg-icon">${body}</svg>`;
const calendar = '<rect x="3.5" y="5" width="17" height="15.5" rx="2"/><path d="M3.5 10h17M8 3v4M16 3v4"/>';
mocks.addIcon('calendar', svg(calendar));
mocks.addIcon('calendar-check', svg(`${calendar}<path d="M9 15.2l2 2 4-4"/>`));
mocks.addIcon('alarm-clock', svg('<circle cx="12" cy="13" r="7.5"/><path d="M12 9.5V13l2.5 1.5M4 4.5l2.5-2M20 4.5l-2.5-2"/>'));
// The others the plugin asks for, in the same style: the tree's chevron, the row and header buttons, the menus.
mocks.addIcon('right-triangle', svg('<path d="M6 9l6 6 6-6" />'));
mocks.addIcon('alarm-clock-off', svg('<circle cx="12" cy="13" r="7.5"/><path d="M4 4.5l2.5-2M20 4.5l-2.5-2M3 3l18 18"/>'));
mocks.addIcon('pencil', svg('<path d="M16.5 3.5l4 4L8 20H4v-4z"/><path d="M14 6l4 4"/>'));
mocks.addIcon('mail', svg('<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M3 7l9 6 9-6"/>'));
mocks.addIcon('gift', svg('<rect x="3.5" y="8" width="17" height="4" rx="1"/><path d="M5 12v8.5h14V12M12 8v12.5M12 8c-1.5-4-6-4-5.5-1.5S12 8 12 8zm0 0c1.5-4 6-4 5.5-1.5S12 8 12 8z"/>'));
mocks.addIcon('check', svg('<path d="M5 12.5l4.5 4.5L19 7.5"/>'));
mocks.addIcon('refresh-cw', svg('<path d="M20 11a8 8 0 0 0-14.5-4.5L4 8M4 4v4h4M4 13a8 8 0 0 0 14.5 4.5L20 16M20 20v-4h-4"/>'));
mocks.addIcon('chevrons-down-up', svg('<path d="M7 20l5-5 5 5M7 4l5 5 5-5"/>'));
mocks.addIcon('file-plus', svg('<path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z"/><path d="M14 3v5h5M12 11v6M9 14h6"/>'));
mocks.addIcon('file', svg('<path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z"/><path d="M14 3v5h5"/>'));
mocks.addIcon('copy', svg('<rect x="8" y="8" width="12" height="12" rx="2"/><path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2"/>'));
mocks.addIcon('x', svg('<path d="M18 6L6 18M6 6l12 12"/>'));
mocks.addIcon('separator-vertical', svg('<path d="M12 3v18M8 8l-4 4 4 4M16 16l4-4-4-4"/>'));

const PLUGIN_DATA_PATH = '.obsidian/plugins/interview-followups/data.json';

/** @type {{ app: any, plugin: any, manifest: any, viewCreators: Map<string, (leaf: any) => any>, notices: string[], errors: string[], openNotePath: string | null }} */
const state = {
	app: null,
	plugin: null,
	manifest: null,
	viewCreators: new Map(),
	notices: [],
	errors: [],
	openNotePath: null,
};

// ---------------------------------------------------------------------------------------------
// The page's parts (see index.html)
// ---------------------------------------------------------------------------------------------

function el(id) {
	const found = document.getElementById(id);
	if (!found) throw new Error(`harness: the page has no #${id}`);
	return found;
}

const leafElements = new WeakMap();
const leafSides = new WeakMap();

function sideOf(leaf) {
	return leafSides.get(leaf) ?? 'root';
}

function leafElement(leaf) {
	let leafEl = leafElements.get(leaf);
	if (!leafEl) {
		leafEl = createDiv({ cls: 'workspace-leaf' });
		leafEl.dataset.leafId = String(leaf.id__);
		const side = sideOf(leaf);
		const parent = side === 'right' ? el('right-split') : side === 'left' ? el('left-split') : el('root-split');
		parent.appendChild(leafEl);
		leafElements.set(leaf, leafEl);
	}
	return leafEl;
}

function activateLeafElement(leaf) {
	const leafEl = leafElement(leaf);
	const parent = leafEl.parentElement;
	if (!parent) return;
	for (const sibling of Array.from(parent.children)) {
		if (sibling.classList.contains('workspace-leaf')) sibling.classList.toggle('mod-active', sibling === leafEl);
	}
}

// ---------------------------------------------------------------------------------------------
// Glue: link resolution by name in constant time, as Obsidian does
// ---------------------------------------------------------------------------------------------
// The mocks resolve a link by scanning every file of the vault, so that building a vault of n
// notes costs n² and a benchmark would measure the mocks. Obsidian keeps a lookup by name.

const namesByVault = new WeakMap();

function nameIndex(vault) {
	let index = namesByVault.get(vault);
	if (!index) {
		index = new Map();
		namesByVault.set(vault, index);
	}
	return index;
}

function indexName(vault, file) {
	if (!(file instanceof mocks.TFile)) return;
	for (const key of new Set([file.name.toLowerCase(), file.basename.toLowerCase()])) {
		const index = nameIndex(vault);
		let files = index.get(key);
		if (!files) index.set(key, (files = new Set()));
		files.add(file);
	}
}

const originalSetVaultAbstractFile = mocks.Vault.prototype.setVaultAbstractFile__;
mocks.Vault.prototype.setVaultAbstractFile__ = function setVaultAbstractFile(path, file) {
	const result = originalSetVaultAbstractFile.call(this, path, file);
	indexName(this, file);
	return result;
};

function dirOf(path) {
	const slash = path.lastIndexOf('/');
	return slash > 0 ? path.slice(0, slash) : '';
}

mocks.MetadataCache.prototype.getFirstLinkpathDest = function getFirstLinkpathDest(linkpath, sourcePath) {
	const vault = this.app__.vault;
	const exact = vault.getFileByPath(linkpath) ?? vault.getFileByPath(`${linkpath}.md`);
	if (exact) return exact;
	const name = linkpath.slice(linkpath.lastIndexOf('/') + 1).toLowerCase();
	const suffix = linkpath.toLowerCase();
	const candidates = [];
	for (const file of nameIndex(vault).get(name) ?? []) {
		// Renamed or deleted files stay in the index until they are looked up: check them here.
		if (vault.getFileByPath(file.path) !== file) continue;
		const path = file.path.toLowerCase();
		if (file.basename.toLowerCase() !== name && file.name.toLowerCase() !== name) continue;
		if (!(path === suffix || path === `${suffix}.md` || path.endsWith(`/${suffix}`) || path.endsWith(`/${suffix}.md`))) continue;
		candidates.push(file);
	}
	if (candidates.length === 0) return null;
	const here = dirOf(sourcePath ?? '');
	candidates.sort((a, b) => Number(dirOf(b.path) === here) - Number(dirOf(a.path) === here) || a.path.length - b.path.length || (a.path < b.path ? -1 : 1));
	return candidates[0];
};

// ---------------------------------------------------------------------------------------------
// Glue: workspace leaves render the registered view into the page
// ---------------------------------------------------------------------------------------------

const { Plugin, WorkspaceLeaf, Workspace, Modal, Menu, Notice, Setting, Component } = mocks;

const originalRegisterView = Plugin.prototype.registerView;
Plugin.prototype.registerView = function registerView(type, creator) {
	state.viewCreators.set(type, creator);
	return originalRegisterView.call(this, type, creator);
};

const originalAddStatusBarItem = Plugin.prototype.addStatusBarItem;
Plugin.prototype.addStatusBarItem = function addStatusBarItem() {
	const item = originalAddStatusBarItem.call(this);
	item.classList.add('status-bar-item', `plugin-${String(this.manifest?.id ?? 'unknown').replace(/[^a-z0-9-]/gi, '-')}`);
	el('status-bar').appendChild(item);
	return item;
};

// Obsidian keeps each icon parsed and copies it into the element; the mocks parse its SVG text
// again on every call (an HTML parse per icon button), which made the benchmarks measure that.
const parsedIcons = new Map();
function setIcon(parent, iconId) {
	let icon = parsedIcons.get(iconId);
	if (icon === undefined) {
		const holder = document.createElement('div');
		mocks.setIcon(holder, iconId);
		icon = holder.firstElementChild;
		if (icon) parsedIcons.set(iconId, icon);
	}
	if (!icon) return;
	parent.empty();
	parent.appendChild(icon.cloneNode(true));
}

const originalAddRibbonIcon = Plugin.prototype.addRibbonIcon;
Plugin.prototype.addRibbonIcon = function addRibbonIcon(icon, title, callback) {
	const item = originalAddRibbonIcon.call(this, icon, title, callback);
	item.classList.add('side-dock-ribbon-action', 'clickable-icon');
	item.setAttribute('aria-label', title);
	item.setAttribute('role', 'button');
	item.tabIndex = 0;
	item.dataset.icon = icon;
	setIcon(item, icon);
	if (!item.firstChild) item.textContent = title.slice(0, 2);
	item.addEventListener('click', (evt) => callback(evt));
	el('ribbon').appendChild(item);
	return item;
};

for (const [method, side] of [
	['getRightLeaf', 'right'],
	['getLeftLeaf', 'left'],
]) {
	const original = Workspace.prototype[method];
	Workspace.prototype[method] = function sideLeaf(split) {
		const leaf = original.call(this, split);
		leafSides.set(leaf, side);
		return leaf;
	};
}

Workspace.prototype.ensureSideLeaf = async function ensureSideLeaf(type, side, options = {}) {
	let leaf = this.getLeavesOfType(type)[0];
	if (!leaf) {
		leaf = side === 'left' ? this.getLeftLeaf(options.split ?? false) : this.getRightLeaf(options.split ?? false);
		await leaf.setViewState({ type, active: options.active ?? false, state: options.state });
	}
	if (options.reveal !== false) await this.revealLeaf(leaf);
	return leaf;
};

// Leaves know the split they live in; the side docks collapse and expand in the page.
function splitOf(workspace, side) {
	return side === 'right' ? workspace.rightSplit : side === 'left' ? workspace.leftSplit : workspace.rootSplit;
}
WorkspaceLeaf.prototype.getRoot = function getRoot() {
	return splitOf(this.app__.workspace, sideOf(this));
};
WorkspaceLeaf.prototype.getContainer = function getContainer() {
	return splitOf(this.app__.workspace, sideOf(this));
};

function syncDock(dock) {
	const workspace = state.app?.workspace;
	if (!workspace) return;
	const id = dock === workspace.rightSplit ? 'right-split' : dock === workspace.leftSplit ? 'left-split' : null;
	if (id) el(id).classList.toggle('is-collapsed', dock.collapsed);
}
for (const method of ['collapse', 'expand', 'toggle']) {
	const original = mocks.WorkspaceSidedock.prototype[method];
	mocks.WorkspaceSidedock.prototype[method] = function dockChange(...args) {
		const result = original.apply(this, args);
		syncDock(this);
		return result;
	};
}

const originalSetActiveLeaf = Workspace.prototype.setActiveLeaf;
Workspace.prototype.setActiveLeaf = function setActiveLeaf(leaf, params) {
	const result = originalSetActiveLeaf.call(this, leaf, params);
	activateLeafElement(leaf);
	return result;
};

const originalRevealLeaf = Workspace.prototype.revealLeaf;
Workspace.prototype.revealLeaf = async function revealLeaf(leaf) {
	await originalRevealLeaf.call(this, leaf);
	const side = sideOf(leaf);
	if (side !== 'root') splitOf(this, side).expand();
	activateLeafElement(leaf);
};

Workspace.prototype.getActiveViewOfType = function getActiveViewOfType(type) {
	const view = this.activeLeaf?.view;
	return view && view instanceof type ? view : null;
};

Workspace.prototype.getActiveFile = function getActiveFile() {
	return state.openNotePath ? this.app.vault.getFileByPath(state.openNotePath) : null;
};

const originalSetViewState = WorkspaceLeaf.prototype.setViewState;
WorkspaceLeaf.prototype.setViewState = async function setViewState(viewState, eState) {
	await originalSetViewState.call(this, viewState, eState);
	const creator = state.viewCreators.get(viewState.type);
	if (!creator) return;
	if (this.view && typeof this.view.getViewType === 'function' && this.view.getViewType() === viewState.type) {
		if (viewState.state) await this.view.setState(viewState.state, { history: false });
		return;
	}
	await closeView(this);
	const view = creator(this);
	this.view = view;
	const containerEl = view.containerEl;
	containerEl.classList.add('workspace-leaf-content');
	containerEl.dataset.type = viewState.type;
	// Obsidian's ItemView: containerEl = [.view-header, .view-content]; the mock has no header.
	const header = createDiv({ cls: 'view-header' });
	header.createDiv({ cls: 'view-header-title', text: safeCall(() => view.getDisplayText(), viewState.type) });
	header.createDiv({ cls: 'view-actions' });
	containerEl.insertBefore(header, containerEl.firstChild);
	if (view.contentEl) view.contentEl.classList.add('view-content');
	const leafEl = leafElement(this);
	leafEl.replaceChildren(containerEl);
	if (viewState.active || leafEl.parentElement?.querySelectorAll('.workspace-leaf').length === 1) activateLeafElement(this);
	view.load();
	try {
		if (viewState.state) await view.setState(viewState.state, { history: false });
		await view.onOpen();
	} catch (error) {
		reportError(error);
	}
};

async function closeView(leaf) {
	const view = leaf.view;
	if (!view) return;
	leaf.view = null;
	try {
		await view.onClose();
	} catch (error) {
		reportError(error);
	}
	view.unload();
	view.containerEl.remove();
}

const originalDetach = WorkspaceLeaf.prototype.detach;
WorkspaceLeaf.prototype.detach = function detach() {
	void closeView(this);
	leafElements.get(this)?.remove();
	leafElements.delete(this);
	return originalDetach.call(this);
};

const originalOpenFile = WorkspaceLeaf.prototype.openFile;
WorkspaceLeaf.prototype.openFile = async function openFile(file, openState) {
	await originalOpenFile.call(this, file, openState);
	if (file && file.extension === 'md') renderNote(file.path);
};

// ItemView.addAction: a clickable icon in the view header
const originalAddAction = mocks.ItemView.prototype.addAction;
mocks.ItemView.prototype.addAction = function addAction(icon, title, callback) {
	const action = originalAddAction.call(this, icon, title, callback);
	action.classList.add('clickable-icon', 'view-action');
	action.setAttribute('aria-label', title);
	action.dataset.icon = icon;
	if (!action.firstChild) action.textContent = title;
	action.addEventListener('click', (evt) => callback(evt));
	const actions = this.containerEl.querySelector('.view-actions');
	(actions ?? this.containerEl).appendChild(action);
	return action;
};

// ---------------------------------------------------------------------------------------------
// Glue: modals, menus, notices and settings show in the page
// ---------------------------------------------------------------------------------------------

Modal.prototype.open = function open() {
	const container = this.containerEl;
	container.classList.add('modal-container');
	this.modalEl.classList.add('modal');
	this.titleEl.classList.add('modal-title');
	this.contentEl.classList.add('modal-content');
	this.modalEl.insertBefore(this.titleEl, this.modalEl.firstChild);
	if (!container.querySelector(':scope > .modal-bg')) {
		const bg = createDiv({ cls: 'modal-bg' });
		bg.addEventListener('click', () => this.close());
		container.insertBefore(bg, container.firstChild);
		const closeButton = createEl('button', { cls: 'modal-close-button clickable-icon', text: '×', attr: { 'aria-label': 'Close' } });
		closeButton.addEventListener('click', () => this.close());
		this.modalEl.appendChild(closeButton);
	}
	document.body.appendChild(container);
	openModals.push(this);
	try {
		this.onOpen();
	} catch (error) {
		reportError(error);
	}
};

Modal.prototype.close = function close() {
	if (!this.containerEl.isConnected) return;
	this.containerEl.remove();
	const at = openModals.indexOf(this);
	if (at >= 0) openModals.splice(at, 1);
	try {
		this.onClose();
	} catch (error) {
		reportError(error);
	}
	this.closeCallback?.();
};

let openMenu = null;
function closeOpenMenu() {
	if (openMenu) {
		const menu = openMenu;
		openMenu = null;
		menu.dom__.remove();
		menu.onHideCallback?.();
		// Obsidian gives the focus back to where it was when the menu opened.
		if (menu.returnFocus__ instanceof HTMLElement && menu.returnFocus__.isConnected && !document.querySelector('.modal-container')) menu.returnFocus__.focus();
	}
}

function showMenu(menu, x, y) {
	closeOpenMenu();
	const dom = menu.dom__;
	dom.replaceChildren();
	dom.classList.add('menu');
	dom.setAttribute('role', 'menu');
	for (const item of menu.items__) {
		if (!('title__' in item)) {
			dom.createDiv({ cls: 'menu-separator' });
			continue;
		}
		const row = dom.createDiv({ cls: 'menu-item' });
		row.setAttribute('role', 'menuitem');
		if (item.disabled__) row.classList.add('is-disabled');
		if (item.isLabel__) row.classList.add('is-label');
		if (item.warning__) row.classList.add('is-warning');
		const title = item.title__;
		if (typeof title === 'string') row.createDiv({ cls: 'menu-item-title', text: title });
		else row.createDiv({ cls: 'menu-item-title' }).appendChild(title);
		row.addEventListener('click', (evt) => {
			evt.stopPropagation();
			if (item.disabled__ || item.isLabel__) return;
			closeOpenMenu();
			try {
				item.onClick__?.(evt);
			} catch (error) {
				reportError(error);
			}
		});
	}
	document.body.appendChild(dom);
	// As in Obsidian: the arrow keys move through the items, Enter picks one, Escape closes.
	const items = Array.from(dom.querySelectorAll('.menu-item:not(.is-disabled):not(.is-label)'));
	let selected = -1;
	const select = (i) => {
		items[selected]?.classList.remove('selected');
		selected = (i + items.length) % items.length;
		items[selected]?.classList.add('selected');
	};
	menu.keydown__ = (evt) => {
		if (evt.key === 'ArrowDown') select(selected + 1);
		else if (evt.key === 'ArrowUp') select(selected - 1);
		else if (evt.key === 'Enter' && selected >= 0) items[selected].click();
		else return;
		evt.preventDefault();
		evt.stopPropagation();
	};
	menu.returnFocus__ = document.activeElement;
	const width = dom.offsetWidth;
	const height = dom.offsetHeight;
	dom.style.left = `${Math.max(0, Math.min(x, window.innerWidth - width - 4))}px`;
	dom.style.top = `${Math.max(0, Math.min(y, window.innerHeight - height - 4))}px`;
	openMenu = menu;
}

Menu.prototype.showAtMouseEvent = function showAtMouseEvent(evt) {
	showMenu(this, evt?.clientX ?? 0, evt?.clientY ?? 0);
	return this;
};
Menu.prototype.showAtPosition = function showAtPosition(position) {
	showMenu(this, position?.x ?? 0, position?.y ?? 0);
	return this;
};
Menu.prototype.hide = function hide() {
	if (openMenu === this) closeOpenMenu();
	return this;
};
Menu.prototype.close = Menu.prototype.hide;
document.addEventListener(
	'mousedown',
	(evt) => {
		if (openMenu && !openMenu.dom__.contains(evt.target)) closeOpenMenu();
	},
	true,
);
const openModals = [];
document.addEventListener(
	'keydown',
	(evt) => {
		if (openMenu && evt.key !== 'Escape') openMenu.keydown__?.(evt);
	},
	true,
);
document.addEventListener('keydown', (evt) => {
	if (evt.key !== 'Escape') return;
	if (openMenu) closeOpenMenu();
	else openModals.at(-1)?.close();
});

class HarnessNotice extends Notice {
	constructor(message, duration) {
		super(message, duration);
		this.containerEl.classList.add('notice');
		this.containerEl.setAttribute('role', 'status');
		this.noticeEl.remove();
		// Obsidian shows the fragment itself (its buttons keep their listeners); the mocks show a copy.
		if (typeof message !== 'string') this.messageEl.replaceChildren(message);
		const text = this.messageEl.textContent ?? '';
		state.notices.push(text);
		el('notice-container').appendChild(this.containerEl);
		const ms = duration === undefined ? 5000 : duration;
		if (ms > 0) setTimeout(() => this.hide(), ms);
		this.containerEl.addEventListener('click', () => this.hide());
	}

	hide() {
		this.containerEl.remove();
	}
}

// The mocks' components keep their values in memory and leave the DOM inert: a click on a
// button, typing into a text field or picking an option reaches the callbacks only here.
const wired = new WeakSet();
function wireOnce(component, wire) {
	const target = component;
	if (wired.has(target)) return;
	wired.add(target);
	wire();
}

const { ButtonComponent, ExtraButtonComponent, AbstractTextComponent, ToggleComponent, DropdownComponent } = mocks;

const originalButtonOnClick = ButtonComponent.prototype.onClick;
ButtonComponent.prototype.onClick = function onClick(callback) {
	const result = originalButtonOnClick.call(this, callback);
	wireOnce(this, () => this.buttonEl.addEventListener('click', (evt) => void Promise.resolve(this.clickHandler?.(evt)).catch(reportError)));
	return result;
};

const originalExtraOnClick = ExtraButtonComponent.prototype.onClick;
ExtraButtonComponent.prototype.onClick = function onClick(callback) {
	const result = originalExtraOnClick.call(this, callback);
	wireOnce(this, () => {
		const button = this.extraSettingsEl;
		button.classList.add('clickable-icon', 'extra-setting-button');
		button.setAttribute('role', 'button');
		if (button.dataset.icon) setIcon(button, button.dataset.icon);
		if (!button.textContent && !button.querySelector('svg')) button.textContent = button.getAttribute('aria-label') ?? button.dataset.icon ?? '…';
		button.addEventListener('click', () => void Promise.resolve(this.clickHandler?.()).catch(reportError));
	});
	return result;
};

AbstractTextComponent.prototype.getValue = function getValue() {
	return this.inputEl.value;
};
const originalTextOnChange = AbstractTextComponent.prototype.onChange;
AbstractTextComponent.prototype.onChange = function onChange(callback) {
	const result = originalTextOnChange.call(this, callback);
	wireOnce(this, () =>
		this.inputEl.addEventListener('input', () => {
			this.value = this.inputEl.value;
			void Promise.resolve(this._onChange?.(this.value)).catch(reportError);
		}),
	);
	return result;
};

const originalToggleSetValue = ToggleComponent.prototype.setValue;
ToggleComponent.prototype.setValue = function setValue(value) {
	const result = originalToggleSetValue.call(this, value);
	this.toggleEl.classList.toggle('is-enabled', Boolean(value));
	return result;
};
const originalToggleOnChange = ToggleComponent.prototype.onChange;
ToggleComponent.prototype.onChange = function onChange(callback) {
	const result = originalToggleOnChange.call(this, callback);
	wireOnce(this, () => {
		const toggle = this.toggleEl;
		toggle.classList.add('checkbox-container');
		toggle.classList.toggle('is-enabled', Boolean(this.value));
		toggle.setAttribute('role', 'switch');
		toggle.tabIndex = 0;
		toggle.addEventListener('click', () => {
			this.value = !this.value;
			toggle.classList.toggle('is-enabled', this.value);
			toggle.setAttribute('aria-checked', String(this.value));
			void Promise.resolve(this._onChange?.(this.value)).catch(reportError);
		});
	});
	return result;
};

const originalDropdownOnChange = DropdownComponent.prototype.onChange;
DropdownComponent.prototype.onChange = function onChange(callback) {
	const result = originalDropdownOnChange.call(this, callback);
	wireOnce(this, () => {
		this.selectEl.classList.add('dropdown');
		this.selectEl.addEventListener('change', () => void Promise.resolve(this.changeCallback?.()).catch(reportError));
	});
	return result;
};

// AbstractInputSuggest: Obsidian shows the suggestions in a popover under the field as the user
// types, and picks one with a click or the arrow keys and Enter; the mocks only keep the field.
let openSuggest = null;
function closeSuggest() {
	openSuggest?.remove();
	openSuggest = null;
}
mocks.AbstractInputSuggest.prototype.constructor2__ = function wireSuggest(_app, inputEl) {
	const suggest = this;
	let items = [];
	let selected = 0;
	const select = (i) => {
		selected = i;
		openSuggest?.querySelectorAll('.suggestion-item').forEach((item, j) => item.classList.toggle('is-selected', j === i));
	};
	const pick = (value, evt) => {
		closeSuggest();
		safeCall(() => suggest.selectSuggestion(value, evt));
	};
	const show = async () => {
		items = await Promise.resolve(suggest.getSuggestions(inputEl.value ?? inputEl.textContent ?? ''));
		closeSuggest();
		if (items.length === 0 || document.activeElement !== inputEl) return;
		const rect = inputEl.getBoundingClientRect();
		const box = document.body.createDiv({ cls: 'suggestion-container' });
		box.style.position = 'fixed';
		box.style.left = `${rect.left}px`;
		box.style.top = `${rect.bottom + 2}px`;
		box.style.minWidth = `${rect.width}px`;
		const list = box.createDiv({ cls: 'suggestion' });
		list.setAttribute('role', 'listbox');
		items.slice(0, suggest.limit || items.length).forEach((value, i) => {
			const item = list.createDiv({ cls: 'suggestion-item' });
			item.setAttribute('role', 'option');
			safeCall(() => suggest.renderSuggestion(value, item));
			item.addEventListener('mousedown', (evt) => evt.preventDefault());
			item.addEventListener('mousemove', () => select(i));
			item.addEventListener('click', (evt) => pick(value, evt));
		});
		openSuggest = box;
		select(0);
	};
	inputEl.addEventListener('input', () => void show().catch(reportError));
	inputEl.addEventListener('focus', () => void show().catch(reportError));
	inputEl.addEventListener('blur', () => closeSuggest());
	inputEl.addEventListener(
		'keydown',
		(evt) => {
			if (!openSuggest) return;
			const count = openSuggest.querySelectorAll('.suggestion-item').length;
			if (evt.key === 'ArrowDown' || evt.key === 'ArrowUp') select((selected + (evt.key === 'ArrowDown' ? 1 : count - 1)) % count);
			else if (evt.key === 'Enter') pick(items[selected], evt);
			else if (evt.key === 'Escape') closeSuggest();
			else return;
			evt.preventDefault();
			evt.stopPropagation();
		},
		true,
	);
};

class HarnessSetting extends Setting {
	constructor(containerEl) {
		super(containerEl);
		this.settingEl.classList.add('setting-item');
		this.infoEl.classList.add('setting-item-info');
		this.nameEl.classList.add('setting-item-name');
		this.descEl.classList.add('setting-item-description');
		this.controlEl.classList.add('setting-item-control');
		// Obsidian's order: the name and description first, the control after.
		this.settingEl.appendChild(this.controlEl);
	}

	setHeading() {
		this.settingEl.classList.add('setting-item-heading');
		return super.setHeading ? super.setHeading() : this;
	}
}

// ---------------------------------------------------------------------------------------------
// The `obsidian` module the plugin gets from require()
// ---------------------------------------------------------------------------------------------

const obsidianModule = Object.freeze({ ...mocks, Notice: HarnessNotice, Setting: HarnessSetting, setIcon });

function requireShim(name) {
	if (name === 'obsidian') return obsidianModule;
	throw new Error(`harness: the plugin asked for the module "${name}", which Obsidian does not provide to plugins`);
}

// ---------------------------------------------------------------------------------------------
// The note pane: a reading view that runs the plugin's code-block processors
// ---------------------------------------------------------------------------------------------

const noteChildren = [];

function unloadNoteChildren() {
	for (const child of noteChildren.splice(0)) {
		try {
			child.unload();
		} catch (error) {
			reportError(error);
		}
	}
}

/** Splits a note into its frontmatter text, and body blocks: plain text and fenced code. */
function splitNote(text) {
	const lines = text.split(/\r?\n/);
	let start = 0;
	let frontmatter = null;
	if (lines[0] === '---') {
		const end = lines.indexOf('---', 1);
		if (end > 0) {
			frontmatter = lines.slice(1, end).join('\n');
			start = end + 1;
		}
	}
	const blocks = [];
	let plain = [];
	let plainStart = start;
	const flush = (endLine) => {
		if (plain.some((l) => l.trim() !== '')) blocks.push({ kind: 'text', text: plain.join('\n').trim(), lineStart: plainStart, lineEnd: endLine });
		plain = [];
	};
	for (let i = start; i < lines.length; i++) {
		const fence = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)(.*)$/.exec(lines[i]);
		if (!fence) {
			if (plain.length === 0) plainStart = i;
			plain.push(lines[i]);
			continue;
		}
		flush(i - 1);
		const marker = fence[2];
		const language = fence[3];
		let j = i + 1;
		while (j < lines.length && !(lines[j].trim().startsWith(marker[0].repeat(marker.length)) && lines[j].trim().replace(new RegExp(`^\\${marker[0]}+`), '').trim() === '')) j++;
		blocks.push({ kind: 'code', language, source: lines.slice(i + 1, j).join('\n'), lineStart: i, lineEnd: Math.min(j, lines.length - 1) });
		i = j;
		plainStart = i + 1;
	}
	flush(lines.length - 1);
	return { frontmatter, blocks };
}

function renderNote(path) {
	const app = state.app;
	const pane = el('root-split');
	unloadNoteChildren();
	stopEditing();
	state.openNotePath = path;
	for (const button of document.querySelectorAll('.nav-file')) button.classList.toggle('is-active', button.dataset.path === path);
	const file = app.vault.getFileByPath(path);
	if (!file) {
		pane.replaceChildren(createDiv({ cls: 'harness-empty', text: `No note at ${path}` }));
		return;
	}
	const text = app.vault.readSync__(file);
	const { blocks } = splitNote(text);
	const view = createDiv({ cls: 'markdown-reading-view' });
	view.dataset.path = path;
	view.createDiv({ cls: 'inline-title', text: file.basename });
	const cache = app.metadataCache.getFileCache(file);
	const frontmatter = cache?.frontmatter;
	if (frontmatter && Object.keys(frontmatter).length > 0) {
		const props = view.createDiv({ cls: 'metadata-container' });
		for (const [key, value] of Object.entries(frontmatter)) {
			const row = props.createDiv({ cls: 'metadata-property' });
			row.dataset.propertyKey = key;
			row.createDiv({ cls: 'metadata-property-key', text: key });
			row.createDiv({ cls: 'metadata-property-value', text: Array.isArray(value) ? value.map(propertyText).join('\n') : propertyText(value) });
		}
	}
	const section = view.createDiv({ cls: 'markdown-preview-section' });
	const processors = state.plugin?.markdownCodeBlockProcessors__ ?? new Map();
	const lines = text.split(/\r?\n/);
	for (const block of blocks) {
		if (block.kind === 'text') {
			renderText(section, block.text);
			continue;
		}
		const processor = processors.get(block.language);
		if (!processor) {
			section.createEl('pre', { cls: 'harness-code', text: block.source });
			continue;
		}
		const blockEl = section.createDiv({ cls: `block-language-${block.language}` });
		const ctx = {
			docId: `harness-${path}`,
			sourcePath: path,
			frontmatter: frontmatter ?? null,
			addChild(child) {
				noteChildren.push(child);
				child.load();
			},
			getSectionInfo() {
				return { text, lineStart: block.lineStart, lineEnd: block.lineEnd };
			},
		};
		void (async () => {
			try {
				await processor(block.source, blockEl, ctx);
			} catch (error) {
				reportError(error);
			}
		})();
		void lines;
	}
	pane.replaceChildren(view);
}

// ---------------------------------------------------------------------------------------------
// The note pane's editing mode: a <textarea> standing in for Obsidian's editor
// ---------------------------------------------------------------------------------------------

/**
 * The note being edited: a MarkdownView of the mocks, made `workspace.activeEditor` as Obsidian
 * makes the editor used last, whose Editor (the mocks' in-memory one) is kept in step with a
 * textarea both ways: what the user types and selects reaches the Editor, and what the plugin
 * does through the Editor (insert, select, scroll) shows in the textarea. As in Obsidian, the
 * text is saved to the vault a moment after it changes, and a change made to the file by other
 * means (the plugin's writer) is loaded into the editor.
 */
const editing = { path: null, view: null, textarea: null, saveTimer: 0, saving: false };
const EDITOR_SAVE_MS = 300;

function editNote(path) {
	const app = state.app;
	const file = app.vault.getFileByPath(path);
	if (!file) throw new Error(`harness: no note at ${path}`);
	renderNote(path);
	const view = mocks.MarkdownView.create2__(mocks.WorkspaceLeaf.create2__(app));
	view.file = file;
	const editor = view.editor;
	// The Editor's own methods, before the ones below that also update the page.
	const raw = {};
	for (const name of ['replaceRange', 'setSelection', 'setCursor', 'setValue', 'scrollIntoView']) raw[name] = editor[name].bind(editor);
	raw.setValue(app.vault.readSync__(file));

	const textarea = createEl('textarea', { cls: 'harness-editor' });
	textarea.spellcheck = false;
	textarea.setAttribute('aria-label', `Edit ${file.basename}`);
	textarea.value = editor.getValue();
	const offsets = () => [editor.posToOffset(editor.getCursor('anchor')), editor.posToOffset(editor.getCursor('head'))];
	// The page to the Editor: typing, clicking, selecting.
	const pull = () => {
		if (textarea.value !== editor.getValue()) {
			raw.setValue(textarea.value);
			scheduleSave();
		}
		const backward = textarea.selectionDirection === 'backward';
		const anchor = backward ? textarea.selectionEnd : textarea.selectionStart;
		const head = backward ? textarea.selectionStart : textarea.selectionEnd;
		raw.setSelection(editor.offsetToPos(anchor), editor.offsetToPos(head));
	};
	for (const type of ['input', 'select', 'selectionchange', 'keyup', 'mouseup', 'focus']) textarea.addEventListener(type, pull);
	// The Editor to the page: what the plugin did.
	const push = () => {
		if (textarea.value !== editor.getValue()) {
			textarea.value = editor.getValue();
			scheduleSave();
		}
		const [anchor, head] = offsets();
		const start = Math.min(anchor, head);
		const end = Math.max(anchor, head);
		if (textarea.selectionStart !== start || textarea.selectionEnd !== end) textarea.setSelectionRange(start, end, anchor > head ? 'backward' : 'forward');
	};
	for (const name of ['replaceRange', 'setSelection', 'setCursor', 'setValue']) {
		editor[name] = (...args) => {
			const result = raw[name](...args);
			push();
			return result;
		};
	}
	editor.scrollIntoView = (range, center) => {
		raw.scrollIntoView(range, center);
		const line = range?.from?.line ?? 0;
		const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
		textarea.scrollTop = Math.max(0, line * lineHeight - (center ? textarea.clientHeight / 3 : 0));
	};

	const pane = el('root-split');
	const wrapper = createDiv({ cls: 'markdown-source-view' });
	wrapper.dataset.path = path;
	wrapper.createDiv({ cls: 'inline-title', text: file.basename });
	wrapper.appendChild(textarea);
	pane.replaceChildren(wrapper);
	Object.assign(editing, { path, view, textarea });
	app.workspace.activeEditor = view;
	return textarea;
}

function scheduleSave() {
	clearTimeout(editing.saveTimer);
	const { path, view } = editing;
	editing.saveTimer = setTimeout(() => {
		const file = state.app.vault.getFileByPath(path);
		if (!file || editing.view !== view || state.app.vault.readSync__(file) === view.editor.getValue()) return;
		editing.saving = true;
		void state.app.vault
			.modify(file, view.editor.getValue())
			.catch(reportError)
			.finally(() => {
				editing.saving = false;
			});
	}, EDITOR_SAVE_MS);
}

/** The file changed by other means than this editor: its text replaces the editor's, the cursor kept where it can be. */
function reloadEditor(file) {
	if (editing.saving) return;
	const editor = editing.view.editor;
	const text = state.app.vault.readSync__(file);
	if (text === editor.getValue()) return;
	const cursor = editor.getCursor();
	editor.setValue(text);
	editor.setCursor({ line: Math.min(cursor.line, editor.lineCount() - 1), ch: 0 });
}

function stopEditing() {
	if (editing.path === null) return;
	clearTimeout(editing.saveTimer);
	const file = state.app.vault.getFileByPath(editing.path);
	if (file && state.app.vault.readSync__(file) !== editing.view.editor.getValue()) void state.app.vault.modify(file, editing.view.editor.getValue()).catch(reportError);
	if (state.app.workspace.activeEditor === editing.view) state.app.workspace.activeEditor = null;
	Object.assign(editing, { path: null, view: null, textarea: null, saveTimer: 0, saving: false });
}

/**
 * A reading view of plain Markdown, just enough to look like one: headings, list items and
 * paragraphs. Everything goes in as text (textContent); links and emphasis stay as written.
 */
function renderText(parent, text) {
	let list = null;
	let paragraph = null;
	for (const line of text.split('\n')) {
		const heading = /^(#{1,6})\s+(.*)$/.exec(line);
		const item = /^(\s*)[-*+]\s+(?:\[[ xX]\]\s+)?(.*)$/.exec(line);
		if (line.trim() === '') {
			list = null;
			paragraph = null;
		} else if (heading) {
			list = null;
			paragraph = null;
			parent.createEl(`h${heading[1].length}`, { cls: 'harness-heading', text: heading[2] });
		} else if (item) {
			paragraph = null;
			list ??= parent.createEl('ul', { cls: 'harness-list' });
			const li = list.createEl('li', { text: item[2] });
			if (item[1].length > 0) li.classList.add('harness-nested');
		} else if (paragraph) {
			paragraph.appendText(`\n${line}`);
		} else {
			list = null;
			paragraph = parent.createEl('p', { cls: 'harness-text', text: line });
		}
	}
}

/** A property value as the Properties panel would show it, as text. */
function propertyText(value) {
	if (value === null || value === undefined) return '';
	if (typeof value === 'object') {
		return Object.entries(value)
			.map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
			.join(', ');
	}
	return String(value);
}

function renderFileList() {
	const list = el('file-list');
	list.replaceChildren();
	const files = state.app.vault
		.getMarkdownFiles()
		.map((f) => f.path)
		.sort((a, b) => a.localeCompare(b));
	let folder = null;
	for (const path of files) {
		const slash = path.lastIndexOf('/');
		const dir = slash > 0 ? path.slice(0, slash) : '';
		if (dir !== folder) {
			folder = dir;
			if (dir) list.createDiv({ cls: 'nav-folder-title', text: dir });
		}
		const button = list.createEl('button', { cls: 'nav-file', text: path.slice(slash + 1).replace(/\.md$/, '') });
		button.dataset.path = path;
		button.addEventListener('click', () => renderNote(path));
	}
}

// ---------------------------------------------------------------------------------------------
// Starting: vault, app, plugin
// ---------------------------------------------------------------------------------------------

function safeCall(fn, fallback) {
	try {
		return fn();
	} catch (error) {
		reportError(error);
		return fallback;
	}
}

function reportError(error) {
	const message = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
	state.errors.push(message);
	console.error('harness:', error);
}
window.addEventListener('error', (evt) => reportError(evt.error ?? evt.message));
window.addEventListener('unhandledrejection', (evt) => reportError(evt.reason));

async function fetchText(url) {
	const response = await fetch(url, { cache: 'no-store' });
	if (!response.ok) throw new Error(`harness: GET ${url} answered ${response.status}`);
	return response.text();
}

/** Runs a Component's onload the way Obsidian does: awaiting it when it returns a promise. */
async function loadComponent(component) {
	let pending;
	const onload = component.onload;
	component.onload = function captured() {
		pending = onload.call(this);
		return pending;
	};
	try {
		component.load();
		await pending;
	} finally {
		delete component.onload;
	}
}

/**
 * Starts Obsidian's imitation with a vault and the plugin.
 * @param {{ files?: Record<string, string>, vault?: string, data?: unknown, pluginUrl?: string, restoreView?: string }} options
 *   files: the vault's notes by path; or vault: a URL answering { files, data } (default '/vault.json');
 *   data: the plugin's data.json (default: the vault's, else none);
 *   restoreView: a view type to open in the right sidebar before the layout is ready, as Obsidian
 *   does when it restores a workspace where the view was open.
 */
async function start(options = {}) {
	if (state.app) throw new Error('harness: already started; reload the page to start again');
	const startedAt = performance.now();
	let files = options.files;
	let data = options.data;
	if (!files) {
		const vault = JSON.parse(await fetchText(options.vault ?? '/vault.json'));
		files = vault.files;
		if (data === undefined) data = vault.data;
	}
	const notes = {};
	for (const [path, text] of Object.entries(files)) {
		if (path === PLUGIN_DATA_PATH && data === undefined) {
			data = JSON.parse(text);
			continue;
		}
		if (path.split('/').some((part) => part.startsWith('.'))) continue;
		notes[path] = text;
	}
	const base = options.pluginUrl ?? '/plugin';
	const [code, manifestText] = await Promise.all([fetchText(`${base}/main.js`), fetchText(`${base}/manifest.json`)]);
	const manifest = JSON.parse(manifestText);
	const fetchedAt = performance.now();

	const app = mocks.App.createConfigured__({ files: notes });
	const vaultBuiltAt = performance.now();
	state.app = app;
	window.app = app;
	app.isDarkMode = () => document.body.classList.contains('theme-dark');
	// Obsidian fires 'resolved' after the first indexing and again after later changes.
	let resolveTimer = 0;
	app.metadataCache.on('changed', () => {
		clearTimeout(resolveTimer);
		resolveTimer = setTimeout(() => app.metadataCache.trigger('resolved'), 0);
	});
	// Keep the note pane current.
	app.vault.on('modify', (file) => {
		if (file.path === editing.path) reloadEditor(file);
		else if (file.path === state.openNotePath) renderNote(file.path);
	});
	app.vault.on('create', () => renderFileList());
	app.vault.on('delete', () => renderFileList());
	app.vault.on('rename', () => renderFileList());
	renderFileList();

	const module = { exports: {} };
	// Obsidian evaluates a plugin's main.js as a CommonJS module in the same way.
	const evaluate = new Function('require', 'module', 'exports', `${code}\n//# sourceURL=plugin:${manifest.id}/main.js`);
	evaluate(requireShim, module, module.exports);
	const PluginClass = module.exports.default ?? module.exports;
	if (typeof PluginClass !== 'function') throw new Error('harness: main.js exports no plugin class');
	const plugin = new PluginClass(app, manifest);
	plugin.data__ = data ?? null;
	state.plugin = plugin;
	state.manifest = manifest;
	await loadComponent(plugin);
	const pluginLoadedAt = performance.now();
	// Obsidian restores the saved workspace (e.g. the plugin's view in the sidebar) before the layout is ready.
	if (options.restoreView) await app.workspace.ensureSideLeaf(options.restoreView, 'right', { active: true, reveal: true });
	// Obsidian's window is drawn before its layout is ready: the harness's file list (all 10,000
	// notes in the benchmark, where Obsidian draws only the visible ones) is laid out here, not in
	// the time measured from layout-ready.
	await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
	const layoutReadyAt = performance.now();
	app.workspace.setLayoutReady__();
	app.workspace.trigger('layout-change');
	app.metadataCache.trigger('resolved');
	wireBar();
	// Times in performance.now() milliseconds.
	return { startedAt, fetchedAt, vaultBuiltAt, pluginLoadedAt, layoutReadyAt, loadMs: performance.now() - startedAt };
}

// ---------------------------------------------------------------------------------------------
// What the tests and the demo use
// ---------------------------------------------------------------------------------------------

function requireStarted() {
	if (!state.app || !state.plugin) throw new Error('harness: call harness.start() first');
	return { app: state.app, plugin: state.plugin };
}

function commandList() {
	const { plugin } = requireStarted();
	return Array.from(plugin.commands__.values()).map((c) => ({ id: c.id, name: c.name, hotkeys: c.hotkeys ?? [] }));
}

async function runCommand(id) {
	const { plugin } = requireStarted();
	const bare = id.startsWith(`${state.manifest.id}:`) ? id.slice(state.manifest.id.length + 1) : id;
	const command = plugin.commands__.get(bare);
	if (!command) throw new Error(`harness: no command "${id}"; there are ${commandList().map((c) => c.id).join(', ')}`);
	if (command.callback) {
		await command.callback();
		return true;
	}
	if (command.checkCallback) {
		if (!command.checkCallback(true)) return false;
		await command.checkCallback(false);
		return true;
	}
	return false;
}

function openSettings() {
	const { app, plugin } = requireStarted();
	const tab = plugin.settingTabs__[0];
	if (!tab) throw new Error('harness: the plugin added no settings tab');
	const modal = new Modal(app);
	modal.modalEl.classList.add('mod-settings');
	modal.titleEl.textContent = state.manifest.name;
	tab.containerEl.classList.add('vertical-tab-content');
	modal.contentEl.appendChild(tab.containerEl);
	modal.onOpen = () => tab.display();
	modal.onClose = () => tab.hide();
	modal.open();
	return modal;
}

function readNote(path) {
	const { app } = requireStarted();
	const file = app.vault.getFileByPath(path);
	return file ? app.vault.readSync__(file) : null;
}

async function writeNote(path, text) {
	const { app } = requireStarted();
	const file = app.vault.getFileByPath(path);
	if (file) await app.vault.modify(file, text);
	else await app.vault.create(path, text);
}

function setTheme(theme) {
	document.body.classList.toggle('theme-dark', theme === 'dark');
	document.body.classList.toggle('theme-light', theme !== 'dark');
	state.app?.workspace.trigger('css-change');
}

function setLayout(layout) {
	const phone = layout === 'phone';
	document.body.classList.toggle('is-mobile', phone);
	document.body.classList.toggle('is-phone', phone);
	state.app?.workspace.trigger('resize');
	for (const leaf of state.app?.workspace.leaves ?? []) leaf.view?.onResize?.();
}

function setRightSidebarWidth(px) {
	document.body.style.setProperty('--harness-right-width', `${px}px`);
	for (const leaf of state.app?.workspace.leaves ?? []) leaf.view?.onResize?.();
}

/** Removes the harness's own bar (for screenshots that show only the imitation of Obsidian's window). */
function hideBar() {
	document.getElementById('harness-bar')?.remove();
	document.body.classList.remove('harness-has-bar');
}

/** The plugin's views by type, e.g. harness.views('interview-followups'). */
function views(type) {
	const { app } = requireStarted();
	return app.workspace
		.getLeavesOfType(type)
		.map((leaf) => leaf.view)
		.filter(Boolean);
}

/** The types of the views the plugin registered. */
function viewTypes() {
	return Array.from(state.viewCreators.keys());
}

/** Opens the plugin's view in the right sidebar, as its command or ribbon icon would. */
async function openView(type) {
	const { app } = requireStarted();
	const viewType = type ?? viewTypes()[0];
	if (!viewType) throw new Error('harness: the plugin registered no view');
	const leaf = await app.workspace.ensureSideLeaf(viewType, 'right', { active: true, reveal: true });
	return leaf.view?.containerEl ?? null;
}

/**
 * Resolves once `target` has stopped changing for `quietMs`, with the time (performance.now())
 * of the first frame painted after its last change (or after the call, if it never changed).
 */
function whenSettled(target = document.body, quietMs = 200, timeoutMs = 10000) {
	return new Promise((resolve) => {
		let lastPaint = null;
		let pendingFrame = false;
		let quietTimer = 0;
		const began = performance.now();
		const stop = (reason) => {
			observer.disconnect();
			clearTimeout(quietTimer);
			clearTimeout(limit);
			resolve({ paintedAt: lastPaint ?? began, reason });
		};
		const changed = () => {
			clearTimeout(quietTimer);
			if (!pendingFrame) {
				pendingFrame = true;
				requestAnimationFrame(() => {
					pendingFrame = false;
					lastPaint = performance.now();
					clearTimeout(quietTimer);
					quietTimer = setTimeout(() => stop('quiet'), quietMs);
				});
			}
		};
		const observer = new MutationObserver(changed);
		observer.observe(target, { subtree: true, childList: true, characterData: true, attributes: true });
		const limit = setTimeout(() => stop('timeout'), timeoutMs);
		changed();
	});
}

window.harness = {
	start,
	get app() {
		return state.app;
	},
	get plugin() {
		return state.plugin;
	},
	get manifest() {
		return state.manifest;
	},
	notices: state.notices,
	errors: state.errors,
	commands: commandList,
	runCommand,
	openSettings,
	openView,
	views,
	viewTypes,
	openNote: (path) => renderNote(path),
	editNote,
	readNote,
	writeNote,
	pluginData: () => state.plugin?.data__ ?? null,
	setTheme,
	setLayout,
	setRightSidebarWidth,
	hideBar,
	whenSettled,
	splitNote,
	Component,
};

// ---------------------------------------------------------------------------------------------
// The demo's bar, and starting by itself unless the page says ?manual
// ---------------------------------------------------------------------------------------------

function wireBar() {
	const bar = document.getElementById('harness-bar');
	if (!bar) return;
	document.body.classList.add('harness-has-bar');
	document.getElementById('harness-theme')?.addEventListener('click', () => setTheme(document.body.classList.contains('theme-dark') ? 'light' : 'dark'));
	document.getElementById('harness-settings')?.addEventListener('click', () => openSettings());
	document.getElementById('harness-sidebar')?.addEventListener('click', () => state.app?.workspace.rightSplit.toggle());
	const commands = document.getElementById('harness-commands');
	if (commands instanceof HTMLSelectElement) {
		commands.replaceChildren(createEl('option', { text: 'Run a command…', value: '' }));
		for (const command of commandList()) commands.appendChild(createEl('option', { text: `${state.manifest.name}: ${command.name}`, value: command.id }));
		commands.addEventListener('change', () => {
			const id = commands.value;
			commands.value = '';
			if (id) void runCommand(id).catch(reportError);
		});
	}
}

const params = new URLSearchParams(location.search);
if (params.get('theme') === 'dark') setTheme('dark');
if (params.get('layout') === 'phone') setLayout('phone');
if (!params.has('manual')) {
	start()
		.then(async () => {
			if (viewTypes().length > 0 && views(viewTypes()[0]).length === 0) await openView();
			const first = params.get('note') ?? state.app.vault.getMarkdownFiles().map((f) => f.path).sort()[0];
			if (first) renderNote(first);
		})
		.catch((error) => {
			reportError(error);
			el('root-split').replaceChildren(createDiv({ cls: 'harness-empty', text: `The harness could not start: ${error instanceof Error ? error.message : String(error)}` }));
		});
}
