import type { ContactAvailability } from '../../domain/businessHours.ts';
import './contacts.css';

/** 「受付中」/「時間外」/「受付時間未登録」 as a badge that reads without colour too. */
export function AvailabilityBadge({ availability }: { availability: ContactAvailability }) {
  return (
    <span className={`availability-badge availability-${availability.state}`}>
      {availability.label}
    </span>
  );
}
