import { impactScopeLabels } from '../../domain/incident.ts';
import { incidentStatusLabels } from '../../domain/incidentStatus.ts';
import { continuityPriorityLabels } from '../../domain/system.ts';
import { contactKindLabels } from '../../domain/contact.ts';
import { formatDateTimeShort } from '../../domain/dateTime.ts';

// Field names come from the one source in src/domain (recordFieldLabels); a field this code does
// not know (from a newer version) is shown by its key, so it never breaks the view.
export { fieldLabel } from '../../domain/recordSchemas.ts';

// Stored codes shown by their Japanese names.
const enumLabels: Partial<Record<string, Record<string, string>>> = {
  scope: impactScopeLabels,
  status: incidentStatusLabels,
  continuityPriority: continuityPriorityLabels,
  kind: contactKindLabels,
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A field value as plain text for comparison: codes by their names, instants in Japanese
 * format, record ids by `names` (e.g. system names), lists one item per line.
 */
export function formatFieldValue(
  key: string,
  value: unknown,
  names: ReadonlyMap<string, string> = new Map(),
): string {
  if (value === null || value === undefined) return '（なし）';
  if (typeof value === 'string') {
    if (value === '') return '（空）';
    const label = enumLabels[key]?.[value] ?? names.get(value);
    if (label) return label;
    return ISO_INSTANT.test(value) ? formatDateTimeShort(value) : value;
  }
  if (typeof value === 'boolean') return value ? 'はい' : 'いいえ';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value))
    return value.length === 0
      ? '（なし）'
      : value.map((item) => formatItem(item, names)).join('\n');
  return formatItem(value, names);
}

function formatItem(item: unknown, names: ReadonlyMap<string, string>): string {
  if (item && typeof item === 'object')
    return Object.entries(item as Record<string, unknown>)
      .filter(([key, v]) => key !== 'id' && v !== '' && v !== null)
      .map(([key, v]) =>
        typeof v === 'object' ? JSON.stringify(v) : formatFieldValue(key, v, names),
      )
      .join(' / ');
  return typeof item === 'string' ? formatFieldValue('', item, names) : String(item);
}
