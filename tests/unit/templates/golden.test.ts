import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { platforms } from '@/lib/routers/schemas';
import { builtinConfigTemplate } from '@/lib/templates/defaults';
import { renderTemplate } from '@/lib/templates/engine';
import { goldenSessions } from './fixtures';

const goldenDir = path.join(import.meta.dirname, 'golden');

async function renderGolden(platform: (typeof platforms)[number]) {
  const parts: string[] = [];
  for (const { title, vars } of goldenSessions(platform)) parts.push(`# ${title}\n${await renderTemplate(builtinConfigTemplate(platform).body, vars)}`);
  return parts.join('\n');
}

describe('the built-in config templates', () => {
  it.each(platforms)('%s renders its golden file', async (platform) => {
    const file = path.join(goldenDir, `${platform}.txt`);
    const text = await renderGolden(platform);
    // UPDATE_GOLDEN=1 rewrites the files after an intended change; review the diff before committing.
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, text);
    expect(text).toBe(fs.readFileSync(file, 'utf8'));
  });

  it.each(platforms)('%s carries every part of the session it was given', async (platform) => {
    const [full, bare, down] = goldenSessions(platform);
    const body = builtinConfigTemplate(platform).body;
    const fullText = await renderTemplate(body, full.vars);
    for (const part of ['10.0.12.2', '65002', 'Sup3r-Secret', '100', full.vars.session.peer_group!, 'PEER']) expect(fullText).toContain(part);
    const bareText = await renderTemplate(body, bare.vars);
    expect(bareText).toContain('2001:db8:12::2');
    expect(bareText).not.toMatch(/password|authentication-key|limit|maximum/);
    expect(bareText).toMatch(/RS.IN/);
    expect(bareText).toMatch(/RS.OUT/);
    const downText = await renderTemplate(body, down.vars);
    expect(downText).toMatch(/shutdown|disabled yes|deactivate|admin-state disable/);
    expect(fullText).not.toMatch(/shutdown|disabled yes|deactivate|admin-state disable/);
  });

  it('keeps a description on one line whatever it holds', async () => {
    const [full] = goldenSessions('frr');
    const text = await renderTemplate(builtinConfigTemplate('bird').body, { ...full.vars, session: { ...full.vars.session, description: 'say "hi"' } });
    expect(text).toContain(`description "say 'hi'";`);
  });
});
