/** A child of `h`: text (always set as text, never parsed as HTML), an element, or nothing. */
export type Child = string | Node | null | undefined | false;

/**
 * Creates an element with attributes and children. Text from a file is only ever a text node,
 * so nothing a bundle holds can become markup in this page.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children)
    if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}
