// The searched words marked in a result's text, so a person sees at a glance why it matched.
import type { ReactNode } from 'react';

function escapeForPattern(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `text` with every word of `query` (any case) wrapped in <mark>; the text itself unchanged. */
export function highlighted(text: string, query: string): ReactNode {
  const words = query.trim().split(/\s+/).filter((word) => word.length > 0);
  if (words.length === 0) return text;
  const pattern = new RegExp(`(${words.map(escapeForPattern).sort((a, b) => b.length - a.length).join('|')})`, 'gi');
  const parts = text.split(pattern);
  return parts.map((part, index) => (index % 2 === 1 ? <mark key={index}>{part}</mark> : part));
}
