/** `selected` when it is `path` or inside it (a row re-renders only when its own selection changes). */
export function within(selected: string | null, path: string): string | null {
  return selected !== null && (selected === path || selected.startsWith(`${path}.`) || selected.startsWith(`${path}[].`)) ? selected : null;
}
