import { beforeEach, describe, expect, it, vi } from 'vitest';
import { updateRouterAction } from '@/app/(portal)/peering/routers/actions';
import { db } from '@/db/client';
import { getRouter } from '@/db/queries/routers';
import { localAsns, routers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { makeUser } from '../../support/actors';
import { useTestDatabase } from '../../support/test-database';

// The router form's server action outside Next: the signed-in user is given, and there is no page cache to refresh.
const signedIn = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth', () => ({ currentActor: async () => signedIn.actor }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

useTestDatabase();

let routerId: number;
const saturdayNight = { days: ['sat', 'sun'], start: '23:00', end: '03:00', timeZone: 'Europe/Amsterdam' };

/** What the router form sends on Save: every field it shows, the windows as edited. */
const formValues = (changes: Record<string, unknown>) => ({
  id: routerId,
  name: 'edge1',
  hostname: 'edge1.example.net',
  managementAddress: '',
  sshPort: 22,
  platform: 'frr',
  transport: 'none',
  username: '',
  password: '',
  privateKey: '',
  localAsn: 64500,
  vrf: '',
  controlCommand: '',
  peersDir: '',
  ...changes,
});

beforeEach(async () => {
  await db().insert(localAsns).values({ asn: 64500 });
  [{ id: routerId }] = await db().insert(routers).values({ name: 'edge1', hostname: 'edge1.example.net', platform: 'frr', transport: 'none', localAsn: 64500 }).returning({ id: routers.id });
});

describe('maintenance windows from the router form (server action)', () => {
  it('an Admin saves windows, edits one and removes them all', async () => {
    signedIn.actor = await makeUser('admin');
    const saved = await updateRouterAction(formValues({ production: true, maintenanceWindows: [saturdayNight, { days: ['wed'], start: '02:00', end: '04:00', timeZone: 'UTC' }] }));
    expect(saved).toMatchObject({ ok: true, data: { production: true, maintenanceWindows: [saturdayNight, { days: ['wed'], start: '02:00', end: '04:00', timeZone: 'UTC' }] } });

    await updateRouterAction(formValues({ production: true, maintenanceWindows: [{ ...saturdayNight, end: '05:00' }] }));
    expect((await getRouter(db(), routerId))!.maintenanceWindows).toEqual([{ ...saturdayNight, end: '05:00' }]);

    await updateRouterAction(formValues({ production: true, maintenanceWindows: [] }));
    expect((await getRouter(db(), routerId))!.maintenanceWindows).toEqual([]);
  });

  it('a wrong time zone, day or time comes back as an error on that field of that window, and nothing is saved', async () => {
    signedIn.actor = await makeUser('admin');
    const result = await updateRouterAction(
      formValues({ maintenanceWindows: [saturdayNight, { days: [], start: '25:00', end: '04:00', timeZone: 'Mars/Olympus_Mons' }, { days: ['mon'], start: '04:00', end: '04:00', timeZone: 'UTC' }] }),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.fields).toEqual({
      'maintenanceWindows.1.days': 'Pick at least one day',
      'maintenanceWindows.1.start': 'A time as HH:MM, e.g. 02:00',
      'maintenanceWindows.1.timeZone': 'An IANA time zone, e.g. Europe/Amsterdam or UTC',
      'maintenanceWindows.2.end': 'The window must not end when it starts',
    });
    expect((await getRouter(db(), routerId))!.maintenanceWindows).toEqual([]);
  });

  it('an Operator saves the rest of the form (which leaves the windows out) but may not set windows', async () => {
    await db().update(routers).set({ maintenanceWindows: [saturdayNight] as never });
    signedIn.actor = await makeUser('operator');
    const renamed = await updateRouterAction(formValues({ name: 'edge1-ams' }));
    expect(renamed).toMatchObject({ ok: true, data: { name: 'edge1-ams', maintenanceWindows: [saturdayNight] } });

    // The windows as stored, sent back unchanged (as an API client that read the router does), are no change.
    expect(await updateRouterAction(formValues({ maintenanceWindows: [saturdayNight] }))).toMatchObject({ ok: true });
    const refused = await updateRouterAction(formValues({ maintenanceWindows: [] }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', fields: { maintenanceWindows: "Only those who approve changes may set a router's maintenance windows" } } });
    expect((await getRouter(db(), routerId))!.maintenanceWindows).toEqual([saturdayNight]);
  });
});
