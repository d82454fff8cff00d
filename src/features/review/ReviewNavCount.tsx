import { REVIEW_NAV_COUNT_ID } from '../../app/navigation.ts';
import { useReviewItems } from './useReviewItems.ts';
import './review.css';

/**
 * The number of 点検 items, inside the navigation link 訓練・点検: quiet (no alarm colour, no
 * pop-up). aria-hidden keeps it out of the link's accessible name, which stays exactly
 * 「訓練・点検」; the link's aria-describedby still reads it, in words. Reads only master data,
 * drills and open follow-ups (never the incidents), so it is cheap on every screen.
 */
export function ReviewNavCount() {
  const { items } = useReviewItems();
  if (!items || items.length === 0) return null;
  return (
    <span className="nav-count" aria-hidden="true" id={REVIEW_NAV_COUNT_ID}>
      <span className="visually-hidden">点検が必要なもの</span>
      {items.length}
      <span className="visually-hidden">件</span>
    </span>
  );
}
