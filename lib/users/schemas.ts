import { z } from 'zod';
import type { TokenScope } from '@/db/schema';
import { roles } from '@/lib/auth/permissions';

const emailField = z.string().trim().toLowerCase().email('Enter a valid email address').max(254);
const passwordField = z
  .string()
  .min(10, 'At least 10 characters')
  .max(200, 'At most 200 characters');
const roleField = z.enum(roles, { message: 'Choose a role' });

export const createUserInput = z.object({
  email: emailField,
  name: z.string().trim().max(120).default(''),
  role: roleField,
  password: passwordField,
});

export const updateUserInput = z.object({
  id: z.coerce.number().int().positive(),
  name: z.string().trim().max(120).optional(),
  role: roleField.optional(),
  disabled: z.boolean().optional(),
  password: passwordField.optional(),
});

export const changeOwnPasswordInput = z
  .object({ currentPassword: z.string().min(1, 'Enter your current password').max(1024), newPassword: passwordField })
  .refine((v) => v.currentPassword !== v.newPassword, { path: ['newPassword'], message: 'Choose a different password' });

const tokenScopes = ['read', 'write'] as const satisfies readonly TokenScope[];

export const createTokenInput = z.object({
  name: z.string().trim().min(1, 'Name the token').max(80),
  scope: z.enum(tokenScopes).default('write'),
  // Every token ends: 90 days unless chosen, a year at most.
  expiresInDays: z.coerce.number().int().min(1, 'At least 1 day').max(365, 'At most 365 days').default(90),
});

export const revokeTokenInput = z.object({ id: z.coerce.number().int().positive() });
