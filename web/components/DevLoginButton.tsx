/**
 * Development login as one demo person (and, with `enteId`, in one Ente's office): a plain form
 * posting to the server's /auth/dev-login, so it works without JavaScript. Only rendered where
 * the server lists demo people (devUsers is absent in production).
 */
export function DevLoginButton({ userId, enteId, back, label, className = 'btn btn-outline-primary' }: {
  userId: string; enteId?: string; back: string; label: string; className?: string;
}) {
  return (
    <form method="post" action="/auth/dev-login" className="d-inline-block">
      <input type="hidden" name="userId" value={userId} />
      {enteId ? <input type="hidden" name="enteId" value={enteId} /> : null}
      <input type="hidden" name="back" value={back} />
      <button type="submit" className={className}>{label}</button>
    </form>
  );
}
