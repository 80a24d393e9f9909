import { createTwoFilesPatch } from 'diff';

/** A unified diff of the router's running text against the candidate; '' when they are the same. */
export function diffConfig(before: string, after: string, label = 'config'): string {
  const norm = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);
  if (norm(before) === norm(after)) return '';
  return createTwoFilesPatch(`${label} (running)`, `${label} (candidate)`, norm(before), norm(after), undefined, undefined, { context: 3 });
}
