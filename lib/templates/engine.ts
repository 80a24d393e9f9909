import { Context, Liquid, LiquidError, Tag, toPromise, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import { configFilters } from './quoting';
import { TemplateError } from './template-error';

/** Template text longer than this is refused before parsing. */
export const MAX_TEMPLATE_CHARS = 200_000;
/** Rendered text longer than this stops the render: no session's config is anywhere near it. */
const MAX_OUTPUT_CHARS = 1_000_000;
const RENDER_MS = 1_000;
const MEMORY_UNITS = 10_000_000;

export { TemplateError } from './template-error';

// Templates read nothing but the variables they are given: file tags are replaced by ones that refuse at parse time.
function refusedFileTag(name: string) {
  return class extends Tag {
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      throw new Error(`{% ${name} %} is not available: templates cannot read other files or templates`);
    }
    *render() {}
  };
}

const refusingFs = {
  exists: async () => false,
  existsSync: () => false,
  readFile: async () => Promise.reject(new Error('templates cannot read files')),
  readFileSync: () => {
    throw new Error('templates cannot read files');
  },
  resolve: (_dir: string, file: string) => file,
};

const liquid = new Liquid({
  fs: refusingFs,
  root: [],
  partials: [],
  layouts: [],
  relativeReference: false,
  dynamicPartials: false,
  strictFilters: true,
  strictVariables: true,
  lenientIf: true,
  ownPropertyOnly: true,
  jsTruthy: false,
  globals: {},
  parseLimit: MAX_TEMPLATE_CHARS,
  renderLimit: RENDER_MS,
  memoryLimit: MEMORY_UNITS,
});
for (const name of ['include', 'render', 'layout']) liquid.registerTag(name, refusedFileTag(name));
// What a value becomes in a router's configuration: {{ session.description | quote_junos }}, {{ session.peer_group | name_bird }}.
for (const [name, filter] of Object.entries(configFilters)) liquid.registerFilter(name, filter);

/** Collects the output and stops the render once it grows past the cap. */
class CappedEmitter {
  buffer = '';
  write(html: unknown) {
    this.buffer += html === null || html === undefined ? '' : String(html);
    if (this.buffer.length > MAX_OUTPUT_CHARS) throw new Error(`output limit exceeded: more than ${MAX_OUTPUT_CHARS} characters`);
  }
}

const LIQUID_POSITION = /(, file:[^,]*)?, line:\d+, col:\d+$/;

export function toTemplateError(err: unknown, templateName?: string): TemplateError {
  if (err instanceof TemplateError) {
    err.templateName ??= templateName;
    return err;
  }
  if (LiquidError.is(err)) {
    const [line, column] = err.token.getPosition();
    const detail = err.message.replace(LIQUID_POSITION, '').replace(/^(ParseError|RenderError): /, '');
    return new TemplateError(detail, line, column, templateName);
  }
  return new TemplateError(err instanceof Error ? err.message : String(err), null, null, templateName);
}

function parse(body: string): Template[] {
  if (body.length > MAX_TEMPLATE_CHARS) throw new TemplateError(`the template is longer than ${MAX_TEMPLATE_CHARS} characters`, null, null);
  return liquid.parse(body);
}

/** Null when the template parses; else where and why it does not. */
export function checkTemplate(body: string): TemplateError | null {
  try {
    parse(body);
    return null;
  } catch (err) {
    return toTemplateError(err);
  }
}

/** Renders with only `vars` in scope. Throws TemplateError on a parse or render error or when a limit is hit. */
export async function renderTemplate(body: string, vars: object): Promise<string> {
  try {
    const templates = parse(body);
    // A plain copy: a template sees data, never class instances or prototypes of the caller's objects.
    const scope = JSON.parse(JSON.stringify(vars)) as object;
    const ctx = new Context(scope, liquid.options, {}, { liquid });
    const emitter = new CappedEmitter();
    await toPromise(liquid.renderer.renderTemplates(templates, ctx, emitter));
    return emitter.buffer;
  } catch (err) {
    throw toTemplateError(err);
  }
}
