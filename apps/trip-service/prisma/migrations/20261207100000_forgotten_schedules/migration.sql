-- The schedules deleted here (a schedule's DELETE, or its trip's) whose copies the AI service still
-- has to forget (its generations: the request, with the trip and preferences, and the plan). Written
-- in the deleting transaction, walked by the schedule sweep, which calls the AI service's forget route
-- and deletes a row once that answered after the schedule's deadline (not_after): a copy of its
-- request taken later would find nothing and be planned again. A new table: no lock on another.
CREATE TABLE "forgotten_schedules" (
    "id" UUID NOT NULL,
    "trip_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "not_after" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "forgotten_schedules_pkey" PRIMARY KEY ("id")
);
