import { useStation } from '../../db/hooks.ts';
import { canEditMasterData } from '../../domain/stationRole.ts';
import { Banner } from './Banner.tsx';

/**
 * Whether this station may edit master data (systems, contacts, levels, procedures): only the
 * IT section's (PRODUCT.md, decision 1). Undefined while the station is loading.
 */
export function useCanEditMasterData(): boolean | undefined {
  const station = useStation();
  return station ? canEditMasterData(station) : undefined;
}

/** Said above a master-data list or page on a department's station, instead of edit buttons. */
export function ReadOnlyNotice({ what }: { what: string }) {
  return (
    <Banner kind="info">
      {what}は情報システム担当が管理し、配布しています。この端末（所管課）では閲覧のみです。
      誤りや変更に気づいたら、情報システム担当へ連絡してください。
    </Banner>
  );
}
