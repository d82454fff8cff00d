import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `intervalMs` (a minute by default), so 「受付中」/「時間外」
 * and deadlines change on screen without a reload.
 */
export function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
