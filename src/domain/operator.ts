import type { Station } from './station.ts';

// Who is at the keyboard of a shared counter PC (PRODUCT.md decision 6): pure rules over the
// station's staff list and the name chosen in this browser session. Apart from station.ts (zod)
// because the header on the first screen uses them (issue 9).

/** Most names a station's staff list holds: a counter, not a personnel register. */
export const MAX_STAFF_NAMES = 30;
/** Longest name, as every other short text (TEXT_LIMITS.short). */
export const MAX_STAFF_NAME_LENGTH = 100;

type StaffFields = Pick<Station, 'staffName' | 'staffNames'>;
type ActorFields = StaffFields & Pick<Station, 'terminal'>;

/**
 * 担当者の一覧. A station saved before the list existed has none, and an empty list means the
 * same: its one 担当者名 is the list then (or nobody, when that is empty too).
 */
export function staffListOf(station: StaffFields): string[] {
  if (station.staffNames?.length) return station.staffNames;
  const name = station.staffName.trim();
  return name ? [name] : [];
}

/** The list as typed in 設定, one name a line: each trimmed, blank lines dropped. */
export function parseStaffNames(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * The operator: the name chosen in this session, else the only name on the list; null when the
 * list has several names and nobody has been chosen (or the list is empty).
 */
export function operatorOf(station: StaffFields, chosen: string | null): string | null {
  if (chosen?.trim()) return chosen.trim();
  const list = staffListOf(station);
  return list.length === 1 ? list[0]! : null;
}

/** True when the header must ask 「操作者を選んでください」: several people, nobody chosen. */
export function needsOperatorChoice(station: StaffFields, chosen: string | null): boolean {
  return operatorOf(station, chosen) === null && staffListOf(station).length > 1;
}

/**
 * The name a trace carries (操作履歴, 持ち出し記録, 確認した, 対応完了): the operator, else the
 * station's 担当者名, else its terminal name, so a trace never says nobody.
 */
export function actorNameOf(station: ActorFields, chosen: string | null): string {
  return operatorOf(station, chosen) ?? (station.staffName.trim() || station.terminal);
}

/** Why a name typed for 「一覧にない人」 cannot be used, or null when it can. */
export function operatorNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return '名前を入力してください';
  if (trimmed.length > MAX_STAFF_NAME_LENGTH)
    return `名前は${MAX_STAFF_NAME_LENGTH}文字以内で入力してください`;
  return null;
}
