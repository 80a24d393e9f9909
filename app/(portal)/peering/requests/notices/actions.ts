'use server';

import { currentActor } from '@/lib/auth';
import { sendNotice } from '@/lib/peering/notices';

export async function sendNoticeAction(input: unknown) {
  return sendNotice(await currentActor(), input);
}
