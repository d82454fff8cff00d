import { pickData } from '../../domain/recordMeta.ts';
import { procedureDataSchema, type ProcedureData } from '../../domain/procedure.ts';
import {
  checkProcedureInput,
  sortStepsByPhase,
  type KnownRecords,
} from '../../domain/procedureRules.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import { toFieldErrors, type FieldErrors } from '../common/fieldErrors.ts';

/**
 * What the procedure form edits: the data, with the review date as the date input gives it
 * ('' = not recorded) and the revision the edit started from.
 */
export type ProcedureFormValues = Omit<
  ProcedureData,
  'lastReviewedOn' | 'guidanceTranslations' | 'versionHistory'
> & {
  lastReviewedOn: string;
  /** Always present in the form (absent in a 1.0 record = none). */
  guidanceTranslations: NonNullable<ProcedureData['guidanceTranslations']>;
  versionHistory: NonNullable<ProcedureData['versionHistory']>;
  baseRev: string | null;
};

export type ProcedureStep = ProcedureData['steps'][number];
export type ProcedureAgreement = ProcedureData['agreements'][number];

/** A new procedure: nothing filled in, reviewed `today` (writing it is its first review). */
export function newProcedureValues(today: string): ProcedureFormValues {
  return {
    title: '',
    systemIds: [],
    trigger: '',
    levels: [],
    steps: [],
    residentGuidance: '',
    paperForms: [],
    afterRecovery: '',
    owner: '',
    lastReviewedOn: today,
    version: '',
    agreements: [],
    guidanceTranslations: [],
    versionHistory: [],
    baseRev: null,
  };
}

export function editProcedureValues(record: RecordOf<'procedure'>): ProcedureFormValues {
  const data = pickData(record);
  return {
    ...data,
    // Stored steps from another station may be interleaved; the form shows them by phase.
    steps: sortStepsByPhase(data.steps),
    lastReviewedOn: data.lastReviewedOn ?? '',
    guidanceTranslations: data.guidanceTranslations ?? [],
    versionHistory: data.versionHistory ?? [],
    baseRev: record.rev,
  };
}

/**
 * The values as the schema's data. Empty 1.1 lists are left out, so saving a procedure that has
 * none writes the same shape a 1.0 station reads.
 */
export function toProcedureData(values: ProcedureFormValues): ProcedureData {
  const {
    baseRev: _baseRev,
    lastReviewedOn,
    guidanceTranslations,
    versionHistory,
    ...rest
  } = values;
  return {
    ...rest,
    steps: sortStepsByPhase(rest.steps),
    lastReviewedOn: lastReviewedOn || null,
    // A language opened but left empty is no translation: it falls back to Japanese.
    ...(guidanceTranslations.some((t) => t.text.trim())
      ? { guidanceTranslations: guidanceTranslations.filter((t) => t.text.trim()) }
      : {}),
    ...(versionHistory.length ? { versionHistory } : {}),
  };
}

/**
 * Everything wrong with the input: the rules first (their messages say what to do, e.g. for an
 * agreement without a date), then whatever else the schema refuses.
 */
export function validateProcedure(
  values: ProcedureFormValues,
  known: KnownRecords,
  now: Date,
): { data?: ProcedureData; errors: FieldErrors } {
  const data = toProcedureData(values);
  const errors: FieldErrors = {};
  for (const issue of checkProcedureInput(data, known, now)) errors[issue.path] ??= issue.message;
  const parsed = procedureDataSchema.safeParse(data);
  if (!parsed.success)
    for (const [path, message] of Object.entries(toFieldErrors(parsed.error.issues)))
      errors[path] ??= message;
  return parsed.success && Object.keys(errors).length === 0
    ? { data: parsed.data, errors }
    : { errors };
}
