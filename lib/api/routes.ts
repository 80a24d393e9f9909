import type { ZodType } from 'zod';
import type { Permission } from '@/lib/auth/permissions';
import { createTokenInput, createUserInput, updateUserInput } from '@/lib/users/schemas';

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
];
