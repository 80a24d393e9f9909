import type { Platform } from '@/db/schema';
import { platformNames } from '@/lib/routers/schemas';
import { bird } from './bird';
import { eos } from './eos';
import { frr } from './frr';
import { ios } from './ios';
import { iosxr } from './iosxr';
import { junos } from './junos';
import { sros } from './sros';
import { followUpBody, followUpSubject, peeringRequestBody, peeringRequestSubject } from './email';

/** Built-in templates are code, not rows: read-only, always there, copied to make a custom one. */
export type BuiltinTemplate = { key: string; kind: 'config' | 'email'; platform: Platform | null; name: string; subject: string | null; body: string };

const configBodies: Record<Platform, string> = { iosxr, junos, eos, sros, ios, frr, bird };

const builtinConfigTemplates: BuiltinTemplate[] = (Object.keys(configBodies) as Platform[]).map((platform) => ({
  key: `config-${platform}`,
  kind: 'config',
  platform,
  name: `Built-in ${platformNames[platform]}`,
  subject: null,
  body: configBodies[platform],
}));

export const builtinEmailTemplate: BuiltinTemplate = {
  key: 'email-peering-request',
  kind: 'email',
  platform: null,
  name: 'Peering request',
  subject: peeringRequestSubject,
  body: peeringRequestBody,
};

export const builtinFollowUpTemplate: BuiltinTemplate = {
  key: 'email-peering-request-follow-up',
  kind: 'email',
  platform: null,
  name: 'Peering request follow-up',
  subject: followUpSubject,
  body: followUpBody,
};

export const builtinTemplates: BuiltinTemplate[] = [...builtinConfigTemplates, builtinEmailTemplate, builtinFollowUpTemplate];

export const builtinConfigTemplate = (platform: Platform) => builtinConfigTemplates.find((t) => t.platform === platform)!;

export const findBuiltin = (key: string) => builtinTemplates.find((t) => t.key === key);
