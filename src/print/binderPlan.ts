// What the emergency binder (緊急時バインダー) holds and in which order, worked out from the records.
// Pure (no DOM, no storage), so the app's 印刷, the read-only HTML copy and `npm run print` all
// lay out the same chapters.
//
// One chapter per system that has a fallback procedure, most important system first (the order
// of the outage screen), then the level guide once at the end. A procedure shared by several
// systems (庁内LAN停止時…) is printed in full once, in the first chapter that needs it; the later
// chapters name the chapter it is in, so the binder does not grow by one copy per system.

import type { RecordOf } from '../domain/recordSchemas.ts';
import { compareSystemsByPriority } from '../domain/systemRules.ts';
import {
  contactPrintRows,
  levelPrintRows,
  proceduresOfSystem,
  type ContactPrintRow,
  type LevelPrintRow,
} from './kitContent.ts';

export interface BinderRecords {
  systems: readonly RecordOf<'system'>[];
  procedures: readonly RecordOf<'procedure'>[];
  contacts: readonly RecordOf<'contact'>[];
  levels: readonly RecordOf<'incidentLevel'>[];
}

/** A procedure printed in full in a chapter, with its in-page anchor. */
export interface BinderProcedure {
  procedure: RecordOf<'procedure'>;
  anchor: string;
}

/** One system's chapter: its procedures, references to those printed earlier, whom to call. */
export interface BinderSystemChapter {
  number: number;
  anchor: string;
  system: RecordOf<'system'>;
  procedures: BinderProcedure[];
  printedEarlier: { title: string; chapter: number; anchor: string }[];
  contacts: ContactPrintRow[];
}

export interface BinderPlan {
  chapters: BinderSystemChapter[];
  /** The level guide: the last chapter. */
  levels: { number: number; anchor: string; rows: LevelPrintRow[] };
  /** Systems with no procedure: left out, and named in the table of contents. */
  withoutProcedure: string[];
  procedureCount: number;
}

/** 'print': the A4 binder. 'copy': the read-only HTML copy (links, and how old it is). */
export type BinderVariant = 'print' | 'copy';

/** The level guide's chapter title. */
export const LEVELS_CHAPTER_TITLE = '障害レベルの目安';

/** 「第2章 住民記録システム」: a chapter's heading, also the text that finds it in the PDF. */
export function chapterHeading(number: number, title: string): string {
  return `第${number}章 ${title}`;
}

/** 「代替手順「…」」: the heading ProcedurePrint gives a procedure (keep the two in step). */
export function procedureHeading(title: string): string {
  return `代替手順「${title}」`;
}

/** Works out the chapters of the binder. */
export function planBinder(records: BinderRecords): BinderPlan {
  const printedIn = new Map<string, { chapter: number; anchor: string }>();
  const chapters: BinderSystemChapter[] = [];
  const withoutProcedure: string[] = [];
  for (const system of [...records.systems].sort(compareSystemsByPriority)) {
    const own = proceduresOfSystem(records.procedures, system.id);
    if (own.length === 0) {
      withoutProcedure.push(system.name);
      continue;
    }
    const number = chapters.length + 1;
    const chapter: BinderSystemChapter = {
      number,
      anchor: `binder-ch-${number}`,
      system,
      procedures: [],
      printedEarlier: [],
      contacts: contactPrintRows(records.contacts, system.id),
    };
    for (const procedure of own) {
      const earlier = printedIn.get(procedure.id);
      if (earlier) {
        chapter.printedEarlier.push({ title: procedure.title, ...earlier });
        continue;
      }
      const anchor = `binder-ch-${number}-p-${chapter.procedures.length + 1}`;
      printedIn.set(procedure.id, { chapter: number, anchor });
      chapter.procedures.push({ procedure, anchor });
    }
    chapters.push(chapter);
  }
  const levelsNumber = chapters.length + 1;
  return {
    chapters,
    levels: {
      number: levelsNumber,
      anchor: `binder-ch-${levelsNumber}`,
      rows: levelPrintRows(records.levels),
    },
    withoutProcedure,
    procedureCount: printedIn.size,
  };
}

/**
 * One line of the table of contents that gets a page number: a chapter, or a procedure printed
 * in full. `marker` is the heading text that starts it on paper.
 */
export interface BinderEntry {
  anchor: string;
  marker: string;
}

/** The entries that carry page numbers, in the order they appear on paper. */
export function binderEntries(plan: BinderPlan): BinderEntry[] {
  return [
    ...plan.chapters.flatMap((chapter) => [
      { anchor: chapter.anchor, marker: chapterHeading(chapter.number, chapter.system.name) },
      ...chapter.procedures.map((p) => ({
        anchor: p.anchor,
        marker: procedureHeading(p.procedure.title),
      })),
    ]),
    {
      anchor: plan.levels.anchor,
      marker: chapterHeading(plan.levels.number, LEVELS_CHAPTER_TITLE),
    },
  ];
}
