import { useParams } from 'react-router';
import { SystemPicker } from './SystemPicker.tsx';
import { OutageSystemView } from './OutageSystemView.tsx';
import './outage.css';

/**
 * 障害発生時: the screen a clerk opens when a system stops. Without a system, pick one; with
 * one, everything needed in the next minutes on one screen.
 */
export function OutagePage() {
  const { systemId } = useParams();
  return systemId ? <OutageSystemView key={systemId} systemId={systemId} /> : <SystemPicker />;
}
