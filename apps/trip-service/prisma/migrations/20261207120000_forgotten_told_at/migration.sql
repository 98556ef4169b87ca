-- When the AI service was first told a forgotten schedule whose deadline had not passed (and did not
-- answer it running): the sweep tells such a row once, then again once due, instead of on every pass
-- until its deadline (10 calls a pass, 300 a minute at the default period, for a trip of 1,000
-- schedules). A nullable column without a default: a catalog change only; the previous release
-- neither reads nor writes it (its rows stay NULL: told again at the next pass, as before).
-- AlterTable
ALTER TABLE "forgotten_schedules" ADD COLUMN     "told_at" TIMESTAMPTZ(3);
