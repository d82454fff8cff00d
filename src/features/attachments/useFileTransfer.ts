import { useEffect, useRef, useState } from 'react';
import { filesOf, isFileDrag, pastedAttachmentFiles } from './transferFiles.ts';

/**
 * Ctrl+V of a screenshot and a drop of files anywhere on the page while the form is open. The
 * `paste` event carries the clipboard's files on plain HTTP too (the async Clipboard API needs a
 * secure context, which an intranet server often is not). A paste of text and a drag of text
 * between fields are left to the browser. A file dropped beside the form would otherwise make
 * the browser leave the app to show it.
 */
export function useFileTransfer(onFiles: (files: File[], how: 'paste' | 'drop') => void): {
  isDragging: boolean;
} {
  const handler = useRef(onFiles);
  useEffect(() => {
    handler.current = onFiles;
  });
  const [isDragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    function onPaste(event: ClipboardEvent) {
      const files = pastedAttachmentFiles(event);
      if (!files.length) return;
      event.preventDefault();
      handler.current(files, 'paste');
    }
    function onDragEnter(event: DragEvent) {
      if (!isFileDrag(event.dataTransfer)) return;
      depth += 1;
      setDragging(true);
    }
    function onDragLeave(event: DragEvent) {
      if (!isFileDrag(event.dataTransfer)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    }
    function onDragOver(event: DragEvent) {
      if (!isFileDrag(event.dataTransfer)) return;
      // Without this the page is not a drop target and the browser opens the file instead.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    }
    function onDrop(event: DragEvent) {
      const files = filesOf(event.dataTransfer);
      if (!isFileDrag(event.dataTransfer) && !files.length) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      if (files.length) handler.current(files, 'drop');
    }
    document.addEventListener('paste', onPaste);
    document.addEventListener('dragenter', onDragEnter);
    document.addEventListener('dragleave', onDragLeave);
    document.addEventListener('dragover', onDragOver);
    document.addEventListener('drop', onDrop);
    return () => {
      document.removeEventListener('paste', onPaste);
      document.removeEventListener('dragenter', onDragEnter);
      document.removeEventListener('dragleave', onDragLeave);
      document.removeEventListener('dragover', onDragOver);
      document.removeEventListener('drop', onDrop);
    };
  }, []);
  return { isDragging };
}
