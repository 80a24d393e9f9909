import { describe, expect, it } from 'vitest';
import type { Platform } from '@/db/schema';
import { MASK, maskSecrets } from '@/lib/config/mask';
import { builtinConfigTemplate } from '@/lib/templates/defaults';
import { renderTemplate, TemplateError } from '@/lib/templates/engine';
import type { ConfigVariables } from '@/lib/templates/variables';
import { createRouterInput, createPeerGroupInput, platforms } from '@/lib/routers/schemas';
import { createSessionInput } from '@/lib/sessions/schemas';
import { goldenSessions } from './fixtures';
import { BENIGN, hostileValues } from './hostile-corpus';

/** Every text a config template is given, as [section, key]. */
const textFields = [
  ['session', 'description'],
  ['session', 'md5'],
  ['peer', 'name'],
  ['peer', 'policy'],
  ['peer', 'as_set'],
  ['router', 'name'],
  ['exchange', 'name'],
] as const;

function withValue(platform: Platform, [section, key]: readonly [string, string], value: string): ConfigVariables {
  const vars = structuredClone(goldenSessions(platform)[0].vars) as unknown as Record<string, Record<string, unknown>>;
  vars[section][key] = value;
  return vars as unknown as ConfigVariables;
}

const quoting: Platform[] = ['junos', 'sros', 'bird'];
const interactive: Platform[] = ['iosxr', 'ios', 'eos', 'junos', 'sros'];

