-- Each running AI pod's row (served-since.ts): since when the service has been answering without a
-- break (the withdraw route reachable), and until when its pod's row counts as up unless refreshed.
-- A request put on the queue before that moment may have a cancel's withdrawal waiting behind it.
-- A new table, nothing else locked.
-- CreateTable
CREATE TABLE "ai_pods" (
    "pod_id" UUID NOT NULL,
    "served_since" TIMESTAMPTZ(3),
    "seen_until" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ai_pods_pkey" PRIMARY KEY ("pod_id")
);
