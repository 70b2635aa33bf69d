// Building DOM from data: text only ever goes in as textContent, never as markup.

/** A `tag` element with `className` and text `text` (both optional). */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
