/** Whether the glossary is open, and which entry to show first. */
export const glossary = $state<{ open: boolean; term: string | null }>({ open: false, term: null });

/** Opens the glossary, at `term` when given. */
export function openGlossary(term: string | null = null): void {
  glossary.term = term;
  glossary.open = true;
}
