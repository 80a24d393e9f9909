import type { ZodType } from 'zod';
import type { Permission } from '@/lib/auth/permissions';
import { peeringSettingsInput } from '@/lib/settings/schemas';
import { createTokenInput, createUserInput, updateUserInput } from '@/lib/users/schemas';
import { syncRequestInput } from '@/lib/peeringdb/service';
import { importRequestInput } from '@/lib/import/schemas';
import { createPeerGroupInput, createRouterInput, updateRouterInput } from '@/lib/routers/schemas';
import { createSessionInput, updateSessionInput } from '@/lib/sessions/schemas';

export type ApiOperation = {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  summary: string;
  permission: Permission | null;
  body?: ZodType;
  list?: boolean;
};

/**
 * Every /api/v1 operation. The OpenAPI document is built from this list, and a test checks it
 * against the route files, so a new route cannot go undocumented or unchecked.
 */
export const apiOperations: ApiOperation[] = [
  { method: 'GET', path: '/openapi.json', summary: 'This document', permission: null },
  { method: 'GET', path: '/users', summary: 'List users', permission: 'users.manage', list: true },
  { method: 'POST', path: '/users', summary: 'Create a user', permission: 'users.manage', body: createUserInput },
  {
    method: 'PATCH',
    path: '/users/{id}',
    summary: 'Change a user: name, role, disabled, or a new password',
    permission: 'users.manage',
    body: updateUserInput.omit({ id: true }),
  },
  { method: 'GET', path: '/tokens', summary: "The caller's API tokens", permission: 'tokens.own', list: true },
  { method: 'POST', path: '/tokens', summary: 'Create an API token (the secret is returned once)', permission: 'tokens.own', body: createTokenInput },
  { method: 'DELETE', path: '/tokens/{id}', summary: 'Revoke an API token', permission: 'tokens.own' },
  { method: 'GET', path: '/settings', summary: 'Peering settings: local ASNs, PeeringDB (never the key), VRF support, request sender', permission: 'peering.read' },
  {
    method: 'PATCH',
    path: '/settings',
    summary: 'Change peering settings; peeringdb.apiKey is write-only ("" keeps it, null removes it)',
    permission: 'settings.manage',
    body: peeringSettingsInput,
  },
  { method: 'GET', path: '/exchanges', summary: 'Exchanges where a local ASN is present, with peer and session counts', permission: 'peering.read', list: true },
  { method: 'GET', path: '/exchanges/{id}', summary: 'One exchange (PeeringDB ix id) with our connections there', permission: 'peering.read' },
  {
    method: 'GET',
    path: '/exchanges/{id}/networks',
    summary: 'Every other network at the exchange, with its peer status (filters: q, status, policy)',
    permission: 'peering.read',
    list: true,
  },
  {
    method: 'GET',
    path: '/sessions',
    summary: 'BGP sessions with configStatus and the polled bgpState (filters: q, ixId or "none", routerId, localAsn, peerAsn, family 4/6, type, configStatus, bgpState or "none")',
    permission: 'peering.read',
    list: true,
  },
  {
    method: 'POST',
    path: '/sessions',
    summary: 'Add a session (Not Configured); md5 is write-only. A PeeringDB address mismatch is refused until acknowledgeAddressMismatch is true',
    permission: 'sessions.manage',
    body: createSessionInput,
  },
  { method: 'GET', path: '/sessions/{id}', summary: 'One session (hasMd5 tells whether a key is set; the key is never returned)', permission: 'peering.read' },
  {
    method: 'PATCH',
    path: '/sessions/{id}',
    summary: 'Change a session; md5 is write-only ("" keeps it, null removes it)',
    permission: 'sessions.manage',
    body: updateSessionInput.omit({ id: true }),
  },
  { method: 'DELETE', path: '/sessions/{id}', summary: 'Delete a session that is Not Configured', permission: 'sessions.manage' },
  { method: 'GET', path: '/routers', summary: 'Routers with their session counts and last contact (never their credentials)', permission: 'peering.read', list: true },
  {
    method: 'POST',
    path: '/routers',
    summary: 'Add a router; password and privateKey are write-only (a local router needs routers.trust)',
    permission: 'routers.manage',
    body: createRouterInput,
  },
  { method: 'GET', path: '/routers/{id}', summary: 'One router: hasPassword / hasPrivateKey instead of the credentials, host key, pending host key', permission: 'peering.read' },
  {
    method: 'PATCH',
    path: '/routers/{id}',
    summary: 'Change a router; password and privateKey are write-only ("" or absent keeps them, null removes them)',
    permission: 'routers.manage',
    body: updateRouterInput.omit({ id: true }),
  },
  { method: 'DELETE', path: '/routers/{id}', summary: 'Delete a router (refused while it has sessions)', permission: 'routers.manage' },
  {
    method: 'POST',
    path: '/routers/{id}/test',
    summary: 'Test connection: runs the version command; returns {ok, message, kind?, connectMs?, commandMs?} and pins a first host key',
    permission: 'routers.manage',
  },
  { method: 'POST', path: '/routers/{id}/accept-host-key', summary: "Accept the router's changed host key (pendingHostKey becomes hostKey)", permission: 'routers.trust' },
  { method: 'GET', path: '/routers/{id}/peer-groups', summary: "The router's peer groups with exchange name and session count", permission: 'peering.read', list: true },
  {
    method: 'POST',
    path: '/routers/{id}/peer-groups',
    summary: 'Record a peer group configured on the router (exchange, name, family 4 or 6); the router is not changed',
    permission: 'routers.manage',
    body: createPeerGroupInput.omit({ routerId: true }),
  },
  { method: 'DELETE', path: '/peer-groups/{id}', summary: 'Forget a peer group (refused while sessions use it); the router is not changed', permission: 'routers.manage' },
  {
    method: 'POST',
    path: '/sessions/import',
    summary: 'Import the BGP neighbors of a router as Configured sessions, from config text or (FRR, BIRD) read live; dryRun returns the plan only',
    permission: 'import.run',
    body: importRequestInput,
  },
  { method: 'POST', path: '/peeringdb/sync', summary: 'Start a PeeringDB sync job ({"full": true} to refetch everything)', permission: 'peeringdb.sync', body: syncRequestInput },
];
