import type { UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { peeringSettingsInput } from '@/lib/settings/schemas';
import type { PeeringSettingsView } from '@/lib/settings/service';

export type SettingsValues = z.input<typeof peeringSettingsInput>;
export type SettingsOutput = z.output<typeof peeringSettingsInput>;
export type SettingsForm = UseFormReturn<SettingsValues, unknown, SettingsOutput>;

/**
 * The form's starting values. The key is never sent to the browser, so it starts empty ("keep").
 * Values set in the environment are left out, so saving the form cannot touch them.
 */
export function formValues(view: PeeringSettingsView): SettingsValues {
  const env = view.overriddenByEnv;
  return {
    asns: view.asns.join(', '),
    peeringdb: {
      url: env.url ? undefined : view.peeringdb.url,
      apiKey: '',
      cacheTtl: env.cacheTtl ? undefined : view.peeringdb.cacheTtl,
    },
    vrfSupport: view.vrfSupport,
    bgpPollIntervalSeconds: view.bgpPollIntervalSeconds,
    requestSender: view.requestSender,
    changeControl: view.changeControl,
  };
}
