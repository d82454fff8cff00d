import { createContext, useContext, useEffect, useRef } from 'react';
import { useDrillRecorder } from '../features/drills/useDrillRecorder.tsx';
import './drillReport.css';

/**
 * What a printout made during a drill carries (issue 15): the running drill's name, given by
 * PrintPage to every document header, so a sheet printed in a drill can never pass for a real
 * one. null outside drill mode (and in documents rendered without PrintPage).
 */
export const DrillPrintContext = createContext<string | null>(null);

/**
 * For PrintPage: the running drill's name (null: none; undefined: still loading), and each print
 * of `documentName` added to the drill's timeline when the browser starts printing.
 */
export function useDrillPrint(documentName: string): string | null | undefined {
  const { drill, record } = useDrillRecorder();
  const name = useRef(documentName);
  useEffect(() => {
    name.current = documentName;
  }, [documentName]);
  useEffect(() => {
    if (!drill) return;
    const onBeforePrint = () => record({ kind: 'printed', text: name.current });
    window.addEventListener('beforeprint', onBeforePrint);
    return () => window.removeEventListener('beforeprint', onBeforePrint);
  }, [drill, record]);
  return drill === undefined ? undefined : (drill?.title ?? null);
}

/** The mark in a document header: 「訓練用」 and the drill's name. */
export function DrillPrintMark() {
  const drillTitle = useContext(DrillPrintContext);
  if (!drillTitle) return null;
  return (
    <p className="doc-drill-mark">
      <strong>訓練用</strong> 訓練「{drillTitle}
      」の中で印刷したものです。実際の障害の記録ではありません。
    </p>
  );
}
