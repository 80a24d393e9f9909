// A leaf module: the command wrapper maps this error without loading liquidjs.
/** A template that does not parse or render, with where in it (1-based) when liquidjs knows. */
export class TemplateError extends Error {
  constructor(
    readonly detail: string,
    readonly line: number | null,
    readonly column: number | null,
    public templateName?: string,
  ) {
    super(line === null ? detail : `line ${line}, column ${column}: ${detail}`);
    this.name = 'TemplateError';
  }

  /** "Template "X": line 3, column 12: ..." for messages shown outside the template editor. */
  get described() {
    return this.templateName ? `Template "${this.templateName}": ${this.message}` : this.message;
  }
}
