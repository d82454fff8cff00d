import { useId, type ReactNode } from 'react';

/**
 * An inline question before an action that is hard to take back. Focus starts on 「やめる」,
 * so a stray Enter never confirms.
 */
export function ConfirmBox({
  children,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  return (
    <div className="confirm card" role="alertdialog" aria-labelledby={id}>
      <p id={id}>{children}</p>
      <div className="actions">
        <button type="button" className="danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" onClick={onCancel} autoFocus>
          やめる
        </button>
      </div>
    </div>
  );
}
