import { compile, type CompiledService } from '@sportello/schemas';
import { DomainError } from '../shared/domain-error.js';

/**
 * Published versions are immutable, so each compiles once per process (STYLE.md 3) and is
 * kept by version id; a small LRU bounds memory when many versions are in use.
 */
export class CompiledCache {
  private readonly entries = new Map<string, CompiledService>();
  constructor(private readonly capacity = 500) {}

  get(versionId: string, definition: unknown): CompiledService {
    const hit = this.entries.get(versionId);
    if (hit) {
      this.entries.delete(versionId);
      this.entries.set(versionId, hit);
      return hit;
    }
    const result = compile(definition);
    if (!result.ok) {
      // A stored version always compiled when published; failing now means the engine changed.
      throw new DomainError('DEFINITION_INVALID', 'error.definitionInvalid', { count: result.problems.length },
        result.problems.map((p) => ({ pointer: p.pointer, code: p.code, message: p.message })));
    }
    this.entries.set(versionId, result.service);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return result.service;
  }
}
