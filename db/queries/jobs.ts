import { desc } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { jobs } from '@/db/schema';

export async function listJobs(db: Executor, params: { limit: number; offset: number }) {
  return db.select().from(jobs).orderBy(desc(jobs.runAt)).limit(params.limit).offset(params.offset);
}
