import type { RecordType } from '../../domain/recordTypes.ts';

/** The screen of one record. Levels have no page of their own: their list shows each one. */
export function recordPagePath(type: RecordType, id: string): string {
  const encoded = encodeURIComponent(id);
  switch (type) {
    case 'system':
      return `/systems/${encoded}`;
    case 'incident':
      return `/incidents/${encoded}`;
    case 'contact':
      return `/contacts/${encoded}`;
    case 'procedure':
      return `/procedures/${encoded}`;
    case 'incidentLevel':
      return '/levels';
    case 'drill':
      return `/drills/${encoded}`;
    case 'followUp':
      // A follow-up shows on the record it concerns and on the review list (点検).
      return '/review';
  }
}
