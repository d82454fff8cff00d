import { ReportSection } from './ReportSection.tsx';
import { figureBlocks } from './reportBlocks.ts';
import type { ReportFigures } from './useReportData.ts';

/** Every chart-and-table block of the screen, each with its CSV button. */
export function ReportFigureSections({
  figures,
  fileSuffix,
}: {
  figures: ReportFigures;
  fileSuffix: string;
}) {
  return (
    <>
      {figureBlocks(figures).map((block) => (
        <ReportSection
          key={block.id}
          id={block.id}
          heading={block.heading}
          table={block.table}
          chart={block.table.rows.length ? block.chart : undefined}
          note={block.note}
          fileSuffix={fileSuffix}
        />
      ))}
    </>
  );
}
