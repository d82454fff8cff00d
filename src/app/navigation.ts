/** Main navigation, in the order and wording of PRODUCT.md (staff and tests rely on them). */
export const mainNavigation = [
  { path: '/outage', label: '障害発生時' },
  { path: '/incidents', label: '障害記録' },
  { path: '/contacts', label: '連絡先' },
  { path: '/procedures', label: '代替手順' },
  { path: '/levels', label: '障害レベル' },
  { path: '/systems', label: 'システム' },
  { path: '/reports', label: '報告・集計' },
  { path: '/review', label: '訓練・点検' },
  { path: '/exchange', label: 'データ交換' },
  { path: '/settings', label: '設定' },
] as const;

/** The path of 訓練・点検, whose link carries the count of 点検 items (issue 15). */
export const REVIEW_PATH = '/review';
/** The id of that count, which the link's aria-describedby reads (its name stays 「訓練・点検」). */
export const REVIEW_NAV_COUNT_ID = 'review-nav-count';
