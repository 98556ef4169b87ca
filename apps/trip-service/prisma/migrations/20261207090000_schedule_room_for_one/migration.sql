-- Whether a trip has room for one more schedule (catalog SCHEDULES_PER_TRIP, passed as max_schedules
-- by apps/trip-service/src/domain/schedules.ts INSERT_REQUEST_SQL), asked by the request's insert
-- statement for the trip it inserts for. Written by hand, as trip_room_for_one: Prisma's schema has no
-- functions, and its differ leaves them alone. The advisory lock is the statement's transaction's, to
-- its commit, keyed on the trip (class 1396918340, 'SCHD' in ASCII, apart from trip_room_for_one's
-- 'TRIP' and Prisma Migrate's one-key lock): the same trip's requests, on every replica, count one
-- after the other. The count is a query of its own, run after the lock is granted: a VOLATILE
-- function's query takes a fresh snapshot in READ COMMITTED, so it sees the schedule the previous
-- holder committed (the insert statement's own snapshot was taken before its wait). It stops at
-- max_schedules: a trip over it (schedules asked before the limit) costs no more.
CREATE FUNCTION "schedule_room_for_one"("for_trip" uuid, "max_schedules" integer) RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1396918340, hashtext("for_trip"::text));
  RETURN (SELECT count(*) FROM (SELECT 1 FROM "schedules" WHERE "trip_id" = "for_trip" LIMIT "max_schedules") AS "kept") < "max_schedules";
END
$$;
