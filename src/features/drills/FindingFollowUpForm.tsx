import { useState, type FormEvent } from 'react';
import { openFindingFollowUp } from '../../db/drills.ts';
import { describeStorageError } from '../../db/errors.ts';
import {
  followUpTargetTypeLabels,
  followUpTargetTypes,
  type FollowUpTargetType,
} from '../../domain/followUp.ts';
import type { DrillFinding } from '../../domain/drill.ts';
import { Banner } from '../common/Banner.tsx';
import { Field } from '../common/Field.tsx';
import type { TargetOption } from './useFollowUpTargets.ts';

/**
 * Turns one finding into work (issue 15): a follow-up on the procedure, contact, level or system
 * it concerns, which then shows on that record until it is closed.
 */
export function FindingFollowUpForm({
  drillId,
  finding,
  targets,
}: {
  drillId: string;
  finding: DrillFinding;
  targets: Record<FollowUpTargetType, TargetOption[]>;
}) {
  const [targetType, setTargetType] = useState<FollowUpTargetType>('procedure');
  const [targetId, setTargetId] = useState(() => targets.procedure[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);

  function chooseType(type: FollowUpTargetType) {
    setTargetType(type);
    setTargetId(targets[type][0]?.id ?? '');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!targetId) {
      setError('要対応にする対象を選んでください。');
      return;
    }
    setSaving(true);
    try {
      await openFindingFollowUp(drillId, finding.id, { targetType, targetId });
      setError(null);
    } catch (caught) {
      setError(describeStorageError(caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className="finding-follow-up"
      onSubmit={submit}
      noValidate
      aria-label={`「${finding.text}」を要対応にする`}
    >
      <Field label="対象の種類">
        <select
          value={targetType}
          onChange={(e) => chooseType(e.target.value as FollowUpTargetType)}
        >
          {followUpTargetTypes.map((type) => (
            <option key={type} value={type}>
              {followUpTargetTypeLabels[type]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="対象">
        <select value={targetId} onChange={(e) => setTargetId(e.target.value)}>
          <option value="">選んでください</option>
          {targets[targetType].map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" disabled={isSaving}>
        要対応にする
      </button>
      {error ? <Banner kind="error">{error}</Banner> : null}
    </form>
  );
}
