import { desc, ilike, or } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { auditLog } from '@/db/schema';

export async function listAudit(db: Executor, params: { q?: string; limit: number; offset: number }) {
  const where = params.q ? or(ilike(auditLog.action, `%${params.q}%`), ilike(auditLog.actorLabel, `%${params.q}%`), ilike(auditLog.target, `%${params.q}%`)) : undefined;
  return db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(params.limit).offset(params.offset);
}