/** What a value may hold once rendered, on this platform: never a way out of its string or line. */
function expectInert(platform: Platform, rendered: string) {
  expect(rendered).not.toMatch(/[\p{C}\p{Zl}\p{Zp}]/u);
  if (quoting.includes(platform)) expect(rendered).not.toMatch(/["\\]/);
  if (interactive.includes(platform)) expect(rendered).not.toContain('?');
  expect(rendered.length).toBeLessThanOrEqual(240);
}

/**
 * The hostile rendering is the benign one with only the value changed: the same lines, each the
 * same statement, and on the one line that carries the value, the same text before and after it.
 */
function expectOnlyValueChanged(platform: Platform, hostile: string, benign: string) {
  const h = hostile.split('\n');
  const b = benign.split('\n');
  expect(h.length).toBe(b.length);
  for (const [i, line] of b.entries()) {
    if (!line.includes(BENIGN)) {
      expect(h[i]).toBe(line);
      continue;
    }
    const [before, after] = line.split(BENIGN);
    expect(h[i].startsWith(before) && h[i].endsWith(after)).toBe(true);
    expectInert(platform, h[i].slice(before.length, h[i].length - after.length));
  }
}

describe('hostile values in every text a built-in template renders', () => {
  for (const platform of platforms) {
    const body = builtinConfigTemplate(platform).body;
    for (const field of textFields) {
      const benign = renderTemplate(body, withValue(platform, field, BENIGN));
      it.each(hostileValues)(`${platform}: ${field.join('.')} = $name stays inside its own string or line`, async ({ value }) => {
        const hostile = await renderTemplate(body, withValue(platform, field, value));
        expectOnlyValueChanged(platform, hostile, await benign);
      });
    }

    it.each(hostileValues)(`${platform}: a peer group named $name is refused at render, never rewritten`, async ({ value }) => {
      await expect(renderTemplate(body, withValue(platform, ['session', 'peer_group'], value))).rejects.toThrow(TemplateError);
    });
  }

  it('BIRD quotes a peer group name it cannot take bare, and keeps plain ones bare', async () => {
    const body = builtinConfigTemplate('bird').body;
    expect(await renderTemplate(body, withValue('bird', ['session', 'peer_group'], 'LAB-V4'))).toContain(" from 'LAB-V4' {");
    expect(await renderTemplate(body, withValue('bird', ['session', 'peer_group'], 'IXP'))).toContain(' from IXP {');
  });

  it('the key of the golden session is rendered as typed on every platform', async () => {
    for (const platform of platforms) {
      const text = await renderTemplate(builtinConfigTemplate(platform).body, withValue(platform, ['session', 'md5'], 'Ab-_.,:+=/@%^&*()[]<>~9'));
      expect(text).toContain('Ab-_.,:+=/@%^&*()[]<>~9');
    }
  });
});

describe('validation refuses hostile values where a user types them', () => {
  const session = { routerId: 1, ixId: null, peerAsn: 65002, peerIp: '10.0.12.2' };
  const fieldError = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }, field: string) =>
    !result.success && result.error!.issues.some((i) => i.path[0] === field);

  it.each(hostileValues)('an MD5 key of $name is a field error', ({ value }) => {
    expect(fieldError(createSessionInput.safeParse({ ...session, md5: value }), 'md5')).toBe(true);
  });

  it('an MD5 key takes letters, digits and the characters every platform quotes safely, up to 80', () => {
    expect(createSessionInput.safeParse({ ...session, md5: 'Ab-_.,:+=/@%^&*()[]<>~9' }).success).toBe(true);
    for (const bad of ['a b', 'a"b', "a'b", 'a\\b', 'a;b', 'a#b', 'a{b', 'a}b', 'a!b', 'a?b', '$9$abc', 'a|b', 'a`b', 'k\u00e9y', 'x'.repeat(81)]) {
      expect(fieldError(createSessionInput.safeParse({ ...session, md5: bad }), 'md5'), bad).toBe(true);
    }
  });

  const multiLine = hostileValues.filter(({ value }) => /[\p{C}\p{Zl}\p{Zp}]/u.test(value.trim()) || value.length > 200);
  it.each(multiLine)('a description or peer name of $name is a field error', ({ value }) => {
    expect(fieldError(createSessionInput.safeParse({ ...session, description: value }), 'description')).toBe(true);
    expect(fieldError(createSessionInput.safeParse({ ...session, peerName: value }), 'peerName')).toBe(true);
  });

  it.each(hostileValues)('a peer group name or router VRF of $name is a field error', ({ value }) => {
    expect(fieldError(createPeerGroupInput.safeParse({ routerId: 1, ixId: 1, family: 4, name: value }), 'name')).toBe(true);
    const router = { name: 'r1', hostname: 'r1.example.net', platform: 'frr', localAsn: 65001, vrf: value };
    expect(fieldError(createRouterInput.safeParse(router), 'vrf')).toBe(true);
  });

  it('a VRF name is a word of up to 32 letters, digits and . _ : -', () => {
    const router = { name: 'r1', hostname: 'r1.example.net', platform: 'frr', localAsn: 65001 };
    expect(createRouterInput.safeParse({ ...router, vrf: 'CUST-A_1.v4:x' }).success).toBe(true);
    expect(createRouterInput.safeParse({ ...router, vrf: '' }).data?.vrf).toBeNull();
    expect(createRouterInput.safeParse({ ...router, vrf: 'x'.repeat(33) }).success).toBe(false);
  });
});

describe('masking keys in rendered text never hides a line', () => {
  const md5 = 'Sup3r-Secret';
  for (const platform of platforms) {
    it.each(hostileValues)(`${platform}: with a description of $name, only the key changes`, async ({ value }) => {
      const rendered = await renderTemplate(builtinConfigTemplate(platform).body, withValue(platform, ['session', 'description'], `password ${value}`));
      const masked = maskSecrets(rendered, [{ md5 }]);
      expect(masked).not.toContain(md5);
      const r = rendered.split('\n');
      const m = masked.split('\n');
      expect(m.length).toBe(r.length);
      for (const [i, line] of r.entries()) {
        if (!/password|authentication-key/.test(line)) expect(m[i]).toBe(line);
        // A masked line keeps its statement: everything up to the key word is as rendered.
        else expect(m[i].slice(0, m[i].search(/password|authentication-key/))).toBe(line.slice(0, line.search(/password|authentication-key/)));
      }
      expect(masked.split(MASK).length).toBeGreaterThan(1);
    });
  }
});
