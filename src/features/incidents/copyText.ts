/**
 * Copies text to the clipboard. The async clipboard exists only on secure origins (HTTPS,
 * localhost); a plain-HTTP intranet page has none, so there the text goes into a temporary
 * textarea, is selected and copied with execCommand, which still works there. Resolves false
 * when neither worked: the caller then shows the text for the person to copy by hand.
 */
export async function copyText(text: string): Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // a denied permission falls through to the textarea
    }
  }
  const active = document.activeElement as HTMLElement | null;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  // Off screen, not hidden: a hidden element cannot hold a selection.
  area.style.position = 'fixed';
  area.style.top = '-1000px';
  document.body.append(area);
  area.focus();
  area.select();
  let done = false;
  try {
    done = document.execCommand('copy');
  } catch {
    done = false;
  }
  area.remove();
  active?.focus();
  return done;
}
