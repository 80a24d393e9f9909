import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createUser } from '@/lib/users/service';
import { cliActor, report } from './output';

export async function userCommand(sub: string | undefined, args: string[]) {
  if (sub !== 'create') {
    console.error('Usage: user create --email E --role R [--password P] [--name N]');
    return 2;
  }
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } } });
  const password = values.password ?? randomBytes(12).toString('base64url');
  const result = await createUser(cliActor, { email: values.email, role: values.role, name: values.name, password });
  return report(result, (user) =>
    values.password ? `Created ${user.role} ${user.email} (id ${user.id})` : `Created ${user.role} ${user.email} (id ${user.id}) with password ${password}`,
  );
}
