'use client';

export interface PointedProblem { pointer: string; message: string; code?: string }

/** The problems at a JSON pointer of the definition (and under it, unless `exact`). */
export function problemsAt(problems: PointedProblem[] | undefined, pointer: string, exact = false): PointedProblem[] {
  return (problems ?? []).filter((p) => p.pointer === pointer || (!exact && p.pointer.startsWith(`${pointer}/`)));
}

/** The server's (or the engine's) problems shown at the element they concern. */
export function ProblemsAt({ problems, pointer, exact, id }: { problems?: PointedProblem[]; pointer: string; exact?: boolean; id?: string }) {
  const own = problemsAt(problems, pointer, exact);
  if (!own.length) return null;
  return (
    <ul id={id} className="list-unstyled small text-danger mb-2">
      {own.map((p, i) => <li key={i}>{p.message}{p.code && <> (<code>{p.code}</code>)</>}</li>)}
    </ul>
  );
}
