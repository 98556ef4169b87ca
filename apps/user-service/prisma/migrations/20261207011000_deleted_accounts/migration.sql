-- The record of each account's deletion (apps/user-service/README.md "Deletion records"): the trip
-- service's account-erasure sweep erases a traveller's trips and plans only for an id recorded here,
-- never because an account is missing (a restored or wrong user_db lacks accounts nobody deleted).

-- CreateTable
CREATE TABLE "deleted_accounts" (
    "id" UUID NOT NULL,
    "deleted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deleted_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "deleted_accounts_deleted_at_idx" ON "deleted_accounts"("deleted_at");

-- Written by hand (Prisma has no triggers): every DELETE of an account records it in the same
-- transaction, the route's (DELETE /api/v1/users/me) and an operator's in SQL alike
-- (docs/runbooks.md#account-erasure). What bypasses row triggers records nothing, as it should: a
-- restore or a copy of user_db (pg_restore, a point-in-time restore, a replica) deletes no account,
-- and TRUNCATE is no way to delete accounts. A second deletion of an id (a restore brought it back)
-- moves the record's time, so it is kept the retention from the last one. SECURITY DEFINER: the
-- record is written with the privileges of the function's owner (the service's role, which owns
-- the table), whoever deletes (an operator granted DELETE on users alone), the search_path pinned
-- as PostgreSQL's documentation asks of such a function.
CREATE FUNCTION "record_account_deletion"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $body$
BEGIN
  INSERT INTO "deleted_accounts" ("id", "deleted_at") VALUES (OLD."id", CURRENT_TIMESTAMP)
  ON CONFLICT ("id") DO UPDATE SET "deleted_at" = EXCLUDED."deleted_at";
  RETURN NULL;
END
$body$;

CREATE TRIGGER "users_record_deletion" AFTER DELETE ON "users"
  FOR EACH ROW EXECUTE FUNCTION "record_account_deletion"();
