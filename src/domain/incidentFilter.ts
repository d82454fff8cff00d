import type { IncidentData } from './incident.ts';
import { incidentStatuses, isOpenStatus, type IncidentStatus } from './incidentStatus.ts';

export const incidentSorts = {
  occurredDesc: '発生日時が新しい順',
  occurredAsc: '発生日時が古い順',
  updatedDesc: '更新が新しい順',
  levelDesc: 'レベルが高い順',
} as const;
export type IncidentSort = keyof typeof incidentSorts;

export interface IncidentFilter {
  /** A status, 'open' for every unresolved one, or '' for all. */
  status: IncidentStatus | 'open' | '';
  systemId: string;
  /** A level as text ('1'…'9'), 'none' for unset, '' for all. */
  level: string;
  /** Inclusive calendar dates YYYY-MM-DD in local time, '' for unbounded. */
  from: string;
  to: string;
  text: string;
  /** 'pending': only 「手順書の更新待ち」 ({@link isAwaitingManualUpdate}); '' for all. */
  manual: 'pending' | '';
  sort: IncidentSort;
}

/**
 * 「手順書の更新待ち」: resolved (解決 or 完了) with a cause and a countermeasure, and the manual not
 * yet updated — the seed's マニュアル・手順書の更新 still to do.
 */
export function isAwaitingManualUpdate(
  incident: Pick<IncidentData, 'status' | 'cause' | 'countermeasure' | 'manualUpdated'>,
): boolean {
  return (
    !isOpenStatus(incident.status) &&
    incident.cause.trim() !== '' &&
    incident.countermeasure.trim() !== '' &&
    !incident.manualUpdated
  );
}

export const emptyIncidentFilter: IncidentFilter = {
  status: '',
  systemId: '',
  level: '',
  from: '',
  to: '',
  text: '',
  manual: '',
  sort: 'occurredDesc',
};

/** True when any part of the filter narrows the list (the sort does not). */
export function isIncidentFilterActive(filter: IncidentFilter): boolean {
  return Boolean(
    filter.status ||
    filter.systemId ||
    filter.level ||
    filter.from ||
    filter.to ||
    filter.manual ||
    filter.text.trim(),
  );
}

// DO NOT RENAME: these names are in bookmarks and links staff keep (#/incidents?q=…).
const paramNames: Record<keyof IncidentFilter, string> = {
  status: 'status',
  systemId: 'system',
  level: 'level',
  from: 'from',
  to: 'to',
  text: 'q',
  manual: 'manual',
  sort: 'sort',
};

/** The filter a URL's query holds; unknown or invalid values fall back to "all". */
export function incidentFilterFromParams(params: URLSearchParams): IncidentFilter {
  const status = params.get(paramNames.status) ?? '';
  const sort = params.get(paramNames.sort) ?? '';
  return {
    status:
      status === 'open' || (incidentStatuses as readonly string[]).includes(status)
        ? (status as IncidentFilter['status'])
        : '',
    systemId: params.get(paramNames.systemId) ?? '',
    level: params.get(paramNames.level) ?? '',
    from: params.get(paramNames.from) ?? '',
    to: params.get(paramNames.to) ?? '',
    text: params.get(paramNames.text) ?? '',
    manual: params.get(paramNames.manual) === 'pending' ? 'pending' : '',
    sort: sort in incidentSorts ? (sort as IncidentSort) : emptyIncidentFilter.sort,
  };
}

/** The URL query of a filter: only what differs from "all", so a plain list has a plain URL. */
export function incidentFilterToParams(filter: IncidentFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(paramNames) as (keyof IncidentFilter)[]) {
    const value = filter[key];
    if (value && value !== emptyIncidentFilter[key]) params.set(paramNames[key], value);
  }
  return params;
}
