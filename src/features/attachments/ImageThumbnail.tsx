import { useState } from 'react';
import { ImageDialog } from './ImageDialog.tsx';
import './attachments.css';

/**
 * A picture's thumbnail that opens it large in the page. Lazy and async decode: a record with
 * twenty phone photos does not stall the screen while they decode.
 */
export function ImageThumbnail({
  url,
  name,
  label,
  saveAs,
  onSize,
}: {
  url: string;
  name: string;
  label: string;
  saveAs: string;
  /** Told the picture's own size once it has decoded. */
  onSize?: (width: number, height: number) => void;
}) {
  const [isOpen, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="image-thumbnail"
        aria-label={`${name}を拡大表示`}
        onClick={() => setOpen(true)}
      >
        <img
          src={url}
          alt={name}
          loading="lazy"
          decoding="async"
          onLoad={(event) =>
            onSize?.(event.currentTarget.naturalWidth, event.currentTarget.naturalHeight)
          }
        />
      </button>
      {isOpen ? (
        <ImageDialog
          url={url}
          name={name}
          label={label}
          saveAs={saveAs}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}
