import type { Router } from '@/db/schema';

/** A router row as the database would return it, for driver tests that need no other rows. */
export function routerRow(fields: Partial<Router> & Pick<Router, 'name' | 'platform'>): Router {
  return {
    id: 900_000 + Math.floor(Math.random() * 99_999),
    hostname: `${fields.name}.example.net`,
    managementAddress: null,
    sshPort: 22,
    transport: 'ssh',
    username: null,
    passwordEnc: null,
    privateKeyEnc: null,
    hostKey: null,
    pendingHostKey: null,
    localAsn: 65001,
    vrf: null,
    controlCommand: null,
    peersDir: null,
    production: false,
    maintenanceWindows: [],
    lastContactAt: null,
    lastContactResult: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...fields,
  };
}
