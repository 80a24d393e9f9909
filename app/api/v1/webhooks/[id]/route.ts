import { apiRoute, resultResponse } from '@/lib/api/respond';
import { deleteWebhook } from '@/lib/notifications/webhooks';

export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => resultResponse(await deleteWebhook(actor, { id: params.id })));
