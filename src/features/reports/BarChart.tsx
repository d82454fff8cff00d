import { useLayoutEffect, useRef } from 'react';
import * as Plot from '@observablehq/plot';
import './chart.css';

// Bar charts drawn as SVG by Observable Plot, for paper in black and white: grey shades with a
// black outline, the count written on every bar. Plot is imported only here, and this file only
// by the lazily loaded reports screen and 月次報告, so no other screen downloads it.

/** One bar, or one segment of a stacked bar. */
export interface ChartDatum {
  category: string;
  /** The stack a segment belongs to (a level); absent for a plain bar chart. */
  series?: string;
  count: number;
}

/** Fill of each series, light to dark, with the colour of a count written on it. */
export const SHADES = [
  { fill: '#ffffff', text: '#000000' },
  { fill: '#c8c8c8', text: '#000000' },
  { fill: '#8c8c8c', text: '#000000' },
  { fill: '#4d4d4d', text: '#ffffff' },
  { fill: '#000000', text: '#ffffff' },
] as const;
const PLAIN = SHADES[1];
const shadeOf = (index: number) => SHADES[index % SHADES.length]!;

export interface BarChartProps {
  /** What the chart shows, for its accessible name. */
  title: string;
  /** Bars in this order (zeros included). */
  categories: readonly string[];
  data: readonly ChartDatum[];
  /** Stack order; omit for one bar per category. */
  series?: readonly string[];
  /** Months read left to right; other categories (long names) top to bottom. */
  vertical?: boolean;
  /** Drawing width in px of a horizontal chart (paper takes a narrower one, so text keeps its size). */
  width?: number;
}

type Placed = ChartDatum & { from: number; to: number; mid: number };

/** Stacks the segments of each category in series order (Plot draws them where they are put). */
function place(data: readonly ChartDatum[], series: readonly string[]): Placed[] {
  const ends = new Map<string, number>();
  const order = (d: ChartDatum) => series.indexOf(d.series ?? '');
  return [...data]
    .filter((d) => d.count > 0)
    .sort((a, b) => order(a) - order(b))
    .map((d) => {
      const from = ends.get(d.category) ?? 0;
      ends.set(d.category, from + d.count);
      return { ...d, from, to: from + d.count, mid: from + d.count / 2 };
    });
}

/** The labels' size on screen (chart.css); long names get room at this size. */
const FONT_PX = 14;

function plotChart({
  categories,
  data,
  series = [],
  vertical = false,
  width = 560,
}: BarChartProps) {
  const placed = place(data, series);
  const top = Math.max(1, ...placed.map((d) => d.to));
  const isStacked = series.length > 0;
  const groups = isStacked
    ? series.map((name, i) => ({ rows: placed.filter((d) => d.series === name), shade: shadeOf(i) }))
    : [{ rows: placed, shade: PLAIN }];
  const bars = groups.map(({ rows, shade }) =>
    vertical
      ? Plot.rectY(rows, { x: 'category', y1: 'from', y2: 'to', fill: shade.fill, stroke: '#000', inset: 6 })
      : Plot.rectX(rows, { y: 'category', x1: 'from', x2: 'to', fill: shade.fill, stroke: '#000', inset: 4 }),
  );
  // A stacked segment's count sits inside it; a plain bar's just past its end, 0 included, so
  // the chart says every number its table does.
  const totals = categories.map((category) => ({
    category,
    count: placed.filter((d) => d.category === category).reduce((sum, d) => sum + d.count, 0),
  }));
  const labels = isStacked
    ? [
        ...groups.map(({ rows, shade }) =>
          Plot.text(rows, {
            ...(vertical ? { x: 'category', y: 'mid' } : { y: 'category', x: 'mid' }),
            text: (d: Placed) => String(d.count),
            fill: shade.text,
            className: 'report-chart-count',
          }),
        ),
        // The bar's total past its end (「計 3」), 0 included, as the table's 合計 column says.
        Plot.text(totals, {
          ...(vertical ? { x: 'category', y: 'count', dy: -9 } : { y: 'category', x: 'count', dx: 6 }),
          text: (d: ChartDatum) => `計 ${d.count}`,
          fill: '#000',
          textAnchor: vertical ? 'middle' : 'start',
          className: 'report-chart-total',
        }),
      ]
    : [
        Plot.text(data, {
          ...(vertical ? { x: 'category', y: 'count', dy: -9 } : { y: 'category', x: 'count', dx: 6 }),
          text: (d: ChartDatum) => String(d.count),
          fill: '#000',
          textAnchor: vertical ? 'middle' : 'start',
          className: 'report-chart-count',
        }),
      ];
  const longest = Math.max(1, ...categories.map((c) => c.length));
  if (vertical)
    return Plot.plot({
      width: Math.max(320, 40 + categories.length * 72),
      height: 240,
      marginTop: 26,
      marginBottom: 46,
      // 「2026年」 over 「11月」: month names side by side would run into each other.
      x: { domain: categories, label: null, tickSize: 0, tickFormat: (d: string) => d.replace('年', '年\n') },
      y: { domain: [0, top * 1.1], axis: null },
      marks: [...bars, ...labels, Plot.ruleY([0])],
    });
  return Plot.plot({
    width,
    height: 28 + categories.length * 34,
    marginLeft: Math.min(300, 14 + longest * FONT_PX),
    marginRight: isStacked ? 56 : 40,
    x: { domain: [0, top], axis: null },
    y: { domain: categories, label: null, tickSize: 0 },
    marks: [...bars, ...labels, Plot.ruleX([0])],
  });
}

/**
 * A chart whose numbers are also in the table beside it (screen readers and Excel read the
 * table). Plot writes a <style> element into its SVG; the app's Content-Security-Policy forbids
 * inline <style>, so it is removed before the SVG joins the page and its rules live in
 * reports.css instead.
 */
export function BarChart(props: BarChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const spec = JSON.stringify(props);
  useLayoutEffect(() => {
    const parsed = JSON.parse(spec) as BarChartProps;
    const svg = plotChart(parsed);
    svg.querySelectorAll('style').forEach((style) => style.remove());
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', `${parsed.title}のグラフ（数は表と同じ）`);
    ref.current?.replaceChildren(svg);
    return () => svg.remove();
  }, [spec]);
  return <div className="report-chart" ref={ref} />;
}

/** The key to a stacked chart's shades, drawn as SVG so it prints like the bars. */
export function ChartLegend({ series }: { series: readonly string[] }) {
  return (
    <ul className="report-legend" aria-hidden="true">
      {series.map((name, i) => (
        <li key={name}>
          <svg width="14" height="14" viewBox="0 0 14 14">
            <rect x="0.5" y="0.5" width="13" height="13" fill={shadeOf(i).fill} stroke="#000" />
          </svg>
          {name}
        </li>
      ))}
    </ul>
  );
}
