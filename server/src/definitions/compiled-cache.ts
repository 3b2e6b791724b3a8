import { compile, type CompiledService } from '@sportello/schemas';
import { DomainError } from '../shared/domain-error.js';
import { Lru } from '../shared/lru.js';

/**
 * Published versions are immutable, so each compiles once per process (STYLE.md 3) and is
 * kept by version id; a small LRU bounds memory when many versions are in use.
 */
export class CompiledCache {
  private readonly entries: Lru<string, CompiledService>;
  constructor(capacity = 500) {
    this.entries = new Lru(capacity);
  }

  /** The compiled version when it is kept (so a caller can skip reading its definition). */
  peek(versionId: string): CompiledService | undefined {
    return this.entries.get(versionId);
  }

  get(versionId: string, definition: unknown): CompiledService {
    const hit = this.entries.get(versionId);
    if (hit) return hit;
    const result = compile(definition);
    if (!result.ok) {
      // A stored version always compiled when published; failing now means the engine changed.
      throw new DomainError('DEFINITION_INVALID', 'error.definitionInvalid', { count: result.problems.length },
        result.problems.map((p) => ({ pointer: p.pointer, code: p.code, message: p.message })));
    }
    this.entries.set(versionId, result.service);
    return result.service;
  }
}
