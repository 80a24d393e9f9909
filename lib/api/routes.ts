import type { ZodType } from 'zod';
import type { Permission } from '@/lib/auth/permissions';
import { peeringSettingsInput } from '@/lib/settings/schemas';
import { createTokenInput, createUserInput, updateUserInput } from '@/lib/users/schemas';
import { syncRequestInput } from '@/lib/peeringdb/service';

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
  { method: 'POST', path: '/peeringdb/sync', summary: 'Start a PeeringDB sync job ({"full": true} to refetch everything)', permission: 'peeringdb.sync', body: syncRequestInput },
];
