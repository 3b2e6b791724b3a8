-- The `catalogue:read` API-key scope granted nothing (the public catalogue needs no key): drop it
-- from stored keys. A key left with no scope still authenticates, as before, for public reads.
UPDATE "api_keys" SET "scopes" = array_remove("scopes", 'catalogue:read') WHERE 'catalogue:read' = ANY("scopes");
