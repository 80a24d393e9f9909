import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Executor } from '@/db/client';
import { settings } from '@/db/schema';
import { irrSettingsInput, rpkiSettingsInput, DEFAULT_IRR, DEFAULT_RPKI, type IrrSettings, type RpkiSettings } from './settings-schemas';

export { irrSettingsInput, rpkiSettingsInput, DEFAULT_IRR, type IrrSettings, type RpkiSettings };

async function read<T>(executor: Executor, key: string): Promise<Partial<T>> {
  const [row] = await executor.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return (row?.value as Partial<T> | undefined) ?? {};
}

/** Whether an Admin has saved the IRR settings: until then nothing asks an IRR on a schedule. */
export const irrConfigured = async (executor: Executor = db()) => Object.keys(await read<IrrSettings>(executor, 'irr')).length > 0;

export const irrSettings = async (executor: Executor = db()): Promise<IrrSettings> => ({ ...DEFAULT_IRR, ...(await read<IrrSettings>(executor, 'irr')) });
export const rpkiSettings = async (executor: Executor = db()): Promise<RpkiSettings> => ({ ...DEFAULT_RPKI, ...(await read<RpkiSettings>(executor, 'rpki')) });

/** The RTR cache split for router syntax, or null when none is set. */
export function rtrCache(s: RpkiSettings): { host: string; port: number } | null {
  if (!s.cacheServer) return null;
  const m = /^\[?(.+?)\]?(?::(\d+))?$/.exec(s.cacheServer);
  return m ? { host: m[1], port: Number(m[2] ?? 323) } : null;
}

/** Applies the `irr` and `rpki` parts of PATCH /settings; returns what changed, for the audit log. */
export async function applyFilterSettings(
  tx: Executor,
  actorId: number | null,
  input: { irr?: z.output<typeof irrSettingsInput>; rpki?: z.output<typeof rpkiSettingsInput> },
): Promise<string[]> {
  const changed: string[] = [];
  for (const [key, part] of [['irr', input.irr], ['rpki', input.rpki]] as const) {
    if (!part) continue;
    const value = { ...(await read<Record<string, unknown>>(tx, key)), ...part };
    await tx
      .insert(settings)
      .values({ key, value, updatedBy: actorId })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: sql`now()`, updatedBy: actorId } });
    changed.push(...Object.entries(part).map(([k, v]) => `${key}.${k}: ${String(v)}`));
  }
  return changed;
}
