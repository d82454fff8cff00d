import type { IncidentData } from './incident.ts';
import { createId } from './ids.ts';

export interface CallTarget {
  contactId: string;
  /** 「架空システムズ サポートセンター」 */
  who: string;
  /** The number dialled, when known. */
  number: string | null;
}

function timelineText(target: Pick<CallTarget, 'who' | 'number'>, summary: string): string {
  const dialled = target.number ? `（${target.number}）` : '';
  return `${target.who}に電話${dialled}${summary ? `: ${summary}` : ''}`;
}

/**
 * Logs a call made from the incident in one step: a 連絡の記録 entry (who was called, when, how,
 * and `by` whom: the operator) and the matching 経過 entry. Both share one id, so describing the
 * call later updates both. The 経過 text stays 「〜に電話」: the caller is shown beside the
 * 連絡の記録 entry, where 「（山田 花子）」 reads naturally.
 */
export function logCall(
  data: IncidentData,
  target: CallTarget,
  at: string,
  by: string | null = null,
): { data: IncidentData; entryId: string } {
  const entryId = createId();
  return {
    entryId,
    data: {
      ...data,
      contactsMade: [
        ...data.contactsMade,
        {
          id: entryId,
          at,
          who: target.who,
          contactId: target.contactId,
          method: 'phone',
          summary: '',
          // Who called (1.3): the operator at the keyboard, when the screen knows one.
          ...(by?.trim() ? { by: by.trim() } : {}),
        },
      ],
      timeline: [
        ...data.timeline,
        { id: entryId, at, status: null, text: timelineText(target, '') },
      ],
    },
  };
}

/** Adds what was said (伝えた内容・回答) to a logged call and its 経過 entry. */
export function describeCall(
  data: IncidentData,
  entryId: string,
  summary: string,
  number: string | null,
): IncidentData {
  const call = data.contactsMade.find((c) => c.id === entryId);
  if (!call) return data;
  const text = summary.trim();
  return {
    ...data,
    contactsMade: data.contactsMade.map((c) => (c.id === entryId ? { ...c, summary: text } : c)),
    timeline: data.timeline.map((t) =>
      t.id === entryId ? { ...t, text: timelineText({ who: call.who, number }, text) } : t,
    ),
  };
}
