/** "<a@b>" however the header wrote it (spaces, missing brackets), or null. */
export function normalizeMessageId(id: string | null | undefined): string | null {
  const trimmed = id?.trim();
  if (!trimmed) return null;
  const inner = trimmed.replace(/^<|>$/g, '').trim();
  return inner ? `<${inner}>` : null;
}

/** References as a list, whether mailparser gave a string, a list, or a header with several ids. */
export function messageIdList(value: string | string[] | null | undefined): string[] {
  const parts = (Array.isArray(value) ? value : value ? [value] : []).flatMap((v) => v.match(/<[^<>\s]+>/g) ?? v.split(/\s+/));
  return [...new Set(parts.map(normalizeMessageId).filter((v): v is string => !!v))];
}

/** A thread is named by its root: the first of References, else In-Reply-To, else the message itself. */
export function threadId(m: { messageId: string | null; inReplyTo: string | null; references: string[] }): string | null {
  return m.references[0] ?? m.inReplyTo ?? m.messageId;
}
