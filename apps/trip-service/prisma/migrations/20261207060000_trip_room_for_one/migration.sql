-- Whether a traveller has room for one more trip (catalog TRIPS_PER_TRAVELLER, passed as max_trips by
-- apps/trip-service/src/domain/trips.ts roomForOne), asked in the create's transaction before its
-- insert. Written by hand: Prisma's schema has no functions, and its differ leaves them alone.
-- The advisory lock is the transaction's to its commit or rollback, keyed on the owner (class
-- 1414678864, 'TRIP' in ASCII, a key space apart from Prisma Migrate's one-key lock): the same
-- owner's creates, on every replica, count one after the other. The count is a query of its own,
-- run after the lock is granted: a VOLATILE function's query takes a fresh snapshot in READ
-- COMMITTED, so it sees the trip the previous holder committed (one statement of the caller holding
-- both would count with the snapshot taken before its wait). It stops at max_trips: an owner over
-- it costs no more. One statement for the service: a second round trip cost more than the lock and
-- count themselves (measured against a counter row, which needs a decrement on every delete).
CREATE FUNCTION "trip_room_for_one"("owner" uuid, "max_trips" integer) RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1414678864, hashtext("owner"::text));
  RETURN (SELECT count(*) FROM (SELECT 1 FROM "trips" WHERE "user_id" = "owner" LIMIT "max_trips") AS "kept") < "max_trips";
END
$$;
