import type { RecordOf } from '../../domain/recordSchemas.ts';
import { tokyoClock } from '../../domain/drillTimings.ts';
import { eventText, phaseRows } from './drillFigures.ts';

/**
 * The drill's phase times and its timeline as tables: one markup for the drill's screen
 * (`drill-table`) and the printed report (`print-table`), styled by the class each passes.
 */

export function DrillPhaseTable({
  drill,
  className,
}: {
  drill: RecordOf<'drill'>;
  className: string;
}) {
  return (
    <table className={className}>
      <thead>
        <tr>
          <th scope="col">段階</th>
          <th scope="col" className="col-clock">
            開始
          </th>
          <th scope="col" className="col-clock">
            終了
          </th>
          <th scope="col" className="col-number">
            かかった時間
          </th>
        </tr>
      </thead>
      <tbody>
        {phaseRows(drill).map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            <td className="col-clock">{row.start}</td>
            <td className="col-clock">{row.end}</td>
            <td className="col-number">{row.duration}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 様式12's drill record: 時刻 and 作業内容・状況, clock times in Tokyo (「翌日」 past midnight). */
export function DrillTimelineTable({
  drill,
  className,
}: {
  drill: RecordOf<'drill'>;
  className: string;
}) {
  return (
    <table className={className}>
      <thead>
        <tr>
          <th scope="col" className="col-clock">
            時刻
          </th>
          <th scope="col">作業内容・状況</th>
        </tr>
      </thead>
      <tbody>
        {drill.timeline.map((event) => (
          <tr key={event.id}>
            <td className="col-clock">{tokyoClock(event.at, drill.startedAt)}</td>
            <td className="print-text">{eventText(event)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
