import { Forbidden } from '@/components/ui/notice';

/** What requirePage() shows (with status 403) when the role lacks the page's permission. */
export default function ForbiddenPage() {
  return <Forbidden what="this page" />;
}
