import { useStation } from '../../db/hooks.ts';
import { usePageTitle } from '../common/usePageTitle.ts';
import { StationFormFields } from './StationFormFields.tsx';
import { AuditTrailSection } from './AuditTrailSection.tsx';
import { DataResetSection } from './DataResetSection.tsx';
import { NamePurgeSection } from './NamePurgeSection.tsx';
import { StorageHealthPanel } from '../../app/StorageHealthPanel.tsx';
import { KeysSection } from '../exchange/KeysSection.tsx';
import { BackupSection } from './BackupSection.tsx';
import { RestoreSection } from './RestoreSection.tsx';
import { ConfigWarnings } from './ConfigWarnings.tsx';

export function SettingsPage() {
  usePageTitle('設定');
  const station = useStation();
  if (!station) return null;
  return (
    <section>
      <h1>設定</h1>
      <ConfigWarnings />
      <section aria-labelledby="station-heading" className="card">
        <h2 id="station-heading">この端末</h2>
        <StationFormFields
          key={station.id}
          initial={{
            municipality: station.municipality,
            department: station.department,
            terminal: station.terminal,
            staffName: station.staffName,
            ...(station.staffNames ? { staffNames: station.staffNames } : {}),
            role: station.role,
          }}
          submitLabel="保存する"
        />
      </section>
      <StorageHealthPanel />
      <BackupSection />
      <RestoreSection />
      <KeysSection />
      <AuditTrailSection />
      <NamePurgeSection />
      <DataResetSection />
    </section>
  );
}
