import { and, eq, isNotNull } from 'drizzle-orm';
import { utils } from 'ssh2';
import type { Tx } from '@/db/client';
import { bgpSessions, routers, type Router } from '@/db/schema';
import { countRouterSessions, findRouterByName, findRouterForConnection, getRouter } from '@/db/queries/routers';
import type { Actor } from '@/lib/auth/actor';
import { mutation } from '@/lib/auth/mutation';
import { can } from '@/lib/auth/permissions';
import { controlCommandProblem } from '@/lib/config/transport/shell-command';
import { sealIfGiven } from '@/lib/crypto/secrets';
import { ServiceError, notFound } from '@/lib/errors';
import { listLocalAsns, peeringSettingsView } from '@/lib/settings/service';
import { guardChangeControl } from '@/lib/changes/router-settings';
import { createRouterInput, routerIdInput, updateRouterInput } from './schemas';

type Settable = Partial<Pick<Router, 'name' | 'platform' | 'transport' | 'localAsn' | 'vrf' | 'controlCommand' | 'peersDir'>> & { privateKey?: string | null };

/** The rules that need the database or the actor; every broken one comes back next to its field. */
async function checkRouter(tx: Tx, actor: Actor, next: Settable, current?: Router) {
  const fields: Record<string, string> = {};
  if (next.name !== undefined && next.name !== current?.name) {
    const clash = await findRouterByName(tx, next.name);
    if (clash && clash.id !== current?.id) fields.name = 'A router with this name already exists';
  }
  if (next.localAsn !== undefined && next.localAsn !== current?.localAsn) {
    const asns = await listLocalAsns(tx);
    if (!asns.length) fields.localAsn = 'Set your local ASNs in Peering settings first';
    else if (!asns.includes(next.localAsn)) fields.localAsn = `Choose one of your local ASNs (${asns.map((a) => `AS${a}`).join(', ')})`;
  }
  if (next.vrf && next.vrf !== current?.vrf && !(await peeringSettingsView(tx)).vrfSupport) {
    fields.vrf = 'VRF support is off: turn it on in Peering settings first';
  }
  const key = next.privateKey ? utils.parseKey(next.privateKey) : undefined;
  if (key instanceof Error) fields.privateKey = `Not a private key Peerdesk can use: ${key.message}`;
  const command = next.controlCommand === undefined ? current?.controlCommand : next.controlCommand;
  const platform = next.platform ?? current?.platform;
  const commandProblem = command && platform ? controlCommandProblem(command, platform) : null;
  if (commandProblem) fields.controlCommand = commandProblem;
  const first = Object.values(fields)[0];
  if (first) throw new ServiceError('validation', first, fields);

  // These run commands or write files on a host (the Peerdesk server itself, for a local router): only roles that may trust hosts set them.
  if (can(actor.role, 'routers.trust')) return;
  const changed = (k: HostSetting) => next[k] !== undefined && next[k] !== (current ? current[k] : null);
  const refused: Record<string, string> = {};
  if ((next.transport ?? current?.transport) === 'local' && (!current || changed('transport'))) {
    refused.transport = 'Only an Admin may set up a local router: its commands run on the Peerdesk server itself';
  }
  if (changed('controlCommand')) refused.controlCommand = 'Only an Admin may set the control command: it runs on the router host';
  if (changed('peersDir')) refused.peersDir = 'Only an Admin may set the peers directory: pushes write files there on the router host';
  const refusal = Object.values(refused)[0];
  if (refusal) throw new ServiceError('forbidden', refusal, refused);
}

type HostSetting = 'transport' | 'controlCommand' | 'peersDir';

const movedHost = (changes: Partial<Pick<Router, 'hostname' | 'managementAddress' | 'sshPort'>>, current: Router) =>
  (['hostname', 'managementAddress', 'sshPort'] as const).some((k) => changes[k] !== undefined && changes[k] !== current[k]);

const credentialChanges = (input: { password?: string | null; privateKey?: string | null }) =>
  (['password', 'privateKey'] as const).filter((k) => input[k] !== undefined && input[k] !== '').map((k) => `${k}: ${input[k] === null ? 'removed' : 'replaced'}`);

