/**
 * A homework prompt's label as shown: the form adds "(optional)" itself for prompts that are not
 * required, so a label that already says so (as library templates do) loses its own copy.
 */
export function promptLabel(label: string): string {
  return label.replace(/\s*\(optional\)\s*$/i, "");
}
