-- Extensions of location_db (catalog databaseExtensions: postgis, pg_trgm), written by hand as
-- Prisma 7 recommends (the schema no longer declares extensions). In Azure both are on the
-- server's azure.extensions allow-list (infra-bicep, from the same catalog list).
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
