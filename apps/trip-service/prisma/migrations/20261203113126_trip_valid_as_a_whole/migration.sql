-- A trip is valid as a whole in the database too: the PATCH route checks it under a row lock,
-- these are the backstop. Written by hand: Prisma's schema has no CHECK constraints, and its
-- differ leaves them alone. The 13 is MAX_TRIP_DAYS - 1 (apps/trip-service/src/domain/schemas.ts,
-- its test fails when they drift). NOT VALID: trips stored before (the race this closes could
-- store invalid ones) do not fail the migration, and every insert and update is checked from now
-- on: such a trip takes no change until its window or dates are fixed.

-- AddCheckConstraint
ALTER TABLE "trips" ADD CONSTRAINT "trips_day_window" CHECK ("day_start"::time < "day_end"::time) NOT VALID;

-- AddCheckConstraint
ALTER TABLE "trips" ADD CONSTRAINT "trips_dates_in_order" CHECK ("end_date"::date >= "start_date"::date) NOT VALID;

-- AddCheckConstraint
ALTER TABLE "trips" ADD CONSTRAINT "trips_at_most_14_days" CHECK ("end_date"::date - "start_date"::date <= 13) NOT VALID;
