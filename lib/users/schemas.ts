import { z } from 'zod';
import { roles } from '@/lib/auth/permissions';

export const emailField = z.string().trim().toLowerCase().email('Enter a valid email address').max(254);
export const passwordField = z
  .string()
  .min(10, 'At least 10 characters')
  .max(200, 'At most 200 characters');
export const roleField = z.enum(roles, { message: 'Choose a role' });

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
  .object({ currentPassword: z.string().min(1, 'Enter your current password'), newPassword: passwordField })
  .refine((v) => v.currentPassword !== v.newPassword, { path: ['newPassword'], message: 'Choose a different password' });

export const createTokenInput = z.object({
  name: z.string().trim().min(1, 'Name the token').max(80),
  expiresInDays: z.coerce.number().int().min(1).max(3650).optional(),
});

export const revokeTokenInput = z.object({ id: z.coerce.number().int().positive() });

export type CreateUserInput = z.input<typeof createUserInput>;
