import type { Relationship } from './registry.types.js';

/** In the order a family sheet lists them: the holder first. */
export const RELATIONSHIPS: readonly Relationship[] = [
  'intestatario', 'coniuge', 'unito_civilmente', 'convivente', 'figlio', 'genitore',
  'fratello_sorella', 'nipote', 'suocero', 'genero_nuora', 'altro_parente', 'altro',
];

/** A stored relationship code, or `altro` for anything the fixtures do not know. */
export function relationshipOf(stored: unknown): Relationship {
  return RELATIONSHIPS.includes(stored as Relationship) ? (stored as Relationship) : 'altro';
}
