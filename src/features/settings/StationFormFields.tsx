import { useState, type FormEvent } from 'react';
import {
  stationFormSchema,
  stationRoleLabels,
  stationRoles,
  type StationForm,
  type StationRole,
} from '../../domain/station.ts';
import { Field } from '../common/Field.tsx';
import { Banner } from '../common/Banner.tsx';
import { toFieldErrors, type FieldErrors } from '../common/fieldErrors.ts';
import { saveStation } from '../../db/station.ts';
import { MAX_STAFF_NAMES, parseStaffNames, staffListOf } from '../../domain/operator.ts';
import { describeStorageError } from '../../db/errors.ts';

// A new station starts as a department's unless chosen otherwise (PRODUCT.md, decision 1).
const blank: StationForm = {
  municipality: '',
  department: '',
  terminal: '',
  staffName: '',
  role: 'department',
};

const roleHints: Record<StationRole, string> = {
  'it-section':
    'システム・連絡先・障害レベル・代替手順を作成・編集し、各課へ配布します（情報政策課・情報システム課など）',
  department:
    '障害を記録し、配布された連絡先や代替手順を見ます。一覧の編集は情報システム担当が行います',
};

/** The station identity form, used at first run and under 設定. */
export function StationFormFields({
  initial,
  submitLabel,
  onSaved,
}: {
  initial?: StationForm;
  submitLabel: string;
  onSaved?: () => void;
}) {
  const [values, setValues] = useState<StationForm>(initial ?? blank);
  // 担当者の一覧 as typed, one name a line; a station without a list shows its 担当者名 here.
  const [staffText, setStaffText] = useState(() => (initial?.staffNames ?? []).join('\n'));
  // Until someone edits it, a station without a list keeps none, so its list goes on following
  // 担当者名 (a changed 担当者名 must not leave the old name behind as the only operator).
  const [staffEdited, setStaffEdited] = useState(Boolean(initial?.staffNames));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const set = (key: keyof StationForm) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [key]: event.target.value }));
    setSaved(false);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { staffNames: _, ...fields } = values;
    const staffNames = staffEdited ? parseStaffNames(staffText) : [];
    // An empty list is not stored: the station's list is then its 担当者名 (staffListOf).
    const parsed = stationFormSchema.safeParse(
      staffNames.length ? { ...fields, staffNames } : fields,
    );
    if (!parsed.success) {
      setErrors(toFieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    try {
      await saveStation(parsed.data);
      setFailure(null);
      setSaved(true);
      onSaved?.();
    } catch (error) {
      setFailure(describeStorageError(error));
    }
  }

  return (
    <form onSubmit={submit} noValidate className="form station-form">
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      {saved ? <Banner kind="success">端末の設定を保存しました。</Banner> : null}
      <Field label="自治体名" required error={errors.municipality} hint="例: 架空市">
        <input
          value={values.municipality}
          onChange={set('municipality')}
          autoComplete="organization"
        />
      </Field>
      <Field label="部署" required error={errors.department} hint="例: 市民課">
        <input value={values.department} onChange={set('department')} />
      </Field>
      <Field
        label="端末名"
        required
        error={errors.terminal}
        hint="この PC の名前。例: 窓口PC-01（障害記録の「端末」の初期値になります）"
      >
        <input value={values.terminal} onChange={set('terminal')} />
      </Field>
      <Field
        label="担当者名"
        error={errors.staffName}
        hint="この PC の主な担当者。操作者を選んでいないときに操作履歴に残る名前です。例: 山田 花子"
      >
        <input value={values.staffName} onChange={set('staffName')} autoComplete="name" />
      </Field>
      <Field
        label="担当者の一覧"
        error={staffNamesError(errors)}
        hint={`この PC を使う人の名前を1行に1人ずつ（${MAX_STAFF_NAMES}人まで）。画面上部の「操作者」で選べます`}
      >
        <textarea
          rows={4}
          value={staffEdited ? staffText : staffListOf(values).join('\n')}
          onChange={(event) => {
            setStaffText(event.target.value);
            setStaffEdited(true);
            setSaved(false);
          }}
        />
      </Field>
      <fieldset className="field role-choice">
        <legend>この端末の役割</legend>
        {stationRoles.map((role) => (
          <label key={role} className="choice">
            <input
              type="radio"
              name="station-role"
              value={role}
              checked={values.role === role}
              onChange={() => {
                setValues((v) => ({ ...v, role }));
                setSaved(false);
              }}
            />
            <span>
              <strong>{stationRoleLabels[role]}</strong>
              <span className="hint">{roleHints[role]}</span>
            </span>
          </label>
        ))}
        {errors.role ? (
          <p className="error" role="alert">
            {errors.role}
          </p>
        ) : null}
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

/** The list's first problem; a name's own problem says which line-up position it is. */
function staffNamesError(errors: FieldErrors): string | undefined {
  if (errors.staffNames) return errors.staffNames;
  const key = Object.keys(errors).find((k) => k.startsWith('staffNames.'));
  return key ? `${Number(key.split('.')[1]) + 1}人目: ${errors[key]}` : undefined;
}
