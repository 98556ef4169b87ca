-- An account deleted in SQL (an operator's erasure, docs/runbooks.md#account-erasure) revokes its
-- tokens too: a trigger records the revocation in token_revocations in the DELETE's transaction,
-- which every user-service replica writes into Redis and publishes within
-- TOKEN_REVOCATIONS.republishEveryMs (apps/user-service/README.md "Revocations"). Before, only the
-- route's deletion revoked them, and an operator who skipped the runbook's hand-written INSERT left
-- the account's tokens accepted by the other services for up to their 15 minutes. The instant is
-- user_db's clock to the millisecond, rounded down, as every revocation and login's `iat` is
-- (src/domain/revocation-records.ts); a later revocation already recorded is kept.
-- Deferred to the commit, not at the row's deletion: until the DELETE commits, a login still reads
-- the account and signs a token at that instant, which a revocation taken at the DELETE statement
-- (an operator's transaction left open for minutes) would not refuse. SECURITY DEFINER as
-- record_account_deletion (migration 20261207011000_deleted_accounts): an operator granted DELETE on
-- users alone.
CREATE FUNCTION "revoke_deleted_account_tokens"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $body$
BEGIN
  INSERT INTO "token_revocations" ("user_id", "revoked_at") VALUES (OLD."id", date_trunc('milliseconds', clock_timestamp()))
  ON CONFLICT ("user_id") DO UPDATE SET "revoked_at" = GREATEST("token_revocations"."revoked_at", EXCLUDED."revoked_at");
  RETURN NULL;
END
$body$;

CREATE CONSTRAINT TRIGGER "users_revoke_deletion_tokens" AFTER DELETE ON "users"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "revoke_deleted_account_tokens"();