export const createRouter = mutation({
  action: 'router.create',
  permission: 'routers.manage',
  input: createRouterInput,
  async run({ tx, actor, input, audit }) {
    const { password, privateKey, ...plain } = input;
    await checkRouter(tx, actor, { ...plain, privateKey: privateKey || undefined });
    guardChangeControl(actor, plain);
    const values = {
      ...plain,
      managementAddress: plain.managementAddress ?? null,
      username: plain.username ?? null,
      vrf: plain.vrf ?? null,
      controlCommand: plain.controlCommand ?? null,
      peersDir: plain.peersDir ?? null,
      passwordEnc: sealIfGiven(password, null),
      privateKeyEnc: sealIfGiven(privateKey, null),
    };
    const [{ id }] = await tx.insert(routers).values(values).returning({ id: routers.id });
    audit({ target: `router:${id}`, details: { name: plain.name, hostname: plain.hostname, platform: plain.platform, transport: plain.transport, credentials: credentialChanges(input) } });
    return (await getRouter(tx, id))!;
  },
});

export const updateRouter = mutation({
  action: 'router.update',
  permission: 'routers.manage',
  input: updateRouterInput,
  async run({ tx, actor, input, audit }) {
    const current = await findRouterForConnection(tx, input.id);
    if (!current) throw notFound('Router');
    const { id, password, privateKey, ...plain } = input;
    const changes = Object.fromEntries(Object.entries(plain).filter(([, v]) => v !== undefined)) as Partial<typeof plain>;
    await checkRouter(tx, actor, { ...changes, privateKey: privateKey || undefined }, current);
    guardChangeControl(actor, changes, current);
    // Pointed at another host, the stored secrets would go to whoever answers there: below routers.trust they must be entered again.
    const moved = movedHost(changes, current) && !can(actor.role, 'routers.trust');
    await tx
      .update(routers)
      .set({
        ...changes,
        passwordEnc: sealIfGiven(password, moved ? null : current.passwordEnc),
        privateKeyEnc: sealIfGiven(privateKey, moved ? null : current.privateKeyEnc),
        ...(moved && { hostKey: null, pendingHostKey: null }),
        updatedAt: new Date(),
      })
      .where(eq(routers.id, id));
    const changed = Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== current[k as keyof Router]);
    const credentials = [...credentialChanges(input), ...(moved ? ['stored credentials and host key dropped: new host'] : [])];
    audit({ target: `router:${id}`, details: { name: current.name, changed, credentials } });
    return (await getRouter(tx, id))!;
  },
});

export const deleteRouter = mutation({
  action: 'router.delete',
  permission: 'routers.manage',
  input: routerIdInput,
  async run({ tx, input, audit }) {
    const router = await getRouter(tx, input.id);
    if (!router) throw notFound('Router');
    const sessions = await countRouterSessions(tx, router.id);
    if (sessions) throw new ServiceError('conflict', `This router has ${sessions} session${sessions === 1 ? '' : 's'}: delete or move them first`);
    // Sessions already removed from the router are only history; they go with it, as its config pushes do.
    await tx.delete(bgpSessions).where(and(eq(bgpSessions.routerId, router.id), isNotNull(bgpSessions.removedAt)));
    await tx.delete(routers).where(eq(routers.id, router.id));
    audit({ target: `router:${router.id}`, details: { name: router.name, hostname: router.hostname } });
    return { id: router.id };
  },
});

export const acceptHostKey = mutation({
  action: 'router.accept_host_key',
  permission: 'routers.trust',
  input: routerIdInput,
  async run({ tx, input, audit }) {
    const router = await getRouter(tx, input.id);
    if (!router) throw notFound('Router');
    if (!router.pendingHostKey) throw new ServiceError('conflict', 'No new host key is waiting to be accepted for this router');
    await tx.update(routers)
      .set({ hostKey: router.pendingHostKey, pendingHostKey: null, updatedAt: new Date() })
      .where(eq(routers.id, router.id));
    audit({ target: `router:${router.id}`, details: { name: router.name, from: router.hostKey, to: router.pendingHostKey } });
    return (await getRouter(tx, router.id))!;
  },
});
