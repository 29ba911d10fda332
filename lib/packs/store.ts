// Installed packs live in browser.storage.local (DESIGN.md §7): the extension's own origin, readable
// by content scripts without the page's IndexedDB or a message, and storage's change event tells
// every open tab when a pack is imported, switched or removed. `packs` is the index (small, read on
// every analysed page); each pack's entities are under `pack:<id>`, read only when it is on.
// Only the options page writes, after validation; readers still check the shape they get.
import type { EntityType } from '../entities/types';
import { utf8Length } from '../import/limits';
import { readLocal, readLocalMany, removeLocal, watchLocal, writeLocal } from '../settings/local-storage';
import { countByType, type Pack } from './format';
import { slugOf } from './types';

/** What the packs list shows and the content script reads first. */
export interface InstalledPack {
  id: string;
  name: string;
  source: string;
  licence: string;
  credit: string;
  built: string;
  enabled: boolean;
  entities: number;
  counts: Record<EntityType, number>;
  /** Stored size, UTF-8 bytes of its JSON. */
  bytes: number;
}

/**
 * What all packs together may take. Chrome gives storage.local 10 MB without the unlimitedStorage
 * permission (not asked for: README, DESIGN.md §7); the settings need a little of it.
 */
export const PACKS_BUDGET_BYTES = 9 * 1024 * 1024;

const INDEX_KEY = 'packs';
const packKey = (id: string) => `pack:${id}`;

/** The installed packs, in install order (earlier packs win over later ones where names meet). */
export async function listPacks(): Promise<InstalledPack[]> {
  return readIndex(await readLocal(INDEX_KEY));
}

function readIndex(value: unknown): InstalledPack[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (p): p is InstalledPack =>
      typeof p === 'object' &&
      p !== null &&
      typeof (p as InstalledPack).id === 'string' &&
      typeof (p as InstalledPack).name === 'string' &&
      typeof (p as InstalledPack).enabled === 'boolean',
  );
}

/** The installed id a pack gets: from its name, so importing a new build of a pack replaces it. */
export const installedIdOf = (pack: Pack) => slugOf(pack.name);

export interface InstallPlan {
  id: string;
  /** The installed pack this one replaces (same name), if any. */
  replaces?: InstalledPack;
  bytes: number;
  /** Why it cannot be installed, or null. */
  problem: string | null;
}

/** What installing `pack` would do, checked against the room left. */
export function planInstall(pack: Pack, installed: readonly InstalledPack[]): InstallPlan {
  const id = installedIdOf(pack);
  const replaces = installed.find((p) => p.id === id);
  const bytes = utf8Length(JSON.stringify(pack));
  const others = installed.filter((p) => p.id !== id).reduce((sum, p) => sum + p.bytes, 0);
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  const problem =
    others + bytes > PACKS_BUDGET_BYTES
      ? `This pack takes ${mb(bytes)}; with the installed packs (${mb(others)}) that is over the ${mb(PACKS_BUDGET_BYTES)} packs may use. Remove a pack, or build a smaller one.`
      : null;
  return { id, ...(replaces ? { replaces } : {}), bytes, problem };
}

/** Installs (or replaces) a validated pack, switched on, in one write: all of it or nothing. */
export async function installPack(pack: Pack): Promise<InstalledPack> {
  const installed = await listPacks();
  const plan = planInstall(pack, installed);
  if (plan.problem) throw new Error(plan.problem);
  const entry: InstalledPack = {
    id: plan.id,
    name: pack.name,
    source: pack.source,
    licence: pack.licence,
    credit: pack.credit,
    built: pack.built,
    enabled: true,
    entities: pack.entities.length,
    counts: countByType(pack.entities),
    bytes: plan.bytes,
  };
  const index = plan.replaces ? installed.map((p) => (p.id === plan.id ? entry : p)) : [...installed, entry];
  // The pack before the index in one call: a tab reading the index then finds the pack.
  await writeLocal({ [packKey(plan.id)]: pack, [INDEX_KEY]: index });
  return entry;
}

export async function setPackEnabled(id: string, enabled: boolean): Promise<void> {
  const index = await listPacks();
  await writeLocal({ [INDEX_KEY]: index.map((p) => (p.id === id ? { ...p, enabled } : p)) });
}

/** Removes a pack; returns it (and its place) so that the removal can be undone. */
export async function removePack(
  id: string,
): Promise<{ entry: InstalledPack; pack: Pack; position: number } | null> {
  const index = await listPacks();
  const position = index.findIndex((p) => p.id === id);
  const entry = index[position];
  const pack = (await readLocal(packKey(id))) as Pack | null;
  if (!entry || !pack) return null;
  await writeLocal({ [INDEX_KEY]: index.filter((p) => p.id !== id) });
  await removeLocal(packKey(id));
  return { entry, pack, position };
}

/** Puts back a removed pack where it was, as it was (on or off). */
export async function restorePack(removed: {
  entry: InstalledPack;
  pack: Pack;
  position: number;
}): Promise<void> {
  const index = (await listPacks()).filter((p) => p.id !== removed.entry.id);
  index.splice(Math.min(removed.position, index.length), 0, removed.entry);
  await writeLocal({ [packKey(removed.entry.id)]: removed.pack, [INDEX_KEY]: index });
}

/** The switched-on packs with their entities, in install order; a missing or damaged one is skipped. */
export async function loadEnabledPacks(): Promise<{ entry: InstalledPack; pack: Pack }[]> {
  const enabled = (await listPacks()).filter((p) => p.enabled);
  if (enabled.length === 0) return [];
  const items = await readLocalMany(enabled.map((p) => packKey(p.id)));
  const loaded: { entry: InstalledPack; pack: Pack }[] = [];
  enabled.forEach((entry, i) => {
    const pack = items[i] as Pack | null | undefined;
    if (pack && Array.isArray(pack.entities)) loaded.push({ entry, pack });
  });
  return loaded;
}

/** Every installed pack with its entities (the options page's dictionary lists them). */
export async function loadAllPacks(): Promise<{ entry: InstalledPack; pack: Pack }[]> {
  const all = await listPacks();
  if (all.length === 0) return [];
  const items = await readLocalMany(all.map((p) => packKey(p.id)));
  return all.flatMap((entry, i) => {
    const pack = items[i] as Pack | null | undefined;
    return pack && Array.isArray(pack.entities) ? [{ entry, pack }] : [];
  });
}

/** Calls `listener` when packs are installed, switched or removed anywhere. Returns an unsubscribe. */
export function watchPacks(listener: (packs: InstalledPack[]) => void): () => void {
  return watchLocal(INDEX_KEY, (value) => listener(readIndex(value)));
}
