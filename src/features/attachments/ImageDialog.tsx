import { useEffect, useRef } from 'react';
import './attachments.css';

/**
 * An attached picture shown large over the page, so a clerk reads the error on a screenshot
 * without a download or a new tab. Escape, 閉じる or a click beside the picture closes it; the
 * browser then puts focus back on the thumbnail that opened it.
 */
export function ImageDialog({
  url,
  name,
  label,
  saveAs,
  onClose,
}: {
  url: string;
  name: string;
  /** Name and size as the list shows them. */
  label: string;
  /** The file name 保存 writes. */
  saveAs: string;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // showModal makes the rest of the page inert; jsdom has no showModal, so it is only opened.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    return () => {
      if (typeof dialog.close === 'function') dialog.close();
    };
  }, []);
  // Closing through the element lets the browser put focus back on the thumbnail before React
  // removes the dialog; its `close` event then tells the owner.
  function close() {
    const dialog = ref.current;
    if (dialog?.open && typeof dialog.close === 'function') dialog.close();
    else onClose();
  }
  return (
    <dialog
      ref={ref}
      className="image-dialog"
      aria-label={`${name}（拡大表示）`}
      onClose={onClose}
      onClick={(event) => {
        if (event.target === event.currentTarget) close();
      }}
    >
      <div className="image-dialog-bar">
        <span className="image-dialog-label">{label}</span>
        <a href={url} download={saveAs} aria-label={`${name}を保存`}>
          保存
        </a>
        <button type="button" onClick={close} autoFocus>
          閉じる
        </button>
      </div>
      <img src={url} alt={name} decoding="async" />
    </dialog>
  );
}
