/**
 * The in-app address of a guide, optionally at a heading (its id without the `help-` prefix).
 * Apart from helpTopics.ts so the screens every visit shows can link to a guide without loading
 * the list of guides.
 */
export function helpPath(slug: string, section?: string): string {
  return section ? `/help/${slug}?section=${encodeURIComponent(section)}` : `/help/${slug}`;
}
