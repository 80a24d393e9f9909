import type { PublicRouter } from '@/db/queries/routers';
import { describeWindow } from '@/lib/changes/windows';
import { platformLabels } from '@/lib/routers/schemas';

/** The settings, read-only, for roles that may not change routers. */
export function RouterFacts({ router }: { router: PublicRouter }) {
  const credentials = [router.hasPassword && 'password', router.hasPrivateKey && 'private key'].filter(Boolean).join(' and ');
  const facts: [string, string | number | null][] = [
    ['Hostname', router.hostname],
    ['Platform', platformLabels[router.platform]],
    ['Local ASN', `AS${router.localAsn}`],
    ['VRF', router.vrf],
    ['Transport', router.transport === 'local' ? 'Local (on the Peerdesk server)' : 'SSH'],
    ['Management address', router.managementAddress],
    ['SSH port', router.transport === 'ssh' ? router.sshPort : null],
    ['SSH user', router.username],
    ['Credentials', credentials ? `${credentials} set` : null],
    ['Control command', router.controlCommand],
    ['Peers directory', router.peersDir],
    ['Production', router.production ? 'yes: every change needs approval' : 'no'],
    ['Maintenance windows', router.maintenanceWindows.length ? router.maintenanceWindows.map(describeWindow).join('; ') : 'none: changes may run any time'],
  ];
  return (
    <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2 text-sm">
      {facts.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="break-all">{value ?? <span className="text-slate-400">—</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
