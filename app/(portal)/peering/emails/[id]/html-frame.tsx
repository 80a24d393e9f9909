/**
 * The sanitized HTML in a sandboxed frame: no scripts, no same origin (sandbox=""), and a CSP that
 * blocks every fetch except inline images until the reader asks for remote images.
 */
export function HtmlFrame({ html, remoteImages }: { html: string; remoteImages: boolean }) {
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src ${remoteImages ? 'http: https: data: cid:' : 'data: cid:'}`;
  const doc = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><base target="_blank"></head><body>${html}</body></html>`;
  return <iframe title="Message" sandbox="" srcDoc={doc} className="h-[32rem] w-full rounded border border-slate-200 bg-white" data-testid="email-html" />;
}
