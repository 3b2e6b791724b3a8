-- The hashes of a run of audit events appended together (one statement writing a batch of
-- submissions): element i is sha256(element i-1 || canons[i]), element 0 being `prev`, the
-- same formula as one event at a time (audit.service.ts hashOf). Lets one statement extend a
-- chain by many events while holding the chain head's row lock once.
CREATE OR REPLACE FUNCTION sportello_chain(prev text, canons text[]) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  hashes text[] := '{}';
  h text := prev;
  c text;
BEGIN
  FOREACH c IN ARRAY canons LOOP
    h := encode(sha256(convert_to(h || c, 'UTF8')), 'hex');
    hashes := hashes || h;
  END LOOP;
  RETURN hashes;
END
$$;
