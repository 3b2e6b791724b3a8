-- Fails the statement it appears in when `ok` is false, so a single statement can check its
-- own outcome (e.g. that every attachment moved) and roll itself back without an interactive
-- transaction: the locks it takes are released as soon as it ends.
CREATE OR REPLACE FUNCTION sportello_assert(ok boolean, message text) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  IF ok IS NOT TRUE THEN
    RAISE EXCEPTION '%', message USING ERRCODE = 'P0001';
  END IF;
  RETURN true;
END
$$;
