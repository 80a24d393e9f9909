// Apart from service.ts, so the job page reads a payload without loading the job kinds' code.
const hiddenKey = /password|secret|md5|key|token|config|credential/i;

const redact = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(redact)
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hiddenKey.test(k) ? '(hidden)' : redact(v)]))
      : value;

const shorten = (text: string) => (text.length > 120 ? `${text.slice(0, 120)}…` : text);
const show = (value: unknown) => (typeof value === 'object' && value !== null ? JSON.stringify(redact(value)) : String(value));

/** The job page's view of a payload: one line per key, values shortened, anything secret-looking hidden. */
export function payloadSummary(payload: Record<string, unknown>): { key: string; value: string }[] {
  return Object.entries(payload).map(([key, value]) => {
    if (hiddenKey.test(key)) return { key, value: '(hidden)' };
    if (!Array.isArray(value)) return { key, value: shorten(show(value)) };
    const shown = value.slice(0, 10).map(show).join(', ');
    return { key, value: shorten(`${value.length} item${value.length === 1 ? '' : 's'}: ${shown}${value.length > 10 ? ', …' : ''}`) };
  });
}
