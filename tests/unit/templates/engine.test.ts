import { describe, expect, it } from 'vitest';
import { checkTemplate, renderTemplate, TemplateError } from '@/lib/templates/engine';

async function renderError(body: string, vars: object = {}) {
  try {
    await renderTemplate(body, vars);
  } catch (err) {
    expect(err).toBeInstanceOf(TemplateError);
    return err as TemplateError;
  }
  throw new Error('rendered without an error');
}

describe('the template engine', () => {
  it('renders variables, conditions and loops', async () => {
    const text = await renderTemplate('{% for s in list %}{{ s.ip }}{% if s.md5 %} md5{% endif %};{% endfor %}', { list: [{ ip: '10.0.0.1', md5: 'x' }, { ip: '10.0.0.2', md5: null }] });
    expect(text).toBe('10.0.0.1 md5;10.0.0.2;');
  });

  it('says where a template is wrong, by line and column', async () => {
    expect(checkTemplate('router bgp 1\n neighbor {{ ip }}\n  description {{ d | foo }}')).toMatchObject({ line: 3, column: 15, message: 'line 3, column 15: undefined filter: foo' });
    expect(checkTemplate('a\n{% if x %}\nb')).toMatchObject({ line: 2, column: 1, message: expect.stringContaining('not closed') });
    expect(checkTemplate('{{ "a" ')).toMatchObject({ line: 1, column: 1, message: expect.stringContaining('not closed') });
    expect(checkTemplate('fine {{ x }}')).toBeNull();
  });

  it('refuses a misspelt variable at render time, with its position', async () => {
    const err = await renderError('ok\n  {{ sesion.peer_ip }}', { session: { peer_ip: '10.0.0.1' } });
    expect(err).toMatchObject({ line: 2, column: 6, message: 'line 2, column 6: undefined variable: sesion' });
  });

  it('lets "if" and "default" test variables that may be missing', async () => {
    expect(await renderTemplate('{% if nothing %}x{% endif %}{{ nothing | default: "d" }}{{ empty.name | default: "n" }}', { empty: null })).toBe('dn');
  });

  it.each(['{% include "/etc/passwd" %}', "{% render 'x' %}", '{% layout "x" %}'])('refuses to read files: %s', (body) => {
    expect(checkTemplate(body)).toMatchObject({ line: 1, column: 1, message: expect.stringContaining('templates cannot read other files') });
  });

  it('gives no way out to the process, its environment or JavaScript prototypes', async () => {
    expect((await renderError('{{ "" | constructor }}')).message).toContain('undefined filter: constructor');
    expect((await renderError('{{ process.env.APP_ENCRYPTION_KEY }}')).message).toContain('undefined variable: process');
    expect((await renderError('{{ a.constructor.constructor }}', { a: {} })).message).toContain('undefined variable: a.constructor');
    expect((await renderError('{{ a.__proto__ }}', { a: {} })).message).toContain('undefined variable');
    expect((await renderError('{{ s.length }}{{ s.toString }}', { s: 'abc' })).message).toContain('undefined variable: s.toString');
    expect(await renderTemplate('{{ global }}{{ require }}{{ this }}'.replace(/\{\{ (\w+) \}\}/g, '{{ $1 | default: "-" }}'), {})).toBe('---');
  });

  it('stops a template that loops for ever or writes without end', async () => {
    const started = Date.now();
    expect((await renderError('{% for i in (1..1000000000) %}x{% endfor %}')).message).toContain('memory alloc limit exceeded');
    expect((await renderError('{% for i in (1..3000) %}{% for j in (1..3000) %}xxxx{% endfor %}{% endfor %}')).message).toContain('output limit exceeded');
    expect((await renderError('{% assign s = "xxxxxxxxxx" %}{% for i in (1..60) %}{% assign s = s | append: s %}{% endfor %}{{ s }}')).message).toContain('limit exceeded');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses a template too long to be a config template', () => {
    expect(checkTemplate('x'.repeat(200_001))).toMatchObject({ line: null, message: expect.stringContaining('longer than') });
  });
});
