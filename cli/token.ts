import { parseArgs } from 'node:util';
import { db } from '@/db/client';
import { findUserByEmail } from '@/db/queries/users';
import { createToken } from '@/lib/tokens/service';
import { report } from './output';

export async function tokenCommand(sub: string | undefined, args: string[]) {
  if (sub !== 'create') {
    console.error('Usage: token create --email E --name N [--scope read|write] [--expires-in-days D]');
    return 2;
  }
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' }, scope: { type: 'string' }, 'expires-in-days': { type: 'string' } } });
  const user = values.email ? await findUserByEmail(db(), values.email) : undefined;
  if (!user) {
    console.error(`Error: no user with email ${values.email ?? '(missing --email)'}`);
    return 2;
  }
  if (user.disabledAt) {
    console.error(`Error: ${user.email} is disabled`);
    return 2;
  }
  const actor = { id: user.id, email: user.email, role: user.role, via: 'cli' as const };
  const result = await createToken(actor, { name: values.name, scope: values.scope, expiresInDays: values['expires-in-days'] });
  return report(result, (token) => token.secret);
}
