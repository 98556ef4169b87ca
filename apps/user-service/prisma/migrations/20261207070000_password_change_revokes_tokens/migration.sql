-- A password change revokes the account's tokens in the transaction that changes the password: the
-- route wrote the new hash, then recorded the revocation in a statement of its own, so a pod that
-- stopped between the two left the new password set and the old tokens valid everywhere (nothing
-- recorded to write back), and a user_db that failed the INSERT left Redis alone holding it.
-- The deletion's trigger function (migration 20261207050000_deletion_revokes_tokens) records it, so
-- its name now says both; deferred to the commit for the deletion's reason (a login that still reads
-- the old hash until then signs a token at that instant). Only when the hash differs: an UPDATE that
-- leaves it as it was changes no password. An operator's reset in SQL revokes the tokens too.
-- old-pods: no release names the function (its trigger holds it by OID); a pod of the release before
-- records its change's revocation again after the commit, a later instant, which GREATEST keeps.
ALTER FUNCTION "revoke_deleted_account_tokens"() RENAME TO "revoke_account_tokens";

CREATE CONSTRAINT TRIGGER "users_revoke_password_change_tokens" AFTER UPDATE OF "password_hash" ON "users"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD."password_hash" IS DISTINCT FROM NEW."password_hash")
  EXECUTE FUNCTION "revoke_account_tokens"();
