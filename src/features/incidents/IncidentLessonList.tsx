import type { IncidentLesson } from '../../domain/incidentLessons.ts';
import './incidentLessons.css';

/** A resolved incident's cause, countermeasure and workaround, as a definition list. */
export function IncidentLessonList({ lessons }: { lessons: readonly IncidentLesson[] }) {
  if (lessons.length === 0) return null;
  return (
    <dl className="incident-lessons">
      {lessons.map(({ label, value }) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
