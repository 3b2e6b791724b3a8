import type { Relationship } from './registry.types.js';

/** In the order a family sheet lists them: the holder first. */
export const RELATIONSHIPS: readonly Relationship[] = [
  'intestatario', 'coniuge', 'unito_civilmente', 'convivente', 'figlio', 'genitore',
  'fratello_sorella', 'nipote', 'suocero', 'genero_nuora', 'altro_parente', 'altro',
];

/**
 * AnprResident has no relationship column yet, so the fixtures keep the relationship to the
 * family sheet's holder beside the address in its JSON (`address.relationship`). This is the
 * one place that knows; when the column exists only this function and the fixtures change.
 */
export function relationshipOf(storedAddress: unknown): Relationship {
  const value = (storedAddress as { relationship?: unknown } | null)?.relationship;
  return RELATIONSHIPS.includes(value as Relationship) ? (value as Relationship) : 'altro';
}

export function withRelationship(address: object, relationship: Relationship): object {
  return { ...address, relationship };
}
