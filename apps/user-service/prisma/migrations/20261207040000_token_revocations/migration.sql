-- Each account's latest token revocation (apps/user-service/README.md "Revocations"), kept one token
-- lifetime: the user service writes back into Redis what the set there lost (an eviction, a restart,
-- a flush) or never got (a pod that stopped while Redis was out of reach). No foreign key to users:
-- an account's deletion revokes its tokens, and that revocation must outlive the account.

-- CreateTable
CREATE TABLE "token_revocations" (
    "user_id" UUID NOT NULL,
    "revoked_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "token_revocations_pkey" PRIMARY KEY ("user_id")
);

-- CreateIndex
CREATE INDEX "token_revocations_revoked_at_idx" ON "token_revocations"("revoked_at");
