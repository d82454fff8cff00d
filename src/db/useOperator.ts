import { useSyncExternalStore } from 'react';
import { getOperator, subscribeOperator } from './operator.ts';

/** The operator chosen in this session for `stationId` (null: nobody chosen), live. */
export function useChosenOperator(stationId: string): string | null {
  return useSyncExternalStore(
    subscribeOperator,
    () => getOperator(stationId),
    () => null,
  );
}
