-- Each session signed out (POST /api/v1/auth/logout signs out the calling token's session, the login's
-- `sid`, not the whole account; apps/user-service/README.md "Signing out and changing the password"),
-- kept one token lifetime as token_revocations: the user service writes back into Redis what the set
-- there (catalog SESSION_REVOCATIONS) lost. No foreign key to users, as token_revocations.

-- CreateTable
CREATE TABLE "session_revocations" (
    "session_id" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "revoked_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "session_revocations_pkey" PRIMARY KEY ("session_id")
);

-- CreateIndex
CREATE INDEX "session_revocations_revoked_at_idx" ON "session_revocations"("revoked_at");
