import { NavLink } from 'react-router';
import './drills.css';

/**
 * The two halves of 訓練・点検 (issue 15): the review list (点検, `#/review`, where the main
 * navigation points) and the drills (訓練, `#/drills`). Both pages show it at the top.
 */
export function ReadinessTabs() {
  return (
    <nav className="readiness-tabs" aria-label="訓練・点検">
      <NavLink to="/review" end>
        点検（見直しが必要なもの）
      </NavLink>
      <NavLink to="/drills">訓練</NavLink>
    </nav>
  );
}
