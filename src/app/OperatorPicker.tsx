import { useState, type FormEvent } from 'react';
import type { Station } from '../domain/station.ts';
import {
  needsOperatorChoice,
  operatorNameProblem,
  operatorOf,
  staffListOf,
} from '../domain/operator.ts';
import { setOperator } from '../db/operator.ts';
import { useChosenOperator } from '../db/useOperator.ts';
import './operator.css';

// The select's value for 「一覧にない人」: not a name anyone can have (names are trimmed).
const OTHER = ' other';

/**
 * 「操作者: 山田 花子」 in the header, with a small control to change it (PRODUCT.md decision 6).
 * Several names on the station's list and nobody chosen in this session: it asks in place,
 * never with a dialog, so the outage screen below is never blocked.
 */
export function OperatorPicker({ station }: { station: Station }) {
  const chosen = useChosenOperator(station.id);
  const list = staffListOf(station);
  const operator = operatorOf(station, chosen);
  const asking = needsOperatorChoice(station, chosen);
  const [open, setOpen] = useState(false);
  const [typing, setTyping] = useState(false);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function close() {
    setOpen(false);
    setTyping(false);
    setTyped('');
    setProblem(null);
  }

  function pick(value: string) {
    if (value === OTHER) {
      setTyping(true);
      return;
    }
    if (!value) return;
    setOperator(station.id, value);
    close();
  }

  function submitTyped(event: FormEvent) {
    event.preventDefault();
    const reason = operatorNameProblem(typed);
    if (reason) {
      setProblem(reason);
      return;
    }
    // Only this session's operator: the station's list is changed in 設定, never silently here.
    setOperator(station.id, typed);
    close();
  }

  const picking = asking || open;
  const offList = operator !== null && !list.includes(operator);
  return (
    <div className="operator" role="group" aria-label="操作者">
      {asking ? (
        <strong className="operator-ask">操作者を選んでください</strong>
      ) : (
        <span className="operator-name">
          操作者: {operator ?? '未設定'}
          {offList ? <small>（一覧にない人）</small> : null}
        </span>
      )}
      {picking && !typing ? (
        <select
          aria-label="操作者を選ぶ"
          value=""
          autoFocus={open}
          onChange={(event) => pick(event.target.value)}
        >
          <option value="" disabled>
            名前を選ぶ
          </option>
          {list.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
          <option value={OTHER}>一覧にない人…</option>
        </select>
      ) : null}
      {typing ? (
        <form className="operator-other" onSubmit={submitTyped} noValidate>
          <input
            aria-label="一覧にない人の名前"
            value={typed}
            autoFocus
            onChange={(event) => {
              setTyped(event.target.value);
              setProblem(null);
            }}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'operator-problem' : undefined}
          />
          <button type="submit">決定</button>
          <button type="button" onClick={close}>
            やめる
          </button>
          {problem ? (
            <span id="operator-problem" className="operator-problem" role="alert">
              {problem}
            </span>
          ) : null}
        </form>
      ) : null}
      {!picking ? (
        <button
          type="button"
          className="operator-change"
          aria-label="操作者を変更"
          onClick={() => setOpen(true)}
        >
          変更
        </button>
      ) : null}
      {open && !typing ? (
        <button type="button" className="operator-change" onClick={close}>
          やめる
        </button>
      ) : null}
    </div>
  );
}
