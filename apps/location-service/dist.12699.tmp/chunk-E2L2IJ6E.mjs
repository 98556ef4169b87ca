import {
  QUERY_READ_TIMEOUT
} from "./chunk-JM6ARQPD.mjs";
import {
  NOTE_SEPARATOR,
  PLACE_CATEGORIES,
  PLACE_COUNTRY,
  PLACE_ID,
  PLACE_REGIONS,
  PLACE_TIME_ZONE,
  PLANNABLE_DATE,
  UNCERTAIN_NOTE,
  openEndNote
} from "./chunk-ZR3UZUN5.mjs";
import {
  databasePassword,
  poolConfigWithPassword
} from "./chunk-DSRFBFTF.mjs";
import {
  __export
} from "./chunk-7P6ASYW6.mjs";

// apps/service-kit/src/data/prisma.ts
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
var QUERY_TIMEOUT_MS = 5e3;
var STATEMENT_TIMEOUT_MARGIN_MS = 2e3;
var CONNECT_TIMEOUT_MS = 2e3;
var COMMAND_CONNECT_TIMEOUT_MS = 6e4;
var createPrismaClient = (Client, databaseUrl, poolSize = 10, { password, queryTimeoutMs = QUERY_TIMEOUT_MS, connectTimeoutMs = CONNECT_TIMEOUT_MS } = {}) => {
  const settings2 = { max: poolSize, connectionTimeoutMillis: connectTimeoutMs, idleTimeoutMillis: 3e4, query_timeout: queryTimeoutMs, statement_timeout: queryTimeoutMs + STATEMENT_TIMEOUT_MARGIN_MS };
  const connection = password === void 0 ? { connectionString: databaseUrl } : poolConfigWithPassword(databaseUrl, password);
  const pool = giveUpTimedOutConnections(new pg.Pool({ ...connection, ...settings2 }));
  return new Client({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
};
var giveUpTimedOutConnections = (pool) => pool.on("connect", (client) => {
  const query = client.query;
  client.query = function(...args) {
    const result = Reflect.apply(query, this, args);
    if (result instanceof Promise) result.catch((err) => err instanceof Error && err.message === QUERY_READ_TIMEOUT && void client.end().catch(() => void 0));
    return result;
  };
});
var servicePrismaClient = async (Client, config2, env = process.env) => createPrismaClient(Client, config2.databaseUrl, void 0, { password: await databasePassword(config2, env, { atStart: "serve" }) });
var prismaDatabase = (prisma) => ({
  ping: async () => void await prisma.$queryRawUnsafe("SELECT 1"),
  close: () => prisma.$disconnect()
});

// apps/location-service/src/generated/prisma/client.ts
import "node:process";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import "@prisma/client/runtime/client";

// apps/location-service/src/generated/prisma/internal/class.ts
import * as runtime from "@prisma/client/runtime/client";
var config = {
  "previewFeatures": [
    "partialIndexes"
  ],
  "clientVersion": "7.10.0",
  "engineVersion": "0edf323efd1d98336f3f0a68684b56f689b900d3",
  "activeProvider": "postgresql",
  "inlineSchema": `// Messaging tables every service that publishes or consumes owns in its own database. Written once
// here; each service's multi-file schema folder links this file (apps/<service>/prisma/messaging.prisma
// -> ../../service-kit/prisma/messaging.prisma) and commits the migration Prisma generates from it.
// Read and written only through @tripgen/service-kit/messaging (raw SQL, so column names below are
// part of that code's contract: change both together).

/// Transactional outbox: a row written in the same transaction as the business change, sent to
/// Service Bus by the relay (claimed with FOR UPDATE SKIP LOCKED, so any number of replicas can run it).
model OutboxMessage {
  /// Service Bus MessageId; consumers deduplicate on it, so a re-send after a crash is harmless.
  messageId     String    @id @map("message_id")
  /// Insertion order: the relay sends oldest first.
  sequence      BigInt    @unique @default(autoincrement())
  queue         String
  /// JSON message body.
  body          Json
  createdAt     DateTime  @default(now()) @map("created_at") @db.Timestamptz(3)
  /// Send attempts so far (claims); drives the retry backoff.
  attempts      Int       @default(0)
  /// Not before this instant: the retry backoff after a failure, or the claim lease while a relay sends.
  nextAttemptAt DateTime  @default(now()) @map("next_attempt_at") @db.Timestamptz(3)
  sentAt        DateTime? @map("sent_at") @db.Timestamptz(3)
  lastError     String?   @map("last_error")
  /// W3C traceparent of the span that wrote the row (the request's): sent as the message's
  /// Diagnostic-Id application property, so that its consumer continues that trace.
  traceContext  String?   @map("trace_context")

  @@index([sentAt, nextAttemptAt])
  /// The relay's claim (each destination's oldest unsent first) walks only that destination's unsent
  /// rows: on the sequence index alone it stepped over every sent row kept for MESSAGE_RETENTION first
  /// (300,000 kept: 113-145 ms a round of 50, against 0.08 ms), and over every other destination's
  /// backlog (an Event Hubs outage's events ahead of a schedule request).
  @@index([queue, sequence], map: "outbox_messages_unsent_queue_sequence_idx", where: raw("sent_at IS NULL"))
  @@map("outbox_messages")
}

/// Idempotent consumers: one row per message a consumer has processed, inserted in the same
/// transaction as the handler's effects; a redelivered message id is completed without re-running.
model ProcessedMessage {
  consumer    String
  messageId   String   @map("message_id")
  processedAt DateTime @default(now()) @map("processed_at") @db.Timestamptz(3)

  @@id([consumer, messageId])
  @@index([processedAt])
  @@map("processed_messages")
}

// The location service's own database (location_db): places with their PostGIS location, trigram
// indexes for text search on both names, and provenance. The messaging tables (outbox, processed
// messages) come from the service kit's fragment, linked into this folder as messaging.prisma.
// The PostGIS and pg_trgm extensions are created by the first migration (Prisma 7 no longer
// manages extensions in the schema); the catalog's databaseExtensions lists the same two.
generator client {
  provider               = "prisma-client"
  output                 = "../src/generated/prisma"
  moduleFormat           = "esm"
  runtime                = "nodejs"
  importFileExtension    = "ts"
  generatedFileExtension = "ts"
  previewFeatures        = ["partialIndexes"]
}

datasource db {
  provider = "postgresql"
}

model Place {
  id                   String                               @id
  name                 String
  nameKo               String                               @map("name_ko")
  category             String
  region               String
  location             Unsupported("geography(Point,4326)")
  visitMinutes         Int                                  @map("visit_minutes")
  rating               Float
  openingHoursOsm      String                               @map("opening_hours_osm")
  /// Minutes before an opening interval's close after which no visit starts (last entry); 0 = none.
  lastEntryMinutes     Int                                  @default(0) @map("last_entry_minutes")
  /// The hours are an entry window only: a visit begun inside them may run past the close.
  visitMayRunPastClose Boolean                              @default(false) @map("visit_may_run_past_close")
  sourceName           String                               @map("source_name")
  sourceId             String                               @map("source_id")
  licence              String
  retrievedOn          DateTime                             @map("retrieved_on") @db.Date
  note                 String?
  updatedAt            DateTime                             @default(now()) @map("updated_at") @db.Timestamptz(3)

  @@index([location], type: Gist)
  @@index([name(ops: raw("gin_trgm_ops"))], type: Gin)
  @@index([nameKo(ops: raw("gin_trgm_ops"))], type: Gin)
  @@index([region, category])
  // Name order for 1-2 character searches without a centre: read in order, stopped at the limit.
  @@index([name, id])
  @@map("places")
}
`,
  "runtimeDataModel": {
    "models": {},
    "enums": {},
    "types": {}
  },
  "parameterizationSchema": {
    "strings": [],
    "graph": ""
  }
};
config.runtimeDataModel = JSON.parse('{"models":{"OutboxMessage":{"fields":[{"name":"messageId","kind":"scalar","type":"String","dbName":"message_id"},{"name":"sequence","kind":"scalar","type":"BigInt"},{"name":"queue","kind":"scalar","type":"String"},{"name":"body","kind":"scalar","type":"Json"},{"name":"createdAt","kind":"scalar","type":"DateTime","dbName":"created_at"},{"name":"attempts","kind":"scalar","type":"Int"},{"name":"nextAttemptAt","kind":"scalar","type":"DateTime","dbName":"next_attempt_at"},{"name":"sentAt","kind":"scalar","type":"DateTime","dbName":"sent_at"},{"name":"lastError","kind":"scalar","type":"String","dbName":"last_error"},{"name":"traceContext","kind":"scalar","type":"String","dbName":"trace_context"}],"dbName":"outbox_messages","schema":null},"ProcessedMessage":{"fields":[{"name":"consumer","kind":"scalar","type":"String"},{"name":"messageId","kind":"scalar","type":"String","dbName":"message_id"},{"name":"processedAt","kind":"scalar","type":"DateTime","dbName":"processed_at"}],"dbName":"processed_messages","schema":null},"Place":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"nameKo","kind":"scalar","type":"String","dbName":"name_ko"},{"name":"category","kind":"scalar","type":"String"},{"name":"region","kind":"scalar","type":"String"},{"name":"visitMinutes","kind":"scalar","type":"Int","dbName":"visit_minutes"},{"name":"rating","kind":"scalar","type":"Float"},{"name":"openingHoursOsm","kind":"scalar","type":"String","dbName":"opening_hours_osm"},{"name":"lastEntryMinutes","kind":"scalar","type":"Int","dbName":"last_entry_minutes"},{"name":"visitMayRunPastClose","kind":"scalar","type":"Boolean","dbName":"visit_may_run_past_close"},{"name":"sourceName","kind":"scalar","type":"String","dbName":"source_name"},{"name":"sourceId","kind":"scalar","type":"String","dbName":"source_id"},{"name":"licence","kind":"scalar","type":"String"},{"name":"retrievedOn","kind":"scalar","type":"DateTime","dbName":"retrieved_on"},{"name":"note","kind":"scalar","type":"String"},{"name":"updatedAt","kind":"scalar","type":"DateTime","dbName":"updated_at"}],"dbName":"places","schema":null}},"enums":{},"types":{}}');
config.parameterizationSchema = {
  strings: JSON.parse('["where","OutboxMessage.findUnique","OutboxMessage.findUniqueOrThrow","orderBy","cursor","OutboxMessage.findFirst","OutboxMessage.findFirstOrThrow","OutboxMessage.findMany","data","OutboxMessage.createOne","OutboxMessage.createMany","OutboxMessage.createManyAndReturn","OutboxMessage.updateOne","OutboxMessage.updateMany","OutboxMessage.updateManyAndReturn","create","update","OutboxMessage.upsertOne","OutboxMessage.deleteOne","OutboxMessage.deleteMany","having","_count","_avg","_sum","_min","_max","OutboxMessage.groupBy","OutboxMessage.aggregate","ProcessedMessage.findUnique","ProcessedMessage.findUniqueOrThrow","ProcessedMessage.findFirst","ProcessedMessage.findFirstOrThrow","ProcessedMessage.findMany","ProcessedMessage.createOne","ProcessedMessage.createMany","ProcessedMessage.createManyAndReturn","ProcessedMessage.updateOne","ProcessedMessage.updateMany","ProcessedMessage.updateManyAndReturn","ProcessedMessage.upsertOne","ProcessedMessage.deleteOne","ProcessedMessage.deleteMany","ProcessedMessage.groupBy","ProcessedMessage.aggregate","Place.findUnique","Place.findUniqueOrThrow","Place.findFirst","Place.findFirstOrThrow","Place.findMany","Place.updateOne","Place.updateMany","Place.updateManyAndReturn","Place.deleteOne","Place.deleteMany","Place.groupBy","Place.aggregate","AND","OR","NOT","id","name","nameKo","category","region","visitMinutes","rating","openingHoursOsm","lastEntryMinutes","visitMayRunPastClose","sourceName","sourceId","licence","retrievedOn","note","updatedAt","equals","in","notIn","lt","lte","gt","gte","contains","startsWith","endsWith","not","consumer","messageId","processedAt","consumer_messageId","sequence","queue","body","createdAt","attempts","nextAttemptAt","sentAt","lastError","traceContext","string_contains","string_starts_with","string_ends_with","array_starts_with","array_ends_with","array_contains","set","increment","decrement","multiply","divide"]'),
  graph: "hgEcLA04AABtADA5AAAEABA6AABtADBXAQAAAAFaBAAAAAFbAQBbACFcAABvACBdQABfACFeAgBcACFfQABfACFgQABwACFhAQBgACFiAQBgACEBAAAAAQAgAQAAAAEAIA04AABtADA5AAAEABA6AABtADBXAQBbACFaBABuACFbAQBbACFcAABvACBdQABfACFeAgBcACFfQABfACFgQABwACFhAQBgACFiAQBgACEDYAAAcQAgYQAAcQAgYgAAcQAgAwAAAAQAIAMAAAUAMAQAAAEAIAMAAAAEACADAAAFADAEAAABACADAAAABAAgAwAABQAwBAAAAQAgClcBAAAAAVoEAAAAAVsBAAAAAVyAAAAAAV1AAAAAAV4CAAAAAV9AAAAAAWBAAAAAAWEBAAAAAWIBAAAAAQEIAAAJACAKVwEAAAABWgQAAAABWwEAAAABXIAAAAABXUAAAAABXgIAAAABX0AAAAABYEAAAAABYQEAAAABYgEAAAABAQgAAAsAMAEIAAALADAKVwEAdwAhWgQAhQEAIVsBAHcAIVyAAAAAAV1AAHsAIV4CAHgAIV9AAHsAIWBAAIYBACFhAQB8ACFiAQB8ACECAAAAAQAgCAAADgAgClcBAHcAIVoEAIUBACFbAQB3ACFcgAAAAAFdQAB7ACFeAgB4ACFfQAB7ACFgQACGAQAhYQEAfAAhYgEAfAAhAgAAAAQAIAgAABAAIAIAAAAEACAIAAAQACADAAAAAQAgDwAACQAgEAAADgAgAQAAAAEAIAEAAAAEACAIFQAAgAEAIBYAAIEBACAXAACEAQAgGAAAgwEAIBkAAIIBACBgAABxACBhAABxACBiAABxACANOAAAZAAwOQAAFwAQOgAAZAAwVwEARwAhWgQAZQAhWwEARwAhXAAAZgAgXUAASwAhXgIASAAhX0AASwAhYEAAZwAhYQEATAAhYgEATAAhAwAAAAQAIAMAABYAMBQAABcAIAMAAAAEACADAAAFADAEAAABACAHOAAAYgAwOQAAHQAQOgAAYgAwVgEAWwAhVwEAWwAhWEAAXwAhWQAAYwAgAQAAABoAIAEAAAAaACAGOAAAYgAwOQAAHQAQOgAAYgAwVgEAWwAhVwEAWwAhWEAAXwAhAAMAAAAdACADAAAeADAEAAAaACADAAAAHQAgAwAAHgAwBAAAGgAgAwAAAB0AIAMAAB4AMAQAABoAIANWAQAAAAFXAQAAAAFYQAAAAAEBCAAAIgAgA1YBAAAAAVcBAAAAAVhAAAAAAQEIAAAkADABCAAAJAAwA1YBAHcAIVcBAHcAIVhAAHsAIQIAAAAaACAIAAAnACADVgEAdwAhVwEAdwAhWEAAewAhAgAAAB0AIAgAACkAIAIAAAAdACAIAAApACADAAAAGgAgDwAAIgAgEAAAJwAgAQAAABoAIAEAAAAdACADFQAAfQAgGAAAfwAgGQAAfgAgBjgAAGEAMDkAADAAEDoAAGEAMFYBAEcAIVcBAEcAIVhAAEsAIQMAAAAdACADAAAvADAUAAAwACADAAAAHQAgAwAAHgAwBAAAGgAgEzgAAFoAMDkAADYAEDoAAFoAMDsBAAAAATwBAFsAIT0BAFsAIT4BAFsAIT8BAFsAIUACAFwAIUEIAF0AIUIBAFsAIUMCAFwAIUQgAF4AIUUBAFsAIUYBAFsAIUcBAFsAIUhAAF8AIUkBAGAAIUpAAF8AIQEAAAAzACABAAAAMwAgEzgAAFoAMDkAADYAEDoAAFoAMDsBAFsAITwBAFsAIT0BAFsAIT4BAFsAIT8BAFsAIUACAFwAIUEIAF0AIUIBAFsAIUMCAFwAIUQgAF4AIUUBAFsAIUYBAFsAIUcBAFsAIUhAAF8AIUkBAGAAIUpAAF8AIQFJAABxACADAAAANgAgAwAANwAwBAAAMwAgAwAAADYAIAMAADcAMAQAADMAIAMAAAA2ACADAAA3ADAEAAAzACAQOwEAdwAhPAEAdwAhPQEAdwAhPgEAdwAhPwEAdwAhQAIAeAAhQQgAeQAhQgEAdwAhQwIAeAAhRCAAegAhRQEAdwAhRgEAdwAhRwEAdwAhSEAAewAhSQEAfAAhSkAAewAhAgAAADMAIAgAADsAIBA7AQB3ACE8AQB3ACE9AQB3ACE-AQB3ACE_AQB3ACFAAgB4ACFBCAB5ACFCAQB3ACFDAgB4ACFEIAB6ACFFAQB3ACFGAQB3ACFHAQB3ACFIQAB7ACFJAQB8ACFKQAB7ACECAAAANgAgCAAAPQAgAgAAADYAIAgAAD0AIAEAAAAzACABAAAANgAgBhUAAHIAIBYAAHMAIBcAAHYAIBgAAHUAIBkAAHQAIEkAAHEAIBM4AABGADA5AABDABA6AABGADA7AQBHACE8AQBHACE9AQBHACE-AQBHACE_AQBHACFAAgBIACFBCABJACFCAQBHACFDAgBIACFEIABKACFFAQBHACFGAQBHACFHAQBHACFIQABLACFJAQBMACFKQABLACEDAAAANgAgAwAAQgAwFAAAQwAgAwAAADYAIAMAADcAMAQAADMAIBM4AABGADA5AABDABA6AABGADA7AQBHACE8AQBHACE9AQBHACE-AQBHACE_AQBHACFAAgBIACFBCABJACFCAQBHACFDAgBIACFEIABKACFFAQBHACFGAQBHACFHAQBHACFIQABLACFJAQBMACFKQABLACEOFQAAUQAgGAAAWQAgGQAAWQAgSwEAAAABTAEAAAAETQEAAAAETgEAAAABTwEAAAABUAEAAAABUQEAAAABUgEAAAABUwEAAAABVAEAAAABVQEAWAAhDRUAAFEAIBYAAFYAIBcAAFEAIBgAAFEAIBkAAFEAIEsCAAAAAUwCAAAABE0CAAAABE4CAAAAAU8CAAAAAVACAAAAAVECAAAAAVUCAFcAIQ0VAABRACAWAABWACAXAABWACAYAABWACAZAABWACBLCAAAAAFMCAAAAARNCAAAAAROCAAAAAFPCAAAAAFQCAAAAAFRCAAAAAFVCABVACEFFQAAUQAgGAAAVAAgGQAAVAAgSyAAAAABVSAAUwAhCxUAAFEAIBgAAFIAIBkAAFIAIEtAAAAAAUxAAAAABE1AAAAABE5AAAAAAU9AAAAAAVBAAAAAAVFAAAAAAVVAAFAAIQ4VAABOACAYAABPACAZAABPACBLAQAAAAFMAQAAAAVNAQAAAAVOAQAAAAFPAQAAAAFQAQAAAAFRAQAAAAFSAQAAAAFTAQAAAAFUAQAAAAFVAQBNACEOFQAATgAgGAAATwAgGQAATwAgSwEAAAABTAEAAAAFTQEAAAAFTgEAAAABTwEAAAABUAEAAAABUQEAAAABUgEAAAABUwEAAAABVAEAAAABVQEATQAhCEsCAAAAAUwCAAAABU0CAAAABU4CAAAAAU8CAAAAAVACAAAAAVECAAAAAVUCAE4AIQtLAQAAAAFMAQAAAAVNAQAAAAVOAQAAAAFPAQAAAAFQAQAAAAFRAQAAAAFSAQAAAAFTAQAAAAFUAQAAAAFVAQBPACELFQAAUQAgGAAAUgAgGQAAUgAgS0AAAAABTEAAAAAETUAAAAAETkAAAAABT0AAAAABUEAAAAABUUAAAAABVUAAUAAhCEsCAAAAAUwCAAAABE0CAAAABE4CAAAAAU8CAAAAAVACAAAAAVECAAAAAVUCAFEAIQhLQAAAAAFMQAAAAARNQAAAAAROQAAAAAFPQAAAAAFQQAAAAAFRQAAAAAFVQABSACEFFQAAUQAgGAAAVAAgGQAAVAAgSyAAAAABVSAAUwAhAksgAAAAAVUgAFQAIQ0VAABRACAWAABWACAXAABWACAYAABWACAZAABWACBLCAAAAAFMCAAAAARNCAAAAAROCAAAAAFPCAAAAAFQCAAAAAFRCAAAAAFVCABVACEISwgAAAABTAgAAAAETQgAAAAETggAAAABTwgAAAABUAgAAAABUQgAAAABVQgAVgAhDRUAAFEAIBYAAFYAIBcAAFEAIBgAAFEAIBkAAFEAIEsCAAAAAUwCAAAABE0CAAAABE4CAAAAAU8CAAAAAVACAAAAAVECAAAAAVUCAFcAIQ4VAABRACAYAABZACAZAABZACBLAQAAAAFMAQAAAARNAQAAAAROAQAAAAFPAQAAAAFQAQAAAAFRAQAAAAFSAQAAAAFTAQAAAAFUAQAAAAFVAQBYACELSwEAAAABTAEAAAAETQEAAAAETgEAAAABTwEAAAABUAEAAAABUQEAAAABUgEAAAABUwEAAAABVAEAAAABVQEAWQAhEzgAAFoAMDkAADYAEDoAAFoAMDsBAFsAITwBAFsAIT0BAFsAIT4BAFsAIT8BAFsAIUACAFwAIUEIAF0AIUIBAFsAIUMCAFwAIUQgAF4AIUUBAFsAIUYBAFsAIUcBAFsAIUhAAF8AIUkBAGAAIUpAAF8AIQtLAQAAAAFMAQAAAARNAQAAAAROAQAAAAFPAQAAAAFQAQAAAAFRAQAAAAFSAQAAAAFTAQAAAAFUAQAAAAFVAQBZACEISwIAAAABTAIAAAAETQIAAAAETgIAAAABTwIAAAABUAIAAAABUQIAAAABVQIAUQAhCEsIAAAAAUwIAAAABE0IAAAABE4IAAAAAU8IAAAAAVAIAAAAAVEIAAAAAVUIAFYAIQJLIAAAAAFVIABUACEIS0AAAAABTEAAAAAETUAAAAAETkAAAAABT0AAAAABUEAAAAABUUAAAAABVUAAUgAhC0sBAAAAAUwBAAAABU0BAAAABU4BAAAAAU8BAAAAAVABAAAAAVEBAAAAAVIBAAAAAVMBAAAAAVQBAAAAAVUBAE8AIQY4AABhADA5AAAwABA6AABhADBWAQBHACFXAQBHACFYQABLACEGOAAAYgAwOQAAHQAQOgAAYgAwVgEAWwAhVwEAWwAhWEAAXwAhAlYBAAAAAVcBAAAAAQ04AABkADA5AAAXABA6AABkADBXAQBHACFaBABlACFbAQBHACFcAABmACBdQABLACFeAgBIACFfQABLACFgQABnACFhAQBMACFiAQBMACENFQAAUQAgFgAAVgAgFwAAbAAgGAAAbAAgGQAAbAAgSwQAAAABTAQAAAAETQQAAAAETgQAAAABTwQAAAABUAQAAAABUQQAAAABVQQAawAhDxUAAFEAIBgAAGoAIBkAAGoAIEuAAAAAAU6AAAAAAU-AAAAAAVCAAAAAAVGAAAAAAVWAAAAAAWMBAAAAAWQBAAAAAWUBAAAAAWaAAAAAAWeAAAAAAWiAAAAAAQsVAABOACAYAABpACAZAABpACBLQAAAAAFMQAAAAAVNQAAAAAVOQAAAAAFPQAAAAAFQQAAAAAFRQAAAAAFVQABoACELFQAATgAgGAAAaQAgGQAAaQAgS0AAAAABTEAAAAAFTUAAAAAFTkAAAAABT0AAAAABUEAAAAABUUAAAAABVUAAaAAhCEtAAAAAAUxAAAAABU1AAAAABU5AAAAAAU9AAAAAAVBAAAAAAVFAAAAAAVVAAGkAIQxLgAAAAAFOgAAAAAFPgAAAAAFQgAAAAAFRgAAAAAFVgAAAAAFjAQAAAAFkAQAAAAFlAQAAAAFmgAAAAAFngAAAAAFogAAAAAENFQAAUQAgFgAAVgAgFwAAbAAgGAAAbAAgGQAAbAAgSwQAAAABTAQAAAAETQQAAAAETgQAAAABTwQAAAABUAQAAAABUQQAAAABVQQAawAhCEsEAAAAAUwEAAAABE0EAAAABE4EAAAAAU8EAAAAAVAEAAAAAVEEAAAAAVUEAGwAIQ04AABtADA5AAAEABA6AABtADBXAQBbACFaBABuACFbAQBbACFcAABvACBdQABfACFeAgBcACFfQABfACFgQABwACFhAQBgACFiAQBgACEISwQAAAABTAQAAAAETQQAAAAETgQAAAABTwQAAAABUAQAAAABUQQAAAABVQQAbAAhDEuAAAAAAU6AAAAAAU-AAAAAAVCAAAAAAVGAAAAAAVWAAAAAAWMBAAAAAWQBAAAAAWUBAAAAAWaAAAAAAWeAAAAAAWiAAAAAAQhLQAAAAAFMQAAAAAVNQAAAAAVOQAAAAAFPQAAAAAFQQAAAAAFRQAAAAAFVQABpACEAAAAAAAABaQEAAAABBWkCAAAAAWoCAAAAAWsCAAAAAWwCAAAAAW0CAAAAAQVpCAAAAAFqCAAAAAFrCAAAAAFsCAAAAAFtCAAAAAEBaSAAAAABAWlAAAAAAQFpAQAAAAEAAAAAAAAAAAVpBAAAAAFqBAAAAAFrBAAAAAFsBAAAAAFtBAAAAAEBaUAAAAABAAAAAAUVAAYWAAcXAAgYAAkZAAoAAAAAAAUVAAYWAAcXAAgYAAkZAAoAAAADFQAQGAARGQASAAAAAxUAEBgAERkAEgAABRUAFxYAGBcAGRgAGhkAGwAAAAAABRUAFxYAGBcAGRgAGhkAGwECAQIDAQUGAQYHAQcIAQkKAQoMAgsNAwwPAQ0RAg4SBBETARIUARMVAhoYBRsZCxwbDB0cDB4fDB8gDCAhDCEjDCIlAiMmDSQoDCUqAiYrDicsDCgtDCkuAioxDysyEyw0FC01FC44FC85FDA6FDE8FDI-AjM_FTRAFDVBAjZEFjdFHA"
};
config.compilerWasm = {
  getRuntime: async () => await import("@prisma/client/runtime/query_compiler_fast_bg.postgresql.mjs"),
  getQueryCompilerWasmModule: async () => {
    return await WebAssembly.compile(await (await import("node:fs/promises")).readFile(new URL("./query_compiler_fast_bg.postgresql.wasm", import.meta.url)));
  },
  importName: "./query_compiler_fast_bg.js"
};
function getPrismaClientClass() {
  return runtime.getPrismaClient(config);
}

// apps/location-service/src/generated/prisma/internal/prismaNamespace.ts
var prismaNamespace_exports = {};
__export(prismaNamespace_exports, {
  AnyNull: () => AnyNull2,
  DbNull: () => DbNull2,
  Decimal: () => Decimal2,
  JsonNull: () => JsonNull2,
  JsonNullValueFilter: () => JsonNullValueFilter,
  JsonNullValueInput: () => JsonNullValueInput,
  ModelName: () => ModelName,
  NullTypes: () => NullTypes2,
  NullsOrder: () => NullsOrder,
  OutboxMessageScalarFieldEnum: () => OutboxMessageScalarFieldEnum,
  PlaceScalarFieldEnum: () => PlaceScalarFieldEnum,
  PrismaClientInitializationError: () => PrismaClientInitializationError2,
  PrismaClientKnownRequestError: () => PrismaClientKnownRequestError2,
  PrismaClientRustPanicError: () => PrismaClientRustPanicError2,
  PrismaClientUnknownRequestError: () => PrismaClientUnknownRequestError2,
  PrismaClientValidationError: () => PrismaClientValidationError2,
  ProcessedMessageScalarFieldEnum: () => ProcessedMessageScalarFieldEnum,
  QueryMode: () => QueryMode,
  SortOrder: () => SortOrder,
  Sql: () => Sql2,
  TransactionIsolationLevel: () => TransactionIsolationLevel,
  defineExtension: () => defineExtension,
  empty: () => empty2,
  getExtensionContext: () => getExtensionContext,
  join: () => join2,
  prismaVersion: () => prismaVersion,
  raw: () => raw2,
  sql: () => sql
});
import * as runtime2 from "@prisma/client/runtime/client";
var PrismaClientKnownRequestError2 = runtime2.PrismaClientKnownRequestError;
var PrismaClientUnknownRequestError2 = runtime2.PrismaClientUnknownRequestError;
var PrismaClientRustPanicError2 = runtime2.PrismaClientRustPanicError;
var PrismaClientInitializationError2 = runtime2.PrismaClientInitializationError;
var PrismaClientValidationError2 = runtime2.PrismaClientValidationError;
var sql = runtime2.sqltag;
var empty2 = runtime2.empty;
var join2 = runtime2.join;
var raw2 = runtime2.raw;
var Sql2 = runtime2.Sql;
var Decimal2 = runtime2.Decimal;
var getExtensionContext = runtime2.Extensions.getExtensionContext;
var prismaVersion = {
  client: "7.10.0",
  engine: "0edf323efd1d98336f3f0a68684b56f689b900d3"
};
var NullTypes2 = {
  DbNull: runtime2.NullTypes.DbNull,
  JsonNull: runtime2.NullTypes.JsonNull,
  AnyNull: runtime2.NullTypes.AnyNull
};
var DbNull2 = runtime2.DbNull;
var JsonNull2 = runtime2.JsonNull;
var AnyNull2 = runtime2.AnyNull;
var ModelName = {
  OutboxMessage: "OutboxMessage",
  ProcessedMessage: "ProcessedMessage",
  Place: "Place"
};
var TransactionIsolationLevel = runtime2.makeStrictEnum({
  ReadUncommitted: "ReadUncommitted",
  ReadCommitted: "ReadCommitted",
  RepeatableRead: "RepeatableRead",
  Serializable: "Serializable"
});
var OutboxMessageScalarFieldEnum = {
  messageId: "messageId",
  sequence: "sequence",
  queue: "queue",
  body: "body",
  createdAt: "createdAt",
  attempts: "attempts",
  nextAttemptAt: "nextAttemptAt",
  sentAt: "sentAt",
  lastError: "lastError",
  traceContext: "traceContext"
};
var ProcessedMessageScalarFieldEnum = {
  consumer: "consumer",
  messageId: "messageId",
  processedAt: "processedAt"
};
var PlaceScalarFieldEnum = {
  id: "id",
  name: "name",
  nameKo: "nameKo",
  category: "category",
  region: "region",
  visitMinutes: "visitMinutes",
  rating: "rating",
  openingHoursOsm: "openingHoursOsm",
  lastEntryMinutes: "lastEntryMinutes",
  visitMayRunPastClose: "visitMayRunPastClose",
  sourceName: "sourceName",
  sourceId: "sourceId",
  licence: "licence",
  retrievedOn: "retrievedOn",
  note: "note",
  updatedAt: "updatedAt"
};
var SortOrder = {
  asc: "asc",
  desc: "desc"
};
var JsonNullValueInput = {
  JsonNull: JsonNull2
};
var QueryMode = {
  default: "default",
  insensitive: "insensitive"
};
var JsonNullValueFilter = {
  DbNull: DbNull2,
  JsonNull: JsonNull2,
  AnyNull: AnyNull2
};
var NullsOrder = {
  first: "first",
  last: "last"
};
var defineExtension = runtime2.Extensions.defineExtension;

// apps/location-service/src/generated/prisma/client.ts
globalThis["__dirname"] = path.dirname(fileURLToPath(import.meta.url));
var PrismaClient = getPrismaClientClass();

// apps/service-kit/src/http/storable.ts
var VISIBLE_TEXT = "[^\\s\\p{Default_Ignorable_Code_Point}\\p{Cc}\\p{Cf}\\p{Cs}\\p{M}\\u2800]";
var LONE_SURROGATE = new RegExp("\\p{Cs}", "u");
var unstorableText = (text) => {
  if (LONE_SURROGATE.test(text)) return "must be well-formed Unicode (a lone surrogate)";
  if (text.includes("\0")) return "must not contain NUL (U+0000)";
  return void 0;
};
var unstorableValue = (data2, path2 = "") => {
  if (typeof data2 === "number" && !Number.isFinite(data2)) return { instancePath: path2, schemaPath: "#/finite", keyword: "finite", params: {}, message: "must be a finite number" };
  if (typeof data2 === "string") {
    const why = unstorableText(data2);
    return why === void 0 ? void 0 : { instancePath: path2, schemaPath: "#/storable", keyword: "storable", params: {}, message: why };
  }
  if (data2 !== null && typeof data2 === "object") {
    for (const [key, value] of Object.entries(data2)) {
      const keyWhy = unstorableText(key);
      if (keyWhy !== void 0) return { instancePath: path2, schemaPath: "#/storable", keyword: "storable", params: {}, message: `property names ${keyWhy}` };
      const found = unstorableValue(value, `${path2}/${key}`);
      if (found) return found;
    }
  }
  return void 0;
};

// apps/location-service/src/domain/holidays.ts
import { createHash } from "node:crypto";
import * as gazette from "@hyunbinseo/holidays-kr/all";
var ENGLISH = {
  "1\uC6D4 1\uC77C": "New Year's Day",
  "\uC124\uB0A0 \uC804\uB0A0": "Day before Seollal (Lunar New Year)",
  \uC124\uB0A0: "Seollal (Lunar New Year)",
  "\uC124\uB0A0 \uB2E4\uC74C \uB0A0": "Day after Seollal (Lunar New Year)",
  "3\u318D1\uC808": "Independence Movement Day",
  \uB178\uB3D9\uC808: "Labour Day",
  \uC5B4\uB9B0\uC774\uB0A0: "Children's Day",
  "\uBD80\uCC98\uB2D8 \uC624\uC2E0 \uB0A0": "Buddha's Birthday",
  \uD604\uCDA9\uC77C: "Memorial Day",
  \uC81C\uD5CC\uC808: "Constitution Day",
  \uAD11\uBCF5\uC808: "Liberation Day",
  "\uCD94\uC11D \uC804\uB0A0": "Day before Chuseok",
  \uCD94\uC11D: "Chuseok",
  "\uCD94\uC11D \uB2E4\uC74C \uB0A0": "Day after Chuseok",
  \uAC1C\uCC9C\uC808: "National Foundation Day",
  \uD55C\uAE00\uB0A0: "Hangul Day",
  \uAE30\uB3C5\uD0C4\uC2E0\uC77C: "Christmas Day",
  \uC784\uC2DC\uACF5\uD734\uC77C: "Temporary public holiday"
};
var english = (korean) => {
  const substitute = /^대체공휴일\((.+)\)$/.exec(korean);
  if (substitute) return `Substitute holiday for ${english(substitute[1]) ?? substitute[1]}`;
  const temporary = /^임시공휴일\((.+)\)$/.exec(korean);
  if (temporary) return `Temporary public holiday: ${english(temporary[1]) ?? temporary[1]}`;
  if (korean.endsWith("\uC120\uAC70")) return "Election day";
  return ENGLISH[korean];
};
var holidayName = (korean) => {
  const words = english(korean);
  return words ? `${words} (${korean})` : korean;
};
var byDate = /* @__PURE__ */ new Map();
var years = /* @__PURE__ */ new Set();
for (const [name, days] of Object.entries(gazette)) {
  years.add(Number(name.replace(/^y/, "")));
  for (const [date, names] of Object.entries(days)) byDate.set(date, names);
}
var HOLIDAY_YEARS = [...years].sort((a, b) => a - b);
var HOLIDAY_CALENDAR = createHash("sha256").update(JSON.stringify([HOLIDAY_YEARS, [...byDate].sort(([a], [b]) => a.localeCompare(b))])).digest("base64url").slice(0, 12);
var publicHolidays = (date) => {
  if (!years.has(Number(date.slice(0, 4)))) return { known: false };
  return { known: true, names: (byDate.get(date) ?? []).map(holidayName) };
};

// node_modules/typebox/build/system/memory/memory.mjs
var memory_exports = {};
__export(memory_exports, {
  Assign: () => Assign,
  Clone: () => Clone,
  Create: () => Create,
  Discard: () => Discard,
  Metrics: () => Metrics,
  Update: () => Update
});

// node_modules/typebox/build/system/memory/metrics.mjs
var Metrics = {
  assign: 0,
  create: 0,
  clone: 0,
  discard: 0,
  update: 0
};

// node_modules/typebox/build/guard/guard.mjs
var guard_exports = {};
__export(guard_exports, {
  CodePointCount: () => CodePointCount2,
  Counted: () => Counted,
  Entries: () => Entries,
  EntriesRegExp: () => EntriesRegExp,
  Every: () => Every,
  EveryAll: () => EveryAll,
  GraphemeCount: () => GraphemeCount2,
  HasPropertyKey: () => HasPropertyKey,
  IsArray: () => IsArray,
  IsBigInt: () => IsBigInt,
  IsBoolean: () => IsBoolean,
  IsClassInstance: () => IsClassInstance,
  IsConstructor: () => IsConstructor,
  IsDeepEqual: () => IsDeepEqual,
  IsEqual: () => IsEqual,
  IsFunction: () => IsFunction,
  IsGreaterEqualThan: () => IsGreaterEqualThan,
  IsGreaterThan: () => IsGreaterThan,
  IsInteger: () => IsInteger,
  IsLessEqualThan: () => IsLessEqualThan,
  IsLessThan: () => IsLessThan,
  IsMaxLength: () => IsMaxLength2,
  IsMinLength: () => IsMinLength2,
  IsMultipleOf: () => IsMultipleOf,
  IsNull: () => IsNull,
  IsNumber: () => IsNumber,
  IsObject: () => IsObject,
  IsObjectNotArray: () => IsObjectNotArray,
  IsString: () => IsString,
  IsSymbol: () => IsSymbol,
  IsUndefined: () => IsUndefined,
  IsUnsafePropertyKey: () => IsUnsafePropertyKey,
  IsValueLike: () => IsValueLike,
  Keys: () => Keys,
  ShiftLeft: () => ShiftLeft,
  Some: () => Some,
  SomeAll: () => SomeAll,
  Symbols: () => Symbols,
  Values: () => Values
});

// node_modules/typebox/build/guard/unicode/unicode_segment.mjs
function IsBetween(value, min, max) {
  return value >= min && value <= max;
}
function IsZeroWidthJoiner(value) {
  return value === 8205;
}
function IsRegionalIndicator(value) {
  return IsBetween(value, 127462, 127487);
}
function IsVariationSelector(value) {
  return IsBetween(value, 65024, 65039);
}
function IsCombiningMark(value) {
  return IsBetween(value, 768, 879) || IsBetween(value, 6832, 6911) || IsBetween(value, 7616, 7679) || IsBetween(value, 65056, 65071);
}
function CodePointLength(value) {
  return value > 65535 ? 2 : 1;
}
function ConsumeModifiers(value, index2) {
  while (index2 < value.length) {
    const point = value.codePointAt(index2);
    if (IsCombiningMark(point) || IsVariationSelector(point)) {
      index2 += CodePointLength(point);
    } else {
      break;
    }
  }
  return index2;
}
function NextGraphemeClusterIndex(value, clusterStart) {
  const startCP = value.codePointAt(clusterStart);
  let clusterEnd = clusterStart + CodePointLength(startCP);
  clusterEnd = ConsumeModifiers(value, clusterEnd);
  while (clusterEnd < value.length - 1 && IsZeroWidthJoiner(value.codePointAt(clusterEnd))) {
    const nextCP = value.codePointAt(clusterEnd + 1);
    clusterEnd += 1 + CodePointLength(nextCP);
    clusterEnd = ConsumeModifiers(value, clusterEnd);
  }
  if (IsRegionalIndicator(startCP) && clusterEnd < value.length && IsRegionalIndicator(value.codePointAt(clusterEnd))) {
    clusterEnd += CodePointLength(value.codePointAt(clusterEnd));
  }
  return clusterEnd;
}
function GraphemeCount(value) {
  let count = 0, index2 = 0;
  while (index2 < value.length) {
    index2 = NextGraphemeClusterIndex(value, index2);
    count++;
  }
  return count;
}

// node_modules/typebox/build/guard/unicode/unicode.mjs
function CodePointCount(value) {
  let result = 0, index2 = 0, prev = 0;
  while (index2 < value.length) {
    const next = value.charCodeAt(index2++) >> 10;
    result += +((prev << 8 | next) !== 13879);
    prev = next;
  }
  return result;
}
function IsMaxLength(value, maxLength) {
  return value.length <= maxLength || value.length <= maxLength << 1 && CodePointCount(value) <= maxLength;
}
function IsMinLength(value, minLength) {
  return value.length >= minLength << 1 || value.length >= minLength && CodePointCount(value) >= minLength;
}

// node_modules/typebox/build/guard/guard.mjs
function IsArray(value) {
  return Array.isArray(value);
}
function IsBigInt(value) {
  return IsEqual(typeof value, "bigint");
}
function IsBoolean(value) {
  return IsEqual(typeof value, "boolean");
}
function IsConstructor(value) {
  if (IsUndefined(value) || !IsFunction(value))
    return false;
  const result = Function.prototype.toString.call(value);
  if (/^class\s/.test(result))
    return true;
  if (/\[native code\]/.test(result))
    return true;
  return false;
}
function IsFunction(value) {
  return IsEqual(typeof value, "function");
}
function IsInteger(value) {
  return Number.isInteger(value);
}
function IsNull(value) {
  return IsEqual(value, null);
}
function IsNumber(value) {
  return Number.isFinite(value);
}
function IsObjectNotArray(value) {
  return IsObject(value) && !IsArray(value);
}
function IsObject(value) {
  return IsEqual(typeof value, "object") && !IsNull(value);
}
function IsString(value) {
  return IsEqual(typeof value, "string");
}
function IsSymbol(value) {
  return IsEqual(typeof value, "symbol");
}
function IsUndefined(value) {
  return IsEqual(value, void 0);
}
function IsEqual(left, right) {
  return left === right;
}
function IsGreaterThan(left, right) {
  return left > right;
}
function IsLessThan(left, right) {
  return left < right;
}
function IsLessEqualThan(left, right) {
  return left <= right;
}
function IsGreaterEqualThan(left, right) {
  return left >= right;
}
function IsMultipleOf(dividend, divisor) {
  if (IsBigInt(dividend) || IsBigInt(divisor)) {
    return BigInt(dividend) % BigInt(divisor) === 0n;
  }
  const tolerance = 1e-10;
  if (!IsNumber(dividend))
    return true;
  if (IsInteger(dividend) && 1 / divisor % 1 === 0)
    return true;
  const mod = dividend % divisor;
  return Math.min(Math.abs(mod), Math.abs(mod - divisor), Math.abs(mod + divisor)) < tolerance;
}
function IsClassInstance(value) {
  if (!IsObject(value))
    return false;
  const proto = globalThis.Object.getPrototypeOf(value);
  if (IsNull(proto))
    return false;
  return IsEqual(typeof proto.constructor, "function") && !(IsEqual(proto.constructor, globalThis.Object) || IsEqual(proto.constructor.name, "Object"));
}
function IsValueLike(value) {
  return IsBigInt(value) || IsBoolean(value) || IsNull(value) || IsNumber(value) || IsString(value) || IsUndefined(value);
}
function GraphemeCount2(value) {
  return GraphemeCount(value);
}
function CodePointCount2(value) {
  return CodePointCount(value);
}
function IsMaxLength2(value, maxLength) {
  return IsMaxLength(value, maxLength);
}
function IsMinLength2(value, minLength) {
  return IsMinLength(value, minLength);
}
function Every(value, offset, callback) {
  return value.every((item, index2) => index2 < offset || callback(item, index2));
}
function EveryAll(value, offset, callback) {
  let result = true;
  value.forEach((item, index2) => {
    if (index2 >= offset && !callback(item, index2))
      result = false;
  });
  return result;
}
function Some(value, callback) {
  return value.some((value2, index2) => callback(value2, index2));
}
function SomeAll(value, callback) {
  let result = false;
  value.forEach((item, index2) => {
    if (callback(item, index2))
      result = true;
  });
  return result;
}
function Counted(value, callback) {
  return value.reduce((result, value2, index2) => callback(value2, index2) ? ++result : result, 0);
}
function ShiftLeft(array, true_, false_) {
  return IsEqual(array.length, 0) ? false_() : true_(array[0], array.slice(1));
}
function IsUnsafePropertyKey(key) {
  return IsEqual(key, "__proto__") || IsEqual(key, "constructor") || IsEqual(key, "prototype");
}
function HasPropertyKey(value, key) {
  return IsUnsafePropertyKey(key) ? Object.prototype.hasOwnProperty.call(value, key) : key in value;
}
function EntriesRegExp(value) {
  return Keys(value).map((key) => [new RegExp(`^${key}$`), value[key]]);
}
function Entries(value) {
  return Object.entries(value);
}
function Keys(value) {
  return Object.getOwnPropertyNames(value);
}
function Symbols(value) {
  return Object.getOwnPropertySymbols(value);
}
function Values(value) {
  return Object.values(value);
}
function DeepEqualObject(left, right) {
  if (!IsObject(right))
    return false;
  const keys = Keys(left);
  return IsEqual(keys.length, Keys(right).length) && keys.every((key) => IsDeepEqual(left[key], right[key]));
}
function DeepEqualArray(left, right) {
  return IsArray(right) && IsEqual(left.length, right.length) && left.every((_, index2) => IsDeepEqual(left[index2], right[index2]));
}
function IsDeepEqual(left, right) {
  return IsArray(left) ? DeepEqualArray(left, right) : IsObject(left) ? DeepEqualObject(left, right) : IsEqual(left, right);
}

// node_modules/typebox/build/guard/globals.mjs
var globals_exports = {};
__export(globals_exports, {
  IsBigInt64Array: () => IsBigInt64Array,
  IsBigUint64Array: () => IsBigUint64Array,
  IsBoolean: () => IsBoolean2,
  IsDate: () => IsDate,
  IsFloat32Array: () => IsFloat32Array,
  IsFloat64Array: () => IsFloat64Array,
  IsInt16Array: () => IsInt16Array,
  IsInt32Array: () => IsInt32Array,
  IsInt8Array: () => IsInt8Array,
  IsMap: () => IsMap,
  IsNumber: () => IsNumber2,
  IsRegExp: () => IsRegExp,
  IsSet: () => IsSet,
  IsString: () => IsString2,
  IsTypeArray: () => IsTypeArray,
  IsUint16Array: () => IsUint16Array,
  IsUint32Array: () => IsUint32Array,
  IsUint8Array: () => IsUint8Array,
  IsUint8ClampedArray: () => IsUint8ClampedArray
});
function IsBoolean2(value) {
  return value instanceof Boolean;
}
function IsNumber2(value) {
  return value instanceof Number;
}
function IsString2(value) {
  return value instanceof String;
}
function IsTypeArray(value) {
  return globalThis.ArrayBuffer.isView(value);
}
function IsInt8Array(value) {
  return value instanceof globalThis.Int8Array;
}
function IsUint8Array(value) {
  return value instanceof globalThis.Uint8Array;
}
function IsUint8ClampedArray(value) {
  return value instanceof globalThis.Uint8ClampedArray;
}
function IsInt16Array(value) {
  return value instanceof globalThis.Int16Array;
}
function IsUint16Array(value) {
  return value instanceof globalThis.Uint16Array;
}
function IsInt32Array(value) {
  return value instanceof globalThis.Int32Array;
}
function IsUint32Array(value) {
  return value instanceof globalThis.Uint32Array;
}
function IsFloat32Array(value) {
  return value instanceof globalThis.Float32Array;
}
function IsFloat64Array(value) {
  return value instanceof globalThis.Float64Array;
}
function IsBigInt64Array(value) {
  return value instanceof globalThis.BigInt64Array;
}
function IsBigUint64Array(value) {
  return value instanceof globalThis.BigUint64Array;
}
function IsRegExp(value) {
  return value instanceof globalThis.RegExp;
}
function IsDate(value) {
  return value instanceof globalThis.Date;
}
function IsSet(value) {
  return value instanceof globalThis.Set;
}
function IsMap(value) {
  return value instanceof globalThis.Map;
}

// node_modules/typebox/build/guard/index.mjs
var guard_default = guard_exports;

// node_modules/typebox/build/system/settings/settings.mjs
var settings_exports = {};
__export(settings_exports, {
  Get: () => Get,
  Reset: () => Reset,
  Set: () => Set2
});
var settings = {
  immutableTypes: false,
  maxErrors: 8,
  maxParseErrors: 1,
  maxInstantiationCount: 128,
  useAcceleration: true,
  exactOptionalPropertyTypes: false,
  enumerableKind: false,
  correctiveParse: false,
  unionPrioritySort: true
};
function Reset() {
  settings.immutableTypes = false;
  settings.maxErrors = 8;
  settings.maxParseErrors = 1;
  settings.maxInstantiationCount = 128;
  settings.useAcceleration = true;
  settings.exactOptionalPropertyTypes = false;
  settings.enumerableKind = false;
  settings.correctiveParse = false;
  settings.unionPrioritySort = true;
}
function Set2(options) {
  for (const key of guard_exports.Keys(options)) {
    const value = options[key];
    if (value !== void 0) {
      Object.defineProperty(settings, key, { value });
    }
  }
}
function Get() {
  return settings;
}

// node_modules/typebox/build/system/memory/keys.mjs
function Keys2(value) {
  return [...guard_exports.Keys(value), ...guard_exports.Symbols(value)];
}

// node_modules/typebox/build/system/memory/finalize.mjs
function Freeze(value, seen) {
  if (seen.has(value))
    return;
  seen.add(value);
  for (const key of Keys2(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (!descriptor || !("value" in descriptor))
      continue;
    if (guard_exports.IsObject(descriptor.value))
      Freeze(descriptor.value, seen);
  }
  Object.freeze(value);
}
function Finalize(value) {
  if (!settings_exports.Get().immutableTypes)
    return value;
  Freeze(value, /* @__PURE__ */ new WeakSet());
  return value;
}

// node_modules/typebox/build/system/memory/assign.mjs
function Assign(left, right) {
  Metrics.assign += 1;
  const result = {}, rightKeys = Keys2(right), leftKeys = Keys2(left);
  for (const key of leftKeys) {
    if (rightKeys.includes(key))
      continue;
    Object.defineProperty(result, key, Object.getOwnPropertyDescriptor(left, key));
  }
  for (const key of rightKeys) {
    Object.defineProperty(result, key, Object.getOwnPropertyDescriptor(right, key));
  }
  return Finalize(result);
}

// node_modules/typebox/build/system/memory/clone.mjs
function Clone(value) {
  Metrics.clone += 1;
  const result = {};
  for (const key of Keys2(value)) {
    if (guard_exports.IsUnsafePropertyKey(key))
      continue;
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (guard_exports.IsEqual(descriptor.enumerable, true)) {
      result[key] = descriptor.value;
    } else {
      Object.defineProperty(result, key, descriptor);
    }
  }
  return result;
}

// node_modules/typebox/build/system/memory/create.mjs
function WithEnumerable(left, right) {
  return { ...left, ...right };
}
function WithHidden(left, right) {
  for (const key of Object.keys(right)) {
    Object.defineProperty(left, key, {
      configurable: true,
      writable: true,
      enumerable: false,
      value: right[key]
    });
  }
  return left;
}
function Create(hidden, enumerable, options = {}) {
  Metrics.create += 1;
  const withEnumerable = WithEnumerable(enumerable, options);
  const withHidden = settings_exports.Get().enumerableKind ? WithEnumerable(withEnumerable, hidden) : WithHidden(withEnumerable, hidden);
  return Finalize(withHidden);
}

// node_modules/typebox/build/system/memory/discard.mjs
function Discard(value, propertyKeys) {
  Metrics.discard += 1;
  const result = {};
  for (const key of Keys2(value)) {
    if (propertyKeys.includes(key))
      continue;
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    Object.defineProperty(result, key, descriptor);
  }
  return Finalize(result);
}

// node_modules/typebox/build/system/memory/update.mjs
function WithCurrent(current, hiddenKeys, enumerableKeys, result) {
  for (const key of Keys2(current)) {
    if (guard_exports.IsUnsafePropertyKey(key) || hiddenKeys.includes(key) || enumerableKeys.includes(key))
      continue;
    const descriptor = Object.getOwnPropertyDescriptor(current, key);
    Object.defineProperty(result, key, descriptor);
  }
}
function WithHidden2(hidden, keys, result) {
  const enumerableKind = settings_exports.Get().enumerableKind;
  for (const key of keys) {
    if (guard_exports.IsUnsafePropertyKey(key))
      continue;
    Object.defineProperty(result, key, {
      configurable: true,
      writable: true,
      enumerable: enumerableKind,
      value: hidden[key]
    });
  }
}
function WithEnumerable2(enumerable, keys, result) {
  for (const key of keys) {
    if (guard_exports.IsUnsafePropertyKey(key))
      continue;
    Object.defineProperty(result, key, {
      configurable: true,
      enumerable: true,
      writable: true,
      value: enumerable[key]
    });
  }
}
function Update(current, hidden, enumerable) {
  Metrics.update += 1;
  const result = {}, hiddenKeys = Keys2(hidden), enumerableKeys = Keys2(enumerable);
  WithCurrent(current, hiddenKeys, enumerableKeys, result);
  WithHidden2(hidden, hiddenKeys, result);
  WithEnumerable2(enumerable, enumerableKeys, result);
  return Finalize(result);
}

// node_modules/typebox/build/type/types/schema.mjs
function IsKind(value, kind) {
  return guard_exports.IsObject(value) && guard_exports.HasPropertyKey(value, "~kind") && guard_exports.IsEqual(value["~kind"], kind);
}
function IsSchema(value) {
  return guard_exports.IsObject(value);
}

// node_modules/typebox/build/type/types/deferred.mjs
function Deferred(action, parameters, options) {
  return memory_exports.Create({ "~kind": "Deferred" }, { type: "deferred", action, parameters, options }, {});
}
function IsDeferred(value) {
  return IsKind(value, "Deferred");
}

// node_modules/typebox/build/type/engine/readonly/instantiate_add.mjs
function AddReadonlyAction(type, options) {
  const result = memory_exports.Update(type, { "~readonly": true }, options);
  return result;
}
function AddReadonlyInstantiate(context, state, type, options) {
  const instantiatedType = InstantiateType(context, state, type);
  return AddReadonlyAction(instantiatedType, options);
}

// node_modules/typebox/build/type/engine/optional/instantiate_add.mjs
function AddOptionalAction(type, options) {
  const result = memory_exports.Update(type, { "~optional": true }, options);
  return result;
}
function AddOptionalInstantiate(context, state, type, options) {
  const instantiatedType = InstantiateType(context, state, type);
  return AddOptionalAction(instantiatedType, options);
}

// node_modules/typebox/build/type/types/array.mjs
function _Array_(items, options) {
  return memory_exports.Create({ "~kind": "Array" }, { type: "array", items }, options);
}
function IsArray2(value) {
  return IsKind(value, "Array");
}
function ArrayOptions(type) {
  return memory_exports.Discard(type, ["~kind", "type", "items"]);
}

// node_modules/typebox/build/type/types/constructor.mjs
function Constructor(parameters, instanceType, options = {}) {
  return memory_exports.Create({ "~kind": "Constructor" }, { type: "constructor", parameters, instanceType }, options);
}
function IsConstructor2(value) {
  return IsKind(value, "Constructor");
}
function ConstructorOptions(type) {
  return memory_exports.Discard(type, ["~kind", "type", "parameters", "instanceType"]);
}

// node_modules/typebox/build/type/types/function.mjs
function _Function_(parameters, returnType, options = {}) {
  return memory_exports.Create({ ["~kind"]: "Function" }, { type: "function", parameters, returnType }, options);
}
function IsFunction2(value) {
  return IsKind(value, "Function");
}
function FunctionOptions(type) {
  return memory_exports.Discard(type, ["~kind", "type", "parameters", "returnType"]);
}

// node_modules/typebox/build/type/types/ref.mjs
function Ref(ref, options) {
  return memory_exports.Create({ ["~kind"]: "Ref" }, { $ref: ref }, options);
}
function IsRef(value) {
  return IsKind(value, "Ref");
}

// node_modules/typebox/build/type/types/generic.mjs
function Generic(parameters, expression) {
  return memory_exports.Create({ "~kind": "Generic" }, { type: "generic", parameters, expression });
}
function IsGeneric(value) {
  return IsKind(value, "Generic");
}

// node_modules/typebox/build/type/types/any.mjs
function Any(options) {
  return memory_exports.Create({ ["~kind"]: "Any" }, {}, options);
}
function IsAny(value) {
  return IsKind(value, "Any");
}

// node_modules/typebox/build/type/types/never.mjs
var NeverPattern = "(?!)";
function Never(options) {
  return memory_exports.Create({ "~kind": "Never" }, { not: {} }, options);
}
function IsNever(value) {
  return IsKind(value, "Never");
}

// node_modules/typebox/build/type/action/_add_optional.mjs
function AddOptionalDeferred(type, options = {}) {
  return Deferred("AddOptional", [type], options);
}
function AddOptional(type, options = {}) {
  return AddOptionalAction(type, options);
}

// node_modules/typebox/build/type/types/_optional.mjs
function Optional(type) {
  return AddOptional(type);
}
function IsOptional(value) {
  return IsSchema(value) && guard_exports.HasPropertyKey(value, "~optional");
}

// node_modules/typebox/build/type/types/properties.mjs
function RequiredArray(properties) {
  return guard_exports.Keys(properties).filter((key) => !IsOptional(properties[key]));
}
function PropertyKeys(properties) {
  return guard_exports.Keys(properties);
}
function PropertyValues(properties) {
  return guard_exports.Values(properties);
}

// node_modules/typebox/build/type/types/object.mjs
function _Object_(properties, options = {}) {
  const requiredKeys = RequiredArray(properties);
  const required = requiredKeys.length > 0 ? { required: requiredKeys } : {};
  return memory_exports.Create({ "~kind": "Object" }, { type: "object", ...required, properties }, options);
}
function IsObject2(value) {
  return IsKind(value, "Object");
}
function ObjectOptions(type) {
  return memory_exports.Discard(type, ["~kind", "type", "properties", "required"]);
}

// node_modules/typebox/build/type/types/unknown.mjs
function Unknown(options) {
  return memory_exports.Create({ ["~kind"]: "Unknown" }, {}, options);
}
function IsUnknown(value) {
  return IsKind(value, "Unknown");
}

// node_modules/typebox/build/type/types/cyclic.mjs
function Cyclic($defs, $ref, options) {
  const defs = guard_exports.Keys($defs).reduce((result, key) => {
    return { ...result, [key]: memory_exports.Update($defs[key], {}, { $id: key }) };
  }, {});
  return memory_exports.Create({ ["~kind"]: "Cyclic" }, { $defs: defs, $ref }, options);
}
function IsCyclic(value) {
  return IsKind(value, "Cyclic");
}

// node_modules/typebox/build/type/types/unsafe.mjs
function Unsafe(schema) {
  return memory_exports.Update(schema, { ["~unsafe"]: null }, {});
}
function IsUnsafe(value) {
  return guard_exports.IsObjectNotArray(value) && guard_exports.HasPropertyKey(value, "~unsafe") && guard_exports.IsNull(value["~unsafe"]);
}

// node_modules/typebox/build/system/arguments/arguments.mjs
var arguments_exports = {};
__export(arguments_exports, {
  Match: () => Match
});
function Match(args, match) {
  return match[args.length]?.(...args) ?? (() => {
    throw Error("Invalid Arguments");
  })();
}

// node_modules/typebox/build/type/types/infer.mjs
function Infer(...args) {
  const [name, extends_] = arguments_exports.Match(args, {
    2: (name2, extends_2) => [name2, extends_2, extends_2],
    1: (name2) => [name2, Unknown(), Unknown()]
  });
  return memory_exports.Create({ ["~kind"]: "Infer" }, { type: "infer", name, extends: extends_ }, {});
}
function IsInfer(value) {
  return IsKind(value, "Infer");
}

// node_modules/typebox/build/type/types/dependent.mjs
function Dependent(if_, then_, else_, options = {}) {
  return memory_exports.Create({ "~kind": "Dependent" }, { if: if_, then: then_, else: else_ }, options);
}
function IsDependent(value) {
  return IsKind(value, "Dependent");
}
function DependentOptions(type) {
  return memory_exports.Discard(type, ["~kind", "if", "then", "else"]);
}

// node_modules/typebox/build/type/engine/enum/typescript_enum_to_enum_values.mjs
function IsTypeScriptEnumLike(value) {
  return guard_exports.IsObjectNotArray(value);
}
function TypeScriptEnumToEnumValues(type) {
  const keys = guard_exports.Keys(type).filter((key) => isNaN(key));
  return keys.reduce((result, key) => [...result, type[key]], []);
}

// node_modules/typebox/build/type/types/enum.mjs
function IsEnumValue(value) {
  return guard_exports.IsString(value) || guard_exports.IsNumber(value);
}
function Enum(value, options) {
  const values = IsTypeScriptEnumLike(value) ? TypeScriptEnumToEnumValues(value) : value;
  return memory_exports.Create({ "~kind": "Enum" }, { enum: values }, options);
}
function IsEnum(value) {
  return IsKind(value, "Enum");
}

// node_modules/typebox/build/type/types/intersect.mjs
function Intersect(types, options = {}) {
  return memory_exports.Create({ "~kind": "Intersect" }, { allOf: types }, options);
}
function IsIntersect(value) {
  return IsKind(value, "Intersect");
}
function IntersectOptions(type) {
  return memory_exports.Discard(type, ["~kind", "allOf"]);
}

// node_modules/typebox/build/system/hashing/hash.mjs
var hash_exports = {};
__export(hash_exports, {
  Hash: () => Hash,
  HashCode: () => HashCode
});

// node_modules/typebox/build/system/unreachable/unreachable.mjs
function Unreachable() {
  throw new Error("Unreachable");
}

// node_modules/typebox/build/system/hashing/hash.mjs
function InstanceKeys(value) {
  const propertyKeys = /* @__PURE__ */ new Set();
  let current = value;
  while (current && current !== Object.prototype) {
    for (const key of Reflect.ownKeys(current)) {
      if (key !== "constructor" && typeof key !== "symbol")
        propertyKeys.add(key);
    }
    current = Object.getPrototypeOf(current);
  }
  return [...propertyKeys];
}
function IsIEEE754(value) {
  return typeof value === "number";
}
var ByteMarker = {
  Array: 0,
  BigInt: 1,
  Boolean: 2,
  Date: 3,
  Constructor: 4,
  Function: 5,
  Null: 6,
  Number: 7,
  Object: 8,
  RegExp: 9,
  String: 10,
  Symbol: 11,
  TypeArray: 12,
  Undefined: 13
};
var A0 = 8997;
var A1 = 33826;
var A2 = 40164;
var A3 = 52210;
var F64 = new Float64Array(1);
var F64In = new DataView(F64.buffer);
var F64Out = new Uint8Array(F64.buffer);
function FNV1A64_OP(byte) {
  const L0 = A0 ^ byte;
  const T0 = L0 * 435;
  const T1 = A1 * 435 + (T0 >>> 16);
  const T2 = A2 * 435 + (T1 >>> 16) + (L0 << 8);
  const T3 = A3 * 435 + (T2 >>> 16) + (A1 << 8);
  A0 = T0 & 65535;
  A1 = T1 & 65535;
  A2 = T2 & 65535;
  A3 = T3 & 65535;
}
function FromArray(value) {
  FNV1A64_OP(ByteMarker.Array);
  for (const item of value) {
    FromValue(item);
  }
}
function FromBigInt(value) {
  FNV1A64_OP(ByteMarker.BigInt);
  F64In.setBigInt64(0, value);
  for (const byte of F64Out) {
    FNV1A64_OP(byte);
  }
}
function FromBoolean(value) {
  FNV1A64_OP(ByteMarker.Boolean);
  FNV1A64_OP(value ? 1 : 0);
}
function FromConstructor(value) {
  FNV1A64_OP(ByteMarker.Constructor);
  FromValue(value.toString());
}
function FromDate(value) {
  FNV1A64_OP(ByteMarker.Date);
  FromValue(value.getTime());
}
function FromFunction(value) {
  FNV1A64_OP(ByteMarker.Function);
  FromValue(value.toString());
}
function FromNull(_value) {
  FNV1A64_OP(ByteMarker.Null);
}
function FromNumber(value) {
  FNV1A64_OP(ByteMarker.Number);
  F64In.setFloat64(
    0,
    value,
    true
    /* little-endian */
  );
  for (const byte of F64Out) {
    FNV1A64_OP(byte);
  }
}
function FromObject(value) {
  FNV1A64_OP(ByteMarker.Object);
  for (const key of InstanceKeys(value).sort()) {
    FromValue(key);
    FromValue(value[key]);
  }
}
function FromRegExp(value) {
  FNV1A64_OP(ByteMarker.RegExp);
  FromString(value.toString());
}
var encoder = new TextEncoder();
function FromString(value) {
  FNV1A64_OP(ByteMarker.String);
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code > 127) {
      for (const byte of encoder.encode(value.slice(i))) {
        FNV1A64_OP(byte);
      }
      return;
    }
    FNV1A64_OP(code);
  }
}
function FromSymbol(value) {
  FNV1A64_OP(ByteMarker.Symbol);
  FromValue(value.toString());
}
function FromTypeArray(value) {
  FNV1A64_OP(ByteMarker.TypeArray);
  const buffer = new Uint8Array(value.buffer);
  for (let i = 0; i < buffer.length; i++) {
    FNV1A64_OP(buffer[i]);
  }
}
function FromUndefined(_value) {
  return FNV1A64_OP(ByteMarker.Undefined);
}
function FromValue(value) {
  return globals_exports.IsTypeArray(value) ? FromTypeArray(value) : globals_exports.IsDate(value) ? FromDate(value) : globals_exports.IsRegExp(value) ? FromRegExp(value) : globals_exports.IsBoolean(value) ? FromBoolean(value.valueOf()) : globals_exports.IsString(value) ? FromString(value.valueOf()) : globals_exports.IsNumber(value) ? FromNumber(value.valueOf()) : IsIEEE754(value) ? FromNumber(value) : guard_exports.IsArray(value) ? FromArray(value) : guard_exports.IsBoolean(value) ? FromBoolean(value) : guard_exports.IsBigInt(value) ? FromBigInt(value) : guard_exports.IsConstructor(value) ? FromConstructor(value) : guard_exports.IsNull(value) ? FromNull(value) : guard_exports.IsObject(value) ? FromObject(value) : guard_exports.IsString(value) ? FromString(value) : guard_exports.IsSymbol(value) ? FromSymbol(value) : guard_exports.IsUndefined(value) ? FromUndefined(value) : guard_exports.IsFunction(value) ? FromFunction(value) : Unreachable();
}
function Hex(limb) {
  return limb.toString(16).padStart(4, "0");
}
function HashCode(value) {
  return BigInt(`0x${Hash(value)}`);
}
function Hash(value) {
  A0 = 8997, A1 = 33826, A2 = 40164, A3 = 52210;
  FromValue(value);
  return `${Hex(A3)}${Hex(A2)}${Hex(A1)}${Hex(A0)}`;
}

// node_modules/typebox/build/system/locale/en_US.mjs
function en_US(error) {
  switch (error.keyword) {
    case "additionalProperties":
      return "must not have additional properties";
    case "anyOf":
      return "must match a schema in anyOf";
    case "boolean":
      return "schema is false";
    case "const":
      return "must be equal to constant";
    case "contains":
      return "must contain at least 1 valid item";
    case "dependencies":
      return `must have properties ${error.params.dependencies.join(", ")} when property ${error.params.property} is present`;
    case "dependentRequired":
      return `must have properties ${error.params.dependencies.join(", ")} when property ${error.params.property} is present`;
    case "enum":
      return "must be equal to one of the allowed values";
    case "exclusiveMaximum":
      return `must be ${error.params.comparison} ${error.params.limit}`;
    case "exclusiveMinimum":
      return `must be ${error.params.comparison} ${error.params.limit}`;
    case "format":
      return `must match format "${error.params.format}"`;
    case "if":
      return `must match "${error.params.failingKeyword}" schema`;
    case "maxItems":
      return `must not have more than ${error.params.limit} items`;
    case "maxLength":
      return `must not have more than ${error.params.limit} characters`;
    case "maxProperties":
      return `must not have more than ${error.params.limit} properties`;
    case "maximum":
      return `must be ${error.params.comparison} ${error.params.limit}`;
    case "minItems":
      return `must not have fewer than ${error.params.limit} items`;
    case "minLength":
      return `must not have fewer than ${error.params.limit} characters`;
    case "minProperties":
      return `must not have fewer than ${error.params.limit} properties`;
    case "minimum":
      return `must be ${error.params.comparison} ${error.params.limit}`;
    case "multipleOf":
      return `must be multiple of ${error.params.multipleOf}`;
    case "not":
      return "must not be valid";
    case "oneOf":
      return "must match exactly one schema in oneOf";
    case "pattern":
      return `must match pattern "${error.params.pattern}"`;
    case "propertyNames":
      return `property names ${error.params.propertyNames.join(", ")} are invalid`;
    case "required":
      return `must have required properties ${error.params.requiredProperties.join(", ")}`;
    case "type":
      return typeof error.params.type === "string" ? `must be ${error.params.type}` : `must be either ${error.params.type.join(" or ")}`;
    case "unevaluatedItems":
      return "must not have unevaluated items";
    case "unevaluatedProperties":
      return "must not have unevaluated properties";
    case "uniqueItems":
      return `must not have duplicate items`;
    case "~refine":
      return error.params.message;
    // deno-coverage-ignore-start - unreachable
    default:
      return "an unknown validation error occurred";
  }
}

// node_modules/typebox/build/system/locale/_config.mjs
var locale = en_US;
function Get2() {
  return locale;
}

// node_modules/typebox/build/type/types/_codec.mjs
var EncodeBuilder = class {
  constructor(type, decode) {
    this.type = type;
    this.decode = decode;
  }
  Encode(callback) {
    const type = this.type;
    const decode = IsCodec(type) ? (value) => this.decode(type["~codec"].decode(value)) : this.decode;
    const encode = IsCodec(type) ? (value) => type["~codec"].encode(callback(value)) : callback;
    const codec = { decode, encode };
    return memory_exports.Update(this.type, { "~codec": codec }, {});
  }
};
var DecodeBuilder = class {
  constructor(type) {
    this.type = type;
  }
  Decode(callback) {
    return new EncodeBuilder(this.type, callback);
  }
};
function Codec(type) {
  return new DecodeBuilder(type);
}
function Decode(type, callback) {
  return Codec(type).Decode(callback).Encode(() => {
    throw Error("Encode not implemented");
  });
}
function Encode(type, callback) {
  return Codec(type).Decode(() => {
    throw Error("Decode not implemented");
  }).Encode(callback);
}
function IsCodec(value) {
  return IsSchema(value) && guard_exports.HasPropertyKey(value, "~codec") && guard_exports.IsObject(value["~codec"]) && guard_exports.HasPropertyKey(value["~codec"], "encode") && guard_exports.HasPropertyKey(value["~codec"], "decode");
}

// node_modules/typebox/build/type/types/_immutable.mjs
function Immutable(type) {
  return AddImmutable(type);
}
function IsImmutable(value) {
  return IsSchema(value) && guard_exports.HasPropertyKey(value, "~immutable");
}

// node_modules/typebox/build/type/action/_add_readonly.mjs
function AddReadonlyDeferred(type, options = {}) {
  return Deferred("AddReadonly", [type], options);
}
function AddReadonly(type, options = {}) {
  return AddReadonlyAction(type, options);
}

// node_modules/typebox/build/type/types/_readonly.mjs
function Readonly(type) {
  return AddReadonly(type);
}
function IsReadonly(value) {
  return IsSchema(value) && guard_exports.HasPropertyKey(value, "~readonly");
}

// node_modules/typebox/build/type/types/_refine.mjs
function RefineAdd(type, refinement) {
  const refinements = IsRefine(type) ? [...type["~refine"], refinement] : [refinement];
  return memory_exports.Update(type, { "~refine": refinements }, {});
}
function Refine(...args) {
  const [type, check, error] = arguments_exports.Match(args, {
    3: (type2, check2, error2) => [type2, check2, error2],
    2: (type2, check2) => [type2, check2, () => "Refine Error"]
  });
  return RefineAdd(type, { check, error });
}
function IsRefinement(value) {
  return guard_exports.IsObjectNotArray(value) && guard_exports.HasPropertyKey(value, "check") && guard_exports.HasPropertyKey(value, "error") && guard_exports.IsFunction(value.check) && guard_exports.IsFunction(value.error);
}
function IsRefine(value) {
  return IsSchema(value) && guard_exports.HasPropertyKey(value, "~refine") && guard_exports.IsArray(value["~refine"]) && guard_exports.Every(value["~refine"], 0, (value2) => IsRefinement(value2));
}

// node_modules/typebox/build/type/types/bigint.mjs
var BigIntPattern = "-?(?:0|[1-9][0-9]*)n";
function BigInt2(options) {
  return memory_exports.Create({ "~kind": "BigInt" }, { type: "bigint" }, options);
}
function IsBigInt2(value) {
  return IsKind(value, "BigInt");
}

// node_modules/typebox/build/type/types/boolean.mjs
function Boolean2(options) {
  return memory_exports.Create({ "~kind": "Boolean" }, { type: "boolean" }, options);
}
function IsBoolean3(value) {
  return IsKind(value, "Boolean");
}

// node_modules/typebox/build/type/types/identifier.mjs
function Identifier(name) {
  return memory_exports.Create({ "~kind": "Identifier" }, { name });
}
function IsIdentifier(value) {
  return IsKind(value, "Identifier");
}

// node_modules/typebox/build/type/types/integer.mjs
var IntegerPattern = "-?(?:0|[1-9][0-9]*)";
function Integer(options) {
  return memory_exports.Create({ "~kind": "Integer" }, { type: "integer" }, options);
}
function IsInteger2(value) {
  return IsKind(value, "Integer");
}

// node_modules/typebox/build/type/types/literal.mjs
var InvalidLiteralValue = class extends Error {
  constructor(value) {
    super(`Invalid Literal value`);
    Object.defineProperty(this, "cause", {
      value: { value },
      writable: false,
      configurable: false,
      enumerable: false
    });
  }
};
function LiteralTypeName(value) {
  return guard_exports.IsBigInt(value) ? "bigint" : guard_exports.IsBoolean(value) ? "boolean" : guard_exports.IsNumber(value) ? "number" : guard_exports.IsString(value) ? "string" : (() => {
    throw new InvalidLiteralValue(value);
  })();
}
function Literal(value, options) {
  return memory_exports.Create({ "~kind": "Literal" }, { type: LiteralTypeName(value), const: value }, options);
}
function IsLiteralValue(value) {
  return guard_exports.IsBigInt(value) || guard_exports.IsBoolean(value) || guard_exports.IsNumber(value) || guard_exports.IsString(value);
}
function IsLiteralBigInt(value) {
  return IsLiteral(value) && guard_exports.IsBigInt(value.const);
}
function IsLiteralBoolean(value) {
  return IsLiteral(value) && guard_exports.IsBoolean(value.const);
}
function IsLiteralNumber(value) {
  return IsLiteral(value) && guard_exports.IsNumber(value.const);
}
function IsLiteralString(value) {
  return IsLiteral(value) && guard_exports.IsString(value.const);
}
function IsLiteral(value) {
  return IsKind(value, "Literal");
}

// node_modules/typebox/build/type/types/null.mjs
function Null(options) {
  return memory_exports.Create({ "~kind": "Null" }, { type: "null" }, options);
}
function IsNull2(value) {
  return IsKind(value, "Null");
}

// node_modules/typebox/build/type/types/number.mjs
var NumberPattern = "-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?";
function Number2(options) {
  return memory_exports.Create({ "~kind": "Number" }, { type: "number" }, options);
}
function IsNumber3(value) {
  return IsKind(value, "Number");
}

// node_modules/typebox/build/type/types/symbol.mjs
function Symbol(options) {
  return memory_exports.Create({ "~kind": "Symbol" }, { type: "symbol" }, options);
}
function IsSymbol2(value) {
  return IsKind(value, "Symbol");
}

// node_modules/typebox/build/type/types/parameter.mjs
function Parameter(...args) {
  const [name, extends_, equals] = arguments_exports.Match(args, {
    3: (name2, extends_2, equals2) => [name2, extends_2, equals2],
    2: (name2, extends_2) => [name2, extends_2, extends_2],
    1: (name2) => [name2, Unknown(), Unknown()]
  });
  return memory_exports.Create({ "~kind": "Parameter" }, { name, extends: extends_, equals }, {});
}
function IsParameter(value) {
  return IsKind(value, "Parameter");
}

// node_modules/typebox/build/type/types/string.mjs
var StringPattern = ".*";
function String2(options) {
  return memory_exports.Create({ "~kind": "String" }, { type: "string" }, options);
}
function IsString3(value) {
  return IsKind(value, "String");
}

// node_modules/typebox/build/type/types/union.mjs
function Union(anyOf, options = {}) {
  return memory_exports.Create({ "~kind": "Union" }, { anyOf }, options);
}
function IsUnion(value) {
  return IsKind(value, "Union");
}
function UnionOptions(type) {
  return memory_exports.Discard(type, ["~kind", "anyOf"]);
}

// node_modules/typebox/build/type/engine/patterns/pattern.mjs
function ParsePatternIntoTypes(pattern) {
  const parsed2 = Pattern(pattern);
  const result = guard_exports.IsEqual(parsed2.length, 2) ? parsed2[0] : [];
  return result;
}

// node_modules/typebox/build/type/engine/template_literal/is_finite.mjs
function FromLiteral(_value) {
  return true;
}
function FromTypesReduce(types) {
  return guard_exports.ShiftLeft(types, (left, right) => FromType(left) ? FromTypesReduce(right) : false, () => true);
}
function FromTypes(types) {
  const result = guard_exports.IsEqual(types.length, 0) ? false : FromTypesReduce(types);
  return result;
}
function FromType(type) {
  return IsUnion(type) ? FromTypes(type.anyOf) : IsLiteral(type) ? FromLiteral(type.const) : false;
}
function IsTemplateLiteralFinite(types) {
  const result = FromTypes(types);
  return result;
}

// node_modules/typebox/build/type/engine/template_literal/create.mjs
function TemplateLiteralCreate(pattern) {
  return memory_exports.Create({ ["~kind"]: "TemplateLiteral" }, { type: "string", pattern }, {});
}

// node_modules/typebox/build/type/engine/template_literal/decode.mjs
function FromLiteralPush(variants, value, result = []) {
  return guard_exports.ShiftLeft(variants, (left, right) => FromLiteralPush(right, value, [...result, `${left}${value}`]), () => result);
}
function FromLiteral2(variants, value) {
  return guard_exports.IsEqual(variants.length, 0) ? [`${value}`] : FromLiteralPush(variants, value);
}
function FromUnion(variants, types, result = []) {
  return guard_exports.ShiftLeft(types, (left, right) => FromUnion(variants, right, [...result, ...FromType2(variants, left)]), () => result);
}
function FromType2(variants, type) {
  const result = IsUnion(type) ? FromUnion(variants, type.anyOf) : IsLiteral(type) ? FromLiteral2(variants, type.const) : Unreachable();
  return result;
}
function DecodeFromSpan(variants, types) {
  return guard_exports.ShiftLeft(types, (left, right) => DecodeFromSpan(FromType2(variants, left), right), () => variants);
}
function VariantsToLiterals(variants) {
  return variants.map((variant) => Literal(variant));
}
function DecodeTypesAsUnion(types) {
  const variants = DecodeFromSpan([], types);
  const literals = VariantsToLiterals(variants);
  const result = Union(literals);
  return result;
}
function DecodeTypes(types) {
  return guard_exports.IsEqual(types.length, 0) ? Unreachable() : (
    // Literal('') :
    guard_exports.IsEqual(types.length, 1) && IsLiteral(types[0]) ? types[0] : DecodeTypesAsUnion(types)
  );
}
function TemplateLiteralDecodeUnsafe(pattern) {
  const types = ParsePatternIntoTypes(pattern);
  const result = guard_exports.IsEqual(types.length, 0) ? String2() : IsTemplateLiteralFinite(types) ? DecodeTypes(types) : TemplateLiteralCreate(pattern);
  return result;
}
function TemplateLiteralDecode(pattern) {
  const decoded = TemplateLiteralDecodeUnsafe(pattern);
  const result = IsTemplateLiteral(decoded) ? String2() : decoded;
  return result;
}

// node_modules/typebox/build/type/engine/record/record_create.mjs
function CreateRecord(key, value) {
  const type = "object";
  const patternProperties = { [key]: value };
  return memory_exports.Create({ ["~kind"]: "Record" }, { type, patternProperties });
}

// node_modules/typebox/build/type/engine/record/from_key_any.mjs
function FromAnyKey(value) {
  return CreateRecord(StringKey, value);
}

// node_modules/typebox/build/type/engine/record/from_key_boolean.mjs
function FromBooleanKey(value) {
  return _Object_({ true: value, false: value });
}

// node_modules/typebox/build/type/types/tuple.mjs
function Tuple(types, options = {}) {
  const [items, minItems, additionalItems] = [types, types.length, false];
  return memory_exports.Create({ ["~kind"]: "Tuple" }, { type: "array", additionalItems, items, minItems }, options);
}
function IsTuple(value) {
  return IsKind(value, "Tuple");
}
function TupleOptions(type) {
  return memory_exports.Discard(type, ["~kind", "type", "items", "minItems", "additionalItems"]);
}

// node_modules/typebox/build/type/engine/tuple/to_object.mjs
function TupleElementsToProperties(types) {
  const result = types.reduceRight((result2, right, index2) => {
    return { [index2]: right, ...result2 };
  }, {});
  return result;
}
function TupleToObject(type) {
  const properties = TupleElementsToProperties(type.items);
  const result = _Object_(properties);
  return result;
}

// node_modules/typebox/build/type/engine/optional/instantiate_remove.mjs
function RemoveOptionalOperation(type) {
  return memory_exports.Discard(type, ["~optional"]);
}
function RemoveOptionalAction(type, options) {
  const result = memory_exports.Update(RemoveOptionalOperation(type), {}, options);
  return result;
}
function RemoveOptionalInstantiate(context, state, type, options) {
  const instantiatedType = InstantiateType(context, state, type);
  return RemoveOptionalAction(instantiatedType, options);
}

// node_modules/typebox/build/type/engine/readonly/instantiate_remove.mjs
function RemoveReadonlyOperation(type) {
  return memory_exports.Discard(type, ["~readonly"]);
}
function RemoveReadonlyAction(type, options) {
  const result = memory_exports.Update(RemoveReadonlyOperation(type), {}, options);
  return result;
}
function RemoveReadonlyInstantiate(context, state, type, options) {
  const instantiatedType = InstantiateType(context, state, type);
  return RemoveReadonlyAction(instantiatedType, options);
}

// node_modules/typebox/build/type/engine/evaluate/property.mjs
function EvaluatePropertyIntersect(left, right) {
  const isReadonly = IsReadonly(left) && IsReadonly(right);
  const isOptional = IsOptional(left) && IsOptional(right);
  const evaluated = EvaluateIntersect([left, right]);
  const property = RemoveReadonlyAction(RemoveOptionalAction(evaluated, {}), {});
  return isReadonly && isOptional ? AddReadonlyAction(AddOptionalAction(property, {}), {}) : isReadonly ? AddReadonlyAction(property, {}) : isOptional ? AddOptionalAction(property, {}) : property;
}
function EvaluatePropertyUnion(left, right) {
  const isReadonly = IsReadonly(left) || IsReadonly(right);
  const isOptional = IsOptional(left) || IsOptional(right);
  const leftProperty = RemoveReadonlyAction(RemoveOptionalAction(left, {}), {});
  const rightProperty = RemoveReadonlyAction(RemoveOptionalAction(right, {}), {});
  const property = EvaluateUnion([leftProperty, rightProperty]);
  return isReadonly && isOptional ? AddReadonlyAction(AddOptionalAction(property, {}), {}) : isReadonly ? AddReadonlyAction(property, {}) : isOptional ? AddOptionalAction(property, {}) : property;
}

// node_modules/typebox/build/type/engine/evaluate/composite.mjs
function CompositePropertyKey(left, right, key) {
  return key in left ? key in right ? EvaluatePropertyIntersect(left[key], right[key]) : left[key] : key in right ? right[key] : Never();
}
function CompositeProperties(left, right) {
  const keys = /* @__PURE__ */ new Set([...guard_exports.Keys(left), ...guard_exports.Keys(right)]);
  const result = [...keys].reduce((result2, key) => {
    return { ...result2, [key]: CompositePropertyKey(left, right, key) };
  }, {});
  return result;
}
function GetProperties(type) {
  const result = IsObject2(type) ? type.properties : IsTuple(type) ? TupleElementsToProperties(type.items) : {};
  return result;
}
function Composite(left, right) {
  const leftProperties = GetProperties(left);
  const rightProperties = GetProperties(right);
  const properties = CompositeProperties(leftProperties, rightProperties);
  const result = _Object_(properties);
  return result;
}

// node_modules/typebox/build/type/engine/evaluate/narrow.mjs
function NarrowCompareRule(left, right) {
  const result = Compare(left, right);
  return guard_exports.IsEqual(result, CompareResultLeftInside) ? left : guard_exports.IsEqual(result, CompareResultRightInside) ? right : guard_exports.IsEqual(result, CompareResultEqual) ? right : Never();
}
function CanComposite(type) {
  return IsObject2(type) || IsTuple(type);
}
function NarrowCompositeRule(left, right) {
  const canCompositeLeft = CanComposite(left);
  const canCompositeRight = CanComposite(right);
  return canCompositeLeft && canCompositeRight ? Composite(left, right) : canCompositeLeft && !canCompositeRight ? left : !canCompositeLeft && canCompositeRight ? right : NarrowCompareRule(left, right);
}
function Narrow(left, right) {
  return IsNever(left) ? left : IsAny(left) ? left : IsUnknown(left) ? right : IsNever(right) ? right : IsAny(right) ? right : IsUnknown(right) ? left : NarrowCompositeRule(left, right);
}

// node_modules/typebox/build/type/engine/evaluate/distribute.mjs
function ShouldEvaluate(left, right) {
  const result = IsUnion(left) || IsUnion(right);
  return result;
}
function DistributeOperation(left, right) {
  const evaluatedLeft = EvaluateType(left);
  const evaluatedRight = EvaluateType(right);
  const shouldEvaluate = ShouldEvaluate(evaluatedLeft, evaluatedRight);
  const result = shouldEvaluate ? EvaluateIntersect([evaluatedLeft, evaluatedRight]) : Narrow(evaluatedLeft, evaluatedRight);
  return result;
}
function DistributeType(type, types, result = []) {
  return guard_exports.ShiftLeft(types, (left, right) => DistributeType(type, right, [...result, DistributeOperation(left, type)]), () => guard_exports.IsEqual(result.length, 0) ? [type] : result);
}
function DistributeUnion(types, distribution, result = []) {
  return guard_exports.ShiftLeft(types, (left, right) => DistributeUnion(right, distribution, [...result, ...Distribute([left], distribution)]), () => result);
}
function Distribute(types, result = []) {
  return guard_exports.ShiftLeft(types, (left, right) => IsUnion(left) ? Distribute(right, DistributeUnion(left.anyOf, result)) : Distribute(right, DistributeType(left, result)), () => result);
}

// node_modules/typebox/build/type/engine/exclude/operation.mjs
function ExcludeType(left, right) {
  const check = Extends({}, left, right);
  const result = result_exports.IsExtendsTrueLike(check) ? [] : [left];
  return result;
}
function ExcludeUnion(left, right, result = []) {
  return guard_exports.ShiftLeft(left, (head, tail) => ExcludeUnion(tail, right, [...result, ...ExcludeType(head, right)]), () => result);
}
function ExcludeOperation(left, right) {
  const evaluated = EvaluateType(left);
  const canonical2 = IsUnion(evaluated) ? evaluated.anyOf : [evaluated];
  const remaining = ExcludeUnion(canonical2, right);
  const result = EvaluateUnion(remaining);
  return result;
}

// node_modules/typebox/build/type/engine/evaluate/evaluate.mjs
function EvaluateDependent(if_, then_, else_) {
  const intersected = EvaluateIntersect([if_, then_]);
  const excluded = ExcludeOperation(else_, if_);
  const result = EvaluateUnion([intersected, excluded]);
  return result;
}
function EvaluateEnum(values, result = []) {
  return guard_exports.ShiftLeft(values, (left, right) => EvaluateEnum(right, [...result, Literal(left)]), () => EvaluateUnion(result));
}
function EvaluateIntersect(types) {
  const distribution = Distribute(types);
  const broadend = Broaden(distribution);
  const result = EvaluateUnion(broadend);
  return result;
}
function EvaluateTemplateLiteral(pattern) {
  const evaluated = TemplateLiteralDecode(pattern);
  const result = EvaluateType(evaluated);
  return result;
}
function EvaluateUnion(types) {
  const broadend = Broaden(types);
  const result = EvaluateUnionFast(broadend);
  return result;
}
function EvaluateType(type) {
  const result = IsDependent(type) ? EvaluateDependent(type.if, type.then, type.else) : IsEnum(type) ? EvaluateEnum(type.enum) : IsIntersect(type) ? EvaluateIntersect(type.allOf) : IsTemplateLiteral(type) ? EvaluateTemplateLiteral(type.pattern) : IsUnion(type) ? EvaluateUnion(type.anyOf) : type;
  return result;
}
function EvaluateUnionFast(types) {
  const result = guard_exports.IsEqual(types.length, 1) ? types[0] : guard_exports.IsEqual(types.length, 0) ? Never() : Union(types);
  return result;
}

// node_modules/typebox/build/type/engine/record/from_key_enum.mjs
function FromEnumKey(values, value) {
  const unionKey = EvaluateEnum(values);
  const result = FromKey(unionKey, value);
  return result;
}

// node_modules/typebox/build/type/engine/record/from_key_integer.mjs
function FromIntegerKey(_key, value) {
  const result = CreateRecord(IntegerKey, value);
  return result;
}

// node_modules/typebox/build/type/engine/record/from_key_intersect.mjs
function FromIntersectKey(types, value) {
  const evaluatedKey = EvaluateIntersect(types);
  const result = FromKey(evaluatedKey, value);
  return result;
}

// node_modules/typebox/build/type/engine/record/from_key_literal.mjs
function FromLiteralKey(key, value) {
  return guard_exports.IsString(key) || guard_exports.IsNumber(key) ? _Object_({ [key]: value }) : guard_exports.IsEqual(key, false) ? _Object_({ false: value }) : guard_exports.IsEqual(key, true) ? _Object_({ true: value }) : _Object_({});
}

// node_modules/typebox/build/type/engine/record/from_key_number.mjs
function FromNumberKey(_key, value) {
  const result = CreateRecord(NumberKey, value);
  return result;
}

// node_modules/typebox/build/type/engine/record/from_key_string.mjs
function FromStringKey(key, value) {
  return guard_exports.HasPropertyKey(key, "pattern") && (guard_exports.IsString(key.pattern) || key.pattern instanceof RegExp) ? CreateRecord(key.pattern.toString(), value) : CreateRecord(StringKey, value);
}

// node_modules/typebox/build/type/engine/record/from_key_template_literal.mjs
function FromTemplateKey(pattern, value) {
  const types = ParsePatternIntoTypes(pattern);
  const finite = IsTemplateLiteralFinite(types);
  const result = finite ? FromKey(EvaluateTemplateLiteral(pattern), value) : CreateRecord(pattern, value);
  return result;
}

// node_modules/typebox/build/type/engine/evaluate/flatten.mjs
function FlattenType(type) {
  const result = IsUnion(type) ? Flatten(type.anyOf) : [type];
  return result;
}
function Flatten(types, result = []) {
  return guard_exports.ShiftLeft(types, (left, right) => Flatten(right, [...result, ...FlattenType(left)]), () => result);
}

// node_modules/typebox/build/type/engine/record/from_key_union.mjs
function StringOrNumberCheck(types) {
  return types.some((type) => IsString3(type) || IsNumber3(type) || IsInteger2(type));
}
function TryBuildRecord(types, value) {
  return guard_exports.IsEqual(StringOrNumberCheck(types), true) ? CreateRecord(StringKey, value) : void 0;
}
function CreateProperties(types, value) {
  return types.reduce((result, left) => {
    return IsLiteral(left) && (guard_exports.IsString(left.const) || guard_exports.IsNumber(left.const)) ? { ...result, [left.const]: value } : result;
  }, {});
}
function CreateObject(types, value) {
  const properties = CreateProperties(types, value);
  const result = _Object_(properties);
  return result;
}
function FromUnionKey(types, value) {
  const flattened = Flatten(types);
  const record = TryBuildRecord(flattened, value);
  return IsSchema(record) ? record : CreateObject(flattened, value);
}

// node_modules/typebox/build/type/engine/record/from_key.mjs
function FromKey(key, value) {
  const result = IsAny(key) ? FromAnyKey(value) : IsBoolean3(key) ? FromBooleanKey(value) : IsEnum(key) ? FromEnumKey(key.enum, value) : IsInteger2(key) ? FromIntegerKey(key, value) : IsIntersect(key) ? FromIntersectKey(key.allOf, value) : IsLiteral(key) ? FromLiteralKey(key.const, value) : IsNumber3(key) ? FromNumberKey(key, value) : IsUnion(key) ? FromUnionKey(key.anyOf, value) : IsString3(key) ? FromStringKey(key, value) : IsTemplateLiteral(key) ? FromTemplateKey(key.pattern, value) : _Object_({});
  return result;
}

// node_modules/typebox/build/type/engine/record/instantiate.mjs
function RecordAction(key, value, options) {
  const result = CanInstantiate([key]) ? memory_exports.Update(FromKey(key, value), {}, options) : RecordDeferred(key, value, options);
  return result;
}
function RecordInstantiate(context, state, key, value, options) {
  const instantiatedKey = InstantiateType(context, state, key);
  const instantiatedValue = InstantiateType(context, state, value);
  return RecordAction(instantiatedKey, instantiatedValue, options);
}

// node_modules/typebox/build/type/types/record.mjs
var IntegerKey = `^${IntegerPattern}$`;
var NumberKey = `^${NumberPattern}$`;
var StringKey = `^${StringPattern}$`;
function RecordDeferred(key, value, options = {}) {
  return Deferred("Record", [key, value], options);
}
function Record(key, value, options = {}) {
  return RecordAction(key, value, options);
}
function RecordFromPattern(pattern, value) {
  return CreateRecord(pattern, value);
}
function RecordPatternToType(pattern) {
  const result = guard_exports.IsEqual(pattern, StringKey) ? String2() : guard_exports.IsEqual(pattern, IntegerKey) ? Integer() : guard_exports.IsEqual(pattern, NumberKey) ? Number2() : TemplateLiteralDecodeUnsafe(pattern);
  return result;
}
function RecordPattern(type) {
  return guard_exports.Keys(type.patternProperties)[0];
}
function RecordKey(type) {
  const pattern = RecordPattern(type);
  const result = RecordPatternToType(pattern);
  return result;
}
function RecordValue(type) {
  return type.patternProperties[RecordPattern(type)];
}
function IsRecord(value) {
  return IsKind(value, "Record");
}

// node_modules/typebox/build/type/types/rest.mjs
function Rest(type) {
  return memory_exports.Create({ "~kind": "Rest" }, { type: "rest", items: type }, {});
}
function IsRest(value) {
  return IsKind(value, "Rest");
}

// node_modules/typebox/build/type/types/this.mjs
function This(options) {
  return memory_exports.Create({ ["~kind"]: "This" }, { $ref: "#" }, options);
}
function IsThis(value) {
  return IsKind(value, "This");
}

// node_modules/typebox/build/type/types/undefined.mjs
function Undefined(options) {
  return memory_exports.Create({ "~kind": "Undefined" }, { type: "undefined" }, options);
}
function IsUndefined2(value) {
  return IsKind(value, "Undefined");
}

// node_modules/typebox/build/type/types/void.mjs
function Void(options) {
  return memory_exports.Create({ "~kind": "Void" }, { type: "void" }, options);
}
function IsVoid(value) {
  return IsKind(value, "Void");
}

// node_modules/typebox/build/type/script/mapping.mjs
function IntrinsicOrCall(ref, parameters) {
  return guard_exports.IsEqual(ref, "Array") ? _Array_(parameters[0]) : guard_exports.IsEqual(ref, "Capitalize") ? CapitalizeDeferred(parameters[0]) : guard_exports.IsEqual(ref, "ConstructorParameters") ? ConstructorParametersDeferred(parameters[0]) : guard_exports.IsEqual(ref, "Evaluate") ? EvaluateDeferred(parameters[0]) : guard_exports.IsEqual(ref, "Exclude") ? ExcludeDeferred(parameters[0], parameters[1]) : guard_exports.IsEqual(ref, "Extract") ? ExtractDeferred(parameters[0], parameters[1]) : guard_exports.IsEqual(ref, "Index") ? IndexDeferred(parameters[0], parameters[1]) : guard_exports.IsEqual(ref, "InstanceType") ? InstanceTypeDeferred(parameters[0]) : guard_exports.IsEqual(ref, "Lowercase") ? LowercaseDeferred(parameters[0]) : guard_exports.IsEqual(ref, "NonNullable") ? NonNullableDeferred(parameters[0]) : guard_exports.IsEqual(ref, "Omit") ? OmitDeferred(parameters[0], parameters[1]) : guard_exports.IsEqual(ref, "Parameters") ? ParametersDeferred(parameters[0]) : guard_exports.IsEqual(ref, "Partial") ? PartialDeferred(parameters[0]) : guard_exports.IsEqual(ref, "Pick") ? PickDeferred(parameters[0], parameters[1]) : guard_exports.IsEqual(ref, "Readonly") ? ReadonlyObjectDeferred(parameters[0]) : guard_exports.IsEqual(ref, "KeyOf") ? KeyOfDeferred(parameters[0]) : guard_exports.IsEqual(ref, "Record") ? RecordDeferred(parameters[0], parameters[1]) : guard_exports.IsEqual(ref, "Required") ? RequiredDeferred(parameters[0]) : guard_exports.IsEqual(ref, "ReturnType") ? ReturnTypeDeferred(parameters[0]) : guard_exports.IsEqual(ref, "Uncapitalize") ? UncapitalizeDeferred(parameters[0]) : guard_exports.IsEqual(ref, "Uppercase") ? UppercaseDeferred(parameters[0]) : CallConstruct(Ref(ref), parameters);
}
function Unreachable2() {
  throw Error("Unreachable");
}
function DelimitedDecode(input, result = []) {
  return guard_exports.ShiftLeft(input, (left, right) => DelimitedDecode(right, [...result, left[1]]), () => result);
}
function Delimited(input) {
  return guard_exports.IsEqual(input.length, 3) ? [input[0], ...DelimitedDecode(input[1])] : [];
}
function GenericParameterExtendsEqualsMapping(input) {
  return Parameter(input[0], input[2], input[4]);
}
function GenericParameterExtendsMapping(input) {
  return Parameter(input[0], input[2], input[2]);
}
function GenericParameterEqualsMapping(input) {
  return Parameter(input[0], Unknown(), input[2]);
}
function GenericParameterIdentifierMapping(input) {
  return Parameter(input, Unknown(), Unknown());
}
function GenericParameterMapping(input) {
  return input;
}
function GenericParameterListMapping(input) {
  return Delimited(input);
}
function GenericParametersMapping(input) {
  return input[1];
}
function GenericCallArgumentListMapping(input) {
  return Delimited(input);
}
function GenericCallArgumentsMapping(input) {
  return input[1];
}
function GenericCallMapping(input) {
  return IntrinsicOrCall(input[0], input[1]);
}
function OptionalSemiColonMapping(input) {
  return null;
}
function KeywordStringMapping(input) {
  return String2();
}
function KeywordNumberMapping(input) {
  return Number2();
}
function KeywordBooleanMapping(input) {
  return Boolean2();
}
function KeywordUndefinedMapping(input) {
  return Undefined();
}
function KeywordNullMapping(input) {
  return Null();
}
function KeywordIntegerMapping(input) {
  return Integer();
}
function KeywordBigIntMapping(input) {
  return BigInt2();
}
function KeywordUnknownMapping(input) {
  return Unknown();
}
function KeywordAnyMapping(input) {
  return Any();
}
function KeywordObjectMapping(input) {
  return _Object_({});
}
function KeywordNeverMapping(input) {
  return Never();
}
function KeywordSymbolMapping(input) {
  return Symbol();
}
function KeywordVoidMapping(input) {
  return Void();
}
function KeywordThisMapping(input) {
  return This();
}
function LiteralBigIntMapping(input) {
  return Literal(BigInt(input));
}
function LiteralBooleanMapping(input) {
  return Literal(guard_exports.IsEqual(input, "true"));
}
function LiteralNumberMapping(input) {
  return Literal(parseFloat(input));
}
function LiteralStringMapping(input) {
  return Literal(input);
}
function TemplateInterpolateMapping(input) {
  return input[1];
}
function TemplateSpanMapping(input) {
  return Literal(input);
}
function TemplateBodyMapping(input) {
  return guard_exports.IsEqual(input.length, 3) ? [input[0], input[1], ...input[2]] : [input[0]];
}
function TemplateLiteralTypesMapping(input) {
  return input[1];
}
function TemplateLiteralMapping(input) {
  return TemplateLiteralDeferred(input);
}
function DependentMapping(input) {
  return guard_exports.IsEqual(input.length, 6) ? Dependent(input[1], input[3], input[5]) : Dependent(input[1], input[3], Unknown());
}
function KeyOfMapping(input) {
  return input.length > 0;
}
function IndexArrayMapping(input) {
  return input.reduce((result, current) => {
    return guard_exports.IsEqual(current.length, 3) ? [...result, [current[1]]] : [...result, []];
  }, []);
}
function ExtendsMapping(input) {
  return guard_exports.IsEqual(input.length, 6) ? [input[1], input[3], input[5]] : [];
}
function BaseMapping(input) {
  return guard_exports.IsArray(input) && guard_exports.IsEqual(input.length, 3) ? input[1] : input;
}
function WithMapping(input) {
  return guard_exports.IsEqual(input.length, 2) ? input[1] : [];
}
function FactorIndexArray(Type2, indexArray) {
  return indexArray.reduce((result, left) => {
    const _left = left;
    return guard_exports.IsEqual(_left.length, 1) ? IndexDeferred(result, _left[0]) : guard_exports.IsEqual(_left.length, 0) ? _Array_(result) : Unreachable2();
  }, Type2);
}
function FactorExtends(type, extend) {
  return guard_exports.IsEqual(extend.length, 3) ? ConditionalDeferred(type, extend[0], extend[1], extend[2]) : type;
}
function FactorWith(type, withClause) {
  return guard_exports.IsArray(withClause) && guard_exports.IsEqual(withClause.length, 0) ? type : WithDeferred(type, withClause);
}
function FactorMapping(input) {
  const [keyOf, type, indexArray, extend, withClause] = input;
  return FactorWith(keyOf ? FactorExtends(KeyOfDeferred(FactorIndexArray(type, indexArray)), extend) : FactorExtends(FactorIndexArray(type, indexArray), extend), withClause);
}
function ExprBinaryMapping(left, rest) {
  return guard_exports.IsEqual(rest.length, 3) ? (() => {
    const [operator, right, next] = rest;
    const Schema = ExprBinaryMapping(right, next);
    if (guard_exports.IsEqual(operator, "&")) {
      return IsIntersect(Schema) ? Intersect([left, ...Schema.allOf]) : Intersect([left, Schema]);
    }
    if (guard_exports.IsEqual(operator, "|")) {
      return IsUnion(Schema) ? Union([left, ...Schema.anyOf]) : Union([left, Schema]);
    }
    Unreachable2();
  })() : left;
}
function ExprTermTailMapping(input) {
  return input;
}
function ExprTermMapping(input) {
  const [left, rest] = input;
  return ExprBinaryMapping(left, rest);
}
function ExprTailMapping(input) {
  return input;
}
function ExprMapping(input) {
  const [left, rest] = input;
  return ExprBinaryMapping(left, rest);
}
function ExprReadonlyMapping(input) {
  return AddImmutableDeferred(input[1]);
}
function ExprPipeMapping(input) {
  return input[1];
}
function GenericTypeMapping(input) {
  return Generic(input[0], input[2]);
}
function InferTypeMapping(input) {
  return guard_exports.IsEqual(input.length, 4) ? Infer(input[1], input[3]) : guard_exports.IsEqual(input.length, 2) ? Infer(input[1], Unknown()) : Unreachable2();
}
function TypeMapping(input) {
  return input;
}
function PropertyKeyNumberMapping(input) {
  return `${input}`;
}
function PropertyKeyIdentMapping(input) {
  return input;
}
function PropertyKeyQuotedMapping(input) {
  return input;
}
function PropertyKeyIndexMapping(input) {
  return IsInteger2(input[3]) ? IntegerKey : IsNumber3(input[3]) ? NumberKey : IsSymbol2(input[3]) ? StringKey : IsString3(input[3]) ? StringKey : Unreachable2();
}
function PropertyKeyMapping(input) {
  return input;
}
function ReadonlyMapping(input) {
  return input.length > 0;
}
function OptionalMapping(input) {
  return input.length > 0;
}
function PropertyMapping(input) {
  const [isReadonly, key, isOptional, _colon, type] = input;
  return {
    [key]: isReadonly && isOptional ? AddReadonlyDeferred(AddOptionalDeferred(type)) : isReadonly && !isOptional ? AddReadonlyDeferred(type) : !isReadonly && isOptional ? AddOptionalDeferred(type) : type
  };
}
function PropertyDelimiterMapping(input) {
  return input;
}
function PropertyListMapping(input) {
  return Delimited(input);
}
function PropertiesReduce(propertyList) {
  return propertyList.reduce((result, left) => {
    const isPatternProperties = guard_exports.HasPropertyKey(left, IntegerKey) || guard_exports.HasPropertyKey(left, NumberKey) || guard_exports.HasPropertyKey(left, StringKey);
    return isPatternProperties ? [result[0], memory_exports.Assign(result[1], left)] : [memory_exports.Assign(result[0], left), result[1]];
  }, [{}, {}]);
}
function PropertiesMapping(input) {
  return PropertiesReduce(input[1]);
}
function _Object_Mapping(input) {
  const [properties, patternProperties] = input;
  const options = guard_exports.IsEqual(guard_exports.Keys(patternProperties).length, 0) ? {} : { patternProperties };
  return _Object_(properties, options);
}
function ElementNamedMapping(input) {
  return guard_exports.IsEqual(input.length, 5) ? AddReadonlyDeferred(AddOptionalDeferred(input[4])) : guard_exports.IsEqual(input.length, 3) ? input[2] : guard_exports.IsEqual(input.length, 4) ? guard_exports.IsEqual(input[2], "readonly") ? AddReadonlyDeferred(input[3]) : AddOptionalDeferred(input[3]) : Unreachable2();
}
function ElementBaseMapping(input) {
  if (!guard_exports.IsArray(input) || !guard_exports.IsEqual(input.length, 3))
    return input;
  const [isReadonly, type, isOptional] = input;
  return isReadonly && isOptional ? AddReadonlyDeferred(AddOptionalDeferred(type)) : isReadonly && !isOptional ? AddReadonlyDeferred(type) : !isReadonly && isOptional ? AddOptionalDeferred(type) : type;
}
function ElementMapping(input) {
  return guard_exports.IsEqual(input.length, 2) ? Rest(input[1]) : guard_exports.IsEqual(input.length, 1) ? input[0] : Unreachable2();
}
function ElementListMapping(input) {
  return Delimited(input);
}
function _Tuple_Mapping(input) {
  return Tuple(input[1]);
}
function ParameterReadonlyOptionalMapping(input) {
  return AddReadonlyDeferred(AddOptionalDeferred(input[4]));
}
function ParameterReadonlyMapping(input) {
  return AddReadonlyDeferred(input[3]);
}
function ParameterOptionalMapping(input) {
  return AddOptionalDeferred(input[3]);
}
function ParameterTypeMapping(input) {
  return input[2];
}
function ParameterBaseMapping(input) {
  return input;
}
function ParameterMapping(input) {
  return guard_exports.IsEqual(input.length, 2) ? Rest(input[1]) : guard_exports.IsEqual(input.length, 1) ? input[0] : Unreachable2();
}
function ParameterListMapping(input) {
  return Delimited(input);
}
function _Function_Mapping(input) {
  return _Function_(input[1], input[4]);
}
function _Constructor_Mapping(input) {
  return Constructor(input[2], input[5]);
}
function ApplyReadonly(state, type) {
  return guard_exports.IsEqual(state, "remove") ? RemoveReadonlyDeferred(type) : guard_exports.IsEqual(state, "add") ? AddReadonlyDeferred(type) : type;
}
function MappedReadonlyMapping(input) {
  return guard_exports.IsEqual(input.length, 2) && guard_exports.IsEqual(input[0], "-") ? "remove" : guard_exports.IsEqual(input.length, 2) && guard_exports.IsEqual(input[0], "+") ? "add" : guard_exports.IsEqual(input.length, 1) ? "add" : "none";
}
function ApplyOptional(state, type) {
  return guard_exports.IsEqual(state, "remove") ? RemoveOptionalDeferred(type) : guard_exports.IsEqual(state, "add") ? AddOptionalDeferred(type) : type;
}
function MappedOptionalMapping(input) {
  return guard_exports.IsEqual(input.length, 2) && guard_exports.IsEqual(input[0], "-") ? "remove" : guard_exports.IsEqual(input.length, 2) && guard_exports.IsEqual(input[0], "+") ? "add" : guard_exports.IsEqual(input.length, 1) ? "add" : "none";
}
function MappedAsMapping(input) {
  return guard_exports.IsEqual(input.length, 2) ? [input[1]] : [];
}
function _Mapped_Mapping(input) {
  return guard_exports.IsArray(input[6]) && guard_exports.IsEqual(input[6].length, 1) ? MappedDeferred(Identifier(input[3]), input[5], input[6][0], ApplyReadonly(input[1], ApplyOptional(input[8], input[10]))) : MappedDeferred(Identifier(input[3]), input[5], Ref(input[3]), ApplyReadonly(input[1], ApplyOptional(input[8], input[10])));
}
function ReferenceMapping(input) {
  return Ref(input);
}
function WithBigIntMapping(input) {
  return BigInt(input);
}
function WithNumberMapping(input) {
  return parseFloat(input);
}
function WithBooleanMapping(input) {
  return guard_exports.IsEqual(input, "true");
}
function WithStringMapping(input) {
  return input;
}
function WithNullMapping(input) {
  return null;
}
function WithUndefinedMapping(input) {
  return void 0;
}
function WithPropertyMapping(input) {
  return { [input[0]]: input[2] };
}
function WithPropertyListMapping(input) {
  return Delimited(input);
}
function WithObjectMappingReduce(propertyList) {
  return propertyList.reduce((result, left) => {
    return memory_exports.Assign(result, left);
  }, {});
}
function WithObjectMapping(input) {
  return WithObjectMappingReduce(input[1]);
}
function WithElementListMapping(input) {
  return Delimited(input);
}
function WithArrayMapping(input) {
  return input[1];
}
function WithValueMapping(input) {
  return input;
}
function PatternBigIntMapping(input) {
  return BigInt2();
}
function PatternStringMapping(input) {
  return String2();
}
function PatternNumberMapping(input) {
  return Number2();
}
function PatternIntegerMapping(input) {
  return Integer();
}
function PatternNeverMapping(input) {
  return Never();
}
function PatternTextMapping(input) {
  return Literal(input);
}
function PatternBaseMapping(input) {
  return input;
}
function PatternGroupMapping(input) {
  return Union(input[1]);
}
function PatternUnionMapping(input) {
  return input.length === 3 ? [...input[0], ...input[2]] : input.length === 1 ? [...input[0]] : [];
}
function PatternTermMapping(input) {
  return [input[0], ...input[1]];
}
function PatternBodyMapping(input) {
  return input;
}
function PatternMapping(input) {
  return input[1];
}
function InterfaceDeclarationHeritageListMapping(input) {
  return Delimited(input);
}
function InterfaceDeclarationHeritageMapping(input) {
  return guard_exports.IsEqual(input.length, 2) ? input[1] : [];
}
function InterfaceDeclarationGenericMapping(input) {
  const parameters = input[2];
  const heritage = input[3];
  const [properties, patternProperties] = input[4];
  const options = guard_exports.IsEqual(guard_exports.Keys(patternProperties).length, 0) ? {} : { patternProperties };
  return { [input[1]]: Generic(parameters, InterfaceDeferred(heritage, properties, options)) };
}
function InterfaceDeclarationMapping(input) {
  const heritage = input[2];
  const [properties, patternProperties] = input[3];
  const options = guard_exports.IsEqual(guard_exports.Keys(patternProperties).length, 0) ? {} : { patternProperties };
  return { [input[1]]: InterfaceDeferred(heritage, properties, options) };
}
function TypeAliasDeclarationGenericMapping(input) {
  return { [input[1]]: Generic(input[2], input[4]) };
}
function TypeAliasDeclarationMapping(input) {
  return { [input[1]]: input[3] };
}
function ExportKeywordMapping(input) {
  return null;
}
function ModuleDeclarationDelimiterMapping(input) {
  return input;
}
function ModuleDeclarationListMapping(input) {
  return Delimited(input);
}
function ModuleDeclarationMapping(input) {
  return input[1];
}
function ModuleMapping(input) {
  const [moduleDeclaration, moduleDeclarationList] = [input[0], input[1]];
  return ModuleDeferred(memory_exports.Assign(moduleDeclaration, PropertiesReduce(moduleDeclarationList)[0]));
}
function ScriptMapping(input) {
  return input;
}

// node_modules/typebox/build/type/script/token/internal/match.mjs
function IsMatch(value) {
  return IsEqual(value.length, 2);
}
function Match2(input, ok, fail) {
  return IsMatch(input) ? ok(input[0], input[1]) : fail();
}

// node_modules/typebox/build/type/script/token/internal/take.mjs
function TakeVariant(variant, input) {
  return IsEqual(input.indexOf(variant), 0) ? [variant, input.slice(variant.length)] : [];
}
function Take(variants, input) {
  for (let i = 0; i < variants.length; i++) {
    const result = TakeVariant(variants[i], input);
    if (IsMatch(result))
      return result;
  }
  return [];
}

// node_modules/typebox/build/type/script/token/internal/char.mjs
function Range(start, end) {
  return Array.from({ length: end - start + 1 }, (_, i) => String.fromCharCode(start + i));
}
var Alpha = [
  ...Range(97, 122),
  // Lowercase
  ...Range(65, 90)
  // Uppercase
];
var Zero = "0";
var NonZero = Range(49, 57);
var Digit = [Zero, ...NonZero];
var WhiteSpace = " ";
var NewLine = "\n";
var UnderScore = "_";
var Dot = ".";
var DollarSign = "$";
var Hyphen = "-";

// node_modules/typebox/build/type/script/token/internal/trim.mjs
var LineComment = "//";
var OpenComment = "/*";
var CloseComment = "*/";
function DiscardMultilineComment(input) {
  const index2 = input.indexOf(CloseComment);
  const result = IsEqual(index2, -1) ? "" : input.slice(index2 + 2);
  return result;
}
function DiscardLineComment(input) {
  const index2 = input.indexOf(NewLine);
  const result = IsEqual(index2, -1) ? "" : input.slice(index2);
  return result;
}
function TrimStartUntilNewline(input) {
  return input.replace(/^[ \t\r\f\v]+/, "");
}
function TrimWhitespace(input) {
  const trimmed = TrimStartUntilNewline(input);
  return trimmed.startsWith(OpenComment) ? TrimWhitespace(DiscardMultilineComment(trimmed.slice(2))) : trimmed.startsWith(LineComment) ? TrimWhitespace(DiscardLineComment(trimmed.slice(2))) : trimmed;
}
function Trim(input) {
  const trimmed = input.trimStart();
  return trimmed.startsWith(OpenComment) ? Trim(DiscardMultilineComment(trimmed.slice(2))) : trimmed.startsWith(LineComment) ? Trim(DiscardLineComment(trimmed.slice(2))) : trimmed;
}

// node_modules/typebox/build/type/script/token/internal/optional.mjs
function Optional2(value, input) {
  return Match2(Take([value], input), (Optional4, Rest2) => [Optional4, Rest2], () => ["", input]);
}

// node_modules/typebox/build/type/script/token/internal/many.mjs
function IsDiscard(discard, input) {
  return discard.includes(input);
}
function Many(allowed, discard, input, result = "") {
  return Match2(Take(allowed, input), (Char, Rest2) => IsDiscard(discard, Char) ? Many(allowed, discard, Rest2, result) : Many(allowed, discard, Rest2, `${result}${Char}`), () => [result, input]);
}

// node_modules/typebox/build/type/script/token/unsigned_integer.mjs
function TakeNonZero(input) {
  return Take(NonZero, input);
}
var AllowedDigits = [...Digit, UnderScore];
function TakeDigits(input) {
  return Many(AllowedDigits, [UnderScore], input);
}
function TakeUnsignedInteger(input) {
  return Match2(Take([Zero], input), (Zero2, ZeroRest) => [Zero2, ZeroRest], () => Match2(
    TakeNonZero(input),
    (NonZero2, NonZeroRest) => Match2(TakeDigits(NonZeroRest), (Digits, DigitsRest) => [`${NonZero2}${Digits}`, DigitsRest], () => []),
    // fail: did not match Digits
    () => []
  ));
}
function UnsignedInteger(input) {
  return TakeUnsignedInteger(Trim(input));
}

// node_modules/typebox/build/type/script/token/integer.mjs
function TakeSign(input) {
  return Optional2(Hyphen, input);
}
function TakeSignedInteger(input) {
  return Match2(
    TakeSign(input),
    (Sign, SignRest) => Match2(UnsignedInteger(SignRest), (UnsignedInteger2, UnsignedIntegerRest) => [`${Sign}${UnsignedInteger2}`, UnsignedIntegerRest], () => []),
    // fail: did not match unsigned integer
    () => []
  );
}
function Integer2(input) {
  return TakeSignedInteger(Trim(input));
}

// node_modules/typebox/build/type/script/token/bigint.mjs
function TakeBigInt(input) {
  return Match2(
    Integer2(input),
    (Integer3, IntegerRest) => Match2(Take(["n"], IntegerRest), (_N, NRest) => [`${Integer3}`, NRest], () => []),
    // fail: did not match 'n'
    () => []
  );
}
function BigInt3(input) {
  return TakeBigInt(input);
}

// node_modules/typebox/build/type/script/token/const.mjs
function TakeConst(const_, input) {
  return Take([const_], input);
}
function Const(const_, input) {
  return IsEqual(const_, "") ? ["", input] : const_.startsWith(NewLine) ? TakeConst(const_, TrimWhitespace(input)) : const_.startsWith(WhiteSpace) ? TakeConst(const_, input) : TakeConst(const_, Trim(input));
}

// node_modules/typebox/build/type/script/token/ident.mjs
var Initial = [...Alpha, UnderScore, DollarSign];
function TakeInitial(input) {
  return Take(Initial, input);
}
var Remaining = [...Initial, ...Digit];
function TakeRemaining(input, result = "") {
  return Match2(Take(Remaining, input), (Remaining2, RemainingRest) => TakeRemaining(RemainingRest, `${result}${Remaining2}`), () => [result, input]);
}
function TakeIdent(input) {
  return Match2(
    TakeInitial(input),
    (Initial2, InitialRest) => Match2(TakeRemaining(InitialRest), (Remaining2, RemainingRest) => [`${Initial2}${Remaining2}`, RemainingRest], () => []),
    // fail: did not match Remaining
    () => []
  );
}
function Ident(input) {
  return TakeIdent(Trim(input));
}

// node_modules/typebox/build/type/script/token/unsigned_number.mjs
var AllowedDigits2 = [...Digit, UnderScore];
function IsLeadingDot(input) {
  return IsMatch(Take([Dot], input));
}
function TakeFractional(input) {
  return Match2(Many(AllowedDigits2, [UnderScore], input), (Digits, DigitsRest) => IsEqual(Digits, "") ? [] : [Digits, DigitsRest], () => []);
}
function LeadingDot(input) {
  return Match2(
    Take([Dot], input),
    (Dot2, DotRest) => Match2(TakeFractional(DotRest), (Fractional, FractionalRest) => [`0${Dot2}${Fractional}`, FractionalRest], () => []),
    // fail: did not match Fractional
    () => []
  );
}
function LeadingInteger(input) {
  return Match2(
    UnsignedInteger(input),
    (Integer3, IntegerRest) => Match2(
      Take([Dot], IntegerRest),
      (Dot2, DotRest) => Match2(TakeFractional(DotRest), (Fractional, FractionalRest) => [`${Integer3}${Dot2}${Fractional}`, FractionalRest], () => [`${Integer3}`, DotRest]),
      // fail: did not match Fractional, use Integer
      () => [`${Integer3}`, IntegerRest]
    ),
    // fail: did not match Dot, use Integer
    () => []
  );
}
function TakeUnsignedNumber(input) {
  return IsLeadingDot(input) ? LeadingDot(input) : LeadingInteger(input);
}
function UnsignedNumber(input) {
  return TakeUnsignedNumber(Trim(input));
}

// node_modules/typebox/build/type/script/token/number.mjs
function TakeSign2(input) {
  return Optional2(Hyphen, input);
}
function TakeSignedNumber(input) {
  return Match2(
    TakeSign2(input),
    (Sign, SignRest) => Match2(UnsignedNumber(SignRest), (UnsignedInteger2, UnsignedIntegerRest) => [`${Sign}${UnsignedInteger2}`, UnsignedIntegerRest], () => []),
    // fail: did not match unsigned integer
    () => []
  );
}
function Number3(input) {
  return TakeSignedNumber(Trim(input));
}

// node_modules/typebox/build/type/script/token/until.mjs
function TakeOne(input) {
  const result = IsEqual(input, "") ? [] : [input.slice(0, 1), input.slice(1)];
  return result;
}
function IsInputMatchSentinal(end, input) {
  return ShiftLeft(end, (left, right) => input.startsWith(left) ? true : IsInputMatchSentinal(right, input), () => false);
}
function Until(end, input, result = "") {
  return Match2(
    TakeOne(input),
    (One, Rest2) => IsInputMatchSentinal(end, input) ? [result, input] : Until(end, Rest2, `${result}${One}`),
    () => []
  );
}

// node_modules/typebox/build/type/script/token/span.mjs
function MultiLine(start, end, input) {
  return Match2(
    Take([start], input),
    (_, Rest2) => Match2(
      Until([end], Rest2),
      (Until2, UntilRest) => Match2(Take([end], UntilRest), (_2, Rest3) => [`${Until2}`, Rest3], () => []),
      // fail: did not match End
      () => []
    ),
    // fail: did not match Until
    () => []
  );
}
function SingleLine(start, end, input) {
  return Match2(
    Take([start], input),
    (_, Rest2) => Match2(
      Until([NewLine, end], Rest2),
      (Until2, UntilRest) => Match2(Take([end], UntilRest), (_2, EndRest) => [`${Until2}`, EndRest], () => []),
      // fail: did not match End
      () => []
    ),
    // fail: did not match Until
    () => []
  );
}
function Span(start, end, multiLine, input) {
  return multiLine ? MultiLine(start, end, Trim(input)) : SingleLine(start, end, Trim(input));
}

// node_modules/typebox/build/type/script/token/string.mjs
function TakeInitial2(quotes, input) {
  return Take(quotes, input);
}
function TakeSpan(quote, input) {
  return Span(quote, quote, false, input);
}
function TakeString(quotes, input) {
  return Match2(TakeInitial2(quotes, input), (Initial2, InitialRest) => TakeSpan(Initial2, `${Initial2}${InitialRest}`), () => []);
}
function String3(quotes, input) {
  return TakeString(quotes, Trim(input));
}

// node_modules/typebox/build/type/script/token/until_1.mjs
function Until_1(end, input) {
  return Match2(Until(end, input), (Until2, UntilRest) => IsEqual(Until2, "") ? [] : [Until2, UntilRest], () => []);
}

// node_modules/typebox/build/type/script/parser.mjs
var If = (result, left, right = () => []) => result.length === 2 ? left(result) : right();
var GenericParameterExtendsEquals = (input) => If(If(Ident(input), ([_0, input2]) => If(Const("extends", input2), ([_1, input3]) => If(Type(input3), ([_2, input4]) => If(Const("=", input4), ([_3, input5]) => If(Type(input5), ([_4, input6]) => [[_0, _1, _2, _3, _4], input6]))))), ([_0, input2]) => [GenericParameterExtendsEqualsMapping(_0), input2]);
var GenericParameterExtends = (input) => If(If(Ident(input), ([_0, input2]) => If(Const("extends", input2), ([_1, input3]) => If(Type(input3), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [GenericParameterExtendsMapping(_0), input2]);
var GenericParameterEquals = (input) => If(If(Ident(input), ([_0, input2]) => If(Const("=", input2), ([_1, input3]) => If(Type(input3), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [GenericParameterEqualsMapping(_0), input2]);
var GenericParameterIdentifier = (input) => If(Ident(input), ([_0, input2]) => [GenericParameterIdentifierMapping(_0), input2]);
var GenericParameter = (input) => If(If(GenericParameterExtendsEquals(input), ([_0, input2]) => [_0, input2], () => If(GenericParameterExtends(input), ([_0, input2]) => [_0, input2], () => If(GenericParameterEquals(input), ([_0, input2]) => [_0, input2], () => If(GenericParameterIdentifier(input), ([_0, input2]) => [_0, input2], () => [])))), ([_0, input2]) => [GenericParameterMapping(_0), input2]);
var GenericParameterList_0 = (input, result = []) => If(If(Const(",", input), ([_0, input2]) => If(GenericParameter(input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => GenericParameterList_0(input2, [...result, _0]), () => [result, input]);
var GenericParameterList = (input) => If(If(If(GenericParameter(input), ([_0, input2]) => If(GenericParameterList_0(input2), ([_1, input3]) => If(If(Const(",", input3), ([_02, input4]) => [[_02], input4], () => [[], input3]), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [_0, input2], () => If([[], input], ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => [GenericParameterListMapping(_0), input2]);
var GenericParameters = (input) => If(If(Const("<", input), ([_0, input2]) => If(GenericParameterList(input2), ([_1, input3]) => If(Const(">", input3), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [GenericParametersMapping(_0), input2]);
var GenericCallArgumentList_0 = (input, result = []) => If(If(Const(",", input), ([_0, input2]) => If(Type(input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => GenericCallArgumentList_0(input2, [...result, _0]), () => [result, input]);
var GenericCallArgumentList = (input) => If(If(If(Type(input), ([_0, input2]) => If(GenericCallArgumentList_0(input2), ([_1, input3]) => If(If(Const(",", input3), ([_02, input4]) => [[_02], input4], () => [[], input3]), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [_0, input2], () => If([[], input], ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => [GenericCallArgumentListMapping(_0), input2]);
var GenericCallArguments = (input) => If(If(Const("<", input), ([_0, input2]) => If(GenericCallArgumentList(input2), ([_1, input3]) => If(Const(">", input3), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [GenericCallArgumentsMapping(_0), input2]);
var GenericCall = (input) => If(If(Ident(input), ([_0, input2]) => If(GenericCallArguments(input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => [GenericCallMapping(_0), input2]);
var OptionalSemiColon = (input) => If(If(If(Const(";", input), ([_0, input2]) => [[_0], input2]), ([_0, input2]) => [_0, input2], () => If([[], input], ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => [OptionalSemiColonMapping(_0), input2]);
var KeywordString = (input) => If(Const("string", input), ([_0, input2]) => [KeywordStringMapping(_0), input2]);
var KeywordNumber = (input) => If(Const("number", input), ([_0, input2]) => [KeywordNumberMapping(_0), input2]);
var KeywordBoolean = (input) => If(Const("boolean", input), ([_0, input2]) => [KeywordBooleanMapping(_0), input2]);
var KeywordUndefined = (input) => If(Const("undefined", input), ([_0, input2]) => [KeywordUndefinedMapping(_0), input2]);
var KeywordNull = (input) => If(Const("null", input), ([_0, input2]) => [KeywordNullMapping(_0), input2]);
var KeywordInteger = (input) => If(Const("integer", input), ([_0, input2]) => [KeywordIntegerMapping(_0), input2]);
var KeywordBigInt = (input) => If(Const("bigint", input), ([_0, input2]) => [KeywordBigIntMapping(_0), input2]);
var KeywordUnknown = (input) => If(Const("unknown", input), ([_0, input2]) => [KeywordUnknownMapping(_0), input2]);
var KeywordAny = (input) => If(Const("any", input), ([_0, input2]) => [KeywordAnyMapping(_0), input2]);
var KeywordObject = (input) => If(Const("object", input), ([_0, input2]) => [KeywordObjectMapping(_0), input2]);
var KeywordNever = (input) => If(Const("never", input), ([_0, input2]) => [KeywordNeverMapping(_0), input2]);
var KeywordSymbol = (input) => If(Const("symbol", input), ([_0, input2]) => [KeywordSymbolMapping(_0), input2]);
var KeywordVoid = (input) => If(Const("void", input), ([_0, input2]) => [KeywordVoidMapping(_0), input2]);
var KeywordThis = (input) => If(Const("this", input), ([_0, input2]) => [KeywordThisMapping(_0), input2]);
var TemplateInterpolate = (input) => If(If(Const("${", input), ([_0, input2]) => If(Type(input2), ([_1, input3]) => If(Const("}", input3), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [TemplateInterpolateMapping(_0), input2]);
var TemplateSpan = (input) => If(Until(["${", "`"], input), ([_0, input2]) => [TemplateSpanMapping(_0), input2]);
var TemplateBody = (input) => If(If(If(TemplateSpan(input), ([_0, input2]) => If(TemplateInterpolate(input2), ([_1, input3]) => If(TemplateBody(input3), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [_0, input2], () => If(If(TemplateSpan(input), ([_0, input2]) => [[_0], input2]), ([_0, input2]) => [_0, input2], () => If(If(TemplateSpan(input), ([_0, input2]) => [[_0], input2]), ([_0, input2]) => [_0, input2], () => []))), ([_0, input2]) => [TemplateBodyMapping(_0), input2]);
var TemplateLiteralTypes = (input) => If(If(Const("`", input), ([_0, input2]) => If(TemplateBody(input2), ([_1, input3]) => If(Const("`", input3), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [TemplateLiteralTypesMapping(_0), input2]);
var TemplateLiteral = (input) => If(TemplateLiteralTypes(input), ([_0, input2]) => [TemplateLiteralMapping(_0), input2]);
var Dependent2 = (input) => If(If(If(Const("if", input), ([_0, input2]) => If(Type(input2), ([_1, input3]) => If(Const("then", input3), ([_2, input4]) => If(Type(input4), ([_3, input5]) => If(Const("else", input5), ([_4, input6]) => If(Type(input6), ([_5, input7]) => [[_0, _1, _2, _3, _4, _5], input7])))))), ([_0, input2]) => [_0, input2], () => If(If(Const("if", input), ([_0, input2]) => If(Type(input2), ([_1, input3]) => If(Const("then", input3), ([_2, input4]) => If(Type(input4), ([_3, input5]) => [[_0, _1, _2, _3], input5])))), ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => [DependentMapping(_0), input2]);
var LiteralBigInt = (input) => If(BigInt3(input), ([_0, input2]) => [LiteralBigIntMapping(_0), input2]);
var LiteralBoolean = (input) => If(If(Const("true", input), ([_0, input2]) => [_0, input2], () => If(Const("false", input), ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => [LiteralBooleanMapping(_0), input2]);
var LiteralNumber = (input) => If(Number3(input), ([_0, input2]) => [LiteralNumberMapping(_0), input2]);
var LiteralString = (input) => If(String3(["'", '"'], input), ([_0, input2]) => [LiteralStringMapping(_0), input2]);
var KeyOf = (input) => If(If(If(Const("keyof", input), ([_0, input2]) => [[_0], input2]), ([_0, input2]) => [_0, input2], () => If([[], input], ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => [KeyOfMapping(_0), input2]);
var IndexArray_0 = (input, result = []) => If(If(If(Const("[", input), ([_0, input2]) => If(Type(input2), ([_1, input3]) => If(Const("]", input3), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [_0, input2], () => If(If(Const("[", input), ([_0, input2]) => If(Const("]", input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => IndexArray_0(input2, [...result, _0]), () => [result, input]);
var IndexArray = (input) => If(IndexArray_0(input), ([_0, input2]) => [IndexArrayMapping(_0), input2]);
var Extends2 = (input) => If(If(If(Const("extends", input), ([_0, input2]) => If(Type(input2), ([_1, input3]) => If(Const("?", input3), ([_2, input4]) => If(Type(input4), ([_3, input5]) => If(Const(":", input5), ([_4, input6]) => If(Type(input6), ([_5, input7]) => [[_0, _1, _2, _3, _4, _5], input7])))))), ([_0, input2]) => [_0, input2], () => If([[], input], ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => [ExtendsMapping(_0), input2]);
var Base = (input) => If(If(If(Const("(", input), ([_0, input2]) => If(Type(input2), ([_1, input3]) => If(Const(")", input3), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [_0, input2], () => If(KeywordString(input), ([_0, input2]) => [_0, input2], () => If(KeywordNumber(input), ([_0, input2]) => [_0, input2], () => If(KeywordBoolean(input), ([_0, input2]) => [_0, input2], () => If(KeywordUndefined(input), ([_0, input2]) => [_0, input2], () => If(KeywordNull(input), ([_0, input2]) => [_0, input2], () => If(KeywordInteger(input), ([_0, input2]) => [_0, input2], () => If(KeywordBigInt(input), ([_0, input2]) => [_0, input2], () => If(KeywordUnknown(input), ([_0, input2]) => [_0, input2], () => If(KeywordAny(input), ([_0, input2]) => [_0, input2], () => If(KeywordObject(input), ([_0, input2]) => [_0, input2], () => If(KeywordNever(input), ([_0, input2]) => [_0, input2], () => If(KeywordSymbol(input), ([_0, input2]) => [_0, input2], () => If(KeywordVoid(input), ([_0, input2]) => [_0, input2], () => If(KeywordThis(input), ([_0, input2]) => [_0, input2], () => If(LiteralBigInt(input), ([_0, input2]) => [_0, input2], () => If(LiteralBoolean(input), ([_0, input2]) => [_0, input2], () => If(LiteralNumber(input), ([_0, input2]) => [_0, input2], () => If(LiteralString(input), ([_0, input2]) => [_0, input2], () => If(TemplateLiteral(input), ([_0, input2]) => [_0, input2], () => If(Dependent2(input), ([_0, input2]) => [_0, input2], () => If(_Object_2(input), ([_0, input2]) => [_0, input2], () => If(_Tuple_(input), ([_0, input2]) => [_0, input2], () => If(_Constructor_(input), ([_0, input2]) => [_0, input2], () => If(_Function_2(input), ([_0, input2]) => [_0, input2], () => If(_Mapped_(input), ([_0, input2]) => [_0, input2], () => If(GenericCall(input), ([_0, input2]) => [_0, input2], () => If(Reference(input), ([_0, input2]) => [_0, input2], () => [])))))))))))))))))))))))))))), ([_0, input2]) => [BaseMapping(_0), input2]);
var With = (input) => If(If(If(Const("with", input), ([_0, input2]) => If(WithObject(input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => [_0, input2], () => If([[], input], ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => [WithMapping(_0), input2]);
var Factor = (input) => If(If(KeyOf(input), ([_0, input2]) => If(Base(input2), ([_1, input3]) => If(IndexArray(input3), ([_2, input4]) => If(Extends2(input4), ([_3, input5]) => If(With(input5), ([_4, input6]) => [[_0, _1, _2, _3, _4], input6]))))), ([_0, input2]) => [FactorMapping(_0), input2]);
var ExprTermTail = (input) => If(If(If(Const("&", input), ([_0, input2]) => If(Factor(input2), ([_1, input3]) => If(ExprTermTail(input3), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [_0, input2], () => If([[], input], ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => [ExprTermTailMapping(_0), input2]);
var ExprTerm = (input) => If(If(Factor(input), ([_0, input2]) => If(ExprTermTail(input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => [ExprTermMapping(_0), input2]);
var ExprTail = (input) => If(If(If(Const("|", input), ([_0, input2]) => If(ExprTerm(input2), ([_1, input3]) => If(ExprTail(input3), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [_0, input2], () => If([[], input], ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => [ExprTailMapping(_0), input2]);
var Expr = (input) => If(If(ExprTerm(input), ([_0, input2]) => If(ExprTail(input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => [ExprMapping(_0), input2]);
var ExprReadonly = (input) => If(If(Const("readonly", input), ([_0, input2]) => If(Expr(input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => [ExprReadonlyMapping(_0), input2]);
var ExprPipe = (input) => If(If(Const("|", input), ([_0, input2]) => If(Expr(input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => [ExprPipeMapping(_0), input2]);
var GenericType = (input) => If(If(GenericParameters(input), ([_0, input2]) => If(Const("=", input2), ([_1, input3]) => If(Type(input3), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [GenericTypeMapping(_0), input2]);
var InferType = (input) => If(If(If(Const("infer", input), ([_0, input2]) => If(Ident(input2), ([_1, input3]) => If(Const("extends", input3), ([_2, input4]) => If(Expr(input4), ([_3, input5]) => [[_0, _1, _2, _3], input5])))), ([_0, input2]) => [_0, input2], () => If(If(Const("infer", input), ([_0, input2]) => If(Ident(input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => [InferTypeMapping(_0), input2]);
var Type = (input) => If(If(InferType(input), ([_0, input2]) => [_0, input2], () => If(ExprPipe(input), ([_0, input2]) => [_0, input2], () => If(ExprReadonly(input), ([_0, input2]) => [_0, input2], () => If(Expr(input), ([_0, input2]) => [_0, input2], () => [])))), ([_0, input2]) => [TypeMapping(_0), input2]);
var PropertyKeyNumber = (input) => If(Number3(input), ([_0, input2]) => [PropertyKeyNumberMapping(_0), input2]);
var PropertyKeyIdent = (input) => If(Ident(input), ([_0, input2]) => [PropertyKeyIdentMapping(_0), input2]);
var PropertyKeyQuoted = (input) => If(String3(["'", '"'], input), ([_0, input2]) => [PropertyKeyQuotedMapping(_0), input2]);
var PropertyKeyIndex = (input) => If(If(Const("[", input), ([_0, input2]) => If(Ident(input2), ([_1, input3]) => If(Const(":", input3), ([_2, input4]) => If(If(KeywordInteger(input4), ([_02, input5]) => [_02, input5], () => If(KeywordNumber(input4), ([_02, input5]) => [_02, input5], () => If(KeywordString(input4), ([_02, input5]) => [_02, input5], () => If(KeywordSymbol(input4), ([_02, input5]) => [_02, input5], () => [])))), ([_3, input5]) => If(Const("]", input5), ([_4, input6]) => [[_0, _1, _2, _3, _4], input6]))))), ([_0, input2]) => [PropertyKeyIndexMapping(_0), input2]);
var PropertyKey = (input) => If(If(PropertyKeyNumber(input), ([_0, input2]) => [_0, input2], () => If(PropertyKeyIdent(input), ([_0, input2]) => [_0, input2], () => If(PropertyKeyQuoted(input), ([_0, input2]) => [_0, input2], () => If(PropertyKeyIndex(input), ([_0, input2]) => [_0, input2], () => [])))), ([_0, input2]) => [PropertyKeyMapping(_0), input2]);
var Readonly2 = (input) => If(If(If(Const("readonly", input), ([_0, input2]) => [[_0], input2]), ([_0, input2]) => [_0, input2], () => If([[], input], ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => [ReadonlyMapping(_0), input2]);
var Optional3 = (input) => If(If(If(Const("?", input), ([_0, input2]) => [[_0], input2]), ([_0, input2]) => [_0, input2], () => If([[], input], ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => [OptionalMapping(_0), input2]);
var Property = (input) => If(If(Readonly2(input), ([_0, input2]) => If(PropertyKey(input2), ([_1, input3]) => If(Optional3(input3), ([_2, input4]) => If(Const(":", input4), ([_3, input5]) => If(Type(input5), ([_4, input6]) => [[_0, _1, _2, _3, _4], input6]))))), ([_0, input2]) => [PropertyMapping(_0), input2]);
var PropertyDelimiter = (input) => If(If(If(Const(",", input), ([_0, input2]) => If(Const("\n", input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => [_0, input2], () => If(If(Const(";", input), ([_0, input2]) => If(Const("\n", input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => [_0, input2], () => If(If(Const(",", input), ([_0, input2]) => [[_0], input2]), ([_0, input2]) => [_0, input2], () => If(If(Const(";", input), ([_0, input2]) => [[_0], input2]), ([_0, input2]) => [_0, input2], () => If(If(Const("\n", input), ([_0, input2]) => [[_0], input2]), ([_0, input2]) => [_0, input2], () => []))))), ([_0, input2]) => [PropertyDelimiterMapping(_0), input2]);
var PropertyList_0 = (input, result = []) => If(If(PropertyDelimiter(input), ([_0, input2]) => If(Property(input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => PropertyList_0(input2, [...result, _0]), () => [result, input]);
var PropertyList = (input) => If(If(If(Property(input), ([_0, input2]) => If(PropertyList_0(input2), ([_1, input3]) => If(If(PropertyDelimiter(input3), ([_02, input4]) => [[_02], input4], () => [[], input3]), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [_0, input2], () => If([[], input], ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => [PropertyListMapping(_0), input2]);
var Properties = (input) => If(If(Const("{", input), ([_0, input2]) => If(PropertyList(input2), ([_1, input3]) => If(Const("}", input3), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [PropertiesMapping(_0), input2]);
var _Object_2 = (input) => If(Properties(input), ([_0, input2]) => [_Object_Mapping(_0), input2]);
var ElementNamed = (input) => If(If(If(Ident(input), ([_0, input2]) => If(Const("?", input2), ([_1, input3]) => If(Const(":", input3), ([_2, input4]) => If(Const("readonly", input4), ([_3, input5]) => If(Type(input5), ([_4, input6]) => [[_0, _1, _2, _3, _4], input6]))))), ([_0, input2]) => [_0, input2], () => If(If(Ident(input), ([_0, input2]) => If(Const(":", input2), ([_1, input3]) => If(Const("readonly", input3), ([_2, input4]) => If(Type(input4), ([_3, input5]) => [[_0, _1, _2, _3], input5])))), ([_0, input2]) => [_0, input2], () => If(If(Ident(input), ([_0, input2]) => If(Const("?", input2), ([_1, input3]) => If(Const(":", input3), ([_2, input4]) => If(Type(input4), ([_3, input5]) => [[_0, _1, _2, _3], input5])))), ([_0, input2]) => [_0, input2], () => If(If(Ident(input), ([_0, input2]) => If(Const(":", input2), ([_1, input3]) => If(Type(input3), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [_0, input2], () => [])))), ([_0, input2]) => [ElementNamedMapping(_0), input2]);
var ElementBase = (input) => If(If(ElementNamed(input), ([_0, input2]) => [_0, input2], () => If(If(Readonly2(input), ([_0, input2]) => If(Type(input2), ([_1, input3]) => If(Optional3(input3), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => [ElementBaseMapping(_0), input2]);
var Element = (input) => If(If(If(Const("...", input), ([_0, input2]) => If(ElementBase(input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => [_0, input2], () => If(If(ElementBase(input), ([_0, input2]) => [[_0], input2]), ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => [ElementMapping(_0), input2]);
var ElementList_0 = (input, result = []) => If(If(Const(",", input), ([_0, input2]) => If(Element(input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => ElementList_0(input2, [...result, _0]), () => [result, input]);
var ElementList = (input) => If(If(If(Element(input), ([_0, input2]) => If(ElementList_0(input2), ([_1, input3]) => If(If(Const(",", input3), ([_02, input4]) => [[_02], input4], () => [[], input3]), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [_0, input2], () => If([[], input], ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => [ElementListMapping(_0), input2]);
var _Tuple_ = (input) => If(If(Const("[", input), ([_0, input2]) => If(ElementList(input2), ([_1, input3]) => If(Const("]", input3), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [_Tuple_Mapping(_0), input2]);
var ParameterReadonlyOptional = (input) => If(If(Ident(input), ([_0, input2]) => If(Const("?", input2), ([_1, input3]) => If(Const(":", input3), ([_2, input4]) => If(Const("readonly", input4), ([_3, input5]) => If(Type(input5), ([_4, input6]) => [[_0, _1, _2, _3, _4], input6]))))), ([_0, input2]) => [ParameterReadonlyOptionalMapping(_0), input2]);
var ParameterReadonly = (input) => If(If(Ident(input), ([_0, input2]) => If(Const(":", input2), ([_1, input3]) => If(Const("readonly", input3), ([_2, input4]) => If(Type(input4), ([_3, input5]) => [[_0, _1, _2, _3], input5])))), ([_0, input2]) => [ParameterReadonlyMapping(_0), input2]);
var ParameterOptional = (input) => If(If(Ident(input), ([_0, input2]) => If(Const("?", input2), ([_1, input3]) => If(Const(":", input3), ([_2, input4]) => If(Type(input4), ([_3, input5]) => [[_0, _1, _2, _3], input5])))), ([_0, input2]) => [ParameterOptionalMapping(_0), input2]);
var ParameterType = (input) => If(If(Ident(input), ([_0, input2]) => If(Const(":", input2), ([_1, input3]) => If(Type(input3), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [ParameterTypeMapping(_0), input2]);
var ParameterBase = (input) => If(If(ParameterReadonlyOptional(input), ([_0, input2]) => [_0, input2], () => If(ParameterReadonly(input), ([_0, input2]) => [_0, input2], () => If(ParameterOptional(input), ([_0, input2]) => [_0, input2], () => If(ParameterType(input), ([_0, input2]) => [_0, input2], () => [])))), ([_0, input2]) => [ParameterBaseMapping(_0), input2]);
var Parameter2 = (input) => If(If(If(Const("...", input), ([_0, input2]) => If(ParameterBase(input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => [_0, input2], () => If(If(ParameterBase(input), ([_0, input2]) => [[_0], input2]), ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => [ParameterMapping(_0), input2]);
var ParameterList_0 = (input, result = []) => If(If(Const(",", input), ([_0, input2]) => If(Parameter2(input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => ParameterList_0(input2, [...result, _0]), () => [result, input]);
var ParameterList = (input) => If(If(If(Parameter2(input), ([_0, input2]) => If(ParameterList_0(input2), ([_1, input3]) => If(If(Const(",", input3), ([_02, input4]) => [[_02], input4], () => [[], input3]), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [_0, input2], () => If([[], input], ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => [ParameterListMapping(_0), input2]);
var _Function_2 = (input) => If(If(Const("(", input), ([_0, input2]) => If(ParameterList(input2), ([_1, input3]) => If(Const(")", input3), ([_2, input4]) => If(Const("=>", input4), ([_3, input5]) => If(Type(input5), ([_4, input6]) => [[_0, _1, _2, _3, _4], input6]))))), ([_0, input2]) => [_Function_Mapping(_0), input2]);
var _Constructor_ = (input) => If(If(Const("new", input), ([_0, input2]) => If(Const("(", input2), ([_1, input3]) => If(ParameterList(input3), ([_2, input4]) => If(Const(")", input4), ([_3, input5]) => If(Const("=>", input5), ([_4, input6]) => If(Type(input6), ([_5, input7]) => [[_0, _1, _2, _3, _4, _5], input7])))))), ([_0, input2]) => [_Constructor_Mapping(_0), input2]);
var MappedReadonly = (input) => If(If(If(Const("+", input), ([_0, input2]) => If(Const("readonly", input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => [_0, input2], () => If(If(Const("-", input), ([_0, input2]) => If(Const("readonly", input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => [_0, input2], () => If(If(Const("readonly", input), ([_0, input2]) => [[_0], input2]), ([_0, input2]) => [_0, input2], () => If([[], input], ([_0, input2]) => [_0, input2], () => [])))), ([_0, input2]) => [MappedReadonlyMapping(_0), input2]);
var MappedOptional = (input) => If(If(If(Const("+", input), ([_0, input2]) => If(Const("?", input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => [_0, input2], () => If(If(Const("-", input), ([_0, input2]) => If(Const("?", input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => [_0, input2], () => If(If(Const("?", input), ([_0, input2]) => [[_0], input2]), ([_0, input2]) => [_0, input2], () => If([[], input], ([_0, input2]) => [_0, input2], () => [])))), ([_0, input2]) => [MappedOptionalMapping(_0), input2]);
var MappedAs = (input) => If(If(If(Const("as", input), ([_0, input2]) => If(Type(input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => [_0, input2], () => If([[], input], ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => [MappedAsMapping(_0), input2]);
var _Mapped_ = (input) => If(If(Const("{", input), ([_0, input2]) => If(MappedReadonly(input2), ([_1, input3]) => If(Const("[", input3), ([_2, input4]) => If(Ident(input4), ([_3, input5]) => If(Const("in", input5), ([_4, input6]) => If(Type(input6), ([_5, input7]) => If(MappedAs(input7), ([_6, input8]) => If(Const("]", input8), ([_7, input9]) => If(MappedOptional(input9), ([_8, input10]) => If(Const(":", input10), ([_9, input11]) => If(Type(input11), ([_10, input12]) => If(OptionalSemiColon(input12), ([_11, input13]) => If(Const("}", input13), ([_12, input14]) => [[_0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12], input14]))))))))))))), ([_0, input2]) => [_Mapped_Mapping(_0), input2]);
var Reference = (input) => If(Ident(input), ([_0, input2]) => [ReferenceMapping(_0), input2]);
var WithBigInt = (input) => If(BigInt3(input), ([_0, input2]) => [WithBigIntMapping(_0), input2]);
var WithNumber = (input) => If(Number3(input), ([_0, input2]) => [WithNumberMapping(_0), input2]);
var WithBoolean = (input) => If(If(Const("true", input), ([_0, input2]) => [_0, input2], () => If(Const("false", input), ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => [WithBooleanMapping(_0), input2]);
var WithString = (input) => If(String3(['"', "'"], input), ([_0, input2]) => [WithStringMapping(_0), input2]);
var WithNull = (input) => If(Const("null", input), ([_0, input2]) => [WithNullMapping(_0), input2]);
var WithUndefined = (input) => If(Const("undefined", input), ([_0, input2]) => [WithUndefinedMapping(_0), input2]);
var WithProperty = (input) => If(If(PropertyKey(input), ([_0, input2]) => If(Const(":", input2), ([_1, input3]) => If(WithValue(input3), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [WithPropertyMapping(_0), input2]);
var WithPropertyList_0 = (input, result = []) => If(If(PropertyDelimiter(input), ([_0, input2]) => If(WithProperty(input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => WithPropertyList_0(input2, [...result, _0]), () => [result, input]);
var WithPropertyList = (input) => If(If(If(WithProperty(input), ([_0, input2]) => If(WithPropertyList_0(input2), ([_1, input3]) => If(If(PropertyDelimiter(input3), ([_02, input4]) => [[_02], input4], () => [[], input3]), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [_0, input2], () => If([[], input], ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => [WithPropertyListMapping(_0), input2]);
var WithObject = (input) => If(If(Const("{", input), ([_0, input2]) => If(WithPropertyList(input2), ([_1, input3]) => If(Const("}", input3), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [WithObjectMapping(_0), input2]);
var WithElementList_0 = (input, result = []) => If(If(Const(",", input), ([_0, input2]) => If(WithValue(input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => WithElementList_0(input2, [...result, _0]), () => [result, input]);
var WithElementList = (input) => If(If(If(WithValue(input), ([_0, input2]) => If(WithElementList_0(input2), ([_1, input3]) => If(If(Const(",", input3), ([_02, input4]) => [[_02], input4], () => [[], input3]), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [_0, input2], () => If([[], input], ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => [WithElementListMapping(_0), input2]);
var WithArray = (input) => If(If(Const("[", input), ([_0, input2]) => If(WithElementList(input2), ([_1, input3]) => If(Const("]", input3), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [WithArrayMapping(_0), input2]);
var WithValue = (input) => If(If(WithBigInt(input), ([_0, input2]) => [_0, input2], () => If(WithNumber(input), ([_0, input2]) => [_0, input2], () => If(WithBoolean(input), ([_0, input2]) => [_0, input2], () => If(WithString(input), ([_0, input2]) => [_0, input2], () => If(WithNull(input), ([_0, input2]) => [_0, input2], () => If(WithUndefined(input), ([_0, input2]) => [_0, input2], () => If(WithObject(input), ([_0, input2]) => [_0, input2], () => If(WithArray(input), ([_0, input2]) => [_0, input2], () => [])))))))), ([_0, input2]) => [WithValueMapping(_0), input2]);
var PatternBigInt = (input) => If(Const("-?(?:0|[1-9][0-9]*)n", input), ([_0, input2]) => [PatternBigIntMapping(_0), input2]);
var PatternString = (input) => If(Const(".*", input), ([_0, input2]) => [PatternStringMapping(_0), input2]);
var PatternNumber = (input) => If(Const("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?", input), ([_0, input2]) => [PatternNumberMapping(_0), input2]);
var PatternInteger = (input) => If(Const("-?(?:0|[1-9][0-9]*)", input), ([_0, input2]) => [PatternIntegerMapping(_0), input2]);
var PatternNever = (input) => If(Const("(?!)", input), ([_0, input2]) => [PatternNeverMapping(_0), input2]);
var PatternText = (input) => If(Until_1(["-?(?:0|[1-9][0-9]*)n", ".*", "-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?", "-?(?:0|[1-9][0-9]*)", "(?!)", "(", ")", "$", "|"], input), ([_0, input2]) => [PatternTextMapping(_0), input2]);
var PatternBase = (input) => If(If(PatternBigInt(input), ([_0, input2]) => [_0, input2], () => If(PatternString(input), ([_0, input2]) => [_0, input2], () => If(PatternNumber(input), ([_0, input2]) => [_0, input2], () => If(PatternInteger(input), ([_0, input2]) => [_0, input2], () => If(PatternNever(input), ([_0, input2]) => [_0, input2], () => If(PatternGroup(input), ([_0, input2]) => [_0, input2], () => If(PatternText(input), ([_0, input2]) => [_0, input2], () => []))))))), ([_0, input2]) => [PatternBaseMapping(_0), input2]);
var PatternGroup = (input) => If(If(Const("(", input), ([_0, input2]) => If(PatternBody(input2), ([_1, input3]) => If(Const(")", input3), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [PatternGroupMapping(_0), input2]);
var PatternUnion = (input) => If(If(If(PatternTerm(input), ([_0, input2]) => If(Const("|", input2), ([_1, input3]) => If(PatternUnion(input3), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [_0, input2], () => If(If(PatternTerm(input), ([_0, input2]) => [[_0], input2]), ([_0, input2]) => [_0, input2], () => If([[], input], ([_0, input2]) => [_0, input2], () => []))), ([_0, input2]) => [PatternUnionMapping(_0), input2]);
var PatternTerm = (input) => If(If(PatternBase(input), ([_0, input2]) => If(PatternBody(input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => [PatternTermMapping(_0), input2]);
var PatternBody = (input) => If(If(PatternUnion(input), ([_0, input2]) => [_0, input2], () => If(PatternTerm(input), ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => [PatternBodyMapping(_0), input2]);
var Pattern = (input) => If(If(Const("^", input), ([_0, input2]) => If(PatternBody(input2), ([_1, input3]) => If(Const("$", input3), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [PatternMapping(_0), input2]);
var InterfaceDeclarationHeritageList_0 = (input, result = []) => If(If(Const(",", input), ([_0, input2]) => If(Type(input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => InterfaceDeclarationHeritageList_0(input2, [...result, _0]), () => [result, input]);
var InterfaceDeclarationHeritageList = (input) => If(If(If(Type(input), ([_0, input2]) => If(InterfaceDeclarationHeritageList_0(input2), ([_1, input3]) => If(If(Const(",", input3), ([_02, input4]) => [[_02], input4], () => [[], input3]), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [_0, input2], () => If([[], input], ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => [InterfaceDeclarationHeritageListMapping(_0), input2]);
var InterfaceDeclarationHeritage = (input) => If(If(If(Const("extends", input), ([_0, input2]) => If(InterfaceDeclarationHeritageList(input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => [_0, input2], () => If([[], input], ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => [InterfaceDeclarationHeritageMapping(_0), input2]);
var InterfaceDeclarationGeneric = (input) => If(If(Const("interface", input), ([_0, input2]) => If(Ident(input2), ([_1, input3]) => If(GenericParameters(input3), ([_2, input4]) => If(InterfaceDeclarationHeritage(input4), ([_3, input5]) => If(Properties(input5), ([_4, input6]) => [[_0, _1, _2, _3, _4], input6]))))), ([_0, input2]) => [InterfaceDeclarationGenericMapping(_0), input2]);
var InterfaceDeclaration = (input) => If(If(Const("interface", input), ([_0, input2]) => If(Ident(input2), ([_1, input3]) => If(InterfaceDeclarationHeritage(input3), ([_2, input4]) => If(Properties(input4), ([_3, input5]) => [[_0, _1, _2, _3], input5])))), ([_0, input2]) => [InterfaceDeclarationMapping(_0), input2]);
var TypeAliasDeclarationGeneric = (input) => If(If(Const("type", input), ([_0, input2]) => If(Ident(input2), ([_1, input3]) => If(GenericParameters(input3), ([_2, input4]) => If(Const("=", input4), ([_3, input5]) => If(Type(input5), ([_4, input6]) => [[_0, _1, _2, _3, _4], input6]))))), ([_0, input2]) => [TypeAliasDeclarationGenericMapping(_0), input2]);
var TypeAliasDeclaration = (input) => If(If(Const("type", input), ([_0, input2]) => If(Ident(input2), ([_1, input3]) => If(Const("=", input3), ([_2, input4]) => If(Type(input4), ([_3, input5]) => [[_0, _1, _2, _3], input5])))), ([_0, input2]) => [TypeAliasDeclarationMapping(_0), input2]);
var ExportKeyword = (input) => If(If(If(Const("export", input), ([_0, input2]) => [[_0], input2]), ([_0, input2]) => [_0, input2], () => If([[], input], ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => [ExportKeywordMapping(_0), input2]);
var ModuleDeclarationDelimiter = (input) => If(If(If(Const(";", input), ([_0, input2]) => If(Const("\n", input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => [_0, input2], () => If(If(Const(";", input), ([_0, input2]) => [[_0], input2]), ([_0, input2]) => [_0, input2], () => If(If(Const("\n", input), ([_0, input2]) => [[_0], input2]), ([_0, input2]) => [_0, input2], () => []))), ([_0, input2]) => [ModuleDeclarationDelimiterMapping(_0), input2]);
var ModuleDeclarationList_0 = (input, result = []) => If(If(ModuleDeclarationDelimiter(input), ([_0, input2]) => If(ModuleDeclaration(input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => ModuleDeclarationList_0(input2, [...result, _0]), () => [result, input]);
var ModuleDeclarationList = (input) => If(If(If(ModuleDeclaration(input), ([_0, input2]) => If(ModuleDeclarationList_0(input2), ([_1, input3]) => If(If(ModuleDeclarationDelimiter(input3), ([_02, input4]) => [[_02], input4], () => [[], input3]), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [_0, input2], () => If([[], input], ([_0, input2]) => [_0, input2], () => [])), ([_0, input2]) => [ModuleDeclarationListMapping(_0), input2]);
var ModuleDeclaration = (input) => If(If(ExportKeyword(input), ([_0, input2]) => If(If(InterfaceDeclarationGeneric(input2), ([_02, input3]) => [_02, input3], () => If(InterfaceDeclaration(input2), ([_02, input3]) => [_02, input3], () => If(TypeAliasDeclarationGeneric(input2), ([_02, input3]) => [_02, input3], () => If(TypeAliasDeclaration(input2), ([_02, input3]) => [_02, input3], () => [])))), ([_1, input3]) => If(OptionalSemiColon(input3), ([_2, input4]) => [[_0, _1, _2], input4]))), ([_0, input2]) => [ModuleDeclarationMapping(_0), input2]);
var Module = (input) => If(If(ModuleDeclaration(input), ([_0, input2]) => If(ModuleDeclarationList(input2), ([_1, input3]) => [[_0, _1], input3])), ([_0, input2]) => [ModuleMapping(_0), input2]);
var Script = (input) => If(If(Module(input), ([_0, input2]) => [_0, input2], () => If(GenericType(input), ([_0, input2]) => [_0, input2], () => If(Type(input), ([_0, input2]) => [_0, input2], () => []))), ([_0, input2]) => [ScriptMapping(_0), input2]);

// node_modules/typebox/build/type/engine/patterns/template.mjs
function ParseTemplateIntoTypes(template) {
  const parsed2 = TemplateLiteralTypes(`\`${template}\``);
  const result = guard_exports.IsEqual(parsed2.length, 2) ? parsed2[0] : Unreachable();
  return result;
}

// node_modules/typebox/build/type/engine/template_literal/encode.mjs
function JoinString(input) {
  return input.join("|");
}
function UnwrapTemplateLiteralPattern(pattern) {
  return pattern.slice(1, pattern.length - 1);
}
function EncodeLiteral(value, right, pattern) {
  return EncodeTypes(right, `${pattern}${value}`);
}
function EncodeBigInt(right, pattern) {
  return EncodeTypes(right, `${pattern}${BigIntPattern}`);
}
function EncodeInteger(right, pattern) {
  return EncodeTypes(right, `${pattern}${IntegerPattern}`);
}
function EncodeNumber(right, pattern) {
  return EncodeTypes(right, `${pattern}${NumberPattern}`);
}
function EncodeBoolean(right, pattern) {
  return EncodeType(Union([Literal("false"), Literal("true")]), right, pattern);
}
function EncodeString(right, pattern) {
  return EncodeTypes(right, `${pattern}${StringPattern}`);
}
function EncodeTemplateLiteral(templatePattern, right, pattern) {
  return EncodeTypes(right, `${pattern}${UnwrapTemplateLiteralPattern(templatePattern)}`);
}
function EncodeTemplateLiteralDeferred(types, right, pattern) {
  const templateLiteral = TemplateLiteralAction(types, {});
  const result = EncodeType(templateLiteral, right, pattern);
  return result;
}
function EncodeEnum(values, right, pattern) {
  const evaluated = EvaluateEnum(values);
  return EncodeType(evaluated, right, pattern);
}
function EncodeUnion(types, right, pattern, result = []) {
  return guard_exports.ShiftLeft(types, (head, tail) => EncodeUnion(tail, right, pattern, [...result, EncodeType(head, [], "")]), () => EncodeTypes(right, `${pattern}(${JoinString(result)})`));
}
function EncodeType(type, right, pattern) {
  return IsEnum(type) ? EncodeEnum(type.enum, right, pattern) : IsInteger2(type) ? EncodeInteger(right, pattern) : IsLiteral(type) ? EncodeLiteral(type.const, right, pattern) : IsBigInt2(type) ? EncodeBigInt(right, pattern) : IsBoolean3(type) ? EncodeBoolean(right, pattern) : IsNumber3(type) ? EncodeNumber(right, pattern) : IsString3(type) ? EncodeString(right, pattern) : IsTemplateLiteral(type) ? EncodeTemplateLiteral(type.pattern, right, pattern) : IsTemplateLiteralDeferred(type) ? EncodeTemplateLiteralDeferred(type.parameters[0], right, pattern) : IsUnion(type) ? EncodeUnion(type.anyOf, right, pattern) : NeverPattern;
}
function EncodeTypes(types, pattern) {
  return guard_exports.ShiftLeft(types, (left, right) => EncodeType(left, right, pattern), () => pattern);
}
function EncodePattern(types) {
  const encoded = EncodeTypes(types, "");
  const result = `^${encoded}$`;
  return result;
}
function TemplateLiteralEncode(types) {
  const pattern = EncodePattern(types);
  const result = TemplateLiteralCreate(pattern);
  return result;
}

// node_modules/typebox/build/type/engine/template_literal/instantiate.mjs
function TemplateLiteralAction(types, options) {
  const result = CanInstantiate(types) ? memory_exports.Update(TemplateLiteralEncode(types), {}, options) : TemplateLiteralDeferred(types, options);
  return result;
}
function TemplateLiteralInstantiate(context, state, types, options) {
  const instantiatedTypes = InstantiateTypes(context, state, types);
  return TemplateLiteralAction(instantiatedTypes, options);
}

// node_modules/typebox/build/type/types/template_literal.mjs
function TemplateLiteralDeferred(types, options = {}) {
  return Deferred("TemplateLiteral", [types], options);
}
function IsTemplateLiteralDeferred(value) {
  return IsSchema(value) && guard_exports.HasPropertyKey(value, "action") && guard_exports.IsEqual(value.action, "TemplateLiteral");
}
function TemplateLiteralFromTypes(types) {
  return TemplateLiteralAction(types, {});
}
function TemplateLiteralFromString(template) {
  const types = ParseTemplateIntoTypes(template);
  return TemplateLiteralFromTypes(types);
}
function TemplateLiteral2(input, options = {}) {
  const type = guard_exports.IsString(input) ? TemplateLiteralFromString(input) : TemplateLiteralFromTypes(input);
  return memory_exports.Update(type, {}, options);
}
function IsTemplateLiteral(value) {
  return IsKind(value, "TemplateLiteral");
}

// node_modules/typebox/build/type/extends/result.mjs
var result_exports = {};
__export(result_exports, {
  ExtendsFalse: () => ExtendsFalse,
  ExtendsTrue: () => ExtendsTrue,
  ExtendsUnion: () => ExtendsUnion,
  IsExtendsFalse: () => IsExtendsFalse,
  IsExtendsTrue: () => IsExtendsTrue,
  IsExtendsTrueLike: () => IsExtendsTrueLike,
  IsExtendsUnion: () => IsExtendsUnion,
  Match: () => Match3
});
function ExtendsUnion(inferred) {
  return memory_exports.Create({ ["~kind"]: "ExtendsUnion" }, { inferred });
}
function IsExtendsUnion(value) {
  return guard_exports.IsObject(value) && guard_exports.HasPropertyKey(value, "~kind") && guard_exports.HasPropertyKey(value, "inferred") && guard_exports.IsEqual(value["~kind"], "ExtendsUnion") && guard_exports.IsObject(value.inferred);
}
function ExtendsTrue(inferred) {
  return memory_exports.Create({ ["~kind"]: "ExtendsTrue" }, { inferred });
}
function IsExtendsTrue(value) {
  return guard_exports.IsObject(value) && guard_exports.HasPropertyKey(value, "~kind") && guard_exports.HasPropertyKey(value, "inferred") && guard_exports.IsEqual(value["~kind"], "ExtendsTrue") && guard_exports.IsObject(value.inferred);
}
function ExtendsFalse() {
  return memory_exports.Create({ ["~kind"]: "ExtendsFalse" }, {});
}
function IsExtendsFalse(value) {
  return guard_exports.IsObject(value) && guard_exports.HasPropertyKey(value, "~kind") && guard_exports.IsEqual(value["~kind"], "ExtendsFalse");
}
function IsExtendsTrueLike(value) {
  return IsExtendsUnion(value) || IsExtendsTrue(value);
}
function Match3(result, true_, false_) {
  return IsExtendsTrueLike(result) ? true_(result.inferred) : false_();
}

// node_modules/typebox/build/type/extends/extends_right.mjs
function ExtendsRightInfer(inferred, name, left, right) {
  return Match3(ExtendsLeft(inferred, left, right), (checkInferred) => ExtendsTrue(memory_exports.Assign(memory_exports.Assign(inferred, checkInferred), { [name]: left })), () => ExtendsFalse());
}
function ExtendsRightAny(inferred, _left) {
  return ExtendsTrue(inferred);
}
function ExtendsRightDependent(inferred, left, if_, then_, else_) {
  return Match3(ExtendsLeft(inferred, left, if_), (inferred2) => Match3(ExtendsLeft(inferred2, left, then_), (inferred3) => ExtendsTrue(inferred3), () => ExtendsFalse()), () => Match3(ExtendsLeft(inferred, left, else_), (inferred2) => ExtendsTrue(inferred2), () => ExtendsFalse()));
}
function ExtendsRightEnum(inferred, left, right) {
  const evaluated = EvaluateEnum(right);
  return ExtendsLeft(inferred, left, evaluated);
}
function ExtendsRightIntersect(inferred, left, right) {
  return guard_exports.ShiftLeft(right, (head, tail) => Match3(ExtendsLeft(inferred, left, head), (inferred2) => ExtendsRightIntersect(inferred2, left, tail), () => ExtendsFalse()), () => ExtendsTrue(inferred));
}
function ExtendsRightTemplateLiteral(inferred, left, right) {
  const evaluated = EvaluateTemplateLiteral(right);
  return ExtendsLeft(inferred, left, evaluated);
}
function ExtendsRightUnion(inferred, left, right) {
  return guard_exports.ShiftLeft(right, (head, tail) => Match3(ExtendsLeft(inferred, left, head), (inferred2) => ExtendsTrue(inferred2), () => ExtendsRightUnion(inferred, left, tail)), () => ExtendsFalse());
}
function ExtendsRight(inferred, left, right) {
  return IsAny(right) ? ExtendsRightAny(inferred, left) : IsDependent(right) ? ExtendsRightDependent(inferred, left, right.if, right.then, right.else) : IsEnum(right) ? ExtendsRightEnum(inferred, left, right.enum) : IsInfer(right) ? ExtendsRightInfer(inferred, right.name, left, right.extends) : IsIntersect(right) ? ExtendsRightIntersect(inferred, left, right.allOf) : IsTemplateLiteral(right) ? ExtendsRightTemplateLiteral(inferred, left, right.pattern) : IsUnion(right) ? ExtendsRightUnion(inferred, left, right.anyOf) : IsUnknown(right) ? ExtendsTrue(inferred) : ExtendsFalse();
}

// node_modules/typebox/build/type/extends/any.mjs
function ExtendsAny(inferred, left, right) {
  return IsInfer(right) ? ExtendsRight(inferred, left, right) : IsAny(right) ? ExtendsTrue(inferred) : IsUnknown(right) ? ExtendsTrue(inferred) : ExtendsUnion(inferred);
}

// node_modules/typebox/build/type/extends/array.mjs
function ExtendsImmutable(left, right) {
  const isImmutableLeft = IsImmutable(left);
  const isImmutableRight = IsImmutable(right);
  return isImmutableLeft && isImmutableRight ? true : !isImmutableLeft && isImmutableRight ? true : isImmutableLeft && !isImmutableRight ? false : true;
}
function ExtendsArray(inferred, arrayLeft, left, right) {
  return IsArray2(right) ? ExtendsImmutable(arrayLeft, right) ? ExtendsLeft(inferred, left, right.items) : ExtendsFalse() : ExtendsRight(inferred, arrayLeft, right);
}

// node_modules/typebox/build/type/extends/bigint.mjs
function ExtendsBigInt(inferred, left, right) {
  return IsBigInt2(right) ? ExtendsTrue(inferred) : ExtendsRight(inferred, left, right);
}

// node_modules/typebox/build/type/extends/boolean.mjs
function ExtendsBoolean(inferred, left, right) {
  return IsBoolean3(right) ? ExtendsTrue(inferred) : ExtendsRight(inferred, left, right);
}

// node_modules/typebox/build/type/extends/parameters.mjs
function ParameterCompare(inferred, left, leftRest, right, rightRest) {
  const checkLeft = IsInfer(right) ? left : right;
  const checkRight = IsInfer(right) ? right : left;
  const isLeftOptional = IsOptional(left);
  const isRightOptional = IsOptional(right);
  return !isLeftOptional && isRightOptional ? ExtendsFalse() : Match3(ExtendsLeft(inferred, checkLeft, checkRight), (inferred2) => ExtendsParameters(inferred2, leftRest, rightRest), () => ExtendsFalse());
}
function ParameterRight(inferred, left, leftRest, rightRest) {
  return guard_exports.ShiftLeft(rightRest, (head, tail) => ParameterCompare(inferred, left, leftRest, head, tail), () => IsOptional(left) ? ExtendsTrue(inferred) : ExtendsFalse());
}
function ParametersLeft(inferred, left, rightRest) {
  return guard_exports.ShiftLeft(left, (head, tail) => ParameterRight(inferred, head, tail, rightRest), () => ExtendsTrue(inferred));
}
function ExtendsParameters(inferred, left, right) {
  return ParametersLeft(inferred, left, right);
}

// node_modules/typebox/build/type/extends/return_type.mjs
function ExtendsReturnType(inferred, left, right) {
  return IsVoid(right) ? ExtendsTrue(inferred) : ExtendsLeft(inferred, left, right);
}

// node_modules/typebox/build/type/extends/constructor.mjs
function ExtendsConstructor(inferred, parameters, returnType, right) {
  return IsAny(right) ? ExtendsTrue(inferred) : IsUnknown(right) ? ExtendsTrue(inferred) : IsConstructor2(right) ? Match3(ExtendsParameters(inferred, parameters, right["parameters"]), (inferred2) => ExtendsReturnType(inferred2, returnType, right["instanceType"]), () => ExtendsFalse()) : ExtendsFalse();
}

// node_modules/typebox/build/type/extends/dependent.mjs
function ExtendsDependent(inferred, if_, then_, else_, right) {
  return Match3(ExtendsLeft(inferred, if_, right), () => ExtendsLeft(inferred, then_, right), () => ExtendsLeft(inferred, else_, right));
}

// node_modules/typebox/build/type/extends/enum.mjs
function ExtendsEnum(inferred, left, right) {
  const evaluated = EvaluateEnum(left);
  return ExtendsLeft(inferred, evaluated, right);
}

// node_modules/typebox/build/type/extends/function.mjs
function ExtendsFunction(inferred, parameters, returnType, right) {
  return IsAny(right) ? ExtendsTrue(inferred) : IsUnknown(right) ? ExtendsTrue(inferred) : IsFunction2(right) ? Match3(ExtendsParameters(inferred, parameters, right["parameters"]), (inferred2) => ExtendsReturnType(inferred2, returnType, right["returnType"]), () => ExtendsFalse()) : ExtendsFalse();
}

// node_modules/typebox/build/type/extends/integer.mjs
function ExtendsInteger(inferred, left, right) {
  return IsInteger2(right) ? ExtendsTrue(inferred) : IsNumber3(right) ? ExtendsTrue(inferred) : ExtendsRight(inferred, left, right);
}

// node_modules/typebox/build/type/extends/intersect.mjs
function ExtendsIntersect(inferred, left, right) {
  const evaluated = EvaluateIntersect(left);
  return ExtendsLeft(inferred, evaluated, right);
}

// node_modules/typebox/build/type/extends/literal.mjs
function ExtendsLiteralValue(inferred, left, right) {
  return left === right ? ExtendsTrue(inferred) : ExtendsFalse();
}
function ExtendsLiteralBigInt(inferred, left, right) {
  return IsLiteral(right) ? ExtendsLiteralValue(inferred, left, right.const) : IsBigInt2(right) ? ExtendsTrue(inferred) : ExtendsRight(inferred, Literal(left), right);
}
function ExtendsLiteralBoolean(inferred, left, right) {
  return IsLiteral(right) ? ExtendsLiteralValue(inferred, left, right.const) : IsBoolean3(right) ? ExtendsTrue(inferred) : ExtendsRight(inferred, Literal(left), right);
}
function ExtendsLiteralNumber(inferred, left, right) {
  return IsLiteral(right) ? ExtendsLiteralValue(inferred, left, right.const) : IsNumber3(right) ? ExtendsTrue(inferred) : ExtendsRight(inferred, Literal(left), right);
}
function ExtendsLiteralString(inferred, left, right) {
  return IsLiteral(right) ? ExtendsLiteralValue(inferred, left, right.const) : IsString3(right) ? ExtendsTrue(inferred) : ExtendsRight(inferred, Literal(left), right);
}
function ExtendsLiteral(inferred, left, right) {
  return guard_exports.IsBigInt(left.const) ? ExtendsLiteralBigInt(inferred, left.const, right) : guard_exports.IsBoolean(left.const) ? ExtendsLiteralBoolean(inferred, left.const, right) : guard_exports.IsNumber(left.const) ? ExtendsLiteralNumber(inferred, left.const, right) : guard_exports.IsString(left.const) ? ExtendsLiteralString(inferred, left.const, right) : Unreachable();
}

// node_modules/typebox/build/type/extends/never.mjs
function ExtendsNever(inferred, left, right) {
  return IsInfer(right) ? ExtendsRight(inferred, left, right) : ExtendsTrue(inferred);
}

// node_modules/typebox/build/type/extends/null.mjs
function ExtendsNull(inferred, left, right) {
  return IsNull2(right) ? ExtendsTrue(inferred) : ExtendsRight(inferred, left, right);
}

// node_modules/typebox/build/type/extends/number.mjs
function ExtendsNumber(inferred, left, right) {
  return IsNumber3(right) ? ExtendsTrue(inferred) : ExtendsRight(inferred, left, right);
}

// node_modules/typebox/build/type/extends/object.mjs
function ExtendsPropertyOptional(inferred, left, right) {
  return IsOptional(left) ? IsOptional(right) ? ExtendsTrue(inferred) : ExtendsFalse() : ExtendsTrue(inferred);
}
function ExtendsProperty(inferred, left, right) {
  return (
    // Right TInfer<TNever> is TExtendsFalse
    IsInfer(right) && IsNever(right.extends) ? ExtendsFalse() : Match3(ExtendsLeft(inferred, left, right), (inferred2) => ExtendsPropertyOptional(inferred2, left, right), () => ExtendsFalse())
  );
}
function ExtractInferredProperties(keys, properties) {
  return keys.reduce((result, key) => {
    return key in properties ? IsExtendsTrueLike(properties[key]) ? { ...result, ...properties[key].inferred } : Unreachable() : Unreachable();
  }, {});
}
function ExtendsPropertiesComparer(inferred, left, right) {
  const properties = {};
  for (const rightKey of guard_exports.Keys(right)) {
    properties[rightKey] = rightKey in left ? ExtendsProperty({}, left[rightKey], right[rightKey]) : IsOptional(right[rightKey]) ? IsInfer(right[rightKey]) ? ExtendsTrue(memory_exports.Assign(inferred, { [right[rightKey].name]: right[rightKey].extends })) : ExtendsTrue(inferred) : ExtendsFalse();
  }
  const checked = guard_exports.Values(properties).every((result) => IsExtendsTrueLike(result));
  const extracted = checked ? ExtractInferredProperties(guard_exports.Keys(properties), properties) : {};
  return checked ? ExtendsTrue(extracted) : ExtendsFalse();
}
function ExtendsProperties(inferred, left, right) {
  const compared = ExtendsPropertiesComparer(inferred, left, right);
  return IsExtendsTrueLike(compared) ? ExtendsTrue(memory_exports.Assign(inferred, compared.inferred)) : ExtendsFalse();
}
function ExtendsObjectToObject(inferred, left, right) {
  return ExtendsProperties(inferred, left, right);
}
function RecordMergeInferred(left, right) {
  return guard_exports.Keys(right).reduce((result, key) => {
    return {
      ...result,
      [key]: guard_exports.HasPropertyKey(left, key) ? IsUnion(result[key]) ? Union([...result[key].anyOf, right[key]]) : Union([left[key], right[key]]) : right[key]
    };
  }, left);
}
function ExtendsRecordComparer(properties, keys, type, result) {
  return guard_exports.ShiftLeft(keys, (left, right) => Match3(ExtendsLeft({}, properties[left], type), (inferred) => ExtendsRecordComparer(properties, right, type, RecordMergeInferred(result, inferred)), () => ExtendsFalse()), () => ExtendsTrue(result));
}
function ExtendsObjectToRecord(inferred, properties, _pattern, value) {
  const keys = guard_exports.Keys(properties);
  const result = ExtendsRecordComparer(properties, keys, value, inferred);
  return result;
}
function ExtendsObject(inferred, left, right) {
  return IsRecord(right) ? ExtendsObjectToRecord(inferred, left, RecordPattern(right), RecordValue(right)) : IsObject2(right) ? ExtendsObjectToObject(inferred, left, right.properties) : ExtendsRight(inferred, _Object_(left), right);
}

// node_modules/typebox/build/type/extends/record.mjs
function FromObject2(inferred, properties) {
  return guard_exports.IsEqual(guard_exports.Keys(properties).length, 0) ? ExtendsTrue(inferred) : ExtendsFalse();
}
function FromRecord(inferred, _leftKey, leftValue, _rightKey, rightValue) {
  return ExtendsLeft(inferred, leftValue, rightValue);
}
function ExtendsRecord(inferred, leftPattern, leftValue, right) {
  return IsRecord(right) ? FromRecord(inferred, RecordPatternToType(leftPattern), leftValue, RecordPatternToType(RecordPattern(right)), RecordValue(right)) : IsObject2(right) ? FromObject2(inferred, right.properties) : IsAny(right) ? ExtendsTrue(inferred) : IsUnknown(right) ? ExtendsTrue(inferred) : ExtendsFalse();
}

// node_modules/typebox/build/type/extends/string.mjs
function ExtendsString(inferred, left, right) {
  return IsString3(right) ? ExtendsTrue(inferred) : ExtendsRight(inferred, left, right);
}

// node_modules/typebox/build/type/extends/symbol.mjs
function ExtendsSymbol(inferred, left, right) {
  return IsSymbol2(right) ? ExtendsTrue(inferred) : ExtendsRight(inferred, left, right);
}

// node_modules/typebox/build/type/extends/template_literal.mjs
function ExtendsTemplateLiteral(inferred, left, right) {
  const evaluated = EvaluateTemplateLiteral(left);
  return ExtendsLeft(inferred, evaluated, right);
}

// node_modules/typebox/build/type/extends/inference.mjs
function Inferrable(name, type) {
  return memory_exports.Create({ "~kind": "Inferrable" }, { name, type }, {});
}
function IsInferable(value) {
  return guard_exports.IsObject(value) && guard_exports.HasPropertyKey(value, "~kind") && guard_exports.HasPropertyKey(value, "name") && guard_exports.HasPropertyKey(value, "type") && guard_exports.IsEqual(value["~kind"], "Inferrable") && guard_exports.IsString(value.name) && guard_exports.IsObject(value.type);
}
function TryRestInferable(type) {
  return IsRest(type) ? IsInfer(type.items) ? IsArray2(type.items.extends) ? Inferrable(type.items.name, type.items.extends.items) : IsUnknown(type.items.extends) ? Inferrable(type.items.name, type.items.extends) : void 0 : Unreachable() : void 0;
}
function TryInferable(type) {
  return IsInfer(type) ? Inferrable(type.name, type.extends) : void 0;
}
function TryInferResults(rest, right) {
  const result = [];
  for (const head of rest) {
    if (!IsExtendsTrueLike(ExtendsLeft({}, head, right)))
      return void 0;
    result.push(head);
  }
  return result;
}
function InferTupleResult(inferred, name, left, right) {
  const results = TryInferResults(left, right);
  return guard_exports.IsArray(results) ? ExtendsTrue(memory_exports.Assign(inferred, { [name]: Tuple(results) })) : ExtendsFalse();
}
function InferUnionResult(inferred, name, left, right) {
  const results = TryInferResults(left, right);
  return guard_exports.IsArray(results) ? ExtendsTrue(memory_exports.Assign(inferred, { [name]: Union(results) })) : ExtendsFalse();
}

// node_modules/typebox/build/type/extends/tuple.mjs
function Reverse(types) {
  return [...types].reverse();
}
function ApplyReverse(types, reversed) {
  return reversed ? Reverse(types) : types;
}
function Reversed(types) {
  const first = types.length > 0 ? types[0] : void 0;
  const inferrable = IsSchema(first) ? TryRestInferable(first) : void 0;
  return IsSchema(inferrable);
}
function ElementsCompare(inferred, reversed, left, leftRest, right, rightRest) {
  return Match3(ExtendsLeft(inferred, left, right), (checkInferred) => Elements(checkInferred, reversed, leftRest, rightRest), () => ExtendsFalse());
}
function ElementsLeft(inferred, reversed, leftRest, right, rightRest) {
  const inferable = TryRestInferable(right);
  return (
    // Rest Inferrable Right Means we delegate to TInferTupleResult to Generate a Result
    IsInferable(inferable) ? InferTupleResult(inferred, inferable["name"], ApplyReverse(leftRest, reversed), inferable["type"]) : guard_exports.ShiftLeft(leftRest, (head, tail) => ElementsCompare(inferred, reversed, head, tail, right, rightRest), () => ExtendsFalse())
  );
}
function ElementsRight(inferred, reversed, leftRest, rightRest) {
  return guard_exports.ShiftLeft(rightRest, (head, tail) => ElementsLeft(inferred, reversed, leftRest, head, tail), () => guard_exports.IsEqual(leftRest.length, 0) ? ExtendsTrue(inferred) : ExtendsFalse());
}
function Elements(inferred, reversed, leftRest, rightRest) {
  return ElementsRight(inferred, reversed, leftRest, rightRest);
}
function ExtendsTupleToTuple(inferred, left, right) {
  const instantiatedRight = InstantiateElements(inferred, State([], []), right);
  const reversed = Reversed(instantiatedRight);
  return Elements(inferred, reversed, ApplyReverse(left, reversed), ApplyReverse(instantiatedRight, reversed));
}
function ExtendsTupleToArrayReduce(inferred, left, right) {
  for (const head of left) {
    const result = ExtendsLeft(inferred, head, right);
    if (!IsExtendsTrueLike(result))
      return result;
    inferred = result.inferred;
  }
  return ExtendsTrue(inferred);
}
function ExtendsTupleToArray(inferred, left, right) {
  const inferrable = TryInferable(right);
  return IsInferable(inferrable) ? InferUnionResult(inferred, inferrable["name"], left, inferrable["type"]) : ExtendsTupleToArrayReduce(inferred, left, right);
}
function ExtendsTuple(inferred, left, right) {
  const instantiatedLeft = InstantiateElements(inferred, State([], []), left);
  return IsTuple(right) ? ExtendsTupleToTuple(inferred, instantiatedLeft, right.items) : IsArray2(right) ? ExtendsTupleToArray(inferred, instantiatedLeft, right.items) : ExtendsRight(inferred, Tuple(instantiatedLeft), right);
}

// node_modules/typebox/build/type/extends/undefined.mjs
function ExtendsUndefined(inferred, left, right) {
  return IsVoid(right) ? ExtendsTrue(inferred) : IsUndefined2(right) ? ExtendsTrue(inferred) : ExtendsRight(inferred, left, right);
}

// node_modules/typebox/build/type/extends/union.mjs
function ExtendsUnionSome(inferred, type, unionTypes) {
  return guard_exports.ShiftLeft(unionTypes, (head, tail) => Match3(ExtendsLeft(inferred, type, head), (inferred2) => ExtendsTrue(inferred2), () => ExtendsUnionSome(inferred, type, tail)), () => ExtendsFalse());
}
function ExtendsUnionLeft(inferred, left, right) {
  return guard_exports.ShiftLeft(left, (head, tail) => Match3(ExtendsUnionSome(inferred, head, right), (inferred2) => ExtendsUnionLeft(inferred2, tail, right), () => ExtendsFalse()), () => ExtendsTrue(inferred));
}
function ExtendsUnion2(inferred, left, right) {
  const inferrable = TryInferable(right);
  return IsInferable(inferrable) ? InferUnionResult(inferred, inferrable.name, left, inferrable.type) : IsUnion(right) ? ExtendsUnionLeft(inferred, left, right.anyOf) : ExtendsUnionLeft(inferred, left, [right]);
}

// node_modules/typebox/build/type/extends/unknown.mjs
function ExtendsUnknown(inferred, left, right) {
  return IsInfer(right) ? ExtendsRight(inferred, left, right) : IsAny(right) ? ExtendsTrue(inferred) : IsUnknown(right) ? ExtendsTrue(inferred) : ExtendsFalse();
}

// node_modules/typebox/build/type/extends/void.mjs
function ExtendsVoid(inferred, left, right) {
  return IsVoid(right) ? ExtendsTrue(inferred) : ExtendsRight(inferred, left, right);
}

// node_modules/typebox/build/type/extends/extends_left.mjs
function ExtendsLeft(inferred, left, right) {
  return IsAny(left) ? ExtendsAny(inferred, left, right) : IsArray2(left) ? ExtendsArray(inferred, left, left.items, right) : IsBigInt2(left) ? ExtendsBigInt(inferred, left, right) : IsBoolean3(left) ? ExtendsBoolean(inferred, left, right) : IsConstructor2(left) ? ExtendsConstructor(inferred, left.parameters, left.instanceType, right) : IsDependent(left) ? ExtendsDependent(inferred, left.if, left.then, left.else, right) : IsEnum(left) ? ExtendsEnum(inferred, left.enum, right) : IsFunction2(left) ? ExtendsFunction(inferred, left.parameters, left.returnType, right) : IsInteger2(left) ? ExtendsInteger(inferred, left, right) : IsIntersect(left) ? ExtendsIntersect(inferred, left.allOf, right) : IsLiteral(left) ? ExtendsLiteral(inferred, left, right) : IsNever(left) ? ExtendsNever(inferred, left, right) : IsNull2(left) ? ExtendsNull(inferred, left, right) : IsNumber3(left) ? ExtendsNumber(inferred, left, right) : IsObject2(left) ? ExtendsObject(inferred, left.properties, right) : IsRecord(left) ? ExtendsRecord(inferred, RecordPattern(left), RecordValue(left), right) : IsString3(left) ? ExtendsString(inferred, left, right) : IsSymbol2(left) ? ExtendsSymbol(inferred, left, right) : IsTemplateLiteral(left) ? ExtendsTemplateLiteral(inferred, left.pattern, right) : IsTuple(left) ? ExtendsTuple(inferred, left.items, right) : IsUndefined2(left) ? ExtendsUndefined(inferred, left, right) : IsUnion(left) ? ExtendsUnion2(inferred, left.anyOf, right) : IsUnknown(left) ? ExtendsUnknown(inferred, left, right) : IsVoid(left) ? ExtendsVoid(inferred, left, right) : ExtendsFalse();
}

// node_modules/typebox/build/type/engine/interface/instantiate.mjs
function InterfaceOperation(heritage, properties) {
  const result = EvaluateIntersect([...heritage, _Object_(properties)]);
  return result;
}
function InterfaceAction(heritage, properties, options) {
  const result = CanInstantiate(heritage) ? memory_exports.Update(InterfaceOperation(heritage, properties), {}, options) : InterfaceDeferred(heritage, properties, options);
  return result;
}
function InterfaceInstantiate(context, state, heritage, properties, options) {
  const instantiatedHeritage = InstantiateTypes(context, state, heritage);
  const instantiatedProperties = InstantiateProperties(context, state, properties);
  return InterfaceAction(instantiatedHeritage, instantiatedProperties, options);
}

// node_modules/typebox/build/type/action/interface.mjs
function InterfaceDeferred(heritage, properties, options = {}) {
  return Deferred("Interface", [heritage, properties], options);
}
function IsInterfaceDeferred(value) {
  return IsSchema(value) && guard_exports.HasPropertyKey(value, "action") && guard_exports.IsEqual(value.action, "Interface");
}
function Interface(heritage, properties, options = {}) {
  return InterfaceAction(heritage, properties, options);
}

// node_modules/typebox/build/type/engine/cyclic/check.mjs
function FromRef(stack, context, ref) {
  return stack.includes(ref) ? true : FromType3([...stack, ref], context, context[ref]);
}
function FromProperties(stack, context, properties) {
  const types = PropertyValues(properties);
  return FromTypes2(stack, context, types);
}
function FromTypes2(stack, context, types) {
  return guard_exports.ShiftLeft(types, (left, right) => FromType3(stack, context, left) ? true : FromTypes2(stack, context, right), () => false);
}
function FromType3(stack, context, type) {
  return IsRef(type) ? FromRef(stack, context, type.$ref) : IsArray2(type) ? FromType3(stack, context, type.items) : IsConstructor2(type) ? FromTypes2(stack, context, [...type.parameters, type.instanceType]) : IsFunction2(type) ? FromTypes2(stack, context, [...type.parameters, type.returnType]) : IsInterfaceDeferred(type) ? FromProperties(stack, context, type.parameters[1]) : IsIntersect(type) ? FromTypes2(stack, context, type.allOf) : IsObject2(type) ? FromProperties(stack, context, type.properties) : IsUnion(type) ? FromTypes2(stack, context, type.anyOf) : IsTuple(type) ? FromTypes2(stack, context, type.items) : IsRecord(type) ? FromType3(stack, context, RecordValue(type)) : false;
}
function CyclicCheck(stack, context, type) {
  const result = FromType3(stack, context, type);
  return result;
}

// node_modules/typebox/build/type/engine/cyclic/candidates.mjs
function ResolveCandidateKeys(context, keys) {
  return keys.reduce((result, left) => {
    return CyclicCheck([left], context, context[left]) ? [...result, left] : result;
  }, []);
}
function CyclicCandidates(context) {
  const keys = PropertyKeys(context);
  const result = ResolveCandidateKeys(context, keys);
  return result;
}

// node_modules/typebox/build/type/engine/cyclic/dependencies.mjs
function FromRef2(context, ref, result) {
  return result.includes(ref) ? result : ref in context ? FromType4(context, context[ref], [...result, ref]) : Unreachable();
}
function FromProperties2(context, properties, result) {
  const types = PropertyValues(properties);
  return FromTypes3(context, types, result);
}
function FromTypes3(context, types, result) {
  return types.reduce((result2, left) => {
    return FromType4(context, left, result2);
  }, result);
}
function FromType4(context, type, result) {
  return IsRef(type) ? FromRef2(context, type.$ref, result) : IsArray2(type) ? FromType4(context, type.items, result) : IsConstructor2(type) ? FromTypes3(context, [...type.parameters, type.instanceType], result) : IsFunction2(type) ? FromTypes3(context, [...type.parameters, type.returnType], result) : IsInterfaceDeferred(type) ? FromProperties2(context, type.parameters[1], result) : IsIntersect(type) ? FromTypes3(context, type.allOf, result) : IsObject2(type) ? FromProperties2(context, type.properties, result) : IsUnion(type) ? FromTypes3(context, type.anyOf, result) : IsTuple(type) ? FromTypes3(context, type.items, result) : IsRecord(type) ? FromType4(context, RecordValue(type), result) : result;
}
function CyclicDependencies(context, key, type) {
  const result = FromType4(context, type, [key]);
  return result;
}

// node_modules/typebox/build/type/engine/cyclic/extends.mjs
function FromRef3(_ref) {
  return Any();
}
function FromProperties3(properties) {
  return guard_exports.Keys(properties).reduce((result, key) => {
    return { ...result, [key]: FromType5(properties[key]) };
  }, {});
}
function FromTypes4(types) {
  return types.reduce((result, left) => {
    return [...result, FromType5(left)];
  }, []);
}
function FromType5(type) {
  return IsRef(type) ? FromRef3(type.$ref) : IsArray2(type) ? _Array_(FromType5(type.items), ArrayOptions(type)) : IsConstructor2(type) ? Constructor(FromTypes4(type.parameters), FromType5(type.instanceType)) : IsFunction2(type) ? _Function_(FromTypes4(type.parameters), FromType5(type.returnType)) : IsIntersect(type) ? Intersect(FromTypes4(type.allOf)) : IsObject2(type) ? _Object_(FromProperties3(type.properties)) : IsRecord(type) ? Record(RecordKey(type), FromType5(RecordValue(type))) : IsUnion(type) ? Union(FromTypes4(type.anyOf)) : IsTuple(type) ? Tuple(FromTypes4(type.items)) : type;
}
function CyclicAnyFromParameters(defs, ref) {
  return ref in defs ? FromType5(defs[ref]) : Unknown();
}
function CyclicExtends(type) {
  return CyclicAnyFromParameters(type.$defs, type.$ref);
}

// node_modules/typebox/build/type/engine/cyclic/instantiate.mjs
function CyclicInterface(context, heritage, properties) {
  const instantiatedHeritage = InstantiateTypes(context, State([], []), heritage);
  const instantiatedProperties = InstantiateProperties({}, State([], []), properties);
  const evaluatedInterface = EvaluateIntersect([...instantiatedHeritage, _Object_(instantiatedProperties)]);
  return evaluatedInterface;
}
function CyclicDefinitions(context, dependencies) {
  const keys = guard_exports.Keys(context).filter((key) => dependencies.includes(key));
  return keys.reduce((result, key) => {
    const type = context[key];
    const instantiatedType = IsInterfaceDeferred(type) ? CyclicInterface(context, type.parameters[0], type.parameters[1]) : type;
    return { ...result, [key]: instantiatedType };
  }, {});
}
function InstantiateCyclic(context, ref, type) {
  const dependencies = CyclicDependencies(context, ref, type);
  const definitions = CyclicDefinitions(context, dependencies);
  const result = Cyclic(definitions, ref);
  return result;
}

// node_modules/typebox/build/type/engine/cyclic/target.mjs
function Resolve(defs, ref) {
  return ref in defs ? IsRef(defs[ref]) ? Resolve(defs, defs[ref].$ref) : defs[ref] : Never();
}
function CyclicTarget(defs, ref) {
  const result = Resolve(defs, ref);
  return result;
}

// node_modules/typebox/build/type/extends/extends.mjs
function Canonical(type) {
  return IsCyclic(type) ? CyclicExtends(type) : IsUnsafe(type) ? Unknown() : type;
}
function Extends(inferred, left, right) {
  const canonicalLeft = Canonical(left);
  const canonicalRight = Canonical(right);
  return ExtendsLeft(inferred, canonicalLeft, canonicalRight);
}

// node_modules/typebox/build/type/engine/evaluate/compare.mjs
var CompareResultEqual = 0;
var CompareResultDisjoint = 1;
var CompareResultLeftInside = 2;
var CompareResultRightInside = 3;
function Compare(left, right) {
  const extendsCheck = [Extends({}, left, right), Extends({}, right, left)];
  return result_exports.IsExtendsTrueLike(extendsCheck[0]) && result_exports.IsExtendsTrueLike(extendsCheck[1]) ? CompareResultEqual : result_exports.IsExtendsTrueLike(extendsCheck[0]) && result_exports.IsExtendsFalse(extendsCheck[1]) ? CompareResultLeftInside : result_exports.IsExtendsFalse(extendsCheck[0]) && result_exports.IsExtendsTrueLike(extendsCheck[1]) ? CompareResultRightInside : CompareResultDisjoint;
}

// node_modules/typebox/build/type/engine/evaluate/broaden.mjs
function BroadenFilter(type, types, result = [], all = types) {
  return guard_exports.ShiftLeft(types, (left, right) => {
    const compare = Compare(type, left);
    return guard_exports.IsEqual(compare, CompareResultLeftInside) || guard_exports.IsEqual(compare, CompareResultEqual) ? all : guard_exports.IsEqual(compare, CompareResultDisjoint) ? BroadenFilter(type, right, [...result, left], all) : BroadenFilter(type, right, result, all);
  }, () => [...result, type]);
}
function BroadenType(type, types, result) {
  const evaluated = EvaluateType(type);
  return IsAny(evaluated) ? [evaluated] : (
    // terminate (always the most broad)
    IsUnknown(evaluated) ? [evaluated] : (
      // terminate (always the most broad)
      IsNever(evaluated) ? BroadenTypes(types, result) : (
        // ignored: never is dropped
        IsObject2(evaluated) ? BroadenTypes(types, [...result, evaluated]) : (
          // objects are always considered (too expensive to compare)
          BroadenTypes(types, BroadenFilter(evaluated, result))
        )
      )
    )
  );
}
function BroadenTypes(types, result = []) {
  return guard_exports.ShiftLeft(types, (left, right) => BroadenType(left, right, result), () => result);
}
function Broaden(types) {
  const broadened = BroadenTypes(types);
  const flattened = Flatten(broadened);
  return flattened;
}

// node_modules/typebox/build/type/engine/evaluate/instantiate.mjs
function EvaluateAction(type, options) {
  const result = memory_exports.Update(EvaluateType(type), {}, options);
  return result;
}
function EvaluateInstantiate(context, state, type, options) {
  const instantiatedType = InstantiateType(context, state, type);
  return EvaluateAction(instantiatedType, options);
}

// node_modules/typebox/build/type/engine/call/distribute_arguments.mjs
function CollectDistributionNames(expression, result = []) {
  return (
    // Conditional
    IsDeferred(expression) && guard_exports.IsEqual(expression.action, "Conditional") ? IsRef(expression.parameters[0]) ? CollectDistributionNames(expression.parameters[2], CollectDistributionNames(expression.parameters[3], [...result, expression.parameters[0]["$ref"]])) : CollectDistributionNames(expression.parameters[2], CollectDistributionNames(expression.parameters[3], result)) : IsDeferred(expression) && guard_exports.IsEqual(expression.action, "Mapped") ? IsDeferred(expression.parameters[1]) && guard_exports.IsEqual(expression.parameters[1].action, "KeyOf") && IsRef(expression.parameters[1].parameters[0]) ? [...result, expression.parameters[1].parameters[0]["$ref"]] : result : result
  );
}
function BuildDistributionArray(parameters, names) {
  return parameters.reduce((result, left) => [...result, names.includes(left.name)], []);
}
function ZipDistributionArray(arguments_, distributionArray, result = []) {
  return guard_exports.ShiftLeft(arguments_, (argumentLeft, argumentRight) => guard_exports.ShiftLeft(distributionArray, (booleanLeft, booleanRight) => ZipDistributionArray(argumentRight, booleanRight, [...result, [booleanLeft, argumentLeft]]), () => result), () => result);
}
function CanonicalArgument(type) {
  return IsTemplateLiteral(type) ? EvaluateTemplateLiteral(type.pattern) : IsEnum(type) ? EvaluateEnum(type.enum) : type;
}
function Expand(type) {
  const canonicalArgument = CanonicalArgument(type);
  return IsUnion(canonicalArgument) ? [...canonicalArgument.anyOf] : [canonicalArgument];
}
function Append(current, type) {
  return current.reduce((result, left) => [...result, [...left, type]], []);
}
function Cross(current, variants) {
  return variants.reduce((result, left) => {
    return [...result, ...Append(current, left)];
  }, []);
}
function Distribute2(zipped) {
  return zipped.reduce((result, left) => {
    return guard_exports.IsEqual(left[0], true) ? Cross(result, Expand(left[1])) : Cross(result, [left[1]]);
  }, [[]]);
}
function DistributeArguments(parameters, arguments_, expression) {
  const distributionNames = CollectDistributionNames(expression);
  const distributionArray = BuildDistributionArray(parameters, distributionNames);
  const zippedArguments = ZipDistributionArray(arguments_, distributionArray);
  return IsDeferred(expression) && guard_exports.IsEqual(expression.action, "Conditional") ? Distribute2(zippedArguments) : IsDeferred(expression) && guard_exports.IsEqual(expression.action, "Mapped") ? Distribute2(zippedArguments) : [arguments_];
}

// node_modules/typebox/build/type/engine/call/resolve_target.mjs
function FromNotResolvable() {
  return ["(not-resolvable)", Never()];
}
function FromNotGeneric() {
  return ["(not-generic)", Never()];
}
function FromGeneric(name, parameters, expression) {
  return [name, Generic(parameters, expression)];
}
function FromRef4(context, ref, arguments_) {
  return ref in context ? FromType6(context, ref, context[ref], arguments_) : FromNotResolvable();
}
function FromType6(context, name, target, arguments_) {
  return IsGeneric(target) ? FromGeneric(name, target.parameters, target.expression) : IsRef(target) ? FromRef4(context, target.$ref, arguments_) : FromNotGeneric();
}
function ResolveTarget(context, target, arguments_) {
  return FromType6(context, "(anonymous)", target, arguments_);
}

// node_modules/typebox/build/type/engine/call/resolve_arguments.mjs
function AssertArgumentExtends(name, type, extends_) {
  if (IsInfer(type) || IsCall(type) || result_exports.IsExtendsTrueLike(Extends({}, type, extends_)))
    return;
  const cause = { parameter: name, expect: extends_, actual: type };
  throw new Error(`Argument for parameter ${name} does not satisfy constraint`, { cause });
}
function BindArgument(context, state, name, extends_, type) {
  const instantiatedArgument = InstantiateType(context, state, type);
  AssertArgumentExtends(name, instantiatedArgument, extends_);
  return memory_exports.Assign(context, { [name]: instantiatedArgument });
}
function BindArguments(context, state, parameterLeft, parameterRight, arguments_) {
  const instantiatedExtends = InstantiateType(context, state, parameterLeft.extends);
  const instantiatedEquals = InstantiateType(context, state, parameterLeft.equals);
  return guard_exports.ShiftLeft(arguments_, (left, right) => BindParameters(BindArgument(context, state, parameterLeft["name"], instantiatedExtends, left), state, parameterRight, right), () => BindParameters(BindArgument(context, state, parameterLeft["name"], instantiatedExtends, instantiatedEquals), state, parameterRight, []));
}
function BindParameters(context, state, parameters, arguments_) {
  return guard_exports.ShiftLeft(parameters, (left, right) => BindArguments(context, state, left, right, arguments_), () => context);
}
function ResolveArgumentsContext(context, state, parameters, arguments_) {
  return BindParameters(context, state, parameters, arguments_);
}

// node_modules/typebox/build/type/engine/call/instantiate.mjs
var instantiationDepth = 0;
var instantiationCount = 0;
function InstantiationAssert() {
  if (guard_exports.IsLessThan(instantiationCount, settings_exports.Get().maxInstantiationCount))
    return;
  throw Error("Type instantiation is excessively deep and possibly infinite");
}
function InstantiationIncrement() {
  InstantiationAssert();
  instantiationCount++;
  instantiationDepth++;
}
function InstantiationDecrement() {
  instantiationDepth--;
  if (guard_exports.IsEqual(instantiationDepth, 0))
    instantiationCount = 0;
}
function Peek(state) {
  const result = guard_exports.IsGreaterThan(state.callstack.length, 0) ? state.callstack[state.callstack.length - 1] : "";
  return result;
}
function IsTailCall(state, name) {
  const result = guard_exports.IsEqual(Peek(state), name);
  return result;
}
function CallDispatch(context, state, target, parameters, expression, arguments_) {
  InstantiationIncrement();
  try {
    const argumentsContext = ResolveArgumentsContext(context, state, parameters, arguments_);
    const returnType = InstantiateType(argumentsContext, State([...state["callstack"], target["$ref"]], state["visited"]), expression);
    return InstantiateType(argumentsContext, State([], []), returnType);
  } finally {
    InstantiationDecrement();
  }
}
function CallDistributed(context, state, target, parameters, expression, distributedArguments) {
  return distributedArguments.reduce((result, arguments_) => {
    const returnType = CallDispatch(context, state, target, parameters, expression, arguments_);
    return [...result, returnType];
  }, []);
}
function CallImmediate(context, state, target, parameters, expression, arguments_) {
  const distributedArguments = DistributeArguments(parameters, arguments_, expression);
  const returnTypes = CallDistributed(context, state, target, parameters, expression, distributedArguments);
  const result = guard_exports.IsEqual(returnTypes.length, 1) ? returnTypes[0] : EvaluateUnion(returnTypes);
  return result;
}
function CallInstantiate(context, state, target, arguments_) {
  const instantiatedArguments = InstantiateTypes(context, state, arguments_);
  const resolved = ResolveTarget(context, target, arguments_);
  const name = resolved[0];
  const type = resolved[1];
  const result = IsGeneric(type) ? IsTailCall(state, name) ? CallConstruct(Ref(name), instantiatedArguments) : CallImmediate(context, state, Ref(name), type.parameters, type.expression, instantiatedArguments) : CallConstruct(target, instantiatedArguments);
  return result;
}

// node_modules/typebox/build/type/types/call.mjs
function CallConstruct(target, arguments_) {
  return memory_exports.Create({ ["~kind"]: "Call" }, { type: "call", target, arguments: arguments_ }, {});
}
function Call(target, arguments_) {
  return CallInstantiate({}, State([], []), target, arguments_);
}
function IsCall(value) {
  return IsKind(value, "Call");
}

// node_modules/typebox/build/type/engine/immutable/instantiate_remove.mjs
function RemoveImmutableOperation(type) {
  return memory_exports.Discard(type, ["~immutable"]);
}
function RemoveImmutableAction(type, options) {
  const result = memory_exports.Update(RemoveImmutableOperation(type), {}, options);
  return result;
}
function RemoveImmutableInstantiate(context, state, type, options) {
  const instantiatedType = InstantiateType(context, state, type);
  return RemoveImmutableAction(instantiatedType, options);
}

// node_modules/typebox/build/type/engine/intrinsics/mapping.mjs
function ApplyMapping(mapping, value) {
  return mapping(value);
}

// node_modules/typebox/build/type/engine/intrinsics/from_literal.mjs
function FromLiteral3(mapping, value) {
  return guard_exports.IsString(value) ? Literal(ApplyMapping(mapping, value)) : Literal(value);
}

// node_modules/typebox/build/type/engine/intrinsics/from_template_literal.mjs
function FromTemplateLiteral(mapping, pattern) {
  const evaluated = EvaluateTemplateLiteral(pattern);
  const result = FromType7(mapping, evaluated);
  return result;
}

// node_modules/typebox/build/type/engine/intrinsics/from_union.mjs
function FromUnion2(mapping, types) {
  const result = types.map((type) => FromType7(mapping, type));
  return Union(result);
}

// node_modules/typebox/build/type/engine/intrinsics/from_type.mjs
function FromType7(mapping, type) {
  return IsLiteral(type) ? FromLiteral3(mapping, type.const) : IsTemplateLiteral(type) ? FromTemplateLiteral(mapping, type.pattern) : IsUnion(type) ? FromUnion2(mapping, type.anyOf) : type;
}

// node_modules/typebox/build/type/action/capitalize.mjs
function CapitalizeDeferred(type, options = {}) {
  return Deferred("Capitalize", [type], options);
}
function Capitalize(type, options = {}) {
  return CapitalizeAction(type, options);
}

// node_modules/typebox/build/type/action/lowercase.mjs
function LowercaseDeferred(type, options = {}) {
  return Deferred("Lowercase", [type], options);
}
function Lowercase(type, options = {}) {
  return LowercaseAction(type, options);
}

// node_modules/typebox/build/type/action/uncapitalize.mjs
function UncapitalizeDeferred(type, options = {}) {
  return Deferred("Uncapitalize", [type], options);
}
function Uncapitalize(type, options = {}) {
  return UncapitalizeAction(type, options);
}

// node_modules/typebox/build/type/action/uppercase.mjs
function UppercaseDeferred(type, options = {}) {
  return Deferred("Uppercase", [type], options);
}
function Uppercase(type, options = {}) {
  return UppercaseAction(type, options);
}

// node_modules/typebox/build/type/engine/intrinsics/instantiate.mjs
var CapitalizeMapping = (input) => input[0].toUpperCase() + input.slice(1);
var LowercaseMapping = (input) => input.toLowerCase();
var UncapitalizeMapping = (input) => input[0].toLowerCase() + input.slice(1);
var UppercaseMapping = (input) => input.toUpperCase();
function CapitalizeAction(type, options) {
  const result = CanInstantiate([type]) ? memory_exports.Update(FromType7(CapitalizeMapping, type), {}, options) : CapitalizeDeferred(type, options);
  return result;
}
function LowercaseAction(type, options) {
  const result = CanInstantiate([type]) ? memory_exports.Update(FromType7(LowercaseMapping, type), {}, options) : LowercaseDeferred(type, options);
  return result;
}
function UncapitalizeAction(type, options) {
  const result = CanInstantiate([type]) ? memory_exports.Update(FromType7(UncapitalizeMapping, type), {}, options) : UncapitalizeDeferred(type, options);
  return result;
}
function UppercaseAction(type, options) {
  const result = CanInstantiate([type]) ? memory_exports.Update(FromType7(UppercaseMapping, type), {}, options) : UppercaseDeferred(type, options);
  return result;
}
function CapitalizeInstantiate(context, state, type, options) {
  const instantiatedType = InstantiateType(context, state, type);
  return CapitalizeAction(instantiatedType, options);
}
function LowercaseInstantiate(context, state, type, options) {
  const instantiatedType = InstantiateType(context, state, type);
  return LowercaseAction(instantiatedType, options);
}
function UncapitalizeInstantiate(context, state, type, options) {
  const instantiatedType = InstantiateType(context, state, type);
  return UncapitalizeAction(instantiatedType, options);
}
function UppercaseInstantiate(context, state, type, options) {
  const instantiatedType = InstantiateType(context, state, type);
  return UppercaseAction(instantiatedType, options);
}

// node_modules/typebox/build/type/action/conditional.mjs
function ConditionalDeferred(left, right, true_, false_, options = {}) {
  return Deferred("Conditional", [left, right, true_, false_], options);
}
function Conditional(left, right, true_, false_, options = {}) {
  return ConditionalAction({}, State([], []), left, right, true_, false_, options);
}

// node_modules/typebox/build/type/engine/conditional/instantiate.mjs
function ConditionalOperation(context, state, left, right, true_, false_) {
  const extendsResult = Extends(context, left, right);
  return result_exports.IsExtendsUnion(extendsResult) ? Union([InstantiateType(extendsResult.inferred, state, true_), InstantiateType(context, state, false_)]) : result_exports.IsExtendsTrue(extendsResult) ? InstantiateType(extendsResult.inferred, state, true_) : InstantiateType(context, state, false_);
}
function ConditionalAction(context, state, left, right, true_, false_, options) {
  const result = CanInstantiate([left, right]) ? memory_exports.Update(ConditionalOperation(context, state, left, right, true_, false_), {}, options) : ConditionalDeferred(left, right, true_, false_, options);
  return result;
}
function ConditionalInstantiate(context, state, left, right, true_, false_, options) {
  const instantiatedLeft = InstantiateType(context, state, left);
  const instantiatedRight = InstantiateType(context, state, right);
  return ConditionalAction(context, state, instantiatedLeft, instantiatedRight, true_, false_, options);
}

// node_modules/typebox/build/type/action/constructor_parameters.mjs
function ConstructorParametersDeferred(type, options = {}) {
  return Deferred("ConstructorParameters", [type], options);
}
function ConstructorParameters(type, options = {}) {
  return ConstructorParametersAction(type, options);
}

// node_modules/typebox/build/type/engine/constructor_parameters/instantiate.mjs
function ConstructorParametersOperation(type) {
  const parameters = IsConstructor2(type) ? type["parameters"] : [];
  const instantiatedParameters = InstantiateElements({}, State([], []), parameters);
  const result = Tuple(instantiatedParameters);
  return result;
}
function ConstructorParametersAction(type, options) {
  const result = CanInstantiate([type]) ? memory_exports.Update(ConstructorParametersOperation(type), {}, options) : ConstructorParametersDeferred(type, options);
  return result;
}
function ConstructorParametersInstantiate(context, state, type, options) {
  const instantiatedType = InstantiateType(context, state, type);
  return ConstructorParametersAction(instantiatedType, options);
}

// node_modules/typebox/build/type/action/exclude.mjs
function ExcludeDeferred(left, right, options = {}) {
  return Deferred("Exclude", [left, right], options);
}
function Exclude(left, right, options = {}) {
  return ExcludeAction(left, right, options);
}

// node_modules/typebox/build/type/engine/exclude/instantiate.mjs
function ExcludeAction(left, right, options) {
  const result = CanInstantiate([left, right]) ? memory_exports.Update(ExcludeOperation(left, right), {}, options) : ExcludeDeferred(left, right, options);
  return result;
}
function ExcludeInstantiate(context, state, left, right, options) {
  const instantiatedLeft = InstantiateType(context, state, left);
  const instantiatedRight = InstantiateType(context, state, right);
  return ExcludeAction(instantiatedLeft, instantiatedRight, options);
}

// node_modules/typebox/build/type/action/extract.mjs
function ExtractDeferred(left, right, options = {}) {
  return Deferred("Extract", [left, right], options);
}
function Extract(left, right, options = {}) {
  return ExtractAction(left, right, options);
}

// node_modules/typebox/build/type/engine/extract/operation.mjs
function ExtractType(left, right) {
  const check = Extends({}, left, right);
  const result = result_exports.IsExtendsTrueLike(check) ? [left] : [];
  return result;
}
function ExtractUnion(left, right, result = []) {
  return guard_exports.ShiftLeft(left, (head, tail) => ExtractUnion(tail, right, [...result, ...ExtractType(head, right)]), () => result);
}
function ExtractOperation(left, right) {
  const evaluated = EvaluateType(left);
  const canonical2 = IsUnion(evaluated) ? evaluated.anyOf : [evaluated];
  const remaining = ExtractUnion(canonical2, right);
  const result = EvaluateUnion(remaining);
  return result;
}

// node_modules/typebox/build/type/engine/extract/instantiate.mjs
function ExtractAction(left, right, options) {
  const result = CanInstantiate([left, right]) ? memory_exports.Update(ExtractOperation(left, right), {}, options) : ExtractDeferred(left, right, options);
  return result;
}
function ExtractInstantiate(context, state, left, right, options) {
  const instantiatedLeft = InstantiateType(context, state, left);
  const instantiatedRight = InstantiateType(context, state, right);
  return ExtractAction(instantiatedLeft, instantiatedRight, options);
}

// node_modules/typebox/build/type/engine/helpers/keys_to_indexer.mjs
function KeysToLiterals(keys) {
  return keys.reduce((result, left) => {
    return IsLiteralValue(left) ? [...result, Literal(left)] : result;
  }, []);
}
function KeysToIndexer(keys) {
  const literals = KeysToLiterals(keys);
  const result = Union(literals);
  return result;
}

// node_modules/typebox/build/type/action/indexed.mjs
function IndexDeferred(type, indexer, options = {}) {
  return Deferred("Index", [type, indexer], options);
}
function Index(type, indexer_or_keys, options = {}) {
  const indexer = guard_exports.IsArray(indexer_or_keys) ? KeysToIndexer(indexer_or_keys) : indexer_or_keys;
  return IndexAction(type, indexer, options);
}

// node_modules/typebox/build/type/engine/object/from_cyclic.mjs
function FromCyclic(defs, ref) {
  const target = CyclicTarget(defs, ref);
  const result = FromType8(target);
  return result;
}

// node_modules/typebox/build/type/engine/object/from_dependent.mjs
function FromDependent(if_, then_, else_) {
  const evaluated = EvaluateDependent(if_, then_, else_);
  const result = FromType8(evaluated);
  return result;
}

// node_modules/typebox/build/type/engine/object/from_intersect.mjs
function CollapseIntersectProperties(left, right) {
  const leftKeys = guard_exports.Keys(left).filter((key) => !guard_exports.HasPropertyKey(right, key));
  const rightKeys = guard_exports.Keys(right).filter((key) => !guard_exports.HasPropertyKey(left, key));
  const sharedKeys = guard_exports.Keys(left).filter((key) => guard_exports.HasPropertyKey(right, key));
  const leftProperties = leftKeys.reduce((result, key) => ({ ...result, [key]: left[key] }), {});
  const rightProperties = rightKeys.reduce((result, key) => ({ ...result, [key]: right[key] }), {});
  const sharedProperties = sharedKeys.reduce((result, key) => ({ ...result, [key]: EvaluatePropertyIntersect(left[key], right[key]) }), {});
  const unique = memory_exports.Assign(leftProperties, rightProperties);
  const shared = memory_exports.Assign(unique, sharedProperties);
  return shared;
}
function FromIntersect(types) {
  return types.reduce((result, left) => {
    return CollapseIntersectProperties(result, FromType8(left));
  }, {});
}

// node_modules/typebox/build/type/engine/object/from_object.mjs
function FromObject3(properties) {
  return properties;
}

// node_modules/typebox/build/type/engine/object/from_tuple.mjs
function FromTuple(types) {
  const object = TupleToObject(Tuple(types));
  const result = FromType8(object);
  return result;
}

// node_modules/typebox/build/type/engine/object/from_union.mjs
function CollapseUnionProperties(left, right) {
  const sharedKeys = guard_exports.Keys(left).filter((key) => key in right);
  const result = sharedKeys.reduce((result2, key) => {
    return { ...result2, [key]: EvaluatePropertyUnion(left[key], right[key]) };
  }, {});
  return result;
}
function ReduceVariants(types, result) {
  return guard_exports.ShiftLeft(types, (left, right) => ReduceVariants(right, CollapseUnionProperties(result, FromType8(left))), () => result);
}
function FromUnion3(types) {
  return guard_exports.ShiftLeft(types, (left, right) => ReduceVariants(right, FromType8(left)), () => Unreachable());
}

// node_modules/typebox/build/type/engine/object/from_type.mjs
function FromType8(type) {
  return IsCyclic(type) ? FromCyclic(type.$defs, type.$ref) : IsDependent(type) ? FromDependent(type.if, type.then, type.else) : IsIntersect(type) ? FromIntersect(type.allOf) : IsUnion(type) ? FromUnion3(type.anyOf) : IsTuple(type) ? FromTuple(type.items) : IsObject2(type) ? FromObject3(type.properties) : {};
}

// node_modules/typebox/build/type/engine/object/collapse.mjs
function CollapseToObject(type) {
  const properties = FromType8(type);
  const result = _Object_(properties);
  return result;
}

// node_modules/typebox/build/type/engine/helpers/keys.mjs
var integerKeyPattern = new RegExp("^(?:0|[1-9][0-9]*)$");
function ConvertToIntegerKey(value) {
  const normal = `${value}`;
  return integerKeyPattern.test(normal) ? parseInt(normal) : value;
}

// node_modules/typebox/build/type/engine/indexed/from_array.mjs
function NormalizeLiteral(value) {
  return Literal(ConvertToIntegerKey(value));
}
function NormalizeIndexerTypes(types) {
  return types.map((type) => NormalizeIndexer(type));
}
function NormalizeIndexer(type) {
  return IsIntersect(type) ? Intersect(NormalizeIndexerTypes(type.allOf)) : IsUnion(type) ? Union(NormalizeIndexerTypes(type.anyOf)) : IsLiteral(type) ? NormalizeLiteral(type.const) : type;
}
function FromArray2(type, indexer) {
  const normalizedIndexer = NormalizeIndexer(indexer);
  const check = Extends({}, normalizedIndexer, Number2());
  const result = (
    // indexer
    result_exports.IsExtendsTrueLike(check) ? type : IsLiteral(indexer) && guard_exports.IsEqual(indexer.const, "length") ? Number2() : Never()
  );
  return result;
}

// node_modules/typebox/build/type/engine/indexable/from_cyclic.mjs
function FromCyclic2(defs, ref) {
  const target = CyclicTarget(defs, ref);
  const result = FromType9(target);
  return result;
}

// node_modules/typebox/build/type/engine/indexable/from_dependent.mjs
function FromDependent2(if_, then_, else_) {
  const evaluated = EvaluateDependent(if_, then_, else_);
  const result = FromType9(evaluated);
  return result;
}

// node_modules/typebox/build/type/engine/indexable/from_enum.mjs
function FromEnum(values) {
  const evaluated = EvaluateEnum(values);
  const result = FromType9(evaluated);
  return result;
}

// node_modules/typebox/build/type/engine/indexable/from_intersect.mjs
function FromIntersect2(types) {
  const evaluated = EvaluateIntersect(types);
  const result = FromType9(evaluated);
  return result;
}

// node_modules/typebox/build/type/engine/indexable/from_literal.mjs
function FromLiteral4(value) {
  const result = [`${value}`];
  return result;
}

// node_modules/typebox/build/type/engine/indexable/from_template_literal.mjs
function FromTemplateLiteral2(pattern) {
  const evaluated = EvaluateTemplateLiteral(pattern);
  const result = FromType9(evaluated);
  return result;
}

// node_modules/typebox/build/type/engine/indexable/from_union.mjs
function FromUnion4(types) {
  return types.reduce((result, left) => {
    return [...result, ...FromType9(left)];
  }, []);
}

// node_modules/typebox/build/type/engine/indexable/from_type.mjs
function FromType9(type) {
  return IsCyclic(type) ? FromCyclic2(type.$defs, type.$ref) : IsDependent(type) ? FromDependent2(type.if, type.then, type.else) : IsEnum(type) ? FromEnum(type.enum) : IsIntersect(type) ? FromIntersect2(type.allOf) : IsLiteral(type) ? FromLiteral4(type.const) : IsTemplateLiteral(type) ? FromTemplateLiteral2(type.pattern) : IsUnion(type) ? FromUnion4(type.anyOf) : [];
}

// node_modules/typebox/build/type/engine/indexable/to_indexable_keys.mjs
function ToIndexableKeys(type) {
  const result = FromType9(type);
  return result;
}

// node_modules/typebox/build/type/engine/this/expand_this.mjs
function FromTypes5(properties, types) {
  return types.map((type) => FromType10(properties, type));
}
function FromType10(properties, type) {
  return IsArray2(type) ? _Array_(FromType10(properties, type.items)) : IsConstructor2(type) ? Constructor(FromTypes5(properties, type.parameters), FromType10(properties, type.instanceType)) : IsFunction2(type) ? _Function_(FromTypes5(properties, type.parameters), FromType10(properties, type.returnType)) : IsTuple(type) ? Tuple(FromTypes5(properties, type.items)) : IsUnion(type) ? Union(FromTypes5(properties, type.anyOf)) : IsIntersect(type) ? Intersect(FromTypes5(properties, type.allOf)) : IsThis(type) ? _Object_(properties) : type;
}
function ExpandThis(properties, type) {
  const result = FromType10(properties, type);
  return result;
}

// node_modules/typebox/build/type/engine/indexed/from_object.mjs
function IndexProperty(properties, key) {
  const selectedType = key in properties ? properties[key] : Never();
  const result = ExpandThis(properties, selectedType);
  return result;
}
function IndexProperties(properties, keys) {
  return keys.reduce((result, left) => {
    return [...result, IndexProperty(properties, left)];
  }, []);
}
function FromIndexer(properties, indexer) {
  const keys = ToIndexableKeys(indexer);
  const variants = IndexProperties(properties, keys);
  const result = EvaluateUnion(variants);
  return result;
}
var NumericKeyPattern = new RegExp(IntegerKey);
function NumericKeys(keys) {
  const result = keys.filter((key) => NumericKeyPattern.test(key));
  return result;
}
function FromIndexerNumber(properties) {
  const keys = PropertyKeys(properties);
  const numericKeys = NumericKeys(keys);
  const variants = IndexProperties(properties, numericKeys);
  const result = EvaluateUnion(variants);
  return result;
}
function FromObject4(properties, indexer) {
  const result = IsNumber3(indexer) ? FromIndexerNumber(properties) : FromIndexer(properties, indexer);
  return result;
}

// node_modules/typebox/build/type/engine/indexed/array_indexer.mjs
function ConvertLiteral(value) {
  return Literal(ConvertToIntegerKey(value));
}
function ArrayIndexerTypes(types) {
  return types.map((type) => FormatArrayIndexer(type));
}
function FormatArrayIndexer(type) {
  return IsIntersect(type) ? Intersect(ArrayIndexerTypes(type.allOf)) : IsUnion(type) ? Union(ArrayIndexerTypes(type.anyOf)) : IsLiteral(type) ? ConvertLiteral(type.const) : type;
}

// node_modules/typebox/build/type/engine/indexed/from_tuple.mjs
function IndexElementsWithIndexer(types, indexer) {
  return types.reduceRight((result, right, index2) => {
    const check = Extends({}, Literal(index2), indexer);
    return result_exports.IsExtendsTrueLike(check) ? [right, ...result] : result;
  }, []);
}
function FromTupleWithIndexer(types, indexer) {
  const formattedArrayIndexer = FormatArrayIndexer(indexer);
  const elements = IndexElementsWithIndexer(types, formattedArrayIndexer);
  return EvaluateUnionFast(elements);
}
function FromTupleWithoutIndexer(types) {
  return EvaluateUnionFast(types);
}
function FromTuple2(types, indexer) {
  return (
    // length (intrinsic)
    IsLiteral(indexer) && guard_exports.IsEqual(indexer.const, "length") ? Literal(types.length) : IsNumber3(indexer) || IsInteger2(indexer) ? FromTupleWithoutIndexer(types) : FromTupleWithIndexer(types, indexer)
  );
}

// node_modules/typebox/build/type/engine/indexed/from_type.mjs
function FromType11(type, indexer) {
  return IsArray2(type) ? FromArray2(type.items, indexer) : IsObject2(type) ? FromObject4(type.properties, indexer) : IsTuple(type) ? FromTuple2(type.items, indexer) : Never();
}

// node_modules/typebox/build/type/engine/indexed/instantiate.mjs
function NormalizeType(type) {
  const result = IsCyclic(type) || IsDependent(type) || IsIntersect(type) || IsUnion(type) ? CollapseToObject(type) : type;
  return result;
}
function IndexAction(type, indexer, options) {
  const result = CanInstantiate([type, indexer]) ? memory_exports.Update(FromType11(NormalizeType(type), indexer), {}, options) : IndexDeferred(type, indexer, options);
  return result;
}
function IndexInstantiate(context, state, type, indexer, options) {
  const instantiatedType = InstantiateType(context, state, type);
  const instantiatedIndexer = InstantiateType(context, state, indexer);
  return IndexAction(instantiatedType, instantiatedIndexer, options);
}

// node_modules/typebox/build/type/action/instance_type.mjs
function InstanceTypeDeferred(type, options = {}) {
  return Deferred("InstanceType", [type], options);
}
function InstanceType(type, options = {}) {
  return InstanceTypeAction(type, options);
}

// node_modules/typebox/build/type/engine/instance_type/instantiate.mjs
function InstanceTypeOperation(type) {
  return IsConstructor2(type) ? type["instanceType"] : Never();
}
function InstanceTypeAction(type, options) {
  const result = CanInstantiate([type]) ? memory_exports.Update(InstanceTypeOperation(type), {}, options) : InstanceTypeDeferred(type, options);
  return result;
}
function InstanceTypeInstantiate(context, state, type, options = {}) {
  const instantiatedType = InstantiateType(context, state, type);
  return InstanceTypeAction(instantiatedType, options);
}

// node_modules/typebox/build/type/action/keyof.mjs
function KeyOfDeferred(type, options = {}) {
  return Deferred("KeyOf", [type], options);
}
function KeyOf2(type, options = {}) {
  return KeyOfAction(type, options);
}

// node_modules/typebox/build/type/engine/keyof/from_any.mjs
function FromAny() {
  return Union([Number2(), String2(), Symbol()]);
}

// node_modules/typebox/build/type/engine/keyof/from_array.mjs
function FromArray3(_type) {
  return Number2();
}

// node_modules/typebox/build/type/engine/keyof/from_object.mjs
function FromPropertyKeys(keys) {
  const result = keys.reduce((result2, left) => {
    return IsLiteralValue(left) ? [...result2, Literal(ConvertToIntegerKey(left))] : Unreachable();
  }, []);
  return result;
}
function FromObject5(properties) {
  const propertyKeys = guard_exports.Keys(properties);
  const variants = FromPropertyKeys(propertyKeys);
  const result = EvaluateUnionFast(variants);
  return result;
}

// node_modules/typebox/build/type/engine/keyof/from_record.mjs
function FromRecord2(type) {
  return RecordKey(type);
}

// node_modules/typebox/build/type/engine/keyof/from_tuple.mjs
function FromTuple3(types) {
  const result = types.map((_, index2) => Literal(index2));
  return EvaluateUnionFast(result);
}

// node_modules/typebox/build/type/engine/keyof/from_type.mjs
function FromType12(type) {
  return IsAny(type) ? FromAny() : IsArray2(type) ? FromArray3(type.items) : IsObject2(type) ? FromObject5(type.properties) : IsRecord(type) ? FromRecord2(type) : IsTuple(type) ? FromTuple3(type.items) : Never();
}

// node_modules/typebox/build/type/engine/keyof/instantiate.mjs
function NormalizeType2(type) {
  const result = IsCyclic(type) || IsDependent(type) || IsIntersect(type) || IsUnion(type) ? CollapseToObject(type) : type;
  return result;
}
function KeyOfAction(type, options) {
  return CanInstantiate([type]) ? memory_exports.Update(FromType12(NormalizeType2(type)), {}, options) : KeyOfDeferred(type, options);
}
function KeyOfInstantiate(context, state, type, options) {
  const instantiatedType = InstantiateType(context, state, type);
  return KeyOfAction(instantiatedType, options);
}

// node_modules/typebox/build/type/action/mapped.mjs
function MappedDeferred(identifier, type, as, property, options = {}) {
  return Deferred("Mapped", [identifier, type, as, property], options);
}
function Mapped(identifier, type, as, property, options = {}) {
  return MappedAction({}, State([], []), identifier, type, as, property, options);
}

// node_modules/typebox/build/type/engine/mapped/mapped_variants.mjs
function FromTemplateLiteral3(pattern) {
  const evaluated = EvaluateTemplateLiteral(pattern);
  const result = FromType13(evaluated);
  return result;
}
function FromUnion5(types) {
  return types.reduce((result, left) => {
    return [...result, ...FromType13(left)];
  }, []);
}
function FromEnum2(values) {
  const evaluated = EvaluateEnum(values);
  const result = FromType13(evaluated);
  return result;
}
function FromLiteral5(value) {
  const result = guard_exports.IsNumber(value) ? [Literal(`${value}`)] : [Literal(value)];
  return result;
}
function FromType13(type) {
  const result = IsEnum(type) ? FromEnum2(type.enum) : IsLiteral(type) ? FromLiteral5(type.const) : IsTemplateLiteral(type) ? FromTemplateLiteral3(type.pattern) : IsUnion(type) ? FromUnion5(type.anyOf) : [type];
  return result;
}
function MappedVariants(type) {
  const result = FromType13(type);
  return result;
}

// node_modules/typebox/build/type/engine/mapped/mapped_operation.mjs
function CanonicalAs(instantiatedAs) {
  const result = IsTemplateLiteral(instantiatedAs) ? EvaluateTemplateLiteral(instantiatedAs.pattern) : instantiatedAs;
  return result;
}
function MappedVariant(context, state, identifier, variant, as, property) {
  const variantContext = memory_exports.Assign(context, { [identifier["name"]]: variant });
  const instantiatedAs = InstantiateType(variantContext, state, as);
  const canonicalAs = CanonicalAs(instantiatedAs);
  const instantiatedProperty = InstantiateType(variantContext, state, property);
  return IsLiteralNumber(canonicalAs) || IsLiteralString(canonicalAs) ? { [canonicalAs.const]: instantiatedProperty } : {};
}
function MappedProperties(context, state, identifier, variants, as, property) {
  return variants.reduce((result, left) => {
    return [...result, MappedVariant(context, state, identifier, left, as, property)];
  }, []);
}
function MappedObjects(properties) {
  return properties.reduce((result, left) => {
    return [...result, _Object_(left)];
  }, []);
}
function MappedOperation(context, state, identifier, type, as, property) {
  const variants = MappedVariants(type);
  const mappedProperties = MappedProperties(context, state, identifier, variants, as, property);
  const mappedObjects = MappedObjects(mappedProperties);
  const result = EvaluateIntersect(mappedObjects);
  return result;
}

// node_modules/typebox/build/type/engine/mapped/instantiate.mjs
function MappedAction(context, state, identifier, type, as, property, options) {
  const result = CanInstantiate([type]) ? memory_exports.Update(MappedOperation(context, state, identifier, type, as, property), {}, options) : MappedDeferred(identifier, type, as, property, options);
  return result;
}
function MappedInstantiate(context, state, identifier, type, as, property, options) {
  const instantiatedType = InstantiateType(context, state, type);
  return MappedAction(context, state, identifier, instantiatedType, as, property, options);
}

// node_modules/typebox/build/type/engine/module/instantiate.mjs
function InstantiateCyclics(context, declarations, cyclicKeys) {
  const declarationContext = memory_exports.Assign(context, declarations);
  const declarationKeys = guard_exports.Keys(declarations).filter((key) => cyclicKeys.includes(key));
  return declarationKeys.reduce((result, key) => {
    return { ...result, [key]: InstantiateCyclic(declarationContext, key, declarations[key]) };
  }, {});
}
function InstantiateNonCyclics(context, declarations, cyclicKeys) {
  const declarationContext = memory_exports.Assign(context, declarations);
  const declarationKeys = guard_exports.Keys(declarations).filter((key) => !cyclicKeys.includes(key));
  return declarationKeys.reduce((result, key) => {
    return { ...result, [key]: InstantiateType(declarationContext, State([], []), declarations[key]) };
  }, {});
}
function InstantiateModule(context, declarations, options) {
  const cyclicCandidates = CyclicCandidates(declarations);
  const instantiatedCyclics = InstantiateCyclics(context, declarations, cyclicCandidates);
  const instantiatedNonCyclics = InstantiateNonCyclics(context, declarations, cyclicCandidates);
  const instantiatedModule = { ...instantiatedCyclics, ...instantiatedNonCyclics };
  return memory_exports.Update(instantiatedModule, {}, options);
}
function ModuleInstantiate(context, _state, declarations, options) {
  const instantiatedModule = InstantiateModule(context, declarations, options);
  return instantiatedModule;
}

// node_modules/typebox/build/type/action/non_nullable.mjs
function NonNullableDeferred(type, options = {}) {
  return Deferred("NonNullable", [type], options);
}
function NonNullable(type, options = {}) {
  return NonNullableAction(type, options);
}

// node_modules/typebox/build/type/engine/non_nullable/instantiate.mjs
function NonNullableOperation(type) {
  const excluded = Union([Null(), Undefined()]);
  return ExcludeAction(type, excluded, {});
}
function NonNullableAction(type, options) {
  const result = CanInstantiate([type]) ? memory_exports.Update(NonNullableOperation(type), {}, options) : NonNullableDeferred(type, options);
  return result;
}
function NonNullableInstantiate(context, state, type, options) {
  const instantiatedType = InstantiateType(context, state, type);
  return NonNullableAction(instantiatedType, options);
}

// node_modules/typebox/build/type/action/omit.mjs
function OmitDeferred(type, indexer, options = {}) {
  return Deferred("Omit", [type, indexer], options);
}
function Omit(type, indexer_or_keys, options = {}) {
  const indexer = guard_exports.IsArray(indexer_or_keys) ? KeysToIndexer(indexer_or_keys) : indexer_or_keys;
  return OmitAction(type, indexer, options);
}

// node_modules/typebox/build/type/engine/indexable/to_indexable.mjs
function ToIndexable(type) {
  const collapsed = CollapseToObject(type);
  const result = IsObject2(collapsed) ? collapsed.properties : Unreachable();
  return result;
}

// node_modules/typebox/build/type/engine/omit/from_type.mjs
function FromKeys(properties, keys) {
  const result = guard_exports.Keys(properties).reduce((result2, key) => {
    return keys.includes(key) ? result2 : { ...result2, [key]: properties[key] };
  }, {});
  return result;
}
function FromType14(type, indexer) {
  const indexable = ToIndexable(type);
  const indexableKeys = ToIndexableKeys(indexer);
  const omitted = FromKeys(indexable, indexableKeys);
  const result = _Object_(omitted);
  return result;
}

// node_modules/typebox/build/type/engine/omit/instantiate.mjs
function OmitAction(type, indexer, options) {
  const result = CanInstantiate([type, indexer]) ? memory_exports.Update(FromType14(type, indexer), {}, options) : OmitDeferred(type, indexer, options);
  return result;
}
function OmitInstantiate(context, state, type, indexer, options) {
  const instantiatedType = InstantiateType(context, state, type);
  const instantiatedIndexer = InstantiateType(context, state, indexer);
  return OmitAction(instantiatedType, instantiatedIndexer, options);
}

// node_modules/typebox/build/type/action/parameters.mjs
function ParametersDeferred(type, options = {}) {
  return Deferred("Parameters", [type], options);
}
function Parameters(type, options = {}) {
  return ParametersAction(type, options);
}

// node_modules/typebox/build/type/engine/parameters/instantiate.mjs
function ParametersOperation(type) {
  const parameters = IsFunction2(type) ? type["parameters"] : [];
  const instantiatedParameters = InstantiateElements({}, State([], []), parameters);
  const result = Tuple(instantiatedParameters);
  return result;
}
function ParametersAction(type, options) {
  const result = CanInstantiate([type]) ? memory_exports.Update(ParametersOperation(type), {}, options) : ParametersDeferred(type, options);
  return result;
}
function ParametersInstantiate(context, state, type, options) {
  const instantiatedType = InstantiateType(context, state, type);
  return ParametersAction(instantiatedType, options);
}

// node_modules/typebox/build/type/action/partial.mjs
function PartialDeferred(type, options = {}) {
  return Deferred("Partial", [type], options);
}
function Partial(type, options = {}) {
  return PartialAction(type, options);
}

// node_modules/typebox/build/type/engine/partial/from_cyclic.mjs
function FromCyclic3(defs, ref) {
  const target = CyclicTarget(defs, ref);
  const partial = FromType15(target);
  const result = Cyclic(memory_exports.Assign(defs, { [ref]: partial }), ref);
  return result;
}

// node_modules/typebox/build/type/engine/partial/from_dependent.mjs
function FromDependent3(if_, then_, else_) {
  const evaluated = EvaluateDependent(if_, then_, else_);
  const result = FromType15(evaluated);
  return result;
}

// node_modules/typebox/build/type/engine/partial/from_intersect.mjs
function FromIntersect3(types) {
  const evaluated = EvaluateIntersect(types);
  const result = FromType15(evaluated);
  return result;
}

// node_modules/typebox/build/type/engine/partial/from_union.mjs
function FromUnion6(types) {
  const result = types.map((type) => FromType15(type));
  return Union(result);
}

// node_modules/typebox/build/type/engine/partial/from_object.mjs
function FromObject6(properties) {
  const mapped = guard_exports.Keys(properties).reduce((result2, left) => {
    return { ...result2, [left]: AddOptional(properties[left]) };
  }, {});
  const result = _Object_(mapped);
  return result;
}

// node_modules/typebox/build/type/engine/partial/from_type.mjs
function FromType15(type) {
  return IsCyclic(type) ? FromCyclic3(type.$defs, type.$ref) : IsDependent(type) ? FromDependent3(type.if, type.then, type.else) : IsIntersect(type) ? FromIntersect3(type.allOf) : IsUnion(type) ? FromUnion6(type.anyOf) : IsObject2(type) ? FromObject6(type.properties) : _Object_({});
}

// node_modules/typebox/build/type/engine/partial/instantiate.mjs
function PartialAction(type, options) {
  const result = CanInstantiate([type]) ? memory_exports.Update(FromType15(type), {}, options) : PartialDeferred(type, options);
  return result;
}
function PartialInstantiate(context, state, type, options) {
  const instantiatedType = InstantiateType(context, state, type);
  return PartialAction(instantiatedType, options);
}

// node_modules/typebox/build/type/action/pick.mjs
function PickDeferred(type, indexer, options = {}) {
  return Deferred("Pick", [type, indexer], options);
}
function Pick(type, indexer_or_keys, options = {}) {
  const indexer = guard_exports.IsArray(indexer_or_keys) ? KeysToIndexer(indexer_or_keys) : indexer_or_keys;
  return PickAction(type, indexer, options);
}

// node_modules/typebox/build/type/engine/pick/from_type.mjs
function FromKeys2(properties, keys) {
  const result = guard_exports.Keys(properties).reduce((result2, key) => {
    return keys.includes(key) ? memory_exports.Assign(result2, { [key]: properties[key] }) : result2;
  }, {});
  return result;
}
function FromType16(type, indexer) {
  const indexable = ToIndexable(type);
  const keys = ToIndexableKeys(indexer);
  const applied = FromKeys2(indexable, keys);
  const result = _Object_(applied);
  return result;
}

// node_modules/typebox/build/type/engine/pick/instantiate.mjs
function PickAction(type, indexer, options) {
  const result = CanInstantiate([type, indexer]) ? memory_exports.Update(FromType16(type, indexer), {}, options) : PickDeferred(type, indexer, options);
  return result;
}
function PickInstantiate(context, state, type, indexer, options) {
  const instantiatedType = InstantiateType(context, state, type);
  const instantiatedIndexer = InstantiateType(context, state, indexer);
  return PickAction(instantiatedType, instantiatedIndexer, options);
}

// node_modules/typebox/build/type/action/readonly_object.mjs
function ReadonlyObjectDeferred(type, options = {}) {
  return Deferred("ReadonlyObject", [type], options);
}
function ReadonlyObject(type, options = {}) {
  return ReadonlyObjectAction(type, options);
}
var ReadonlyType = ReadonlyObject;

// node_modules/typebox/build/type/engine/readonly_object/from_array.mjs
function FromArray4(type) {
  const result = AddImmutable(_Array_(type));
  return result;
}

// node_modules/typebox/build/type/engine/readonly_object/from_cyclic.mjs
function FromCyclic4(defs, ref) {
  const target = CyclicTarget(defs, ref);
  const partial = FromType17(target);
  const result = Cyclic(memory_exports.Assign(defs, { [ref]: partial }), ref);
  return result;
}

// node_modules/typebox/build/type/engine/readonly_object/from_dependent.mjs
function FromDependent4(if_, then_, else_) {
  const evaluated = EvaluateDependent(if_, then_, else_);
  const result = FromType17(evaluated);
  return result;
}

// node_modules/typebox/build/type/engine/readonly_object/from_intersect.mjs
function FromIntersect4(types) {
  const evaluated = EvaluateIntersect(types);
  const result = FromType17(evaluated);
  return result;
}

// node_modules/typebox/build/type/engine/readonly_object/from_object.mjs
function FromObject7(properties) {
  const mapped = guard_exports.Keys(properties).reduce((result2, left) => {
    return { ...result2, [left]: AddReadonly(properties[left]) };
  }, {});
  const result = _Object_(mapped);
  return result;
}

// node_modules/typebox/build/type/engine/readonly_object/from_tuple.mjs
function FromTuple4(types) {
  const result = AddImmutable(Tuple(types));
  return result;
}

// node_modules/typebox/build/type/engine/readonly_object/from_union.mjs
function FromUnion7(types) {
  const result = types.map((type) => FromType17(type));
  return Union(result);
}

// node_modules/typebox/build/type/engine/readonly_object/from_type.mjs
function FromType17(type) {
  return IsArray2(type) ? FromArray4(type.items) : IsCyclic(type) ? FromCyclic4(type.$defs, type.$ref) : IsDependent(type) ? FromDependent4(type.if, type.then, type.else) : IsIntersect(type) ? FromIntersect4(type.allOf) : IsObject2(type) ? FromObject7(type.properties) : IsTuple(type) ? FromTuple4(type.items) : IsUnion(type) ? FromUnion7(type.anyOf) : type;
}

// node_modules/typebox/build/type/engine/readonly_object/instantiate.mjs
function ReadonlyObjectAction(type, options) {
  const result = CanInstantiate([type]) ? memory_exports.Update(FromType17(type), {}, options) : ReadonlyObjectDeferred(type);
  return result;
}
function ReadonlyObjectInstantiate(context, state, type, options) {
  const instantiatedType = InstantiateType(context, state, type);
  return ReadonlyObjectAction(instantiatedType, options);
}

// node_modules/typebox/build/type/engine/ref/instantiate.mjs
function RefInstantiate(context, state, type, ref) {
  return state.visited.includes(ref) ? type : ref in context ? InstantiateType(context, State(state["callstack"], [...state["visited"], ref]), context[ref]) : type;
}

// node_modules/typebox/build/type/engine/required/from_cyclic.mjs
function FromCyclic5(defs, ref) {
  const target = CyclicTarget(defs, ref);
  const partial = FromType18(target);
  const result = Cyclic(memory_exports.Assign(defs, { [ref]: partial }), ref);
  return result;
}

// node_modules/typebox/build/type/engine/required/from_dependent.mjs
function FromDependent5(if_, then_, else_) {
  const evaluated = EvaluateDependent(if_, then_, else_);
  const result = FromType18(evaluated);
  return result;
}

// node_modules/typebox/build/type/engine/required/from_intersect.mjs
function FromIntersect5(types) {
  const evaluated = EvaluateIntersect(types);
  const result = FromType18(evaluated);
  return result;
}

// node_modules/typebox/build/type/engine/required/from_union.mjs
function FromUnion8(types) {
  const result = types.map((type) => FromType18(type));
  return Union(result);
}

// node_modules/typebox/build/type/action/_remove_optional.mjs
function RemoveOptionalDeferred(type, options = {}) {
  return Deferred("RemoveOptional", [type], options);
}
function RemoveOptional(type, options = {}) {
  return RemoveOptionalAction(type, options);
}

// node_modules/typebox/build/type/engine/required/from_object.mjs
function FromObject8(properties) {
  const mapped = guard_exports.Keys(properties).reduce((result2, left) => {
    return { ...result2, [left]: RemoveOptional(properties[left]) };
  }, {});
  const result = _Object_(mapped);
  return result;
}

// node_modules/typebox/build/type/engine/required/from_type.mjs
function FromType18(type) {
  return IsCyclic(type) ? FromCyclic5(type.$defs, type.$ref) : IsDependent(type) ? FromDependent5(type.if, type.then, type.else) : IsIntersect(type) ? FromIntersect5(type.allOf) : IsUnion(type) ? FromUnion8(type.anyOf) : IsObject2(type) ? FromObject8(type.properties) : _Object_({});
}

// node_modules/typebox/build/type/action/required.mjs
function RequiredDeferred(type, options = {}) {
  return Deferred("Required", [type], options);
}
function Required(type, options = {}) {
  return RequiredAction(type, options);
}

// node_modules/typebox/build/type/engine/required/instantiate.mjs
function RequiredAction(type, options) {
  const result = CanInstantiate([type]) ? memory_exports.Update(FromType18(type), {}, options) : RequiredDeferred(type, options);
  return result;
}
function RequiredInstantiate(context, state, type, options) {
  const instaniatedType = InstantiateType(context, state, type);
  return RequiredAction(instaniatedType, options);
}

// node_modules/typebox/build/type/action/return_type.mjs
function ReturnTypeDeferred(type, options = {}) {
  return Deferred("ReturnType", [type], options);
}
function ReturnType(type, options = {}) {
  return ReturnTypeAction(type, options);
}

// node_modules/typebox/build/type/engine/return_type/instantiate.mjs
function ReturnTypeOperation(type) {
  return IsFunction2(type) ? type["returnType"] : Never();
}
function ReturnTypeAction(type, options) {
  const result = CanInstantiate([type]) ? memory_exports.Update(ReturnTypeOperation(type), {}, options) : ReturnTypeDeferred(type, options);
  return result;
}
function ReturnTypeInstantiate(context, state, type, options = {}) {
  const instantiatedType = InstantiateType(context, state, type);
  return ReturnTypeAction(instantiatedType, options);
}

// node_modules/typebox/build/type/action/with.mjs
function WithDeferred(type, options) {
  return Deferred("With", [type, options], {});
}
function With2(type, options) {
  return WithAction(type, options);
}

// node_modules/typebox/build/type/engine/with/instantiate.mjs
function WithAction(type, options) {
  const result = CanInstantiate([type]) ? memory_exports.Update(type, {}, options) : WithDeferred(type, options);
  return result;
}
function WithInstantiate(context, state, type, options) {
  const instaniatedType = InstantiateType(context, state, type);
  return WithAction(instaniatedType, options);
}

// node_modules/typebox/build/type/engine/rest/spread.mjs
function SpreadElement(type) {
  const result = IsRest(type) ? IsTuple(type.items) ? RestSpread(type.items.items) : IsInfer(type.items) ? [type] : IsRef(type.items) ? [type] : [Never()] : [type];
  return result;
}
function RestSpread(types) {
  const result = types.reduce((result2, left) => {
    return [...result2, ...SpreadElement(left)];
  }, []);
  return result;
}

// node_modules/typebox/build/type/engine/instantiate.mjs
function State(callstack, visited) {
  return { callstack, visited };
}
function CanInstantiate(types) {
  return guard_exports.ShiftLeft(types, (left, right) => IsRef(left) ? false : CanInstantiate(right), () => true);
}
function InstantiateProperties(context, state, properties) {
  return guard_exports.Keys(properties).reduce((result, key) => {
    return { ...result, [key]: InstantiateType(context, state, properties[key]) };
  }, {});
}
function InstantiateElements(context, state, types) {
  const elements = InstantiateTypes(context, state, types);
  const result = RestSpread(elements);
  return result;
}
function InstantiateTypes(context, state, types) {
  return types.map((type) => InstantiateType(context, state, type));
}
function WithModifiers(type, instantiatedType) {
  const withOptional = IsOptional(type) ? AddOptionalAction(instantiatedType, {}) : instantiatedType;
  const withReadonly = IsReadonly(type) ? AddReadonlyAction(withOptional, {}) : withOptional;
  const withImmutable = IsImmutable(type) ? AddImmutableAction(withReadonly, {}) : withReadonly;
  return withImmutable;
}
function InstantiateDeferred(context, state, action, parameters, options) {
  return (
    // Modifiers
    guard_exports.IsEqual(action, "AddImmutable") ? AddImmutableInstantiate(context, state, parameters[0], options) : guard_exports.IsEqual(action, "RemoveImmutable") ? RemoveImmutableInstantiate(context, state, parameters[0], options) : guard_exports.IsEqual(action, "AddReadonly") ? AddReadonlyInstantiate(context, state, parameters[0], options) : guard_exports.IsEqual(action, "RemoveReadonly") ? RemoveReadonlyInstantiate(context, state, parameters[0], options) : guard_exports.IsEqual(action, "AddOptional") ? AddOptionalInstantiate(context, state, parameters[0], options) : guard_exports.IsEqual(action, "RemoveOptional") ? RemoveOptionalInstantiate(context, state, parameters[0], options) : (
      // Actions
      guard_exports.IsEqual(action, "Capitalize") ? CapitalizeInstantiate(context, state, parameters[0], options) : guard_exports.IsEqual(action, "Conditional") ? ConditionalInstantiate(context, state, parameters[0], parameters[1], parameters[2], parameters[3], options) : guard_exports.IsEqual(action, "ConstructorParameters") ? ConstructorParametersInstantiate(context, state, parameters[0], options) : guard_exports.IsEqual(action, "Evaluate") ? EvaluateInstantiate(context, state, parameters[0], options) : guard_exports.IsEqual(action, "Exclude") ? ExcludeInstantiate(context, state, parameters[0], parameters[1], options) : guard_exports.IsEqual(action, "Extract") ? ExtractInstantiate(context, state, parameters[0], parameters[1], options) : guard_exports.IsEqual(action, "Index") ? IndexInstantiate(context, state, parameters[0], parameters[1], options) : guard_exports.IsEqual(action, "InstanceType") ? InstanceTypeInstantiate(context, state, parameters[0], options) : guard_exports.IsEqual(action, "Interface") ? InterfaceInstantiate(context, state, parameters[0], parameters[1], options) : guard_exports.IsEqual(action, "KeyOf") ? KeyOfInstantiate(context, state, parameters[0], options) : guard_exports.IsEqual(action, "Lowercase") ? LowercaseInstantiate(context, state, parameters[0], options) : guard_exports.IsEqual(action, "Mapped") ? MappedInstantiate(context, state, parameters[0], parameters[1], parameters[2], parameters[3], options) : guard_exports.IsEqual(action, "Module") ? ModuleInstantiate(context, state, parameters[0], options) : guard_exports.IsEqual(action, "NonNullable") ? NonNullableInstantiate(context, state, parameters[0], options) : guard_exports.IsEqual(action, "Pick") ? PickInstantiate(context, state, parameters[0], parameters[1], options) : guard_exports.IsEqual(action, "Parameters") ? ParametersInstantiate(context, state, parameters[0], options) : guard_exports.IsEqual(action, "Partial") ? PartialInstantiate(context, state, parameters[0], options) : guard_exports.IsEqual(action, "Omit") ? OmitInstantiate(context, state, parameters[0], parameters[1], options) : guard_exports.IsEqual(action, "ReadonlyObject") ? ReadonlyObjectInstantiate(context, state, parameters[0], options) : guard_exports.IsEqual(action, "Record") ? RecordInstantiate(context, state, parameters[0], parameters[1], options) : guard_exports.IsEqual(action, "Required") ? RequiredInstantiate(context, state, parameters[0], options) : guard_exports.IsEqual(action, "ReturnType") ? ReturnTypeInstantiate(context, state, parameters[0], options) : guard_exports.IsEqual(action, "TemplateLiteral") ? TemplateLiteralInstantiate(context, state, parameters[0], options) : guard_exports.IsEqual(action, "Uncapitalize") ? UncapitalizeInstantiate(context, state, parameters[0], options) : guard_exports.IsEqual(action, "Uppercase") ? UppercaseInstantiate(context, state, parameters[0], options) : guard_exports.IsEqual(action, "With") ? WithInstantiate(context, state, parameters[0], parameters[1]) : Deferred(action, parameters, options)
    )
  );
}
function InstantiateImmediate(context, state, type) {
  const instantiatedType = IsRef(type) ? RefInstantiate(context, state, type, type.$ref) : IsArray2(type) ? _Array_(InstantiateType(context, state, type.items), ArrayOptions(type)) : IsCall(type) ? CallInstantiate(context, state, type.target, type.arguments) : IsConstructor2(type) ? Constructor(InstantiateTypes(context, state, type.parameters), InstantiateType(context, state, type.instanceType), ConstructorOptions(type)) : IsFunction2(type) ? _Function_(InstantiateTypes(context, state, type.parameters), InstantiateType(context, state, type.returnType), FunctionOptions(type)) : IsDependent(type) ? Dependent(InstantiateType(context, state, type.if), InstantiateType(context, state, type.then), InstantiateType(context, state, type.else), DependentOptions(type)) : IsIntersect(type) ? Intersect(InstantiateTypes(context, state, type.allOf), IntersectOptions(type)) : IsObject2(type) ? _Object_(InstantiateProperties(context, state, type.properties), ObjectOptions(type)) : IsRecord(type) ? RecordFromPattern(RecordPattern(type), InstantiateType(context, state, RecordValue(type))) : IsRest(type) ? Rest(InstantiateType(context, state, type.items)) : IsTuple(type) ? Tuple(InstantiateElements(context, state, type.items), TupleOptions(type)) : IsUnion(type) ? Union(InstantiateTypes(context, state, type.anyOf), UnionOptions(type)) : type;
  const withModifiers = WithModifiers(type, instantiatedType);
  return withModifiers;
}
function InstantiateType(context, state, type) {
  const result = IsDeferred(type) ? InstantiateDeferred(context, state, type.action, type.parameters, type.options) : InstantiateImmediate(context, state, type);
  return result;
}
function Instantiate(context, type) {
  return InstantiateType(context, State([], []), type);
}

// node_modules/typebox/build/type/engine/immutable/instantiate_add.mjs
function AddImmutableAction(type, options) {
  const result = memory_exports.Update(type, { "~immutable": true }, options);
  return result;
}
function AddImmutableInstantiate(context, state, type, options) {
  const instantiatedType = InstantiateType(context, state, type);
  return AddImmutableAction(instantiatedType, options);
}

// node_modules/typebox/build/type/action/_add_immutable.mjs
function AddImmutableDeferred(type, options = {}) {
  return Deferred("AddImmutable", [type], options);
}
function AddImmutable(type, options = {}) {
  return AddImmutableAction(type, options);
}

// node_modules/typebox/build/type/action/_remove_readonly.mjs
function RemoveReadonlyDeferred(type, options = {}) {
  return Deferred("RemoveReadonly", [type], options);
}

// node_modules/typebox/build/type/action/evaluate.mjs
function EvaluateDeferred(type, options = {}) {
  return Deferred("Evaluate", [type], options);
}
function Evaluate(type, options = {}) {
  return EvaluateAction(type, options);
}

// node_modules/typebox/build/type/action/module.mjs
function ModuleDeferred(declarations, options = {}) {
  return Deferred("Module", [declarations], options);
}
function Module2(declarations, options = {}) {
  return ModuleInstantiate({}, State([], []), declarations, options);
}

// node_modules/typebox/build/type/engine/priority/priority.mjs
function Comparer(left, right) {
  const compareResult = Compare(left, right);
  return guard_exports.IsEqual(compareResult, CompareResultRightInside) ? 1 : guard_exports.IsEqual(compareResult, CompareResultDisjoint) ? 1 : 0;
}
function Insert(type, types, result = []) {
  return guard_exports.ShiftLeft(types, (left, right) => guard_exports.IsEqual(Comparer(type, left), 1) ? Insert(type, right, [...result, left]) : [...result, type, ...types], () => [...result, type]);
}
function Sort(types, result = []) {
  return guard_exports.ShiftLeft(types, (left, right) => Sort(right, Insert(left, result)), () => result);
}
function Priority(types) {
  const result = Sort(types);
  return result;
}

// node_modules/typebox/build/type/script/script.mjs
function Script2(...args) {
  const [context, input, options] = arguments_exports.Match(args, {
    2: (script, options2) => guard_exports.IsString(script) ? [{}, script, options2] : [script, options2, {}],
    3: (context2, script, options2) => [context2, script, options2],
    1: (script) => [{}, script, {}]
  });
  const result = Script(input);
  const parsed2 = guard_exports.IsArray(result) && guard_exports.IsEqual(result.length, 2) ? InstantiateType(context, State([], []), result[0]) : Never();
  return memory_exports.Update(parsed2, {}, options);
}

// node_modules/typebox/build/typebox.mjs
var typebox_exports = {};
__export(typebox_exports, {
  Any: () => Any,
  Array: () => _Array_,
  BigInt: () => BigInt2,
  Boolean: () => Boolean2,
  Call: () => Call,
  Capitalize: () => Capitalize,
  Codec: () => Codec,
  Conditional: () => Conditional,
  Constructor: () => Constructor,
  ConstructorParameters: () => ConstructorParameters,
  Cyclic: () => Cyclic,
  Decode: () => Decode,
  DecodeBuilder: () => DecodeBuilder,
  Dependent: () => Dependent,
  Encode: () => Encode,
  EncodeBuilder: () => EncodeBuilder,
  Enum: () => Enum,
  Evaluate: () => Evaluate,
  Exclude: () => Exclude,
  Extends: () => Extends,
  ExtendsResult: () => result_exports,
  Extract: () => Extract,
  Function: () => _Function_,
  Generic: () => Generic,
  Identifier: () => Identifier,
  Immutable: () => Immutable,
  Index: () => Index,
  Infer: () => Infer,
  InstanceType: () => InstanceType,
  Instantiate: () => Instantiate,
  Integer: () => Integer,
  Interface: () => Interface,
  Intersect: () => Intersect,
  IsAny: () => IsAny,
  IsArray: () => IsArray2,
  IsBigInt: () => IsBigInt2,
  IsBoolean: () => IsBoolean3,
  IsCall: () => IsCall,
  IsCodec: () => IsCodec,
  IsConstructor: () => IsConstructor2,
  IsCyclic: () => IsCyclic,
  IsDependent: () => IsDependent,
  IsEnum: () => IsEnum,
  IsEnumValue: () => IsEnumValue,
  IsFunction: () => IsFunction2,
  IsGeneric: () => IsGeneric,
  IsIdentifier: () => IsIdentifier,
  IsImmutable: () => IsImmutable,
  IsInfer: () => IsInfer,
  IsInteger: () => IsInteger2,
  IsIntersect: () => IsIntersect,
  IsKind: () => IsKind,
  IsLiteral: () => IsLiteral,
  IsNever: () => IsNever,
  IsNull: () => IsNull2,
  IsNumber: () => IsNumber3,
  IsObject: () => IsObject2,
  IsOptional: () => IsOptional,
  IsParameter: () => IsParameter,
  IsReadonly: () => IsReadonly,
  IsRecord: () => IsRecord,
  IsRef: () => IsRef,
  IsRefine: () => IsRefine,
  IsRest: () => IsRest,
  IsSchema: () => IsSchema,
  IsString: () => IsString3,
  IsSymbol: () => IsSymbol2,
  IsTemplateLiteral: () => IsTemplateLiteral,
  IsThis: () => IsThis,
  IsTuple: () => IsTuple,
  IsUndefined: () => IsUndefined2,
  IsUnion: () => IsUnion,
  IsUnknown: () => IsUnknown,
  IsUnsafe: () => IsUnsafe,
  IsVoid: () => IsVoid,
  KeyOf: () => KeyOf2,
  Literal: () => Literal,
  Lowercase: () => Lowercase,
  Mapped: () => Mapped,
  Module: () => Module2,
  Never: () => Never,
  NonNullable: () => NonNullable,
  Null: () => Null,
  Number: () => Number2,
  Object: () => _Object_,
  Omit: () => Omit,
  Optional: () => Optional,
  Parameter: () => Parameter,
  Parameters: () => Parameters,
  Partial: () => Partial,
  Pick: () => Pick,
  Readonly: () => Readonly,
  ReadonlyObject: () => ReadonlyObject,
  ReadonlyType: () => ReadonlyType,
  Record: () => Record,
  RecordKey: () => RecordKey,
  RecordPattern: () => RecordPattern,
  RecordValue: () => RecordValue,
  Ref: () => Ref,
  Refine: () => Refine,
  Required: () => Required,
  Rest: () => Rest,
  ReturnType: () => ReturnType,
  Script: () => Script2,
  String: () => String2,
  Symbol: () => Symbol,
  TemplateLiteral: () => TemplateLiteral2,
  This: () => This,
  Tuple: () => Tuple,
  Uncapitalize: () => Uncapitalize,
  Undefined: () => Undefined,
  Union: () => Union,
  Unknown: () => Unknown,
  Unsafe: () => Unsafe,
  Uppercase: () => Uppercase,
  Void: () => Void,
  With: () => With2
});

// apps/location-service/src/domain/schemas.ts
var LIMITS = {
  /** Search radius, both routes (km). */
  maxRadiusKm: 100,
  /** Public search: default radius around lat/lng when none is given (km). */
  defaultRadiusKm: 5,
  searchLimit: { default: 20, max: 100 },
  /** Length of a text query (characters). */
  maxQueryLength: 100,
  /** Days of one open-intervals answer, or of `dates` in the internal routes. */
  maxDays: 31,
  batchIds: 300,
  candidates: 500,
  /** Categories of one candidates request or warm-up (more than the catalog's: a newer release may have added some). */
  categories: 50
};
var PlaceId = typebox_exports.String({ ...PLACE_ID, description: "Stable place id" });
var IsoDate = typebox_exports.String({ format: "date", pattern: PLANNABLE_DATE.pattern, description: `Local date in Asia/Seoul, YYYY-MM-DD (${PLANNABLE_DATE.first}..${PLANNABLE_DATE.last})` });
var Category = typebox_exports.Enum(PLACE_CATEGORIES);
var CATEGORY_NAME_PATTERN = "^[a-z]+(?:-[a-z]+)*$";
var Region = typebox_exports.Enum(PLACE_REGIONS);
var Latitude = typebox_exports.Number({ minimum: -90, maximum: 90 });
var Longitude = typebox_exports.Number({ minimum: -180, maximum: 180 });
var RadiusKm = typebox_exports.Number({ exclusiveMinimum: 0, maximum: LIMITS.maxRadiusKm, description: `km, at most ${LIMITS.maxRadiusKm}` });
var Clock = typebox_exports.String({ pattern: "^(?:[01]\\d|2[0-3]):[0-5]\\d$|^24:00$" });
var ClockInterval = typebox_exports.Immutable(typebox_exports.Tuple([Clock, Clock], { description: 'Local opening interval ["HH:MM","HH:MM"]; "24:00" is midnight' }));
var Intervals = typebox_exports.Immutable(typebox_exports.Array(ClockInterval));
var WeeklyHours = typebox_exports.Object({ mon: Intervals, tue: Intervals, wed: Intervals, thu: Intervals, fri: Intervals, sat: Intervals, sun: Intervals });
var Provenance = typebox_exports.Object({
  source: typebox_exports.String({ minLength: 1, maxLength: 500 }),
  sourceId: typebox_exports.String({ minLength: 1, maxLength: 500 }),
  licence: typebox_exports.String({ minLength: 1, maxLength: 500 }),
  retrievedOn: typebox_exports.String({ format: "date" })
});
var LAST_ENTRY_MAX_MINUTES = 720;
var DayOpening = typebox_exports.Object({
  date: typebox_exports.String({ format: "date" }),
  intervals: Intervals,
  lastEntryMinutes: typebox_exports.Optional(
    typebox_exports.Immutable(typebox_exports.Array(typebox_exports.Integer({ minimum: 0 }), {
      description: "For a place with a last entry: per interval, no visit starts later than this many minutes before its close as listed (an interval cut at 24:00 counts from its real close after midnight)"
    }))
  ),
  note: typebox_exports.Optional(typebox_exports.String())
});
var placeFields = {
  id: PlaceId,
  name: typebox_exports.String(),
  nameKo: typebox_exports.String(),
  category: Category,
  region: Region,
  lat: typebox_exports.Number(),
  lng: typebox_exports.Number(),
  visitMinutes: typebox_exports.Integer(),
  rating: typebox_exports.Number(),
  openingHoursOsm: typebox_exports.String(),
  openingHours: WeeklyHours,
  lastEntryMinutes: typebox_exports.Integer({ minimum: 0, description: "No visit starts later than this many minutes before an opening interval closes (last entry); 0 = none" }),
  visitMayRunPastClose: typebox_exports.Boolean({ description: "The hours are an entry window only: a visit begun inside them may run past the close" }),
  provenance: Provenance
};
var Place = typebox_exports.Object(placeFields);
var SearchItem = typebox_exports.Object({ ...placeFields, distanceKm: typebox_exports.Optional(typebox_exports.Number({ description: "From lat/lng, when given" })) });
var SearchAnswer = typebox_exports.Object({ items: typebox_exports.Array(SearchItem) });
var SearchQuery = typebox_exports.Object({
  q: typebox_exports.Optional(typebox_exports.String({ minLength: 1, maxLength: LIMITS.maxQueryLength, pattern: VISIBLE_TEXT, description: "Text in English or Korean: a trigram match on both names from 3 characters; 1-2 characters, or no letter or digit, a case-insensitive substring of either name" })),
  lat: typebox_exports.Optional(Latitude),
  lng: typebox_exports.Optional(Longitude),
  radiusKm: typebox_exports.Optional(RadiusKm),
  category: typebox_exports.Optional(Category),
  region: typebox_exports.Optional(Region),
  limit: typebox_exports.Optional(typebox_exports.Integer({ minimum: 1, maximum: LIMITS.searchLimit.max, default: LIMITS.searchLimit.default }))
});
var PlaceParams = typebox_exports.Object({ id: PlaceId });
var OpenIntervalsQuery = typebox_exports.Object({ from: IsoDate, to: IsoDate });
var OpenIntervalsAnswer = typebox_exports.Object({ id: PlaceId, timeZone: typebox_exports.Literal(PLACE_TIME_ZONE), days: typebox_exports.Immutable(typebox_exports.Array(DayOpening)) });
var BatchBody = typebox_exports.Object({
  ids: typebox_exports.Array(PlaceId, { minItems: 1, maxItems: LIMITS.batchIds }),
  dates: typebox_exports.Optional(typebox_exports.Array(IsoDate, { maxItems: LIMITS.maxDays }))
});
var BatchAnswer = typebox_exports.Object({
  items: typebox_exports.Array(typebox_exports.Object({ ...placeFields, opening: typebox_exports.Optional(typebox_exports.Array(DayOpening)) })),
  missing: typebox_exports.Array(typebox_exports.String())
});
var CandidatesBody = typebox_exports.Object({
  center: typebox_exports.Object({ lat: Latitude, lng: Longitude }),
  radiusKm: RadiusKm,
  // Any category name, not only this version's: during a rollout a newer AI service may ask for one
  // a newer release added; here no place has it (catalog queues.ts, message rules, for the same case on the queue).
  categories: typebox_exports.Optional(typebox_exports.Array(typebox_exports.String({ minLength: 1, maxLength: 50, pattern: CATEGORY_NAME_PATTERN, description: "A place category; one this version does not know matches no place" }), { maxItems: LIMITS.categories })),
  region: typebox_exports.Optional(Region),
  include: typebox_exports.Optional(typebox_exports.Array(PlaceId, { maxItems: LIMITS.batchIds, description: "Always returned (must-visits), wherever they are" })),
  dates: typebox_exports.Array(IsoDate, { maxItems: LIMITS.maxDays }),
  limit: typebox_exports.Integer({ minimum: 1, maximum: LIMITS.candidates, description: "Candidates besides `include`, nearest first" })
});
var CandidatesAnswer = typebox_exports.Object({
  items: typebox_exports.Array(typebox_exports.Object({ ...placeFields, distanceKm: typebox_exports.Number(), opening: typebox_exports.Immutable(typebox_exports.Array(DayOpening)) })),
  missing: typebox_exports.Array(typebox_exports.String())
});
var PlaceRecord = typebox_exports.Object(
  {
    id: PlaceId,
    name: typebox_exports.String({ minLength: 1, maxLength: 200, pattern: VISIBLE_TEXT }),
    nameKo: typebox_exports.String({ minLength: 1, maxLength: 200, pattern: VISIBLE_TEXT }),
    category: Category,
    region: Region,
    lat: Latitude,
    lng: Longitude,
    visitMinutes: typebox_exports.Integer({ minimum: 5, maximum: 720 }),
    rating: typebox_exports.Number({ minimum: 0, maximum: 5 }),
    openingHoursOsm: typebox_exports.String({ minLength: 1, maxLength: 1e3, pattern: VISIBLE_TEXT }),
    lastEntryMinutes: typebox_exports.Optional(typebox_exports.Integer({ minimum: 1, maximum: LAST_ENTRY_MAX_MINUTES })),
    visitMayRunPastClose: typebox_exports.Optional(typebox_exports.Literal(true)),
    provenance: Provenance,
    note: typebox_exports.Optional(typebox_exports.String({ maxLength: 2e3 }))
  },
  { additionalProperties: false }
);
var RemovedPlace = typebox_exports.Object(
  {
    id: PlaceId,
    name: PlaceRecord.properties.name,
    nameKo: PlaceRecord.properties.nameKo,
    lat: Latitude,
    lng: Longitude,
    removedOn: typebox_exports.String({ format: "date" }),
    reason: typebox_exports.String({ minLength: 1, maxLength: 2e3, pattern: VISIBLE_TEXT })
  },
  { additionalProperties: false }
);

// apps/location-service/src/domain/opening-hours.ts
import { LRUCache } from "lru-cache";

// node_modules/suncalc/index.js
var { PI, sin, cos, tan, asin, atan2: atan, acos, sqrt, abs, round } = Math;
var rad = PI / 180;
var dayMs = 1e3 * 60 * 60 * 24;
var J1970 = 2440588;
var J2000 = 2451545;
function fromJulian(j) {
  return new Date((j + 0.5 - J1970) * dayMs);
}
function toDays(date) {
  return date.valueOf() / dayMs - 0.5 + J1970 - J2000;
}
function deltaT(d) {
  const y = 2e3 + d / 365.2425;
  let t;
  if (y < 1920) {
    t = y - 1900;
    return -2.79 + t * (1.494119 + t * (-0.0598939 + t * (61966e-7 - t * 197e-6)));
  }
  if (y < 1941) {
    t = y - 1920;
    return 21.2 + t * (0.84493 + t * (-0.0761 + t * 20936e-7));
  }
  if (y < 1961) {
    t = y - 1950;
    return 29.07 + t * (0.407 + t * (-1 / 233 + t / 2547));
  }
  if (y < 1986) {
    t = y - 1975;
    return 45.45 + t * (1.067 + t * (-1 / 260 - t / 718));
  }
  if (y < 2005) {
    t = y - 2e3;
    return 63.86 + t * (0.3345 + t * (-0.060374 + t * (17275e-7 + t * (651814e-9 + t * 2373599e-11))));
  }
  if (y < 2050) {
    t = y - 2e3;
    return 62.92 + t * (0.32217 + t * 5589e-6);
  }
  t = (y - 1820) / 100;
  return -20 + 32 * t * t - 0.5628 * (2150 - y);
}
function toDaysTT(d) {
  return d + deltaT(d) / 86400;
}
function altitude(H, phi, dec) {
  return asin(sin(phi) * sin(dec) + cos(phi) * cos(dec) * cos(H));
}
function siderealTime(d, lw) {
  return rad * (280.46061837 + 360.98564736629 * d) - lw;
}
function sunCoords(d) {
  const t = d / 36525;
  const L0 = rad * (280.46646 + t * (36000.76983 + t * 3032e-7));
  const M = rad * (357.52911 + t * (35999.05029 - t * 1537e-7));
  const sinM = sin(M);
  const cosM = cos(M);
  const C = rad * ((1.914602 - t * (4817e-6 + t * 14e-6)) * sinM + // equation of center
  (0.019993 - 101e-6 * t) * 2 * sinM * cosM + 289e-6 * sinM * (3 - 4 * sinM * sinM));
  const Om = rad * (125.04 - 1934.136 * t);
  const L = L0 + C - rad * (569e-5 + 478e-5 * sin(Om));
  const e = rad * (23.439291 - t * (0.0130042 + t * (16e-8 - t * 504e-9))) + rad * 256e-5 * cos(Om);
  return {
    ra: atan(cos(e) * sin(L), cos(L)),
    // 25.6
    dec: asin(sin(e) * sin(L))
    // 25.7
  };
}
var times = [
  [-0.833, "sunrise", "sunset"],
  [-0.3, "sunriseEnd", "sunsetStart"],
  [-6, "dawn", "dusk"],
  [-12, "nauticalDawn", "nauticalDusk"],
  [-18, "nightEnd", "night"],
  [6, "goldenHourEnd", "goldenHour"]
];
var J0 = 9e-4;
function observerAngle(height) {
  return -2.076 * sqrt(height) / 60;
}
function wrapPi(a) {
  return a - 2 * PI * round(a / (2 * PI));
}
function solarTransit(dt, lw) {
  for (let i = 0; i < 3; i++) {
    const H = wrapPi(siderealTime(dt, lw) - sunCoords(toDaysTT(dt)).ra);
    dt -= H / (2 * PI);
  }
  return dt;
}
function getSetJ(h0, dt, sign, lw, phi, decT) {
  const cosH0 = (sin(h0) - sin(phi) * sin(decT)) / (cos(phi) * cos(decT));
  if (cosH0 < -1 || cosH0 > 1) return NaN;
  let d = dt + sign * acos(cosH0) / (2 * PI);
  for (let i = 0; i < 2; i++) {
    const c = sunCoords(toDaysTT(d));
    const H = wrapPi(siderealTime(d, lw) - c.ra);
    const h = altitude(H, phi, c.dec);
    const sinH = cos(phi) * cos(c.dec) * sin(H);
    if (abs(sinH) < 1e-6) break;
    d += (h - h0) / (2 * PI * sinH);
  }
  return d;
}
function getTimes(date, lat, lng, height = 0) {
  const lw = rad * -lng;
  const phi = rad * lat;
  const dh = observerAngle(height);
  const d = round(toDays(date) - J0 - lw / (2 * PI));
  const dt = solarTransit(d + J0 + lw / (2 * PI), lw);
  const dec = sunCoords(toDaysTT(dt)).dec;
  const result = {
    solarNoon: fromJulian(dt + J2000),
    nadir: fromJulian(dt + J2000 - 0.5)
  };
  for (const [angle, riseName, setName] of times) {
    const h0 = (angle + dh) * rad;
    const jrise = getSetJ(h0, dt, -1, lw, phi, dec);
    const jset = getSetJ(h0, dt, 1, lw, phi, dec);
    result[riseName] = Number.isNaN(jrise) ? null : fromJulian(jrise + J2000);
    result[setName] = Number.isNaN(jset) ? null : fromJulian(jset + J2000);
  }
  if (result.sunrise === null) {
    const noonAlt = altitude(0, phi, dec);
    const riseSetAlt = (times[0][0] + dh) * rad;
    result.alwaysUp = noonAlt > riseSetAlt;
    result.alwaysDown = noonAlt <= riseSetAlt;
  }
  return result;
}
var moonLon = new Int32Array([
  0,
  0,
  1,
  0,
  6288774,
  -20905355,
  2,
  0,
  -1,
  0,
  1274027,
  -3699111,
  2,
  0,
  0,
  0,
  658314,
  -2955968,
  0,
  0,
  2,
  0,
  213618,
  -569925,
  0,
  1,
  0,
  0,
  -185116,
  48888,
  0,
  0,
  0,
  2,
  -114332,
  -3149,
  2,
  0,
  -2,
  0,
  58793,
  246158,
  2,
  -1,
  -1,
  0,
  57066,
  -152138,
  2,
  0,
  1,
  0,
  53322,
  -170733,
  2,
  -1,
  0,
  0,
  45758,
  -204586,
  0,
  1,
  -1,
  0,
  -40923,
  -129620,
  1,
  0,
  0,
  0,
  -34720,
  108743,
  0,
  1,
  1,
  0,
  -30383,
  104755,
  2,
  0,
  0,
  -2,
  15327,
  10321,
  0,
  0,
  1,
  2,
  -12528,
  0,
  0,
  0,
  1,
  -2,
  10980,
  79661,
  4,
  0,
  -1,
  0,
  10675,
  -34782,
  0,
  0,
  3,
  0,
  10034,
  -23210,
  4,
  0,
  -2,
  0,
  8548,
  -21636,
  2,
  1,
  -1,
  0,
  -7888,
  24208,
  2,
  1,
  0,
  0,
  -6766,
  30824,
  1,
  0,
  -1,
  0,
  -5163,
  -8379,
  1,
  1,
  0,
  0,
  4987,
  -16675,
  2,
  -1,
  1,
  0,
  4036,
  -12831,
  2,
  0,
  2,
  0,
  3994,
  -10445,
  4,
  0,
  0,
  0,
  3861,
  -11650,
  2,
  0,
  -3,
  0,
  3665,
  14403,
  0,
  1,
  -2,
  0,
  -2689,
  -7003,
  2,
  0,
  -1,
  2,
  -2602,
  0,
  2,
  -1,
  -2,
  0,
  2390,
  10056,
  1,
  0,
  1,
  0,
  -2348,
  6322,
  2,
  -2,
  0,
  0,
  2236,
  -9884,
  0,
  1,
  2,
  0,
  -2120,
  5751,
  0,
  2,
  0,
  0,
  -2069,
  0,
  2,
  -2,
  -1,
  0,
  2048,
  -4950,
  2,
  0,
  1,
  -2,
  -1773,
  4130,
  2,
  0,
  0,
  2,
  -1595,
  0,
  4,
  -1,
  -1,
  0,
  1215,
  -3958,
  0,
  0,
  2,
  2,
  -1110,
  0,
  3,
  0,
  -1,
  0,
  -892,
  3258,
  2,
  1,
  1,
  0,
  -810,
  2616,
  4,
  -1,
  -2,
  0,
  759,
  -1897,
  0,
  2,
  -1,
  0,
  -713,
  -2117,
  2,
  2,
  -1,
  0,
  -700,
  2354,
  2,
  1,
  -2,
  0,
  691,
  0,
  2,
  -1,
  0,
  -2,
  596,
  0,
  4,
  0,
  1,
  0,
  549,
  -1423,
  0,
  0,
  4,
  0,
  537,
  -1117,
  4,
  -1,
  0,
  0,
  520,
  -1571,
  1,
  0,
  -2,
  0,
  -487,
  -1739,
  2,
  1,
  0,
  -2,
  -399,
  0,
  0,
  0,
  2,
  -2,
  -381,
  -4421,
  1,
  1,
  1,
  0,
  351,
  0,
  3,
  0,
  -2,
  0,
  -340,
  0,
  4,
  0,
  -3,
  0,
  330,
  0,
  2,
  -1,
  2,
  0,
  327,
  0,
  0,
  2,
  1,
  0,
  -323,
  1165,
  1,
  1,
  -1,
  0,
  299,
  0,
  2,
  0,
  3,
  0,
  294,
  0,
  2,
  0,
  -1,
  -2,
  0,
  8752
]);
var moonLat = new Int32Array([
  0,
  0,
  0,
  1,
  5128122,
  0,
  0,
  1,
  1,
  280602,
  0,
  0,
  1,
  -1,
  277693,
  2,
  0,
  0,
  -1,
  173237,
  2,
  0,
  -1,
  1,
  55413,
  2,
  0,
  -1,
  -1,
  46271,
  2,
  0,
  0,
  1,
  32573,
  0,
  0,
  2,
  1,
  17198,
  2,
  0,
  1,
  -1,
  9266,
  0,
  0,
  2,
  -1,
  8822,
  2,
  -1,
  0,
  -1,
  8216,
  2,
  0,
  -2,
  -1,
  4324,
  2,
  0,
  1,
  1,
  4200,
  2,
  1,
  0,
  -1,
  -3359,
  2,
  -1,
  -1,
  1,
  2463,
  2,
  -1,
  0,
  1,
  2211,
  2,
  -1,
  -1,
  -1,
  2065,
  0,
  1,
  -1,
  -1,
  -1870,
  4,
  0,
  -1,
  -1,
  1828,
  0,
  1,
  0,
  1,
  -1794,
  0,
  0,
  0,
  3,
  -1749,
  0,
  1,
  -1,
  1,
  -1565,
  1,
  0,
  0,
  1,
  -1491,
  0,
  1,
  1,
  1,
  -1475,
  0,
  1,
  1,
  -1,
  -1410,
  0,
  1,
  0,
  -1,
  -1344,
  1,
  0,
  0,
  -1,
  -1335,
  0,
  0,
  3,
  1,
  1107,
  4,
  0,
  0,
  -1,
  1021,
  4,
  0,
  -1,
  1,
  833,
  0,
  0,
  1,
  -3,
  777,
  4,
  0,
  -2,
  1,
  671,
  2,
  0,
  0,
  -3,
  607,
  2,
  0,
  2,
  -1,
  596,
  2,
  -1,
  1,
  -1,
  491,
  2,
  0,
  -2,
  1,
  -451,
  0,
  0,
  3,
  -1,
  439,
  2,
  0,
  2,
  1,
  422,
  2,
  0,
  -3,
  -1,
  421,
  2,
  1,
  -1,
  1,
  -366,
  2,
  1,
  0,
  1,
  -351,
  4,
  0,
  0,
  1,
  331,
  2,
  -1,
  1,
  1,
  315,
  2,
  -2,
  0,
  -1,
  302,
  0,
  0,
  1,
  3,
  -283,
  2,
  1,
  1,
  -1,
  -229,
  1,
  1,
  0,
  -1,
  223,
  1,
  1,
  0,
  1,
  223,
  0,
  1,
  -2,
  -1,
  -220,
  2,
  1,
  -1,
  -1,
  -220,
  1,
  0,
  1,
  1,
  -185,
  2,
  -1,
  -2,
  -1,
  181,
  0,
  1,
  2,
  1,
  -177,
  4,
  0,
  -2,
  -1,
  176,
  4,
  -1,
  -1,
  -1,
  166,
  1,
  0,
  1,
  -1,
  -164,
  4,
  0,
  1,
  -1,
  132,
  1,
  0,
  -1,
  -1,
  -119,
  4,
  -1,
  0,
  -1,
  115,
  2,
  -2,
  0,
  1,
  107
]);

// node_modules/opening_hours/build/opening_hours.esm.mjs
var holiday_definitions = /* @__PURE__ */ Object.freeze({ __proto__: null });
var data$1 = {
  "assuming ok for ko": {
    daytime: "sunrise-sunset",
    _: "-",
    "=": "-",
    gesloten: "off",
    feestdag: "PH",
    feestdagen: "PH",
    m: "Mo",
    w: "We",
    f: "Fr"
  },
  "please use English written ok for ko": { "(?:an )?feiertag(?:s|en?)?": "PH" },
  "please use off for ko": {
    "ruhetage?": "off",
    geschlossen: "off",
    geschl: "off",
    except: "off"
  },
  "please use ok for workday": {
    wd: "Mo-Fr",
    "on work days?": "Mo-Fr",
    "weekdays?": "Mo-Fr",
    "werktags?": "Mo-Sa",
    vardagar: "Mo-Fr"
  },
  "omit hour keyword": { h: "" },
  "omit ko": {
    season: "",
    hs: "",
    hrs: "",
    hours: "",
    uhr: "",
    "ge\xF6ffnet": "",
    zwischen: "",
    ist: "",
    durchgehend: "",
    "\xF6ffnungszeit(?:en)?:?": ""
  },
  "omit tag key": { "opening_hours\\s*=": "" },
  "omit wrong keyword open end": {
    from: "",
    ab: "",
    von: ""
  },
  "assuming open end for ko": { "(?:bis|till?|-|\u2013)? ?(?:open ?end|late)": "+" },
  "please use ok for uncertainty": {
    "~": "-",
    "\uFF5E": "-"
  },
  "please use fallback rule": { otherwise: "||" },
  "please use ok for missing data": { "\\?": "" },
  "please use ok for ko": {
    "\u2192": "-",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2212": "-",
    "\u2014": "-",
    "\u30FC": "-",
    to: "-",
    "\u0434\u043E": "-",
    a: "-",
    as: "-",
    "\xE1": "-",
    "\xE1s": "-",
    "\xE0s": "-",
    ate: "-",
    "till?": "-",
    until: "-",
    through: "-",
    and: ",",
    "&": ",",
    "\uFF1A": ":",
    "'": '"',
    always: "24/7",
    "always open": "24/7",
    "always closed": "closed",
    nonstop: "24/7",
    "24x7": "24/7",
    anytime: "24/7",
    "all day": "24/7",
    daily: "Mo-Su",
    everyday: "Mo-Su",
    "every day": "Mo-Su",
    "all days": "Mo-Su",
    "7j/7": "Mo-Su",
    "7/7": "Mo-Su",
    "7 days a week": "Mo-Su",
    "7 days/week": "Mo-Su",
    "24 hours 7 days a week": "24/7",
    "24 hours": "00:00-24:00",
    midday: "12:00",
    midnight: "00:00",
    "(?:public )?holidays?": "PH",
    "(?:one )?day after public holiday": "PH +1 day",
    "(?:one )?day before public holiday": "PH -1 day",
    "school ?holidays?": "SH",
    "weekends?": "Sa,Su",
    daylight: "sunrise-sunset",
    "on(?:_| )?appointments?": '"on appointment"',
    "by(?:_| )?appointments?": '"by appointment"',
    "nach(?: |_)vereinbarung": '"Nach Vereinbarung"',
    "nach(?: |_)absprache": '"Nach Absprache"',
    "sur(?: |_)rendez(?: |_|-)?vous": '"Sur rendez-vous"',
    "sur(?: |_)rdv": '"Sur rendez-vous"',
    bis: "-",
    "t\xE4glich": "Mo-Su",
    "(?:schul)?ferien": "SH",
    "(?:an|nur)? ?sonn-?(?: und |/)feiertag(?:s|en?)?": "PH,Su",
    und: ",",
    u: ",",
    auch: ",",
    "ferm\xE9": "off",
    et: ",",
    "\xE0": "-",
    "jours f\xE9ri\xE9s": "PH",
    sundown: "sunset",
    "morgend\xE4mmerung": "dawn",
    "abendd\xE4mmerung": "dusk",
    sonnenaufgang: "sunrise",
    sonnenuntergang: "sunset",
    ostern: "easter"
  },
  "please use English abbreviation ok for ko": {
    "ao\xFB": "Aug",
    chetverk: "Th",
    cz: "Th",
    "die?": "Tu",
    "dienstags?": "Tu",
    din: "Tu",
    "domenica?": "Su",
    "domeniche?": "Su",
    "don?": "Th",
    "donnerstags?": "Th",
    "freitags?": "Fr",
    fri: "Fr",
    "fridays?": "Fr",
    "gioved\xEC?": "Th",
    "giugno?": "Jun",
    "jeu?": "Th",
    "july?": "Jul",
    "june?": "Jun",
    kami: "Tu",
    "l\xF6rdagar": "Sa",
    "luglio?": "Jul",
    "lun?": "Mo",
    "luned\xEC?": "Mo",
    maerz: "Mar",
    "mar?": "Tu",
    "marted\xEC?": "Tu",
    "m\xE4rz?": "Mar",
    "mer?": "We",
    "mercoled\xEC?": "We",
    "mit?": "We",
    "mittwochs?": "We",
    mon: "Mo",
    "mondays?": "Mo",
    "montags?": "Mo",
    ndz: "Su",
    piatek: "Fr",
    "ponedel'nik": "Mo",
    poniedzialek: "Mo",
    pyatnitsa: "Fr",
    "sabato?": "Sa",
    "samstags?": "Sa",
    sat: "Sa",
    "saturdays?": "Sa",
    "s\xF6ndagar": "Su",
    "sonn-": "Su",
    "sonntags?": "Su",
    sr: "We",
    sroda: "We",
    subbota: "Sa",
    sun: "Su",
    "sundays?": "Su",
    "thurs?": "Th",
    "thursdays?": "Th",
    "tues?": "Tu",
    "tuesdays?": "Tu",
    "ven?": "Fr",
    "venerd\xEC?": "Fr",
    "voskresen'ye": "Su",
    "vri?": "Fr",
    vtornik: "Tu",
    "wednesdays?": "We",
    "weds?": "We",
    "woe?": "We",
    "zat?": "Sa",
    "zon?": "Su",
    zontag: "Su"
  },
  "please use ok for similar looking ko": { "\u043Eff": "off" },
  "please use 24 hours time for ko": {
    pm: "pm",
    "p.m.": "pm",
    "\u0440\u043C": "pm",
    am: "am",
    "a.m.": "am",
    "\u0430\u043C": "am"
  },
  "please use restriction comment time for ko": {
    damen: 'open "Damen"',
    herren: 'open "Herren"'
  },
  "please use ok for typographically correct": {
    "\u2013": "-",
    "\u201E": '"',
    "\u201C": '"',
    "\u201D": '"',
    "\xAB": '"',
    "\xBB": '"',
    "\u201A": '"',
    "\u2018": '"',
    "\u2019": '"',
    "\u300C": '"',
    "\u300D": '"',
    "\u300E": '"',
    "\u300F": '"'
  },
  "Ambiguous words": {
    listopad: 'Word "listopad" is ambiguous: Nov (Czech) or Oct (Croatian) or Nov (Polish). Please specify language context or use English month name.',
    meurzh: 'Word "meurzh" is ambiguous: Mar (Breton) or Tu (Breton). Please specify language context or use English month name.',
    nhlangula: 'Word "nhlangula" is ambiguous: Jun (North Ndebele) or Oct (Tsonga). Please specify language context or use English month name.',
    nyakanga: 'Word "nyakanga" is ambiguous: Sep (Rundi) or Jul (Kinyarwanda). Please specify language context or use English month name.',
    sabato: 'Word "sabato" is ambiguous: Sa (Esperanto) or Sa (Italian) or Su (Makhuwa-Meetto). Please specify language context or use English weekday name.',
    "\u0F42\u0F5F\u0F60\u0F0B\u0F49\u0F72\u0F0B\u0F58\u0F0B": 'Word "\u0F42\u0F5F\u0F60\u0F0B\u0F49\u0F72\u0F0B\u0F58\u0F0B" is ambiguous: Su (Tibetan) or Sa (Dzongkha). Please specify language context or use English weekday name.',
    "\u0F42\u0F5F\u0F60\u0F0B\u0F54\u0F0B\u0F66\u0F44\u0F66\u0F0B": 'Word "\u0F42\u0F5F\u0F60\u0F0B\u0F54\u0F0B\u0F66\u0F44\u0F66\u0F0B" is ambiguous: Fr (Tibetan) or Th (Dzongkha). Please specify language context or use English weekday name.',
    "\u0F42\u0F5F\u0F60\u0F0B\u0F55\u0F74\u0F62\u0F0B\u0F56\u0F74\u0F0B": 'Word "\u0F42\u0F5F\u0F60\u0F0B\u0F55\u0F74\u0F62\u0F0B\u0F56\u0F74\u0F0B" is ambiguous: Th (Tibetan) or We (Dzongkha). Please specify language context or use English weekday name.',
    "\u0F42\u0F5F\u0F60\u0F0B\u0F58\u0F72\u0F42\u0F0B\u0F51\u0F58\u0F62\u0F0B": 'Word "\u0F42\u0F5F\u0F60\u0F0B\u0F58\u0F72\u0F42\u0F0B\u0F51\u0F58\u0F62\u0F0B" is ambiguous: Tu (Tibetan) or Mo (Dzongkha). Please specify language context or use English weekday name.',
    "\u0F42\u0F5F\u0F60\u0F0B\u0F5F\u0FB3\u0F0B\u0F56\u0F0B": 'Word "\u0F42\u0F5F\u0F60\u0F0B\u0F5F\u0FB3\u0F0B\u0F56\u0F0B" is ambiguous: Mo (Tibetan) or Su (Dzongkha). Please specify language context or use English weekday name.',
    "\u0F42\u0F5F\u0F60\u0F0B\u0F63\u0FB7\u0F42\u0F0B\u0F54\u0F0B": 'Word "\u0F42\u0F5F\u0F60\u0F0B\u0F63\u0FB7\u0F42\u0F0B\u0F54\u0F0B" is ambiguous: We (Tibetan) or Tu (Dzongkha). Please specify language context or use English weekday name.',
    "\u0F42\u0F5F\u0F60\u0F0B\u0F66\u0FA4\u0F7A\u0F53\u0F0B\u0F54\u0F0B": 'Word "\u0F42\u0F5F\u0F60\u0F0B\u0F66\u0FA4\u0F7A\u0F53\u0F0B\u0F54\u0F0B" is ambiguous: Sa (Tibetan) or Fr (Dzongkha). Please specify language context or use English weekday name.'
  }
};
var data = {
  en: {
    texts: {
      "unexpected token": 'Unexpected token: "{{token}}" This means that the syntax is not valid at that point or it is currently not supported.',
      "season words ambiguous": "Season words are ambiguous. Please use explicit date ranges instead, e.g. Jun-Aug, Dec-Feb, or Jun 21-Sep 22.",
      "no string": "The value (first parameter) is not a string.",
      nothing: "The value contains nothing meaningful which can be parsed.",
      "nothing useful": "This rule does not contain anything useful. Please remove this empty rule.",
      "combine rules": 'Separate rules detected each of which only consists of a time selector. These rules should be written as one rule by combining them using "{{ok}}".',
      "value ends with token": 'The value ends with "{{token}}". Please either continue after "{{token}}" or remove "{{token}}".',
      "programmers joke": "Might it be possible that you are a programmer and adding a semicolon after each statement is hardwired in your muscle memory ;) ? The thing is that the semicolon in the opening_hours syntax is defined as rule separator. So for compatibility reasons you should omit this last semicolon.",
      "interpreted as year": 'The number {{number}} will be interpreted as year. This is probably not intended. Times can be specified as "12:00".',
      "rule before fallback empty": "Rule before fallback rule does not contain anything useful",
      "hour min separator": 'Please use ":" as hour/minute-separator',
      "warnings severity": 'The parameter optional_conf_parm["warnings_severity"] must be an integer number between 0 and 7 (inclusive). Given {{severity}}, expected one of the following numbers: {{allowed}}.',
      "optional conf parm type": "The optional_conf_parm parameter is of unknown type. Given {{given}}",
      "conf param tag key missing": 'The optional_conf_parm["tag_key"] is missing, required by optional_conf_parm["map_value"].',
      "conf param mode invalid": 'The optional_conf_parm["mode"] parameter is a invalid number. Gave {{given}}, expected one of the following numbers: {{allowed}}.',
      "conf param unknown type": 'The optional_conf_parm["{{key}}"] parameter is of unknown type. Given {{given}}, expected {{expected}}.',
      "library bug": 'An error occurred during evaluation of the value "{{value}}". Please file a bug report or pull request: {{url}}.{{message}}',
      "library bug PR only": 'An error occurred during evaluation of the value "{{value}}". Please submit a pull request: {{url}}.{{message}}',
      "use multi": 'You have used {{count}} {{part2}} Rules can be separated by ";".',
      "selector multi 2a": "{{what}} in one rule. You may only use one in one rule.",
      "selector multi 2b": 'not connected {{what}} in one rule. This is probably an error. Equal selector types can (and should) always be written in conjunction separated by comma. Example for time ranges "12:00-13:00,15:00-18:00". Example for weekdays "Mo-We,Fr".',
      "selector state": "state keywords",
      comments: "comments",
      "holiday ranges": "holiday ranges",
      months: "months",
      weekdays: "weekdays",
      "time ranges": "time ranges",
      "week ranges": "week ranges",
      "default state": "This rule which changes the default state (which is closed) for all following rules is not the first rule. The rule will overwrite all previous rules. It can be legitimate to change the default state to open for example and then only specify for which times the facility is closed.",
      vague: 'This rule is not very explicit because there is no time selector being used. A time selector is the part specifying hours when the object is opened, for example "10:00-19:00". Please add a time selector to this rule or use a comment to make it more explicit.',
      "empty comment": "You have used an empty comment. Please either write something in the comment or use the keyword unknown instead.",
      separator_for_readability: "You have used the optional symbol <separator_for_readability> in the wrong place. Please check the syntax specification to see where it could be used or remove it.",
      "strange 24/7": 'You used 24/7 in a way that is probably not interpreted as "24 hours 7 days a week". For correctness you might want to use "open" or "closed" for this rule and then write your exceptions which should achieve the same goal and is more clear e.g. "open; Mo 12:00-14:00 off".',
      "public holiday": 'There was no PH (public holiday) specified. This is not very explicit.{{part2}} Please either append a "PH off" rule if the amenity is closed on all public holidays or use something like "Sa,Su,PH 12:00-16:00" to say that on Saturdays, Sundays and on public holidays the amenity is open 12:00-16:00. Be careful with opening hours like "Fr-Sa 18:00-06:00" because "PH off" applies to 00:00-24:00. So "Fr-Sa 18:00-06:00; PH 18:00-06:00 off" is probably what you want. If the amenity is open everyday including public holidays then you can make this explicit by writing "Mo-Su,PH". If you are not certain try to find it out. If you can\u2019t then do not add PH to the value and ignore this warning.',
      "public holiday part2": ' Unfortunately the tag key (e.g. "opening_hours", or "lit") is unknown to opening_hours.js. This warning only applies to the key {{keys}}. If your value is for that key than read on. If not you can ignore the following.',
      "additional_rule_separator not used after time wrapping midnight": 'This rule overwrites parts of the previous rule. This happens because normal rules apply to the whole day and overwrite any definition made by previous rules. You can make this rule an additional rule by using a "," instead of the normal ";" to separate the rules. Note that the overwriting can also be desirable in which case you can ignore this warning.',
      "additional rule which evaluates to closed": 'This rule will be evaluated as closed but it was specified as additional rule. It should be specified as normal rule using ";" as rule separator. See https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification#explain:rule_modifier:closed.',
      switched: 'The selector "{{first}}" was switched with the selector "{{second}}" for readability and compatibility reasons.',
      "no colon after": 'Please don\u2019t use ":" after {{token}}.',
      "number -5 to 5": "Number between -5 and 5 (except 0) expected.",
      "one weekday constraint": "You can not use more than one constrained weekday in a month range",
      "range constrained weekdays": "You can not use a range of constrained weekdays in a month range",
      expected: '"{{symbol}}" expected.',
      "range zero": "You can not use {{type}} ranges with period equals zero.",
      "period one year+": 'Please don\u2019t use {{type}} ranges with period equals one. If you want to express that a facility is open starting from a year without limit use "<year>+".',
      "period one": "Please don\u2019t use {{type}} ranges with period equals one.",
      "month 31": "The day for {{month}} must be between 1 and 31.",
      "month 30": "Month {{month}} doesn\u2019t have 31 days. The last day of {{month}} is day 30.",
      "month feb": "Month {{month}} either has 28 or 29 days (leap years).",
      "point in time": "hyphen (-) or open end (+) in time range {{calc}}expected. For working with points in time, the mode for {{libraryname}} has to be altered. Maybe wrong tag?",
      calculation: "calculation",
      "time range continue": "Time range does not continue as expected",
      "period continue": 'Time period does not continue as expected. Example "/01:30".',
      "time range mode": '{{libraryname}} is running in "time range mode". Found point in time.',
      "point in time mode": '{{libraryname}} is running in "points in time mode". Found time range.',
      "outside current day": "Time range starts outside of the current day",
      "two midnights": "Time spanning more than two midnights not supported",
      "without minutes": 'Time range without minutes specified. Not very explicit! Please use this syntax instead "{{syntax}}".',
      "ambiguous single digit hour": 'Single-digit hour "{{hour}}" without leading zero - could mean {{hour}} (in the morning) or {{hour_pm}} (after midday). Add a leading zero like "0{{hour}}" or change it to "{{hour_pm}}" to be explicit.',
      "outside day": "Time range starts outside of the current day",
      "zero calculation": 'Adding zero in a variable time calculation does not change the variable time. Please omit the calculation (example: "sunrise-(sunset-00:00)").',
      "calculation syntax": "Calculation with variable time is not in the right syntax",
      "time offset hours only": 'Time offset must be in format HH:MM, not just hours. Did you mean "{{suggestion}}"?',
      missing: 'Missing "{{symbol}}"',
      "(time)": "(time)",
      "bad range": "Bad range: {{from}}-{{to}}",
      "] or more numbers": '"]" or more numbers expected.',
      "additional rule no sense": 'An additional rule does not make sense here. Just use a ";" as rule separator. See https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification#explain:additional_rule_separator',
      "unexpected token weekday range": "Unexpected token in weekday range: {{token}}",
      "max differ": "There should be no reason to differ more than {{maxdiffer}} days from a {{name}}. If so tell us \u2026",
      "max differ name constrained weekdays": "constrained weekdays",
      "max differ name event like easter": "event like Easter",
      "max differ name public holiday": "public holiday",
      "adding 0": "Adding 0 does not change the date. Please omit this.",
      "unexpected token holiday": "Unexpected token (holiday parser): {{token}}",
      "no holiday definition": "There are no holidays ({{name}}) defined for country {{cc}}.",
      "no holiday definition state": "There are no holidays ({{name}}) defined for country {{cc}} and state {{state}}.",
      "no country code": "Country code missing which is needed to select the correct holidays (see README how to provide it)",
      "no SH definition": "School holiday {{name}}not defined for the year {{year}}.",
      "movable no formula": "Movable day {{name}} can not not be calculated. Please add the formula how to calculate it.",
      "movable not in year": "The movable day {{name}} plus {{days}} days is not in the year of the movable day anymore. Currently not supported.",
      "year range one year": 'A year range in which the start year is equal to the end year does not make sense. Please remove the end year. E.g. "{{year}} May 23"',
      "year range reverse": "A year range in which the start year is greater than the end year does not make sense. Please turn it over.",
      "year past": "The year is in the past.",
      "date past": "This date is in the past.",
      "date range past": "This date range is entirely in the past.",
      "unexpected token year range": "Unexpected token in year range: {{token}}",
      "week range reverse": "You have specified a week range in reverse order or leaping over a year. This is (currently) not supported.",
      "week negative": "You have specified a week date less then one. A valid week date range is 1-53.",
      "week exceed": "You have specified a week date greater then 53. A valid week date range is 1-53.",
      "week period less than 2": 'You have specified a week period which is less than two. If you want to select the whole range from week {{weekfrom}} to week {{weekto}} then just omit the "/{{period}}".',
      "week period greater than 26": 'You have specified a week period which is greater than 26. 26.5 is the half of the maximum 53 week dates per year so a week date period greater than 26 would only apply once per year. Please specify the week selector as "week {{weekfrom}}" if that is what you want to express.',
      "unexpected token week range": "Unexpected token in week range: {{token}}",
      "unexpected token month range": "Unexpected token in month range: {{token}}",
      "day range reverse": "Range in wrong order. From day is greater than to day.",
      "open end": "Specified as open end. Closing time was guessed.",
      "date parameter needed": "Date parameter needed.",
      "assuming ok for ko": 'Assuming "{{ok}}" for "{{ko}}".',
      "please use ok for ko": 'Please use notation "{{ok}}" for "{{ko}}".',
      "please use ok for similar looking ko": 'Please use notation "{{ok}}" for "{{ko}}". Those characters look very similar but are not the same!',
      "rant degree sign used for zero": "Note that this is not a (superscript) zero but a degree sign which is misused as zero. A superscript zero is defined in Unicode (\xB0) and would have been more appropriate/uniform here. But note that the use of none-ASCII digits is not allowed.",
      "please use English written ok for ko": 'Please use the English written "{{ok}}" for "{{ko}}".',
      "please use English abbreviation ok for ko": 'Please use the English abbreviation "{{ok}}" for "{{ko}}".',
      "ambiguous elsewhere": 'Note that "{{ko}}" can also mean {{alternatives}} in other languages.',
      "please use off for ko": 'Please use "{{ok}}" for "{{ko}}". Example: "Mo-Fr 08:00-12:00; Tu off".',
      "please use ok for workday": 'Assuming "{{ok}}" for "{{ko}}". Please avoid using "workday": https://wiki.openstreetmap.org/wiki/Talk:Key:opening_hours#need_syntax_for_holidays_and_workingdays',
      "omit hour keyword": 'Please omit "{{ko}}" or use a colon instead. Example: "12:00-14:00".',
      "omit ko": 'Please omit "{{ko}}".',
      "omit tag key": 'Please omit "{{ko}}". The tag key must not be in the tag value.',
      "omit wrong keyword open end": 'Please omit "{{ko}}". The tag key must not be in the tag value.',
      "assuming open end for ko": 'Assuming "{{ok}}" (open end time) for "{{ko}}". Example: "12:00+".',
      "please use ok for uncertainty": 'Please use notation "{{ok}}" for "{{ko}}". If there is reason to suspect uncertainty consider adding a comment. Example: 12:00-14:00 "only on sunshine".',
      "please use fallback rule": 'Please use notation "{{ok}}" (Fallback rule) for "{{ko}}". Example: Mo-Fr 12:00-14:00; PH off || "by appointment"',
      "please use ok for missing data": "Please consider adding a FIXME tag instead.",
      "please use 24 hours time for ko": "Please use time format in 24 hours notation instead of the legacy 12 hours variant. If the 12 hours variant is used you might have to convert the hours to the 24 hours notation.",
      "please use restriction comment time for ko": 'It looks like you might want to define additional restrictions. If that is the case and they can not be expressed by other syntax elements then you could use a comment together with the `open` keyword. Example: open "female only"',
      "please use ok for typographically correct": 'Please use notation "{{ok}}" for "{{ko}}". Although using "{{ko}}" is typographical correct, it is not defined in the opening_hours syntax. Correct typography should be done on application level \u2026'
    },
    pretty: {
      off: "closed",
      SH: "school holidays",
      PH: "public holidays"
    }
  },
  de: {
    texts: {
      "unexpected token": 'Unerwartetes Zeichen: "{{token}}" Das bedeutet, dass die Syntax an dieser Stelle nicht erkannt werden konnte.',
      "season words ambiguous": "Saisonw\xF6rter sind mehrdeutig. Bitte verwende stattdessen explizite Datumsbereiche, z. B. Jun-Aug, Dec-Feb oder Jun 21-Sep 22.",
      "no string": "Der Wert (erster Parameter) ist kein String",
      nothing: "Der Wert enth\xE4lt nichts, was ausgewertet werden k\xF6nnte.",
      "nothing useful": "Diese Regel enth\xE4lt nichts n\xFCtzliches. Bitte entferne diese leere Regel.",
      "combine rules": 'Getrennte Regeln erkannt welche jeweils nur aus einer Zeit Bereichsdefinition bestehen. Diese Regeln sollten mittels "{{ok}}" zu einer Regel kombiniert werden.',
      "value ends with token": 'Der Wert endet mit "{{token}}". Bitte erg\xE4nze den Wert nach "{{token}}" oder l\xF6sche "{{token}}".',
      "programmers joke": "Kann es sein, dass du ein Programmierer bist und das Hinzuf\xFCgen eines Semikolons nach jedem Statement ist zwanghaft ;) ? Es ist so, dass das Semikolon in der opening_hours-Syntax als Trenner f\xFCr Regeln definiert ist. Bitte verzichte an dieser Stelle auf ein Semikolon.",
      "interpreted as year": 'Die Zahl {{number}} wird als Jahr interpretiert. Vermutlich ist das nicht beabsichtigt. Uhrzeiten werden als "12:00" angegeben.',
      "rule before fallback empty": "Die Regel vor der Fallback-Regel enth\xE4lt nichts n\xFCtzliches",
      "hour min separator": 'Bitte benutze ":" als Stunden/Minuten-Trenner',
      "warnings severity": 'Der Parameter optional_conf_parm["warnings_severity"] muss eine ganze Zahl zwischen (einschlie\xDFlich) 0 und (einschlie\xDFlich) 7 sein. Gegeben: {{severity}}, erwartet: Eine der Zahlen: {{allowed}}.',
      "optional conf parm type": "Der optional_conf_parm Parameter hat einen unbekannten Typ. Gegeben: {{given}}",
      "conf param tag key missing": 'Der optional_conf_parm["tag_key"] fehlt, ist aber notwendig wegen optional_conf_parm["map_value"].',
      "conf param mode invalid": 'Der optional_conf_parm["mode"]-Parameter ist eine ung\xFCltige Zahl. Gegeben: {{given}}, erwartet: Eine der Zahlen: {{allowed}}.',
      "conf param unknown type": 'Der optional_conf_parm["{{key}}"] Parameter hat einen unbekannten Typ. Gegeben: {{given}}, erwartet: {{expected}}.',
      "library bug": 'Bei der Auswertung des Wertes "{{value}}" ist ein Fehler aufgetreten. Bitte melde diesen Fehler oder korrigiere diesen mittels eines Pull Requests oder Patches: {{url}}.{{message}}',
      "library bug PR only": 'Bei der Auswertung des Wertes "{{value}}" ist ein Fehler aufgetreten. Du kannst dies korrigieren, indem du das Problem l\xF6st und in Form eines Pull Requests oder Patches zum Projekt beitr\xE4gst: {{url}}.{{message}}',
      "use multi": 'Du hast {{count}} {{part2}} Einzelne Regeln k\xF6nnen mit ";" getrennt werden.',
      "selector multi 2a": "{{what}} in einer Regel benutzt. Du kannst nur einen davon je Regel verwenden",
      "selector multi 2b": 'nicht verbundene {{what}} in einer Regel benutzt. Das ist vermutlich ein Fehler. Gleiche Selektoren k\xF6nnen (und sollten) immer zusammen und durch Kommas getrennt geschrieben werden. Beispiel f\xFCr Zeitspannen "12:00-13:00,15:00-18:00". Beispiel f\xFCr Wochentage "Mo-We,Fr".',
      "selector state": "Status-Schl\xFCsselw\xF6rter (offen, geschlossen)",
      comments: "Kommentare",
      months: "Monate",
      weekdays: "Wochentage",
      "default state": "Diese Regel, welche den Standard-Status (d.h. geschlossen) f\xFCr alle folgenden Regeln \xE4ndert, ist nicht die erste Regel. Diese Regel \xFCberschreibt alle vorherigen Regeln. Es kann legitim sein, den Standard-Status z.B. auf ge\xF6ffnet festzulegen und dann nur die Zeiten, zu denen geschlossen ist, anzugeben.",
      vague: 'Diese Regel ist nicht sehr aussagekr\xE4ftig, da kein Zeit Selektor angegeben wurde. Ein Zeit Selektor ist die Komponente die angibt, zu welcher Tageszeit ein Objekt ge\xF6ffnet hat, zum Beispiel "10:00-19:00". Bitte f\xFCge eine Zeitangabe oder einen Kommentar hinzu, um dies zu verbessern.',
      "empty comment": 'Du hast einen leeren Kommentar verwendet." Bitte schreibe entweder einen Kommentar-Text oder benutze stattdessen das Schl\xFCsselwort "unknown".',
      separator_for_readability: "Du hast das optionale Symbol <separator_for_readability> an der falschen Stelle benutzt. Bitte lies die Syntax-Spezifikation um zu sehen, wo es verwendet werden kann, oder entferne es.",
      "strange 24/7": 'Du hast 24/7 in einer Art verwendet, welche wahrscheinlich nicht als "24 Stunden, 7 Tage die Woche" interpretiert wird. Der Richtigkeit halber solltest du "open" oder "closed" f\xFCr diese Regel verwenden und dann die Ausnahmen angeben um das selbe Ziel zu erreichen. So ist es klarer \u2013 zum Beispiel "open; Mo 12:00-14:00 off".',
      "public holiday": 'Es wurde keine Regel f\xFCr "PH" (feiertags) angegeben. Dies ist nicht sehr aussagekr\xE4ftig.{{part2}} Bitte f\xFCge die Regel "PH off" an, wenn die Einrichtung an allen Feiertagen geschlossen ist oder schreibe "Sa,Su,PH 12:00-16:00" um auszudr\xFCcken, dass Samstags, Sonntags und feiertags von 12:00-16:00 ge\xF6ffnet ist. Bei einer \xD6ffnungszeit wie "Fr-Sa 18:00-06:00" ist Vorsicht geboten, da "PH off" auf 00:00-24:00 zutrifft. Hier kann "Fr-Sa 18:00-06:00; PH 18:00-06:00 off" verwendet werden. Falls die Einrichtung t\xE4glich und an Feiertagen ge\xF6ffnet ist, kann dies explizit mittels "Mo-Su,PH" ausgedr\xFCckt werden. Wenn du dir im Unklaren bist, versuche die \xD6ffnungszeit zu kl\xE4ren. Falls das nicht m\xF6glich ist, lass die Angabe weg und ignoriere diese Warnung.',
      "public holiday part2": ' Leider ist der "tag key" (beispielsweise "opening_hours", oder "lit") in opening_hours.js nicht bekannt. Diese Warnung betrifft nur die Keys: {{keys}}. Falls deine Angabe nicht f\xFCr einen dieser ist, ignoriere bitte folgenden Hinweis:',
      "additional_rule_separator not used after time wrapping midnight": 'Diese Regel \xFCberschreibt Teile der vorherigen Regel. Der Grund daf\xFCr ist, dass normale Regeln auf den ganzen Tag zutreffen und alle Definitionen von vorhergehenden Regeln f\xFCr diesen Tag \xFCberschreiben. Du kannst diese Regel als additive Regel deklarieren indem du ein "," anstelle des \xFCblichen ";" f\xFCr diese Regel verwendest. Beachte das die \xDCberschreibung auch gew\xFCnscht sein kann und in so einem Fall diese Warnung ignoriert werden kann.',
      "additional rule which evaluates to closed": 'Diese Regel wird als geschlossen ausgewertet aber wurde als additive Regel angegeben. Sie sollte als normale Regel mittels ";" definiert sein. Siehe https://wiki.openstreetmap.org/wiki/DE:Key:opening_hours/specification#explain:rule_modifier:closed.',
      switched: 'Der Selektor "{{first}}" wurde f\xFCr eine bessere Lesbarkeit und der Vollst\xE4ndigkeit halber mit "{{second}}" getauscht.',
      "no colon after": 'Bitte Benutze kein ":" nach dem Token {{token}}.',
      "number -5 to 5": "Zahl zwischen -5 und 5 (au\xDFer 0) erwartet.",
      "one weekday constraint": "Du kannst h\xF6chstens einen beschr\xE4nkten Wochentag in einer Monats-Spanne verwenden",
      "range constrained weekdays": "Du kannst keine Wochentags-Spanne als Beschr\xE4nkung in einer Monats-Spanne verwenden",
      expected: '"{{symbol}}" erwartet.',
      "range zero": 'Du kannst keine {{type}}-Spanne mit Periode "0" verwenden.',
      "period one year+": 'Bitte verwende keine {{type}}-Spannen mit Periode "1". Wenn du ausdr\xFCcken willst, das eine Einrichtung ab einem bestimmten Jahr immer offen ist, benutze bitte "<year>+".',
      "period one": 'Bitte verwende keine {{type}}-Spannen mit Periode "1".',
      "month 31": "Die Tagesangabe f\xFCr {{month}} muss zwischen 1 und 31 liegen.",
      "month 30": "Der Monat {{month}} hat keine 31 Tage. Der letzte Tag von {{month}} ist Tag 30.",
      "month feb": '"Der Monat {{month}} hat entweder 28 oder 29 Tage (Schaltjahre)."',
      "point in time": "Erwarte Bindestrich (-) oder offenes Ende (+) in der Zeitspanne {{calc}}. Um mit Zeitpunkten zu arbeiten, muss der Modus f\xFCr  {{libraryname}} umgestellt werden. Vielleicht falsches OSM-tag verwendet?",
      calculation: "Berechnung",
      "time range continue": "Die Zeitspanne geht nicht wie erwartet weiter",
      "period continue": 'Die Zeitspannen-Periode geht nicht wie erwartet weiter. Beispiel "/01:30".',
      "time range mode": '{{libraryname}} wurde im "Zeitspannen-Modus" aufgerufen. Zeitpunkt gefunden.',
      "time ranges": "Zeitspannen",
      "week ranges": "Wochen-Spannen",
      "holiday ranges": "Feiertagen",
      "point in time mode": '{{libraryname}} wurde im "Zeitpunkt-Modus" aufgerufen. Zeitspanne gefunden.',
      "outside current day": "Zeitspanne beginnt au\xDFerhalb des aktuellen Tages",
      "two midnights": "Zeitspanne welche mehrmals Mitternacht beinhaltet wird nicht unterst\xFCtzt",
      "without minutes": 'Zeitspanne ohne Minutenangabe angegeben. Das ist nicht sehr eindeutig! Bitte verwende stattdessen folgende Syntax "{{syntax}}".',
      "ambiguous single digit hour": 'Einstellige Stunde "{{hour}}" ohne f\xFChrende Null - k\xF6nnte {{hour}} Uhr (morgens) oder {{hour_pm}} Uhr (nachmittags) bedeuten. F\xFChrende Null erg\xE4nzen, z.B. "0{{hour}}", oder auf "{{hour_pm}}" \xE4ndern, um dies eindeutig zu machen.',
      "outside day": "Die Zeitspanne beginnt au\xDFerhalb des aktuellen Tages",
      "zero calculation": 'Das Hinzuf\xFCgen von 0 in einer variablen Zeitberechnung \xE4ndert die variable Zeit nicht. Bitte entferne die Zeitberechnung (Beispiel: "sunrise-(sunset-00:00)").',
      "calculation syntax": "Berechnung mit variabler Zeit hat nicht die korrekte Syntax",
      "time offset hours only": 'Zeitversatz muss im Format HH:MM angegeben werden, nicht nur Stunden. Meintest du "{{suggestion}}"?',
      missing: 'Fehlendes "{{symbol}}"',
      "(time)": "(Zeit)",
      "bad range": "Ung\xFCltige Zeitspanne: {{from}}-{{to}}",
      "] or more numbers": '"]" oder weitere Zahlen erwartet.',
      "additional rule no sense": 'Eine weitere Regel an dieser Stelle ergibt keinen Sinn. Benutze einfach ";" als Trenner f\xFCr Regeln. Siehe https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification#explain:additional_rule_separator',
      "unexpected token weekday range": "Unerwartes Token in Tages-Spanne: {{token}}",
      "max differ": "Es sollte keinen Grund geben, mehr als {{maxdiffer}} Tage von einem {{name}} abzuweichen. Wenn n\xF6tig, teile uns dies bitte mit \u2026",
      "max differ name constrained weekdays": "Wochentag mit Monatsbeschr\xE4nkung",
      "max differ name event like easter": "beweglichen Feiertag",
      "max differ name public holiday": "Feiertag",
      "adding 0": "Addition von 0 ver\xE4ndert das Datum nicht. Bitte weglassen.",
      "unexpected token holiday": "Unerwarteter Token (in Feiertags-Auswertung): {{token}}",
      "no holiday definition": "{{name}} ist f\xFCr das Land {{cc}} nicht definiert.",
      "no holiday definition state": "{{name}} ist f\xFCr das Land {{cc}} und Bundesland {{state}} nicht definiert.",
      "no country code": "Der L\xE4ndercode fehlt. Dieser wird ben\xF6tigt um die korrekten Feiertage zu bestimmen (siehe in der README wie dieser anzugeben ist)",
      "no SH definition": "Die Schulferien {{name}}sind f\xFCr das Jahr {{year}} nicht definiert",
      "movable no formula": "Der bewegliche Feiertag {{name}} kann nicht berechnet werden. Bitte f\xFCge eine entsprechende Formel hinzu.",
      "movable not in year": "Der bewegliche Feiertag {{name}} plus {{days}} Tage befindet sich nicht mehr im selben Jahr. Aktuell nicht unterst\xFCtzt.",
      "year range one year": 'Eine Jahres-Spanne mit gleichem Jahr als Beginn und Ende ergibt keinen Sinn. Bitte entferne das Ende-Jahr. zum Beispiel: "{{year}} May 23"',
      "year range reverse": "Eine Jahres-Spanne mit Beginn gr\xF6\xDFer als Ende ergibt keinen Sinn. Bitte umdrehen.",
      "year past": "Das Jahr liegt in der Vergangenheit.",
      "date past": "Dieses Datum liegt in der Vergangenheit.",
      "date range past": "Dieser Datumsbereich liegt vollst\xE4ndig in der Vergangenheit.",
      "unexpected token year range": "Unerwartetes Token in der Jahres-Spanne: {{token}}",
      "week range reverse": "Du hast eine Wochen-Spanne in umgekehrter Reihenfolge oder mehrere Jahre umfassende angegeben. Dies ist aktuell nicht unterst\xFCtzt.",
      "week negative": "Du hast eine Kalenderwoche kleiner 1 angegeben. Korrekte Angaben sind 1-53.",
      "week exceed": "Du hast eine Kalenderwoche gr\xF6\xDFer als 53 angegeben. Korrekte Angaben sind 1-53.",
      "week period less than 2": 'Du hast eine Wochenperiode kleiner 2 angegeben. Wenn du die gesamte Spanne von {{weekfrom}} bis {{weekto}} angeben willst, lasse "/{{period}}" einfach weg.',
      "week period greater than 26": 'Du hast eine Wochen-Periode gr\xF6\xDFer als 26 angegeben. 26,5 ist die H\xE4lfte des Maximums von 53 Wochen pro Jahr. Damit w\xFCrde eine Periode gr\xF6\xDFer als 26 nur einmal pro Jahr auftreten. Bitte gibt den Wochen-Selektor als "week {{weekfrom}}" an, wenn es das ist, was du ausdr\xFCcken m\xF6chtest.',
      "unexpected token week range": "Unerwartetes Token in Wochen-Spanne: {{token}}",
      "unexpected token month range": "Unerwartetes Token in Monats-Spanne: {{token}}",
      "day range reverse": "Zeitspanne in falscher Reihenfolge. Beginn ist gr\xF6\xDFer als Ende.",
      "open end": 'Angegeben als "open end". Schlie\xDFzeit wurde geraten.',
      "date parameter needed": "Datumsparameter n\xF6tig.",
      "assuming ok for ko": '"{{ko}}" wird als "{{ok}}" interpretiert.',
      "please use ok for ko": 'Bitte verwende "{{ok}}" anstelle von "{{ko}}".',
      "please use ok for similar looking ko": 'Please use notation "{{ok}}" for "{{ko}}". Those characters look very similar but are not the same!',
      "rant degree sign used for zero": "Beachte das dies ein Gradzeichen ist, welches als (hochgestellte) Null missbraucht wurde. Eine hochgestellte Null ist in Unicode definiert (\xB0) und w\xE4re angebrachter/einheitlicher an dieser Stelle. Allerdings ist die Verwendung von nicht ASCII Ziffern nicht erlaubt.",
      "please use English written ok for ko": 'Bitte benutze die englische Schreibweise "{{ok}}" f\xFCr "{{ko}}".',
      "please use English abbreviation ok for ko": 'Bitte benutze die englische Abk\xFCrzung "{{ok}}" f\xFCr "{{ko}}".',
      "ambiguous elsewhere": 'Beachte, dass "{{ko}}" anderswo auch {{alternatives}} bedeuten kann.',
      "please use off for ko": 'Bitte benutze "{{ok}}" f\xFCr "{{ko}}". Beispiel: "Mo-Fr 08:00-12:00; Tu off".',
      "please use ok for workday": '"{{ko}}" wird als "{{ok}}" interpretiert. Werktag sollte nicht verwendet werden. Siehe https://wiki.openstreetmap.org/wiki/Talk:Key:opening_hours#need_syntax_for_holidays_and_workingdays',
      "omit hour keyword": 'Bitte lasse "{{ko}}" weg oder verwende einen Doppelpunkt. Beispiel: "12:00-14:00".',
      "omit ko": 'Bitte verzichte auf "{{ko}}".',
      "omit tag key": 'Bitte lasse "{{ko}}" weg. Der Tag Schl\xFCssel darf nicht im Tag Wert sein.',
      "omit wrong keyword open end": 'Bitte lasse "{{ko}}" weg. Falls du "open end" ausdr\xFCcken m\xF6chtest verwende bitte ein "+". Beispiel: "12:00+".',
      "assuming open end for ko": '"{{ko}}" wird als "{{ok}}" ("open end") interpretiert. Example: "12:00+".',
      "please use ok for uncertainty": 'Bitte verwende "{{ok}}" f\xFCr "{{ko}}". Falls der begr\xFCndete Verdacht der Ungewissheit vorliegt ziehe die Verwendung eines Kommentars in Betracht. Beispiel: 12:00-14:00 "only on sunshine".',
      "please use fallback rule": 'Bitte verwende "{{ok}}" (Fallback Regel) f\xFCr "{{ko}}". Beispiel: Mo-Fr 12:00-14:00; PH off || "nach Vereinbarung"',
      "please use ok for missing data": "Bitte verwende eine FIXME Notiz.",
      "please use 24 hours time for ko": "Bitte verwende 24 Stunden Zeitangaben anstelle der veralteten 12 Stunden Variante. Falls die 12 Stunden Variante verwendet wird ist eventuelle eine Konvertierung notwendig.",
      "please use restriction comment time for ko": 'Es sieht so aus also m\xF6chtest du zus\xE4tzliche Einschr\xE4nkungen f\xFCr eine \xD6ffnungszeit geben. Falls sich dies nicht mit der Syntax ausdr\xFCcken l\xE4sst k\xF6nnen Kommentare verwendet werden. Zus\xE4tzlich sollte eventuell das Schl\xFCsselwort `open` benutzt werden. Beispiel: open "Nur Frauen".',
      "please use ok for typographically correct": 'Bitte verwende "{{ok}}" f\xFCr "{{ko}}". Auch wenn "{{ko}}" typografisch korrekt ist, ist dies in der opening_hours Syntax nicht definiert. Korrekte Typographie sollte auf Anwendungsebene sichergestellt werden \u2026'
    },
    pretty: {
      off: "geschlossen",
      SH: "Schulferien",
      PH: "Feiertags"
    }
  },
  eo: {
    texts: {
      "assuming ok for ko": '"{{ko}}" estas interpretita kiel "{{ok}}".',
      "please use ok for ko": 'Bonvolu uzi la esprimon "{{ok}}" anstata\u016D "{{ko}}".',
      "please use English abbreviation ok for ko": 'Bonvolu uzi la anglan mallongigon "{{ok}}" f\xFCr "{{ko}}".'
    },
    pretty: {
      off: "fermita",
      SH: "lernejaj ferioj",
      PH: "festotagoj"
    }
  },
  fi: { pretty: {
    off: "suljettu",
    SH: "koululomat",
    PH: "lailliset vapaap\xE4iv\xE4t"
  } },
  fr: {
    texts: {
      "unexpected token": `Caract\xE8re inattendu : "{{token}}" \u2014 la syntaxe \xE0 cet endroit n'a pas pu \xEAtre reconnue.`,
      "season words ambiguous": "Les mots de saison sont ambigus. Veuillez utiliser des plages de dates explicites, par exemple Jun-Aug, Dec-Feb ou Jun 21-Sep 22.",
      "no string": "La valeur (premier param\xE8tre) n'est pas une cha\xEEne de caract\xE8res.",
      nothing: "La valeur ne contient rien qui puisse \xEAtre \xE9valu\xE9.",
      "nothing useful": "Cette r\xE8gle ne contient rien d'utile. Veuillez supprimer cette r\xE8gle vide.",
      "combine rules": 'Des r\xE8gles s\xE9par\xE9es ont \xE9t\xE9 d\xE9tect\xE9es, contenant chacune uniquement une d\xE9finition de plage horaire. Ces r\xE8gles devraient \xEAtre combin\xE9es en une seule r\xE8gle avec "{{ok}}".',
      "value ends with token": 'La valeur se termine par "{{token}}". Veuillez compl\xE9ter la valeur apr\xE8s "{{token}}" ou supprimer "{{token}}".',
      "programmers joke": "\xCAtes-vous d\xE9veloppeur et avez-vous l'habitude compulsive d'ajouter un point-virgule apr\xE8s chaque instruction ;) ? Le point-virgule est d\xE9fini comme s\xE9parateur de r\xE8gles dans la syntaxe opening_hours. Veuillez \xE9viter le point-virgule ici.",
      "interpreted as year": `Le nombre {{number}} est interpr\xE9t\xE9 comme une ann\xE9e. Ce n'est probablement pas intentionnel. Les heures sont indiqu\xE9es sous la forme "12:00".`,
      "rule before fallback empty": "La r\xE8gle avant la r\xE8gle de repli ne contient rien d'utile.",
      "hour min separator": 'Veuillez utiliser ":" comme s\xE9parateur heure/minute.',
      "warnings severity": `Le param\xE8tre optional_conf_parm["warnings_severity"] doit \xEAtre un entier compris entre 0 et 7 inclus. Donn\xE9 : {{severity}}, attendu : l'un des nombres : {{allowed}}.`,
      "optional conf parm type": "Le param\xE8tre optional_conf_parm a un type inconnu. Donn\xE9 : {{given}}",
      "conf param tag key missing": 'optional_conf_parm["tag_key"] est manquant mais n\xE9cessaire \xE0 cause de optional_conf_parm["map_value"].',
      "conf param mode invalid": `Le param\xE8tre optional_conf_parm["mode"] est un nombre invalide. Donn\xE9 : {{given}}, attendu : l'un des nombres : {{allowed}}.`,
      "conf param unknown type": 'Le param\xE8tre optional_conf_parm["{{key}}"] a un type inconnu. Donn\xE9 : {{given}}, attendu : {{expected}}.',
      "library bug": `Une erreur s'est produite lors de l'\xE9valuation de la valeur "{{value}}". Veuillez signaler ce bug ou le corriger via une pull request ou un patch : {{-url}}.{{message}}`,
      "library bug PR only": `Une erreur s'est produite lors de l'\xE9valuation de la valeur "{{value}}". Vous pouvez corriger cela en r\xE9solvant le probl\xE8me et en contribuant sous forme de pull request ou de patch : {{-url}}.{{message}}`,
      "use multi": 'Vous avez utilis\xE9 {{count}} {{-part2}} Les r\xE8gles s\xE9par\xE9es peuvent \xEAtre s\xE9par\xE9es par ";".',
      "selector multi 2a": "{{what}} utilis\xE9 dans une r\xE8gle. Vous ne pouvez en utiliser qu'un par r\xE8gle.",
      "selector multi 2b": `{{what}} non connect\xE9s utilis\xE9s dans une r\xE8gle. C'est probablement une erreur. Les s\xE9lecteurs identiques peuvent (et doivent) toujours \xEAtre \xE9crits ensemble, s\xE9par\xE9s par des virgules. Exemple pour les plages horaires "12:00-13:00,15:00-18:00". Exemple pour les jours de la semaine "Mo-We,Fr".`,
      "selector state": "Mots-cl\xE9s d'\xE9tat (ouvert, ferm\xE9)",
      comments: "Commentaires",
      months: "Mois",
      weekdays: "Jours de la semaine",
      "default state": "Cette r\xE8gle, qui modifie l'\xE9tat par d\xE9faut (c.-\xE0-d. ferm\xE9) pour toutes les r\xE8gles suivantes, n'est pas la premi\xE8re r\xE8gle. Elle remplace toutes les r\xE8gles pr\xE9c\xE9dentes. Il peut \xEAtre l\xE9gitime de d\xE9finir l'\xE9tat par d\xE9faut sur ouvert puis d'indiquer uniquement les heures de fermeture.",
      vague: `Cette r\xE8gle n'est pas tr\xE8s pr\xE9cise car aucun s\xE9lecteur de temps n'a \xE9t\xE9 sp\xE9cifi\xE9. Un s\xE9lecteur de temps indique \xE0 quelle heure de la journ\xE9e un lieu est ouvert, par exemple "10:00-19:00". Veuillez ajouter une heure ou un commentaire pour am\xE9liorer cela.`,
      "empty comment": 'Vous avez utilis\xE9 un commentaire vide. Veuillez soit \xE9crire un texte de commentaire, soit utiliser le mot-cl\xE9 "unknown" \xE0 la place.',
      separator_for_readability: "Vous avez utilis\xE9 le symbole optionnel <separator_for_readability> au mauvais endroit. Veuillez lire la sp\xE9cification de syntaxe pour voir o\xF9 il peut \xEAtre utilis\xE9, ou supprimez-le.",
      "strange 24/7": `Vous avez utilis\xE9 24/7 d'une mani\xE8re qui ne sera probablement pas interpr\xE9t\xE9e comme "24 heures, 7 jours par semaine". Pour plus de clart\xE9, utilisez "open" ou "closed" pour cette r\xE8gle et sp\xE9cifiez les exceptions \u2014 par exemple "open; Mo 12:00-14:00 off".`,
      "public holiday": `Aucune r\xE8gle pour "PH" (jours f\xE9ri\xE9s) n'a \xE9t\xE9 sp\xE9cifi\xE9e. Ce n'est pas tr\xE8s pr\xE9cis.{{-part2}} Veuillez ajouter la r\xE8gle "PH off" si l'\xE9tablissement est ferm\xE9 tous les jours f\xE9ri\xE9s, ou \xE9crivez "Sa,Su,PH 12:00-16:00" pour indiquer qu'il est ouvert le samedi, dimanche et jours f\xE9ri\xE9s de 12h00 \xE0 16h00. Attention avec une heure comme "Fr-Sa 18:00-06:00", car "PH off" s'applique \xE0 00:00-24:00 ; on peut alors utiliser "Fr-Sa 18:00-06:00; PH 18:00-06:00 off". Si l'\xE9tablissement est ouvert tous les jours et les jours f\xE9ri\xE9s, cela peut \xEAtre exprim\xE9 explicitement avec "Mo-Su,PH". Si vous n'\xEAtes pas s\xFBr, essayez de clarifier les horaires. Sinon, laissez de c\xF4t\xE9 et ignorez cet avertissement.`,
      "public holiday part2": ` Malheureusement, la "cl\xE9 de tag" (par exemple "opening_hours" ou "lit") n'est pas connue dans opening_hours.js. Cet avertissement ne concerne que les cl\xE9s : {{keys}}. Si votre entr\xE9e ne concerne pas l'une d'elles, veuillez ignorer la remarque suivante :`,
      "additional_rule_separator not used after time wrapping midnight": `Cette r\xE8gle remplace des parties de la r\xE8gle pr\xE9c\xE9dente. La raison en est que les r\xE8gles normales s'appliquent \xE0 toute la journ\xE9e et remplacent toutes les d\xE9finitions des r\xE8gles pr\xE9c\xE9dentes pour ce jour. Vous pouvez d\xE9clarer cette r\xE8gle comme r\xE8gle additive en utilisant "," au lieu du ";" habituel. Notez que le remplacement peut aussi \xEAtre intentionnel, auquel cas cet avertissement peut \xEAtre ignor\xE9.`,
      "additional rule which evaluates to closed": 'Cette r\xE8gle est \xE9valu\xE9e comme ferm\xE9e mais a \xE9t\xE9 sp\xE9cifi\xE9e comme r\xE8gle additive. Elle devrait \xEAtre d\xE9finie comme r\xE8gle normale avec ";". Voir https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification#explain:rule_modifier:closed.',
      switched: `Le s\xE9lecteur "{{first}}" a \xE9t\xE9 \xE9chang\xE9 avec "{{second}}" pour une meilleure lisibilit\xE9 et par souci d'exhaustivit\xE9.`,
      "no colon after": 'Veuillez ne pas utiliser ":" apr\xE8s le token {{token}}.',
      "number -5 to 5": "Nombre entre -5 et 5 (sauf 0) attendu.",
      "one weekday constraint": "Vous ne pouvez utiliser qu'un seul jour de la semaine contraint dans une plage mensuelle.",
      "range constrained weekdays": "Vous ne pouvez pas utiliser une plage de jours de la semaine comme contrainte dans une plage mensuelle.",
      expected: '"{{-symbol}}" attendu.',
      "range zero": 'Vous ne pouvez pas utiliser une plage {{type}} avec la p\xE9riode "0".',
      "period one year+": `Veuillez ne pas utiliser de plages {{type}} avec la p\xE9riode "1". Si vous voulez exprimer qu'un \xE9tablissement est toujours ouvert \xE0 partir d'une certaine ann\xE9e, veuillez utiliser "<year>+".`,
      "period one": 'Veuillez ne pas utiliser de plages {{type}} avec la p\xE9riode "1".',
      "month 31": "Le num\xE9ro de jour pour {{month}} doit \xEAtre compris entre 1 et 31.",
      "month 30": "Le mois {{month}} n'a pas 31 jours. Le dernier jour de {{month}} est le jour 30.",
      "month feb": '"Le mois {{month}} a soit 28 soit 29 jours (ann\xE9es bissextiles)."',
      "point in time": "Tiret (-) ou fin ouverte (+) attendu dans la plage horaire {{calc}}. Pour travailler avec des points dans le temps, le mode de {{libraryname}} doit \xEAtre modifi\xE9. Peut-\xEAtre un mauvais tag ?",
      calculation: "Calcul",
      "time range continue": "La plage horaire ne continue pas comme pr\xE9vu.",
      "period continue": 'La p\xE9riode de plage horaire ne continue pas comme pr\xE9vu. Exemple "/01:30".',
      "time range mode": '{{libraryname}} a \xE9t\xE9 appel\xE9 en mode "plage horaire". Point dans le temps trouv\xE9.',
      "time ranges": "Plages horaires",
      "week ranges": "Plages de semaines",
      "holiday ranges": "Jours f\xE9ri\xE9s",
      "point in time mode": '{{libraryname}} a \xE9t\xE9 appel\xE9 en mode "point dans le temps". Plage horaire trouv\xE9e.',
      "outside current day": "La plage horaire commence en dehors du jour actuel.",
      "two midnights": "La plage horaire couvrant plusieurs fois minuit n'est pas prise en charge.",
      "without minutes": `Plage horaire sp\xE9cifi\xE9e sans minutes. Ce n'est pas tr\xE8s pr\xE9cis ! Veuillez utiliser la syntaxe "{{syntax}}" \xE0 la place.`,
      "ambiguous single digit hour": `Heure \xE0 un seul chiffre "{{hour}}" sans z\xE9ro initial - cela peut signifier {{hour}} h (le matin) ou {{hour_pm}} h (l'apr\xE8s-midi). Ajoutez un z\xE9ro initial, par exemple "0{{hour}}", ou remplacez-la par "{{hour_pm}}" pour lever l'ambigu\xEFt\xE9.`,
      "outside day": "La plage horaire commence en dehors du jour actuel.",
      "zero calculation": `L'ajout de 0 dans un calcul de temps variable ne modifie pas le temps variable. Veuillez supprimer le calcul de temps (exemple : "sunrise-(sunset-00:00)").`,
      "calculation syntax": "Le calcul avec un temps variable n'a pas la syntaxe correcte.",
      "time offset hours only": 'Le d\xE9calage horaire doit \xEAtre au format HH:MM, pas seulement les heures. Vouliez-vous dire "{{suggestion}}" ?',
      missing: '"{{symbol}}" manquant.',
      "(time)": "(heure)",
      "bad range": "Plage invalide : {{from}}-{{to}}",
      "] or more numbers": `"]" ou d'autres nombres attendus.`,
      "additional rule no sense": `Une r\xE8gle suppl\xE9mentaire \xE0 cet endroit n'a pas de sens. Utilisez simplement ";" comme s\xE9parateur de r\xE8gles. Voir https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification#explain:additional_rule_separator`,
      "unexpected token weekday range": "Token inattendu dans la plage de jours : {{token}}",
      "max differ": "Il ne devrait pas y avoir de raison de s'\xE9carter de plus de {{maxdiffer}} jours d'un {{name}}. Si n\xE9cessaire, veuillez nous en informer\u2026",
      "max differ name constrained weekdays": "jour de semaine contraint",
      "max differ name event like easter": "\xE9v\xE9nement comme P\xE2ques",
      "max differ name public holiday": "jour f\xE9ri\xE9",
      "adding 0": "L'addition de 0 ne modifie pas la date. Veuillez l'omettre.",
      "unexpected token holiday": "Token inattendu (dans l'\xE9valuation des jours f\xE9ri\xE9s) : {{token}}",
      "no holiday definition": "{{name}} n'est pas d\xE9fini pour le pays {{cc}}.",
      "no holiday definition state": "{{name}} n'est pas d\xE9fini pour le pays {{cc}} et la r\xE9gion {{state}}.",
      "no country code": "Le code pays est manquant. Il est n\xE9cessaire pour d\xE9terminer les jours f\xE9ri\xE9s corrects (voir le README pour savoir comment le sp\xE9cifier).",
      "no SH definition": "Les vacances scolaires {{name}} ne sont pas d\xE9finies pour l'ann\xE9e {{year}}.",
      "movable no formula": "Le jour f\xE9ri\xE9 mobile {{name}} ne peut pas \xEAtre calcul\xE9. Veuillez ajouter une formule correspondante.",
      "movable not in year": "Le jour f\xE9ri\xE9 mobile {{name}} plus {{days}} jours ne se trouve plus dans la m\xEAme ann\xE9e. Actuellement non pris en charge.",
      "year range one year": `Une plage d'ann\xE9es avec la m\xEAme ann\xE9e comme d\xE9but et fin n'a pas de sens. Veuillez supprimer l'ann\xE9e de fin. Par exemple : "{{year}} May 23".`,
      "year range reverse": "Une plage d'ann\xE9es avec un d\xE9but sup\xE9rieur \xE0 la fin n'a pas de sens. Veuillez inverser.",
      "year past": "L'ann\xE9e est dans le pass\xE9.",
      "date past": "Cette date est dans le pass\xE9.",
      "date range past": "Cette plage de dates est enti\xE8rement dans le pass\xE9.",
      "unexpected token year range": "Token inattendu dans la plage d'ann\xE9es : {{token}}",
      "week range reverse": "Vous avez sp\xE9cifi\xE9 une plage de semaines en ordre inverse ou couvrant plusieurs ann\xE9es. Ceci n'est actuellement pas pris en charge.",
      "week negative": "Vous avez sp\xE9cifi\xE9 un num\xE9ro de semaine inf\xE9rieur \xE0 1. Les valeurs valides sont 1-53.",
      "week exceed": "Vous avez sp\xE9cifi\xE9 un num\xE9ro de semaine sup\xE9rieur \xE0 53. Les valeurs valides sont 1-53.",
      "week period less than 2": 'Vous avez sp\xE9cifi\xE9 une p\xE9riode de semaine inf\xE9rieure \xE0 2. Si vous voulez s\xE9lectionner toute la plage de la semaine {{weekfrom}} \xE0 la semaine {{weekto}}, omettez simplement "/{{period}}".',
      "week period greater than 26": `Vous avez sp\xE9cifi\xE9 une p\xE9riode de semaine sup\xE9rieure \xE0 26. 26,5 est la moiti\xE9 du maximum de 53 semaines par an, donc une p\xE9riode sup\xE9rieure \xE0 26 ne se produirait qu'une fois par an. Veuillez sp\xE9cifier le s\xE9lecteur de semaine comme "week {{weekfrom}}" si c'est ce que vous souhaitez exprimer.`,
      "unexpected token week range": "Token inattendu dans la plage de semaines : {{token}}",
      "unexpected token month range": "Token inattendu dans la plage de mois : {{token}}",
      "day range reverse": "Plage dans le mauvais ordre. Le jour de d\xE9but est sup\xE9rieur au jour de fin.",
      "open end": `Indiqu\xE9 comme "open end" (fin ouverte). L'heure de fermeture a \xE9t\xE9 estim\xE9e.`,
      "date parameter needed": "Param\xE8tre de date n\xE9cessaire.",
      "assuming ok for ko": 'Suppose "{{ok}}" pour "{{ko}}".',
      "please use ok for ko": 'Veuillez utiliser "{{-ok}}" plut\xF4t que "{{-ko}}".',
      "please use ok for similar looking ko": 'Veuillez utiliser la notation "{{ok}}" pour "{{ko}}". Ces caract\xE8res se ressemblent fortement mais ne sont pas identiques !',
      "please use English written ok for ko": 'Veuillez utiliser la notation anglaise "{{ok}}" pour "{{ko}}".',
      "please use English abbreviation ok for ko": `Veuillez utiliser l'abr\xE9viation anglaise "{{ok}}" pour "{{ko}}".`,
      "ambiguous elsewhere": `Notez que "{{ko}}" peut aussi signifier {{alternatives}} dans d'autres langues.`,
      "please use off for ko": 'Veuillez utiliser "{{ok}}" pour "{{ko}}". Exemple : "Mo-Fr 08:00-12:00; Tu off".',
      "please use ok for workday": '"{{ko}}" est interpr\xE9t\xE9 comme "{{ok}}". Le jour ouvrable ne devrait pas \xEAtre utilis\xE9. Voir https://wiki.openstreetmap.org/wiki/Talk:Key:opening_hours#need_syntax_for_holidays_and_workingdays',
      "omit hour keyword": 'Veuillez omettre "{{ko}}" ou utiliser un deux-points. Exemple : "12:00-14:00".',
      "omit ko": 'Veuillez omettre "{{ko}}".',
      "omit tag key": 'Veuillez omettre "{{ko}}". La cl\xE9 de tag ne doit pas figurer dans la valeur du tag.',
      "omit wrong keyword open end": 'Veuillez omettre "{{ko}}". Si vous souhaitez exprimer une fin ouverte, veuillez utiliser "+". Exemple : "12:00+".',
      "assuming open end for ko": '"{{ko}}" est interpr\xE9t\xE9 comme "{{ok}}" (fin ouverte). Exemple : "12:00+".',
      "please use ok for uncertainty": `Veuillez utiliser "{{ok}}" pour "{{ko}}". En cas de doute raisonnable, envisagez l'utilisation d'un commentaire. Exemple : 12:00-14:00 "uniquement par beau temps".`,
      "please use fallback rule": 'Veuillez utiliser "{{ok}}" (r\xE8gle de repli) pour "{{ko}}". Exemple : Mo-Fr 12:00-14:00; PH off || "sur rendez-vous".',
      "please use ok for missing data": "Veuillez utiliser une note FIXME.",
      "please use 24 hours time for ko": "Veuillez utiliser le format 24 heures plut\xF4t que le format 12 heures obsol\xE8te. Si le format 12 heures est utilis\xE9, une conversion peut \xEAtre n\xE9cessaire.",
      "please use restriction comment time for ko": 'Il semble que vous souhaitiez ajouter des restrictions suppl\xE9mentaires pour un horaire d\'ouverture. Si cela ne peut pas \xEAtre exprim\xE9 avec la syntaxe, des commentaires peuvent \xEAtre utilis\xE9s. Le mot-cl\xE9 `open` devrait \xE9ventuellement aussi \xEAtre utilis\xE9. Exemple : open "Femmes uniquement".',
      "please use ok for typographically correct": `Veuillez utiliser "{{-ok}}" pour "{{ko}}". M\xEAme si "{{ko}}" est typographiquement correct, il n'est pas d\xE9fini dans la syntaxe opening_hours. La typographie correcte devrait \xEAtre assur\xE9e au niveau de l'application\u2026`,
      "rant degree sign used for zero": "Notez qu'il s'agit d'un signe degr\xE9 utilis\xE9 comme z\xE9ro en exposant. Un z\xE9ro en exposant est d\xE9fini en Unicode (\u2070) et serait plus appropri\xE9 ici. Cependant, l'utilisation de chiffres non ASCII n'est pas autoris\xE9e."
    },
    pretty: {
      off: "ferm\xE9",
      SH: "vacances scolaires",
      PH: "jours f\xE9ri\xE9s"
    }
  },
  nl: {
    texts: { "please use English abbreviation ok for ko": 'Neem de engelse afkorting "{{ok}}" voor "{{ko}}" alstublieft.' },
    pretty: {
      off: "gesloten",
      SH: "schoolvakantie",
      PH: "feestdagen"
    }
  },
  ru: { pretty: {
    off: "\u0437\u0430\u043A\u0440\u044B\u0442\u043E",
    SH: "\u043A\u0430\u043D\u0438\u043A\u0443\u043B\u044B",
    PH: "\u043F\u0440\u0430\u0437\u0434\u043D\u0438\u043A"
  } },
  it: { pretty: {
    off: "chiuso",
    SH: "festivit\xE0 scolastiche",
    PH: "festivit\xE0"
  } }
};
function interpolate(str, vars) {
  return str.replace(/{{-?([^{}]*)}}/g, function(match, varName) {
    const name = varName.trim();
    if (name in vars) {
      return vars[name];
    }
    return match;
  });
}
function baseLanguage(locale2) {
  if (locale2 && typeof locale2 === "string") {
    return locale2.split(/[-_]/)[0];
  }
  return "en";
}
function localeChain(locale2) {
  const base = baseLanguage(locale2);
  return [...new Set([locale2, base, "en"].filter(Boolean))];
}
function lookup(locale2, section, key) {
  const keyPath = key.split(".");
  for (const loc of localeChain(locale2)) {
    let value = data[loc]?.[section];
    for (const segment of keyPath) value = value?.[segment];
    if (value !== void 0) return value;
  }
  return void 0;
}
function translate(locale2, section, key, vars) {
  const result = lookup(locale2, section, key);
  if (typeof result === "string") {
    if (vars) {
      return interpolate(result, vars);
    }
    return result;
  }
  return key;
}
var SELECTOR_ORDER = [
  "year",
  "month",
  "week",
  "holiday",
  "weekday",
  "time",
  "24/7",
  "state",
  "comment"
];
function compareSelectorOrder(a, b) {
  return SELECTOR_ORDER.indexOf(a[0][2]) - SELECTOR_ORDER.indexOf(b[0][2]);
}
function hasCommentSelector(group) {
  return group.some((entry) => entry[0][2] === "comment");
}
var localized_name_cache = {};
function getRuleSeparator(ruleTokens, conf) {
  return ruleTokens[1] ? conf.rule_sep_string + "|| " : (ruleTokens[0][0][1] === "rule separator" ? "," : conf.print_semicolon ? ";" : "") + conf.rule_sep_string;
}
function normalizePrettifyConf(userConf, defaultConf) {
  const conf = {};
  Object.keys(defaultConf).forEach(function(key) {
    conf[key] = typeof userConf[key] === "undefined" ? defaultConf[key] : userConf[key];
  });
  return conf;
}
function shouldSortPrettifiedGroup(doneWithSelectorReordering, rulesWithoutSelectorReordering, nrule, group) {
  return !doneWithSelectorReordering && !rulesWithoutSelectorReordering.has(nrule) && !hasCommentSelector(group);
}
function getLocalizedNames(conf, kind, canonicalWeekdays, canonicalMonths) {
  const useEnglishShortNames = (conf["locale"] === "en" || conf["locale"] === "all") && conf["date_format"] === "short";
  if (useEnglishShortNames) {
    return kind === "weekday" ? canonicalWeekdays : canonicalMonths;
  }
  const cache_key = kind + "|" + conf["locale"] + "|" + conf["date_format"];
  if (!localized_name_cache[cache_key]) {
    localized_name_cache[cache_key] = kind === "weekday" ? [1, 2, 3, 4, 5, 6, 7].map(function(weekday) {
      return new Date(2026, 1, weekday).toLocaleString(conf["locale"], { weekday: conf["date_format"], calendar: "gregory" });
    }) : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(function(month) {
      return new Date(2026, month - 1, 1).toLocaleString(conf["locale"], { month: conf["date_format"], calendar: "gregory" });
    });
  }
  return localized_name_cache[cache_key];
}
function translatePrettyToken(value, token_type, conf, canonicalWeekdays, canonicalMonths, translateFn) {
  if (token_type === "weekday") {
    return getLocalizedNames(conf, "weekday", canonicalWeekdays, canonicalMonths)[Number(value)];
  }
  if (token_type === "month") {
    return getLocalizedNames(conf, "month", canonicalWeekdays, canonicalMonths)[Number(value)];
  }
  if (typeof conf["locale"] !== "string" || conf["locale"] === "en") {
    return value;
  }
  return translateFn(conf["locale"], "pretty", value);
}
function matchTokens(tokens, at, ...tokenNames) {
  if (at + tokenNames.length > tokens.length) {
    return false;
  }
  for (let i = 0; i < tokenNames.length; i++) {
    if (tokens[at + i][1] !== tokenNames[i]) {
      return false;
    }
  }
  return true;
}
function shouldPreserveLeadingMalformedTimePrefix(tokens, selector_start, selector_type) {
  return selector_type === "time" && selector_start > 1 && matchTokens(tokens, selector_start - 1, "timesep") && matchTokens(tokens, selector_start, "number") && (matchTokens(tokens, selector_start - 2, "rule separator") || matchTokens(tokens, selector_start - 2, ","));
}
function formatPrettifySelectorToken(prettifiedValue, tokens, at, selector_start, selector_end, selector_type, conf, canonicalMonths, canonicalWeekdays, translateFn) {
  let value = prettifiedValue;
  let advance = 0;
  const token_value = tokens[at][0];
  const token_type = tokens[at][1];
  if (at === selector_start && shouldPreserveLeadingMalformedTimePrefix(tokens, selector_start, selector_type)) {
    value += ":";
  }
  if (matchTokens(tokens, at, "weekday")) {
    if (!conf.leave_weekday_sep_one_day_betw && at - selector_start > 1 && (matchTokens(tokens, at - 1, ",") || matchTokens(tokens, at - 1, "-")) && matchTokens(tokens, at - 2, "weekday") && tokens[at][0] === (tokens[at - 2][0] + 1) % 7) {
      value = value.substring(0, value.length - 1) + conf.sep_one_day_between;
    }
    value += translatePrettyToken(token_value, "weekday", conf, canonicalWeekdays, canonicalMonths, translateFn);
  } else if (at - selector_start > 0 && selector_type === "time" && matchTokens(tokens, at - 1, "timesep") && matchTokens(tokens, at, "number")) {
    value += (tokens[at][0] < 10 ? "0" : "") + tokens[at][0].toString();
  } else if (selector_type === "time" && conf.zero_pad_hour && at !== tokens.length && matchTokens(tokens, at, "number") && matchTokens(tokens, at + 1, "timesep")) {
    value += (tokens[at][0] < 10 ? tokens[at][0] === 0 && conf.one_zero_if_hour_zero ? "" : "0" : "") + tokens[at][0].toString();
  } else if (selector_type === "time" && at + 2 <= selector_end && matchTokens(tokens, at, "number") && matchTokens(tokens, at + 1, "-") && matchTokens(tokens, at + 2, "number") && tokens[at][0] !== tokens[at + 2][0]) {
    value += (tokens[at][0] < 10 ? tokens[at][0] === 0 && conf.one_zero_if_hour_zero ? "" : "0" : "") + tokens[at][0].toString();
    value += ":00-" + (tokens[at + 2][0] < 10 ? "0" : "") + tokens[at + 2][0].toString() + ":00";
    advance = 2;
  } else if (matchTokens(tokens, at, "comment")) {
    value += '"' + tokens[at][0].toString() + '"';
  } else if (matchTokens(tokens, at, "closed")) {
    value += translatePrettyToken(
      conf.leave_off_closed ? token_value : conf.keyword_for_off_closed,
      "state",
      conf,
      canonicalWeekdays,
      canonicalMonths,
      translateFn
    );
  } else if (at - selector_start > 0 && matchTokens(tokens, at, "number") && (selector_type === "month" || selector_type === "week")) {
    value += (matchTokens(tokens, at - 1, "month") || matchTokens(tokens, at - 1, "week") ? " " : "") + (conf.zero_pad_month_and_week_numbers && tokens[at][4] !== "positive_number" && tokens[at][0] < 10 ? "0" : "") + tokens[at][0];
  } else if (at - selector_start > 0 && matchTokens(tokens, at, "month") && matchTokens(tokens, at - 1, "year")) {
    value += " " + translatePrettyToken(token_value, "month", conf, canonicalWeekdays, canonicalMonths, translateFn);
  } else if (at - selector_start > 0 && matchTokens(tokens, at, "event") && matchTokens(tokens, at - 1, "year")) {
    value += " " + tokens[at][0];
  } else if (matchTokens(tokens, at, "month")) {
    if (conf.day_before_month && at + 1 <= selector_end && matchTokens(tokens, at + 1, "number")) {
      value += tokens[at + 1][0] + conf.day_month_sep + translatePrettyToken(token_value, "month", conf, canonicalWeekdays, canonicalMonths, translateFn);
      advance = 1;
    } else {
      value += translatePrettyToken(token_value, "month", conf, canonicalWeekdays, canonicalMonths, translateFn);
      if (at + 1 <= selector_end && matchTokens(tokens, at + 1, "weekday")) {
        value += " ";
      }
    }
  } else if (at + 2 <= selector_end && (matchTokens(tokens, at, "-") || matchTokens(tokens, at, "+")) && matchTokens(tokens, at + 1, "number", "calcday")) {
    value += " " + tokens[at][0] + tokens[at + 1][0] + " day" + (Math.abs(tokens[at + 1][0]) === 1 ? "" : "s");
    advance = 2;
  } else if (at === selector_end && selector_type === "weekday" && tokens[at][0] === ":") ;
  else if (at === selector_end && selector_type === "time" && tokens[at][0] === ",") ;
  else {
    value += translatePrettyToken(token_value.toString(), token_type, conf, canonicalWeekdays, canonicalMonths, translateFn);
  }
  return { value, advance };
}
var VARIABLE_TIME_DEFAULTS = {
  dawn: 60 * 5 + 30,
  sunrise: 60 * 6,
  sunset: 60 * 18,
  dusk: 60 * 18 + 30
};
function localDayKey(date) {
  return date.getFullYear() * 1e4 + (date.getMonth() + 1) * 100 + date.getDate();
}
function sunEvent(date, lat, lon, eventName) {
  const times2 = getTimes(date, Number(lat), Number(lon));
  const eventTime = times2[eventName];
  return eventTime instanceof Date ? eventTime : null;
}
function getVariableTimeEvent(date, lat, lon, eventName) {
  const targetDay = localDayKey(date);
  for (const dayOffset of [0, -1, 1]) {
    const probe = new Date(date);
    probe.setDate(probe.getDate() + dayOffset);
    const eventTime = sunEvent(probe, lat, lon, eventName);
    if (eventTime && localDayKey(eventTime) === targetDay) {
      return eventTime;
    }
  }
  return null;
}
function getVariableTimeMinutes(date, lat, lon, eventName, offsetMinutes) {
  const eventTime = getVariableTimeEvent(date, lat, lon, eventName);
  if (eventTime === null) {
    throw new RangeError(`Variable time "${eventName}" does not occur on this date`);
  }
  return eventTime.getHours() * 60 + eventTime.getMinutes() + offsetMinutes;
}
function normalizeToken(value) {
  return String(value ?? "").trim().toLowerCase().replace(/\.+$/, "");
}
var SEVERITY = { silent: 0, info: 1, warning: 2, error: 3 };
var SEVERITY_NAME = ["silent", "info", "warning", "error"];
var CANONICAL_HINT = {
  weekday: "Mo, Tu, We, Th, Fr, Sa, Su",
  month: "Jan, Feb, Mar, \u2026 Dec"
};
function classify(raw3, type, layers) {
  const token = normalizeToken(raw3);
  const result = {
    raw: raw3,
    token,
    type,
    meaning: null,
    lang: null,
    layer: null,
    kind: "unknown",
    confidence: "error",
    candidates: null,
    message: null
  };
  if (token in layers.canonical[type]) {
    return Object.assign(result, {
      meaning: layers.canonical[type][token],
      layer: 0,
      kind: "canonical",
      confidence: "silent"
    });
  }
  if (token in layers.universal[type]) {
    return Object.assign(result, {
      meaning: layers.universal[type][token],
      layer: 2,
      kind: "universal",
      confidence: "info"
    });
  }
  const candidates = (layers.crossLocale[token] || []).filter((candidate) => candidate.type === type);
  if (candidates.length) {
    return Object.assign(result, { kind: "foreign", candidates });
  }
  result.message = `Unknown ${type} token "${raw3}".`;
  return result;
}
function uniqueMeaning(candidates) {
  const meanings = new Set(candidates.map((candidate) => candidate.meaning));
  return meanings.size === 1 ? [...meanings][0] : null;
}
function candidateSummary(candidates) {
  return candidates.map((candidate) => `${candidate.meaning} (${candidate.lang})`).join(", ");
}
function resolveForeign(token, allForeign, localeLang, regionLangs2, hasAnchor) {
  const candidates = token.candidates;
  const localeMatches = candidates.filter((candidate) => candidate.lang === localeLang);
  if (localeMatches.length) {
    const meaning = uniqueMeaning(localeMatches);
    if (meaning) {
      return Object.assign(token, { meaning, lang: localeLang, layer: 3, confidence: "info" });
    }
  }
  if (regionLangs2 && regionLangs2.size) {
    const regionMatches = candidates.filter((candidate) => regionLangs2.has(candidate.lang));
    const meaning = uniqueMeaning(regionMatches);
    if (meaning) {
      const lang = regionMatches[0].lang;
      return Object.assign(token, {
        meaning,
        lang,
        layer: 3,
        confidence: "warning",
        message: `Interpreted "${token.raw}" as ${meaning} (${lang}); a local language at this location.`
      });
    }
  }
  const neighbourLangs = /* @__PURE__ */ new Set();
  for (const other of allForeign) {
    if (other === token) {
      continue;
    }
    for (const candidate of other.candidates) {
      neighbourLangs.add(candidate.lang);
    }
  }
  const sharedLangs = [...new Set(candidates.map((candidate) => candidate.lang))].filter((lang) => neighbourLangs.has(lang)).sort((a, b) => a.localeCompare(b, "en"));
  if (sharedLangs.length) {
    const lang = sharedLangs[0];
    const meaning = uniqueMeaning(candidates.filter((candidate) => candidate.lang === lang));
    if (meaning) {
      return Object.assign(token, {
        meaning,
        lang,
        layer: 3,
        confidence: "warning",
        message: `Interpreted "${token.raw}" as ${meaning} (${lang}); coherent with neighbouring tokens.`
      });
    }
  }
  if (!hasAnchor) {
    const meaning = uniqueMeaning(candidates);
    if (meaning) {
      const lang = candidates.find((candidate) => candidate.meaning === meaning).lang;
      return Object.assign(token, {
        meaning,
        lang,
        layer: 3,
        confidence: "warning",
        message: `Interpreted "${token.raw}" as ${meaning} (${lang}); non-English value without a set locale or location.`
      });
    }
  }
  const hint = `Use a canonical abbreviation (${CANONICAL_HINT[token.type]}) or set the intended locale.`;
  token.confidence = "error";
  token.layer = 3;
  token.meaning = uniqueMeaning(candidates);
  token.message = token.meaning ? `Token "${token.raw}" is not valid for locale "${localeLang}"; it only matches ${candidateSummary(candidates)}. ${hint}` : `Token "${token.raw}" is ambiguous across languages (${candidateSummary(candidates)}). ${hint}`;
  return token;
}
function resolveRange(rawTokens, { locale: locale2, type, layers, regionLangs: regionLangs2 }) {
  const localeLang = String(locale2 || "").split("-")[0].toLowerCase();
  const tokens = rawTokens.map((raw3) => classify(raw3, type, layers));
  const hasAnchor = tokens.some((token) => token.kind === "canonical" || token.kind === "universal");
  const foreign = tokens.filter((token) => token.kind === "foreign");
  for (const token of foreign) {
    resolveForeign(token, foreign, localeLang, regionLangs2, hasAnchor);
    if (token.meaning && token.confidence !== "error" && Array.isArray(token.candidates)) {
      const byMeaning = /* @__PURE__ */ new Map();
      for (const candidate of token.candidates) {
        if (!byMeaning.has(candidate.meaning)) {
          byMeaning.set(candidate.meaning, /* @__PURE__ */ new Set());
        }
        byMeaning.get(candidate.meaning).add(candidate.lang);
      }
      if (byMeaning.size > 1) {
        token.alternatives = [...byMeaning.entries()].filter(([meaning]) => meaning !== token.meaning).map(([meaning, langs]) => ({
          meaning,
          langs: [...langs].sort((a, b) => a.localeCompare(b, "en"))
        }));
      }
    }
  }
  const severity = tokens.reduce((max, token) => Math.max(max, SEVERITY[token.confidence]), 0);
  return {
    ok: severity < SEVERITY.error,
    confidence: SEVERITY_NAME[severity],
    tokens
  };
}
var cache = /* @__PURE__ */ new Map();
function regionLanguages(countryCode, layers) {
  if (typeof countryCode !== "string" || countryCode === "") {
    return /* @__PURE__ */ new Set();
  }
  const cc = countryCode.toLowerCase();
  if (cache.has(cc)) {
    return cache.get(cc);
  }
  const generated = layers && layers.regionLangs && layers.regionLangs[cc] || [];
  const langs = new Set(generated);
  cache.set(cc, langs);
  return langs;
}
var meta = {
  generated: "2026-09-10",
  cldrDatesFull: "48.2.0",
  localeCount: 766,
  types: [
    "weekday",
    "month"
  ],
  crossLocaleTokens: 3068,
  crossLocaleCandidates: 3967,
  regionCount: 250
};
var canonical = {
  weekday: {
    su: "Su",
    mo: "Mo",
    tu: "Tu",
    we: "We",
    th: "Th",
    fr: "Fr",
    sa: "Sa"
  },
  month: {
    jan: "Jan",
    feb: "Feb",
    mar: "Mar",
    apr: "Apr",
    may: "May",
    jun: "Jun",
    jul: "Jul",
    aug: "Aug",
    sep: "Sep",
    oct: "Oct",
    nov: "Nov",
    dec: "Dec"
  }
};
var universal = {
  weekday: {
    monday: "Mo",
    tuesday: "Tu",
    wednesday: "We",
    thursday: "Th",
    friday: "Fr",
    saturday: "Sa",
    sunday: "Su",
    mon: "Mo",
    tue: "Tu",
    wed: "We",
    thu: "Th",
    fri: "Fr",
    sat: "Sa",
    sun: "Su"
  },
  month: {
    january: "Jan",
    february: "Feb",
    march: "Mar",
    april: "Apr",
    june: "Jun",
    july: "Jul",
    august: "Aug",
    september: "Sep",
    october: "Oct",
    november: "Nov",
    december: "Dec",
    sept: "Sep"
  }
};
var crossLocale = {
  "12": [
    {
      lang: "dz",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\xB7\u{10451}\u{10475}": [
    {
      lang: "en",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\xB7\u{10451}\u{10475}\u{1045F}\u{1045B}\u{10471}": [
    {
      lang: "en",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\xB7\u{10453}\u{10467}": [
    {
      lang: "en",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\xB7\u{10453}\u{10467}\u{1045A}\u{10458}\u{10475}\u{10462}\u{1047A}\u{10470}": [
    {
      lang: "en",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\xB7\u{10453}\u{1046E}": [
    {
      lang: "en",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\xB7\u{10453}\u{1046E}\u{10472}\u{1045B}\u{10471}": [
    {
      lang: "en",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\xB7\u{10454}\u{1047B}": [
    {
      lang: "en",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\xB7\u{10454}\u{1047B}\u{1045F}\u{1045B}\u{10471}": [
    {
      lang: "en",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\xB7\u{10455}\u{10467}": [
    {
      lang: "en",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\xB7\u{10455}\u{10467}\u{10450}\u{10451}\u{10467}\u{10465}\u{1045A}\u{10478}": [
    {
      lang: "en",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\xB7\u{10455}\u{10468}": [
    {
      lang: "en",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\xB7\u{10455}\u{10468}\u{1045B}\u{1047B}\u{1045B}\u{10471}": [
    {
      lang: "en",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\xB7\u{10455}\u{1046D}": [
    {
      lang: "en",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\xB7\u{10455}\u{1046D}\u{10459}\u{1045B}\u{10471}": [
    {
      lang: "en",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\xB7\u{1045B}\u{1046D}": [
    {
      lang: "en",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\xB7\u{1045B}\u{1046D}\u{10455}\u{10467}\u{10465}\u{1045A}\u{10478}": [
    {
      lang: "en",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\xB7\u{10461}\u{10468}": [
    {
      lang: "en",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\xB7\u{10461}\u{10468}\u{10459}\u{10458}\u{1046D}\u{10462}\u{1047A}\u{10470}": [
    {
      lang: "en",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\xB7\u{10461}\u{1046B}": [
    {
      lang: "en",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\xB7\u{10461}\u{1046B}\u{10464}\u{10472}": [
    {
      lang: "en",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\xB7\u{10461}\u{10475}": [
    {
      lang: "en",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\xB7\u{10461}\u{10475}\u{1046F}": [
    {
      lang: "en",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\xB7\u{10462}\u{10467}": [
    {
      lang: "en",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\xB7\u{10462}\u{10467}\u{10459}\u{1045F}\u{1045B}\u{10471}": [
    {
      lang: "en",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\xB7\u{10465}\u{1046D}": [
    {
      lang: "en",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\xB7\u{10465}\u{1046D}\u{10459}\u{1045B}\u{10471}": [
    {
      lang: "en",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\xB7\u{10465}\u{10471}": [
    {
      lang: "en",
      meaning: "May",
      type: "month"
    }
  ],
  "\xB7\u{10465}\u{10478}": [
    {
      lang: "en",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\xB7\u{10465}\u{10478}\u{10457}": [
    {
      lang: "en",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\xB7\u{1046A}\u{1045C}": [
    {
      lang: "en",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\xB7\u{1046A}\u{1045C}\u{1046D}\u{10455}\u{10451}": [
    {
      lang: "en",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\xB7\u{1046F}\u{10474}": [
    {
      lang: "en",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\xB7\u{1046F}\u{10474}\u{1045D}\u{10467}\u{10465}\u{1045A}\u{10478}": [
    {
      lang: "en",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\xB7\u{10471}\u{10450}": [
    {
      lang: "en",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\xB7\u{10471}\u{10450}\u{1046E}\u{1046D}\u{10464}": [
    {
      lang: "en",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\xB7\u{10477}\u{10452}": [
    {
      lang: "en",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\xB7\u{10477}\u{10452}\u{10451}\u{10474}\u{1045A}\u{10478}": [
    {
      lang: "en",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0F21": [
    {
      lang: "dz",
      meaning: "Jan",
      type: "month"
    }
  ],
  "1\u202F\u180A\u1837 \u1830\u1820\u1837\u180E\u1820": [
    {
      lang: "mn",
      meaning: "Jan",
      type: "month"
    }
  ],
  "1-\u0440 \u0441\u0430\u0440": [
    {
      lang: "mn",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0F21\u0F20": [
    {
      lang: "dz",
      meaning: "Oct",
      type: "month"
    }
  ],
  "10 \u180A\u1837 \u1830\u1820\u1837\u180E\u1820": [
    {
      lang: "mn",
      meaning: "Oct",
      type: "month"
    }
  ],
  "10-\u0440 \u0441\u0430\u0440": [
    {
      lang: "mn",
      meaning: "Oct",
      type: "month"
    }
  ],
  "10\uC6D4": [
    {
      lang: "ko",
      meaning: "Oct",
      type: "month"
    }
  ],
  "10\u6708": [
    {
      lang: "ja",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "yue",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "zh",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0F21\u0F21": [
    {
      lang: "dz",
      meaning: "Nov",
      type: "month"
    }
  ],
  "11 \u180A\u1837 \u1830\u1820\u1837\u180E\u1820": [
    {
      lang: "mn",
      meaning: "Nov",
      type: "month"
    }
  ],
  "11-\u0440 \u0441\u0430\u0440": [
    {
      lang: "mn",
      meaning: "Nov",
      type: "month"
    }
  ],
  "11\u180A\u1837 \u1830\u1820\u1837\u180E\u1820": [
    {
      lang: "mn",
      meaning: "Nov",
      type: "month"
    }
  ],
  "11\uC6D4": [
    {
      lang: "ko",
      meaning: "Nov",
      type: "month"
    }
  ],
  "11\u6708": [
    {
      lang: "ja",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "yue",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "zh",
      meaning: "Nov",
      type: "month"
    }
  ],
  "12 \u180A\u1837 \u1830\u1820\u1837\u180E\u1820": [
    {
      lang: "mn",
      meaning: "Dec",
      type: "month"
    }
  ],
  "12-\u0440 \u0441\u0430\u0440": [
    {
      lang: "mn",
      meaning: "Dec",
      type: "month"
    }
  ],
  "12\u180A\u1837 \u1830\u1820\u1837\u180E\u1820": [
    {
      lang: "mn",
      meaning: "Dec",
      type: "month"
    }
  ],
  "12\uC6D4": [
    {
      lang: "ko",
      meaning: "Dec",
      type: "month"
    }
  ],
  "12\u6708": [
    {
      lang: "ja",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "yue",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "zh",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u06F1\u0634": [
    {
      lang: "fa",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "1\uC6D4": [
    {
      lang: "ko",
      meaning: "Jan",
      type: "month"
    }
  ],
  "1\u6708": [
    {
      lang: "ja",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "yue",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "zh",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0F22": [
    {
      lang: "dz",
      meaning: "Feb",
      type: "month"
    }
  ],
  "2\u202F\u180A\u1837 \u1830\u1820\u1837\u180E\u1820": [
    {
      lang: "mn",
      meaning: "Feb",
      type: "month"
    }
  ],
  "2-\u0440 \u0441\u0430\u0440": [
    {
      lang: "mn",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u06F2\u0634": [
    {
      lang: "fa",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "2\uC6D4": [
    {
      lang: "ko",
      meaning: "Feb",
      type: "month"
    }
  ],
  "2\u6708": [
    {
      lang: "ja",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "yue",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "zh",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0F23": [
    {
      lang: "dz",
      meaning: "Mar",
      type: "month"
    }
  ],
  "3-\u0440 \u0441\u0430\u0440": [
    {
      lang: "mn",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u06F3\u0634": [
    {
      lang: "fa",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "3\u180A\u1837 \u1830\u1820\u1837\u180E\u1820": [
    {
      lang: "mn",
      meaning: "Mar",
      type: "month"
    }
  ],
  "3\uC6D4": [
    {
      lang: "ko",
      meaning: "Mar",
      type: "month"
    }
  ],
  "3\u6708": [
    {
      lang: "ja",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "yue",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "zh",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u0F24": [
    {
      lang: "dz",
      meaning: "Apr",
      type: "month"
    }
  ],
  "4\u202F\u180A\u1837 \u1830\u1820\u1837\u180E\u1820": [
    {
      lang: "mn",
      meaning: "Apr",
      type: "month"
    }
  ],
  "4-\u0440 \u0441\u0430\u0440": [
    {
      lang: "mn",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u06F4\u0634": [
    {
      lang: "fa",
      meaning: "We",
      type: "weekday"
    }
  ],
  "4\uC6D4": [
    {
      lang: "ko",
      meaning: "Apr",
      type: "month"
    }
  ],
  "4\u6708": [
    {
      lang: "ja",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "yue",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "zh",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0F25": [
    {
      lang: "dz",
      meaning: "May",
      type: "month"
    }
  ],
  "5\u202F\u180A\u1837 \u1830\u1820\u1837\u180E\u1820": [
    {
      lang: "mn",
      meaning: "May",
      type: "month"
    }
  ],
  "5-\u0440 \u0441\u0430\u0440": [
    {
      lang: "mn",
      meaning: "May",
      type: "month"
    }
  ],
  "\u06F5\u0634": [
    {
      lang: "fa",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "5\uC6D4": [
    {
      lang: "ko",
      meaning: "May",
      type: "month"
    }
  ],
  "5\u6708": [
    {
      lang: "ja",
      meaning: "May",
      type: "month"
    },
    {
      lang: "yue",
      meaning: "May",
      type: "month"
    },
    {
      lang: "zh",
      meaning: "May",
      type: "month"
    }
  ],
  "\u0F26": [
    {
      lang: "dz",
      meaning: "Jun",
      type: "month"
    }
  ],
  "6\u202F\u180A\u1837 \u1830\u1820\u1837\u180E\u1820": [
    {
      lang: "mn",
      meaning: "Jun",
      type: "month"
    }
  ],
  "6-\u0440 \u0441\u0430\u0440": [
    {
      lang: "mn",
      meaning: "Jun",
      type: "month"
    }
  ],
  "6\uC6D4": [
    {
      lang: "ko",
      meaning: "Jun",
      type: "month"
    }
  ],
  "6\u6708": [
    {
      lang: "ja",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "yue",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "zh",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0F27": [
    {
      lang: "dz",
      meaning: "Jul",
      type: "month"
    }
  ],
  "7\u202F\u180A\u1837 \u1830\u1820\u1837\u180E\u1820": [
    {
      lang: "mn",
      meaning: "Jul",
      type: "month"
    }
  ],
  "7-\u0440 \u0441\u0430\u0440": [
    {
      lang: "mn",
      meaning: "Jul",
      type: "month"
    }
  ],
  "7\uC6D4": [
    {
      lang: "ko",
      meaning: "Jul",
      type: "month"
    }
  ],
  "7\u6708": [
    {
      lang: "ja",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "yue",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "zh",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u0F28": [
    {
      lang: "dz",
      meaning: "Aug",
      type: "month"
    }
  ],
  "8\u202F\u180A\u1837 \u1830\u1820\u1837\u180E\u1820": [
    {
      lang: "mn",
      meaning: "Aug",
      type: "month"
    }
  ],
  "8-\u0440 \u0441\u0430\u0440": [
    {
      lang: "mn",
      meaning: "Aug",
      type: "month"
    }
  ],
  "8\u180A\u1837 \u1830\u1820\u1837\u180E\u1820": [
    {
      lang: "mn",
      meaning: "Aug",
      type: "month"
    }
  ],
  "8\uC6D4": [
    {
      lang: "ko",
      meaning: "Aug",
      type: "month"
    }
  ],
  "8\u6708": [
    {
      lang: "ja",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "yue",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "zh",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0F29": [
    {
      lang: "dz",
      meaning: "Sep",
      type: "month"
    }
  ],
  "9 \u180A\u1837 \u1830\u1820\u1837\u180E\u1820": [
    {
      lang: "mn",
      meaning: "Sep",
      type: "month"
    }
  ],
  "9\u202F\u180A\u1837 \u1830\u1820\u1837\u180E\u1820": [
    {
      lang: "mn",
      meaning: "Sep",
      type: "month"
    }
  ],
  "9-\u0440 \u0441\u0430\u0440": [
    {
      lang: "mn",
      meaning: "Sep",
      type: "month"
    }
  ],
  "9\uC6D4": [
    {
      lang: "ko",
      meaning: "Sep",
      type: "month"
    }
  ],
  "9\u6708": [
    {
      lang: "ja",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "yue",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "zh",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\xE0b\xE1m\u1EB9\u0301ta": [
    {
      lang: "yo",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\xE0b\xE1m\u025B\u0301ta": [
    {
      lang: "yo",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  abr: [
    {
      lang: "ca",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "es",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "fil",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "lb",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "pt",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "qu",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "so",
      meaning: "Apr",
      type: "month"
    }
  ],
  "abr\xEBll": [
    {
      lang: "lb",
      meaning: "Apr",
      type: "month"
    }
  ],
  abriil: [
    {
      lang: "so",
      meaning: "Apr",
      type: "month"
    }
  ],
  abril: [
    {
      lang: "ca",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "es",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "fil",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "pt",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "qu",
      meaning: "Apr",
      type: "month"
    }
  ],
  ag: [
    {
      lang: "ca",
      meaning: "Aug",
      type: "month"
    }
  ],
  aggusti: [
    {
      lang: "kl",
      meaning: "Aug",
      type: "month"
    }
  ],
  aggustip: [
    {
      lang: "kl",
      meaning: "Aug",
      type: "month"
    }
  ],
  ago: [
    {
      lang: "es",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "fil",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "it",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "pt",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "qu",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "sw",
      meaning: "Aug",
      type: "month"
    }
  ],
  agost: [
    {
      lang: "ca",
      meaning: "Aug",
      type: "month"
    }
  ],
  agosti: [
    {
      lang: "sw",
      meaning: "Aug",
      type: "month"
    }
  ],
  agosto: [
    {
      lang: "es",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "fil",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "it",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "pt",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "qu",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "so",
      meaning: "Aug",
      type: "month"
    }
  ],
  agu: [
    {
      lang: "id",
      meaning: "Aug",
      type: "month"
    }
  ],
  "a\u011Fu": [
    {
      lang: "tr",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\xE1g\xFA": [
    {
      lang: "is",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\xE1g\xFAst": [
    {
      lang: "is",
      meaning: "Aug",
      type: "month"
    }
  ],
  "a\u011Fustos": [
    {
      lang: "tr",
      meaning: "Aug",
      type: "month"
    }
  ],
  agustus: [
    {
      lang: "id",
      meaning: "Aug",
      type: "month"
    }
  ],
  ah: [
    {
      lang: "ms",
      meaning: "Su",
      type: "weekday"
    }
  ],
  ahad: [
    {
      lang: "ms",
      meaning: "Su",
      type: "weekday"
    }
  ],
  ahd: [
    {
      lang: "ms",
      meaning: "Su",
      type: "weekday"
    }
  ],
  aib: [
    {
      lang: "ga",
      meaning: "Apr",
      type: "month"
    }
  ],
  "aibre\xE1n": [
    {
      lang: "ga",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\xE0\xECk\xFA": [
    {
      lang: "yo",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "aj\xE9": [
    {
      lang: "yo",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\xE0jj": [
    {
      lang: "wo",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\xE0jjuma": [
    {
      lang: "wo",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  akr: [
    {
      lang: "tzm",
      meaning: "We",
      type: "weekday"
    }
  ],
  akras: [
    {
      lang: "tzm",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0101ku": [
    {
      lang: "mi",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0101kuhata": [
    {
      lang: "mi",
      meaning: "Aug",
      type: "month"
    }
  ],
  akw: [
    {
      lang: "tzm",
      meaning: "Th",
      type: "weekday"
    }
  ],
  akwas: [
    {
      lang: "tzm",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\xE0la": [
    {
      lang: "wo",
      meaning: "We",
      type: "weekday"
    }
  ],
  alah: [
    {
      lang: "mg",
      meaning: "Su",
      type: "weekday"
    }
  ],
  alahady: [
    {
      lang: "mg",
      meaning: "Su",
      type: "weekday"
    }
  ],
  alak: [
    {
      lang: "mg",
      meaning: "Th",
      type: "weekday"
    }
  ],
  alakamisy: [
    {
      lang: "mg",
      meaning: "Th",
      type: "weekday"
    }
  ],
  alar: [
    {
      lang: "mg",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\xE0larba": [
    {
      lang: "wo",
      meaning: "We",
      type: "weekday"
    }
  ],
  alarobia: [
    {
      lang: "mg",
      meaning: "We",
      type: "weekday"
    }
  ],
  alats: [
    {
      lang: "mg",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  alatsinainy: [
    {
      lang: "mg",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  alhamisi: [
    {
      lang: "sw",
      meaning: "Th",
      type: "weekday"
    }
  ],
  alt: [
    {
      lang: "wo",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  altine: [
    {
      lang: "wo",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  alx: [
    {
      lang: "wo",
      meaning: "Th",
      type: "weekday"
    }
  ],
  alxamis: [
    {
      lang: "wo",
      meaning: "Th",
      type: "weekday"
    }
  ],
  an: [
    {
      lang: "lt",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "tk",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  ann: [
    {
      lang: "tk",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  anna: [
    {
      lang: "tk",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  antradienis: [
    {
      lang: "lt",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  ao: [
    {
      lang: "ga",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  aog: [
    {
      lang: "mg",
      meaning: "Aug",
      type: "month"
    }
  ],
  aogositra: [
    {
      lang: "mg",
      meaning: "Aug",
      type: "month"
    }
  ],
  aoine: [
    {
      lang: "ga",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "ao\xFBt": [
    {
      lang: "fr",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "ht",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0101pe": [
    {
      lang: "mi",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0101pereira": [
    {
      lang: "mi",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0101perira": [
    {
      lang: "mi",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\xE1pr": [
    {
      lang: "hu",
      meaning: "Apr",
      type: "month"
    }
  ],
  aprel: [
    {
      lang: "az",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "pap",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "tk",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Apr",
      type: "month"
    }
  ],
  apriili: [
    {
      lang: "kl",
      meaning: "Apr",
      type: "month"
    }
  ],
  apriilip: [
    {
      lang: "kl",
      meaning: "Apr",
      type: "month"
    }
  ],
  "apr\xEDl": [
    {
      lang: "fo",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "is",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "sk",
      meaning: "Apr",
      type: "month"
    }
  ],
  "apr\xEDla": [
    {
      lang: "sk",
      meaning: "Apr",
      type: "month"
    }
  ],
  aprile: [
    {
      lang: "it",
      meaning: "Apr",
      type: "month"
    }
  ],
  aprili: [
    {
      lang: "sw",
      meaning: "Apr",
      type: "month"
    }
  ],
  aprilie: [
    {
      lang: "ro",
      meaning: "Apr",
      type: "month"
    }
  ],
  "apr\u012Blis": [
    {
      lang: "lv",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\xE1prilis": [
    {
      lang: "hu",
      meaning: "Apr",
      type: "month"
    }
  ],
  aprill: [
    {
      lang: "et",
      meaning: "Apr",
      type: "month"
    }
  ],
  aprily: [
    {
      lang: "mg",
      meaning: "Apr",
      type: "month"
    }
  ],
  ara: [
    {
      lang: "tr",
      meaning: "Dec",
      type: "month"
    }
  ],
  araapy: [
    {
      lang: "gn",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "arak\xF5i": [
    {
      lang: "gn",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "aral\u0131k": [
    {
      lang: "tr",
      meaning: "Dec",
      type: "month"
    }
  ],
  arapo: [
    {
      lang: "gn",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "arapok\xF5i": [
    {
      lang: "gn",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "arapote\u0129": [
    {
      lang: "gn",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  ararundy: [
    {
      lang: "gn",
      meaning: "We",
      type: "weekday"
    }
  ],
  "arate\u0129": [
    {
      lang: "gn",
      meaning: "Su",
      type: "weekday"
    }
  ],
  arbaco: [
    {
      lang: "so",
      meaning: "We",
      type: "weekday"
    }
  ],
  arbc: [
    {
      lang: "so",
      meaning: "We",
      type: "weekday"
    }
  ],
  arf: [
    {
      lang: "kl",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  arfininngorneq: [
    {
      lang: "kl",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  asa: [
    {
      lang: "tzm",
      meaning: "Su",
      type: "weekday"
    }
  ],
  asab: [
    {
      lang: "mg",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  asabotsy: [
    {
      lang: "mg",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  asamas: [
    {
      lang: "tzm",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "as\u1E0D": [
    {
      lang: "tzm",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  ase: [
    {
      lang: "wo",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  aseer: [
    {
      lang: "wo",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "asi\u1E0Dyas": [
    {
      lang: "tzm",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  asimwas: [
    {
      lang: "tzm",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  asinas: [
    {
      lang: "tzm",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  asm: [
    {
      lang: "tzm",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  asn: [
    {
      lang: "tzm",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  ata: [
    {
      lang: "kl",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  ataasinngorneq: [
    {
      lang: "kl",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  auguscht: [
    {
      lang: "gsw",
      meaning: "Aug",
      type: "month"
    }
  ],
  augusta: [
    {
      lang: "sk",
      meaning: "Aug",
      type: "month"
    }
  ],
  augusti: [
    {
      lang: "sv",
      meaning: "Aug",
      type: "month"
    }
  ],
  augusts: [
    {
      lang: "lv",
      meaning: "Aug",
      type: "month"
    }
  ],
  augustus: [
    {
      lang: "nl",
      meaning: "Aug",
      type: "month"
    }
  ],
  augusztus: [
    {
      lang: "hu",
      meaning: "Aug",
      type: "month"
    }
  ],
  averil: [
    {
      lang: "gv",
      meaning: "Apr",
      type: "month"
    }
  ],
  avg: [
    {
      lang: "sl",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Aug",
      type: "month"
    }
  ],
  avgust: [
    {
      lang: "sl",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Aug",
      type: "month"
    }
  ],
  avq: [
    {
      lang: "az",
      meaning: "Aug",
      type: "month"
    }
  ],
  avqust: [
    {
      lang: "az",
      meaning: "Aug",
      type: "month"
    }
  ],
  avr: [
    {
      lang: "fr",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "ht",
      meaning: "Apr",
      type: "month"
    }
  ],
  avril: [
    {
      lang: "fr",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "ht",
      meaning: "Apr",
      type: "month"
    }
  ],
  avrril: [
    {
      lang: "gv",
      meaning: "Apr",
      type: "month"
    }
  ],
  awg: [
    {
      lang: "tk",
      meaning: "Aug",
      type: "month"
    }
  ],
  awgust: [
    {
      lang: "tk",
      meaning: "Aug",
      type: "month"
    }
  ],
  awr: [
    {
      lang: "wo",
      meaning: "Apr",
      type: "month"
    }
  ],
  awril: [
    {
      lang: "wo",
      meaning: "Apr",
      type: "month"
    }
  ],
  aww: [
    {
      lang: "mt",
      meaning: "Aug",
      type: "month"
    }
  ],
  awwissu: [
    {
      lang: "mt",
      meaning: "Aug",
      type: "month"
    }
  ],
  axad: [
    {
      lang: "so",
      meaning: "Su",
      type: "weekday"
    }
  ],
  axd: [
    {
      lang: "so",
      meaning: "Su",
      type: "weekday"
    }
  ],
  ayn: [
    {
      lang: "tzm",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  aynas: [
    {
      lang: "tzm",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  b: [
    {
      lang: "az",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "b.e": [
    {
      lang: "az",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  bal: [
    {
      lang: "lt",
      meaning: "Apr",
      type: "month"
    }
  ],
  balandis: [
    {
      lang: "lt",
      meaning: "Apr",
      type: "month"
    }
  ],
  "baland\u017Eio": [
    {
      lang: "lt",
      meaning: "Apr",
      type: "month"
    }
  ],
  bazar: [
    {
      lang: "az",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "bazar ert\u0259si": [
    {
      lang: "az",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  beal: [
    {
      lang: "ga",
      meaning: "May",
      type: "month"
    }
  ],
  bealtaine: [
    {
      lang: "ga",
      meaning: "May",
      type: "month"
    }
  ],
  bed: [
    {
      lang: "st",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "b\xEAl": [
    {
      lang: "sg",
      meaning: "May",
      type: "month"
    }
  ],
  "b\xEAl\xE4w\xFC": [
    {
      lang: "sg",
      meaning: "May",
      type: "month"
    }
  ],
  "bikua-\xF4ko": [
    {
      lang: "sg",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "b\xEFkua-ok\xFC": [
    {
      lang: "sg",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "b\xEFkua-pt\xE2": [
    {
      lang: "sg",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "b\xEFkua-\xFBse": [
    {
      lang: "sg",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "b\xEFkua-us\xEF\xF6": [
    {
      lang: "sg",
      meaning: "We",
      type: "weekday"
    }
  ],
  "bir\u017E": [
    {
      lang: "lt",
      meaning: "Jun",
      type: "month"
    }
  ],
  "bir\u017Eelio": [
    {
      lang: "lt",
      meaning: "Jun",
      type: "month"
    }
  ],
  "bir\u017Eelis": [
    {
      lang: "lt",
      meaning: "Jun",
      type: "month"
    }
  ],
  biy: [
    {
      lang: "fil",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  biyernes: [
    {
      lang: "fil",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  bk1: [
    {
      lang: "sg",
      meaning: "Su",
      type: "weekday"
    }
  ],
  bk2: [
    {
      lang: "sg",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  bk3: [
    {
      lang: "sg",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  bk4: [
    {
      lang: "sg",
      meaning: "We",
      type: "weekday"
    }
  ],
  bk5: [
    {
      lang: "sg",
      meaning: "Th",
      type: "weekday"
    }
  ],
  boaldyn: [
    {
      lang: "gv",
      meaning: "May",
      type: "month"
    }
  ],
  "b\u0159e": [
    {
      lang: "cs",
      meaning: "Mar",
      type: "month"
    }
  ],
  "b\u0159ezen": [
    {
      lang: "cs",
      meaning: "Mar",
      type: "month"
    }
  ],
  "b\u0159ezna": [
    {
      lang: "cs",
      meaning: "Mar",
      type: "month"
    }
  ],
  bu: [
    {
      lang: "hi",
      meaning: "We",
      type: "weekday"
    }
  ],
  budh: [
    {
      lang: "hi",
      meaning: "We",
      type: "weekday"
    }
  ],
  budhwaar: [
    {
      lang: "hi",
      meaning: "We",
      type: "weekday"
    }
  ],
  c: [
    {
      lang: "az",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\xE7": [
    {
      lang: "az",
      meaning: "We",
      type: "weekday"
    }
  ],
  "c.a": [
    {
      lang: "az",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\xE7.a": [
    {
      lang: "az",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\xE7a": [
    {
      lang: "tr",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\xE7ar": [
    {
      lang: "tk",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "tr",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\xE7ar\u015Famba": [
    {
      lang: "tr",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\xE7ar\u015Fenbe": [
    {
      lang: "tk",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\xE7b": [
    {
      lang: "tk",
      meaning: "We",
      type: "weekday"
    }
  ],
  ce: [
    {
      lang: "lv",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "c\xE9": [
    {
      lang: "ga",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u010De": [
    {
      lang: "sr",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "c\xE9ad": [
    {
      lang: "ga",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u010Derven": [
    {
      lang: "cs",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u010Dervence": [
    {
      lang: "cs",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u010Dervenec": [
    {
      lang: "cs",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u010Dervna": [
    {
      lang: "cs",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u010Det": [
    {
      lang: "bs",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "hr",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "sl",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u010Detrtek": [
    {
      lang: "sl",
      meaning: "Th",
      type: "weekday"
    }
  ],
  ceturtd: [
    {
      lang: "lv",
      meaning: "Th",
      type: "weekday"
    }
  ],
  ceturtdiena: [
    {
      lang: "lv",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u010Detvrtak": [
    {
      lang: "bs",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "hr",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\xE7\u0259r\u015F\u0259nb\u0259": [
    {
      lang: "az",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\xE7\u0259r\u015F\u0259nb\u0259 ax\u015Fam\u0131": [
    {
      lang: "az",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  ch: [
    {
      lang: "uz",
      meaning: "We",
      type: "weekday"
    }
  ],
  chg: [
    {
      lang: "sn",
      meaning: "Jul",
      type: "month"
    }
  ],
  chikumi: [
    {
      lang: "sn",
      meaning: "Jun",
      type: "month"
    }
  ],
  chikunguru: [
    {
      lang: "sn",
      meaning: "Jul",
      type: "month"
    }
  ],
  china: [
    {
      lang: "sn",
      meaning: "Th",
      type: "weekday"
    }
  ],
  chipiri: [
    {
      lang: "sn",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  chishanu: [
    {
      lang: "sn",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  chitatu: [
    {
      lang: "sn",
      meaning: "We",
      type: "weekday"
    }
  ],
  chivabvu: [
    {
      lang: "sn",
      meaning: "May",
      type: "month"
    }
  ],
  chk: [
    {
      lang: "sn",
      meaning: "Jun",
      type: "month"
    }
  ],
  chn: [
    {
      lang: "sn",
      meaning: "Th",
      type: "weekday"
    }
  ],
  chor: [
    {
      lang: "uz",
      meaning: "We",
      type: "weekday"
    }
  ],
  chorshanba: [
    {
      lang: "uz",
      meaning: "We",
      type: "weekday"
    }
  ],
  chp: [
    {
      lang: "sn",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  chs: [
    {
      lang: "sn",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  cht: [
    {
      lang: "sn",
      meaning: "We",
      type: "weekday"
    }
  ],
  "ch\u1EE7 nh\u1EADt": [
    {
      lang: "vi",
      meaning: "Su",
      type: "weekday"
    }
  ],
  chv: [
    {
      lang: "sn",
      meaning: "May",
      type: "month"
    }
  ],
  cmt: [
    {
      lang: "tr",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  cn: [
    {
      lang: "sn",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "vi",
      meaning: "Su",
      type: "weekday"
    }
  ],
  cp: [
    {
      lang: "sn",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  cs: [
    {
      lang: "hu",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "sn",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "cs\xFCt\xF6rt\xF6k": [
    {
      lang: "hu",
      meaning: "Th",
      type: "weekday"
    }
  ],
  ct: [
    {
      lang: "sn",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "tr",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u010Dt": [
    {
      lang: "cs",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u010Dtvrtek": [
    {
      lang: "cs",
      meaning: "Th",
      type: "weekday"
    }
  ],
  cu: [
    {
      lang: "rn",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "tr",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  cum: [
    {
      lang: "tr",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  cuma: [
    {
      lang: "tr",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  cumartesi: [
    {
      lang: "tr",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "c\xFCm\u0259": [
    {
      lang: "az",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "c\xFCm\u0259 ax\u015Fam\u0131": [
    {
      lang: "az",
      meaning: "Th",
      type: "weekday"
    }
  ],
  cut: [
    {
      lang: "tzm",
      meaning: "Sep",
      type: "month"
    }
  ],
  cutanbir: [
    {
      lang: "tzm",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u010Dvc": [
    {
      lang: "cs",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u010Dvn": [
    {
      lang: "cs",
      meaning: "Jun",
      type: "month"
    }
  ],
  cyu: [
    {
      lang: "rw",
      meaning: "Su",
      type: "weekday"
    }
  ],
  cze: [
    {
      lang: "pl",
      meaning: "Jun",
      type: "month"
    }
  ],
  czerwca: [
    {
      lang: "pl",
      meaning: "Jun",
      type: "month"
    }
  ],
  czerwiec: [
    {
      lang: "pl",
      meaning: "Jun",
      type: "month"
    }
  ],
  czw: [
    {
      lang: "pl",
      meaning: "Th",
      type: "weekday"
    }
  ],
  czwartek: [
    {
      lang: "pl",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "d\u2019abr": [
    {
      lang: "ca",
      meaning: "Apr",
      type: "month"
    }
  ],
  "d\u2019abril": [
    {
      lang: "ca",
      meaning: "Apr",
      type: "month"
    }
  ],
  "d\u2019ag": [
    {
      lang: "ca",
      meaning: "Aug",
      type: "month"
    }
  ],
  "d\u2019agost": [
    {
      lang: "ca",
      meaning: "Aug",
      type: "month"
    }
  ],
  "d\u2019oct": [
    {
      lang: "ca",
      meaning: "Oct",
      type: "month"
    }
  ],
  "d\u2019octubre": [
    {
      lang: "ca",
      meaning: "Oct",
      type: "month"
    }
  ],
  db: [
    {
      lang: "tk",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  dc: [
    {
      lang: "ca",
      meaning: "We",
      type: "weekday"
    }
  ],
  "d\xE9": [
    {
      lang: "ga",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "d\xEB": [
    {
      lang: "lb",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "d\xE9 c\xE9adaoin": [
    {
      lang: "ga",
      meaning: "We",
      type: "weekday"
    }
  ],
  "de des": [
    {
      lang: "ca",
      meaning: "Dec",
      type: "month"
    }
  ],
  "de desembre": [
    {
      lang: "ca",
      meaning: "Dec",
      type: "month"
    }
  ],
  "d\xE9 domhnaigh": [
    {
      lang: "ga",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "de febr": [
    {
      lang: "ca",
      meaning: "Feb",
      type: "month"
    }
  ],
  "de febrer": [
    {
      lang: "ca",
      meaning: "Feb",
      type: "month"
    }
  ],
  "de gen": [
    {
      lang: "ca",
      meaning: "Jan",
      type: "month"
    }
  ],
  "de gener": [
    {
      lang: "ca",
      meaning: "Jan",
      type: "month"
    }
  ],
  "d\xE9 haoine": [
    {
      lang: "ga",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "de jul": [
    {
      lang: "ca",
      meaning: "Jul",
      type: "month"
    }
  ],
  "de juliol": [
    {
      lang: "ca",
      meaning: "Jul",
      type: "month"
    }
  ],
  "de juny": [
    {
      lang: "ca",
      meaning: "Jun",
      type: "month"
    }
  ],
  "d\xE9 luain": [
    {
      lang: "ga",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "de maig": [
    {
      lang: "ca",
      meaning: "May",
      type: "month"
    }
  ],
  "d\xE9 m\xE1irt": [
    {
      lang: "ga",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "de mar\xE7": [
    {
      lang: "ca",
      meaning: "Mar",
      type: "month"
    }
  ],
  "de nov": [
    {
      lang: "ca",
      meaning: "Nov",
      type: "month"
    }
  ],
  "de novembre": [
    {
      lang: "ca",
      meaning: "Nov",
      type: "month"
    }
  ],
  "d\xE9 sathairn": [
    {
      lang: "ga",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "de set": [
    {
      lang: "ca",
      meaning: "Sep",
      type: "month"
    }
  ],
  "de setembre": [
    {
      lang: "ca",
      meaning: "Sep",
      type: "month"
    }
  ],
  "d\xE9ar": [
    {
      lang: "ga",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "d\xE9ardaoin": [
    {
      lang: "ga",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "d\xE9c": [
    {
      lang: "fr",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "ht",
      meaning: "Dec",
      type: "month"
    }
  ],
  decembar: [
    {
      lang: "bs",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Dec",
      type: "month"
    }
  ],
  decembari: [
    {
      lang: "kl",
      meaning: "Dec",
      type: "month"
    }
  ],
  decembarip: [
    {
      lang: "kl",
      meaning: "Dec",
      type: "month"
    }
  ],
  decembra: [
    {
      lang: "sk",
      meaning: "Dec",
      type: "month"
    }
  ],
  "d\xE9cembre": [
    {
      lang: "fr",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "ht",
      meaning: "Dec",
      type: "month"
    }
  ],
  decembrie: [
    {
      lang: "ro",
      meaning: "Dec",
      type: "month"
    }
  ],
  decembris: [
    {
      lang: "lv",
      meaning: "Dec",
      type: "month"
    }
  ],
  "deireadh f\xF3mhair": [
    {
      lang: "ga",
      meaning: "Oct",
      type: "month"
    }
  ],
  dek: [
    {
      lang: "az",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "tk",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Dec",
      type: "month"
    }
  ],
  dekabr: [
    {
      lang: "az",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "tk",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Dec",
      type: "month"
    }
  ],
  "d\xEBn": [
    {
      lang: "lb",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "d\xEBnschdeg": [
    {
      lang: "lb",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  des: [
    {
      lang: "ca",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "fo",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "id",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "is",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "mg",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "nb",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "nn",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "no",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "sw",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "wo",
      meaning: "Dec",
      type: "month"
    }
  ],
  "des\xE0mbar": [
    {
      lang: "wo",
      meaning: "Dec",
      type: "month"
    }
  ],
  desambra: [
    {
      lang: "mg",
      meaning: "Dec",
      type: "month"
    }
  ],
  desemba: [
    {
      lang: "sw",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "tpi",
      meaning: "Dec",
      type: "month"
    }
  ],
  desember: [
    {
      lang: "fo",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "id",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "is",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "nb",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "nn",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "no",
      meaning: "Dec",
      type: "month"
    }
  ],
  "des\xE8mber": [
    {
      lang: "pap",
      meaning: "Dec",
      type: "month"
    }
  ],
  desembre: [
    {
      lang: "ca",
      meaning: "Dec",
      type: "month"
    }
  ],
  dets: [
    {
      lang: "et",
      meaning: "Dec",
      type: "month"
    }
  ],
  detsember: [
    {
      lang: "et",
      meaning: "Dec",
      type: "month"
    }
  ],
  dez: [
    {
      lang: "de",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "gsw",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "lb",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "pt",
      meaning: "Dec",
      type: "month"
    }
  ],
  "dez\xE4mber": [
    {
      lang: "gsw",
      meaning: "Dec",
      type: "month"
    }
  ],
  dezember: [
    {
      lang: "de",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "lb",
      meaning: "Dec",
      type: "month"
    }
  ],
  dezembro: [
    {
      lang: "pt",
      meaning: "Dec",
      type: "month"
    }
  ],
  "df\xF3mh": [
    {
      lang: "ga",
      meaning: "Oct",
      type: "month"
    }
  ],
  dg: [
    {
      lang: "ca",
      meaning: "Su",
      type: "weekday"
    }
  ],
  dhj: [
    {
      lang: "sq",
      meaning: "Dec",
      type: "month"
    }
  ],
  dhjetor: [
    {
      lang: "sq",
      meaning: "Dec",
      type: "month"
    }
  ],
  di: [
    {
      lang: "de",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "fr",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "ht",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "nl",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  dib: [
    {
      lang: "wo",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "dib\xE9er": [
    {
      lang: "wo",
      meaning: "Su",
      type: "weekday"
    }
  ],
  dic: [
    {
      lang: "es",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "it",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "qu",
      meaning: "Dec",
      type: "month"
    }
  ],
  "di\u010B": [
    {
      lang: "mt",
      meaning: "Dec",
      type: "month"
    }
  ],
  dicembre: [
    {
      lang: "it",
      meaning: "Dec",
      type: "month"
    }
  ],
  "di\u010Bembru": [
    {
      lang: "mt",
      meaning: "Dec",
      type: "month"
    }
  ],
  diciembre: [
    {
      lang: "es",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "qu",
      meaning: "Dec",
      type: "month"
    }
  ],
  die: [
    {
      lang: "sq",
      meaning: "Su",
      type: "weekday"
    }
  ],
  dienstag: [
    {
      lang: "de",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  dijous: [
    {
      lang: "ca",
      meaning: "Th",
      type: "weekday"
    }
  ],
  dilluns: [
    {
      lang: "ca",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  dim: [
    {
      lang: "fr",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "ht",
      meaning: "Su",
      type: "weekday"
    }
  ],
  dimanche: [
    {
      lang: "fr",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "ht",
      meaning: "Su",
      type: "weekday"
    }
  ],
  dimarts: [
    {
      lang: "ca",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  dimecres: [
    {
      lang: "ca",
      meaning: "We",
      type: "weekday"
    }
  ],
  dinsdag: [
    {
      lang: "nl",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  dip: [
    {
      lang: "tn",
      meaning: "Oct",
      type: "month"
    }
  ],
  diphalane: [
    {
      lang: "tn",
      meaning: "Oct",
      type: "month"
    }
  ],
  dis: [
    {
      lang: "fil",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "ms",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "so",
      meaning: "Dec",
      type: "month"
    }
  ],
  diseembar: [
    {
      lang: "so",
      meaning: "Dec",
      type: "month"
    }
  ],
  disember: [
    {
      lang: "ms",
      meaning: "Dec",
      type: "month"
    }
  ],
  dissabte: [
    {
      lang: "ca",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  disyembre: [
    {
      lang: "fil",
      meaning: "Dec",
      type: "month"
    }
  ],
  diumenge: [
    {
      lang: "ca",
      meaning: "Su",
      type: "weekday"
    }
  ],
  divendres: [
    {
      lang: "ca",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  dj: [
    {
      lang: "ca",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "djabi\xE8rn\xE8": [
    {
      lang: "pap",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  djadumingu: [
    {
      lang: "pap",
      meaning: "Su",
      type: "weekday"
    }
  ],
  djaluna: [
    {
      lang: "pap",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  djamars: [
    {
      lang: "pap",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  djarason: [
    {
      lang: "pap",
      meaning: "We",
      type: "weekday"
    }
  ],
  djasabra: [
    {
      lang: "pap",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  djaweps: [
    {
      lang: "pap",
      meaning: "Th",
      type: "weekday"
    }
  ],
  dl: [
    {
      lang: "ca",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "do": [
    {
      lang: "de",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "es",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "ga",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "lb",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "nl",
      meaning: "Th",
      type: "weekday"
    }
  ],
  dom: [
    {
      lang: "es",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "it",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "pt",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "qu",
      meaning: "Su",
      type: "weekday"
    }
  ],
  domenica: [
    {
      lang: "it",
      meaning: "Su",
      type: "weekday"
    }
  ],
  domh: [
    {
      lang: "ga",
      meaning: "Su",
      type: "weekday"
    }
  ],
  domingo: [
    {
      lang: "es",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "pt",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "qu",
      meaning: "Su",
      type: "weekday"
    }
  ],
  don: [
    {
      lang: "lb",
      meaning: "Th",
      type: "weekday"
    }
  ],
  donderdag: [
    {
      lang: "nl",
      meaning: "Th",
      type: "weekday"
    }
  ],
  donnerstag: [
    {
      lang: "de",
      meaning: "Th",
      type: "weekday"
    }
  ],
  donneschdeg: [
    {
      lang: "lb",
      meaning: "Th",
      type: "weekday"
    }
  ],
  ds: [
    {
      lang: "ca",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  dt: [
    {
      lang: "ca",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  du: [
    {
      lang: "gsw",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "ro",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "uz",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  dub: [
    {
      lang: "cs",
      meaning: "Apr",
      type: "month"
    }
  ],
  duben: [
    {
      lang: "cs",
      meaning: "Apr",
      type: "month"
    }
  ],
  dubna: [
    {
      lang: "cs",
      meaning: "Apr",
      type: "month"
    }
  ],
  duj: [
    {
      lang: "tzm",
      meaning: "Dec",
      type: "month"
    }
  ],
  dujanbir: [
    {
      lang: "tzm",
      meaning: "Dec",
      type: "month"
    }
  ],
  dum: [
    {
      lang: "ro",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "duminic\u0103": [
    {
      lang: "ro",
      meaning: "Su",
      type: "weekday"
    }
  ],
  dunschtig: [
    {
      lang: "gsw",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "du\u015F": [
    {
      lang: "tk",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "du\u015Fenbe": [
    {
      lang: "tk",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  dush: [
    {
      lang: "uz",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  dushanba: [
    {
      lang: "uz",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  dv: [
    {
      lang: "ca",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  e: [
    {
      lang: "et",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "e diel": [
    {
      lang: "sq",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "e enjte": [
    {
      lang: "sq",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "e h\xEBn\xEB": [
    {
      lang: "sq",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "e mart\xEB": [
    {
      lang: "sq",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "e m\xEBrkur\xEB": [
    {
      lang: "sq",
      meaning: "We",
      type: "weekday"
    }
  ],
  "e premte": [
    {
      lang: "sq",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "e shtun\xEB": [
    {
      lang: "sq",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  ean: [
    {
      lang: "ga",
      meaning: "Jan",
      type: "month"
    }
  ],
  "ean\xE1ir": [
    {
      lang: "ga",
      meaning: "Jan",
      type: "month"
    }
  ],
  eki: [
    {
      lang: "tr",
      meaning: "Oct",
      type: "month"
    }
  ],
  ekim: [
    {
      lang: "tr",
      meaning: "Oct",
      type: "month"
    }
  ],
  elo: [
    {
      lang: "fi",
      meaning: "Aug",
      type: "month"
    }
  ],
  elokuu: [
    {
      lang: "fi",
      meaning: "Aug",
      type: "month"
    }
  ],
  elokuuta: [
    {
      lang: "fi",
      meaning: "Aug",
      type: "month"
    }
  ],
  ene: [
    {
      lang: "es",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "fil",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "qu",
      meaning: "Jan",
      type: "month"
    }
  ],
  enero: [
    {
      lang: "es",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "fil",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "qu",
      meaning: "Jan",
      type: "month"
    }
  ],
  enj: [
    {
      lang: "sq",
      meaning: "Th",
      type: "weekday"
    }
  ],
  epril: [
    {
      lang: "tpi",
      meaning: "Apr",
      type: "month"
    }
  ],
  erb: [
    {
      lang: "mt",
      meaning: "We",
      type: "weekday"
    }
  ],
  "esmasp\xE4ev": [
    {
      lang: "et",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u1EB9t\xEC": [
    {
      lang: "yo",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  eyl: [
    {
      lang: "tr",
      meaning: "Sep",
      type: "month"
    }
  ],
  "eyl\xFCl": [
    {
      lang: "tr",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u025Bt\xEC": [
    {
      lang: "yo",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  fal: [
    {
      lang: "to",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  falaite: [
    {
      lang: "to",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  feabh: [
    {
      lang: "ga",
      meaning: "Feb",
      type: "month"
    }
  ],
  feabhra: [
    {
      lang: "ga",
      meaning: "Feb",
      type: "month"
    }
  ],
  febbraio: [
    {
      lang: "it",
      meaning: "Feb",
      type: "month"
    }
  ],
  febr: [
    {
      lang: "ca",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "hu",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "kl",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "lv",
      meaning: "Feb",
      type: "month"
    }
  ],
  febraayo: [
    {
      lang: "so",
      meaning: "Feb",
      type: "month"
    }
  ],
  febrer: [
    {
      lang: "ca",
      meaning: "Feb",
      type: "month"
    }
  ],
  febrero: [
    {
      lang: "es",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "qu",
      meaning: "Feb",
      type: "month"
    }
  ],
  febroary: [
    {
      lang: "mg",
      meaning: "Feb",
      type: "month"
    }
  ],
  februaari: [
    {
      lang: "kl",
      meaning: "Feb",
      type: "month"
    }
  ],
  februaarip: [
    {
      lang: "kl",
      meaning: "Feb",
      type: "month"
    }
  ],
  februar: [
    {
      lang: "bs",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "da",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "de",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "fo",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "gsw",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "lb",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "nb",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "nn",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "no",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "sl",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Feb",
      type: "month"
    }
  ],
  "febru\xE1r": [
    {
      lang: "hu",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "sk",
      meaning: "Feb",
      type: "month"
    }
  ],
  "febr\xFAar": [
    {
      lang: "is",
      meaning: "Feb",
      type: "month"
    }
  ],
  "febru\xE1ra": [
    {
      lang: "sk",
      meaning: "Feb",
      type: "month"
    }
  ],
  februari: [
    {
      lang: "id",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "ms",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "nl",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "sv",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "sw",
      meaning: "Feb",
      type: "month"
    }
  ],
  "febr\xFCari": [
    {
      lang: "pap",
      meaning: "Feb",
      type: "month"
    }
  ],
  februarie: [
    {
      lang: "ro",
      meaning: "Feb",
      type: "month"
    }
  ],
  "febru\u0101ris": [
    {
      lang: "lv",
      meaning: "Feb",
      type: "month"
    }
  ],
  februeri: [
    {
      lang: "tpi",
      meaning: "Feb",
      type: "month"
    }
  ],
  "f\u0113p": [
    {
      lang: "to",
      meaning: "Feb",
      type: "month"
    }
  ],
  "f\u0113pueli": [
    {
      lang: "to",
      meaning: "Feb",
      type: "month"
    }
  ],
  fer: [
    {
      lang: "tn",
      meaning: "Jan",
      type: "month"
    }
  ],
  ferikgong: [
    {
      lang: "tn",
      meaning: "Jan",
      type: "month"
    }
  ],
  fev: [
    {
      lang: "az",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "pt",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Feb",
      type: "month"
    }
  ],
  "f\xE9v": [
    {
      lang: "fr",
      meaning: "Feb",
      type: "month"
    }
  ],
  fevereiro: [
    {
      lang: "pt",
      meaning: "Feb",
      type: "month"
    }
  ],
  "f\xE9vr": [
    {
      lang: "fr",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "ht",
      meaning: "Feb",
      type: "month"
    }
  ],
  fevral: [
    {
      lang: "az",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Feb",
      type: "month"
    }
  ],
  "f\xE9vrier": [
    {
      lang: "fr",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "ht",
      meaning: "Feb",
      type: "month"
    }
  ],
  few: [
    {
      lang: "tk",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "wo",
      meaning: "Feb",
      type: "month"
    }
  ],
  fewral: [
    {
      lang: "tk",
      meaning: "Feb",
      type: "month"
    }
  ],
  fewriyee: [
    {
      lang: "wo",
      meaning: "Feb",
      type: "month"
    }
  ],
  fi: [
    {
      lang: "is",
      meaning: "Th",
      type: "weekday"
    }
  ],
  fim: [
    {
      lang: "is",
      meaning: "Th",
      type: "weekday"
    }
  ],
  fimmtudagur: [
    {
      lang: "is",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "f\xF6": [
    {
      lang: "is",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "f\xF6n": [
    {
      lang: "sg",
      meaning: "Jun",
      type: "month"
    }
  ],
  fonde: [
    {
      lang: "tpi",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "f\xF6ndo": [
    {
      lang: "sg",
      meaning: "Jun",
      type: "month"
    }
  ],
  "f\xF6s": [
    {
      lang: "is",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "f\xF6studagur": [
    {
      lang: "is",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  fra: [
    {
      lang: "mt",
      meaning: "Feb",
      type: "month"
    }
  ],
  fraide: [
    {
      lang: "tpi",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  frar: [
    {
      lang: "mt",
      meaning: "Feb",
      type: "month"
    }
  ],
  fre: [
    {
      lang: "da",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "lb",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "nb",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "nn",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "no",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "sv",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  fredag: [
    {
      lang: "da",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "nb",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "nn",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "no",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "sv",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  freideg: [
    {
      lang: "lb",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  freitag: [
    {
      lang: "de",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "fr\xED": [
    {
      lang: "fo",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "fr\xEDggjadagur": [
    {
      lang: "fo",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  friitig: [
    {
      lang: "gsw",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  ful: [
    {
      lang: "sg",
      meaning: "Feb",
      type: "month"
    }
  ],
  "fulund\xEFgi": [
    {
      lang: "sg",
      meaning: "Feb",
      type: "month"
    }
  ],
  gas: [
    {
      lang: "rn",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "rw",
      meaning: "Feb",
      type: "month"
    }
  ],
  gashyantare: [
    {
      lang: "rw",
      meaning: "Feb",
      type: "month"
    }
  ],
  geg: [
    {
      lang: "lt",
      meaning: "May",
      type: "month"
    }
  ],
  "gegu\u017E\u0117": [
    {
      lang: "lt",
      meaning: "May",
      type: "month"
    }
  ],
  "gegu\u017E\u0117s": [
    {
      lang: "lt",
      meaning: "May",
      type: "month"
    }
  ],
  gen: [
    {
      lang: "ca",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "it",
      meaning: "Jan",
      type: "month"
    }
  ],
  gener: [
    {
      lang: "ca",
      meaning: "Jan",
      type: "month"
    }
  ],
  gennaio: [
    {
      lang: "it",
      meaning: "Jan",
      type: "month"
    }
  ],
  gic: [
    {
      lang: "rn",
      meaning: "May",
      type: "month"
    },
    {
      lang: "rw",
      meaning: "May",
      type: "month"
    }
  ],
  gicurasi: [
    {
      lang: "rw",
      meaning: "May",
      type: "month"
    }
  ],
  "\u0121im": [
    {
      lang: "mt",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  gio: [
    {
      lang: "it",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "gioved\xEC": [
    {
      lang: "it",
      meaning: "Th",
      type: "weekday"
    }
  ],
  gitugutu: [
    {
      lang: "rn",
      meaning: "Oct",
      type: "month"
    }
  ],
  giu: [
    {
      lang: "it",
      meaning: "Jun",
      type: "month"
    }
  ],
  giugno: [
    {
      lang: "it",
      meaning: "Jun",
      type: "month"
    }
  ],
  gnd: [
    {
      lang: "rn",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "rw",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  gnu: [
    {
      lang: "rn",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "rw",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  gru: [
    {
      lang: "pl",
      meaning: "Dec",
      type: "month"
    }
  ],
  grudnia: [
    {
      lang: "pl",
      meaning: "Dec",
      type: "month"
    }
  ],
  "grudzie\u0144": [
    {
      lang: "pl",
      meaning: "Dec",
      type: "month"
    }
  ],
  gruod: [
    {
      lang: "lt",
      meaning: "Dec",
      type: "month"
    }
  ],
  gruodis: [
    {
      lang: "lt",
      meaning: "Dec",
      type: "month"
    }
  ],
  "gruod\u017Eio": [
    {
      lang: "lt",
      meaning: "Dec",
      type: "month"
    }
  ],
  gtu: [
    {
      lang: "rn",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "rw",
      meaning: "We",
      type: "weekday"
    }
  ],
  gu: [
    {
      lang: "hi",
      meaning: "Th",
      type: "weekday"
    }
  ],
  gum: [
    {
      lang: "sn",
      meaning: "Oct",
      type: "month"
    }
  ],
  gumiguru: [
    {
      lang: "sn",
      meaning: "Oct",
      type: "month"
    }
  ],
  gun: [
    {
      lang: "sn",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0121un": [
    {
      lang: "mt",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0121unju": [
    {
      lang: "mt",
      meaning: "Jun",
      type: "month"
    }
  ],
  gunyana: [
    {
      lang: "sn",
      meaning: "Sep",
      type: "month"
    }
  ],
  guru: [
    {
      lang: "hi",
      meaning: "Th",
      type: "weekday"
    }
  ],
  guruwaar: [
    {
      lang: "hi",
      meaning: "Th",
      type: "weekday"
    }
  ],
  gush: [
    {
      lang: "sq",
      meaning: "Aug",
      type: "month"
    }
  ],
  gusht: [
    {
      lang: "sq",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0263uc": [
    {
      lang: "tzm",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0263uct": [
    {
      lang: "tzm",
      meaning: "Aug",
      type: "month"
    }
  ],
  h: [
    {
      lang: "hu",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0127ad": [
    {
      lang: "mt",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0127am": [
    {
      lang: "mt",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "h\u0101n": [
    {
      lang: "mi",
      meaning: "Jan",
      type: "month"
    }
  ],
  "h\u0101nuere": [
    {
      lang: "mi",
      meaning: "Jan",
      type: "month"
    }
  ],
  haz: [
    {
      lang: "tr",
      meaning: "Jun",
      type: "month"
    }
  ],
  haziran: [
    {
      lang: "tr",
      meaning: "Jun",
      type: "month"
    }
  ],
  "hein\xE4": [
    {
      lang: "fi",
      meaning: "Jul",
      type: "month"
    }
  ],
  "hein\xE4kuu": [
    {
      lang: "fi",
      meaning: "Jul",
      type: "month"
    }
  ],
  "hein\xE4kuuta": [
    {
      lang: "fi",
      meaning: "Jul",
      type: "month"
    }
  ],
  helmi: [
    {
      lang: "fi",
      meaning: "Feb",
      type: "month"
    }
  ],
  helmikuu: [
    {
      lang: "fi",
      meaning: "Feb",
      type: "month"
    }
  ],
  helmikuuta: [
    {
      lang: "fi",
      meaning: "Feb",
      type: "month"
    }
  ],
  "h\xEBn": [
    {
      lang: "sq",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  hep: [
    {
      lang: "mi",
      meaning: "Sep",
      type: "month"
    }
  ],
  hepetema: [
    {
      lang: "mi",
      meaning: "Sep",
      type: "month"
    }
  ],
  "h\xE9tf\u0151": [
    {
      lang: "hu",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  hla: [
    {
      lang: "st",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  hlakola: [
    {
      lang: "st",
      meaning: "Feb",
      type: "month"
    }
  ],
  hlakubele: [
    {
      lang: "st",
      meaning: "Mar",
      type: "month"
    }
  ],
  hlb: [
    {
      lang: "st",
      meaning: "Mar",
      type: "month"
    }
  ],
  "h\xF3": [
    {
      lang: "fo",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "h\xF3s": [
    {
      lang: "fo",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "h\xF3sdagur": [
    {
      lang: "fo",
      meaning: "Th",
      type: "weekday"
    }
  ],
  huhti: [
    {
      lang: "fi",
      meaning: "Apr",
      type: "month"
    }
  ],
  huhtikuu: [
    {
      lang: "fi",
      meaning: "Apr",
      type: "month"
    }
  ],
  huhtikuuta: [
    {
      lang: "fi",
      meaning: "Apr",
      type: "month"
    }
  ],
  hul: [
    {
      lang: "fil",
      meaning: "Jul",
      type: "month"
    }
  ],
  hulyo: [
    {
      lang: "fil",
      meaning: "Jul",
      type: "month"
    }
  ],
  hun: [
    {
      lang: "fil",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "mi",
      meaning: "Jun",
      type: "month"
    }
  ],
  hune: [
    {
      lang: "mi",
      meaning: "Jun",
      type: "month"
    }
  ],
  hunyo: [
    {
      lang: "fil",
      meaning: "Jun",
      type: "month"
    }
  ],
  "h\u016Br": [
    {
      lang: "mi",
      meaning: "Jul",
      type: "month"
    }
  ],
  "h\u016Brae": [
    {
      lang: "mi",
      meaning: "Jul",
      type: "month"
    }
  ],
  huw: [
    {
      lang: "fil",
      meaning: "Th",
      type: "weekday"
    }
  ],
  huwebes: [
    {
      lang: "fil",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u02BBaok": [
    {
      lang: "to",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u02BBaokosi": [
    {
      lang: "to",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u02BBepe": [
    {
      lang: "to",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u02BBepeleli": [
    {
      lang: "to",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u02BBoka": [
    {
      lang: "to",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u02BBokatopa": [
    {
      lang: "to",
      meaning: "Oct",
      type: "month"
    }
  ],
  ian: [
    {
      lang: "ro",
      meaning: "Jan",
      type: "month"
    }
  ],
  ianuarie: [
    {
      lang: "ro",
      meaning: "Jan",
      type: "month"
    }
  ],
  ibr: [
    {
      lang: "tzm",
      meaning: "Apr",
      type: "month"
    }
  ],
  ibrir: [
    {
      lang: "tzm",
      meaning: "Apr",
      type: "month"
    }
  ],
  ijumaa: [
    {
      lang: "sw",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "il-\u0121img\u0127a": [
    {
      lang: "mt",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "il-\u0127add": [
    {
      lang: "mt",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "il-\u0127amis": [
    {
      lang: "mt",
      meaning: "Th",
      type: "weekday"
    }
  ],
  is: [
    {
      lang: "ms",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "is-sibt": [
    {
      lang: "mt",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\xECs\u1EB9\u0301gun": [
    {
      lang: "yo",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\xECs\u025B\u0301gun": [
    {
      lang: "yo",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  isn: [
    {
      lang: "ms",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "so",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  isniin: [
    {
      lang: "so",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  isnin: [
    {
      lang: "ms",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "it-tlieta": [
    {
      lang: "mt",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "it-tnejn": [
    {
      lang: "mt",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "i\xFAil": [
    {
      lang: "ga",
      meaning: "Jul",
      type: "month"
    }
  ],
  iul: [
    {
      lang: "ro",
      meaning: "Jul",
      type: "month"
    }
  ],
  iulie: [
    {
      lang: "ro",
      meaning: "Jul",
      type: "month"
    }
  ],
  iun: [
    {
      lang: "ro",
      meaning: "Jun",
      type: "month"
    }
  ],
  iunie: [
    {
      lang: "ro",
      meaning: "Jun",
      type: "month"
    }
  ],
  iyl: [
    {
      lang: "az",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Jul",
      type: "month"
    }
  ],
  iyn: [
    {
      lang: "az",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Jun",
      type: "month"
    }
  ],
  iyul: [
    {
      lang: "az",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Jul",
      type: "month"
    }
  ],
  "i\xFDul": [
    {
      lang: "tk",
      meaning: "Jul",
      type: "month"
    }
  ],
  iyun: [
    {
      lang: "az",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Jun",
      type: "month"
    }
  ],
  "i\xFDun": [
    {
      lang: "tk",
      meaning: "Jun",
      type: "month"
    }
  ],
  "j-fouyir": [
    {
      lang: "gv",
      meaning: "Oct",
      type: "month"
    }
  ],
  "j-guer": [
    {
      lang: "gv",
      meaning: "Jan",
      type: "month"
    }
  ],
  "j-souree": [
    {
      lang: "gv",
      meaning: "Jul",
      type: "month"
    }
  ],
  jaan: [
    {
      lang: "et",
      meaning: "Jan",
      type: "month"
    }
  ],
  jaanuar: [
    {
      lang: "et",
      meaning: "Jan",
      type: "month"
    }
  ],
  "j\xE4n": [
    {
      lang: "de",
      meaning: "Jan",
      type: "month"
    }
  ],
  janaayo: [
    {
      lang: "so",
      meaning: "Jan",
      type: "month"
    }
  ],
  janar: [
    {
      lang: "sq",
      meaning: "Jan",
      type: "month"
    }
  ],
  janeiro: [
    {
      lang: "pt",
      meaning: "Jan",
      type: "month"
    }
  ],
  jannaayo: [
    {
      lang: "so",
      meaning: "Jan",
      type: "month"
    }
  ],
  jannar: [
    {
      lang: "mt",
      meaning: "Jan",
      type: "month"
    }
  ],
  "j\xE4nner": [
    {
      lang: "de",
      meaning: "Jan",
      type: "month"
    }
  ],
  janoary: [
    {
      lang: "mg",
      meaning: "Jan",
      type: "month"
    }
  ],
  januaari: [
    {
      lang: "kl",
      meaning: "Jan",
      type: "month"
    }
  ],
  januaarip: [
    {
      lang: "kl",
      meaning: "Jan",
      type: "month"
    }
  ],
  januar: [
    {
      lang: "bs",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "da",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "de",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "fo",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "gsw",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "lb",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "nb",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "nn",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "no",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "sl",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Jan",
      type: "month"
    }
  ],
  "janu\xE1r": [
    {
      lang: "hu",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "sk",
      meaning: "Jan",
      type: "month"
    }
  ],
  "jan\xFAar": [
    {
      lang: "is",
      meaning: "Jan",
      type: "month"
    }
  ],
  "janu\xE1ra": [
    {
      lang: "sk",
      meaning: "Jan",
      type: "month"
    }
  ],
  januari: [
    {
      lang: "id",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "ms",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "nl",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "sv",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "sw",
      meaning: "Jan",
      type: "month"
    }
  ],
  janueri: [
    {
      lang: "tpi",
      meaning: "Jan",
      type: "month"
    }
  ],
  janv: [
    {
      lang: "fr",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "ht",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "lv",
      meaning: "Jan",
      type: "month"
    }
  ],
  "janv\u0101ris": [
    {
      lang: "lv",
      meaning: "Jan",
      type: "month"
    }
  ],
  janvier: [
    {
      lang: "fr",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "ht",
      meaning: "Jan",
      type: "month"
    }
  ],
  jasyapy: [
    {
      lang: "gn",
      meaning: "Mar",
      type: "month"
    }
  ],
  "jasyk\xF5i": [
    {
      lang: "gn",
      meaning: "Feb",
      type: "month"
    }
  ],
  jasypa: [
    {
      lang: "gn",
      meaning: "Oct",
      type: "month"
    }
  ],
  "jasypak\xF5i": [
    {
      lang: "gn",
      meaning: "Dec",
      type: "month"
    }
  ],
  "jasypate\u0129": [
    {
      lang: "gn",
      meaning: "Nov",
      type: "month"
    }
  ],
  jasypo: [
    {
      lang: "gn",
      meaning: "May",
      type: "month"
    }
  ],
  jasypoapy: [
    {
      lang: "gn",
      meaning: "Aug",
      type: "month"
    }
  ],
  "jasypok\xF5i": [
    {
      lang: "gn",
      meaning: "Jul",
      type: "month"
    }
  ],
  jasyporundy: [
    {
      lang: "gn",
      meaning: "Sep",
      type: "month"
    }
  ],
  "jasypote\u0129": [
    {
      lang: "gn",
      meaning: "Jun",
      type: "month"
    }
  ],
  jasyrundy: [
    {
      lang: "gn",
      meaning: "Apr",
      type: "month"
    }
  ],
  "jasyte\u0129": [
    {
      lang: "gn",
      meaning: "Jan",
      type: "month"
    }
  ],
  je: [
    {
      lang: "fr",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "ht",
      meaning: "Th",
      type: "weekday"
    }
  ],
  jed: [
    {
      lang: "gv",
      meaning: "Su",
      type: "weekday"
    }
  ],
  jedoonee: [
    {
      lang: "gv",
      meaning: "Su",
      type: "weekday"
    }
  ],
  jeh: [
    {
      lang: "gv",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  jeheiney: [
    {
      lang: "gv",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  jel: [
    {
      lang: "gv",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  jelhein: [
    {
      lang: "gv",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  jem: [
    {
      lang: "gv",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  jemayrt: [
    {
      lang: "gv",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  jerc: [
    {
      lang: "gv",
      meaning: "We",
      type: "weekday"
    }
  ],
  jercean: [
    {
      lang: "gv",
      meaning: "We",
      type: "weekday"
    }
  ],
  jerd: [
    {
      lang: "gv",
      meaning: "Th",
      type: "weekday"
    }
  ],
  jerdein: [
    {
      lang: "gv",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "jerrey-fouyir": [
    {
      lang: "gv",
      meaning: "Oct",
      type: "month"
    }
  ],
  "jerrey-geuree": [
    {
      lang: "gv",
      meaning: "Jan",
      type: "month"
    }
  ],
  "jerrey-souree": [
    {
      lang: "gv",
      meaning: "Jul",
      type: "month"
    }
  ],
  jes: [
    {
      lang: "gv",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  jesarn: [
    {
      lang: "gv",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  jeu: [
    {
      lang: "fr",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "ht",
      meaning: "Th",
      type: "weekday"
    }
  ],
  jeudi: [
    {
      lang: "fr",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "ht",
      meaning: "Th",
      type: "weekday"
    }
  ],
  jimco: [
    {
      lang: "so",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  jmc: [
    {
      lang: "so",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  jo: [
    {
      lang: "ro",
      meaning: "Th",
      type: "weekday"
    }
  ],
  joi: [
    {
      lang: "ro",
      meaning: "Th",
      type: "weekday"
    }
  ],
  jol: [
    {
      lang: "mg",
      meaning: "Jul",
      type: "month"
    }
  ],
  jolay: [
    {
      lang: "mg",
      meaning: "Jul",
      type: "month"
    }
  ],
  jon: [
    {
      lang: "mg",
      meaning: "Jun",
      type: "month"
    }
  ],
  jona: [
    {
      lang: "mg",
      meaning: "Jun",
      type: "month"
    }
  ],
  joulu: [
    {
      lang: "fi",
      meaning: "Dec",
      type: "month"
    }
  ],
  joulukuu: [
    {
      lang: "fi",
      meaning: "Dec",
      type: "month"
    }
  ],
  joulukuuta: [
    {
      lang: "fi",
      meaning: "Dec",
      type: "month"
    }
  ],
  ju: [
    {
      lang: "es",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "ms",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "uz",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  jue: [
    {
      lang: "es",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "qu",
      meaning: "Th",
      type: "weekday"
    }
  ],
  jueves: [
    {
      lang: "es",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "qu",
      meaning: "Th",
      type: "weekday"
    }
  ],
  jui: [
    {
      lang: "fr",
      meaning: "Jun",
      type: "month"
    }
  ],
  juil: [
    {
      lang: "fr",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "ht",
      meaning: "Jul",
      type: "month"
    }
  ],
  juill: [
    {
      lang: "fr",
      meaning: "Jul",
      type: "month"
    }
  ],
  juillet: [
    {
      lang: "fr",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "ht",
      meaning: "Jul",
      type: "month"
    }
  ],
  juin: [
    {
      lang: "fr",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "ht",
      meaning: "Jun",
      type: "month"
    }
  ],
  "j\xFAl": [
    {
      lang: "hu",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "is",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "sk",
      meaning: "Jul",
      type: "month"
    }
  ],
  "j\u016Bl": [
    {
      lang: "lv",
      meaning: "Jul",
      type: "month"
    }
  ],
  "j\xFAla": [
    {
      lang: "sk",
      meaning: "Jul",
      type: "month"
    }
  ],
  julai: [
    {
      lang: "ms",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "sw",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "tpi",
      meaning: "Jul",
      type: "month"
    }
  ],
  julho: [
    {
      lang: "pt",
      meaning: "Jul",
      type: "month"
    }
  ],
  juli: [
    {
      lang: "bs",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "da",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "de",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "fo",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "gsw",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "id",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "lb",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "nb",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "nl",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "nn",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "no",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "sv",
      meaning: "Jul",
      type: "month"
    }
  ],
  "j\xFAl\xED": [
    {
      lang: "is",
      meaning: "Jul",
      type: "month"
    }
  ],
  julij: [
    {
      lang: "sl",
      meaning: "Jul",
      type: "month"
    }
  ],
  "j\u016Blijs": [
    {
      lang: "lv",
      meaning: "Jul",
      type: "month"
    }
  ],
  julio: [
    {
      lang: "es",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "qu",
      meaning: "Jul",
      type: "month"
    }
  ],
  juliol: [
    {
      lang: "ca",
      meaning: "Jul",
      type: "month"
    }
  ],
  "j\xFAlius": [
    {
      lang: "hu",
      meaning: "Jul",
      type: "month"
    }
  ],
  jum: [
    {
      lang: "id",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "ms",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "uz",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  juma: [
    {
      lang: "uz",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  jumaat: [
    {
      lang: "ms",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  jumamosi: [
    {
      lang: "sw",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  jumanne: [
    {
      lang: "sw",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  jumapili: [
    {
      lang: "sw",
      meaning: "Su",
      type: "weekday"
    }
  ],
  jumat: [
    {
      lang: "id",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  jumatano: [
    {
      lang: "sw",
      meaning: "We",
      type: "weekday"
    }
  ],
  jumatatu: [
    {
      lang: "sw",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "j\xFAn": [
    {
      lang: "hu",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "is",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "sk",
      meaning: "Jun",
      type: "month"
    }
  ],
  "j\u016Bn": [
    {
      lang: "lv",
      meaning: "Jun",
      type: "month"
    }
  ],
  "j\xFAna": [
    {
      lang: "sk",
      meaning: "Jun",
      type: "month"
    }
  ],
  junho: [
    {
      lang: "pt",
      meaning: "Jun",
      type: "month"
    }
  ],
  juni: [
    {
      lang: "bs",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "da",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "de",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "fo",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "gsw",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "id",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "lb",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "nb",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "nl",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "nn",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "no",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "sv",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "sw",
      meaning: "Jun",
      type: "month"
    }
  ],
  "j\xFAn\xED": [
    {
      lang: "is",
      meaning: "Jun",
      type: "month"
    }
  ],
  junij: [
    {
      lang: "sl",
      meaning: "Jun",
      type: "month"
    }
  ],
  "j\u016Bnijs": [
    {
      lang: "lv",
      meaning: "Jun",
      type: "month"
    }
  ],
  junio: [
    {
      lang: "es",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "qu",
      meaning: "Jun",
      type: "month"
    }
  ],
  "j\xFAnius": [
    {
      lang: "hu",
      meaning: "Jun",
      type: "month"
    }
  ],
  juny: [
    {
      lang: "ca",
      meaning: "Jun",
      type: "month"
    }
  ],
  juuli: [
    {
      lang: "et",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "kl",
      meaning: "Jul",
      type: "month"
    }
  ],
  juulip: [
    {
      lang: "kl",
      meaning: "Jul",
      type: "month"
    }
  ],
  juun: [
    {
      lang: "so",
      meaning: "Jun",
      type: "month"
    }
  ],
  juuni: [
    {
      lang: "et",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "kl",
      meaning: "Jun",
      type: "month"
    }
  ],
  juunip: [
    {
      lang: "kl",
      meaning: "Jun",
      type: "month"
    }
  ],
  k: [
    {
      lang: "et",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "hu",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  kab: [
    {
      lang: "rn",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "rw",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  kak: [
    {
      lang: "sg",
      meaning: "Dec",
      type: "month"
    }
  ],
  kakauka: [
    {
      lang: "sg",
      meaning: "Dec",
      type: "month"
    }
  ],
  kam: [
    {
      lang: "id",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "rn",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "rw",
      meaning: "Jun",
      type: "month"
    }
  ],
  kamena: [
    {
      lang: "rw",
      meaning: "Jun",
      type: "month"
    }
  ],
  kamis: [
    {
      lang: "id",
      meaning: "Th",
      type: "weekday"
    }
  ],
  kan: [
    {
      lang: "rn",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "rn",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "rw",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "rw",
      meaning: "Th",
      type: "weekday"
    }
  ],
  kanama: [
    {
      lang: "rw",
      meaning: "Aug",
      type: "month"
    }
  ],
  kas: [
    {
      lang: "tr",
      meaning: "Nov",
      type: "month"
    }
  ],
  "kas\u0131m": [
    {
      lang: "tr",
      meaning: "Nov",
      type: "month"
    }
  ],
  ke: [
    {
      lang: "fi",
      meaning: "We",
      type: "weekday"
    }
  ],
  kedd: [
    {
      lang: "hu",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "kes\xE4": [
    {
      lang: "fi",
      meaning: "Jun",
      type: "month"
    }
  ],
  "kes\xE4kuu": [
    {
      lang: "fi",
      meaning: "Jun",
      type: "month"
    }
  ],
  "kes\xE4kuuta": [
    {
      lang: "fi",
      meaning: "Jun",
      type: "month"
    }
  ],
  keskiviikko: [
    {
      lang: "fi",
      meaning: "We",
      type: "weekday"
    }
  ],
  keskiviikkona: [
    {
      lang: "fi",
      meaning: "We",
      type: "weekday"
    }
  ],
  ketvirtadienis: [
    {
      lang: "lt",
      meaning: "Th",
      type: "weekday"
    }
  ],
  kh: [
    {
      lang: "ms",
      meaning: "Th",
      type: "weekday"
    }
  ],
  kha: [
    {
      lang: "ms",
      meaning: "Th",
      type: "weekday"
    }
  ],
  khamiis: [
    {
      lang: "so",
      meaning: "Th",
      type: "weekday"
    }
  ],
  khamis: [
    {
      lang: "ms",
      meaning: "Th",
      type: "weekday"
    }
  ],
  khms: [
    {
      lang: "so",
      meaning: "Th",
      type: "weekday"
    }
  ],
  kigarama: [
    {
      lang: "rn",
      meaning: "Dec",
      type: "month"
    }
  ],
  kol: [
    {
      lang: "hr",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "st",
      meaning: "Feb",
      type: "month"
    }
  ],
  "kolmap\xE4ev": [
    {
      lang: "et",
      meaning: "We",
      type: "weekday"
    }
  ],
  kolovoz: [
    {
      lang: "hr",
      meaning: "Aug",
      type: "month"
    }
  ],
  kolovoza: [
    {
      lang: "hr",
      meaning: "Aug",
      type: "month"
    }
  ],
  korr: [
    {
      lang: "sq",
      meaning: "Jul",
      type: "month"
    }
  ],
  korrik: [
    {
      lang: "sq",
      meaning: "Jul",
      type: "month"
    }
  ],
  kov: [
    {
      lang: "lt",
      meaning: "Mar",
      type: "month"
    }
  ],
  kovas: [
    {
      lang: "lt",
      meaning: "Mar",
      type: "month"
    }
  ],
  kovo: [
    {
      lang: "lt",
      meaning: "Mar",
      type: "month"
    }
  ],
  kt: [
    {
      lang: "lt",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "k\u1E6Du": [
    {
      lang: "tzm",
      meaning: "Oct",
      type: "month"
    }
  ],
  "k\u1E6Duber": [
    {
      lang: "tzm",
      meaning: "Oct",
      type: "month"
    }
  ],
  "ku cyumweru": [
    {
      lang: "rw",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "ku w\u2019indwi": [
    {
      lang: "rn",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "ku wa gatandatu": [
    {
      lang: "rn",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "ku wa gatanu": [
    {
      lang: "rn",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "ku wa gatatu": [
    {
      lang: "rn",
      meaning: "We",
      type: "weekday"
    }
  ],
  "ku wa kabiri": [
    {
      lang: "rn",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "ku wa kane": [
    {
      lang: "rn",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "ku wa mbere": [
    {
      lang: "rn",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  kub: [
    {
      lang: "sn",
      meaning: "Apr",
      type: "month"
    }
  ],
  kubvumbi: [
    {
      lang: "sn",
      meaning: "Apr",
      type: "month"
    }
  ],
  kuk: [
    {
      lang: "sn",
      meaning: "Feb",
      type: "month"
    }
  ],
  "k\xFCk": [
    {
      lang: "sg",
      meaning: "Aug",
      type: "month"
    }
  ],
  kukadzi: [
    {
      lang: "sn",
      meaning: "Feb",
      type: "month"
    }
  ],
  "k\xFCk\xFCr\xFC": [
    {
      lang: "sg",
      meaning: "Aug",
      type: "month"
    }
  ],
  kur: [
    {
      lang: "sn",
      meaning: "Mar",
      type: "month"
    }
  ],
  kurume: [
    {
      lang: "sn",
      meaning: "Mar",
      type: "month"
    }
  ],
  "kuwa gatandatu": [
    {
      lang: "rw",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "kuwa gatanu": [
    {
      lang: "rw",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "kuwa gatatu": [
    {
      lang: "rw",
      meaning: "We",
      type: "weekday"
    }
  ],
  "kuwa kabiri": [
    {
      lang: "rw",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "kuwa kane": [
    {
      lang: "rw",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "kuwa mbere": [
    {
      lang: "rw",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "kv\u011B": [
    {
      lang: "cs",
      meaning: "May",
      type: "month"
    }
  ],
  "kv\u011Bten": [
    {
      lang: "cs",
      meaning: "May",
      type: "month"
    }
  ],
  "kv\u011Btna": [
    {
      lang: "cs",
      meaning: "May",
      type: "month"
    }
  ],
  kwi: [
    {
      lang: "pl",
      meaning: "Apr",
      type: "month"
    }
  ],
  "kwiecie\u0144": [
    {
      lang: "pl",
      meaning: "Apr",
      type: "month"
    }
  ],
  kwietnia: [
    {
      lang: "pl",
      meaning: "Apr",
      type: "month"
    }
  ],
  l: [
    {
      lang: "et",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "l-erbg\u0127a": [
    {
      lang: "mt",
      meaning: "We",
      type: "weekday"
    }
  ],
  la: [
    {
      lang: "fi",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "is",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "nn",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  labb: [
    {
      lang: "tn",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  labn: [
    {
      lang: "tn",
      meaning: "Th",
      type: "weekday"
    }
  ],
  labobedi: [
    {
      lang: "st",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "tn",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  labohlano: [
    {
      lang: "st",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  labone: [
    {
      lang: "st",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "tn",
      meaning: "Th",
      type: "weekday"
    }
  ],
  laboraro: [
    {
      lang: "st",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "tn",
      meaning: "We",
      type: "weekday"
    }
  ],
  labotlhano: [
    {
      lang: "tn",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  labr: [
    {
      lang: "tn",
      meaning: "We",
      type: "weekday"
    }
  ],
  labt: [
    {
      lang: "tn",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "l\xE2p": [
    {
      lang: "sg",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  lapkr: [
    {
      lang: "lt",
      meaning: "Nov",
      type: "month"
    }
  ],
  "lapkri\u010Dio": [
    {
      lang: "lt",
      meaning: "Nov",
      type: "month"
    }
  ],
  lapkritis: [
    {
      lang: "lt",
      meaning: "Nov",
      type: "month"
    }
  ],
  "l\xE2p\xF4s\xF6": [
    {
      lang: "sg",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  lau: [
    {
      lang: "is",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "nn",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  lauantai: [
    {
      lang: "fi",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  lauantaina: [
    {
      lang: "fi",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  laugardagur: [
    {
      lang: "is",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "laup\xE4ev": [
    {
      lang: "et",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  laurdag: [
    {
      lang: "nn",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "l\xE2y": [
    {
      lang: "sg",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "l\xE2yenga": [
    {
      lang: "sg",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  le: [
    {
      lang: "fo",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  led: [
    {
      lang: "cs",
      meaning: "Jan",
      type: "month"
    }
  ],
  leden: [
    {
      lang: "cs",
      meaning: "Jan",
      type: "month"
    }
  ],
  ledna: [
    {
      lang: "cs",
      meaning: "Jan",
      type: "month"
    }
  ],
  len: [
    {
      lang: "sg",
      meaning: "Jul",
      type: "month"
    }
  ],
  lengua: [
    {
      lang: "sg",
      meaning: "Jul",
      type: "month"
    }
  ],
  leo: [
    {
      lang: "st",
      meaning: "Sep",
      type: "month"
    }
  ],
  ley: [
    {
      lang: "fo",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  leygardagur: [
    {
      lang: "fo",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  liep: [
    {
      lang: "lt",
      meaning: "Jul",
      type: "month"
    }
  ],
  liepa: [
    {
      lang: "lt",
      meaning: "Jul",
      type: "month"
    }
  ],
  liepos: [
    {
      lang: "lt",
      meaning: "Jul",
      type: "month"
    }
  ],
  lin: [
    {
      lang: "fil",
      meaning: "Su",
      type: "weekday"
    }
  ],
  linggo: [
    {
      lang: "fil",
      meaning: "Su",
      type: "weekday"
    }
  ],
  lip: [
    {
      lang: "hr",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "pl",
      meaning: "Jul",
      type: "month"
    }
  ],
  lipanj: [
    {
      lang: "hr",
      meaning: "Jun",
      type: "month"
    }
  ],
  lipca: [
    {
      lang: "pl",
      meaning: "Jul",
      type: "month"
    }
  ],
  lipiec: [
    {
      lang: "pl",
      meaning: "Jul",
      type: "month"
    }
  ],
  lipnja: [
    {
      lang: "hr",
      meaning: "Jun",
      type: "month"
    }
  ],
  lis: [
    {
      lang: "cs",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "hr",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "pl",
      meaning: "Nov",
      type: "month"
    }
  ],
  listopad: [
    {
      lang: "cs",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "hr",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "pl",
      meaning: "Nov",
      type: "month"
    }
  ],
  listopada: [
    {
      lang: "hr",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "pl",
      meaning: "Nov",
      type: "month"
    }
  ],
  listopadu: [
    {
      lang: "cs",
      meaning: "Nov",
      type: "month"
    }
  ],
  "l\xF6": [
    {
      lang: "sv",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "l\xF8": [
    {
      lang: "da",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "nb",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "no",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  loka: [
    {
      lang: "fi",
      meaning: "Oct",
      type: "month"
    }
  ],
  lokakuu: [
    {
      lang: "fi",
      meaning: "Oct",
      type: "month"
    }
  ],
  lokakuuta: [
    {
      lang: "fi",
      meaning: "Oct",
      type: "month"
    }
  ],
  "l\xF6r": [
    {
      lang: "sv",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "l\xF8r": [
    {
      lang: "da",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "nb",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "no",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "l\xF6rdag": [
    {
      lang: "sv",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "l\xF8rdag": [
    {
      lang: "da",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "nb",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "no",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  lu: [
    {
      lang: "es",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "fr",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "ga",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "ht",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "ro",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  luan: [
    {
      lang: "ga",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  luanistyn: [
    {
      lang: "gv",
      meaning: "Aug",
      type: "month"
    }
  ],
  lug: [
    {
      lang: "it",
      meaning: "Jul",
      type: "month"
    }
  ],
  luglio: [
    {
      lang: "it",
      meaning: "Jul",
      type: "month"
    }
  ],
  lul: [
    {
      lang: "mt",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "so",
      meaning: "Jul",
      type: "month"
    }
  ],
  lulju: [
    {
      lang: "mt",
      meaning: "Jul",
      type: "month"
    }
  ],
  lun: [
    {
      lang: "es",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "fil",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "fr",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "ht",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "it",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "qu",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "ro",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "l\xFAn": [
    {
      lang: "ga",
      meaning: "Aug",
      type: "month"
    }
  ],
  "l\xFAnasa": [
    {
      lang: "ga",
      meaning: "Aug",
      type: "month"
    }
  ],
  lundi: [
    {
      lang: "fr",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "ht",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "luned\xEC": [
    {
      lang: "it",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  lunes: [
    {
      lang: "es",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "fil",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "qu",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  luni: [
    {
      lang: "ro",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  lut: [
    {
      lang: "pl",
      meaning: "Feb",
      type: "month"
    }
  ],
  lutego: [
    {
      lang: "pl",
      meaning: "Feb",
      type: "month"
    }
  ],
  luty: [
    {
      lang: "pl",
      meaning: "Feb",
      type: "month"
    }
  ],
  luulyo: [
    {
      lang: "so",
      meaning: "Jul",
      type: "month"
    }
  ],
  lwe: [
    {
      lang: "nd",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "tn",
      meaning: "Sep",
      type: "month"
    }
  ],
  lwetse: [
    {
      lang: "st",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "tn",
      meaning: "Sep",
      type: "month"
    }
  ],
  lwezi: [
    {
      lang: "nd",
      meaning: "Nov",
      type: "month"
    }
  ],
  "m-fouyir": [
    {
      lang: "gv",
      meaning: "Sep",
      type: "month"
    }
  ],
  "m-houney": [
    {
      lang: "gv",
      meaning: "Nov",
      type: "month"
    }
  ],
  "m-nollick": [
    {
      lang: "gv",
      meaning: "Dec",
      type: "month"
    }
  ],
  "m-souree": [
    {
      lang: "gv",
      meaning: "Jun",
      type: "month"
    }
  ],
  m01: [
    {
      lang: "az",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "dv",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "mn",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "ms",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "ny",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "ss",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "zh",
      meaning: "Jan",
      type: "month"
    }
  ],
  m02: [
    {
      lang: "az",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "dv",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "mn",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "ms",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "ny",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "ss",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "zh",
      meaning: "Feb",
      type: "month"
    }
  ],
  m03: [
    {
      lang: "az",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "dv",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "mn",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "ms",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "ny",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "ss",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "zh",
      meaning: "Mar",
      type: "month"
    }
  ],
  m04: [
    {
      lang: "az",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "dv",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "mn",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "ms",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "ny",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "ss",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "zh",
      meaning: "Apr",
      type: "month"
    }
  ],
  m05: [
    {
      lang: "az",
      meaning: "May",
      type: "month"
    },
    {
      lang: "dv",
      meaning: "May",
      type: "month"
    },
    {
      lang: "mn",
      meaning: "May",
      type: "month"
    },
    {
      lang: "ms",
      meaning: "May",
      type: "month"
    },
    {
      lang: "ny",
      meaning: "May",
      type: "month"
    },
    {
      lang: "ss",
      meaning: "May",
      type: "month"
    },
    {
      lang: "zh",
      meaning: "May",
      type: "month"
    }
  ],
  m06: [
    {
      lang: "az",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "dv",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "mn",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "ms",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "ny",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "ss",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "zh",
      meaning: "Jun",
      type: "month"
    }
  ],
  m07: [
    {
      lang: "az",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "dv",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "mn",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "ms",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "ny",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "ss",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "zh",
      meaning: "Jul",
      type: "month"
    }
  ],
  m08: [
    {
      lang: "az",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "dv",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "mn",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "ms",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "ny",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "ss",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "zh",
      meaning: "Aug",
      type: "month"
    }
  ],
  m09: [
    {
      lang: "az",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "dv",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "mn",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "ms",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "ny",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "ss",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "zh",
      meaning: "Sep",
      type: "month"
    }
  ],
  m10: [
    {
      lang: "az",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "dv",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "mn",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "ms",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "ny",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "ss",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "zh",
      meaning: "Oct",
      type: "month"
    }
  ],
  m11: [
    {
      lang: "az",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "dv",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "mn",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "ms",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "ny",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "ss",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "zh",
      meaning: "Nov",
      type: "month"
    }
  ],
  m12: [
    {
      lang: "az",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "dv",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "mn",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "ms",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "ny",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "ss",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "zh",
      meaning: "Dec",
      type: "month"
    }
  ],
  ma: [
    {
      lang: "da",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "es",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "fi",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "fr",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "hi",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "ht",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "nb",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "nl",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "no",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "ro",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "m\xE1": [
    {
      lang: "fo",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "ga",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "is",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "m\xE5": [
    {
      lang: "nn",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "sv",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "m\xE4": [
    {
      lang: "gsw",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  maaji: [
    {
      lang: "kl",
      meaning: "May",
      type: "month"
    }
  ],
  maajip: [
    {
      lang: "kl",
      meaning: "May",
      type: "month"
    }
  ],
  maalis: [
    {
      lang: "fi",
      meaning: "Mar",
      type: "month"
    }
  ],
  maaliskuu: [
    {
      lang: "fi",
      meaning: "Mar",
      type: "month"
    }
  ],
  maaliskuuta: [
    {
      lang: "fi",
      meaning: "Mar",
      type: "month"
    }
  ],
  maanantai: [
    {
      lang: "fi",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  maanantaina: [
    {
      lang: "fi",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  maandag: [
    {
      lang: "nl",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "m\xE4\xE4ntig": [
    {
      lang: "gsw",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  maarso: [
    {
      lang: "so",
      meaning: "Mar",
      type: "month"
    }
  ],
  maart: [
    {
      lang: "nl",
      meaning: "Mar",
      type: "month"
    }
  ],
  maayo: [
    {
      lang: "so",
      meaning: "May",
      type: "month"
    }
  ],
  mab: [
    {
      lang: "nd",
      meaning: "Apr",
      type: "month"
    }
  ],
  mabasa: [
    {
      lang: "nd",
      meaning: "Apr",
      type: "month"
    }
  ],
  mac: [
    {
      lang: "ms",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "sw",
      meaning: "Mar",
      type: "month"
    }
  ],
  machi: [
    {
      lang: "sw",
      meaning: "Mar",
      type: "month"
    }
  ],
  "m\xE4e": [
    {
      lang: "lb",
      meaning: "Mar",
      type: "month"
    }
  ],
  "m\u0101e": [
    {
      lang: "mi",
      meaning: "Mar",
      type: "month"
    }
  ],
  "m\u0101ehe": [
    {
      lang: "mi",
      meaning: "Mar",
      type: "month"
    }
  ],
  "m\xE4erz": [
    {
      lang: "lb",
      meaning: "Mar",
      type: "month"
    }
  ],
  mag: [
    {
      lang: "it",
      meaning: "May",
      type: "month"
    }
  ],
  maggio: [
    {
      lang: "it",
      meaning: "May",
      type: "month"
    }
  ],
  "ma\u02BBa": [
    {
      lang: "to",
      meaning: "Mar",
      type: "month"
    }
  ],
  "ma\u02BBasi": [
    {
      lang: "to",
      meaning: "Mar",
      type: "month"
    }
  ],
  mai: [
    {
      lang: "de",
      meaning: "May",
      type: "month"
    },
    {
      lang: "et",
      meaning: "May",
      type: "month"
    },
    {
      lang: "fo",
      meaning: "May",
      type: "month"
    },
    {
      lang: "fr",
      meaning: "May",
      type: "month"
    },
    {
      lang: "gsw",
      meaning: "May",
      type: "month"
    },
    {
      lang: "ht",
      meaning: "May",
      type: "month"
    },
    {
      lang: "nb",
      meaning: "May",
      type: "month"
    },
    {
      lang: "nn",
      meaning: "May",
      type: "month"
    },
    {
      lang: "no",
      meaning: "May",
      type: "month"
    },
    {
      lang: "pt",
      meaning: "May",
      type: "month"
    },
    {
      lang: "ro",
      meaning: "May",
      type: "month"
    }
  ],
  "ma\xED": [
    {
      lang: "is",
      meaning: "May",
      type: "month"
    }
  ],
  maig: [
    {
      lang: "ca",
      meaning: "May",
      type: "month"
    }
  ],
  maijs: [
    {
      lang: "lv",
      meaning: "May",
      type: "month"
    }
  ],
  maio: [
    {
      lang: "pt",
      meaning: "May",
      type: "month"
    }
  ],
  "m\xE1irt": [
    {
      lang: "ga",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  maj: [
    {
      lang: "bs",
      meaning: "May",
      type: "month"
    },
    {
      lang: "da",
      meaning: "May",
      type: "month"
    },
    {
      lang: "kl",
      meaning: "May",
      type: "month"
    },
    {
      lang: "pl",
      meaning: "May",
      type: "month"
    },
    {
      lang: "sl",
      meaning: "May",
      type: "month"
    },
    {
      lang: "sq",
      meaning: "May",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "May",
      type: "month"
    },
    {
      lang: "sv",
      meaning: "May",
      type: "month"
    }
  ],
  "m\xE1j": [
    {
      lang: "hu",
      meaning: "May",
      type: "month"
    },
    {
      lang: "sk",
      meaning: "May",
      type: "month"
    }
  ],
  maja: [
    {
      lang: "pl",
      meaning: "May",
      type: "month"
    }
  ],
  "m\xE1ja": [
    {
      lang: "sk",
      meaning: "May",
      type: "month"
    }
  ],
  "m\xE1jus": [
    {
      lang: "hu",
      meaning: "May",
      type: "month"
    }
  ],
  man: [
    {
      lang: "da",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "mi",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "nb",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "no",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "m\xE1n": [
    {
      lang: "fo",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "is",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "m\xE5n": [
    {
      lang: "nn",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "sv",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "m\xE1nadagur": [
    {
      lang: "fo",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  mandag: [
    {
      lang: "da",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "nb",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "no",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "m\xE5ndag": [
    {
      lang: "nn",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "sv",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  mande: [
    {
      lang: "tpi",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  mane: [
    {
      lang: "mi",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  mangal: [
    {
      lang: "hi",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  mangalwaar: [
    {
      lang: "hi",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  mantaha: [
    {
      lang: "st",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "m\xE1nudagur": [
    {
      lang: "is",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  mar: [
    {
      lang: "es",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "fil",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "fr",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "ht",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "it",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "kl",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "qu",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "ro",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "sq",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "m\xE4r": [
    {
      lang: "de",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "gsw",
      meaning: "Mar",
      type: "month"
    }
  ],
  "mar\xE7": [
    {
      lang: "ca",
      meaning: "Mar",
      type: "month"
    }
  ],
  "m\xE1rc": [
    {
      lang: "hu",
      meaning: "Mar",
      type: "month"
    }
  ],
  marca: [
    {
      lang: "pl",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "sk",
      meaning: "Mar",
      type: "month"
    }
  ],
  "m\xE1rcius": [
    {
      lang: "hu",
      meaning: "Mar",
      type: "month"
    }
  ],
  "mar\xE7o": [
    {
      lang: "pt",
      meaning: "Mar",
      type: "month"
    }
  ],
  mardi: [
    {
      lang: "fr",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "ht",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  marec: [
    {
      lang: "sk",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "sl",
      meaning: "Mar",
      type: "month"
    }
  ],
  maret: [
    {
      lang: "id",
      meaning: "Mar",
      type: "month"
    }
  ],
  marlunngorneq: [
    {
      lang: "kl",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  marras: [
    {
      lang: "fi",
      meaning: "Nov",
      type: "month"
    }
  ],
  marraskuu: [
    {
      lang: "fi",
      meaning: "Nov",
      type: "month"
    }
  ],
  marraskuuta: [
    {
      lang: "fi",
      meaning: "Nov",
      type: "month"
    }
  ],
  mars: [
    {
      lang: "fo",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "fr",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "ht",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "is",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "nb",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "nn",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "no",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "sq",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "sv",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "tzm",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "wo",
      meaning: "Mar",
      type: "month"
    }
  ],
  marsi: [
    {
      lang: "kl",
      meaning: "Mar",
      type: "month"
    }
  ],
  marsip: [
    {
      lang: "kl",
      meaning: "Mar",
      type: "month"
    }
  ],
  marso: [
    {
      lang: "fil",
      meaning: "Mar",
      type: "month"
    }
  ],
  mart: [
    {
      lang: "az",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "bs",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "pap",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "tk",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "tr",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Mar",
      type: "month"
    }
  ],
  "m\xE1rta": [
    {
      lang: "ga",
      meaning: "Mar",
      type: "month"
    }
  ],
  "marted\xEC": [
    {
      lang: "it",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  martes: [
    {
      lang: "es",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "fil",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "qu",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "mar\u021Bi": [
    {
      lang: "ro",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  martie: [
    {
      lang: "ro",
      meaning: "Mar",
      type: "month"
    }
  ],
  marts: [
    {
      lang: "da",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "lv",
      meaning: "Mar",
      type: "month"
    }
  ],
  "m\xE4rts": [
    {
      lang: "et",
      meaning: "Mar",
      type: "month"
    }
  ],
  martsa: [
    {
      lang: "mg",
      meaning: "Mar",
      type: "month"
    }
  ],
  "m\xE4rz": [
    {
      lang: "de",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "gsw",
      meaning: "Mar",
      type: "month"
    }
  ],
  marzec: [
    {
      lang: "pl",
      meaning: "Mar",
      type: "month"
    }
  ],
  marzo: [
    {
      lang: "es",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "it",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "qu",
      meaning: "Mar",
      type: "month"
    }
  ],
  marzu: [
    {
      lang: "mt",
      meaning: "Mar",
      type: "month"
    }
  ],
  mas: [
    {
      lang: "tpi",
      meaning: "Mar",
      type: "month"
    }
  ],
  mat: [
    {
      lang: "rn",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "rw",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "tn",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  mata: [
    {
      lang: "rw",
      meaning: "Apr",
      type: "month"
    }
  ],
  matlhatso: [
    {
      lang: "tn",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "ma\xFD": [
    {
      lang: "tk",
      meaning: "May",
      type: "month"
    }
  ],
  "may\u0131s": [
    {
      lang: "tr",
      meaning: "May",
      type: "month"
    }
  ],
  mayo: [
    {
      lang: "es",
      meaning: "May",
      type: "month"
    },
    {
      lang: "fil",
      meaning: "May",
      type: "month"
    },
    {
      lang: "qu",
      meaning: "May",
      type: "month"
    }
  ],
  mayrnt: [
    {
      lang: "gv",
      meaning: "Mar",
      type: "month"
    }
  ],
  mayyu: [
    {
      lang: "tzm",
      meaning: "May",
      type: "month"
    }
  ],
  "mb\xE4": [
    {
      lang: "sg",
      meaning: "Mar",
      type: "month"
    }
  ],
  "mb\xE4ng\xFC": [
    {
      lang: "sg",
      meaning: "Mar",
      type: "month"
    }
  ],
  mbe: [
    {
      lang: "rn",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "rw",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  mbi: [
    {
      lang: "nd",
      meaning: "Mar",
      type: "month"
    }
  ],
  mbimbitho: [
    {
      lang: "nd",
      meaning: "Mar",
      type: "month"
    }
  ],
  mbu: [
    {
      lang: "sn",
      meaning: "Nov",
      type: "month"
    }
  ],
  mbudzi: [
    {
      lang: "sn",
      meaning: "Nov",
      type: "month"
    }
  ],
  me: [
    {
      lang: "fr",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "ht",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "tpi",
      meaning: "May",
      type: "month"
    }
  ],
  "m\xE9": [
    {
      lang: "lb",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "m\xEB": [
    {
      lang: "lb",
      meaning: "We",
      type: "weekday"
    }
  ],
  "m\u0113": [
    {
      lang: "to",
      meaning: "May",
      type: "month"
    }
  ],
  "me\xE1n f\xF3mhair": [
    {
      lang: "ga",
      meaning: "Sep",
      type: "month"
    }
  ],
  "mean-fouyir": [
    {
      lang: "gv",
      meaning: "Sep",
      type: "month"
    }
  ],
  "mean-souree": [
    {
      lang: "gv",
      meaning: "Jun",
      type: "month"
    }
  ],
  mee: [
    {
      lang: "lb",
      meaning: "May",
      type: "month"
    },
    {
      lang: "wo",
      meaning: "May",
      type: "month"
    }
  ],
  "mee houney": [
    {
      lang: "gv",
      meaning: "Nov",
      type: "month"
    }
  ],
  "mee ny nollick": [
    {
      lang: "gv",
      meaning: "Dec",
      type: "month"
    }
  ],
  mei: [
    {
      lang: "id",
      meaning: "May",
      type: "month"
    },
    {
      lang: "mi",
      meaning: "May",
      type: "month"
    },
    {
      lang: "ms",
      meaning: "May",
      type: "month"
    },
    {
      lang: "nl",
      meaning: "May",
      type: "month"
    },
    {
      lang: "pap",
      meaning: "May",
      type: "month"
    },
    {
      lang: "sw",
      meaning: "May",
      type: "month"
    }
  ],
  "m\xE9i": [
    {
      lang: "lb",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "m\xE9indeg": [
    {
      lang: "lb",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  meith: [
    {
      lang: "ga",
      meaning: "Jun",
      type: "month"
    }
  ],
  meitheamh: [
    {
      lang: "ga",
      meaning: "Jun",
      type: "month"
    }
  ],
  mej: [
    {
      lang: "mt",
      meaning: "May",
      type: "month"
    }
  ],
  mejju: [
    {
      lang: "mt",
      meaning: "May",
      type: "month"
    }
  ],
  mer: [
    {
      lang: "fr",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "ht",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "it",
      meaning: "We",
      type: "weekday"
    }
  ],
  "m\xEBr": [
    {
      lang: "sq",
      meaning: "We",
      type: "weekday"
    }
  ],
  "mercoled\xEC": [
    {
      lang: "it",
      meaning: "We",
      type: "weekday"
    }
  ],
  mercredi: [
    {
      lang: "fr",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "ht",
      meaning: "We",
      type: "weekday"
    }
  ],
  "m\xEBt": [
    {
      lang: "lb",
      meaning: "We",
      type: "weekday"
    }
  ],
  "m\xEBttwoch": [
    {
      lang: "lb",
      meaning: "We",
      type: "weekday"
    }
  ],
  mey: [
    {
      lang: "mg",
      meaning: "May",
      type: "month"
    }
  ],
  "mf\xF3mh": [
    {
      lang: "ga",
      meaning: "Sep",
      type: "month"
    }
  ],
  mfu: [
    {
      lang: "nd",
      meaning: "Oct",
      type: "month"
    }
  ],
  mfumfu: [
    {
      lang: "nd",
      meaning: "Oct",
      type: "month"
    }
  ],
  mg: [
    {
      lang: "sn",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  mgq: [
    {
      lang: "nd",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  mgqibelo: [
    {
      lang: "nd",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  mi: [
    {
      lang: "de",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "es",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "fo",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "gsw",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "is",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "ro",
      meaning: "We",
      type: "weekday"
    }
  ],
  "mi\xF0": [
    {
      lang: "is",
      meaning: "We",
      type: "weekday"
    }
  ],
  "mi\xF0vikudagur": [
    {
      lang: "is",
      meaning: "We",
      type: "weekday"
    }
  ],
  mie: [
    {
      lang: "ro",
      meaning: "We",
      type: "weekday"
    }
  ],
  "mi\xE9": [
    {
      lang: "es",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "qu",
      meaning: "We",
      type: "weekday"
    }
  ],
  "mi\xE9rcoles": [
    {
      lang: "es",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "qu",
      meaning: "We",
      type: "weekday"
    }
  ],
  miercuri: [
    {
      lang: "ro",
      meaning: "We",
      type: "weekday"
    }
  ],
  mik: [
    {
      lang: "fo",
      meaning: "We",
      type: "weekday"
    }
  ],
  mikudagur: [
    {
      lang: "fo",
      meaning: "We",
      type: "weekday"
    }
  ],
  min: [
    {
      lang: "id",
      meaning: "Su",
      type: "weekday"
    }
  ],
  minggu: [
    {
      lang: "id",
      meaning: "Su",
      type: "weekday"
    }
  ],
  mittwoch: [
    {
      lang: "de",
      meaning: "We",
      type: "weekday"
    }
  ],
  mittwuch: [
    {
      lang: "gsw",
      meaning: "We",
      type: "weekday"
    }
  ],
  miy: [
    {
      lang: "fil",
      meaning: "We",
      type: "weekday"
    }
  ],
  miyerkules: [
    {
      lang: "fil",
      meaning: "We",
      type: "weekday"
    }
  ],
  mma: [
    {
      lang: "st",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  mme: [
    {
      lang: "st",
      meaning: "Apr",
      type: "month"
    }
  ],
  mmesa: [
    {
      lang: "st",
      meaning: "Apr",
      type: "month"
    }
  ],
  "m\u014Dn": [
    {
      lang: "to",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "m\u014Dnite": [
    {
      lang: "to",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  montag: [
    {
      lang: "de",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  mop: [
    {
      lang: "tn",
      meaning: "Mar",
      type: "month"
    }
  ],
  mopitlo: [
    {
      lang: "tn",
      meaning: "Mar",
      type: "month"
    }
  ],
  moq: [
    {
      lang: "st",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  moqebelo: [
    {
      lang: "st",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  mor: [
    {
      lang: "tn",
      meaning: "Apr",
      type: "month"
    }
  ],
  moranang: [
    {
      lang: "tn",
      meaning: "Apr",
      type: "month"
    }
  ],
  mos: [
    {
      lang: "tn",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  mosupologo: [
    {
      lang: "tn",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  mot: [
    {
      lang: "st",
      meaning: "May",
      type: "month"
    },
    {
      lang: "tn",
      meaning: "May",
      type: "month"
    }
  ],
  motsheanong: [
    {
      lang: "st",
      meaning: "May",
      type: "month"
    }
  ],
  motsheganang: [
    {
      lang: "tn",
      meaning: "May",
      type: "month"
    }
  ],
  mpal: [
    {
      lang: "nd",
      meaning: "Dec",
      type: "month"
    }
  ],
  mpalakazi: [
    {
      lang: "nd",
      meaning: "Dec",
      type: "month"
    }
  ],
  mpan: [
    {
      lang: "nd",
      meaning: "Sep",
      type: "month"
    }
  ],
  mpandula: [
    {
      lang: "nd",
      meaning: "Sep",
      type: "month"
    }
  ],
  mph: [
    {
      lang: "st",
      meaning: "Oct",
      type: "month"
    }
  ],
  mphalane: [
    {
      lang: "st",
      meaning: "Oct",
      type: "month"
    }
  ],
  mrt: [
    {
      lang: "nl",
      meaning: "Mar",
      type: "month"
    }
  ],
  mu: [
    {
      lang: "sn",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  mug: [
    {
      lang: "sn",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  mugovera: [
    {
      lang: "sn",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  mukakaro: [
    {
      lang: "rn",
      meaning: "Jul",
      type: "month"
    }
  ],
  munyonyo: [
    {
      lang: "rn",
      meaning: "Nov",
      type: "month"
    }
  ],
  mut: [
    {
      lang: "rn",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "rw",
      meaning: "Jan",
      type: "month"
    }
  ],
  mutarama: [
    {
      lang: "rw",
      meaning: "Jan",
      type: "month"
    }
  ],
  muv: [
    {
      lang: "sn",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  muvhuro: [
    {
      lang: "sn",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  mvu: [
    {
      lang: "nd",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "sg",
      meaning: "Sep",
      type: "month"
    }
  ],
  mvuka: [
    {
      lang: "sg",
      meaning: "Sep",
      type: "month"
    }
  ],
  mvulo: [
    {
      lang: "nd",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  n: [
    {
      lang: "et",
      meaning: "Th",
      type: "weekday"
    }
  ],
  nab: [
    {
      lang: "sg",
      meaning: "Nov",
      type: "month"
    }
  ],
  "nab\xE4nd\xFCru": [
    {
      lang: "sg",
      meaning: "Nov",
      type: "month"
    }
  ],
  ncw: [
    {
      lang: "nd",
      meaning: "Aug",
      type: "month"
    }
  ],
  ncwabakazi: [
    {
      lang: "nd",
      meaning: "Aug",
      type: "month"
    }
  ],
  ndamukiza: [
    {
      lang: "rn",
      meaning: "Apr",
      type: "month"
    }
  ],
  ndi: [
    {
      lang: "sn",
      meaning: "Jan",
      type: "month"
    }
  ],
  ndira: [
    {
      lang: "sn",
      meaning: "Jan",
      type: "month"
    }
  ],
  ne: [
    {
      lang: "cs",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "sk",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "st",
      meaning: "Th",
      type: "weekday"
    }
  ],
  ned: [
    {
      lang: "bs",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "hr",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "sl",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "nede\u013Ea": [
    {
      lang: "sk",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "ned\u011Ble": [
    {
      lang: "cs",
      meaning: "Su",
      type: "weekday"
    }
  ],
  nedelja: [
    {
      lang: "sl",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Su",
      type: "weekday"
    }
  ],
  nedjelja: [
    {
      lang: "bs",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "hr",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "neljap\xE4ev": [
    {
      lang: "et",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "n\xEBn": [
    {
      lang: "sq",
      meaning: "Nov",
      type: "month"
    }
  ],
  "n\xEBntor": [
    {
      lang: "sq",
      meaning: "Nov",
      type: "month"
    }
  ],
  ngb: [
    {
      lang: "sg",
      meaning: "Oct",
      type: "month"
    }
  ],
  ngberere: [
    {
      lang: "sg",
      meaning: "Oct",
      type: "month"
    }
  ],
  ngu: [
    {
      lang: "sg",
      meaning: "Apr",
      type: "month"
    }
  ],
  "ngub\xF9e": [
    {
      lang: "sg",
      meaning: "Apr",
      type: "month"
    }
  ],
  ngw: [
    {
      lang: "tn",
      meaning: "Nov",
      type: "month"
    }
  ],
  ngwanatsele: [
    {
      lang: "tn",
      meaning: "Nov",
      type: "month"
    }
  ],
  nhla: [
    {
      lang: "nd",
      meaning: "Jun",
      type: "month"
    }
  ],
  nhlangula: [
    {
      lang: "nd",
      meaning: "Jun",
      type: "month"
    }
  ],
  nhlo: [
    {
      lang: "nd",
      meaning: "Feb",
      type: "month"
    }
  ],
  nhlolanja: [
    {
      lang: "nd",
      meaning: "Feb",
      type: "month"
    }
  ],
  nie: [
    {
      lang: "pl",
      meaning: "Su",
      type: "weekday"
    }
  ],
  niedz: [
    {
      lang: "pl",
      meaning: "Su",
      type: "weekday"
    }
  ],
  niedziela: [
    {
      lang: "pl",
      meaning: "Su",
      type: "weekday"
    }
  ],
  nis: [
    {
      lang: "tr",
      meaning: "Apr",
      type: "month"
    }
  ],
  nisan: [
    {
      lang: "tr",
      meaning: "Apr",
      type: "month"
    }
  ],
  nkw: [
    {
      lang: "nd",
      meaning: "May",
      type: "month"
    }
  ],
  nkwenkwezi: [
    {
      lang: "nd",
      meaning: "May",
      type: "month"
    }
  ],
  nob: [
    {
      lang: "fil",
      meaning: "Nov",
      type: "month"
    }
  ],
  nobyembre: [
    {
      lang: "fil",
      meaning: "Nov",
      type: "month"
    }
  ],
  noe: [
    {
      lang: "mi",
      meaning: "Nov",
      type: "month"
    }
  ],
  noema: [
    {
      lang: "mi",
      meaning: "Nov",
      type: "month"
    }
  ],
  nof: [
    {
      lang: "so",
      meaning: "Nov",
      type: "month"
    }
  ],
  noiembrie: [
    {
      lang: "ro",
      meaning: "Nov",
      type: "month"
    }
  ],
  noll: [
    {
      lang: "ga",
      meaning: "Dec",
      type: "month"
    }
  ],
  nollaig: [
    {
      lang: "ga",
      meaning: "Dec",
      type: "month"
    }
  ],
  noofeembar: [
    {
      lang: "so",
      meaning: "Nov",
      type: "month"
    }
  ],
  "n\xF3v": [
    {
      lang: "is",
      meaning: "Nov",
      type: "month"
    }
  ],
  "n\u014Dv": [
    {
      lang: "to",
      meaning: "Nov",
      type: "month"
    }
  ],
  "nov\xE4mber": [
    {
      lang: "gsw",
      meaning: "Nov",
      type: "month"
    }
  ],
  novambra: [
    {
      lang: "mg",
      meaning: "Nov",
      type: "month"
    }
  ],
  "n\u014Dvema": [
    {
      lang: "to",
      meaning: "Nov",
      type: "month"
    }
  ],
  novemba: [
    {
      lang: "sw",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "tpi",
      meaning: "Nov",
      type: "month"
    }
  ],
  novembar: [
    {
      lang: "bs",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Nov",
      type: "month"
    }
  ],
  novembari: [
    {
      lang: "kl",
      meaning: "Nov",
      type: "month"
    }
  ],
  novembarip: [
    {
      lang: "kl",
      meaning: "Nov",
      type: "month"
    }
  ],
  "nov\xE8mber": [
    {
      lang: "pap",
      meaning: "Nov",
      type: "month"
    }
  ],
  "n\xF3vember": [
    {
      lang: "is",
      meaning: "Nov",
      type: "month"
    }
  ],
  novembra: [
    {
      lang: "sk",
      meaning: "Nov",
      type: "month"
    }
  ],
  novembre: [
    {
      lang: "ca",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "fr",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "ht",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "it",
      meaning: "Nov",
      type: "month"
    }
  ],
  novembris: [
    {
      lang: "lv",
      meaning: "Nov",
      type: "month"
    }
  ],
  novembro: [
    {
      lang: "pt",
      meaning: "Nov",
      type: "month"
    }
  ],
  novembru: [
    {
      lang: "mt",
      meaning: "Nov",
      type: "month"
    }
  ],
  noviembre: [
    {
      lang: "es",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "qu",
      meaning: "Nov",
      type: "month"
    }
  ],
  now: [
    {
      lang: "wo",
      meaning: "Nov",
      type: "month"
    }
  ],
  "now\xE0mbar": [
    {
      lang: "wo",
      meaning: "Nov",
      type: "month"
    }
  ],
  noy: [
    {
      lang: "az",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Nov",
      type: "month"
    }
  ],
  "no\xFD": [
    {
      lang: "tk",
      meaning: "Nov",
      type: "month"
    }
  ],
  noyabr: [
    {
      lang: "az",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Nov",
      type: "month"
    }
  ],
  "no\xFDabr": [
    {
      lang: "tk",
      meaning: "Nov",
      type: "month"
    }
  ],
  ntu: [
    {
      lang: "nd",
      meaning: "Jul",
      type: "month"
    }
  ],
  ntulikazi: [
    {
      lang: "nd",
      meaning: "Jul",
      type: "month"
    }
  ],
  ntwarante: [
    {
      lang: "rn",
      meaning: "Mar",
      type: "month"
    }
  ],
  nwa: [
    {
      lang: "tzm",
      meaning: "Nov",
      type: "month"
    }
  ],
  nwanbir: [
    {
      lang: "tzm",
      meaning: "Nov",
      type: "month"
    }
  ],
  nya: [
    {
      lang: "rn",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "rw",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "sn",
      meaning: "Aug",
      type: "month"
    }
  ],
  nyakanga: [
    {
      lang: "rn",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "rw",
      meaning: "Jul",
      type: "month"
    }
  ],
  nyamavhuvhu: [
    {
      lang: "sn",
      meaning: "Aug",
      type: "month"
    }
  ],
  nyandagaro: [
    {
      lang: "rn",
      meaning: "Aug",
      type: "month"
    }
  ],
  nye: [
    {
      lang: "sg",
      meaning: "Jan",
      type: "month"
    }
  ],
  nyenye: [
    {
      lang: "sg",
      meaning: "Jan",
      type: "month"
    }
  ],
  nze: [
    {
      lang: "rn",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "rw",
      meaning: "Sep",
      type: "month"
    }
  ],
  nzeri: [
    {
      lang: "rw",
      meaning: "Sep",
      type: "month"
    }
  ],
  nzero: [
    {
      lang: "rn",
      meaning: "Jan",
      type: "month"
    }
  ],
  oca: [
    {
      lang: "tr",
      meaning: "Jan",
      type: "month"
    }
  ],
  ocak: [
    {
      lang: "tr",
      meaning: "Jan",
      type: "month"
    }
  ],
  octobre: [
    {
      lang: "fr",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "ht",
      meaning: "Oct",
      type: "month"
    }
  ],
  octombrie: [
    {
      lang: "ro",
      meaning: "Oct",
      type: "month"
    }
  ],
  octubre: [
    {
      lang: "ca",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "es",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "qu",
      meaning: "Oct",
      type: "month"
    }
  ],
  ogas: [
    {
      lang: "tpi",
      meaning: "Aug",
      type: "month"
    }
  ],
  ogo: [
    {
      lang: "ms",
      meaning: "Aug",
      type: "month"
    }
  ],
  ogos: [
    {
      lang: "ms",
      meaning: "Aug",
      type: "month"
    }
  ],
  ogosto: [
    {
      lang: "so",
      meaning: "Aug",
      type: "month"
    }
  ],
  ogs: [
    {
      lang: "so",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u1ECDj\u1ECD\u0301 \xE0b\xE1m\u1EB9\u0301ta": [
    {
      lang: "yo",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u1ECDj\u1ECD\u0301 \xE0\xECk\xFA": [
    {
      lang: "yo",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u1ECDj\u1ECD\u0301 aj\xE9": [
    {
      lang: "yo",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u1ECDj\u1ECD\u0301 \u1EB9t\xEC": [
    {
      lang: "yo",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u1ECDj\u1ECD\u0301 \xECs\u1EB9\u0301gun": [
    {
      lang: "yo",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u1ECDj\u1ECD\u0301b\u1ECD": [
    {
      lang: "yo",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u1ECDj\u1ECD\u0301r\xFA": [
    {
      lang: "yo",
      meaning: "We",
      type: "weekday"
    }
  ],
  oke: [
    {
      lang: "mi",
      meaning: "Oct",
      type: "month"
    }
  ],
  oketopa: [
    {
      lang: "mi",
      meaning: "Oct",
      type: "month"
    }
  ],
  okt: [
    {
      lang: "az",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "bs",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "da",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "de",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "et",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "fil",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "fo",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "gsw",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "hu",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "id",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "is",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "kl",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "lb",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "lv",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "mg",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "ms",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "nb",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "nl",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "nn",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "no",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "sk",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "sl",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "so",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "sv",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "sw",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "tk",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "wo",
      meaning: "Oct",
      type: "month"
    }
  ],
  oktabr: [
    {
      lang: "uz",
      meaning: "Oct",
      type: "month"
    }
  ],
  oktoba: [
    {
      lang: "sw",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "tpi",
      meaning: "Oct",
      type: "month"
    }
  ],
  oktobar: [
    {
      lang: "bs",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Oct",
      type: "month"
    }
  ],
  oktobari: [
    {
      lang: "kl",
      meaning: "Oct",
      type: "month"
    }
  ],
  oktobarip: [
    {
      lang: "kl",
      meaning: "Oct",
      type: "month"
    }
  ],
  oktober: [
    {
      lang: "da",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "de",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "fo",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "id",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "lb",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "ms",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "nb",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "nl",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "nn",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "no",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "sl",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "sv",
      meaning: "Oct",
      type: "month"
    }
  ],
  "okt\xF3ber": [
    {
      lang: "hu",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "is",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "sk",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\xF2ktober": [
    {
      lang: "pap",
      meaning: "Oct",
      type: "month"
    }
  ],
  oktobra: [
    {
      lang: "mg",
      meaning: "Oct",
      type: "month"
    }
  ],
  "okt\xF3bra": [
    {
      lang: "sk",
      meaning: "Oct",
      type: "month"
    }
  ],
  oktobris: [
    {
      lang: "lv",
      meaning: "Oct",
      type: "month"
    }
  ],
  oktoobar: [
    {
      lang: "so",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "wo",
      meaning: "Oct",
      type: "month"
    }
  ],
  oktoober: [
    {
      lang: "et",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "gsw",
      meaning: "Oct",
      type: "month"
    }
  ],
  oktubre: [
    {
      lang: "fil",
      meaning: "Oct",
      type: "month"
    }
  ],
  oktyabr: [
    {
      lang: "az",
      meaning: "Oct",
      type: "month"
    }
  ],
  "okt\xFDabr": [
    {
      lang: "tk",
      meaning: "Oct",
      type: "month"
    }
  ],
  on: [
    {
      lang: "da",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "nb",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "nn",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "no",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "sv",
      meaning: "We",
      type: "weekday"
    }
  ],
  ons: [
    {
      lang: "da",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "nb",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "nn",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "no",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "sv",
      meaning: "We",
      type: "weekday"
    }
  ],
  onsdag: [
    {
      lang: "da",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "nb",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "nn",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "no",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "sv",
      meaning: "We",
      type: "weekday"
    }
  ],
  "osh\xF9 ag\u025Bm\u0254": [
    {
      lang: "yo",
      meaning: "Jul",
      type: "month"
    }
  ],
  "osh\xF9 b\xE9l\xFA": [
    {
      lang: "yo",
      meaning: "Nov",
      type: "month"
    }
  ],
  "osh\xF9 \xE8r\xE8l\xE8": [
    {
      lang: "yo",
      meaning: "Feb",
      type: "month"
    }
  ],
  "osh\xF9 \u025B\u0300bibi": [
    {
      lang: "yo",
      meaning: "May",
      type: "month"
    }
  ],
  "osh\xF9 \u025Br\u025B\u0300n\xE0": [
    {
      lang: "yo",
      meaning: "Mar",
      type: "month"
    }
  ],
  "osh\xF9 \xECgb\xE9": [
    {
      lang: "yo",
      meaning: "Apr",
      type: "month"
    }
  ],
  "osh\xF9 \xF2g\xFAn": [
    {
      lang: "yo",
      meaning: "Aug",
      type: "month"
    }
  ],
  "osh\xF9 \xF2k\xFAdu": [
    {
      lang: "yo",
      meaning: "Jun",
      type: "month"
    }
  ],
  "osh\xF9 owewe": [
    {
      lang: "yo",
      meaning: "Sep",
      type: "month"
    }
  ],
  "osh\xF9 \u0254\u0300p\u025B\u0300": [
    {
      lang: "yo",
      meaning: "Dec",
      type: "month"
    }
  ],
  "osh\xF9 \u0254\u0300w\xE0r\xE0": [
    {
      lang: "yo",
      meaning: "Oct",
      type: "month"
    }
  ],
  "osh\xF9 sh\u025B\u0301r\u025B\u0301": [
    {
      lang: "yo",
      meaning: "Jan",
      type: "month"
    }
  ],
  "o\u1E63\xF9 ag\u1EB9m\u1ECD": [
    {
      lang: "yo",
      meaning: "Jul",
      type: "month"
    }
  ],
  "o\u1E63\xF9 b\xE9l\xFA": [
    {
      lang: "yo",
      meaning: "Nov",
      type: "month"
    }
  ],
  "o\u1E63\xF9 \u1EB9\u0300bibi": [
    {
      lang: "yo",
      meaning: "May",
      type: "month"
    }
  ],
  "o\u1E63\xF9 \xE8r\xE8l\xE8": [
    {
      lang: "yo",
      meaning: "Feb",
      type: "month"
    }
  ],
  "o\u1E63\xF9 \u1EB9r\u1EB9\u0300n\xE0": [
    {
      lang: "yo",
      meaning: "Mar",
      type: "month"
    }
  ],
  "o\u1E63\xF9 \xECgb\xE9": [
    {
      lang: "yo",
      meaning: "Apr",
      type: "month"
    }
  ],
  "o\u1E63\xF9 \xF2g\xFAn": [
    {
      lang: "yo",
      meaning: "Aug",
      type: "month"
    }
  ],
  "o\u1E63\xF9 \xF2k\xFAdu": [
    {
      lang: "yo",
      meaning: "Jun",
      type: "month"
    }
  ],
  "o\u1E63\xF9 \u1ECD\u0300p\u1EB9\u0300": [
    {
      lang: "yo",
      meaning: "Dec",
      type: "month"
    }
  ],
  "o\u1E63\xF9 \u1ECD\u0300w\xE0r\xE0": [
    {
      lang: "yo",
      meaning: "Oct",
      type: "month"
    }
  ],
  "o\u1E63\xF9 owewe": [
    {
      lang: "yo",
      meaning: "Sep",
      type: "month"
    }
  ],
  "o\u1E63\xF9 \u1E63\u1EB9\u0301r\u1EB9\u0301": [
    {
      lang: "yo",
      meaning: "Jan",
      type: "month"
    }
  ],
  ot: [
    {
      lang: "lv",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  otrd: [
    {
      lang: "lv",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  otrdiena: [
    {
      lang: "lv",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  ott: [
    {
      lang: "it",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "mt",
      meaning: "Oct",
      type: "month"
    }
  ],
  ottobre: [
    {
      lang: "it",
      meaning: "Oct",
      type: "month"
    }
  ],
  ottubru: [
    {
      lang: "mt",
      meaning: "Oct",
      type: "month"
    }
  ],
  "oug\xF9st\xF9s": [
    {
      lang: "pap",
      meaning: "Aug",
      type: "month"
    }
  ],
  out: [
    {
      lang: "pt",
      meaning: "Oct",
      type: "month"
    }
  ],
  outubro: [
    {
      lang: "pt",
      meaning: "Oct",
      type: "month"
    }
  ],
  "o\u017Eu": [
    {
      lang: "hr",
      meaning: "Mar",
      type: "month"
    }
  ],
  "o\u017Eujak": [
    {
      lang: "hr",
      meaning: "Mar",
      type: "month"
    }
  ],
  "o\u017Eujka": [
    {
      lang: "hr",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u0254j\u0254\u0301 \xE0b\xE1m\u025B\u0301ta": [
    {
      lang: "yo",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0254j\u0254\u0301 \xE0\xECk\xFA": [
    {
      lang: "yo",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0254j\u0254\u0301 aj\xE9": [
    {
      lang: "yo",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0254j\u0254\u0301 \u025Bt\xEC": [
    {
      lang: "yo",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0254j\u0254\u0301 \xECs\u025B\u0301gun": [
    {
      lang: "yo",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0254j\u0254\u0301b\u0254": [
    {
      lang: "yo",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0254j\u0254\u0301r\xFA": [
    {
      lang: "yo",
      meaning: "We",
      type: "weekday"
    }
  ],
  p: [
    {
      lang: "et",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "hu",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  pa: [
    {
      lang: "tr",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "uz",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "p\xE1": [
    {
      lang: "cs",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  par: [
    {
      lang: "mi",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  paraire: [
    {
      lang: "mi",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "p\xE1tek": [
    {
      lang: "cs",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  pay: [
    {
      lang: "uz",
      meaning: "Th",
      type: "weekday"
    }
  ],
  payshanba: [
    {
      lang: "uz",
      meaning: "Th",
      type: "weekday"
    }
  ],
  paz: [
    {
      lang: "tr",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "pa\u017A": [
    {
      lang: "pl",
      meaning: "Oct",
      type: "month"
    }
  ],
  pazar: [
    {
      lang: "tr",
      meaning: "Su",
      type: "weekday"
    }
  ],
  pazartesi: [
    {
      lang: "tr",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "pa\u017Adziernik": [
    {
      lang: "pl",
      meaning: "Oct",
      type: "month"
    }
  ],
  "pa\u017Adziernika": [
    {
      lang: "pl",
      meaning: "Oct",
      type: "month"
    }
  ],
  pb: [
    {
      lang: "tk",
      meaning: "Th",
      type: "weekday"
    }
  ],
  pe: [
    {
      lang: "fi",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "tr",
      meaning: "Th",
      type: "weekday"
    }
  ],
  peb: [
    {
      lang: "fil",
      meaning: "Feb",
      type: "month"
    }
  ],
  pebrero: [
    {
      lang: "fil",
      meaning: "Feb",
      type: "month"
    }
  ],
  pen: [
    {
      lang: "tk",
      meaning: "Th",
      type: "weekday"
    }
  ],
  penktadienis: [
    {
      lang: "lt",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "pen\u015Fenbe": [
    {
      lang: "tk",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "p\xE9ntek": [
    {
      lang: "hu",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "p\u0113p": [
    {
      lang: "mi",
      meaning: "Feb",
      type: "month"
    }
  ],
  "p\u0113puere": [
    {
      lang: "mi",
      meaning: "Feb",
      type: "month"
    }
  ],
  per: [
    {
      lang: "tr",
      meaning: "Th",
      type: "weekday"
    }
  ],
  perjantai: [
    {
      lang: "fi",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  perjantaina: [
    {
      lang: "fi",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "per\u015Fembe": [
    {
      lang: "tr",
      meaning: "Th",
      type: "weekday"
    }
  ],
  pet: [
    {
      lang: "bs",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "hr",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "sl",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  petak: [
    {
      lang: "bs",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "hr",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  petek: [
    {
      lang: "sl",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  pha: [
    {
      lang: "st",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "tn",
      meaning: "Aug",
      type: "month"
    }
  ],
  phato: [
    {
      lang: "st",
      meaning: "Aug",
      type: "month"
    }
  ],
  phatwe: [
    {
      lang: "tn",
      meaning: "Aug",
      type: "month"
    }
  ],
  phe: [
    {
      lang: "st",
      meaning: "Jan",
      type: "month"
    }
  ],
  pherekgong: [
    {
      lang: "st",
      meaning: "Jan",
      type: "month"
    }
  ],
  phu: [
    {
      lang: "tn",
      meaning: "Jul",
      type: "month"
    }
  ],
  phukwi: [
    {
      lang: "tn",
      meaning: "Jul",
      type: "month"
    }
  ],
  phupjane: [
    {
      lang: "st",
      meaning: "Jun",
      type: "month"
    }
  ],
  phupu: [
    {
      lang: "st",
      meaning: "Jul",
      type: "month"
    }
  ],
  pi: [
    {
      lang: "sk",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "pi\u0105": [
    {
      lang: "pl",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "pi\u0105tek": [
    {
      lang: "pl",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  piatok: [
    {
      lang: "sk",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  piektd: [
    {
      lang: "lv",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  piektdiena: [
    {
      lang: "lv",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  pin: [
    {
      lang: "kl",
      meaning: "We",
      type: "weekday"
    }
  ],
  pingasunngorneq: [
    {
      lang: "kl",
      meaning: "We",
      type: "weekday"
    }
  ],
  pirmadienis: [
    {
      lang: "lt",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  pirmd: [
    {
      lang: "lv",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  pirmdiena: [
    {
      lang: "lv",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  pk: [
    {
      lang: "lv",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  pn: [
    {
      lang: "lt",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "pl",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  po: [
    {
      lang: "cs",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "sk",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  pon: [
    {
      lang: "bs",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "hr",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "pl",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "sl",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "pond\u011Bl\xED": [
    {
      lang: "cs",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  pondelok: [
    {
      lang: "sk",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  ponedeljak: [
    {
      lang: "sr",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  ponedeljek: [
    {
      lang: "sl",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  ponedjeljak: [
    {
      lang: "bs",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "hr",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "poniedzia\u0142ek": [
    {
      lang: "pl",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  pr: [
    {
      lang: "lt",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "lv",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  pre: [
    {
      lang: "sq",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  pri: [
    {
      lang: "sq",
      meaning: "Apr",
      type: "month"
    }
  ],
  prill: [
    {
      lang: "sq",
      meaning: "Apr",
      type: "month"
    }
  ],
  pro: [
    {
      lang: "cs",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "hr",
      meaning: "Dec",
      type: "month"
    }
  ],
  prosinac: [
    {
      lang: "hr",
      meaning: "Dec",
      type: "month"
    }
  ],
  prosinca: [
    {
      lang: "hr",
      meaning: "Dec",
      type: "month"
    }
  ],
  prosince: [
    {
      lang: "cs",
      meaning: "Dec",
      type: "month"
    }
  ],
  prosinec: [
    {
      lang: "cs",
      meaning: "Dec",
      type: "month"
    }
  ],
  pt: [
    {
      lang: "pl",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "tr",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  pudungwana: [
    {
      lang: "st",
      meaning: "Nov",
      type: "month"
    }
  ],
  "p\xFChap\xE4ev": [
    {
      lang: "et",
      meaning: "Su",
      type: "weekday"
    }
  ],
  pul: [
    {
      lang: "to",
      meaning: "We",
      type: "weekday"
    }
  ],
  pulelulu: [
    {
      lang: "to",
      meaning: "We",
      type: "weekday"
    }
  ],
  pun: [
    {
      lang: "st",
      meaning: "Nov",
      type: "month"
    }
  ],
  pzt: [
    {
      lang: "tr",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  qer: [
    {
      lang: "sq",
      meaning: "Jun",
      type: "month"
    }
  ],
  qershor: [
    {
      lang: "sq",
      meaning: "Jun",
      type: "month"
    }
  ],
  qua: [
    {
      lang: "pt",
      meaning: "We",
      type: "weekday"
    }
  ],
  quarta: [
    {
      lang: "pt",
      meaning: "We",
      type: "weekday"
    }
  ],
  "quarta-feira": [
    {
      lang: "pt",
      meaning: "We",
      type: "weekday"
    }
  ],
  qui: [
    {
      lang: "pt",
      meaning: "Th",
      type: "weekday"
    }
  ],
  quinta: [
    {
      lang: "pt",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "quinta-feira": [
    {
      lang: "pt",
      meaning: "Th",
      type: "weekday"
    }
  ],
  r: [
    {
      lang: "et",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  ra: [
    {
      lang: "hi",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "ms",
      meaning: "We",
      type: "weekday"
    }
  ],
  rab: [
    {
      lang: "id",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "ms",
      meaning: "We",
      type: "weekday"
    }
  ],
  rabu: [
    {
      lang: "id",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "ms",
      meaning: "We",
      type: "weekday"
    }
  ],
  "r\u0101h": [
    {
      lang: "mi",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "r\u0101horoi": [
    {
      lang: "mi",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  rar: [
    {
      lang: "st",
      meaning: "We",
      type: "weekday"
    }
  ],
  "r\u0101t": [
    {
      lang: "mi",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "r\u0101tapu": [
    {
      lang: "mi",
      meaning: "Su",
      type: "weekday"
    }
  ],
  ravi: [
    {
      lang: "hi",
      meaning: "Su",
      type: "weekday"
    }
  ],
  raviwaar: [
    {
      lang: "hi",
      meaning: "Su",
      type: "weekday"
    }
  ],
  reede: [
    {
      lang: "et",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0159\xEDj": [
    {
      lang: "cs",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0159\xEDjen": [
    {
      lang: "cs",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0159\xEDjna": [
    {
      lang: "cs",
      meaning: "Oct",
      type: "month"
    }
  ],
  rugp: [
    {
      lang: "lt",
      meaning: "Aug",
      type: "month"
    }
  ],
  "rugpj\u016B\u010Dio": [
    {
      lang: "lt",
      meaning: "Aug",
      type: "month"
    }
  ],
  "rugpj\u016Btis": [
    {
      lang: "lt",
      meaning: "Aug",
      type: "month"
    }
  ],
  rugs: [
    {
      lang: "lt",
      meaning: "Sep",
      type: "month"
    }
  ],
  "rugs\u0117jis": [
    {
      lang: "lt",
      meaning: "Sep",
      type: "month"
    }
  ],
  "rugs\u0117jo": [
    {
      lang: "lt",
      meaning: "Sep",
      type: "month"
    }
  ],
  ruheshi: [
    {
      lang: "rn",
      meaning: "Jun",
      type: "month"
    }
  ],
  ruhuhuma: [
    {
      lang: "rn",
      meaning: "Feb",
      type: "month"
    }
  ],
  ruj: [
    {
      lang: "hr",
      meaning: "Sep",
      type: "month"
    }
  ],
  rujan: [
    {
      lang: "hr",
      meaning: "Sep",
      type: "month"
    }
  ],
  rujna: [
    {
      lang: "hr",
      meaning: "Sep",
      type: "month"
    }
  ],
  rusama: [
    {
      lang: "rn",
      meaning: "May",
      type: "month"
    }
  ],
  "\u015F": [
    {
      lang: "az",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "s\xE1": [
    {
      lang: "es",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "s\xE2": [
    {
      lang: "ro",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  sab: [
    {
      lang: "fil",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "id",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "it",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "ms",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "qu",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "s\xE1b": [
    {
      lang: "es",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "pt",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  sabado: [
    {
      lang: "fil",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "s\xE1bado": [
    {
      lang: "es",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "pt",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "qu",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  sabato: [
    {
      lang: "it",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  sabti: [
    {
      lang: "so",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  sabtu: [
    {
      lang: "id",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "ms",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  sal: [
    {
      lang: "tr",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "sal\u0131": [
    {
      lang: "tr",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  sam: [
    {
      lang: "fr",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "ht",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "lb",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "wo",
      meaning: "Jan",
      type: "month"
    }
  ],
  "s\xE2m": [
    {
      lang: "ro",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "s\xE2mb\u0103t\u0103": [
    {
      lang: "ro",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  samedi: [
    {
      lang: "fr",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "ht",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  samh: [
    {
      lang: "ga",
      meaning: "Nov",
      type: "month"
    }
  ],
  samhain: [
    {
      lang: "ga",
      meaning: "Nov",
      type: "month"
    }
  ],
  samschdeg: [
    {
      lang: "lb",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  samschtig: [
    {
      lang: "gsw",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  samstag: [
    {
      lang: "de",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  samwiyee: [
    {
      lang: "wo",
      meaning: "Jan",
      type: "month"
    }
  ],
  "s\u0101n": [
    {
      lang: "to",
      meaning: "Jan",
      type: "month"
    }
  ],
  sande: [
    {
      lang: "tpi",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "s\u0101nuali": [
    {
      lang: "to",
      meaning: "Jan",
      type: "month"
    }
  ],
  sap: [
    {
      lang: "kl",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "s\u0101p": [
    {
      lang: "to",
      meaning: "Su",
      type: "weekday"
    }
  ],
  sapaat: [
    {
      lang: "kl",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "s\u0101pate": [
    {
      lang: "to",
      meaning: "Su",
      type: "weekday"
    }
  ],
  sarere: [
    {
      lang: "tpi",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "s\xE0t": [
    {
      lang: "wo",
      meaning: "Sep",
      type: "month"
    }
  ],
  sath: [
    {
      lang: "ga",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "s\xE0ttumbar": [
    {
      lang: "wo",
      meaning: "Sep",
      type: "month"
    }
  ],
  saus: [
    {
      lang: "lt",
      meaning: "Jan",
      type: "month"
    }
  ],
  sausio: [
    {
      lang: "lt",
      meaning: "Jan",
      type: "month"
    }
  ],
  sausis: [
    {
      lang: "lt",
      meaning: "Jan",
      type: "month"
    }
  ],
  sb: [
    {
      lang: "tk",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u015Fb": [
    {
      lang: "tk",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  sbti: [
    {
      lang: "so",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  se: [
    {
      lang: "lv",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "ms",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "uz",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  seb: [
    {
      lang: "so",
      meaning: "Sep",
      type: "month"
    }
  ],
  sebteembar: [
    {
      lang: "so",
      meaning: "Sep",
      type: "month"
    }
  ],
  sebtembar: [
    {
      lang: "so",
      meaning: "Sep",
      type: "month"
    }
  ],
  sed: [
    {
      lang: "tn",
      meaning: "Dec",
      type: "month"
    }
  ],
  sedimonthole: [
    {
      lang: "tn",
      meaning: "Dec",
      type: "month"
    }
  ],
  see: [
    {
      lang: "tn",
      meaning: "Jun",
      type: "month"
    }
  ],
  seetebosigo: [
    {
      lang: "tn",
      meaning: "Jun",
      type: "month"
    }
  ],
  seg: [
    {
      lang: "pt",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  segunda: [
    {
      lang: "pt",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "segunda-feira": [
    {
      lang: "pt",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  sekmadienis: [
    {
      lang: "lt",
      meaning: "Su",
      type: "weekday"
    }
  ],
  sel: [
    {
      lang: "id",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "ms",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  selasa: [
    {
      lang: "id",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "ms",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  sen: [
    {
      lang: "az",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "id",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "tk",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u015Fen": [
    {
      lang: "tk",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u015Fenbe": [
    {
      lang: "tk",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  senin: [
    {
      lang: "id",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  sentabr: [
    {
      lang: "uz",
      meaning: "Sep",
      type: "month"
    }
  ],
  sentyabr: [
    {
      lang: "az",
      meaning: "Sep",
      type: "month"
    }
  ],
  "sent\xFDabr": [
    {
      lang: "tk",
      meaning: "Sep",
      type: "month"
    }
  ],
  "s\u0113p": [
    {
      lang: "to",
      meaning: "Sep",
      type: "month"
    }
  ],
  sepitema: [
    {
      lang: "to",
      meaning: "Sep",
      type: "month"
    }
  ],
  "s\u0113pitema": [
    {
      lang: "to",
      meaning: "Sep",
      type: "month"
    }
  ],
  "sept\xE4mber": [
    {
      lang: "gsw",
      meaning: "Sep",
      type: "month"
    }
  ],
  septambra: [
    {
      lang: "mg",
      meaning: "Sep",
      type: "month"
    }
  ],
  septemba: [
    {
      lang: "sw",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "tpi",
      meaning: "Sep",
      type: "month"
    }
  ],
  septembar: [
    {
      lang: "bs",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Sep",
      type: "month"
    }
  ],
  septembari: [
    {
      lang: "kl",
      meaning: "Sep",
      type: "month"
    }
  ],
  septembarip: [
    {
      lang: "kl",
      meaning: "Sep",
      type: "month"
    }
  ],
  "s\xE8pt\xE8mber": [
    {
      lang: "pap",
      meaning: "Sep",
      type: "month"
    }
  ],
  septembra: [
    {
      lang: "sk",
      meaning: "Sep",
      type: "month"
    }
  ],
  septembre: [
    {
      lang: "fr",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "ht",
      meaning: "Sep",
      type: "month"
    }
  ],
  septembrie: [
    {
      lang: "ro",
      meaning: "Sep",
      type: "month"
    }
  ],
  septembris: [
    {
      lang: "lv",
      meaning: "Sep",
      type: "month"
    }
  ],
  septiembre: [
    {
      lang: "es",
      meaning: "Sep",
      type: "month"
    }
  ],
  sesh: [
    {
      lang: "uz",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  seshanba: [
    {
      lang: "uz",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0161e\u0161tadienis": [
    {
      lang: "lt",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  sestd: [
    {
      lang: "lv",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  sestdiena: [
    {
      lang: "lv",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  set: [
    {
      lang: "ca",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "es",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "fil",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "it",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "mt",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "pt",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "qu",
      meaning: "Sep",
      type: "month"
    }
  ],
  setembre: [
    {
      lang: "ca",
      meaning: "Sep",
      type: "month"
    }
  ],
  setembro: [
    {
      lang: "pt",
      meaning: "Sep",
      type: "month"
    }
  ],
  setiembre: [
    {
      lang: "es",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "qu",
      meaning: "Sep",
      type: "month"
    }
  ],
  settembre: [
    {
      lang: "it",
      meaning: "Sep",
      type: "month"
    }
  ],
  settembru: [
    {
      lang: "mt",
      meaning: "Sep",
      type: "month"
    }
  ],
  setyembre: [
    {
      lang: "fil",
      meaning: "Sep",
      type: "month"
    }
  ],
  sex: [
    {
      lang: "pt",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  sexta: [
    {
      lang: "pt",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "sexta-feira": [
    {
      lang: "pt",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u015F\u0259nb\u0259": [
    {
      lang: "az",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  sh: [
    {
      lang: "uz",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  sha: [
    {
      lang: "hi",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  shan: [
    {
      lang: "uz",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  shanba: [
    {
      lang: "uz",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  shani: [
    {
      lang: "hi",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  shaniwaar: [
    {
      lang: "hi",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  shk: [
    {
      lang: "sq",
      meaning: "Feb",
      type: "month"
    }
  ],
  shkurt: [
    {
      lang: "sq",
      meaning: "Feb",
      type: "month"
    }
  ],
  sht: [
    {
      lang: "sq",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "sq",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  shtator: [
    {
      lang: "sq",
      meaning: "Sep",
      type: "month"
    }
  ],
  shu: [
    {
      lang: "hi",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  shukra: [
    {
      lang: "hi",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  shukrawaar: [
    {
      lang: "hi",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  sib: [
    {
      lang: "mt",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "nd",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  sibili: [
    {
      lang: "nd",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  sie: [
    {
      lang: "pl",
      meaning: "Aug",
      type: "month"
    }
  ],
  "sierpie\u0144": [
    {
      lang: "pl",
      meaning: "Aug",
      type: "month"
    }
  ],
  sierpnia: [
    {
      lang: "pl",
      meaning: "Aug",
      type: "month"
    }
  ],
  sih: [
    {
      lang: "nd",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  sihlanu: [
    {
      lang: "nd",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  sij: [
    {
      lang: "hr",
      meaning: "Jan",
      type: "month"
    }
  ],
  "sije\u010Danj": [
    {
      lang: "hr",
      meaning: "Jan",
      type: "month"
    }
  ],
  "sije\u010Dnja": [
    {
      lang: "hr",
      meaning: "Jan",
      type: "month"
    }
  ],
  sin: [
    {
      lang: "nd",
      meaning: "Th",
      type: "weekday"
    }
  ],
  sine: [
    {
      lang: "nd",
      meaning: "Th",
      type: "weekday"
    }
  ],
  sis: [
    {
      lang: "kl",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "si\u015F": [
    {
      lang: "tk",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  sisamanngorneq: [
    {
      lang: "kl",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "si\u015Fenbe": [
    {
      lang: "tk",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  sit: [
    {
      lang: "nd",
      meaning: "We",
      type: "weekday"
    }
  ],
  sithathu: [
    {
      lang: "nd",
      meaning: "We",
      type: "weekday"
    }
  ],
  siu: [
    {
      lang: "to",
      meaning: "Jul",
      type: "month"
    }
  ],
  siulai: [
    {
      lang: "to",
      meaning: "Jul",
      type: "month"
    }
  ],
  sk: [
    {
      lang: "lt",
      meaning: "Su",
      type: "weekday"
    }
  ],
  so: [
    {
      lang: "cs",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "de",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "hi",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "lb",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "sk",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "s\xF6": [
    {
      lang: "sv",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "s\xF8": [
    {
      lang: "da",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "nb",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "nn",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "no",
      meaning: "Su",
      type: "weekday"
    }
  ],
  sob: [
    {
      lang: "pl",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "sl",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  sobota: [
    {
      lang: "cs",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "pl",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "sk",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "sl",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  som: [
    {
      lang: "hi",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  somwaar: [
    {
      lang: "hi",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  son: [
    {
      lang: "lb",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "nd",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "st",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "s\xF6n": [
    {
      lang: "sv",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "s\xF8n": [
    {
      lang: "da",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "nb",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "nn",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "no",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "s\xF6ndag": [
    {
      lang: "sv",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "s\xF8ndag": [
    {
      lang: "da",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "nb",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "nn",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "no",
      meaning: "Su",
      type: "weekday"
    }
  ],
  sonndeg: [
    {
      lang: "lb",
      meaning: "Su",
      type: "weekday"
    }
  ],
  sonntag: [
    {
      lang: "de",
      meaning: "Su",
      type: "weekday"
    }
  ],
  sontaha: [
    {
      lang: "st",
      meaning: "Su",
      type: "weekday"
    }
  ],
  sonto: [
    {
      lang: "nd",
      meaning: "Su",
      type: "weekday"
    }
  ],
  spal: [
    {
      lang: "lt",
      meaning: "Oct",
      type: "month"
    }
  ],
  spalio: [
    {
      lang: "lt",
      meaning: "Oct",
      type: "month"
    }
  ],
  spalis: [
    {
      lang: "lt",
      meaning: "Oct",
      type: "month"
    }
  ],
  sr: [
    {
      lang: "sr",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u015Br": [
    {
      lang: "pl",
      meaning: "We",
      type: "weekday"
    }
  ],
  sre: [
    {
      lang: "sl",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "We",
      type: "weekday"
    }
  ],
  sreda: [
    {
      lang: "sl",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "We",
      type: "weekday"
    }
  ],
  sri: [
    {
      lang: "bs",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "hr",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "We",
      type: "weekday"
    }
  ],
  srijeda: [
    {
      lang: "bs",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "hr",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u015Bro": [
    {
      lang: "pl",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u015Broda": [
    {
      lang: "pl",
      meaning: "We",
      type: "weekday"
    }
  ],
  srp: [
    {
      lang: "cs",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "hr",
      meaning: "Jul",
      type: "month"
    }
  ],
  srpanj: [
    {
      lang: "hr",
      meaning: "Jul",
      type: "month"
    }
  ],
  srpen: [
    {
      lang: "cs",
      meaning: "Aug",
      type: "month"
    }
  ],
  srpna: [
    {
      lang: "cs",
      meaning: "Aug",
      type: "month"
    }
  ],
  srpnja: [
    {
      lang: "hr",
      meaning: "Jul",
      type: "month"
    }
  ],
  st: [
    {
      lang: "cs",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "sk",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0161t": [
    {
      lang: "lt",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "sk",
      meaning: "Th",
      type: "weekday"
    }
  ],
  streda: [
    {
      lang: "sk",
      meaning: "We",
      type: "weekday"
    }
  ],
  "st\u0159eda": [
    {
      lang: "cs",
      meaning: "We",
      type: "weekday"
    }
  ],
  stu: [
    {
      lang: "hr",
      meaning: "Nov",
      type: "month"
    }
  ],
  studeni: [
    {
      lang: "hr",
      meaning: "Nov",
      type: "month"
    }
  ],
  studenoga: [
    {
      lang: "hr",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u0161tvrtok": [
    {
      lang: "sk",
      meaning: "Th",
      type: "weekday"
    }
  ],
  sty: [
    {
      lang: "pl",
      meaning: "Jan",
      type: "month"
    }
  ],
  "stycze\u0144": [
    {
      lang: "pl",
      meaning: "Jan",
      type: "month"
    }
  ],
  stycznia: [
    {
      lang: "pl",
      meaning: "Jan",
      type: "month"
    }
  ],
  sub: [
    {
      lang: "bs",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "hr",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u015Fub": [
    {
      lang: "tr",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u015Fubat": [
    {
      lang: "tr",
      meaning: "Feb",
      type: "month"
    }
  ],
  subota: [
    {
      lang: "bs",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "hr",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  sul: [
    {
      lang: "wo",
      meaning: "Jul",
      type: "month"
    }
  ],
  sulet: [
    {
      lang: "wo",
      meaning: "Jul",
      type: "month"
    }
  ],
  sun: [
    {
      lang: "to",
      meaning: "Jun",
      type: "month"
    }
  ],
  sune: [
    {
      lang: "to",
      meaning: "Jun",
      type: "month"
    }
  ],
  sunntig: [
    {
      lang: "gsw",
      meaning: "Su",
      type: "weekday"
    }
  ],
  sunnudagur: [
    {
      lang: "fo",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "is",
      meaning: "Su",
      type: "weekday"
    }
  ],
  sunnuntai: [
    {
      lang: "fi",
      meaning: "Su",
      type: "weekday"
    }
  ],
  sunnuntaina: [
    {
      lang: "fi",
      meaning: "Su",
      type: "weekday"
    }
  ],
  suw: [
    {
      lang: "wo",
      meaning: "Jun",
      type: "month"
    }
  ],
  suwe: [
    {
      lang: "wo",
      meaning: "Jun",
      type: "month"
    }
  ],
  sv: [
    {
      lang: "lv",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "sn",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "sv\u0113td": [
    {
      lang: "lv",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "sv\u0113tdiena": [
    {
      lang: "lv",
      meaning: "Su",
      type: "weekday"
    }
  ],
  svi: [
    {
      lang: "hr",
      meaning: "May",
      type: "month"
    }
  ],
  svibanj: [
    {
      lang: "hr",
      meaning: "May",
      type: "month"
    }
  ],
  svibnja: [
    {
      lang: "hr",
      meaning: "May",
      type: "month"
    }
  ],
  svo: [
    {
      lang: "sn",
      meaning: "Su",
      type: "weekday"
    }
  ],
  svondo: [
    {
      lang: "sn",
      meaning: "Su",
      type: "weekday"
    }
  ],
  syys: [
    {
      lang: "fi",
      meaning: "Sep",
      type: "month"
    }
  ],
  syyskuu: [
    {
      lang: "fi",
      meaning: "Sep",
      type: "month"
    }
  ],
  syyskuuta: [
    {
      lang: "fi",
      meaning: "Sep",
      type: "month"
    }
  ],
  sze: [
    {
      lang: "hu",
      meaning: "We",
      type: "weekday"
    }
  ],
  szept: [
    {
      lang: "hu",
      meaning: "Sep",
      type: "month"
    }
  ],
  szeptember: [
    {
      lang: "hu",
      meaning: "Sep",
      type: "month"
    }
  ],
  szerda: [
    {
      lang: "hu",
      meaning: "We",
      type: "weekday"
    }
  ],
  szo: [
    {
      lang: "hu",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  szombat: [
    {
      lang: "hu",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  t: [
    {
      lang: "et",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "t-arree": [
    {
      lang: "gv",
      meaning: "Feb",
      type: "month"
    }
  ],
  t2: [
    {
      lang: "vi",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  t3: [
    {
      lang: "vi",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  t4: [
    {
      lang: "vi",
      meaning: "We",
      type: "weekday"
    }
  ],
  t5: [
    {
      lang: "vi",
      meaning: "Th",
      type: "weekday"
    }
  ],
  t6: [
    {
      lang: "vi",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  t7: [
    {
      lang: "vi",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "t\u0101i": [
    {
      lang: "mi",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "t\u0101ite": [
    {
      lang: "mi",
      meaning: "Th",
      type: "weekday"
    }
  ],
  tal: [
    {
      lang: "kl",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "mg",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "wo",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  talaado: [
    {
      lang: "so",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  talaata: [
    {
      lang: "wo",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  talata: [
    {
      lang: "mg",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  tallimanngorneq: [
    {
      lang: "kl",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  tammi: [
    {
      lang: "fi",
      meaning: "Jan",
      type: "month"
    }
  ],
  tammikuu: [
    {
      lang: "fi",
      meaning: "Jan",
      type: "month"
    }
  ],
  tammikuuta: [
    {
      lang: "fi",
      meaning: "Jan",
      type: "month"
    }
  ],
  "teisip\xE4ev": [
    {
      lang: "et",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  tem: [
    {
      lang: "tr",
      meaning: "Jul",
      type: "month"
    }
  ],
  temmuz: [
    {
      lang: "tr",
      meaning: "Jul",
      type: "month"
    }
  ],
  ter: [
    {
      lang: "pt",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "ter\xE7a": [
    {
      lang: "pt",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "ter\xE7a-feira": [
    {
      lang: "pt",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  tet: [
    {
      lang: "sq",
      meaning: "Oct",
      type: "month"
    }
  ],
  tetor: [
    {
      lang: "sq",
      meaning: "Oct",
      type: "month"
    }
  ],
  "th\xE1ng 1": [
    {
      lang: "vi",
      meaning: "Jan",
      type: "month"
    }
  ],
  "th\xE1ng 10": [
    {
      lang: "vi",
      meaning: "Oct",
      type: "month"
    }
  ],
  "th\xE1ng 11": [
    {
      lang: "vi",
      meaning: "Nov",
      type: "month"
    }
  ],
  "th\xE1ng 12": [
    {
      lang: "vi",
      meaning: "Dec",
      type: "month"
    }
  ],
  "th\xE1ng 2": [
    {
      lang: "vi",
      meaning: "Feb",
      type: "month"
    }
  ],
  "th\xE1ng 3": [
    {
      lang: "vi",
      meaning: "Mar",
      type: "month"
    }
  ],
  "th\xE1ng 4": [
    {
      lang: "vi",
      meaning: "Apr",
      type: "month"
    }
  ],
  "th\xE1ng 5": [
    {
      lang: "vi",
      meaning: "May",
      type: "month"
    }
  ],
  "th\xE1ng 6": [
    {
      lang: "vi",
      meaning: "Jun",
      type: "month"
    }
  ],
  "th\xE1ng 7": [
    {
      lang: "vi",
      meaning: "Jul",
      type: "month"
    }
  ],
  "th\xE1ng 8": [
    {
      lang: "vi",
      meaning: "Aug",
      type: "month"
    }
  ],
  "th\xE1ng 9": [
    {
      lang: "vi",
      meaning: "Sep",
      type: "month"
    }
  ],
  "thg 1": [
    {
      lang: "vi",
      meaning: "Jan",
      type: "month"
    }
  ],
  "thg 10": [
    {
      lang: "vi",
      meaning: "Oct",
      type: "month"
    }
  ],
  "thg 11": [
    {
      lang: "vi",
      meaning: "Nov",
      type: "month"
    }
  ],
  "thg 12": [
    {
      lang: "vi",
      meaning: "Dec",
      type: "month"
    }
  ],
  "thg 2": [
    {
      lang: "vi",
      meaning: "Feb",
      type: "month"
    }
  ],
  "thg 3": [
    {
      lang: "vi",
      meaning: "Mar",
      type: "month"
    }
  ],
  "thg 4": [
    {
      lang: "vi",
      meaning: "Apr",
      type: "month"
    }
  ],
  "thg 5": [
    {
      lang: "vi",
      meaning: "May",
      type: "month"
    }
  ],
  "thg 6": [
    {
      lang: "vi",
      meaning: "Jun",
      type: "month"
    }
  ],
  "thg 7": [
    {
      lang: "vi",
      meaning: "Jul",
      type: "month"
    }
  ],
  "thg 8": [
    {
      lang: "vi",
      meaning: "Aug",
      type: "month"
    }
  ],
  "thg 9": [
    {
      lang: "vi",
      meaning: "Sep",
      type: "month"
    }
  ],
  "th\u1EE9 2": [
    {
      lang: "vi",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "th\u1EE9 3": [
    {
      lang: "vi",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "th\u1EE9 4": [
    {
      lang: "vi",
      meaning: "We",
      type: "weekday"
    }
  ],
  "th\u1EE9 5": [
    {
      lang: "vi",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "th\u1EE9 6": [
    {
      lang: "vi",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "th\u1EE9 7": [
    {
      lang: "vi",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "th\u1EE9 ba": [
    {
      lang: "vi",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "th\u1EE9 b\u1EA3y": [
    {
      lang: "vi",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "th\u1EE9 hai": [
    {
      lang: "vi",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "th\u1EE9 n\u0103m": [
    {
      lang: "vi",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "th\u1EE9 s\xE1u": [
    {
      lang: "vi",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "th\u1EE9 t\u01B0": [
    {
      lang: "vi",
      meaning: "We",
      type: "weekday"
    }
  ],
  ti: [
    {
      lang: "da",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "fi",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "nb",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "no",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "sv",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "t\u012Bh": [
    {
      lang: "mi",
      meaning: "Dec",
      type: "month"
    }
  ],
  "t\u012Bhema": [
    {
      lang: "mi",
      meaning: "Dec",
      type: "month"
    }
  ],
  tiistai: [
    {
      lang: "fi",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  tiistaina: [
    {
      lang: "fi",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  tir: [
    {
      lang: "nb",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "no",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  tirs: [
    {
      lang: "da",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  tirsdag: [
    {
      lang: "da",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "nb",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "no",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  tis: [
    {
      lang: "sv",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "t\u012Bs": [
    {
      lang: "to",
      meaning: "Dec",
      type: "month"
    }
  ],
  tisdag: [
    {
      lang: "sv",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "t\u012Bsema": [
    {
      lang: "to",
      meaning: "Dec",
      type: "month"
    }
  ],
  tldo: [
    {
      lang: "so",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  tlh: [
    {
      lang: "tn",
      meaning: "Feb",
      type: "month"
    }
  ],
  tlhakole: [
    {
      lang: "tn",
      meaning: "Feb",
      type: "month"
    }
  ],
  tli: [
    {
      lang: "mt",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  tne: [
    {
      lang: "mt",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  to: [
    {
      lang: "da",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "fi",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "nb",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "nn",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "no",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "sv",
      meaning: "Th",
      type: "weekday"
    }
  ],
  tok: [
    {
      lang: "to",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  tokonaki: [
    {
      lang: "to",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  tor: [
    {
      lang: "nb",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "nn",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "no",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "sl",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  torek: [
    {
      lang: "sl",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  tors: [
    {
      lang: "da",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "sv",
      meaning: "Th",
      type: "weekday"
    }
  ],
  torsdag: [
    {
      lang: "da",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "nb",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "nn",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "no",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "sv",
      meaning: "Th",
      type: "weekday"
    }
  ],
  torstai: [
    {
      lang: "fi",
      meaning: "Th",
      type: "weekday"
    }
  ],
  torstaina: [
    {
      lang: "fi",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "toshiaght-arree": [
    {
      lang: "gv",
      meaning: "Feb",
      type: "month"
    }
  ],
  touko: [
    {
      lang: "fi",
      meaning: "May",
      type: "month"
    }
  ],
  toukokuu: [
    {
      lang: "fi",
      meaning: "May",
      type: "month"
    }
  ],
  toukokuuta: [
    {
      lang: "fi",
      meaning: "May",
      type: "month"
    }
  ],
  tr: [
    {
      lang: "lt",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "lv",
      meaning: "We",
      type: "weekday"
    }
  ],
  tra: [
    {
      lang: "hr",
      meaning: "Apr",
      type: "month"
    }
  ],
  travanj: [
    {
      lang: "hr",
      meaning: "Apr",
      type: "month"
    }
  ],
  travnja: [
    {
      lang: "hr",
      meaning: "Apr",
      type: "month"
    }
  ],
  "tre\u010Diadienis": [
    {
      lang: "lt",
      meaning: "We",
      type: "weekday"
    }
  ],
  "tre\u0161d": [
    {
      lang: "lv",
      meaning: "We",
      type: "weekday"
    }
  ],
  "tre\u0161diena": [
    {
      lang: "lv",
      meaning: "We",
      type: "weekday"
    }
  ],
  trinde: [
    {
      lang: "tpi",
      meaning: "We",
      type: "weekday"
    }
  ],
  tsh: [
    {
      lang: "st",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "tn",
      meaning: "Su",
      type: "weekday"
    }
  ],
  tshipi: [
    {
      lang: "tn",
      meaning: "Su",
      type: "weekday"
    }
  ],
  tshitwe: [
    {
      lang: "st",
      meaning: "Dec",
      type: "month"
    }
  ],
  "t\u016B": [
    {
      lang: "mi",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "tu\u02BBa": [
    {
      lang: "to",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "tu\u02BBapulelulu": [
    {
      lang: "to",
      meaning: "Th",
      type: "weekday"
    }
  ],
  tunde: [
    {
      lang: "tpi",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "t\u016Br": [
    {
      lang: "mi",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "t\u016Brei": [
    {
      lang: "mi",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "t\u016Bs": [
    {
      lang: "to",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "t\u016Bsite": [
    {
      lang: "to",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  ty: [
    {
      lang: "nn",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "t\xFD": [
    {
      lang: "fo",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  tys: [
    {
      lang: "nn",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "t\xFDs": [
    {
      lang: "fo",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  tysdag: [
    {
      lang: "nn",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "t\xFDsdagur": [
    {
      lang: "fo",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  ugu: [
    {
      lang: "rn",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "rw",
      meaning: "Nov",
      type: "month"
    }
  ],
  ugushyingo: [
    {
      lang: "rw",
      meaning: "Nov",
      type: "month"
    }
  ],
  uku: [
    {
      lang: "rn",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "rw",
      meaning: "Dec",
      type: "month"
    }
  ],
  ukuboza: [
    {
      lang: "rw",
      meaning: "Dec",
      type: "month"
    }
  ],
  ukw: [
    {
      lang: "rn",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "rw",
      meaning: "Oct",
      type: "month"
    }
  ],
  ukwakira: [
    {
      lang: "rw",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\xFAno": [
    {
      lang: "cs",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\xFAnor": [
    {
      lang: "cs",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\xFAnora": [
    {
      lang: "cs",
      meaning: "Feb",
      type: "month"
    }
  ],
  upu: [
    {
      lang: "st",
      meaning: "Jul",
      type: "month"
    }
  ],
  ut: [
    {
      lang: "sk",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "wo",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\xFAt": [
    {
      lang: "cs",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\xFAter\xFD": [
    {
      lang: "cs",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  uto: [
    {
      lang: "bs",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "hr",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  utorak: [
    {
      lang: "bs",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "hr",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  utorok: [
    {
      lang: "sk",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  v: [
    {
      lang: "hu",
      meaning: "Su",
      type: "weekday"
    }
  ],
  vas: [
    {
      lang: "lt",
      meaning: "Feb",
      type: "month"
    }
  ],
  vasario: [
    {
      lang: "lt",
      meaning: "Feb",
      type: "month"
    }
  ],
  vasaris: [
    {
      lang: "lt",
      meaning: "Feb",
      type: "month"
    }
  ],
  "vas\xE1rnap": [
    {
      lang: "hu",
      meaning: "Su",
      type: "weekday"
    }
  ],
  ve: [
    {
      lang: "fr",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "ht",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  veebr: [
    {
      lang: "et",
      meaning: "Feb",
      type: "month"
    }
  ],
  veebruar: [
    {
      lang: "et",
      meaning: "Feb",
      type: "month"
    }
  ],
  velj: [
    {
      lang: "hr",
      meaning: "Feb",
      type: "month"
    }
  ],
  "velja\u010Da": [
    {
      lang: "hr",
      meaning: "Feb",
      type: "month"
    }
  ],
  "velja\u010De": [
    {
      lang: "hr",
      meaning: "Feb",
      type: "month"
    }
  ],
  ven: [
    {
      lang: "fr",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "ht",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "it",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  vendredi: [
    {
      lang: "fr",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "ht",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "venerd\xEC": [
    {
      lang: "it",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  vi: [
    {
      lang: "es",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "ro",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  vie: [
    {
      lang: "es",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "qu",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  viernes: [
    {
      lang: "es",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "qu",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  vin: [
    {
      lang: "ro",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  vineri: [
    {
      lang: "ro",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  vr: [
    {
      lang: "nl",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  vrijdag: [
    {
      lang: "nl",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  wen: [
    {
      lang: "mi",
      meaning: "We",
      type: "weekday"
    }
  ],
  wenerei: [
    {
      lang: "mi",
      meaning: "We",
      type: "weekday"
    }
  ],
  wer: [
    {
      lang: "rn",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "rw",
      meaning: "Mar",
      type: "month"
    }
  ],
  werurwe: [
    {
      lang: "rw",
      meaning: "Mar",
      type: "month"
    }
  ],
  wo: [
    {
      lang: "nl",
      meaning: "We",
      type: "weekday"
    }
  ],
  woensdag: [
    {
      lang: "nl",
      meaning: "We",
      type: "weekday"
    }
  ],
  wrz: [
    {
      lang: "pl",
      meaning: "Sep",
      type: "month"
    }
  ],
  "wrzesie\u0144": [
    {
      lang: "pl",
      meaning: "Sep",
      type: "month"
    }
  ],
  "wrze\u015Bnia": [
    {
      lang: "pl",
      meaning: "Sep",
      type: "month"
    }
  ],
  wt: [
    {
      lang: "pl",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  wto: [
    {
      lang: "pl",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  wtorek: [
    {
      lang: "pl",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  ya: [
    {
      lang: "uz",
      meaning: "Su",
      type: "weekday"
    }
  ],
  yak: [
    {
      lang: "uz",
      meaning: "Su",
      type: "weekday"
    }
  ],
  yakshanba: [
    {
      lang: "uz",
      meaning: "Su",
      type: "weekday"
    }
  ],
  yan: [
    {
      lang: "az",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\xFDan": [
    {
      lang: "tk",
      meaning: "Jan",
      type: "month"
    }
  ],
  "yan\xFCari": [
    {
      lang: "pap",
      meaning: "Jan",
      type: "month"
    }
  ],
  yanvar: [
    {
      lang: "az",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\xFDanwar": [
    {
      lang: "tk",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\xFDb": [
    {
      lang: "tk",
      meaning: "Su",
      type: "weekday"
    }
  ],
  yeb: [
    {
      lang: "tzm",
      meaning: "Feb",
      type: "month"
    }
  ],
  yebrayer: [
    {
      lang: "tzm",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\xFDek": [
    {
      lang: "tk",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\xFDek\u015Fenbe": [
    {
      lang: "tk",
      meaning: "Su",
      type: "weekday"
    }
  ],
  yen: [
    {
      lang: "tzm",
      meaning: "Jan",
      type: "month"
    }
  ],
  yennayer: [
    {
      lang: "tzm",
      meaning: "Jan",
      type: "month"
    }
  ],
  yul: [
    {
      lang: "tzm",
      meaning: "Jul",
      type: "month"
    }
  ],
  "y\xFCli": [
    {
      lang: "pap",
      meaning: "Jul",
      type: "month"
    }
  ],
  yulyuz: [
    {
      lang: "tzm",
      meaning: "Jul",
      type: "month"
    }
  ],
  yun: [
    {
      lang: "tzm",
      meaning: "Jun",
      type: "month"
    }
  ],
  "y\xFCni": [
    {
      lang: "pap",
      meaning: "Jun",
      type: "month"
    }
  ],
  yunyu: [
    {
      lang: "tzm",
      meaning: "Jun",
      type: "month"
    }
  ],
  za: [
    {
      lang: "nl",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "z\xE1\u0159": [
    {
      lang: "cs",
      meaning: "Sep",
      type: "month"
    }
  ],
  "z\xE1\u0159\xED": [
    {
      lang: "cs",
      meaning: "Sep",
      type: "month"
    }
  ],
  zaterdag: [
    {
      lang: "nl",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  zi: [
    {
      lang: "gsw",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  zib: [
    {
      lang: "nd",
      meaning: "Jan",
      type: "month"
    }
  ],
  zibandlela: [
    {
      lang: "nd",
      meaning: "Jan",
      type: "month"
    }
  ],
  ziischtig: [
    {
      lang: "gsw",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  zo: [
    {
      lang: "nl",
      meaning: "Su",
      type: "weekday"
    }
  ],
  zom: [
    {
      lang: "mg",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  zoma: [
    {
      lang: "mg",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  zondag: [
    {
      lang: "nl",
      meaning: "Su",
      type: "weekday"
    }
  ],
  zvi: [
    {
      lang: "sn",
      meaning: "Dec",
      type: "month"
    }
  ],
  zvita: [
    {
      lang: "sn",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\xFEr": [
    {
      lang: "is",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\xFEri": [
    {
      lang: "is",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\xFEri\xF0judagur": [
    {
      lang: "is",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u03B1\u03C0\u03C1": [
    {
      lang: "el",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u03B1\u03C0\u03C1\u03AF\u03BB\u03B9\u03BF\u03C2": [
    {
      lang: "el",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u03B1\u03C0\u03C1\u03B9\u03BB\u03AF\u03BF\u03C5": [
    {
      lang: "el",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u03B1\u03C5\u03B3": [
    {
      lang: "el",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u03B1\u1F50\u03B3": [
    {
      lang: "el",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u03B1\u03CD\u03B3": [
    {
      lang: "el",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u03B1\u1F54\u03B3\u03BF\u03C5\u03C3\u03C4\u03BF\u03C2": [
    {
      lang: "el",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u03B1\u03CD\u03B3\u03BF\u03C5\u03C3\u03C4\u03BF\u03C2": [
    {
      lang: "el",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u03B1\u03C5\u03B3\u03BF\u03CD\u03C3\u03C4\u03BF\u03C5": [
    {
      lang: "el",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u03B1\u1F50\u03B3\u03BF\u03CD\u03C3\u03C4\u03BF\u03C5": [
    {
      lang: "el",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u03B4\u03B5": [
    {
      lang: "el",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u03B4\u03B5\u03BA": [
    {
      lang: "el",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u03B4\u03B5\u03BA\u03AD\u03BC\u03B2\u03C1\u03B9\u03BF\u03C2": [
    {
      lang: "el",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u03B4\u03B5\u03BA\u03B5\u03BC\u03B2\u03C1\u03AF\u03BF\u03C5": [
    {
      lang: "el",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u03B4\u03B5\u03C5": [
    {
      lang: "el",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u03B4\u03B5\u03C5\u03C4\u03AD\u03C1\u03B1": [
    {
      lang: "el",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u03B9\u03B1\u03BD": [
    {
      lang: "el",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u03B9\u03B1\u03BD\u03BF\u03C5\u03AC\u03C1\u03B9\u03BF\u03C2": [
    {
      lang: "el",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u03B9\u03B1\u03BD\u03BF\u03C5\u03B1\u03C1\u03AF\u03BF\u03C5": [
    {
      lang: "el",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u03B9\u03BF\u03C5\u03BB": [
    {
      lang: "el",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u03B9\u03BF\u03CD\u03BB": [
    {
      lang: "el",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u03B9\u03BF\u03CD\u03BB\u03B9\u03BF\u03C2": [
    {
      lang: "el",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u03B9\u03BF\u03C5\u03BB\u03AF\u03BF\u03C5": [
    {
      lang: "el",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u03B9\u03BF\u03C5\u03BD": [
    {
      lang: "el",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u03B9\u03BF\u03CD\u03BD": [
    {
      lang: "el",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u03B9\u03BF\u03CD\u03BD\u03B9\u03BF\u03C2": [
    {
      lang: "el",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u03B9\u03BF\u03C5\u03BD\u03AF\u03BF\u03C5": [
    {
      lang: "el",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u03BA\u03C5": [
    {
      lang: "el",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u03BA\u03C5\u03C1": [
    {
      lang: "el",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u03BA\u03C5\u03C1\u03B9\u03B1\u03BA\u03AE": [
    {
      lang: "el",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u03BC\u03B1\u0390": [
    {
      lang: "el",
      meaning: "May",
      type: "month"
    }
  ],
  "\u03BC\u03AC\u03B9": [
    {
      lang: "el",
      meaning: "May",
      type: "month"
    }
  ],
  "\u03BC\u03AC\u03B9\u03BF\u03C2": [
    {
      lang: "el",
      meaning: "May",
      type: "month"
    }
  ],
  "\u03BC\u03B1\u0390\u03BF\u03C5": [
    {
      lang: "el",
      meaning: "May",
      type: "month"
    }
  ],
  "\u03BC\u03B1\u03C1": [
    {
      lang: "el",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u03BC\u03AC\u03C1": [
    {
      lang: "el",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u03BC\u03AC\u03C1\u03C4\u03B9\u03BF\u03C2": [
    {
      lang: "el",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u03BC\u03B1\u03C1\u03C4\u03AF\u03BF\u03C5": [
    {
      lang: "el",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u03BD\u03BF\u03B5": [
    {
      lang: "el",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u03BD\u03BF\u03AD": [
    {
      lang: "el",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u03BD\u03BF\u03AD\u03BC\u03B2\u03C1\u03B9\u03BF\u03C2": [
    {
      lang: "el",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u03BD\u03BF\u03B5\u03BC\u03B2\u03C1\u03AF\u03BF\u03C5": [
    {
      lang: "el",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u03BF\u03BA\u03C4": [
    {
      lang: "el",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u1F40\u03BA\u03C4": [
    {
      lang: "el",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u03BF\u03BA\u03C4\u03CE\u03B2\u03C1\u03B9\u03BF\u03C2": [
    {
      lang: "el",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u1F40\u03BA\u03C4\u03CE\u03B2\u03C1\u03B9\u03BF\u03C2": [
    {
      lang: "el",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u03BF\u03BA\u03C4\u03C9\u03B2\u03C1\u03AF\u03BF\u03C5": [
    {
      lang: "el",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u1F40\u03BA\u03C4\u03C9\u03B2\u03C1\u03AF\u03BF\u03C5": [
    {
      lang: "el",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u03C0\u03B1": [
    {
      lang: "el",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u03C0\u03B1\u03C1": [
    {
      lang: "el",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u03C0\u03B1\u03C1\u03B1\u03C3\u03BA\u03B5\u03C5\u03AE": [
    {
      lang: "el",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u03C0\u03AD": [
    {
      lang: "el",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u03C0\u03AD\u03BC": [
    {
      lang: "el",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u03C0\u03AD\u03BC\u03C0\u03C4\u03B7": [
    {
      lang: "el",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u03C3\u03AC": [
    {
      lang: "el",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u03C3\u03AC\u03B2": [
    {
      lang: "el",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u03C3\u03AC\u03B2\u03B2\u03B1\u03C4\u03BF": [
    {
      lang: "el",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u03C3\u03B5\u03C0": [
    {
      lang: "el",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u03C3\u03B5\u03C0\u03C4\u03AD\u03BC\u03B2\u03C1\u03B9\u03BF\u03C2": [
    {
      lang: "el",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u03C3\u03B5\u03C0\u03C4\u03B5\u03BC\u03B2\u03C1\u03AF\u03BF\u03C5": [
    {
      lang: "el",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u03C4\u03B5": [
    {
      lang: "el",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u03C4\u03B5\u03C4": [
    {
      lang: "el",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u03C4\u03B5\u03C4\u03AC\u03C1\u03C4\u03B7": [
    {
      lang: "el",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u03C4\u03C1": [
    {
      lang: "el",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u03C4\u03C1\u03AF": [
    {
      lang: "el",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u03C4\u03C1\u03AF\u03C4\u03B7": [
    {
      lang: "el",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u03C6\u03B5\u03B2": [
    {
      lang: "el",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u03C6\u03B5\u03B2\u03C1\u03BF\u03C5\u03AC\u03C1\u03B9\u03BF\u03C2": [
    {
      lang: "el",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u03C6\u03B5\u03B2\u03C1\u03BF\u03C5\u03B1\u03C1\u03AF\u03BF\u03C5": [
    {
      lang: "el",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0430\u0432\u0433": [
    {
      lang: "az",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "bg",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "ky",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "mk",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "ru",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "tg",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0430\u0432\u0433\u0443\u0441\u0442": [
    {
      lang: "az",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "bg",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "ky",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "mk",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "ru",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "tg",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0430\u0432\u0433\u0443\u0441\u0442\u0430": [
    {
      lang: "ru",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0430\u049B\u043F": [
    {
      lang: "kk",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0430\u049B\u043F\u0430\u043D": [
    {
      lang: "kk",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0430\u043F\u0440": [
    {
      lang: "az",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "bg",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "bs",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "ky",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "mk",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "ru",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "tg",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0430\u043F\u0440\u0435\u043B": [
    {
      lang: "az",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "tg",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0430\u043F\u0440\u0435\u043B\u044C": [
    {
      lang: "ky",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "ru",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0430\u043F\u0440\u0435\u043B\u044F": [
    {
      lang: "ru",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0430\u043F\u0440\u0438\u043B": [
    {
      lang: "bg",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "bs",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "mk",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0430\u0440\u0430\u0432\u0434\u0443\u0433\u0430\u0430\u0440 \u0441\u0430\u0440": [
    {
      lang: "mn",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0430\u0440\u0432\u0430\u043D \u043D\u044D\u0433\u0434\u04AF\u0433\u044D\u044D\u0440 \u0441\u0430\u0440": [
    {
      lang: "mn",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u0430\u0440\u0432\u0430\u043D \u0445\u043E\u0451\u0440\u0434\u0443\u0433\u0430\u0430\u0440 \u0441\u0430\u0440": [
    {
      lang: "mn",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0430\u045E": [
    {
      lang: "be",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0430\u0443\u0433": [
    {
      lang: "bs",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0430\u0443\u0433\u0443\u0441\u0442": [
    {
      lang: "bs",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0430\u045E\u0442\u043E\u0440\u0430\u043A": [
    {
      lang: "be",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0431": [
    {
      lang: "az",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0431.\u0435": [
    {
      lang: "az",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0431\u0430": [
    {
      lang: "mn",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0431\u0430\u0430\u0441\u0430\u043D": [
    {
      lang: "mn",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0431\u0430\u0437\u0430\u0440": [
    {
      lang: "az",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0431\u0430\u0437\u0430\u0440 \u0435\u0440\u0442\u04D9\u0441\u0438": [
    {
      lang: "az",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0431\u0435\u0439\u0441\u0435\u043D\u0431\u0456": [
    {
      lang: "kk",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0431\u0435\u0439\u0448": [
    {
      lang: "ky",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0431\u0435\u0439\u0448\u0435\u043C\u0431\u0438": [
    {
      lang: "ky",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0431\u0435\u0440": [
    {
      lang: "uk",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u0431\u0435\u0440\u0435\u0437\u0435\u043D\u044C": [
    {
      lang: "uk",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u0431\u0435\u0440\u0435\u0437\u043D\u044F": [
    {
      lang: "uk",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u0431\u0441": [
    {
      lang: "kk",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0431\u0448": [
    {
      lang: "ky",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0431\u044F": [
    {
      lang: "mn",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0431\u044F\u043C\u0431\u0430": [
    {
      lang: "mn",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0432\u0435\u0440": [
    {
      lang: "be",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "uk",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0432\u0435\u0440\u0430\u0441\u0435\u043D\u044C": [
    {
      lang: "be",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0432\u0435\u0440\u0430\u0441\u043D\u044F": [
    {
      lang: "be",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0432\u0435\u0440\u0435\u0441\u0435\u043D\u044C": [
    {
      lang: "uk",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0432\u0435\u0440\u0435\u0441\u043D\u044F": [
    {
      lang: "uk",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0432\u0456\u0432\u0442\u043E\u0440\u043E\u043A": [
    {
      lang: "uk",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0432\u043E\u0441\u043A\u0440\u0435\u0441\u0435\u043D\u044C\u0435": [
    {
      lang: "ru",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0432\u0441": [
    {
      lang: "ru",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0432\u0442": [
    {
      lang: "bg",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "ru",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "uk",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0432\u0442\u043E": [
    {
      lang: "mk",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0432\u0442\u043E\u0440\u043D\u0438\u043A": [
    {
      lang: "bg",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "mk",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "ru",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0433\u0440\u0443\u0434": [
    {
      lang: "uk",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0433\u0440\u0443\u0434\u0435\u043D\u044C": [
    {
      lang: "uk",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0433\u0440\u0443\u0434\u043D\u044F": [
    {
      lang: "uk",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0433\u0443\u0440\u0430\u0432\u0434\u0443\u0433\u0430\u0430\u0440 \u0441\u0430\u0440": [
    {
      lang: "mn",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u0434\u0430": [
    {
      lang: "mn",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0434\u0430\u0432\u0430\u0430": [
    {
      lang: "mn",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0434\u0435\u043A": [
    {
      lang: "az",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "bg",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "ky",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "mk",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "ru",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "tg",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0434\u0435\u043A\u0430\u0431\u0440": [
    {
      lang: "az",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "tg",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0434\u0435\u043A\u0430\u0431\u0440\u044C": [
    {
      lang: "ky",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "ru",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0434\u0435\u043A\u0430\u0431\u0440\u044F": [
    {
      lang: "ru",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0434\u0435\u043A\u0435\u043C\u0432\u0440\u0438": [
    {
      lang: "bg",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "mk",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0434\u0435\u0446": [
    {
      lang: "bs",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0434\u0435\u0446\u0435\u043C\u0431\u0430\u0440": [
    {
      lang: "bs",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0434\u043E\u043B\u043E\u043E\u0434\u0443\u0433\u0430\u0430\u0440 \u0441\u0430\u0440": [
    {
      lang: "mn",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u0434\u04E9\u0440\u04E9\u0432\u0434\u04AF\u0433\u044D\u044D\u0440 \u0441\u0430\u0440": [
    {
      lang: "mn",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0434\u0441": [
    {
      lang: "kk",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0434\u0443": [
    {
      lang: "uz",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0434\u0443\u0448": [
    {
      lang: "uz",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0434\u0443\u0448\u0430\u043D\u0431\u0430": [
    {
      lang: "uz",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0434\u0443\u0448\u0430\u043D\u0431\u0435": [
    {
      lang: "tg",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0434\u04AF\u0439": [
    {
      lang: "ky",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0434\u04AF\u0439\u0441\u0435\u043D\u0431\u0456": [
    {
      lang: "kk",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0434\u04AF\u0439\u0448\u04E9\u043C\u0431\u04AF": [
    {
      lang: "ky",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0434\u0448": [
    {
      lang: "ky",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0434\u0448\u0431": [
    {
      lang: "tg",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0435\u0441\u0434\u04AF\u0433\u044D\u044D\u0440 \u0441\u0430\u0440": [
    {
      lang: "mn",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0436\u0435\u043A": [
    {
      lang: "ky",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0436\u0435\u043A\u0441\u0435\u043D\u0431\u0456": [
    {
      lang: "kk",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0436\u0435\u043A\u0448\u0435\u043C\u0431\u0438": [
    {
      lang: "ky",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0436\u0435\u043B": [
    {
      lang: "kk",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0436\u0435\u043B\u0442\u043E\u049B\u0441\u0430\u043D": [
    {
      lang: "kk",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0436\u043C": [
    {
      lang: "kk",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "ky",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0436\u043D\u0456": [
    {
      lang: "be",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0436\u043D\u0456\u0432\u0435\u043D\u044C": [
    {
      lang: "be",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0436\u043D\u0456\u045E\u043D\u044F": [
    {
      lang: "be",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0436\u043E\u0432\u0442": [
    {
      lang: "uk",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0436\u043E\u0432\u0442\u0435\u043D\u044C": [
    {
      lang: "uk",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0436\u043E\u0432\u0442\u043D\u044F": [
    {
      lang: "uk",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0436\u0441": [
    {
      lang: "kk",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0436\u0443": [
    {
      lang: "uz",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0436\u0443\u043C": [
    {
      lang: "uz",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0436\u0443\u043C\u0430": [
    {
      lang: "ky",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "uz",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0436\u04B1\u043C\u0430": [
    {
      lang: "kk",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0436\u0448": [
    {
      lang: "ky",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0437\u0443\u0440\u0433\u0430\u0430\u0434\u0443\u0433\u0430\u0430\u0440 \u0441\u0430\u0440": [
    {
      lang: "mn",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0438\u0458\u043B": [
    {
      lang: "az",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u0438\u0458\u043D": [
    {
      lang: "az",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0438\u0458\u0443\u043B": [
    {
      lang: "az",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u0438\u0458\u0443\u043D": [
    {
      lang: "az",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0438\u0448": [
    {
      lang: "ky",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0438\u0448\u0435\u043C\u0431\u0438": [
    {
      lang: "ky",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0438\u0448\u043C": [
    {
      lang: "ky",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0438\u044E\u043B": [
    {
      lang: "ky",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "ru",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "tg",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u0438\u044E\u043B\u044C": [
    {
      lang: "ky",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "ru",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u0438\u044E\u043B\u044F": [
    {
      lang: "ru",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u0438\u044E\u043D": [
    {
      lang: "ky",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "ru",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "tg",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0438\u044E\u043D\u044C": [
    {
      lang: "ky",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "ru",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0438\u044E\u043D\u044F": [
    {
      lang: "ru",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0458\u0430\u043D": [
    {
      lang: "az",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "bs",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "mk",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0458\u0430\u043D\u0432\u0430\u0440": [
    {
      lang: "az",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0458\u0430\u043D\u0443\u0430\u0440": [
    {
      lang: "bs",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0458\u0430\u043D\u0443\u0430\u0440\u0438": [
    {
      lang: "mk",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0458\u0443\u043B": [
    {
      lang: "bs",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "mk",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u0458\u0443\u043B\u0438": [
    {
      lang: "bs",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "mk",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u0458\u0443\u043D": [
    {
      lang: "bs",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "mk",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0458\u0443\u043D\u0438": [
    {
      lang: "bs",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "mk",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u043A\u0430\u0441": [
    {
      lang: "be",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u043A\u0430\u0441\u0442\u0440\u044B\u0447\u043D\u0456\u043A": [
    {
      lang: "be",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u043A\u0430\u0441\u0442\u0440\u044B\u0447\u043D\u0456\u043A\u0430": [
    {
      lang: "be",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u043A\u0432\u0456\u0442": [
    {
      lang: "uk",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u043A\u0432\u0456\u0442\u0435\u043D\u044C": [
    {
      lang: "uk",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u043A\u0432\u0456\u0442\u043D\u044F": [
    {
      lang: "uk",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u043A\u0440\u0430": [
    {
      lang: "be",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u043A\u0440\u0430\u0441\u0430\u0432\u0456\u043A": [
    {
      lang: "be",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u043A\u0440\u0430\u0441\u0430\u0432\u0456\u043A\u0430": [
    {
      lang: "be",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u049B\u0430\u0437": [
    {
      lang: "kk",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u049B\u0430\u0437\u0430\u043D": [
    {
      lang: "kk",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u049B\u0430\u04A3": [
    {
      lang: "kk",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u049B\u0430\u04A3\u0442\u0430\u0440": [
    {
      lang: "kk",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u049B\u0430\u0440": [
    {
      lang: "kk",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u049B\u0430\u0440\u0430\u0448\u0430": [
    {
      lang: "kk",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u049B\u044B\u0440": [
    {
      lang: "kk",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u049B\u044B\u0440\u043A\u04AF\u0439\u0435\u043A": [
    {
      lang: "kk",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u043B\u0438\u043F": [
    {
      lang: "uk",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u043B\u0438\u043F\u0435\u043D\u044C": [
    {
      lang: "uk",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u043B\u0438\u043F\u043D\u044F": [
    {
      lang: "uk",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u043B\u0438\u0441\u0442": [
    {
      lang: "uk",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u043B\u0438\u0441\u0442\u043E\u043F\u0430\u0434": [
    {
      lang: "uk",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u043B\u0438\u0441\u0442\u043E\u043F\u0430\u0434\u0430": [
    {
      lang: "uk",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u043B\u0456\u043F": [
    {
      lang: "be",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u043B\u0456\u043F\u0435\u043D\u044C": [
    {
      lang: "be",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u043B\u0456\u043F\u0435\u043D\u044F": [
    {
      lang: "be",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u043B\u0456\u0441": [
    {
      lang: "be",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u043B\u0456\u0441\u0442\u0430\u043F\u0430\u0434": [
    {
      lang: "be",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u043B\u0456\u0441\u0442\u0430\u043F\u0430\u0434\u0430": [
    {
      lang: "be",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u043B\u0445": [
    {
      lang: "mn",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u043B\u0445\u0430\u0433\u0432\u0430": [
    {
      lang: "mn",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u043B\u044E\u0442": [
    {
      lang: "be",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "uk",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u043B\u044E\u0442\u0430\u0433\u0430": [
    {
      lang: "be",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u043B\u044E\u0442\u0438\u0439": [
    {
      lang: "uk",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u043B\u044E\u0442\u043E\u0433\u043E": [
    {
      lang: "uk",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u043B\u044E\u0442\u044B": [
    {
      lang: "be",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u043C\u0430\u0439": [
    {
      lang: "az",
      meaning: "May",
      type: "month"
    },
    {
      lang: "be",
      meaning: "May",
      type: "month"
    },
    {
      lang: "bg",
      meaning: "May",
      type: "month"
    },
    {
      lang: "ky",
      meaning: "May",
      type: "month"
    },
    {
      lang: "ru",
      meaning: "May",
      type: "month"
    },
    {
      lang: "tg",
      meaning: "May",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "May",
      type: "month"
    }
  ],
  "\u043C\u0430\u0458": [
    {
      lang: "bs",
      meaning: "May",
      type: "month"
    },
    {
      lang: "mk",
      meaning: "May",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "May",
      type: "month"
    }
  ],
  "\u043C\u0430\u043C": [
    {
      lang: "kk",
      meaning: "May",
      type: "month"
    }
  ],
  "\u043C\u0430\u043C\u044B\u0440": [
    {
      lang: "kk",
      meaning: "May",
      type: "month"
    }
  ],
  "\u043C\u0430\u0440": [
    {
      lang: "az",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "bs",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "ky",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "mk",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "ru",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "tg",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u043C\u0430\u0440\u0442": [
    {
      lang: "az",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "bg",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "bs",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "ky",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "mk",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "ru",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "tg",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u043C\u0430\u0440\u0442\u0430": [
    {
      lang: "ru",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u043C\u0430\u0443": [
    {
      lang: "kk",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u043C\u0430\u0443\u0441\u044B\u043C": [
    {
      lang: "kk",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u043C\u0430\u044F": [
    {
      lang: "be",
      meaning: "May",
      type: "month"
    },
    {
      lang: "ru",
      meaning: "May",
      type: "month"
    }
  ],
  "\u043C\u044F": [
    {
      lang: "mn",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u043C\u044F\u0433\u043C\u0430\u0440": [
    {
      lang: "mn",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u043D\u0430\u0439\u043C\u0434\u0443\u0433\u0430\u0430\u0440 \u0441\u0430\u0440": [
    {
      lang: "mn",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u043D\u0430\u0443": [
    {
      lang: "kk",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u043D\u0430\u0443\u0440\u044B\u0437": [
    {
      lang: "kk",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u043D\u0434": [
    {
      lang: "be",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "bg",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "uk",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u043D\u0435": [
    {
      lang: "sr",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u043D\u0435\u0434": [
    {
      lang: "bs",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "mk",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u043D\u0435\u0434\u0435\u043B\u0430": [
    {
      lang: "mk",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u043D\u0435\u0434\u0435\u043B\u044F": [
    {
      lang: "bg",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u043D\u0435\u0434\u0435\u0459\u0430": [
    {
      lang: "sr",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u043D\u0435\u0434\u0456\u043B\u044F": [
    {
      lang: "uk",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u043D\u0435\u0434\u0458\u0435\u0459\u0430": [
    {
      lang: "bs",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u043D\u043E\u0432": [
    {
      lang: "bs",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u043D\u043E\u0432\u0435\u043C\u0431\u0430\u0440": [
    {
      lang: "bs",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u043D\u043E\u0435": [
    {
      lang: "bg",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "mk",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u043D\u043E\u0435\u043C\u0432\u0440\u0438": [
    {
      lang: "bg",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "mk",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u043D\u043E\u0458": [
    {
      lang: "az",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u043D\u043E\u0458\u0430\u0431\u0440": [
    {
      lang: "az",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u043D\u043E\u044F": [
    {
      lang: "ky",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "tg",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u043D\u043E\u044F\u0431": [
    {
      lang: "ru",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u043D\u043E\u044F\u0431\u0440": [
    {
      lang: "tg",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u043D\u043E\u044F\u0431\u0440\u044C": [
    {
      lang: "ky",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "ru",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u043D\u043E\u044F\u0431\u0440\u044F": [
    {
      lang: "ru",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u043D\u044D\u0433\u0434\u04AF\u0433\u044D\u044D\u0440 \u0441\u0430\u0440": [
    {
      lang: "mn",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u043D\u044F": [
    {
      lang: "mn",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u043D\u044F\u0434\u0437\u0435\u043B\u044F": [
    {
      lang: "be",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u043D\u044F\u043C": [
    {
      lang: "mn",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u043E\u043A\u0442": [
    {
      lang: "az",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "bg",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "bs",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "ky",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "mk",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "ru",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "tg",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u043E\u043A\u0442\u0458\u0430\u0431\u0440": [
    {
      lang: "az",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u043E\u043A\u0442\u043E\u0431\u0430\u0440": [
    {
      lang: "bs",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u043E\u043A\u0442\u043E\u043C\u0432\u0440\u0438": [
    {
      lang: "bg",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "mk",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u043E\u043A\u0442\u044F\u0431\u0440": [
    {
      lang: "tg",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u043E\u043A\u0442\u044F\u0431\u0440\u044C": [
    {
      lang: "ky",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "ru",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u043E\u043A\u0442\u044F\u0431\u0440\u044F": [
    {
      lang: "ru",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u043F\u02BC\u044F\u0442\u043D\u0438\u0446\u044F": [
    {
      lang: "uk",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u043F\u0430": [
    {
      lang: "uz",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u043F\u0430\u0439": [
    {
      lang: "uz",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u043F\u0430\u0439\u0448\u0430\u043D\u0431\u0430": [
    {
      lang: "uz",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u043F\u0430\u043D\u04B7\u0448\u0430\u043D\u0431\u0435": [
    {
      lang: "tg",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u043F\u0430\u043D\u044F\u0434\u0437\u0435\u043B\u0430\u043A": [
    {
      lang: "be",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u043F\u0435": [
    {
      lang: "sr",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u043F\u0435\u0442": [
    {
      lang: "bs",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "mk",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u043F\u0435\u0442\u0430\u043A": [
    {
      lang: "bs",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u043F\u0435\u0442\u043E\u043A": [
    {
      lang: "mk",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u043F\u0435\u0442\u044A\u043A": [
    {
      lang: "bg",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u043F\u043D": [
    {
      lang: "be",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "bg",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "ru",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "uk",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u043F\u043E": [
    {
      lang: "sr",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u043F\u043E\u043D": [
    {
      lang: "bs",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "mk",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u043F\u043E\u043D\u0435\u0434\u0435\u043B\u043D\u0438\u043A": [
    {
      lang: "bg",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "mk",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u043F\u043E\u043D\u0435\u0434\u0435\u043B\u044C\u043D\u0438\u043A": [
    {
      lang: "ru",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u043F\u043E\u043D\u0435\u0434\u0435\u0459\u0430\u043A": [
    {
      lang: "sr",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u043F\u043E\u043D\u0435\u0434\u0456\u043B\u043E\u043A": [
    {
      lang: "uk",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u043F\u043E\u043D\u0435\u0434\u0458\u0435\u0459\u0430\u043A": [
    {
      lang: "bs",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u043F\u0442": [
    {
      lang: "be",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "bg",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "ru",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "uk",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u043F\u04AF": [
    {
      lang: "mn",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u043F\u04AF\u0440\u044D\u0432": [
    {
      lang: "mn",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u043F\u0448\u0431": [
    {
      lang: "tg",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u043F\u044F\u0442\u043D\u0438\u0446\u0430": [
    {
      lang: "ru",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u043F\u044F\u0442\u043D\u0456\u0446\u0430": [
    {
      lang: "be",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0441\u0430\u0431": [
    {
      lang: "mk",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0441\u0430\u0431\u043E\u0442\u0430": [
    {
      lang: "mk",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0441\u0430\u043A": [
    {
      lang: "be",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u0441\u0430\u043A\u0430\u0432\u0456\u043A": [
    {
      lang: "be",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u0441\u0430\u043A\u0430\u0432\u0456\u043A\u0430": [
    {
      lang: "be",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u0441\u04D9\u0440\u0441\u0435\u043D\u0431\u0456": [
    {
      lang: "kk",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0441\u04D9\u0443": [
    {
      lang: "kk",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0441\u04D9\u0443\u0456\u0440": [
    {
      lang: "kk",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0441\u0431": [
    {
      lang: "be",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "bg",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "kk",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "ru",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "uk",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0441\u0435": [
    {
      lang: "uz",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0441\u0435\u0439\u0441\u0435\u043D\u0431\u0456": [
    {
      lang: "kk",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0441\u0435\u043D": [
    {
      lang: "az",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "ky",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "tg",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0441\u0435\u043D\u0431\u0456": [
    {
      lang: "kk",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0441\u0435\u043D\u0442": [
    {
      lang: "ru",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0441\u0435\u043D\u0442\u0458\u0430\u0431\u0440": [
    {
      lang: "az",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0441\u0435\u043D\u0442\u044F\u0431\u0440": [
    {
      lang: "tg",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0441\u0435\u043D\u0442\u044F\u0431\u0440\u044C": [
    {
      lang: "ky",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "ru",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0441\u0435\u043D\u0442\u044F\u0431\u0440\u044F": [
    {
      lang: "ru",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0441\u0435\u043F": [
    {
      lang: "bg",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "bs",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "mk",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0441\u0435\u043F\u0442": [
    {
      lang: "sr",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0441\u0435\u043F\u0442\u0435\u043C\u0431\u0430\u0440": [
    {
      lang: "bs",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0441\u0435\u043F\u0442\u0435\u043C\u0432\u0440\u0438": [
    {
      lang: "bg",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "mk",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0441\u0435\u0440\u0430\u0434\u0430": [
    {
      lang: "be",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0441\u0435\u0440\u0435\u0434\u0430": [
    {
      lang: "uk",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0441\u0435\u0440\u043F": [
    {
      lang: "uk",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0441\u0435\u0440\u043F\u0435\u043D\u044C": [
    {
      lang: "uk",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0441\u0435\u0440\u043F\u043D\u044F": [
    {
      lang: "uk",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0441\u0435\u0448": [
    {
      lang: "uz",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0441\u0435\u0448\u0430\u043D\u0431\u0430": [
    {
      lang: "uz",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0441\u0435\u0448\u0430\u043D\u0431\u0435": [
    {
      lang: "tg",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0441\u0456\u0447": [
    {
      lang: "uk",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0441\u0456\u0447\u0435\u043D\u044C": [
    {
      lang: "uk",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0441\u0456\u0447\u043D\u044F": [
    {
      lang: "uk",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0441\u043D\u0435": [
    {
      lang: "be",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0441\u043D\u0435\u0436\u0430\u043D\u044C": [
    {
      lang: "be",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0441\u043D\u0435\u0436\u043D\u044F": [
    {
      lang: "be",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0441\u0440": [
    {
      lang: "be",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "bg",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "kk",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "ru",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "uk",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0441\u0440\u0435": [
    {
      lang: "mk",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0441\u0440\u0435\u0434\u0430": [
    {
      lang: "mk",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "ru",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0441\u0440\u0438": [
    {
      lang: "bs",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0441\u0440\u0438\u0458\u0435\u0434\u0430": [
    {
      lang: "bs",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0441\u0440\u044F\u0434\u0430": [
    {
      lang: "bg",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0441\u0441": [
    {
      lang: "kk",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0441\u0442\u0443": [
    {
      lang: "be",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0441\u0442\u0443\u0434\u0437\u0435\u043D\u044C": [
    {
      lang: "be",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0441\u0442\u0443\u0434\u0437\u0435\u043D\u044F": [
    {
      lang: "be",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0441\u0443": [
    {
      lang: "sr",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0441\u0443\u0431": [
    {
      lang: "bs",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0441\u0443\u0431\u0431\u043E\u0442\u0430": [
    {
      lang: "ru",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0441\u0443\u0431\u043E\u0442\u0430": [
    {
      lang: "be",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "bs",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "uk",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0441\u0448\u0431": [
    {
      lang: "tg",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0441\u044A\u0431\u043E\u0442\u0430": [
    {
      lang: "bg",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0442\u0430\u0432\u0434\u0443\u0433\u0430\u0430\u0440 \u0441\u0430\u0440": [
    {
      lang: "mn",
      meaning: "May",
      type: "month"
    }
  ],
  "\u0442\u0430\u043C": [
    {
      lang: "kk",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0442\u0430\u043C\u044B\u0437": [
    {
      lang: "kk",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0442\u0440\u0430\u0432": [
    {
      lang: "uk",
      meaning: "May",
      type: "month"
    }
  ],
  "\u0442\u0440\u0430\u0432\u0435\u043D\u044C": [
    {
      lang: "uk",
      meaning: "May",
      type: "month"
    }
  ],
  "\u0442\u0440\u0430\u0432\u043D\u044F": [
    {
      lang: "uk",
      meaning: "May",
      type: "month"
    }
  ],
  "\u0443\u0442": [
    {
      lang: "sr",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0443\u0442\u043E": [
    {
      lang: "bs",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0443\u0442\u043E\u0440\u0430\u043A": [
    {
      lang: "bs",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0444\u0435\u0431": [
    {
      lang: "bs",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0444\u0435\u0431\u0440\u0443\u0430\u0440": [
    {
      lang: "bs",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "sr",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0444\u0435\u0432": [
    {
      lang: "az",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "bg",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "ky",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "mk",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "tg",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0444\u0435\u0432\u0440": [
    {
      lang: "ru",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0444\u0435\u0432\u0440\u0430\u043B": [
    {
      lang: "az",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "tg",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0444\u0435\u0432\u0440\u0430\u043B\u044C": [
    {
      lang: "ky",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "ru",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0444\u0435\u0432\u0440\u0430\u043B\u044F": [
    {
      lang: "ru",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0444\u0435\u0432\u0440\u0443\u0430\u0440\u0438": [
    {
      lang: "bg",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "mk",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0445\u043E\u0451\u0440\u0434\u0443\u0433\u0430\u0430\u0440 \u0441\u0430\u0440": [
    {
      lang: "mn",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0447": [
    {
      lang: "az",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0447.\u0430": [
    {
      lang: "az",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0447\u0430\u0446\u0432\u0435\u0440": [
    {
      lang: "be",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0447\u04D9\u0440\u0448\u04D9\u043D\u0431\u04D9": [
    {
      lang: "az",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0447\u04D9\u0440\u0448\u04D9\u043D\u0431\u04D9 \u0430\u0445\u0448\u0430\u043C\u044B": [
    {
      lang: "az",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0447\u0435": [
    {
      lang: "sr",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0447\u0435\u0440\u0432": [
    {
      lang: "uk",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0447\u0435\u0440\u0432\u0435\u043D\u044C": [
    {
      lang: "uk",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0447\u0435\u0440\u0432\u043D\u044F": [
    {
      lang: "uk",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0447\u0435\u0442": [
    {
      lang: "bs",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "mk",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0447\u0435\u0442\u0432\u0435\u0440": [
    {
      lang: "uk",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0447\u0435\u0442\u0432\u0435\u0440\u0433": [
    {
      lang: "ru",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0447\u0435\u0442\u0432\u0440\u0442\u0430\u043A": [
    {
      lang: "bs",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "sr",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0447\u0435\u0442\u0432\u0440\u0442\u043E\u043A": [
    {
      lang: "mk",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0447\u0435\u0442\u0432\u044A\u0440\u0442\u044A\u043A": [
    {
      lang: "bg",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0447\u043E": [
    {
      lang: "uz",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0447\u043E\u0440": [
    {
      lang: "uz",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0447\u043E\u0440\u0448\u0430\u043D\u0431\u0430": [
    {
      lang: "uz",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0447\u043E\u0440\u0448\u0430\u043D\u0431\u0435": [
    {
      lang: "tg",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0447\u0442": [
    {
      lang: "bg",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "ru",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "uk",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0447\u0446": [
    {
      lang: "be",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0447\u0448\u0431": [
    {
      lang: "tg",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0447\u044D\u0440": [
    {
      lang: "be",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0447\u044D\u0440\u0432\u0435\u043D\u044C": [
    {
      lang: "be",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0447\u044D\u0440\u0432\u0435\u043D\u044F": [
    {
      lang: "be",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u04B7\u043C\u044A": [
    {
      lang: "tg",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u04B7\u0443\u043C\u044A\u0430": [
    {
      lang: "tg",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u04B9": [
    {
      lang: "az",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u04B9.\u0430": [
    {
      lang: "az",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u04B9\u04AF\u043C\u04D9": [
    {
      lang: "az",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u04B9\u04AF\u043C\u04D9 \u0430\u0445\u0448\u0430\u043C\u044B": [
    {
      lang: "az",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0448": [
    {
      lang: "az",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0448\u0430": [
    {
      lang: "uz",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0448\u0430\u043D": [
    {
      lang: "uz",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0448\u0430\u043D\u0431\u0430": [
    {
      lang: "uz",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0448\u0430\u043D\u0431\u0435": [
    {
      lang: "tg",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0448\u0430\u0440\u0448": [
    {
      lang: "ky",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0448\u0430\u0440\u0448\u0435\u043C\u0431\u0438": [
    {
      lang: "ky",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0448\u04D9\u043D\u0431\u04D9": [
    {
      lang: "az",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0448\u0435\u0439\u0448": [
    {
      lang: "ky",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0448\u0435\u0439\u0448\u0435\u043C\u0431\u0438": [
    {
      lang: "ky",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0448\u0456\u043B": [
    {
      lang: "kk",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u0448\u0456\u043B\u0434\u0435": [
    {
      lang: "kk",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u0448\u043D\u0431": [
    {
      lang: "tg",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0448\u0440": [
    {
      lang: "ky",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0448\u0448": [
    {
      lang: "ky",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u044E\u043B\u0438": [
    {
      lang: "bg",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u044E\u043D\u0438": [
    {
      lang: "bg",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u044F\u043A": [
    {
      lang: "uz",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u044F\u043A\u0448": [
    {
      lang: "uz",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u044F\u043A\u0448\u0430\u043D\u0431\u0430": [
    {
      lang: "uz",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u044F\u043A\u0448\u0430\u043D\u0431\u0435": [
    {
      lang: "tg",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u044F\u043D\u0432": [
    {
      lang: "ky",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "ru",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "tg",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u044F\u043D\u0432\u0430\u0440": [
    {
      lang: "tg",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u044F\u043D\u0432\u0430\u0440\u044C": [
    {
      lang: "ky",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "ru",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u044F\u043D\u0432\u0430\u0440\u044F": [
    {
      lang: "ru",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u044F\u043D\u0443": [
    {
      lang: "bg",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u044F\u043D\u0443\u0430\u0440\u0438": [
    {
      lang: "bg",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u044F\u0448\u0431": [
    {
      lang: "tg",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u10D0\u10D2\u10D5": [
    {
      lang: "ka",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u10D0\u10D2\u10D5\u10D8\u10E1\u10E2\u10DD": [
    {
      lang: "ka",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u10D0\u10DE\u10E0": [
    {
      lang: "ka",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u10D0\u10DE\u10E0\u10D8\u10DA\u10D8": [
    {
      lang: "ka",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u10D3\u10D4\u10D9": [
    {
      lang: "ka",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u10D3\u10D4\u10D9\u10D4\u10DB\u10D1\u10D4\u10E0\u10D8": [
    {
      lang: "ka",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u10D7\u10D4\u10D1": [
    {
      lang: "ka",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u10D7\u10D4\u10D1\u10D4\u10E0\u10D5\u10D0\u10DA\u10D8": [
    {
      lang: "ka",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u10D8\u10D0\u10DC": [
    {
      lang: "ka",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u10D8\u10D0\u10DC\u10D5\u10D0\u10E0\u10D8": [
    {
      lang: "ka",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u10D8\u10D5\u10DA": [
    {
      lang: "ka",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u10D8\u10D5\u10DA\u10D8\u10E1\u10D8": [
    {
      lang: "ka",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u10D8\u10D5\u10DC": [
    {
      lang: "ka",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u10D8\u10D5\u10DC\u10D8\u10E1\u10D8": [
    {
      lang: "ka",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u10D9\u10D5": [
    {
      lang: "ka",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u10D9\u10D5\u10D8": [
    {
      lang: "ka",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u10D9\u10D5\u10D8\u10E0\u10D0": [
    {
      lang: "ka",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u10DB\u10D0\u10D8": [
    {
      lang: "ka",
      meaning: "May",
      type: "month"
    }
  ],
  "\u10DB\u10D0\u10D8\u10E1\u10D8": [
    {
      lang: "ka",
      meaning: "May",
      type: "month"
    }
  ],
  "\u10DB\u10D0\u10E0": [
    {
      lang: "ka",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u10DB\u10D0\u10E0\u10E2\u10D8": [
    {
      lang: "ka",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u10DC\u10DD\u10D4": [
    {
      lang: "ka",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u10DC\u10DD\u10D4\u10DB\u10D1\u10D4\u10E0\u10D8": [
    {
      lang: "ka",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u10DD\u10D7": [
    {
      lang: "ka",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u10DD\u10D7\u10EE": [
    {
      lang: "ka",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u10DD\u10D7\u10EE\u10E8\u10D0\u10D1\u10D0\u10D7\u10D8": [
    {
      lang: "ka",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u10DD\u10E0": [
    {
      lang: "ka",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u10DD\u10E0\u10E8": [
    {
      lang: "ka",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u10DD\u10E0\u10E8\u10D0\u10D1\u10D0\u10D7\u10D8": [
    {
      lang: "ka",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u10DD\u10E5\u10E2": [
    {
      lang: "ka",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u10DD\u10E5\u10E2\u10DD\u10DB\u10D1\u10D4\u10E0\u10D8": [
    {
      lang: "ka",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u10DE\u10D0\u10E0": [
    {
      lang: "ka",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u10DE\u10D0\u10E0\u10D0\u10E1\u10D9\u10D4\u10D5\u10D8": [
    {
      lang: "ka",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u10DE\u10E0": [
    {
      lang: "ka",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u10E1\u10D0\u10DB": [
    {
      lang: "ka",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u10E1\u10D0\u10DB\u10E8\u10D0\u10D1\u10D0\u10D7\u10D8": [
    {
      lang: "ka",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u10E1\u10D4\u10E5": [
    {
      lang: "ka",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u10E1\u10D4\u10E5\u10E2\u10D4\u10DB\u10D1\u10D4\u10E0\u10D8": [
    {
      lang: "ka",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u10E1\u10DB": [
    {
      lang: "ka",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u10E8\u10D0\u10D1": [
    {
      lang: "ka",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u10E8\u10D0\u10D1\u10D0\u10D7\u10D8": [
    {
      lang: "ka",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u10E8\u10D1": [
    {
      lang: "ka",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u10EE\u10D7": [
    {
      lang: "ka",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u10EE\u10E3\u10D7": [
    {
      lang: "ka",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u10EE\u10E3\u10D7\u10E8\u10D0\u10D1\u10D0\u10D7\u10D8": [
    {
      lang: "ka",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0561\u057A\u0580": [
    {
      lang: "hy",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0561\u057A\u0580\u056B\u056C": [
    {
      lang: "hy",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0561\u057A\u0580\u056B\u056C\u056B": [
    {
      lang: "hy",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0564\u0565\u056F": [
    {
      lang: "hy",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0564\u0565\u056F\u057F\u0565\u0574\u0562\u0565\u0580": [
    {
      lang: "hy",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0564\u0565\u056F\u057F\u0565\u0574\u0562\u0565\u0580\u056B": [
    {
      lang: "hy",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0565\u056F": [
    {
      lang: "hy",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0565\u0580\u0565\u0584\u0577\u0561\u0562\u0569\u056B": [
    {
      lang: "hy",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0565\u0580\u056F": [
    {
      lang: "hy",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0565\u0580\u056F\u0578\u0582\u0577\u0561\u0562\u0569\u056B": [
    {
      lang: "hy",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0565\u0580\u0584": [
    {
      lang: "hy",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0565\u0584": [
    {
      lang: "hy",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u056F\u056B\u0580": [
    {
      lang: "hy",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u056F\u056B\u0580\u0561\u056F\u056B": [
    {
      lang: "hy",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u056F\u0580": [
    {
      lang: "hy",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0570\u0563": [
    {
      lang: "hy",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0570\u056B\u0576\u0563\u0577\u0561\u0562\u0569\u056B": [
    {
      lang: "hy",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0570\u056C\u057D": [
    {
      lang: "hy",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u0570\u0576\u0563": [
    {
      lang: "hy",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0570\u0576\u057D": [
    {
      lang: "hy",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0570\u0576\u057E": [
    {
      lang: "hy",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0570\u0578\u056F": [
    {
      lang: "hy",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0570\u0578\u056F\u057F\u0565\u0574\u0562\u0565\u0580": [
    {
      lang: "hy",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0570\u0578\u056F\u057F\u0565\u0574\u0562\u0565\u0580\u056B": [
    {
      lang: "hy",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0570\u0578\u0582\u056C\u056B\u057D": [
    {
      lang: "hy",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u0570\u0578\u0582\u056C\u056B\u057D\u056B": [
    {
      lang: "hy",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u0570\u0578\u0582\u0576\u056B\u057D": [
    {
      lang: "hy",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0570\u0578\u0582\u0576\u056B\u057D\u056B": [
    {
      lang: "hy",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0570\u0578\u0582\u0576\u057E\u0561\u0580": [
    {
      lang: "hy",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0570\u0578\u0582\u0576\u057E\u0561\u0580\u056B": [
    {
      lang: "hy",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0574\u0561\u0575\u056B\u057D": [
    {
      lang: "hy",
      meaning: "May",
      type: "month"
    }
  ],
  "\u0574\u0561\u0575\u056B\u057D\u056B": [
    {
      lang: "hy",
      meaning: "May",
      type: "month"
    }
  ],
  "\u0574\u0561\u0580\u057F": [
    {
      lang: "hy",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u0574\u0561\u0580\u057F\u056B": [
    {
      lang: "hy",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u0574\u0575\u057D": [
    {
      lang: "hy",
      meaning: "May",
      type: "month"
    }
  ],
  "\u0574\u0580\u057F": [
    {
      lang: "hy",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u0576\u0578\u0575": [
    {
      lang: "hy",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u0576\u0578\u0575\u0565\u0574\u0562\u0565\u0580": [
    {
      lang: "hy",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u0576\u0578\u0575\u0565\u0574\u0562\u0565\u0580\u056B": [
    {
      lang: "hy",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u0577\u0561\u0562\u0561\u0569": [
    {
      lang: "hy",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0577\u0562": [
    {
      lang: "hy",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0577\u0562\u0569": [
    {
      lang: "hy",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0578\u0582": [
    {
      lang: "hy",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0578\u0582\u0580": [
    {
      lang: "hy",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0578\u0582\u0580\u0562\u0561\u0569": [
    {
      lang: "hy",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0579\u0578\u0580\u0565\u0584\u0577\u0561\u0562\u0569\u056B": [
    {
      lang: "hy",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0579\u0580\u0584": [
    {
      lang: "hy",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0579\u0584": [
    {
      lang: "hy",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u057D\u0565\u057A": [
    {
      lang: "hy",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u057D\u0565\u057A\u057F\u0565\u0574\u0562\u0565\u0580": [
    {
      lang: "hy",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u057D\u0565\u057A\u057F\u0565\u0574\u0562\u0565\u0580\u056B": [
    {
      lang: "hy",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0583\u0565\u057F\u0580\u057E\u0561\u0580": [
    {
      lang: "hy",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0583\u0565\u057F\u0580\u057E\u0561\u0580\u056B": [
    {
      lang: "hy",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0583\u057F\u057E": [
    {
      lang: "hy",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0585\u0563\u0578\u057D\u057F\u0578\u057D": [
    {
      lang: "hy",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0585\u0563\u0578\u057D\u057F\u0578\u057D\u056B": [
    {
      lang: "hy",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0585\u0563\u057D": [
    {
      lang: "hy",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u05D0\u05F3": [
    {
      lang: "he",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u05D0\u05D5\u05D2\u05F3": [
    {
      lang: "he",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u05D0\u05D5\u05D2\u05D5\u05E1\u05D8": [
    {
      lang: "he",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u05D0\u05D5\u05E7\u05F3": [
    {
      lang: "he",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u05D0\u05D5\u05E7\u05D8\u05D5\u05D1\u05E8": [
    {
      lang: "he",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u05D0\u05E4\u05E8\u05F3": [
    {
      lang: "he",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u05D0\u05E4\u05E8\u05D9\u05DC": [
    {
      lang: "he",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u05D1\u05F3": [
    {
      lang: "he",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u05D2\u05F3": [
    {
      lang: "he",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u05D3\u05F3": [
    {
      lang: "he",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u05D3\u05E6\u05DE\u05F3": [
    {
      lang: "he",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u05D3\u05E6\u05DE\u05D1\u05E8": [
    {
      lang: "he",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u05D4\u05F3": [
    {
      lang: "he",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u05D5\u05F3": [
    {
      lang: "he",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u05D9\u05D5\u05DC\u05D9": [
    {
      lang: "he",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u05D9\u05D5\u05DD \u05D0\u05F3": [
    {
      lang: "he",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u05D9\u05D5\u05DD \u05D1\u05F3": [
    {
      lang: "he",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u05D9\u05D5\u05DD \u05D2\u05F3": [
    {
      lang: "he",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u05D9\u05D5\u05DD \u05D3\u05F3": [
    {
      lang: "he",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u05D9\u05D5\u05DD \u05D4\u05F3": [
    {
      lang: "he",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u05D9\u05D5\u05DD \u05D5\u05F3": [
    {
      lang: "he",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u05D9\u05D5\u05DD \u05D7\u05DE\u05D9\u05E9\u05D9": [
    {
      lang: "he",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u05D9\u05D5\u05DD \u05E8\u05D0\u05E9\u05D5\u05DF": [
    {
      lang: "he",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u05D9\u05D5\u05DD \u05E8\u05D1\u05D9\u05E2\u05D9": [
    {
      lang: "he",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u05D9\u05D5\u05DD \u05E9\u05D1\u05EA": [
    {
      lang: "he",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u05D9\u05D5\u05DD \u05E9\u05D9\u05E9\u05D9": [
    {
      lang: "he",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u05D9\u05D5\u05DD \u05E9\u05DC\u05D9\u05E9\u05D9": [
    {
      lang: "he",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u05D9\u05D5\u05DD \u05E9\u05E0\u05D9": [
    {
      lang: "he",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u05D9\u05D5\u05E0\u05D9": [
    {
      lang: "he",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u05D9\u05E0\u05D5\u05F3": [
    {
      lang: "he",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u05D9\u05E0\u05D5\u05D0\u05E8": [
    {
      lang: "he",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u05DE\u05D0\u05D9": [
    {
      lang: "he",
      meaning: "May",
      type: "month"
    }
  ],
  "\u05DE\u05E8\u05E5": [
    {
      lang: "he",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u05E0\u05D5\u05D1\u05F3": [
    {
      lang: "he",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u05E0\u05D5\u05D1\u05DE\u05D1\u05E8": [
    {
      lang: "he",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u05E1\u05E4\u05D8\u05F3": [
    {
      lang: "he",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u05E1\u05E4\u05D8\u05DE\u05D1\u05E8": [
    {
      lang: "he",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u05E4\u05D1\u05E8\u05F3": [
    {
      lang: "he",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u05E4\u05D1\u05E8\u05D5\u05D0\u05E8": [
    {
      lang: "he",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u05E9\u05F3": [
    {
      lang: "he",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u05E9\u05D1\u05EA": [
    {
      lang: "he",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0621\u0633\u0627\u06CB\u0649\u0631": [
    {
      lang: "kk",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0622\u0628": [
    {
      lang: "ar",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0622\u0630\u0627\u0631": [
    {
      lang: "ar",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u0622\u0648\u0631\u06CC\u0644": [
    {
      lang: "fa",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0623\u0628\u0631\u064A\u0644": [
    {
      lang: "ar",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0623\u062D\u062F": [
    {
      lang: "ar",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0623\u0631\u0628\u0639\u0627\u0621": [
    {
      lang: "ar",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0623\u063A\u0633\u0637\u0633": [
    {
      lang: "ar",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0623\u063A\u0634\u062A": [
    {
      lang: "ar",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0623\u0641\u0631\u064A\u0644": [
    {
      lang: "ar",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0623\u0643\u062A\u0648\u0628\u0631": [
    {
      lang: "ar",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0623\u0648\u062A": [
    {
      lang: "ar",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0623\u064A\u0627\u0631": [
    {
      lang: "ar",
      meaning: "May",
      type: "month"
    }
  ],
  "\u0623\u064A\u0644\u0648\u0644": [
    {
      lang: "ar",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0625\u0628\u0631\u064A\u0644": [
    {
      lang: "ar",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0625\u062B\u0646\u064A\u0646": [
    {
      lang: "ar",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0627\u067E\u0631": [
    {
      lang: "uz",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0627\u067E\u0631\u06CC\u0644": [
    {
      lang: "fa",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "ps",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "ur",
      meaning: "Apr",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0627\u062A\u0648\u0627\u0631": [
    {
      lang: "ur",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0627\u0642\u067E\u0627\u0646": [
    {
      lang: "kk",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0627\u06A9\u062A": [
    {
      lang: "uz",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0627\u06A9\u062A\u0628\u0631": [
    {
      lang: "fa",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0627\u06A9\u062A\u0648\u0628\u0631": [
    {
      lang: "fa",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "ps",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "ur",
      meaning: "Oct",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0627\u06AB\u0633\u062A": [
    {
      lang: "ps",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0627\u06AF\u0633": [
    {
      lang: "uz",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0627\u06AF\u0633\u062A": [
    {
      lang: "fa",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "ur",
      meaning: "Aug",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0627\u0644\u0623\u062D\u062F": [
    {
      lang: "ar",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0627\u0644\u0623\u0631\u0628\u0639\u0627\u0621": [
    {
      lang: "ar",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0627\u0644\u0627\u062B\u0646\u064A\u0646": [
    {
      lang: "ar",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0627\u0644\u062B\u0644\u0627\u062B\u0627\u0621": [
    {
      lang: "ar",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0627\u0644\u062C\u0645\u0639\u0629": [
    {
      lang: "ar",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0627\u0644\u062E\u0645\u064A\u0633": [
    {
      lang: "ar",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0627\u0644\u0633\u0628\u062A": [
    {
      lang: "ar",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0627\u0648\u062A": [
    {
      lang: "fa",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0627\u0648\u0646\u06CD": [
    {
      lang: "ps",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0628\u062F\u06BE": [
    {
      lang: "ur",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0628\u06D5": [
    {
      lang: "kk",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0628\u06D5\u064A": [
    {
      lang: "kk",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0628\u06D5\u064A\u0633\u06D5\u0646\u0628\u0649": [
    {
      lang: "kk",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u067E": [
    {
      lang: "uz",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u067E\u0646\u062C\u0634\u0646\u0628\u0647": [
    {
      lang: "fa",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "uz",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u067E\u064A\u0646\u0681\u0646\u06CD": [
    {
      lang: "ps",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u067E\u06CC\u0631": [
    {
      lang: "ur",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u062A\u0627\u0645\u0649\u0632": [
    {
      lang: "kk",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u062A\u0634\u0631\u064A\u0646 \u0627\u0644\u0623\u0648\u0644": [
    {
      lang: "ar",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u062A\u0634\u0631\u064A\u0646\xA0\u0627\u0644\u0623\u0648\u0644": [
    {
      lang: "ar",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u062A\u0634\u0631\u064A\u0646 \u0627\u0644\u062B\u0627\u0646\u064A": [
    {
      lang: "ar",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u062A\u0645\u0648\u0632": [
    {
      lang: "ar",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u062B\u0644\u0627\u062B\u0627\u0621": [
    {
      lang: "ar",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u062C": [
    {
      lang: "fa",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "uz",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u062C\u0627\u0646\u0641\u064A": [
    {
      lang: "ar",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u062C\u0645\u0639\u0629": [
    {
      lang: "ar",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u062C\u0645\u0639\u0631\u0627\u062A": [
    {
      lang: "ur",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u062C\u0645\u0639\u0647": [
    {
      lang: "fa",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "ps",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "uz",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u062C\u0645\u0639\u06C1": [
    {
      lang: "ur",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u062C\u0646\u0648": [
    {
      lang: "fa",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u062C\u0646\u0648\u0631\u064A": [
    {
      lang: "ps",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u062C\u0646\u0648\u0631\u06CC": [
    {
      lang: "fa",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "ur",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u062C\u06D5": [
    {
      lang: "kk",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u062C\u06D5\u0643": [
    {
      lang: "kk",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u062C\u06D5\u0643\u0633\u06D5\u0646\u0628\u0649": [
    {
      lang: "kk",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u062C\u06D5\u0644\u062A\u0648\u0642\u0633\u0627\u0646": [
    {
      lang: "kk",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u062C\u0648\u0627\u0646": [
    {
      lang: "ar",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u062C\u0648\u0644": [
    {
      lang: "fa",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u062C\u0648\u0644\u0627\u0626\u06CC": [
    {
      lang: "ur",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u062C\u0648\u0644\u0627\u06CC": [
    {
      lang: "fa",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "ps",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u062C\u0648\u0646": [
    {
      lang: "fa",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "ps",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "ur",
      meaning: "Jun",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u062C\u0648\u064A\u0644\u064A\u0629": [
    {
      lang: "ar",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u062C\u06C7": [
    {
      lang: "kk",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u062C\u06C7\u0645": [
    {
      lang: "kk",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u062C\u06C7\u0645\u0627": [
    {
      lang: "kk",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0686": [
    {
      lang: "uz",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0686\u0647\u0627\u0631\u0634\u0646\u0628\u0647": [
    {
      lang: "fa",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "uz",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u062D\u0632\u064A\u0631\u0627\u0646": [
    {
      lang: "ar",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u062E\u0645\u064A\u0633": [
    {
      lang: "ar",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0685\u0644\u0631\u0646\u06CD": [
    {
      lang: "ps",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u062F": [
    {
      lang: "uz",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u062F\u062C\u0645\u0628\u0631": [
    {
      lang: "ar",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u062F\u062C\u0646\u0628\u0631": [
    {
      lang: "ar",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u062F\u0631\u06D0\u0646\u06CD": [
    {
      lang: "ps",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u062F\u0633\u0627\u0645\u0628\u0631": [
    {
      lang: "fa",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u062F\u0633\u0645": [
    {
      lang: "fa",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u062F\u0633\u0645\u0628\u0631": [
    {
      lang: "fa",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "ps",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "ur",
      meaning: "Dec",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u062F\u0648\u0634\u0646\u0628\u0647": [
    {
      lang: "fa",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "uz",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u062F\u0648\u0646\u06CD": [
    {
      lang: "ps",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u062F\u06C7": [
    {
      lang: "kk",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u062F\u06C7\u064A": [
    {
      lang: "kk",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u062F\u06C7\u064A\u0633\u06D5\u0646\u0628\u0649": [
    {
      lang: "kk",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u062F\u064A\u0633\u0645\u0628\u0631": [
    {
      lang: "ar",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0698\u0627\u0646\u0648\u06CC\u0647": [
    {
      lang: "fa",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0698\u0627\u0646\u0648\u06CC\u0647\u0654": [
    {
      lang: "fa",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0698\u0648\u0626\u0646": [
    {
      lang: "fa",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0698\u0648\u0626\u06CC\u0647": [
    {
      lang: "fa",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u0698\u0648\u0626\u06CC\u0647\u0654": [
    {
      lang: "fa",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u0633": [
    {
      lang: "uz",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0633\u0627": [
    {
      lang: "kk",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0633\u0627\u0631": [
    {
      lang: "kk",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0633\u0627\u0631\u0633\u06D5\u0646\u0628\u0649": [
    {
      lang: "kk",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0633\u0628\u062A": [
    {
      lang: "ar",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0633\u0628\u062A\u0645\u0628\u0631": [
    {
      lang: "ar",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0633\u067E\u062A": [
    {
      lang: "uz",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0633\u067E\u062A\u0627\u0645\u0628\u0631": [
    {
      lang: "fa",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0633\u067E\u062A\u0645\u0628\u0631": [
    {
      lang: "fa",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "ps",
      meaning: "Sep",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0633\u062A\u0645\u0628\u0631": [
    {
      lang: "ur",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0633\u0646": [
    {
      lang: "kk",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0633\u0647\u200C\u0634\u0646\u0628\u0647": [
    {
      lang: "fa",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "uz",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0633\u06D5": [
    {
      lang: "kk",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0633\u06D5\u0646": [
    {
      lang: "kk",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0633\u06D5\u0646\u0628\u0649": [
    {
      lang: "kk",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0633\u06D5\u064A": [
    {
      lang: "kk",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0633\u06D5\u064A\u0633\u06D5\u0646\u0628\u0649": [
    {
      lang: "kk",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0633\u06D0\u067E\u062A\u0645\u0628\u0631": [
    {
      lang: "ps",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0634": [
    {
      lang: "fa",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "uz",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0634\u0628\u0627\u0637": [
    {
      lang: "ar",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0634\u062A\u0645\u0628\u0631": [
    {
      lang: "ar",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0634\u062A\u0646\u0628\u0631": [
    {
      lang: "ar",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0634\u0646\u0628\u0647": [
    {
      lang: "fa",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "uz",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0634\u0649\u0644\u062F\u06D5": [
    {
      lang: "kk",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u063A\u0634\u062A": [
    {
      lang: "ar",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0641\u0628\u0631": [
    {
      lang: "uz",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0641\u0628\u0631\u0627\u064A\u0631": [
    {
      lang: "ar",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0641\u0628\u0631\u0648\u0631\u064A": [
    {
      lang: "ps",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0641\u0628\u0631\u0648\u0631\u06CC": [
    {
      lang: "fa",
      meaning: "Feb",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0641\u0631\u0648\u0631\u06CC": [
    {
      lang: "ur",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0641\u0648\u0631\u06CC\u0647": [
    {
      lang: "fa",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0641\u0648\u0631\u06CC\u0647\u0654": [
    {
      lang: "fa",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0641\u064A\u0641\u0631\u064A": [
    {
      lang: "ar",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0641\u06D0\u0628\u0631\u0648\u0631\u064A": [
    {
      lang: "ps",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0642\u0627\u0631\u0627\u0634\u0627": [
    {
      lang: "kk",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u0642\u0627\u0632\u0627\u0646": [
    {
      lang: "kk",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0642\u0627\u06AD\u062A\u0627\u0631": [
    {
      lang: "kk",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0642\u0649\u0631\u0643\u06C7\u064A\u06D5\u0643": [
    {
      lang: "kk",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0643\u0627\u0646\u0648\u0646 \u0627\u0644\u0623\u0648\u0644": [
    {
      lang: "ar",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0643\u0627\u0646\u0648\u0646 \u0627\u0644\u062B\u0627\u0646\u064A": [
    {
      lang: "ar",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0645\u0626\u06CC": [
    {
      lang: "ur",
      meaning: "May",
      type: "month"
    }
  ],
  "\u0645\u0627\u0631": [
    {
      lang: "uz",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u0645\u0627\u0631\u0686": [
    {
      lang: "fa",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "ps",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "ur",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u0645\u0627\u0631\u0633": [
    {
      lang: "ar",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "fa",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u0645\u0627\u0645\u0649\u0631": [
    {
      lang: "kk",
      meaning: "May",
      type: "month"
    }
  ],
  "\u0645\u0627\u06CB\u0633\u0649\u0645": [
    {
      lang: "kk",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0645\u0627\u064A": [
    {
      lang: "ar",
      meaning: "May",
      type: "month"
    }
  ],
  "\u0645\u0627\u064A\u0648": [
    {
      lang: "ar",
      meaning: "May",
      type: "month"
    }
  ],
  "\u0645\u0646\u06AF\u0644": [
    {
      lang: "ur",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0645\u0647": [
    {
      lang: "fa",
      meaning: "May",
      type: "month"
    }
  ],
  "\u0645\u0647\u0654": [
    {
      lang: "fa",
      meaning: "May",
      type: "month"
    }
  ],
  "\u0645\u06CC": [
    {
      lang: "fa",
      meaning: "May",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "May",
      type: "month"
    }
  ],
  "\u0645\u06CD": [
    {
      lang: "ps",
      meaning: "May",
      type: "month"
    }
  ],
  "\u0646\u0627\u06CB\u0631\u0649\u0632": [
    {
      lang: "kk",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u0646\u0648\u0627\u0645\u0628\u0631": [
    {
      lang: "fa",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u0646\u0648\u0641\u0645\u0628\u0631": [
    {
      lang: "ar",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u0646\u0648\u0645": [
    {
      lang: "uz",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u0646\u0648\u0645\u0628\u0631": [
    {
      lang: "fa",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "ps",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "ur",
      meaning: "Nov",
      type: "month"
    },
    {
      lang: "uz",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u0646\u0648\u0646\u0628\u0631": [
    {
      lang: "ar",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u0646\u064A\u0633\u0627\u0646": [
    {
      lang: "ar",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u06C1\u0641\u062A\u06C1": [
    {
      lang: "ur",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u064A\u0646\u0627\u064A\u0631": [
    {
      lang: "ar",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u064A\u0648\u0644\u064A\u0648": [
    {
      lang: "ar",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u064A\u0648\u0644\u064A\u0648\u0632": [
    {
      lang: "ar",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u064A\u0648\u0646\u064A\u0648": [
    {
      lang: "ar",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u064A\u0648\u0646\u06CD": [
    {
      lang: "ps",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u06CC": [
    {
      lang: "uz",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u06CC\u06A9\u0634\u0646\u0628\u0647": [
    {
      lang: "fa",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "uz",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u1208\u12AB": [
    {
      lang: "ti",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u1208\u12AB\u1272\u1275": [
    {
      lang: "ti",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u1210": [
    {
      lang: "am",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u1210\u1219\u1235": [
    {
      lang: "am",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u1213\u1219": [
    {
      lang: "ti",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u1213\u1219\u1235": [
    {
      lang: "ti",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u1213\u121D": [
    {
      lang: "ti",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u1213\u121D\u1208": [
    {
      lang: "ti",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u1215\u12F3": [
    {
      lang: "ti",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u1215\u12F3\u122D": [
    {
      lang: "ti",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u1218\u1235": [
    {
      lang: "ti",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u1218\u1235\u12A8\u1228\u121D": [
    {
      lang: "ti",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u1218\u130B": [
    {
      lang: "ti",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u1218\u130B\u1262\u1275": [
    {
      lang: "ti",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u121A\u12EB": [
    {
      lang: "ti",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u121A\u12EB\u12DD\u12EB": [
    {
      lang: "ti",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u121B": [
    {
      lang: "am",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u121B\u122D\u127D": [
    {
      lang: "am",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u121B\u12AD\u1230": [
    {
      lang: "am",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u121B\u12AD\u1230\u129E": [
    {
      lang: "am",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u121C\u12ED": [
    {
      lang: "am",
      meaning: "May",
      type: "month"
    }
  ],
  "\u1228": [
    {
      lang: "am",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u1228\u1261": [
    {
      lang: "ti",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u1228\u1261\u12D5": [
    {
      lang: "am",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "ti",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u1230": [
    {
      lang: "am",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u1230\u1209": [
    {
      lang: "ti",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u1230\u1209\u1235": [
    {
      lang: "ti",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u1230\u1290": [
    {
      lang: "ti",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u1230\u1291": [
    {
      lang: "ti",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u1230\u1291\u12ED": [
    {
      lang: "ti",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u1230\u1295": [
    {
      lang: "ti",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u1230\u1295\u1260\u1275": [
    {
      lang: "ti",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u1230\u129E": [
    {
      lang: "am",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u1234\u1355\u1274": [
    {
      lang: "am",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u1234\u1355\u1274\u121D\u1260\u122D": [
    {
      lang: "am",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u1240\u12F3": [
    {
      lang: "ti",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u1240\u12F3\u121D": [
    {
      lang: "ti",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u1245": [
    {
      lang: "am",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u1245\u12F3\u121C": [
    {
      lang: "am",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u1273\u1215": [
    {
      lang: "ti",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u1273\u1215\u1233\u1235": [
    {
      lang: "ti",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u1290\u1213": [
    {
      lang: "ti",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u1290\u1213\u1230": [
    {
      lang: "ti",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u1296\u126C\u121D": [
    {
      lang: "am",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u1296\u126C\u121D\u1260\u122D": [
    {
      lang: "am",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u12A4\u1355\u122A": [
    {
      lang: "am",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u12A4\u1355\u122A\u120D": [
    {
      lang: "am",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u12A5": [
    {
      lang: "am",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u12A5\u1211\u12F5": [
    {
      lang: "am",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u12A6\u12AD\u1276": [
    {
      lang: "am",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u12A6\u12AD\u1276\u1260\u122D": [
    {
      lang: "am",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u12A6\u1308\u1235": [
    {
      lang: "am",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u12A6\u1308\u1235\u1275": [
    {
      lang: "am",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u12D3": [
    {
      lang: "am",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u12D3\u122D": [
    {
      lang: "ti",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u12D3\u122D\u1262": [
    {
      lang: "ti",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u12D3\u122D\u1265": [
    {
      lang: "am",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u12F2\u1234\u121D": [
    {
      lang: "am",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u12F2\u1234\u121D\u1260\u122D": [
    {
      lang: "am",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u1301\u120B\u12ED": [
    {
      lang: "am",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u1301\u1295": [
    {
      lang: "am",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u1303\u1295": [
    {
      lang: "am",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u1303\u1295\u12CB\u122A": [
    {
      lang: "am",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u1309\u1295\u1260\u1275": [
    {
      lang: "ti",
      meaning: "May",
      type: "month"
    }
  ],
  "\u130D\u1295": [
    {
      lang: "ti",
      meaning: "May",
      type: "month"
    }
  ],
  "\u1325\u122A": [
    {
      lang: "ti",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u1325\u1245": [
    {
      lang: "ti",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u1325\u1245\u121D\u1272": [
    {
      lang: "ti",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u134C\u1265": [
    {
      lang: "am",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u134C\u1265\u1229\u12CB\u122A": [
    {
      lang: "am",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0905\u0915\u094D\u091F\u0942\u0970": [
    {
      lang: "hi",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0905\u0915\u094D\u091F\u0942\u092C\u0930": [
    {
      lang: "hi",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0905\u0915\u094D\u091F\u094B\u092C\u0930": [
    {
      lang: "ne",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0905\u0917\u0970": [
    {
      lang: "hi",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0905\u0917\u0938\u094D\u091F": [
    {
      lang: "ne",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0905\u0917\u0938\u094D\u0924": [
    {
      lang: "hi",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0905\u092A\u094D\u0930\u093F\u0932": [
    {
      lang: "ne",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0905\u092A\u094D\u0930\u0948\u0932": [
    {
      lang: "hi",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0906\u0907\u0924": [
    {
      lang: "ne",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0906\u0907\u0924\u092C\u093E\u0930": [
    {
      lang: "ne",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0917\u0941": [
    {
      lang: "hi",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0917\u0941\u0930\u0941": [
    {
      lang: "hi",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0917\u0941\u0930\u0941\u0935\u093E\u0930": [
    {
      lang: "hi",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u091C\u0928\u0970": [
    {
      lang: "hi",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u091C\u0928\u0935\u0930\u0940": [
    {
      lang: "hi",
      meaning: "Jan",
      type: "month"
    },
    {
      lang: "ne",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u091C\u0941\u0928": [
    {
      lang: "ne",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u091C\u0941\u0932\u0970": [
    {
      lang: "hi",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u091C\u0941\u0932\u093E\u0908": [
    {
      lang: "hi",
      meaning: "Jul",
      type: "month"
    },
    {
      lang: "ne",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u091C\u0942\u0928": [
    {
      lang: "hi",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0921\u093F\u0938\u0947\u092E\u094D\u092C\u0930": [
    {
      lang: "ne",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0926\u093F\u0938\u0970": [
    {
      lang: "hi",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0926\u093F\u0938\u0902\u092C\u0930": [
    {
      lang: "hi",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0928\u0935\u0970": [
    {
      lang: "hi",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u0928\u0935\u0902\u092C\u0930": [
    {
      lang: "hi",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u0928\u094B\u092D\u0947\u092E\u094D\u092C\u0930": [
    {
      lang: "ne",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u092B\u093C\u0930\u0970": [
    {
      lang: "hi",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u092B\u093C\u0930\u0935\u0930\u0940": [
    {
      lang: "hi",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u092B\u0947\u092C\u094D\u0930\u0941\u0905\u0930\u0940": [
    {
      lang: "ne",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u092C\u093F\u0939\u093F": [
    {
      lang: "ne",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u092C\u093F\u0939\u093F\u092C\u093E\u0930": [
    {
      lang: "ne",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u092C\u0941": [
    {
      lang: "hi",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u092C\u0941\u0927": [
    {
      lang: "hi",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "ne",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u092C\u0941\u0927\u092C\u093E\u0930": [
    {
      lang: "ne",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u092C\u0941\u0927\u0935\u093E\u0930": [
    {
      lang: "hi",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u092E\u0902": [
    {
      lang: "hi",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u092E\u0908": [
    {
      lang: "hi",
      meaning: "May",
      type: "month"
    }
  ],
  "\u092E\u0902\u0917\u0932": [
    {
      lang: "hi",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u092E\u0902\u0917\u0932\u0935\u093E\u0930": [
    {
      lang: "hi",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u092E\u0919\u094D\u0917\u0932": [
    {
      lang: "ne",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u092E\u0919\u094D\u0917\u0932\u092C\u093E\u0930": [
    {
      lang: "ne",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u092E\u093E\u0930\u094D\u091A": [
    {
      lang: "hi",
      meaning: "Mar",
      type: "month"
    },
    {
      lang: "ne",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u092E\u0947": [
    {
      lang: "ne",
      meaning: "May",
      type: "month"
    }
  ],
  "\u0930": [
    {
      lang: "hi",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0930\u0935\u093F": [
    {
      lang: "hi",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0930\u0935\u093F\u0935\u093E\u0930": [
    {
      lang: "hi",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0936": [
    {
      lang: "hi",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0936\u0928\u093F": [
    {
      lang: "hi",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "ne",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0936\u0928\u093F\u092C\u093E\u0930": [
    {
      lang: "ne",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0936\u0928\u093F\u0935\u093E\u0930": [
    {
      lang: "hi",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0936\u0941": [
    {
      lang: "hi",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0936\u0941\u0915\u094D\u0930": [
    {
      lang: "hi",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "ne",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0936\u0941\u0915\u094D\u0930\u092C\u093E\u0930": [
    {
      lang: "ne",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0936\u0941\u0915\u094D\u0930\u0935\u093E\u0930": [
    {
      lang: "hi",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0938\u093F\u0924\u0970": [
    {
      lang: "hi",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0938\u093F\u0924\u0902\u092C\u0930": [
    {
      lang: "hi",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0938\u0947\u092A\u094D\u091F\u0947\u092E\u094D\u092C\u0930": [
    {
      lang: "ne",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0938\u094B": [
    {
      lang: "hi",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0938\u094B\u092E": [
    {
      lang: "hi",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "ne",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0938\u094B\u092E\u092C\u093E\u0930": [
    {
      lang: "ne",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0938\u094B\u092E\u0935\u093E\u0930": [
    {
      lang: "hi",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0985\u0995\u09CD\u099F\u09CB": [
    {
      lang: "bn",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0985\u0995\u09CD\u099F\u09CB\u0983": [
    {
      lang: "bn",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0985\u0995\u09CD\u099F\u09CB\u09AC\u09B0": [
    {
      lang: "bn",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0986\u0997": [
    {
      lang: "bn",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0986\u0997\u09B8\u09CD\u099F": [
    {
      lang: "bn",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u098F\u09AA\u09CD\u09B0\u09BF": [
    {
      lang: "bn",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u098F\u09AA\u09CD\u09B0\u09BF\u09B2": [
    {
      lang: "bn",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u099C\u09BE\u09A8\u09C1": [
    {
      lang: "bn",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u099C\u09BE\u09A8\u09C1\u09AF\u09BC\u09BE\u09B0\u09BF": [
    {
      lang: "bn",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u099C\u09C1\u09A8": [
    {
      lang: "bn",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u099C\u09C1\u09B2": [
    {
      lang: "bn",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u099C\u09C1\u09B2\u09BE\u0987": [
    {
      lang: "bn",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u09A1\u09BF\u09B8\u09C7": [
    {
      lang: "bn",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u09A1\u09BF\u09B8\u09C7\u0983": [
    {
      lang: "bn",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u09A1\u09BF\u09B8\u09C7\u09AE\u09CD\u09AC\u09B0": [
    {
      lang: "bn",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u09A8\u09AD\u09C7": [
    {
      lang: "bn",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u09A8\u09AD\u09C7\u0983": [
    {
      lang: "bn",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u09A8\u09AD\u09C7\u09AE\u09CD\u09AC\u09B0": [
    {
      lang: "bn",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u09AB\u09C7\u09AC": [
    {
      lang: "bn",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u09AB\u09C7\u09AC\u09CD\u09B0\u09C1\u09AF\u09BC\u09BE\u09B0\u09BF": [
    {
      lang: "bn",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u09AC\u09C1\u0983": [
    {
      lang: "bn",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u09AC\u09C1\u09A7": [
    {
      lang: "bn",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u09AC\u09C1\u09A7\u09AC\u09BE\u09B0": [
    {
      lang: "bn",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u09AC\u09C3\u0983": [
    {
      lang: "bn",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u09AC\u09C3\u09B9\u09B8\u09CD\u09AA\u09A4\u09BF": [
    {
      lang: "bn",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u09AC\u09C3\u09B9\u09B8\u09CD\u09AA\u09A4\u09BF\u09AC\u09BE\u09B0": [
    {
      lang: "bn",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u09AE\u0983": [
    {
      lang: "bn",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u09AE\u0999\u09CD\u0997\u09B2": [
    {
      lang: "bn",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u09AE\u0999\u09CD\u0997\u09B2\u09AC\u09BE\u09B0": [
    {
      lang: "bn",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u09AE\u09BE\u09B0\u09CD\u099A": [
    {
      lang: "bn",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u09AE\u09C7": [
    {
      lang: "bn",
      meaning: "May",
      type: "month"
    }
  ],
  "\u09B0\u0983": [
    {
      lang: "bn",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u09B0\u09AC\u09BF": [
    {
      lang: "bn",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u09B0\u09AC\u09BF\u09AC\u09BE\u09B0": [
    {
      lang: "bn",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u09B6\u0983": [
    {
      lang: "bn",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u09B6\u09A8\u09BF": [
    {
      lang: "bn",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u09B6\u09A8\u09BF\u09AC\u09BE\u09B0": [
    {
      lang: "bn",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u09B6\u09C1\u0983": [
    {
      lang: "bn",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u09B6\u09C1\u0995\u09CD\u09B0": [
    {
      lang: "bn",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u09B6\u09C1\u0995\u09CD\u09B0\u09AC\u09BE\u09B0": [
    {
      lang: "bn",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u09B8\u09C7\u09AA": [
    {
      lang: "bn",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u09B8\u09C7\u09AA\u09CD\u099F": [
    {
      lang: "bn",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u09B8\u09C7\u09AA\u09CD\u099F\u09C7\u0983": [
    {
      lang: "bn",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u09B8\u09C7\u09AA\u09CD\u099F\u09C7\u09AE\u09CD\u09AC\u09B0": [
    {
      lang: "bn",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u09B8\u09CB\u0983": [
    {
      lang: "bn",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u09B8\u09CB\u09AE": [
    {
      lang: "bn",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u09B8\u09CB\u09AE\u09AC\u09BE\u09B0": [
    {
      lang: "bn",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0B85\u0B95\u0BCD": [
    {
      lang: "ta",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0B85\u0B95\u0BCD\u0B9F\u0BCB\u0BAA\u0BB0\u0BCD": [
    {
      lang: "ta",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0B86\u0B95": [
    {
      lang: "ta",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0B86\u0B95\u0BB8\u0BCD\u0B9F\u0BCD": [
    {
      lang: "ta",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0B8F\u0BAA\u0BCD": [
    {
      lang: "ta",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0B8F\u0BAA\u0BCD\u0BB0\u0BB2\u0BCD": [
    {
      lang: "ta",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0B9A": [
    {
      lang: "ta",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0B9A\u0BA9\u0BBF": [
    {
      lang: "ta",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0B9A\u0BC6": [
    {
      lang: "ta",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0B9A\u0BC6\u0BAA\u0BCD": [
    {
      lang: "ta",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0B9A\u0BC6\u0BAA\u0BCD\u0B9F\u0BAE\u0BCD\u0BAA\u0BB0\u0BCD": [
    {
      lang: "ta",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0B9A\u0BC6\u0BB5\u0BCD": [
    {
      lang: "ta",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0B9A\u0BC6\u0BB5\u0BCD\u0BB5\u0BBE\u0BAF\u0BCD": [
    {
      lang: "ta",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0B9E\u0BBE": [
    {
      lang: "ta",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0B9E\u0BBE\u0BAF\u0BBF": [
    {
      lang: "ta",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0B9E\u0BBE\u0BAF\u0BBF\u0BB1\u0BC1": [
    {
      lang: "ta",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0B9F\u0BBF\u0B9A": [
    {
      lang: "ta",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0B9F\u0BBF\u0B9A\u0BAE\u0BCD\u0BAA\u0BB0\u0BCD": [
    {
      lang: "ta",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0BA4\u0BBF": [
    {
      lang: "ta",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0BA4\u0BBF\u0B99\u0BCD": [
    {
      lang: "ta",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0BA4\u0BBF\u0B99\u0BCD\u0B95\u0BB3\u0BCD": [
    {
      lang: "ta",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0BA8\u0BB5": [
    {
      lang: "ta",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u0BA8\u0BB5\u0BAE\u0BCD\u0BAA\u0BB0\u0BCD": [
    {
      lang: "ta",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u0BAA\u0BBF\u0BAA\u0BCD": [
    {
      lang: "ta",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0BAA\u0BBF\u0BAA\u0BCD\u0BB0\u0BB5\u0BB0\u0BBF": [
    {
      lang: "ta",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0BAA\u0BC1": [
    {
      lang: "ta",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0BAA\u0BC1\u0BA4": [
    {
      lang: "ta",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0BAA\u0BC1\u0BA4\u0BA9\u0BCD": [
    {
      lang: "ta",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0BAE\u0BBE\u0BB0\u0BCD": [
    {
      lang: "ta",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u0BAE\u0BBE\u0BB0\u0BCD\u0B9A\u0BCD": [
    {
      lang: "ta",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u0BAE\u0BC7": [
    {
      lang: "ta",
      meaning: "May",
      type: "month"
    }
  ],
  "\u0BB5\u0BBF": [
    {
      lang: "ta",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0BB5\u0BBF\u0BAF\u0BBE": [
    {
      lang: "ta",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0BB5\u0BBF\u0BAF\u0BBE\u0BB4\u0BA9\u0BCD": [
    {
      lang: "ta",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0BB5\u0BC6": [
    {
      lang: "ta",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0BB5\u0BC6\u0BB3\u0BCD": [
    {
      lang: "ta",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0BB5\u0BC6\u0BB3\u0BCD\u0BB3\u0BBF": [
    {
      lang: "ta",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0B9C\u0BA9": [
    {
      lang: "ta",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0B9C\u0BA9\u0BB5\u0BB0\u0BBF": [
    {
      lang: "ta",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0B9C\u0BC2\u0BB2\u0BC8": [
    {
      lang: "ta",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u0B9C\u0BC2\u0BA9\u0BCD": [
    {
      lang: "ta",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0D85\u0D9F": [
    {
      lang: "si",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0D85\u0D9F\u0DC4": [
    {
      lang: "si",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0D85\u0D9F\u0DC4\u0DBB\u0DD4\u0DC0\u0DCF\u0DAF\u0DCF": [
    {
      lang: "si",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0D87\u0DC3\u0DC5": [
    {
      lang: "si",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u0D89\u0DBB\u0DD2": [
    {
      lang: "si",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0D89\u0DBB\u0DD2\u0DAF\u0DCF": [
    {
      lang: "si",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0D89\u0DBD\u0DCA": [
    {
      lang: "si",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u0D8B\u0DB3\u0DD4\u0DC0\u0DB4\u0DCA": [
    {
      lang: "si",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0DAF\u0DD4\u0DBB\u0DD4\u0DAD\u0DD4": [
    {
      lang: "si",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0DB1\u0DC0\u0DB8\u0DCA": [
    {
      lang: "si",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0DB1\u0DD2\u0D9A\u0DD2\u0DAB\u0DD2": [
    {
      lang: "si",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0DB4\u0DDC\u0DC3\u0DDC\u0DB1\u0DCA": [
    {
      lang: "si",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0DB6\u0D9A\u0DCA": [
    {
      lang: "si",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0DB6\u0DAF\u0DCF": [
    {
      lang: "si",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0DB6\u0DAF\u0DCF\u0DAF\u0DCF": [
    {
      lang: "si",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0DB6\u0DD2\u0DB1\u0DBB": [
    {
      lang: "si",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0DB6\u0DCA\u200D\u0DBB\u0DC4": [
    {
      lang: "si",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0DB6\u0DCA\u200D\u0DBB\u0DC4\u0DC3\u0DCA": [
    {
      lang: "si",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0DB6\u0DCA\u200D\u0DBB\u0DC4\u0DC3\u0DCA\u0DB4\u0DAD\u0DD2\u0DB1\u0DCA\u0DAF\u0DCF": [
    {
      lang: "si",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0DB8\u0DD0\u0DAF\u0DD2\u0DB1\u0DCA": [
    {
      lang: "si",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u0DC0\u0DB4\u0DCA": [
    {
      lang: "si",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0DC0\u0DD9\u0DC3\u0D9A\u0DCA": [
    {
      lang: "si",
      meaning: "May",
      type: "month"
    }
  ],
  "\u0DC3\u0DB3\u0DD4": [
    {
      lang: "si",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0DC3\u0DB3\u0DD4\u0DAF\u0DCF": [
    {
      lang: "si",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0DC3\u0DD2\u0D9A\u0DD4": [
    {
      lang: "si",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0DC3\u0DD2\u0D9A\u0DD4\u0DBB\u0DCF\u0DAF\u0DCF": [
    {
      lang: "si",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0DC3\u0DD9\u0DB1": [
    {
      lang: "si",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0DC3\u0DD9\u0DB1\u0DC3\u0DD4\u0DBB\u0DCF\u0DAF\u0DCF": [
    {
      lang: "si",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0E01.\u0E04": [
    {
      lang: "th",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u0E01.\u0E1E": [
    {
      lang: "th",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0E01.\u0E22": [
    {
      lang: "th",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0E01\u0E23\u0E01\u0E0E\u0E32\u0E04\u0E21": [
    {
      lang: "th",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u0E01\u0E31\u0E19\u0E22\u0E32\u0E22\u0E19": [
    {
      lang: "th",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0E01\u0E38\u0E21\u0E20\u0E32\u0E1E\u0E31\u0E19\u0E18\u0E4C": [
    {
      lang: "th",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0E08": [
    {
      lang: "th",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0E08\u0E31\u0E19\u0E17\u0E23\u0E4C": [
    {
      lang: "th",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0E15.\u0E04": [
    {
      lang: "th",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0E15\u0E38\u0E25\u0E32\u0E04\u0E21": [
    {
      lang: "th",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0E18.\u0E04": [
    {
      lang: "th",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0E18\u0E31\u0E19\u0E27\u0E32\u0E04\u0E21": [
    {
      lang: "th",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0E1E": [
    {
      lang: "th",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0E1E.\u0E04": [
    {
      lang: "th",
      meaning: "May",
      type: "month"
    }
  ],
  "\u0E1E.\u0E22": [
    {
      lang: "th",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u0E1E\u0E24": [
    {
      lang: "th",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0E1E\u0E24\u0E28\u0E08\u0E34\u0E01\u0E32\u0E22\u0E19": [
    {
      lang: "th",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u0E1E\u0E24\u0E29\u0E20\u0E32\u0E04\u0E21": [
    {
      lang: "th",
      meaning: "May",
      type: "month"
    }
  ],
  "\u0E1E\u0E24\u0E2B\u0E31\u0E2A": [
    {
      lang: "th",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0E1E\u0E38\u0E18": [
    {
      lang: "th",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0E21.\u0E04": [
    {
      lang: "th",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0E21\u0E01\u0E23\u0E32\u0E04\u0E21": [
    {
      lang: "th",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0E21\u0E34.\u0E22": [
    {
      lang: "th",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0E21\u0E34\u0E16\u0E38\u0E19\u0E32\u0E22\u0E19": [
    {
      lang: "th",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0E21\u0E35.\u0E04": [
    {
      lang: "th",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u0E21\u0E35\u0E19\u0E32\u0E04\u0E21": [
    {
      lang: "th",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u0E40\u0E21.\u0E22": [
    {
      lang: "th",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0E40\u0E21\u0E29\u0E32\u0E22\u0E19": [
    {
      lang: "th",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0E27\u0E31\u0E19\u0E08\u0E31\u0E19\u0E17\u0E23\u0E4C": [
    {
      lang: "th",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0E27\u0E31\u0E19\u0E1E\u0E24\u0E2B\u0E31\u0E2A\u0E1A\u0E14\u0E35": [
    {
      lang: "th",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0E27\u0E31\u0E19\u0E1E\u0E38\u0E18": [
    {
      lang: "th",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0E27\u0E31\u0E19\u0E28\u0E38\u0E01\u0E23\u0E4C": [
    {
      lang: "th",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0E27\u0E31\u0E19\u0E40\u0E2A\u0E32\u0E23\u0E4C": [
    {
      lang: "th",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0E27\u0E31\u0E19\u0E2D\u0E31\u0E07\u0E04\u0E32\u0E23": [
    {
      lang: "th",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0E27\u0E31\u0E19\u0E2D\u0E32\u0E17\u0E34\u0E15\u0E22\u0E4C": [
    {
      lang: "th",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0E28": [
    {
      lang: "th",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0E28\u0E38\u0E01\u0E23\u0E4C": [
    {
      lang: "th",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0E2A": [
    {
      lang: "th",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0E2A.\u0E04": [
    {
      lang: "th",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0E2A\u0E34\u0E07\u0E2B\u0E32\u0E04\u0E21": [
    {
      lang: "th",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0E40\u0E2A\u0E32\u0E23\u0E4C": [
    {
      lang: "th",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0E2D": [
    {
      lang: "th",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0E2D\u0E31\u0E07\u0E04\u0E32\u0E23": [
    {
      lang: "th",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0E2D\u0E32": [
    {
      lang: "th",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0E2D\u0E32\u0E17\u0E34\u0E15\u0E22\u0E4C": [
    {
      lang: "th",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0E81.\u0E8D": [
    {
      lang: "lo",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0E81.\u0E9E": [
    {
      lang: "lo",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0E81.\u0EA5": [
    {
      lang: "lo",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u0E81\u0ECD\u0EA5\u0EB0\u0E81\u0EBB\u0E94": [
    {
      lang: "lo",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u0E81\u0EB1\u0E99\u0E8D\u0EB2": [
    {
      lang: "lo",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0E81\u0EB8\u0EA1\u0E9E\u0EB2": [
    {
      lang: "lo",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0E88": [
    {
      lang: "lo",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0E88\u0EB1\u0E99": [
    {
      lang: "lo",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0EAA": [
    {
      lang: "lo",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0EAA.\u0EAB": [
    {
      lang: "lo",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0EAA\u0EB4\u0E87\u0EAB\u0EB2": [
    {
      lang: "lo",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0EAA\u0EB8": [
    {
      lang: "lo",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0EAA\u0EB8\u0E81": [
    {
      lang: "lo",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0EC0\u0EAA\u0EBB\u0EB2": [
    {
      lang: "lo",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0E95.\u0EA5": [
    {
      lang: "lo",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0E95\u0EB8\u0EA5\u0EB2": [
    {
      lang: "lo",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0E97.\u0EA7": [
    {
      lang: "lo",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0E97\u0EB1\u0E99\u0EA7\u0EB2": [
    {
      lang: "lo",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0E9E": [
    {
      lang: "lo",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0E9E.\u0E88": [
    {
      lang: "lo",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u0E9E.\u0E9E": [
    {
      lang: "lo",
      meaning: "May",
      type: "month"
    }
  ],
  "\u0E9E\u0EAB": [
    {
      lang: "lo",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0E9E\u0EB0\u0E88\u0EB4\u0E81": [
    {
      lang: "lo",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u0E9E\u0EB0\u0EAB\u0EB1\u0E94": [
    {
      lang: "lo",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0E9E\u0EB6\u0E94\u0EAA\u0EB0\u0E9E\u0EB2": [
    {
      lang: "lo",
      meaning: "May",
      type: "month"
    }
  ],
  "\u0E9E\u0EB8\u0E94": [
    {
      lang: "lo",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0EA1.\u0E81": [
    {
      lang: "lo",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0EA1.\u0EAA": [
    {
      lang: "lo",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0EA1.\u0E99": [
    {
      lang: "lo",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u0EA1\u0EB1\u0E87\u0E81\u0EAD\u0E99": [
    {
      lang: "lo",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0EA1\u0EB4.\u0E96": [
    {
      lang: "lo",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0EA1\u0EB4\u0E96\u0EB8\u0E99\u0EB2": [
    {
      lang: "lo",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0EA1\u0EB5\u0E99\u0EB2": [
    {
      lang: "lo",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u0EC0\u0EA1\u0EAA\u0EB2": [
    {
      lang: "lo",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0EA7\u0EB1\u0E99\u0E88\u0EB1\u0E99": [
    {
      lang: "lo",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0EA7\u0EB1\u0E99\u0EAA\u0EB8\u0E81": [
    {
      lang: "lo",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0EA7\u0EB1\u0E99\u0EC0\u0EAA\u0EBB\u0EB2": [
    {
      lang: "lo",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0EA7\u0EB1\u0E99\u0E9E\u0EB0\u0EAB\u0EB1\u0E94": [
    {
      lang: "lo",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0EA7\u0EB1\u0E99\u0E9E\u0EB8\u0E94": [
    {
      lang: "lo",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0EA7\u0EB1\u0E99\u0EAD\u0EB1\u0E87\u0E84\u0EB2\u0E99": [
    {
      lang: "lo",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0EA7\u0EB1\u0E99\u0EAD\u0EB2\u0E97\u0EB4\u0E94": [
    {
      lang: "lo",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0EAD": [
    {
      lang: "lo",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0EAD\u0EB1\u0E87\u0E84\u0EB2\u0E99": [
    {
      lang: "lo",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0EAD\u0EB2": [
    {
      lang: "lo",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0EAD\u0EB2\u0E97\u0EB4\u0E94": [
    {
      lang: "lo",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0F42\u0F5F\u0F60\u0F0B\u0F49\u0F72\u0F0B\u0F58\u0F0B": [
    {
      lang: "dz",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0F42\u0F5F\u0F60\u0F0B\u0F54\u0F0B\u0F66\u0F44\u0F66\u0F0B": [
    {
      lang: "dz",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0F42\u0F5F\u0F60\u0F0B\u0F55\u0F74\u0F62\u0F0B\u0F56\u0F74\u0F0B": [
    {
      lang: "dz",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0F42\u0F5F\u0F60\u0F0B\u0F58\u0F72\u0F42\u0F0B\u0F51\u0F58\u0F62\u0F0B": [
    {
      lang: "dz",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0F42\u0F5F\u0F60\u0F0B\u0F5F\u0FB3\u0F0B\u0F56\u0F0B": [
    {
      lang: "dz",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0F42\u0F5F\u0F60\u0F0B\u0F63\u0FB7\u0F42\u0F0B\u0F54\u0F0B": [
    {
      lang: "dz",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0F42\u0F5F\u0F60\u0F0B\u0F66\u0FA4\u0F7A\u0F53\u0F0B\u0F54\u0F0B": [
    {
      lang: "dz",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u0F49\u0F72\u0F0B": [
    {
      lang: "dz",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u0F55\u0F74\u0F62\u0F0B": [
    {
      lang: "dz",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u0F58\u0F72\u0F62\u0F0B": [
    {
      lang: "dz",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u0F5F\u0FB3\u0F0B": [
    {
      lang: "dz",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u0F5F\u0FB3\u0F0B\u0F21": [
    {
      lang: "dz",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0F5F\u0FB3\u0F0B\u0F21\u0F20": [
    {
      lang: "dz",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0F5F\u0FB3\u0F0B\u0F21\u0F21": [
    {
      lang: "dz",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u0F5F\u0FB3\u0F0B\u0F21\u0F22": [
    {
      lang: "dz",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0F5F\u0FB3\u0F0B\u0F22": [
    {
      lang: "dz",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0F5F\u0FB3\u0F0B\u0F23": [
    {
      lang: "dz",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u0F5F\u0FB3\u0F0B\u0F24": [
    {
      lang: "dz",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0F5F\u0FB3\u0F0B\u0F25": [
    {
      lang: "dz",
      meaning: "May",
      type: "month"
    }
  ],
  "\u0F5F\u0FB3\u0F0B\u0F26": [
    {
      lang: "dz",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0F5F\u0FB3\u0F0B\u0F27": [
    {
      lang: "dz",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u0F5F\u0FB3\u0F0B\u0F28": [
    {
      lang: "dz",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0F5F\u0FB3\u0F0B\u0F29": [
    {
      lang: "dz",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0F5F\u0FB3\u0F0B\u0F42\u0F49\u0F72\u0F66\u0F0B\u0F54\u0F0B": [
    {
      lang: "dz",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0F5F\u0FB3\u0F0B\u0F42\u0F66\u0F74\u0F58\u0F0B\u0F54\u0F0B": [
    {
      lang: "dz",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u0F5F\u0FB3\u0F0B\u0F51\u0F42\u0F74\u0F0B\u0F54\u0F0B": [
    {
      lang: "dz",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0F5F\u0FB3\u0F0B\u0F51\u0F44\u0F54\u0F0B": [
    {
      lang: "dz",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0F5F\u0FB3\u0F0B\u0F51\u0FB2\u0F74\u0F42\u0F0B\u0F54": [
    {
      lang: "dz",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0F5F\u0FB3\u0F0B\u0F56\u0F45\u0F74\u0F0B\u0F42\u0F45\u0F72\u0F42\u0F0B\u0F54\u0F0B": [
    {
      lang: "dz",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u0F5F\u0FB3\u0F0B\u0F56\u0F45\u0F74\u0F0B\u0F42\u0F49\u0F72\u0F66\u0F0B\u0F54\u0F0B": [
    {
      lang: "dz",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0F5F\u0FB3\u0F0B\u0F56\u0F45\u0F74\u0F0B\u0F54\u0F0B": [
    {
      lang: "dz",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0F5F\u0FB3\u0F0B\u0F56\u0F51\u0F74\u0F53\u0F0B\u0F54\u0F0B": [
    {
      lang: "dz",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u0F5F\u0FB3\u0F0B\u0F56\u0F5E\u0F72\u0F0B\u0F54\u0F0B": [
    {
      lang: "dz",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0F5F\u0FB3\u0F0B\u0F56\u0F62\u0F92\u0FB1\u0F51\u0F0B\u0F54\u0F0B": [
    {
      lang: "dz",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0F5F\u0FB3\u0F0B\u0F63\u0F94\u0F0B\u0F54\u0F0B": [
    {
      lang: "dz",
      meaning: "May",
      type: "month"
    }
  ],
  "\u0F63\u0FB7\u0F42\u0F0B": [
    {
      lang: "dz",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u0F66\u0F44\u0F66\u0F0B": [
    {
      lang: "dz",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u0F66\u0FA4\u0FB1\u0F72\u0F0B\u0F5F\u0FB3\u0F0B\u0F42\u0F49\u0F72\u0F66\u0F0B\u0F54\u0F0B": [
    {
      lang: "dz",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u0F66\u0FA4\u0FB1\u0F72\u0F0B\u0F5F\u0FB3\u0F0B\u0F42\u0F66\u0F74\u0F58\u0F0B\u0F54\u0F0B": [
    {
      lang: "dz",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u0F66\u0FA4\u0FB1\u0F72\u0F0B\u0F5F\u0FB3\u0F0B\u0F51\u0F42\u0F74\u0F0B\u0F54\u0F0B": [
    {
      lang: "dz",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u0F66\u0FA4\u0FB1\u0F72\u0F0B\u0F5F\u0FB3\u0F0B\u0F51\u0F44\u0F54\u0F0B": [
    {
      lang: "dz",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u0F66\u0FA4\u0FB1\u0F72\u0F0B\u0F5F\u0FB3\u0F0B\u0F51\u0FB2\u0F74\u0F42\u0F0B\u0F54": [
    {
      lang: "dz",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u0F66\u0FA4\u0FB1\u0F72\u0F0B\u0F5F\u0FB3\u0F0B\u0F56\u0F45\u0F74\u0F0B\u0F42\u0F45\u0F72\u0F42\u0F0B\u0F54\u0F0B": [
    {
      lang: "dz",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u0F66\u0FA4\u0FB1\u0F72\u0F0B\u0F5F\u0FB3\u0F0B\u0F56\u0F45\u0F74\u0F0B\u0F42\u0F49\u0F72\u0F66\u0F0B\u0F54\u0F0B": [
    {
      lang: "dz",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u0F66\u0FA4\u0FB1\u0F72\u0F0B\u0F5F\u0FB3\u0F0B\u0F56\u0F45\u0F74\u0F0B\u0F54\u0F0B": [
    {
      lang: "dz",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u0F66\u0FA4\u0FB1\u0F72\u0F0B\u0F5F\u0FB3\u0F0B\u0F56\u0F51\u0F74\u0F53\u0F0B\u0F54\u0F0B": [
    {
      lang: "dz",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u0F66\u0FA4\u0FB1\u0F72\u0F0B\u0F5F\u0FB3\u0F0B\u0F56\u0F5E\u0F72\u0F0B\u0F54": [
    {
      lang: "dz",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u0F66\u0FA4\u0FB1\u0F72\u0F0B\u0F5F\u0FB3\u0F0B\u0F56\u0F62\u0F92\u0FB1\u0F51\u0F0B\u0F54\u0F0B": [
    {
      lang: "dz",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u0F66\u0FA4\u0FB1\u0F72\u0F0B\u0F5F\u0FB3\u0F0B\u0F63\u0F94\u0F0B\u0F54\u0F0B": [
    {
      lang: "dz",
      meaning: "May",
      type: "month"
    }
  ],
  "\u0F66\u0FA4\u0F7A\u0F53\u0F0B": [
    {
      lang: "dz",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u1000\u103C\u102C": [
    {
      lang: "my",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u1000\u103C\u102C\u101E\u1015\u1010\u1031\u1038": [
    {
      lang: "my",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u1002\u102B": [
    {
      lang: "my",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u1005\u1000\u103A": [
    {
      lang: "my",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u1005\u1000\u103A\u1010\u1004\u103A\u1018\u102C": [
    {
      lang: "my",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u1005\u1014\u1031": [
    {
      lang: "my",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u1007\u1014\u103A": [
    {
      lang: "my",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u1007\u1014\u103A\u1014\u101D\u102B\u101B\u102E": [
    {
      lang: "my",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u1007\u103D\u1014\u103A": [
    {
      lang: "my",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u1007\u1030": [
    {
      lang: "my",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u1007\u1030\u101C\u102D\u102F\u1004\u103A": [
    {
      lang: "my",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u1010\u1014\u1004\u103A\u1039\u1002\u1014\u103D\u1031": [
    {
      lang: "my",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u1010\u1014\u1004\u103A\u1039\u101C\u102C": [
    {
      lang: "my",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u1010\u1031\u1038": [
    {
      lang: "my",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u1012\u102E": [
    {
      lang: "my",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u1012\u102E\u1007\u1004\u103A\u1018\u102C": [
    {
      lang: "my",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u1014\u103D\u1031": [
    {
      lang: "my",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u1014\u102D\u102F": [
    {
      lang: "my",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u1014\u102D\u102F\u101D\u1004\u103A\u1018\u102C": [
    {
      lang: "my",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u1014\u1031": [
    {
      lang: "my",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u1016\u1031": [
    {
      lang: "my",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u1016\u1031\u1016\u1031\u102C\u103A\u101D\u102B\u101B\u102E": [
    {
      lang: "my",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u1017\u102F\u1012\u1039\u1013\u101F\u1030\u1038": [
    {
      lang: "my",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u1019\u1010\u103A": [
    {
      lang: "my",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u1019\u1031": [
    {
      lang: "my",
      meaning: "May",
      type: "month"
    }
  ],
  "\u101C\u102C": [
    {
      lang: "my",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u101E\u1031\u102C\u1000\u103C\u102C": [
    {
      lang: "my",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u101F\u1030\u1038": [
    {
      lang: "my",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u1021\u1004\u103A\u1039\u1002\u102B": [
    {
      lang: "my",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u1021\u1031\u102C\u1000\u103A": [
    {
      lang: "my",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u1021\u1031\u102C\u1000\u103A\u1010\u102D\u102F\u1018\u102C": [
    {
      lang: "my",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u1027": [
    {
      lang: "my",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u1027\u1015\u103C\u102E": [
    {
      lang: "my",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u1029": [
    {
      lang: "my",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u1029\u1002\u102F\u1010\u103A": [
    {
      lang: "my",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u1780\u1780\u17D2\u1780\u178A\u17B6": [
    {
      lang: "km",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u1780\u1789\u17D2\u1789\u17B6": [
    {
      lang: "km",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u1780\u17BB\u1798\u17D2\u1797\u17C8": [
    {
      lang: "km",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u1785": [
    {
      lang: "km",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u1785\u1793\u17D2\u1791": [
    {
      lang: "km",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u1785\u17D0\u1793\u17D2\u1791": [
    {
      lang: "km",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u178F\u17BB\u179B\u17B6": [
    {
      lang: "km",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u1792\u17D2\u1793\u17BC": [
    {
      lang: "km",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u1796\u17BB": [
    {
      lang: "km",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u1796\u17BB\u1792": [
    {
      lang: "km",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u1796\u17D2\u179A": [
    {
      lang: "km",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u1796\u17D2\u179A\u17A0": [
    {
      lang: "km",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u1796\u17D2\u179A\u17A0\u179F\u17D2\u1794\u178F\u17B7\u17CD": [
    {
      lang: "km",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u1798\u1780\u179A\u17B6": [
    {
      lang: "km",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u1798\u17B7\u1790\u17BB\u1793\u17B6": [
    {
      lang: "km",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u1798\u17B8\u1793\u17B6": [
    {
      lang: "km",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u1798\u17C1\u179F\u17B6": [
    {
      lang: "km",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u179C\u17B7\u1785\u17D2\u1786\u17B7\u1780\u17B6": [
    {
      lang: "km",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u179F": [
    {
      lang: "km",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u179F\u17B8\u17A0\u17B6": [
    {
      lang: "km",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u179F\u17BB": [
    {
      lang: "km",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u179F\u17BB\u1780\u17D2\u179A": [
    {
      lang: "km",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u179F\u17C5\u179A\u17CD": [
    {
      lang: "km",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u17A2": [
    {
      lang: "km",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u17A2\u1784\u17D2\u1782\u17B6\u179A": [
    {
      lang: "km",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u17A2\u17B6": [
    {
      lang: "km",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u17A2\u17B6\u1791\u17B7\u178F\u17D2\u1799": [
    {
      lang: "km",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u17A7\u179F\u1797\u17B6": [
    {
      lang: "km",
      meaning: "May",
      type: "month"
    }
  ],
  "\u1820\u1837\u182A\u1820\u1828 \u1828\u1822\u182D\u1821\u1833\u1825\u182D\u1821\u1837 \u1830\u1820\u1837\u180E\u1820": [
    {
      lang: "mn",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u1820\u1837\u182A\u1820\u1828 \u182C\u1823\u1836\u1820\u1833\u1823\u182D\u1820\u1837 \u1830\u1820\u1837\u180E\u1820": [
    {
      lang: "mn",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u1820\u1837\u182A\u1820\u1833\u1823\u182D\u1820\u1837 \u1830\u1820\u1837\u180E\u1820": [
    {
      lang: "mn",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u1828\u1820\u1822\u182E\u1820\u1833\u1825\u182D\u1820\u1837 \u1830\u1820\u1837\u180E\u1820": [
    {
      lang: "mn",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u1828\u1822": [
    {
      lang: "mn",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u1828\u1822\u182D\u1821\u1833\u1825\u182D\u1821\u1837 \u1830\u1820\u1837\u180E\u1820": [
    {
      lang: "mn",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u1828\u1822\u182E\u180E\u1820": [
    {
      lang: "mn",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u182A\u1820": [
    {
      lang: "mn",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u182A\u1820\u1830\u1820\u1829": [
    {
      lang: "mn",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u182A\u1822\u182E": [
    {
      lang: "mn",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u182A\u1822\u182E\u182A\u1820": [
    {
      lang: "mn",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u182B\u1825\u1837": [
    {
      lang: "mn",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u182B\u1826\u1837": [
    {
      lang: "mn",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u182B\u1826\u1837\u182A\u1826": [
    {
      lang: "mn",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u182C\u1823\u1836\u1820\u1833\u1823\u182D\u1820\u1837 \u1830\u1820\u1837\u202F\u1820": [
    {
      lang: "mn",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u182D\u1823\u1837\u182A\u1821\u1833\u1823\u182D\u1820\u1837 \u1830\u1820\u1837\u202F\u1820": [
    {
      lang: "mn",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u182E\u1822\u1820\u1820\u182E\u1820\u1837": [
    {
      lang: "mn",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u182E\u1822\u182D": [
    {
      lang: "mn",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u1832\u1820": [
    {
      lang: "mn",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u1832\u1820\u182A\u1823\u1833\u1823\u182D\u1820\u1837 \u1830\u1820\u1837\u202F\u1820": [
    {
      lang: "mn",
      meaning: "May",
      type: "month"
    }
  ],
  "\u1832\u1823\u182F\u1823\u182D\u1820\u1833\u1823\u182D\u1820\u1837 \u1830\u1820\u1837\u180E\u1820": [
    {
      lang: "mn",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u1833\u1820": [
    {
      lang: "mn",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u1833\u1820\u1838\u1820": [
    {
      lang: "mn",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u1833\u1825\u1837\u182A\u1821\u1833\u1825\u182D\u1821\u1837 \u1830\u1820\u1837\u180E\u1820": [
    {
      lang: "mn",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u1835\u1822\u1837\u182D\u1823\u182D\u1820\u1833\u1823\u182D\u1820\u1837 \u1830\u1820\u1837\u180E\u1820": [
    {
      lang: "mn",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u1836\u1822\u1830\u1825\u1833\u1825\u182D\u1821\u1837 \u1830\u1820\u1837\u180E\u1820": [
    {
      lang: "mn",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u1840\u1820": [
    {
      lang: "mn",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u1840\u1820\u182D\u182A\u1820": [
    {
      lang: "mn",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\uAE08": [
    {
      lang: "ko",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\uAE08\uC694\uC77C": [
    {
      lang: "ko",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\uBAA9": [
    {
      lang: "ko",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\uBAA9\uC694\uC77C": [
    {
      lang: "ko",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\uC218": [
    {
      lang: "ko",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\uC218\uC694\uC77C": [
    {
      lang: "ko",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\uC6D4": [
    {
      lang: "ko",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\uC6D4\uC694\uC77C": [
    {
      lang: "ko",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\uC77C": [
    {
      lang: "ko",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\uC77C\uC694\uC77C": [
    {
      lang: "ko",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\uD1A0": [
    {
      lang: "ko",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\uD1A0\uC694\uC77C": [
    {
      lang: "ko",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\uD654": [
    {
      lang: "ko",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\uD654\uC694\uC77C": [
    {
      lang: "ko",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u{10429}\u{10439}\u{10449}": [
    {
      lang: "en",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u{10429}\u{10439}\u{10449}\u{1042E}\u{1044A}": [
    {
      lang: "en",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u{1042A}\u{10440}": [
    {
      lang: "en",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u{1042A}\u{10440}\u{10432}\u{10445}\u{1043B}": [
    {
      lang: "en",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u{10431}\u{1043F}\u{1043B}": [
    {
      lang: "en",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u{10431}\u{1043F}\u{1043B}\u{1042C}\u{1043A}\u{10432}\u{10449}": [
    {
      lang: "en",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u{10436}\u{1042F}\u{1044C}": [
    {
      lang: "en",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u{10436}\u{1042F}\u{1044C}\u{10446}\u{1043C}\u{10429}": [
    {
      lang: "en",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u{1043B}\u{1042D}\u{10446}": [
    {
      lang: "en",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u{1043B}\u{1042D}\u{10446}\u{1043C}\u{10429}": [
    {
      lang: "en",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u{1043C}\u{10428}\u{10445}": [
    {
      lang: "en",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u{1043C}\u{10428}\u{10445}\u{1042F}\u{1044B}\u{1043A}\u{10432}\u{10449}": [
    {
      lang: "en",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u{1043E}\u{1042D}\u{1044A}": [
    {
      lang: "en",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u{1043E}\u{1042D}\u{1044A}\u{10434}": [
    {
      lang: "en",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u{1043E}\u{1042D}\u{1044C}": [
    {
      lang: "en",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u{1043E}\u{10430}\u{1044C}": [
    {
      lang: "en",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u{1043E}\u{10430}\u{1044C}\u{10437}\u{1042D}\u{1042F}\u{10449}\u{10428}": [
    {
      lang: "en",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u{10441}\u{1042F}\u{1043A}": [
    {
      lang: "en",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u{10441}\u{1042F}\u{1043A}\u{10449}\u{1042D}\u{1042F}\u{10449}\u{10428}": [
    {
      lang: "en",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u{10441}\u{10449}\u{10434}": [
    {
      lang: "en",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u{10441}\u{10449}\u{10434}\u{1043C}\u{10429}": [
    {
      lang: "en",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u{10443}\u{10432}\u{10449}": [
    {
      lang: "en",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u{10443}\u{10432}\u{10449}\u{10446}\u{1043C}\u{10429}": [
    {
      lang: "en",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u{10445}\u{1042F}\u{10439}": [
    {
      lang: "en",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u{10445}\u{1042F}\u{10439}\u{1043B}\u{1042F}\u{1044B}\u{1043A}\u{10432}\u{10449}": [
    {
      lang: "en",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u{10445}\u{10430}\u{1043B}": [
    {
      lang: "en",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u{10445}\u{10430}\u{1043B}\u{10432}\u{10449}\u{1043C}\u{10429}": [
    {
      lang: "en",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u{10445}\u{10432}\u{1044C}": [
    {
      lang: "en",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u{10445}\u{10432}\u{1044C}\u{1043C}\u{10429}": [
    {
      lang: "en",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u{1044B}\u{10429}": [
    {
      lang: "en",
      meaning: "May",
      type: "month"
    }
  ],
  "\u{1044B}\u{1042A}\u{10449}": [
    {
      lang: "en",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u{1044B}\u{1042A}\u{10449}\u{1043D}": [
    {
      lang: "en",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u{1044B}\u{10432}\u{1044C}": [
    {
      lang: "en",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u{1044B}\u{10432}\u{1044C}\u{1043C}\u{10429}": [
    {
      lang: "en",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u{1044C}\u{1042C}\u{10442}": [
    {
      lang: "en",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u{1044C}\u{1042C}\u{10442}\u{1042F}\u{1044B}\u{1043A}\u{10432}\u{10449}": [
    {
      lang: "en",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u4E00": [
    {
      lang: "yue",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "zh",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u4E00\u6708": [
    {
      lang: "zh",
      meaning: "Jan",
      type: "month"
    }
  ],
  "\u4E03\u6708": [
    {
      lang: "zh",
      meaning: "Jul",
      type: "month"
    }
  ],
  "\u4E09": [
    {
      lang: "yue",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "zh",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u4E09\u6708": [
    {
      lang: "zh",
      meaning: "Mar",
      type: "month"
    }
  ],
  "\u4E5D\u6708": [
    {
      lang: "zh",
      meaning: "Sep",
      type: "month"
    }
  ],
  "\u4E8C": [
    {
      lang: "yue",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "zh",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u4E8C\u6708": [
    {
      lang: "zh",
      meaning: "Feb",
      type: "month"
    }
  ],
  "\u4E94": [
    {
      lang: "yue",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "zh",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u4E94\u6708": [
    {
      lang: "zh",
      meaning: "May",
      type: "month"
    }
  ],
  "\u516B\u6708": [
    {
      lang: "zh",
      meaning: "Aug",
      type: "month"
    }
  ],
  "\u516D": [
    {
      lang: "yue",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "zh",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u516D\u6708": [
    {
      lang: "zh",
      meaning: "Jun",
      type: "month"
    }
  ],
  "\u5341\u4E00\u6708": [
    {
      lang: "zh",
      meaning: "Nov",
      type: "month"
    }
  ],
  "\u5341\u4E8C\u6708": [
    {
      lang: "zh",
      meaning: "Dec",
      type: "month"
    }
  ],
  "\u5341\u6708": [
    {
      lang: "zh",
      meaning: "Oct",
      type: "month"
    }
  ],
  "\u5468\u4E00": [
    {
      lang: "zh",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u5468\u4E09": [
    {
      lang: "zh",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u5468\u4E8C": [
    {
      lang: "zh",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u5468\u4E94": [
    {
      lang: "zh",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u5468\u516D": [
    {
      lang: "zh",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u5468\u56DB": [
    {
      lang: "zh",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u5468\u65E5": [
    {
      lang: "zh",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u56DB": [
    {
      lang: "yue",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "zh",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u56DB\u6708": [
    {
      lang: "zh",
      meaning: "Apr",
      type: "month"
    }
  ],
  "\u571F": [
    {
      lang: "ja",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u571F\u66DC\u65E5": [
    {
      lang: "ja",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u65E5": [
    {
      lang: "ja",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "yue",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "zh",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u65E5\u66DC\u65E5": [
    {
      lang: "ja",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u661F\u671F\u4E00": [
    {
      lang: "yue",
      meaning: "Mo",
      type: "weekday"
    },
    {
      lang: "zh",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u661F\u671F\u4E09": [
    {
      lang: "yue",
      meaning: "We",
      type: "weekday"
    },
    {
      lang: "zh",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u661F\u671F\u4E8C": [
    {
      lang: "yue",
      meaning: "Tu",
      type: "weekday"
    },
    {
      lang: "zh",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u661F\u671F\u4E94": [
    {
      lang: "yue",
      meaning: "Fr",
      type: "weekday"
    },
    {
      lang: "zh",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u661F\u671F\u516D": [
    {
      lang: "yue",
      meaning: "Sa",
      type: "weekday"
    },
    {
      lang: "zh",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u661F\u671F\u56DB": [
    {
      lang: "yue",
      meaning: "Th",
      type: "weekday"
    },
    {
      lang: "zh",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u661F\u671F\u65E5": [
    {
      lang: "yue",
      meaning: "Su",
      type: "weekday"
    },
    {
      lang: "zh",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u6708": [
    {
      lang: "ja",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u6708\u66DC\u65E5": [
    {
      lang: "ja",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u6728": [
    {
      lang: "ja",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u6728\u66DC\u65E5": [
    {
      lang: "ja",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u6C34": [
    {
      lang: "ja",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u6C34\u66DC\u65E5": [
    {
      lang: "ja",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u706B": [
    {
      lang: "ja",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u706B\u66DC\u65E5": [
    {
      lang: "ja",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u9031\u4E00": [
    {
      lang: "zh",
      meaning: "Mo",
      type: "weekday"
    }
  ],
  "\u9031\u4E09": [
    {
      lang: "zh",
      meaning: "We",
      type: "weekday"
    }
  ],
  "\u9031\u4E8C": [
    {
      lang: "zh",
      meaning: "Tu",
      type: "weekday"
    }
  ],
  "\u9031\u4E94": [
    {
      lang: "zh",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u9031\u516D": [
    {
      lang: "zh",
      meaning: "Sa",
      type: "weekday"
    }
  ],
  "\u9031\u56DB": [
    {
      lang: "zh",
      meaning: "Th",
      type: "weekday"
    }
  ],
  "\u9031\u65E5": [
    {
      lang: "zh",
      meaning: "Su",
      type: "weekday"
    }
  ],
  "\u91D1": [
    {
      lang: "ja",
      meaning: "Fr",
      type: "weekday"
    }
  ],
  "\u91D1\u66DC\u65E5": [
    {
      lang: "ja",
      meaning: "Fr",
      type: "weekday"
    }
  ]
};
var regionLangs = {
  ad: [
    "ca"
  ],
  ae: [
    "ar"
  ],
  af: [
    "fa",
    "ps"
  ],
  ag: [
    "en"
  ],
  ai: [
    "en"
  ],
  al: [
    "sq"
  ],
  am: [
    "hy"
  ],
  ao: [
    "pt"
  ],
  ar: [
    "es"
  ],
  as: [
    "en",
    "sm"
  ],
  at: [
    "de"
  ],
  au: [
    "en"
  ],
  aw: [
    "nl",
    "pap"
  ],
  ax: [
    "sv"
  ],
  az: [
    "az"
  ],
  ba: [
    "bs",
    "hr",
    "sr"
  ],
  bb: [
    "en"
  ],
  bd: [
    "bn"
  ],
  be: [
    "de",
    "fr",
    "nl"
  ],
  bf: [
    "fr"
  ],
  bg: [
    "bg"
  ],
  bh: [
    "ar"
  ],
  bi: [
    "en",
    "fr",
    "rn"
  ],
  bj: [
    "fr"
  ],
  bl: [
    "fr"
  ],
  bm: [
    "en"
  ],
  bn: [
    "ms"
  ],
  bo: [
    "ay",
    "es",
    "qu"
  ],
  bq: [
    "nl"
  ],
  br: [
    "pt"
  ],
  bs: [
    "en"
  ],
  bt: [
    "dz"
  ],
  bw: [
    "en",
    "tn"
  ],
  by: [
    "be",
    "ru"
  ],
  bz: [
    "en"
  ],
  ca: [
    "en",
    "fr"
  ],
  cc: [
    "en"
  ],
  cd: [
    "fr"
  ],
  cf: [
    "fr",
    "sg"
  ],
  cg: [
    "fr"
  ],
  ch: [
    "de",
    "fr",
    "gsw",
    "it"
  ],
  ci: [
    "fr"
  ],
  ck: [
    "en"
  ],
  cl: [
    "es"
  ],
  cm: [
    "en",
    "fr"
  ],
  cn: [
    "zh"
  ],
  co: [
    "es"
  ],
  cq: [
    "en"
  ],
  cr: [
    "es"
  ],
  cu: [
    "es"
  ],
  cv: [
    "pt"
  ],
  cw: [
    "nl",
    "pap"
  ],
  cx: [
    "en"
  ],
  cy: [
    "el",
    "tr"
  ],
  cz: [
    "cs"
  ],
  de: [
    "de"
  ],
  dg: [
    "en"
  ],
  dj: [
    "ar",
    "fr"
  ],
  dk: [
    "da"
  ],
  dm: [
    "en"
  ],
  "do": [
    "es"
  ],
  dz: [
    "ar",
    "fr"
  ],
  ea: [
    "es"
  ],
  ec: [
    "es",
    "qu"
  ],
  ee: [
    "et"
  ],
  eg: [
    "ar"
  ],
  eh: [
    "ar"
  ],
  er: [
    "ar",
    "en",
    "ti"
  ],
  es: [
    "es"
  ],
  et: [
    "am"
  ],
  fi: [
    "fi",
    "sv"
  ],
  fj: [
    "en",
    "fj",
    "hif"
  ],
  fk: [
    "en"
  ],
  fm: [
    "en"
  ],
  fo: [
    "fo"
  ],
  fr: [
    "fr"
  ],
  ga: [
    "fr"
  ],
  gb: [
    "en"
  ],
  gd: [
    "en"
  ],
  ge: [
    "ka"
  ],
  gf: [
    "fr"
  ],
  gg: [
    "en"
  ],
  gh: [
    "en"
  ],
  gi: [
    "en"
  ],
  gl: [
    "kl"
  ],
  gm: [
    "en"
  ],
  gn: [
    "fr"
  ],
  gp: [
    "fr"
  ],
  gq: [
    "es",
    "fr",
    "pt"
  ],
  gr: [
    "el"
  ],
  gs: [
    "en"
  ],
  gt: [
    "es"
  ],
  gu: [
    "ch",
    "en"
  ],
  gw: [
    "pt"
  ],
  gy: [
    "en"
  ],
  hk: [
    "en",
    "zh"
  ],
  hn: [
    "es"
  ],
  hr: [
    "hr"
  ],
  ht: [
    "fr",
    "ht"
  ],
  hu: [
    "hu"
  ],
  ic: [
    "es"
  ],
  id: [
    "id"
  ],
  ie: [
    "en",
    "ga"
  ],
  il: [
    "ar",
    "he"
  ],
  im: [
    "en",
    "gv"
  ],
  "in": [
    "en",
    "hi"
  ],
  io: [
    "en"
  ],
  iq: [
    "ar"
  ],
  ir: [
    "fa"
  ],
  is: [
    "is"
  ],
  it: [
    "it"
  ],
  je: [
    "en"
  ],
  jm: [
    "en"
  ],
  jo: [
    "ar"
  ],
  jp: [
    "ja"
  ],
  ke: [
    "en",
    "sw"
  ],
  kg: [
    "ky",
    "ru"
  ],
  kh: [
    "km"
  ],
  ki: [
    "en",
    "gil"
  ],
  km: [
    "ar",
    "fr",
    "wni",
    "zdj"
  ],
  kn: [
    "en"
  ],
  kp: [
    "ko"
  ],
  kr: [
    "ko"
  ],
  kw: [
    "ar"
  ],
  ky: [
    "en"
  ],
  kz: [
    "kk",
    "ru"
  ],
  la: [
    "lo"
  ],
  lb: [
    "ar"
  ],
  lc: [
    "en"
  ],
  li: [
    "de",
    "gsw"
  ],
  lk: [
    "si",
    "ta"
  ],
  lr: [
    "en"
  ],
  ls: [
    "en",
    "st"
  ],
  lt: [
    "lt"
  ],
  lu: [
    "de",
    "fr",
    "lb"
  ],
  lv: [
    "lv"
  ],
  ly: [
    "ar"
  ],
  ma: [
    "ar",
    "fr",
    "tzm"
  ],
  mc: [
    "fr"
  ],
  md: [
    "ro"
  ],
  me: [
    "sr"
  ],
  mf: [
    "fr"
  ],
  mg: [
    "en",
    "fr",
    "mg"
  ],
  mh: [
    "en",
    "mh"
  ],
  mk: [
    "mk"
  ],
  ml: [
    "fr"
  ],
  mm: [
    "my"
  ],
  mn: [
    "mn"
  ],
  mo: [
    "pt",
    "yue",
    "zh"
  ],
  mp: [
    "en"
  ],
  mq: [
    "fr"
  ],
  mr: [
    "ar"
  ],
  ms: [
    "en"
  ],
  mt: [
    "en",
    "mt"
  ],
  mu: [
    "en",
    "fr"
  ],
  mv: [
    "dv"
  ],
  mw: [
    "en",
    "ny"
  ],
  mx: [
    "es"
  ],
  my: [
    "ms"
  ],
  mz: [
    "pt"
  ],
  na: [
    "en"
  ],
  nc: [
    "fr"
  ],
  ne: [
    "fr"
  ],
  nf: [
    "en"
  ],
  ng: [
    "en",
    "yo"
  ],
  ni: [
    "es"
  ],
  nl: [
    "nl"
  ],
  no: [
    "nb",
    "nn",
    "no"
  ],
  np: [
    "ne"
  ],
  nr: [
    "en",
    "na"
  ],
  nu: [
    "en",
    "niu"
  ],
  nz: [
    "en",
    "mi"
  ],
  om: [
    "ar"
  ],
  pa: [
    "es"
  ],
  pe: [
    "es",
    "qu"
  ],
  pf: [
    "fr",
    "ty"
  ],
  pg: [
    "en",
    "ho",
    "tpi"
  ],
  ph: [
    "en",
    "fil"
  ],
  pk: [
    "en",
    "ur"
  ],
  pl: [
    "pl"
  ],
  pm: [
    "fr"
  ],
  pn: [
    "en"
  ],
  pr: [
    "en",
    "es"
  ],
  ps: [
    "ar"
  ],
  pt: [
    "pt"
  ],
  pw: [
    "en",
    "pau"
  ],
  py: [
    "es",
    "gn"
  ],
  qa: [
    "ar"
  ],
  re: [
    "fr"
  ],
  ro: [
    "ro"
  ],
  rs: [
    "sr"
  ],
  ru: [
    "ru"
  ],
  rw: [
    "en",
    "fr",
    "rw"
  ],
  sa: [
    "ar"
  ],
  sb: [
    "en"
  ],
  sc: [
    "en",
    "fr"
  ],
  sd: [
    "ar",
    "en"
  ],
  se: [
    "sv"
  ],
  sg: [
    "en",
    "ms",
    "ta",
    "zh"
  ],
  sh: [
    "en"
  ],
  si: [
    "sl"
  ],
  sj: [
    "nb"
  ],
  sk: [
    "sk"
  ],
  sl: [
    "en"
  ],
  sm: [
    "it"
  ],
  sn: [
    "fr",
    "wo"
  ],
  so: [
    "ar",
    "so"
  ],
  sr: [
    "nl"
  ],
  ss: [
    "en"
  ],
  st: [
    "pt"
  ],
  sv: [
    "es"
  ],
  sx: [
    "en",
    "nl"
  ],
  sy: [
    "ar"
  ],
  sz: [
    "en",
    "ss"
  ],
  tc: [
    "en"
  ],
  td: [
    "ar",
    "fr"
  ],
  tg: [
    "fr"
  ],
  th: [
    "th"
  ],
  tj: [
    "tg"
  ],
  tk: [
    "en",
    "tkl"
  ],
  tl: [
    "pt",
    "tet"
  ],
  tm: [
    "tk"
  ],
  tn: [
    "ar",
    "fr"
  ],
  to: [
    "en",
    "to"
  ],
  tr: [
    "tr"
  ],
  tt: [
    "en"
  ],
  tv: [
    "en",
    "tvl"
  ],
  tw: [
    "hak",
    "nan",
    "zh"
  ],
  tz: [
    "en",
    "sw"
  ],
  ua: [
    "ru",
    "uk"
  ],
  ug: [
    "en",
    "sw"
  ],
  um: [
    "en"
  ],
  us: [
    "en"
  ],
  uy: [
    "es"
  ],
  uz: [
    "uz"
  ],
  va: [
    "it"
  ],
  vc: [
    "en"
  ],
  ve: [
    "es"
  ],
  vg: [
    "en"
  ],
  vi: [
    "en"
  ],
  vn: [
    "vi"
  ],
  vu: [
    "bi",
    "en",
    "fr"
  ],
  wf: [
    "fr"
  ],
  ws: [
    "en",
    "sm"
  ],
  xk: [
    "sq",
    "sr"
  ],
  ye: [
    "ar"
  ],
  yt: [
    "fr"
  ],
  za: [
    "en"
  ],
  zm: [
    "en"
  ],
  zw: [
    "en",
    "nd",
    "sn"
  ]
};
var resolver_layers = {
  meta,
  canonical,
  universal,
  crossLocale,
  regionLangs
};
var holidayDefinitions = holiday_definitions;
function getStateFromIso3166Address(address, stateByCode) {
  const iso3166Fields = Object.keys(address).filter((key) => /^ISO3166-2-lvl\d+$/i.test(key)).sort((left, right) => {
    const leftLevel = Number(left.slice(left.lastIndexOf("lvl") + 3));
    const rightLevel = Number(right.slice(right.lastIndexOf("lvl") + 3));
    return rightLevel - leftLevel;
  });
  for (const field of iso3166Fields) {
    const value = address[field];
    if (typeof value !== "string") {
      continue;
    }
    const localCode = value.toLowerCase().replace(/^[^-]+-/, "");
    if (stateByCode[localCode]) {
      return stateByCode[localCode];
    }
  }
  return void 0;
}
function getStateFromAddress(address, countryCode) {
  if (typeof address !== "object" || address === null) {
    return void 0;
  }
  if (typeof countryCode === "string") {
    const countryDefinitions = holidayDefinitions[countryCode];
    if (countryDefinitions) {
      const stateByCode = {};
      for (const name of Object.keys(countryDefinitions)) {
        const definition = countryDefinitions[name];
        if (typeof definition === "object" && definition !== null && !Array.isArray(definition) && typeof definition._state_code === "string") {
          stateByCode[definition._state_code.toLowerCase()] = name;
        }
      }
      const stateFromIso3166 = getStateFromIso3166Address(address, stateByCode);
      if (stateFromIso3166) {
        return stateFromIso3166;
      }
    }
  }
  if (typeof address.state === "string") {
    return address.state;
  }
  if (typeof address.county === "string") {
    return address.county;
  }
  return void 0;
}
function index(value, nominatim_object, optional_conf_parm) {
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const weekdays = ["Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"];
  const INTL_DAY_MONTH_REF_DATE = new Date(2024, 2, 6);
  const string_to_token_map = {
    "su": [0, "weekday"],
    "mo": [1, "weekday"],
    "tu": [2, "weekday"],
    "we": [3, "weekday"],
    "th": [4, "weekday"],
    "fr": [5, "weekday"],
    "sa": [6, "weekday"],
    "jan": [0, "month"],
    "feb": [1, "month"],
    "mar": [2, "month"],
    "apr": [3, "month"],
    "may": [4, "month"],
    "jun": [5, "month"],
    "jul": [6, "month"],
    "aug": [7, "month"],
    "sep": [8, "month"],
    "oct": [9, "month"],
    "nov": [10, "month"],
    "dec": [11, "month"],
    "day": ["day", "calcday"],
    "days": ["days", "calcday"],
    "sunrise": ["sunrise", "timevar"],
    "sunset": ["sunset", "timevar"],
    "dawn": ["dawn", "timevar"],
    "dusk": ["dusk", "timevar"],
    "easter": ["easter", "event"],
    "week": ["week", "week"],
    "open": ["open", "state"],
    "closed": ["closed", "state"],
    "off": ["off", "state"],
    "unknown": ["unknown", "state"]
  };
  const correction_entries = Object.entries(data$1).filter(([comment]) => comment !== "Ambiguous words").flatMap(([comment, corrections]) => Object.entries(corrections).map(([pattern, replacement]) => ({ comment, pattern, replacement }))).sort((left, right) => right.pattern.length - left.pattern.length);
  const phrase_correction_entries = correction_entries.filter(
    ({ pattern }) => pattern.includes(" ") || pattern.includes("\\s")
  );
  const findPhraseCorrection = (input) => {
    for (const correction of phrase_correction_entries) {
      const match = input.match(new RegExp(
        "^(" + correction.pattern + ")(\\.?)(?=$|[^\\p{L}\\p{N}_])",
        "iu"
      ));
      if (match) {
        return match;
      }
    }
    return void 0;
  };
  const ambiguous_season_words = /* @__PURE__ */ new Set([
    "spring",
    "summer",
    "autumn",
    "winter",
    // en
    "fr\xFChling",
    "fruehling",
    "fr\xFChjahr",
    "sommer",
    "herbst",
    // de
    "primavera",
    "estate",
    "autunno",
    "inverno"
    // it
  ]);
  const default_prettify_conf = {
    // Update README.md if changed.
    "zero_pad_hour": true,
    // enforce ("%02d", hour)
    "one_zero_if_hour_zero": false,
    // only one zero "0" if hour is zero "0"
    "leave_off_closed": true,
    // leave keywords "off" and "closed" as is
    "keyword_for_off_closed": "off",
    // use given keyword instead of "off" or "closed"
    "rule_sep_string": " ",
    // separate rules by string
    "print_semicolon": true,
    // print token which separates normal rules
    "leave_weekday_sep_one_day_betw": true,
    // use the separator (either "," or "-" which is used to separate days which follow to each other like Sa,Su or Su-Mo
    "sep_one_day_between": ",",
    // separator which should be used
    "zero_pad_month_and_week_numbers": true,
    // Format week (e.g. `week 01`) and month day numbers (e.g. `Jan 01`) with "%02d".
    "locale": "en",
    // locale for translations (currently 'en', 'de' and 'fr' are supported)
    "date_format": "short"
    // Use short or long date format (for day and month names)
  };
  const osm_tag_defaults = {
    "opening_hours": { "mode": 0, "warn_for_PH_missing": true },
    "collection_times": { "mode": 2 },
    /* oh_mode 2: "including the hyphen because there are post boxes which are
     * emptied several (undefined) times or one (undefined) time in a certain time
     * frame. This shall be covered also.".
     * Ref: https://wiki.openstreetmap.org/wiki/Key:collection_times */
    "opening_hours:.+": { "mode": 0 },
    ".+:opening_hours": { "mode": 0 },
    ".+:opening_hours:.+": { "mode": 0 },
    ".+:conditional": { "mode": 0 },
    "smoking_hours": { "mode": 0 },
    "service_times": { "mode": 2 },
    "happy_hours": { "mode": 0 },
    "lit": {
      "mode": 0,
      map: {
        "yes": 'sunset-sunrise open "specified as yes: At night (unknown time schedule or daylight detection)"',
        "automatic": 'unknown "specified as automatic: When someone enters the way the lights are turned on."',
        "no": 'off "specified as no: There are no lights installed."',
        "interval": 'unknown "specified as interval"',
        "limited": 'unknown "specified as limited"'
      }
    }
  };
  const minutes_in_day = 60 * 24;
  const msec_in_day = 1e3 * 60 * minutes_in_day;
  const library_name = "opening_hours.js";
  const repository_url = "https://github.com/opening-hours/" + library_name;
  const parser_locale = optional_conf_parm && typeof optional_conf_parm["locale"] === "string" ? optional_conf_parm["locale"] : "en";
  const t = (key, variables) => translate(parser_locale, "texts", key, variables);
  let location_state;
  let location_cc;
  let lat;
  let lon;
  if (typeof nominatim_object === "object" && nominatim_object !== null) {
    if (typeof nominatim_object.address === "object") {
      if (typeof nominatim_object.address.country_code === "string") {
        location_cc = nominatim_object.address.country_code;
      }
      location_state = getStateFromAddress(nominatim_object.address, location_cc);
    }
    if (typeof nominatim_object.lon === "string" && typeof nominatim_object.lat === "string") {
      lat = nominatim_object.lat;
      lon = nominatim_object.lon;
    }
  } else if (nominatim_object === null) {
    location_cc = "de";
    location_state = "Baden-W\xFCrttemberg";
    lat = "49.5400039";
    lon = "9.7937133";
  } else if (typeof nominatim_object !== "undefined") {
    throw "The nominatim_object parameter is of unknown type. Given " + typeof nominatim_object + ", expected object.";
  }
  let warnings_severity = 4;
  let oh_mode;
  let oh_map_value = false;
  let oh_key, oh_regex_key;
  if (typeof optional_conf_parm === "number") {
    oh_mode = optional_conf_parm;
  } else if (typeof optional_conf_parm === "object") {
    if (checkOptionalConfParm("mode", "number")) {
      oh_mode = optional_conf_parm["mode"];
    }
    if (checkOptionalConfParm("warnings_severity", "number")) {
      warnings_severity = optional_conf_parm["warnings_severity"];
      if ([0, 1, 2, 3, 4, 5, 6, 7].indexOf(warnings_severity) === -1) {
        throw t("warnings severity", { "severity": warnings_severity, "allowed": "[ 0, 1, 2, 3, 4, 5, 6, 7 ]" });
      }
    }
    if (checkOptionalConfParm("tag_key", "string")) {
      oh_key = optional_conf_parm["tag_key"];
    }
    if (checkOptionalConfParm("map_value", "boolean")) {
      oh_map_value = optional_conf_parm.map_value;
    }
  } else if (typeof optional_conf_parm !== "undefined") {
    throw t("optional conf parm type", { "given": typeof optional_conf_parm });
  }
  if (typeof oh_key === "string") {
    oh_regex_key = getRegexKeyForKeyFromOsmDefaults(oh_key);
    if (oh_map_value && typeof osm_tag_defaults[oh_regex_key] === "object" && typeof osm_tag_defaults[oh_regex_key]["map"] === "object" && typeof osm_tag_defaults[oh_regex_key]["map"][value] === "string") {
      value = osm_tag_defaults[oh_regex_key]["map"][value];
    }
  } else if (oh_map_value) {
    throw t("conf param tag key missing");
  }
  if (typeof oh_mode === "undefined") {
    if (typeof oh_key === "string" && osm_tag_defaults[oh_regex_key] !== void 0) {
      if (typeof osm_tag_defaults[oh_regex_key]["mode"] === "number") {
        oh_mode = osm_tag_defaults[oh_regex_key]["mode"];
      } else {
        oh_mode = 0;
      }
    } else {
      oh_mode = 0;
    }
  } else if ([0, 1, 2].indexOf(oh_mode) === -1) {
    throw t("conf param mode invalid", { "given": oh_mode, "allowed": "[ 0, 1, 2 ]" });
  }
  if (typeof value !== "string") {
    throw t("no string");
  }
  if (/^(?:\s*;?)+$/.test(value)) {
    throw t("nothing");
  }
  const parsing_warnings = [];
  let done_with_warnings = false;
  let done_with_selector_reordering = false;
  let done_with_selector_reordering_warnings = false;
  const rules_without_selector_reordering = /* @__PURE__ */ new Set();
  const tokens = tokenize(value);
  let prettified_value = "";
  let week_stable = true;
  let rule, nrule;
  const rules = [];
  const rule_infos = {};
  const new_tokens = [];
  for (nrule = 0; nrule < tokens.length; nrule++) {
    if (tokens[nrule][0].length === 0) {
      parsing_warnings.push([
        nrule,
        -1,
        "nothing_useful",
        t("nothing useful") + (nrule === tokens.length - 1 && nrule > 0 && !tokens[nrule][1] ? " " + t("programmers joke") : "")
      ]);
      continue;
    }
    let continue_at = 0;
    let next_rule_is_additional = false;
    do {
      if (continue_at === tokens[nrule][0].length) {
        break;
      }
      rule = {
        // Time selectors
        time: [],
        // Temporary array of selectors from time wrapped to the next day
        wraptime: [],
        // Date selectors
        weekday: [],
        holiday: [],
        week: [],
        month: [],
        monthday: [],
        year: [],
        // Array with non-empty date selector types, with most optimal ordering
        date: [],
        fallback: tokens[nrule][1],
        additional: continue_at ? true : false,
        meaning: true,
        unknown: false,
        comment: void 0,
        build_from_token_rule: void 0
      };
      rule.build_from_token_rule = [nrule, continue_at, new_tokens.length];
      continue_at = parseGroup(tokens[nrule][0], continue_at, rule, nrule);
      if (typeof continue_at === "object") {
        continue_at = continue_at[0];
      } else {
        continue_at = 0;
      }
      new_tokens.push(
        [
          tokens[nrule][0].slice(
            rule.build_from_token_rule[1],
            continue_at === 0 ? tokens[nrule][0].length : continue_at
          ),
          tokens[nrule][1],
          tokens[nrule][2]
        ]
      );
      if (next_rule_is_additional && new_tokens.length > 1) {
        const previous_tokens = new_tokens[new_tokens.length - 2][0];
        const current_tokens = new_tokens[new_tokens.length - 1][0];
        const rule_separator = previous_tokens.pop();
        if (rule_separator === void 0) {
          throw formatLibraryBugMessage("Missing rule separator.");
        }
        current_tokens.unshift(rule_separator);
      }
      next_rule_is_additional = continue_at === 0 ? false : true;
      const optimal_selector_order = ["year", "holiday", "month", "monthday", "week", "weekday"];
      optimal_selector_order.forEach(function(element) {
        if (rule[element].length > 0) {
          rule.date.push(rule[element]);
          rule[element] = [];
        }
      });
      rules.push(rule);
      if (rule.wraptime.length > 0) {
        const wrapselectors = {
          time: rule.wraptime,
          date: [],
          meaning: rule.meaning,
          unknown: rule.unknown,
          comment: rule.comment,
          wrapped: true,
          build_from_token_rule: rule.build_from_token_rule
        };
        for (let dselg = 0; dselg < rule.date.length; dselg++) {
          wrapselectors.date.push([]);
          for (let dsel = 0; dsel < rule.date[dselg].length; dsel++) {
            wrapselectors.date[wrapselectors.date.length - 1].push(
              generateDateShifter(rule.date[dselg][dsel], -msec_in_day)
            );
          }
        }
        rules.push(wrapselectors);
      }
    } while (continue_at);
  }
  function getRegexKeyForKeyFromOsmDefaults(key) {
    let regex_key;
    let exact_match = false;
    Object.keys(osm_tag_defaults).forEach(function(osm_key) {
      if (exact_match === true) {
        return;
      }
      if (key === osm_key) {
        regex_key = osm_key;
        exact_match = true;
      } else if (new RegExp(osm_key).test(key)) {
        regex_key = osm_key;
      }
    });
    return regex_key;
  }
  function checkOptionalConfParm(key, expected_type) {
    if (typeof optional_conf_parm[key] === expected_type) {
      return true;
    } else if (typeof optional_conf_parm[key] !== "undefined") {
      throw t("conf param unknown type", { "key": key, "given": typeof optional_conf_parm[key], "expected": expected_type });
    }
    return false;
  }
  function resolveWarnErrorPosition(nrule2, at, tokens_to_use) {
    if (typeof nrule2 === "string") {
      return { value: nrule2, position: at };
    }
    if (typeof nrule2 !== "number") {
      return { value, position: null };
    }
    if (nrule2 === -1) {
      return { value, position: value.length - at };
    }
    if (typeof tokens_to_use === "undefined") {
      tokens_to_use = tokens;
    }
    let pos;
    const current_rule = tokens_to_use[nrule2];
    if (typeof current_rule === "undefined") {
      formatLibraryBugMessage("Bug in warning generation code: tokens_to_use[nrule] is undefined for nrule=" + nrule2 + ".");
      pos = value.length;
    } else if (typeof current_rule[0][at] === "undefined") {
      if (at === -1) {
        pos = value.length;
        const next_rule = tokens_to_use[nrule2 + 1];
        if (typeof next_rule !== "undefined" && typeof next_rule[2] === "number") {
          pos -= next_rule[2];
        } else if (typeof current_rule[2] === "number") {
          pos -= current_rule[2];
        }
      } else {
        formatLibraryBugMessage("Bug in warning generation code which could not determine the exact position of the warning or error in value.");
        pos = value.length;
        if (typeof current_rule[2] === "number") {
          pos -= current_rule[2];
          console.warn("Last token for rule: " + JSON.stringify(current_rule));
        } else {
          console.warn("tokens_to_use[nrule][2] is undefined. This is ok if nrule is the last rule.");
        }
      }
    } else {
      pos = value.length;
      if (typeof current_rule[0][at + 1] === "object") {
        pos -= current_rule[0][at + 1][2];
      } else if (typeof current_rule[2] === "number") {
        pos -= current_rule[2];
      }
    }
    return { value, position: pos };
  }
  function formatWarnErrorMessage(nrule2, at, message, tokens_to_use) {
    const resolved = resolveWarnErrorPosition(nrule2, at, tokens_to_use);
    if (resolved.position === null) {
      return message;
    }
    return resolved.value.substring(0, resolved.position) + " <--- (" + message + ")";
  }
  function formatLibraryBugMessage(message, text_template) {
    if (typeof message === "undefined") {
      message = "";
    } else {
      message = " " + message;
    }
    if (typeof text_template !== "string") {
      text_template = "library bug";
    }
    message = t(text_template, { "value": value, "url": repository_url, "message": message });
    console.error(message);
    return message;
  }
  function tokenize(value2) {
    const WORD_REGEX = /^([^\s\d\p{P}\p{S}\p{C}]{2,})(?=\s|$|[\s\d\p{P}\p{S}\p{C}])((?:[.]| before| after)?)/iu;
    const all_tokens = [];
    let curr_rule_tokens = [];
    const resolver_region_langs = regionLanguages(location_cc, resolver_layers);
    const range_meaning_index = { weekday: weekdays, month: months };
    let curr_rule_range_raw = { weekday: [], month: [] };
    const recordRangeTerm = (raw3, range_type, token_index, warning_index) => {
      if (range_type === "weekday" || range_type === "month") {
        curr_rule_range_raw[range_type].push({
          raw: raw3,
          token_index,
          warning_index: typeof warning_index === "number" ? warning_index : null
        });
      }
    };
    const finalizeRuleRanges = () => {
      for (const range_type of ["weekday", "month"]) {
        const entries = curr_rule_range_raw[range_type];
        if (entries.length === 0) {
          continue;
        }
        const res = resolveRange(entries.map((entry) => entry.raw), {
          locale: parser_locale,
          type: range_type,
          layers: resolver_layers,
          regionLangs: resolver_region_langs
        });
        res.tokens.forEach((resolved, index2) => {
          if (resolved.confidence === "error" && resolved.kind !== "unknown") {
            const token = curr_rule_tokens[entries[index2].token_index];
            const at = token ? token[2] : -1;
            throw formatWarnErrorMessage(-1, at, resolved.message);
          }
          if (resolved.meaning && resolved.kind !== "unknown") {
            const meaning_index = range_meaning_index[range_type].indexOf(resolved.meaning);
            const token = curr_rule_tokens[entries[index2].token_index];
            if (meaning_index >= 0 && token && token[1] === range_type) {
              const overridden = token[0] !== meaning_index;
              if (overridden) {
                token[0] = meaning_index;
              }
              const has_note = Array.isArray(resolved.alternatives) && resolved.alternatives.length > 0;
              if (overridden || has_note) {
                const raw_lexeme = entries[index2].raw;
                let message = t(
                  "please use English abbreviation ok for ko",
                  { ko: raw_lexeme, ok: resolved.meaning }
                );
                if (has_note) {
                  const alternatives = resolved.alternatives.map((alt) => alt.meaning + " (" + alt.langs.join(", ") + ")").join("; ");
                  message += " " + t("ambiguous elsewhere", { ko: raw_lexeme, alternatives });
                }
                const warn_idx = entries[index2].warning_index;
                if (warn_idx !== null && warn_idx >= 0 && warn_idx < parsing_warnings.length) {
                  const warning = parsing_warnings[warn_idx];
                  if (warning[2] === "word_error_correction" && typeof warning[3] === "string") {
                    warning[3] = message;
                  }
                }
              }
            }
          }
        });
      }
      curr_rule_range_raw = { weekday: [], month: [] };
    };
    const recognizeRangeToken = (word) => {
      const candidates = resolver_layers.crossLocale[normalizeToken(word)];
      if (!candidates) {
        return null;
      }
      const weekday = candidates.find((candidate) => candidate.type === "weekday");
      const month = candidates.find((candidate) => candidate.type === "month");
      if (weekday && month) {
        return null;
      }
      if (weekday) {
        return { index: weekdays.indexOf(weekday.meaning), type: "weekday" };
      }
      if (month) {
        return { index: months.indexOf(month.meaning), type: "month" };
      }
      return null;
    };
    const isUnknownSingleLetterToken = (token) => {
      if (!Array.isArray(token)) {
        return false;
      }
      const [token_value, token_type] = token;
      return typeof token_value === "string" && token_value === token_type && new RegExp("^\\p{L}$", "u").test(token_value);
    };
    let last_rule_fallback_terminated = false;
    const NUMERIC_DAY_OFFSET_PATTERN = String.raw`\d+\s*days?(?!\s*(?:a|\/)\s*week)\b`;
    const ERROR_TOLERANCE_ALTERNATIVES = [
      String.raw`&|_|→|‐|‑|‒|–|−|—|ー|=|·`,
      String.raw`öffnungszeit(?:en)?:?|opening_hours\s*=|\?|~|～|：`,
      String.raw`always (?:open|closed)|24x7|24 hours 7 days a week|24 hours`,
      String.raw`7 ?days(?:(?: a |\/)week)?|7j?\/7|all days?|every day`,
      String.raw`(?:bis|till?|-|–)? ?(?:open ?end|late)`,
      String.raw`(?:(?:one )?day (?:before|after) )?(?:school|public) holidays?`,
      String.raw`days(?=\s|$|[^\p{L}_])|до|рм|ам|jours fériés|on work days?|sonntags?`,
      String.raw`(?:nur |an )?sonn-?(?:(?: und |\/)feiertag(?:s|en?)?)?`,
      String.raw`(?:an )?feiertag(?:s|en?)?|(?:nach|on|by) (?:appointments?|vereinbarung|absprache)`,
      String.raw`p\.m\.|a\.m\.`,
      String.raw`(?:[^\s\d\p{P}\p{S}\p{C}]|_)+(?=\s|$|[\s\d\p{Po}\p{Ps}\p{Pe}\p{Pd}\p{Pf}\p{Pi}\p{S}\p{C}])`,
      String.raw`à|á|mo|tu|we|th|fr|sa|su|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec`
    ].join("|");
    const ERROR_TOLERANCE_REGEX = new RegExp(
      String.raw`^(?!${NUMERIC_DAY_OFFSET_PATTERN})(${ERROR_TOLERANCE_ALTERNATIVES})(\.?)`,
      "iu"
    );
    while (value2 !== "") {
      const phrase_match = findPhraseCorrection(value2);
      let tmp = phrase_match || value2.match(WORD_REGEX);
      let token_from_map = void 0;
      if (!phrase_match && tmp && tmp[2] === "") {
        token_from_map = string_to_token_map[tmp[1].toLowerCase()];
      }
      if (typeof token_from_map === "object") {
        curr_rule_tokens.push(token_from_map.concat([value2.length]));
        recordRangeTerm(tmp[1], token_from_map[1], curr_rule_tokens.length - 1);
        value2 = value2.substr(tmp[1].length);
      } else if (tmp = value2.match(/^\s+/)) {
        value2 = value2.substr(tmp[0].length);
      } else if (tmp = value2.match(/^24\/7/)) {
        curr_rule_tokens.push([tmp[0], tmp[0], value2.length]);
        value2 = value2.substr(tmp[0].length);
      } else if (/^;/.test(value2)) {
        finalizeRuleRanges();
        all_tokens.push([curr_rule_tokens, last_rule_fallback_terminated, value2.length]);
        value2 = value2.substr(1);
        curr_rule_tokens = [];
        last_rule_fallback_terminated = false;
      } else if (/^[:.]/.test(value2)) {
        if (value2[0] === "." && !done_with_warnings) {
          parsing_warnings.push([-1, value2.length - 1, "hour_min_separator", t("hour min separator")]);
        }
        curr_rule_tokens.push([":", "timesep", value2.length]);
        value2 = value2.substr(1);
      } else if (tmp = value2.match(/^(?:PH|SH)/i)) {
        curr_rule_tokens.push([tmp[0].toUpperCase(), "holiday", value2.length]);
        value2 = value2.substr(2);
      } else if (tmp = value2.match(/^[°\u2070-\u209F\u00B2\u00B3\u00B9]{1,2}/)) {
        const unicode_code_point_to_digit = {
          176: 0,
          8304: 0,
          185: 1,
          178: 2,
          179: 3
        };
        const regular_number = tmp[0].split("").map(function(ch) {
          const code_point = ch.charCodeAt(0);
          if (typeof unicode_code_point_to_digit[code_point] === "number") {
            return unicode_code_point_to_digit[code_point];
          } else if (8308 <= code_point && code_point <= 8313) {
            return code_point - 8304;
          } else if (8320 <= code_point && code_point <= 8329) {
            return code_point - 8320;
          }
        }).join("");
        let ok = "";
        if (curr_rule_tokens.length > 0 && matchTokens(curr_rule_tokens, curr_rule_tokens.length - 1, "number")) {
          ok += ":";
        }
        ok += regular_number;
        if (!done_with_warnings) {
          for (let i = 0; i <= tmp[0].length; i++) {
            if (value2.charCodeAt(i) === 176) {
              parsing_warnings.push([
                -1,
                value2.length - (1 + i),
                "rant_degree_sign_used_for_zero",
                t("rant degree sign used for zero")
              ]);
            }
          }
          parsing_warnings.push([
            -1,
            value2.length - tmp[0].length,
            "please_use_ok_for_ko",
            t("please use ok for ko", { "ko": tmp[0], "ok": ok })
          ]);
        }
        value2 = ok + value2.substr(tmp[0].length);
      } else if (tmp = phrase_match || value2.match(ERROR_TOLERANCE_REGEX)) {
        const lower_word = tmp[1].toLowerCase();
        const warn_count_before = parsing_warnings.length;
        let correct_val = returnCorrectWordOrToken(lower_word, value2.length);
        const correction_warning_index = parsing_warnings.length > warn_count_before ? parsing_warnings.length - 1 : null;
        if (typeof correct_val === "object") {
          curr_rule_tokens.push([correct_val[0], correct_val[1], value2.length]);
          recordRangeTerm(lower_word, correct_val[1], curr_rule_tokens.length - 1);
          value2 = value2.substr(tmp[0].length);
        } else if (typeof correct_val === "string") {
          if (correct_val === "am" || correct_val === "pm") {
            let hours_token_at = curr_rule_tokens.length - 1;
            let hours_token;
            if (hours_token_at >= 0) {
              if (hours_token_at - 2 >= 0 && matchTokens(
                curr_rule_tokens,
                hours_token_at - 2,
                "number",
                "timesep",
                "number"
              )) {
                hours_token_at -= 2;
                hours_token = curr_rule_tokens[hours_token_at];
              } else if (matchTokens(curr_rule_tokens, hours_token_at, "number")) {
                hours_token = curr_rule_tokens[hours_token_at];
              }
              if (typeof hours_token === "object") {
                hours_token.meridian = correct_val;
                if (correct_val === "pm" && hours_token[0] < 12) {
                  hours_token[0] += 12;
                }
                if (correct_val === "am" && hours_token[0] === 12) {
                  hours_token[0] = 0;
                }
                curr_rule_tokens[hours_token_at] = hours_token;
              }
            }
            correct_val = "";
          }
          const correct_tokens = tokenize(correct_val)[0];
          if (correct_tokens[1] === true) {
            throw formatLibraryBugMessage();
          }
          for (let i = 0; i < correct_tokens[0].length; i++) {
            curr_rule_tokens.push([correct_tokens[0][i][0], correct_tokens[0][i][1], value2.length]);
          }
          if (correct_tokens[0].length === 1) {
            recordRangeTerm(lower_word, correct_tokens[0][0][1], curr_rule_tokens.length - 1, correction_warning_index);
          }
          value2 = value2.substr(tmp[0].length);
        } else {
          const previous_token = curr_rule_tokens[curr_rule_tokens.length - 1];
          const recognized = isUnknownSingleLetterToken(previous_token) ? null : recognizeRangeToken(lower_word);
          if (recognized && recognized.index >= 0) {
            curr_rule_tokens.push([recognized.index, recognized.type, value2.length]);
            let recognition_warning_index = null;
            if (!done_with_warnings) {
              const provisional = (recognized.type === "weekday" ? weekdays : months)[recognized.index];
              recognition_warning_index = parsing_warnings.length;
              parsing_warnings.push([
                -1,
                value2.length - lower_word.length,
                "word_error_correction",
                t("please use English abbreviation ok for ko", { ko: lower_word, ok: provisional })
              ]);
            }
            recordRangeTerm(lower_word, recognized.type, curr_rule_tokens.length - 1, recognition_warning_index);
            value2 = value2.substr(tmp[0].length);
          } else if (ambiguous_season_words.has(lower_word)) {
            throw formatWarnErrorMessage(
              -1,
              value2.length - tmp[0].length,
              t("season words ambiguous")
            );
          } else {
            curr_rule_tokens.push([value2[0].toLowerCase(), value2[0].toLowerCase(), value2.length - 1]);
            value2 = value2.substr(1);
          }
        }
        if (typeof tmp[2] === "string" && tmp[2] !== "" && !done_with_warnings) {
          parsing_warnings.push([-1, value2.length, "omit_ko", t("omit ko", { "ko": tmp[2] })]);
        }
      } else if (tmp = value2.match(/^(\d+)(?:([.])([^\d]))?/)) {
        if (Number(tmp[1]) > 1900) {
          curr_rule_tokens.push([Number(tmp[1]), "year", value2.length]);
          if (Number(tmp[1]) >= 2100)
            parsing_warnings.push([
              -1,
              value2.length - 1,
              "interpreted_as_year",
              t("interpreted as year", { number: Number(tmp[1]) })
            ]);
        } else {
          const number_token = [Number(tmp[1]), "number", value2.length];
          number_token.single_digit_lexeme = tmp[1].length === 1;
          curr_rule_tokens.push(number_token);
        }
        value2 = value2.substr(tmp[1].length + (typeof tmp[2] === "string" ? tmp[2].length : 0));
        if (typeof tmp[2] === "string" && tmp[2] !== "" && !done_with_warnings) {
          parsing_warnings.push([-1, value2.length, "omit_ko", t("omit ko", { "ko": tmp[2] })]);
        }
      } else if (/^\|\|/.test(value2)) {
        if (curr_rule_tokens.length === 0) {
          throw formatWarnErrorMessage(-1, value2.length - 2, t("rule before fallback empty"));
        }
        finalizeRuleRanges();
        all_tokens.push([curr_rule_tokens, last_rule_fallback_terminated, value2.length]);
        curr_rule_tokens = [];
        value2 = value2.substr(2);
        last_rule_fallback_terminated = true;
      } else if (tmp = value2.match(/^"([^"]+)"/)) {
        curr_rule_tokens.push([tmp[1], "comment", value2.length]);
        value2 = value2.substr(tmp[0].length);
      } else if (tmp = value2.match(/^(["'„“‚‘’«「『])([^"'“”‘’»」』;|]*)(["'”“‘’»」』])/)) {
        for (let pos = 1; pos <= 3; pos += 2) {
          const correct_val = returnCorrectWordOrToken(
            tmp[pos],
            value2.length - (pos === 3 ? tmp[1].length + tmp[2].length : 0)
          );
          if (typeof correct_val !== "string" && tmp[pos] !== '"') {
            throw formatLibraryBugMessage(
              "A character for error tolerance was allowed in the regular expression but is not covered by word_error_correction which is needed to format a proper message for the user."
            );
          }
        }
        curr_rule_tokens.push([tmp[2], "comment", value2.length]);
        value2 = value2.substr(tmp[0].length);
      } else if (/^(?:␣|\s)/.test(value2)) {
        value2 = value2.substr(1);
      } else {
        curr_rule_tokens.push([value2[0].toLowerCase(), value2[0].toLowerCase(), value2.length]);
        value2 = value2.substr(1);
      }
    }
    finalizeRuleRanges();
    all_tokens.push([curr_rule_tokens, last_rule_fallback_terminated]);
    return all_tokens;
  }
  function returnCorrectWordOrToken(word, value_length) {
    let correctWordOrToken;
    const token_from_map = string_to_token_map[word];
    if (typeof token_from_map === "object") {
      return token_from_map;
    }
    if (data$1["Ambiguous words"] && data$1["Ambiguous words"][word]) {
      if (!done_with_warnings) {
        const warningMessage = data$1["Ambiguous words"][word];
        parsing_warnings.push([
          -1,
          value_length - word.length,
          "ambiguous_word",
          warningMessage
        ]);
      }
      const warningText = data$1["Ambiguous words"][word];
      const match = warningText.match(/: (\w+) \(/);
      if (match && match[1]) {
        return match[1];
      }
      return void 0;
    }
    const correction = correction_entries.find(
      (entry) => new RegExp("^" + entry.pattern + "$", "iu").test(word)
    );
    if (correction) {
      if (!done_with_warnings) {
        const warningMessage = t(correction.comment, { "ko": word, "ok": correction.replacement });
        parsing_warnings.push([
          -1,
          value_length - word.length,
          "word_error_correction",
          warningMessage
        ]);
      }
      correctWordOrToken = correction.replacement;
    }
    return correctWordOrToken;
  }
  function getWarnings(it, structured = false) {
    if (warnings_severity < 4) {
      return [];
    }
    if (!done_with_warnings && typeof it === "object") {
      const wide_range_selector_order = ["year", "month", "week", "holiday"];
      const small_range_selector_order = ["weekday", "time", "24/7", "state", "comment"];
      const used_selectors = [];
      const used_selectors_types_array = [];
      const has_token = {};
      for (let nrule2 = 0; nrule2 < new_tokens.length; nrule2++) {
        const rule_tokens = new_tokens[nrule2][0];
        if (rule_tokens.length === 0) continue;
        let selector_start_end_type = [0, 0, void 0];
        used_selectors[nrule2] = {};
        used_selectors_types_array[nrule2] = [];
        do {
          selector_start_end_type = getSelectorRange(rule_tokens, selector_start_end_type[1]);
          for (let token_pos = 0; token_pos <= selector_start_end_type[1]; token_pos++) {
            if (typeof rule_tokens[token_pos] === "object" && rule_tokens[token_pos][0] === "PH") {
              has_token["PH"] = true;
            }
          }
          if (selector_start_end_type[0] === selector_start_end_type[1] && rule_tokens[selector_start_end_type[0]][0] === "24/7") {
            has_token["24/7"] = true;
          }
          if (typeof used_selectors[nrule2][selector_start_end_type[2]] !== "object") {
            used_selectors[nrule2][selector_start_end_type[2]] = [selector_start_end_type[1]];
          } else {
            used_selectors[nrule2][selector_start_end_type[2]].push(selector_start_end_type[1]);
          }
          used_selectors_types_array[nrule2].push(selector_start_end_type[2]);
          selector_start_end_type[1]++;
        } while (selector_start_end_type[1] < rule_tokens.length);
      }
      for (let nrule2 = 0; nrule2 < used_selectors.length; nrule2++) {
        const rule_tokens = new_tokens[nrule2][0];
        Object.keys(used_selectors[nrule2]).forEach(function(selector_type) {
          const selector_positions = used_selectors[nrule2][selector_type];
          if (selector_positions.length > 1) {
            parsing_warnings.push(
              [
                nrule2,
                selector_positions[selector_positions.length - 1],
                "use_multi",
                t("use multi", {
                  "count": selector_positions.length,
                  "part2": /^(?:comment|state)/.test(selector_type) ? t("selector multi 2a", { "what": selector_type === "state" ? t("selector state") : t("comments") }) : t("selector multi 2b", { "what": t(selector_type + (/^(?:month|weekday)$/.test(selector_type) ? "s" : " ranges")) })
                }),
                new_tokens
              ]
            );
            done_with_selector_reordering = true;
          }
        });
        if (typeof used_selectors[nrule2].state === "object" && Object.keys(used_selectors[nrule2]).length === 1) {
          if (nrule2 !== 0) {
            parsing_warnings.push([nrule2, rule_tokens.length - 1, "default_state", t("default state"), new_tokens]);
          }
        } else if (typeof used_selectors[nrule2].time === "undefined") {
          if (typeof used_selectors[nrule2].state === "object" && rule_tokens[used_selectors[nrule2].state[0]][0] === "open" && typeof used_selectors[nrule2].comment === "undefined" || typeof used_selectors[nrule2].comment === "undefined" && typeof used_selectors[nrule2].state === "undefined" && typeof used_selectors[nrule2]["24/7"] === "undefined") {
            parsing_warnings.push([nrule2, rule_tokens.length - 1, "vague", t("vague"), new_tokens]);
          }
        }
        if (typeof used_selectors[nrule2].comment === "object" && rule_tokens[used_selectors[nrule2].comment[0]][0].length === 0) {
          parsing_warnings.push([nrule2, used_selectors[nrule2].comment[0], "empty_comment", t("empty comment"), new_tokens]);
        }
        for (let i = 0; i < used_selectors_types_array[nrule2].length - 1; i++) {
          const selector_type = used_selectors_types_array[nrule2][i];
          const next_selector_type = used_selectors_types_array[nrule2][i + 1];
          if (wide_range_selector_order.indexOf(selector_type) !== -1 && wide_range_selector_order.indexOf(next_selector_type) !== -1 || small_range_selector_order.indexOf(selector_type) !== -1 && small_range_selector_order.indexOf(next_selector_type) !== -1) {
            if (rule_tokens[used_selectors[nrule2][selector_type][0]][0] === ":") {
              parsing_warnings.push([
                nrule2,
                used_selectors[nrule2][selector_type][0],
                "separator_for_readability",
                t("separator_for_readability"),
                new_tokens
              ]);
            }
          }
        }
        if (typeof rule_infos[nrule2] === "object" && typeof rule_infos[nrule2]["time_wraps_over_midnight"] === "boolean" && rule_infos[nrule2]["time_wraps_over_midnight"] === true && typeof used_selectors[nrule2 + 1] === "object" && typeof used_selectors[nrule2 + 1]["rule separator"] === "undefined" && new_tokens[nrule2 + 1][1] === false) {
          const rules_too_complex = [nrule2, nrule2 + 1].map(function(nrule3) {
            for (let i = 0; i < wide_range_selector_order.length - 1; i++) {
              if (typeof used_selectors[nrule3][wide_range_selector_order[i]] === "object") {
                return true;
              }
            }
            return false;
          });
          const rules_too_complex_count = rules_too_complex.filter(function(el) {
            return el;
          }).length;
          let next_rule_selects_next_day = false;
          if (typeof rule_infos[nrule2] === "object" && typeof rule_infos[nrule2] === "object" && typeof rule_infos[nrule2]["week_days"] === "object" && typeof rule_infos[nrule2 + 1] === "object" && typeof rule_infos[nrule2 + 1]["week_days"] === "object") {
            for (let i = 0; i < rule_infos[nrule2]["week_days"].length; i++) {
              const week_day = rule_infos[nrule2]["week_days"][i];
              if (rule_infos[nrule2 + 1]["week_days"].indexOf(week_day === 6 ? 0 : week_day + 1) !== -1) {
                next_rule_selects_next_day = true;
                break;
              }
            }
          } else {
            next_rule_selects_next_day = true;
          }
          const additional_rule_separator_enabled = (optional_conf_parm || {}).additional_rule_separator !== false;
          if (rules_too_complex_count < 2 && next_rule_selects_next_day && additional_rule_separator_enabled) {
            parsing_warnings.push([
              nrule2 + 1,
              new_tokens[nrule2 + 1][0].length - 1,
              "additional_rule_separator_not_used_after_time_wrapping_midnight",
              t("additional_rule_separator not used after time wrapping midnight"),
              new_tokens
            ]);
          }
        }
        if (typeof rule_tokens[0] === "object" && rule_tokens[0][0] === "," && rule_tokens[0][1] === "rule separator" && typeof used_selectors[nrule2].state === "object" && (rule_tokens[used_selectors[nrule2].state[0]][0] === "closed" || rule_tokens[used_selectors[nrule2].state[0]][0] === "off")) {
          parsing_warnings.push([
            nrule2,
            rule_tokens.length - 1,
            "additional_rule_which_evaluates_to_closed",
            t("additional rule which evaluates to closed"),
            new_tokens
          ]);
          rules_without_selector_reordering.add(nrule2);
        }
      }
      const has_advanced = it.advance();
      if (has_advanced === true && has_token["24/7"] && !done_with_warnings) {
        parsing_warnings.push([
          -1,
          0,
          // Probably because of: "24/7; 12:00-14:00 open", ". Needs extra testing.
          "strange_24_7",
          t("strange 24/7")
        ]);
      }
      if (warnings_severity >= 5 && !has_token["PH"] && !has_token["24/7"] && !done_with_warnings && (typeof oh_key === "string" && oh_regex_key && osm_tag_defaults[oh_regex_key]["warn_for_PH_missing"] || typeof oh_key !== "string")) {
        const keys_with_warn_for_PH_missing = [];
        Object.keys(osm_tag_defaults).forEach(function(key) {
          if (osm_tag_defaults[key]["warn_for_PH_missing"]) {
            keys_with_warn_for_PH_missing.push(key);
          }
        });
        parsing_warnings.push([
          -1,
          0,
          "public_holiday",
          t("public holiday", { "part2": typeof oh_key !== "string" ? t("public holiday part2", { "keys": keys_with_warn_for_PH_missing.join(", ") }) : "" })
          // + '(see README how to provide it)' // UI of the evaluation tool does not allow to provide it (currently).
        ]);
      }
      if (used_selectors_types_array.length > 1 && used_selectors_types_array.filter(function(el) {
        return el.length === 1 && el[0] === "time";
      }).length === used_selectors_types_array.length) {
        parsing_warnings.push([
          -1,
          0,
          "combine_rules",
          t("combine rules", { "ok": "," })
        ]);
      }
      prettifyValue();
    }
    done_with_warnings = true;
    const warnings = [];
    for (let i = 0; i < parsing_warnings.length; i++) {
      const pw = parsing_warnings[i];
      if (structured) {
        const resolved = resolveWarnErrorPosition(pw[0], pw[1], pw[4]);
        warnings.push({
          type: pw[2],
          message: pw[3],
          value: resolved.value,
          position: resolved.position
        });
      } else {
        warnings.push(formatWarnErrorMessage(pw[0], pw[1], pw[3], pw[4]));
      }
    }
    return warnings;
  }
  function tokenIsTheBeginOfSelector(tokens2, at) {
    if (typeof tokens2[at][3] === "string") {
      return 3;
    } else if (tokens2[at][1] === "comment" || tokens2[at][1] === "state" || tokens2[at][1] === "24/7" || tokens2[at][1] === "rule separator") {
      return 1;
    } else {
      return false;
    }
  }
  function getSelectorRange(tokens2, at) {
    let selector_start = at, selector_end, pos_in_token_array;
    for (; selector_start >= 0; selector_start--) {
      pos_in_token_array = tokenIsTheBeginOfSelector(tokens2, selector_start);
      if (pos_in_token_array) {
        break;
      }
    }
    selector_end = selector_start;
    if (pos_in_token_array === 1) {
      if (selector_end + 1 < tokens2.length && tokens2[selector_end + 1][0] === ":")
        selector_end++;
      return [selector_start, selector_end, tokens2[selector_start][pos_in_token_array]];
    }
    for (selector_end++; selector_end < tokens2.length; selector_end++) {
      if (tokenIsTheBeginOfSelector(tokens2, selector_end))
        return [selector_start, selector_end - 1, tokens2[selector_start][pos_in_token_array]];
    }
    return [selector_start, selector_end - 1, tokens2[selector_start][pos_in_token_array]];
  }
  function prettifyValue(argument_hash) {
    let user_conf = {};
    let get_internals = false;
    let rule_index;
    prettified_value = "";
    const prettified_value_array = [];
    if (typeof argument_hash === "object") {
      if (typeof argument_hash.conf === "object") {
        user_conf = argument_hash.conf;
      }
      if (typeof argument_hash.rule_index === "number") {
        rule_index = argument_hash.rule_index;
      }
      if (argument_hash.get_internals === true) {
        get_internals = true;
      }
    }
    user_conf = normalizePrettifyConf(user_conf, default_prettify_conf);
    const locale2 = (
      /** @type {string} */
      user_conf["locale"]
    );
    const date_format = (
      /** @type {'short' | 'long'} */
      user_conf["date_format"]
    );
    const uses_locale_aware_order = locale2 !== "en" && locale2 !== "all";
    let day_before_month = false;
    let day_month_sep = " ";
    let weekday_before_date = false;
    let weekday_date_sep = " ";
    if (uses_locale_aware_order) {
      try {
        const localeParts = new Intl.DateTimeFormat(locale2, { weekday: "short", day: "numeric", month: date_format, calendar: "gregory" }).formatToParts(INTL_DAY_MONTH_REF_DATE);
        const wdIdx = localeParts.findIndex((p) => p.type === "weekday");
        const dayIdx = localeParts.findIndex((p) => p.type === "day");
        const monthIdx = localeParts.findIndex((p) => p.type === "month");
        if (dayIdx !== -1 && monthIdx !== -1) {
          day_before_month = dayIdx < monthIdx;
          day_month_sep = localeParts.slice(Math.min(dayIdx, monthIdx) + 1, Math.max(dayIdx, monthIdx)).map((p) => p.value).join("");
        }
        if (wdIdx !== -1 && dayIdx !== -1) {
          weekday_before_date = wdIdx < dayIdx;
          weekday_date_sep = localeParts.slice(Math.min(wdIdx, dayIdx) + 1, Math.max(wdIdx, dayIdx)).map((p) => p.value).join("").replace(/,/g, "").trim() || " ";
        }
      } catch {
      }
    }
    user_conf["day_before_month"] = day_before_month;
    user_conf["day_month_sep"] = day_month_sep;
    user_conf["weekday_before_date"] = weekday_before_date;
    user_conf["weekday_date_sep"] = weekday_date_sep;
    for (let nrule2 = 0; nrule2 < new_tokens.length; nrule2++) {
      const rule_entry = new_tokens[nrule2];
      const rule_tokens = rule_entry[0];
      if (rule_tokens.length === 0) continue;
      if (typeof rule_index === "number") {
        if (rule_index !== nrule2) continue;
      } else {
        if (nrule2 !== 0)
          prettified_value += getRuleSeparator(new_tokens[nrule2], user_conf);
      }
      let selector_start_end_type = [0, 0, void 0];
      const prettified_group_value = [];
      let count = 0;
      do {
        selector_start_end_type = getSelectorRange(rule_tokens, selector_start_end_type[1]);
        if (count > 50) {
          throw formatLibraryBugMessage("Infinite loop.");
        }
        if (selector_start_end_type[2] !== "rule separator") {
          prettified_group_value.push(
            [
              selector_start_end_type,
              prettifySelector(
                rule_tokens,
                selector_start_end_type[0],
                selector_start_end_type[1],
                selector_start_end_type[2],
                user_conf
              )
            ]
          );
        }
        selector_start_end_type[1]++;
        count++;
      } while (selector_start_end_type[1] < rule_tokens.length);
      const not_sorted_prettified_group_value = prettified_group_value.slice();
      if (shouldSortPrettifiedGroup(done_with_selector_reordering, rules_without_selector_reordering, nrule2, prettified_group_value)) {
        prettified_group_value.sort(compareSelectorOrder);
      }
      const old_prettified_value_length = prettified_value.length;
      const sorted_prettified_group_value = prettified_group_value.slice();
      if (user_conf["weekday_before_date"]) {
        for (let i = 0; i < prettified_group_value.length - 1; i++) {
          if (prettified_group_value[i][0][2] === "month" && prettified_group_value[i + 1][0][2] === "weekday") {
            const tmp = prettified_group_value[i];
            prettified_group_value[i] = prettified_group_value[i + 1];
            prettified_group_value[i + 1] = tmp;
          }
        }
      }
      prettified_value += prettified_group_value.reduce(function(acc, entry, i) {
        if (i === 0) return entry[1];
        const sep = user_conf["weekday_before_date"] && prettified_group_value[i - 1][0][2] === "weekday" && entry[0][2] === "month" ? user_conf["weekday_date_sep"] : " ";
        return acc + sep + entry[1];
      }, "");
      prettified_value_array.push(prettified_group_value);
      if (!done_with_selector_reordering_warnings) {
        for (let i = 0, l = not_sorted_prettified_group_value.length; i < l; i++) {
          if (not_sorted_prettified_group_value[i] !== sorted_prettified_group_value[i]) {
            let length = i + old_prettified_value_length;
            for (let x = 0; x <= i; x++) {
              length += sorted_prettified_group_value[x][1].length;
            }
            parsing_warnings.push([
              prettified_value,
              length,
              "switched",
              t("switched", {
                "first": sorted_prettified_group_value[i][0][2],
                "second": not_sorted_prettified_group_value[i][0][2]
              })
            ]);
          }
        }
      }
    }
    done_with_selector_reordering_warnings = true;
    if (get_internals) {
      return [prettified_value_array, new_tokens];
    } else {
      return prettified_value;
    }
  }
  function generateDateShifter(func, shift) {
    return function(date) {
      const res = func(new Date(date.getTime() + shift));
      if (typeof res[1] === "undefined")
        return res;
      return [res[0], new Date(res[1].getTime() - shift)];
    };
  }
  function isPlainFullYearMonthdayRange(tokens2, at) {
    if (matchTokens(tokens2, at, "year"))
      return false;
    if (!matchTokens(tokens2, at, "month", "number", "-", "month", "number"))
      return false;
    const from_month = tokens2[at][0];
    const from_day = tokens2[at + 1][0];
    const to_month = tokens2[at + 3][0];
    const to_day = tokens2[at + 4][0];
    if (!(from_month === 0 && from_day === 1 && to_month === 11 && to_day === 31))
      return false;
    if (matchTokens(tokens2, at + 5, "/", "number"))
      return false;
    if (matchTokens(tokens2, at + 5, ","))
      return false;
    return true;
  }
  function parseGroup(tokens2, at, rule2, nrule2) {
    let rule_modifier_specified = false;
    let last_selector = [];
    while (at < tokens2.length) {
      if (matchTokens(tokens2, at, "weekday")) {
        at = parseWeekdayRange(tokens2, at, rule2, void 0, nrule2);
      } else if (matchTokens(tokens2, at, "24/7")) {
        rule2.time.push(function() {
          return [true];
        });
        at++;
      } else if (matchTokens(tokens2, at, "holiday")) {
        if (matchTokens(tokens2, at + 1, ",")) {
          at = parseHoliday(tokens2, at, rule2, true);
        } else {
          at = parseHoliday(tokens2, at, rule2, false);
        }
        week_stable = false;
      } else if (matchTokens(tokens2, at, "month", "number") || matchTokens(tokens2, at, "month", "weekday") || matchTokens(tokens2, at, "year", "month", "number") || matchTokens(tokens2, at, "year", "event") || matchTokens(tokens2, at, "event")) {
        const is_full_year_monthday_range = isPlainFullYearMonthdayRange(tokens2, at);
        at = parseMonthdayRange(tokens2, at, nrule2);
        if (!is_full_year_monthday_range)
          week_stable = false;
      } else if (matchTokens(tokens2, at, "year")) {
        at = parseYearRange(tokens2, at);
        week_stable = false;
      } else if (matchTokens(tokens2, at, "month")) {
        at = parseMonthRange(tokens2, at);
      } else if (matchTokens(tokens2, at, "week")) {
        tokens2[at][3] = "week";
        at = parseWeekRange(tokens2, at);
      } else if (at !== 0 && at !== tokens2.length - 1 && tokens2[at][0] === ":" && !(typeof last_selector[1] === "string" && last_selector[1] === "time")) {
        if (!done_with_warnings && matchTokens(tokens2, at - 1, "holiday")) {
          parsing_warnings.push([nrule2, at, "no_colon_after", t("no colon after", { "token": tokens2[at - 1][1] })]);
        }
        at++;
      } else if (matchTokens(tokens2, at, "number", "timesep") || matchTokens(tokens2, at, "timevar") || matchTokens(tokens2, at, "(", "timevar") || matchTokens(tokens2, at, "number", "-")) {
        at = parseTimeRange(tokens2, at, rule2, false, nrule2);
        last_selector = [at, "time"];
      } else if (matchTokens(tokens2, at, "state")) {
        if (tokens2[at][0] === "open") {
          rule2.meaning = true;
        } else if (tokens2[at][0] === "closed" || tokens2[at][0] === "off") {
          rule2.meaning = false;
        } else {
          rule2.meaning = false;
          rule2.unknown = true;
        }
        rule_modifier_specified = true;
        at++;
        if (typeof tokens2[at] === "object" && tokens2[at][0] === ",")
          at = [at + 1];
      } else if (matchTokens(tokens2, at, "comment")) {
        rule2.comment = tokens2[at][0];
        if (!rule_modifier_specified) {
          rule2.meaning = false;
          rule2.unknown = true;
        }
        rule_modifier_specified = true;
        at++;
        if (typeof tokens2[at] === "object" && tokens2[at][0] === ",") {
          at = [at + 1];
        }
      } else if ((at === 0 || at === tokens2.length - 1) && matchTokens(tokens2, at, "rule separator")) {
        at++;
      } else {
        const warnings = getWarnings();
        throw formatWarnErrorMessage(nrule2, at, t("unexpected token", { token: tokens2[at][1] })) + (warnings ? " " + warnings.join("; ") : "");
      }
      if (typeof at === "object") {
        tokens2[at[0] - 1][1] = "rule separator";
        break;
      }
      if (typeof last_selector[0] === "number" && last_selector[0] !== at) {
        last_selector = [];
      }
    }
    return at;
  }
  function dateAtDayMinutes(date, minutes) {
    return new Date(date.getFullYear(), date.getMonth(), date.getDate(), 0, minutes);
  }
  function dateAtNextWeekday(date, weekday) {
    const delta = weekday - date.getDay();
    return new Date(date.getFullYear(), date.getMonth(), date.getDate() + delta + (delta < 0 ? 7 : 0));
  }
  function parseNumRange(tokens2, at, func) {
    for (; at < tokens2.length; at++) {
      if (matchTokens(tokens2, at, "number", "-", "number")) {
        func(tokens2[at][0], tokens2[at + 2][0], at);
        at += 3;
      } else if (matchTokens(tokens2, at, "-", "number")) {
        func(-tokens2[at + 1][0], -tokens2[at + 1][0], at);
        at += 2;
      } else if (matchTokens(tokens2, at, "number")) {
        func(tokens2[at][0], tokens2[at][0], at);
        at++;
      } else {
        throw formatWarnErrorMessage(
          nrule,
          at + matchTokens(tokens2, at, "-"),
          "Unexpected token in number range: " + tokens2[at][1]
        );
      }
      if (!matchTokens(tokens2, at, ","))
        break;
    }
    return at;
  }
  function getConstrainedWeekday(tokens2, at) {
    let number = 0;
    const endat = parseNumRange(tokens2, at, function(from, to, at2) {
      if (from === 0 || from < -5 || from > 5)
        throw formatWarnErrorMessage(
          nrule,
          at2,
          t("number -5 to 5")
        );
      if (from === to) {
        if (number !== 0)
          throw formatWarnErrorMessage(
            nrule,
            at2,
            t("one weekday constraint")
          );
        number = from;
      } else {
        throw formatWarnErrorMessage(
          nrule,
          at2 + 2,
          t("range constrained weekdays")
        );
      }
    });
    for (let i = at; i < endat; i++) {
      tokens2[i][4] = "positive_number";
    }
    if (!matchTokens(tokens2, endat, "]"))
      throw formatWarnErrorMessage(nrule, endat, t("expected", { symbol: "]" }));
    return [number, endat + 1];
  }
  function checkPeriod(at, period, period_type, parm_string) {
    if (done_with_warnings)
      return;
    if (period === 0) {
      throw formatWarnErrorMessage(
        nrule,
        at,
        t("range zero", { "type": period_type })
      );
    } else if (period === 1) {
      if (typeof parm_string === "string" && parm_string === "no_end_year")
        parsing_warnings.push([nrule, at, "period_one_year_plus", t("period one year+", { "type": period_type })]);
      else
        parsing_warnings.push([nrule, at, "period_one", t("period one", { "type": period_type })]);
    }
  }
  function getDateForConstrainedWeekday(year, month, weekday, constrained_weekday, add_days) {
    const tmp_date = dateAtNextWeekday(
      new Date(year, month + (constrained_weekday[0] > 0 ? 0 : 1), 1),
      weekday
    );
    tmp_date.setDate(tmp_date.getDate() + (constrained_weekday[0] + (constrained_weekday[0] > 0 ? -1 : 0)) * 7);
    if (typeof add_days === "object" && add_days[1])
      tmp_date.setDate(tmp_date.getDate() + add_days[0]);
    return tmp_date;
  }
  function checkIfDateIsValid(month, day, nrule2, at) {
    if (day < 1 || day > 31) {
      throw formatWarnErrorMessage(nrule2, at, t("month 31", { "month": months[month] }));
    } else if ((month === 3 || month === 5 || month === 8 || month === 10) && day === 31) {
      throw formatWarnErrorMessage(nrule2, at, t("month 30", { "month": months[month] }));
    } else if (month === 1 && day === 30) {
      throw formatWarnErrorMessage(nrule2, at, t("month feb", { "month": months[month] }));
    }
  }
  function warnAmbiguousSingleDigitHours(tokens2, start_at, end_at, nrule2) {
    const is_ambiguous_hour = (token, hour) => token.single_digit_lexeme === true && token.meridian === void 0 && hour < 12;
    const start_hour = tokens2[start_at][0];
    const end_hour = tokens2[end_at][0];
    const end_hour_is_ambiguous = is_ambiguous_hour(tokens2[end_at], end_hour);
    const start_hour_is_ambiguous = is_ambiguous_hour(tokens2[start_at], start_hour);
    const end_has_implicit_pm = tokens2[end_at].meridian === "pm";
    const should_warn_start = start_hour_is_ambiguous && (end_hour_is_ambiguous || end_has_implicit_pm);
    if (done_with_warnings || !end_hour_is_ambiguous && !should_warn_start) {
      return;
    }
    const ambiguous_hours = [];
    if (should_warn_start) {
      ambiguous_hours.push([start_at, start_hour]);
    }
    if (end_hour_is_ambiguous) {
      ambiguous_hours.push([end_at, end_hour]);
    }
    for (const [token_index, hour] of ambiguous_hours) {
      parsing_warnings.push([nrule2, token_index, "ambiguous_single_digit_hour", t("ambiguous single digit hour", {
        "hour": hour,
        "hour_pm": hour + 12
      })]);
    }
  }
  function parseTimeRange(tokens2, at, rule2, extended_open_end, nrule2) {
    if (!extended_open_end)
      tokens2[at][3] = "time";
    for (; at < tokens2.length; at++) {
      const has_time_var_calc = [], has_normal_time = [];
      has_normal_time[0] = matchTokens(tokens2, at, "number", "timesep", "number");
      has_time_var_calc[0] = matchTokens(tokens2, at, "(", "timevar");
      let minutes_from, minutes_to, has_open_end = false;
      if (has_normal_time[0] || matchTokens(tokens2, at, "timevar") || has_time_var_calc[0]) {
        let is_point_in_time = false;
        const timevar_add = [0, 0];
        let timevar_string = [];
        let point_in_time_period;
        if (has_normal_time[0]) {
          minutes_from = getMinutesByHoursMinutes(tokens2, nrule2, at + has_time_var_calc[0]);
        } else {
          timevar_string[0] = tokens2[at + has_time_var_calc[0]][0];
          minutes_from = VARIABLE_TIME_DEFAULTS[timevar_string[0]];
          if (has_time_var_calc[0]) {
            timevar_add[0] = parseTimevarCalc(tokens2, at);
            minutes_from += timevar_add[0];
          }
        }
        const at_end_time = at + (has_normal_time[0] ? 3 : has_time_var_calc[0] ? 7 : 1) + 1;
        if (!matchTokens(tokens2, at_end_time - 1, "-")) {
          if (matchTokens(tokens2, at_end_time - 1, "+")) {
            has_open_end = true;
          } else {
            if (oh_mode === 0) {
              throw formatWarnErrorMessage(
                nrule2,
                at + (has_normal_time[0] ? typeof tokens2[at + 3] === "object" ? 3 : 2 : has_time_var_calc[0] ? 2 : typeof tokens2[at + 1] === "object" ? 1 : 0),
                t("point in time", {
                  "calc": has_time_var_calc[0] ? t("calculation") + " " : "",
                  "libraryname": library_name
                })
              );
            } else {
              minutes_to = minutes_from + 1;
              is_point_in_time = true;
            }
          }
        }
        if (has_open_end) {
          if (extended_open_end === 1) {
            minutes_from += minutes_in_day;
          }
          if (minutes_from >= 22 * 60) {
            minutes_to = minutes_from + 8 * 60;
          } else if (minutes_from >= 17 * 60) {
            minutes_to = minutes_from + 10 * 60;
          } else {
            minutes_to = minutes_in_day;
          }
        } else if (!is_point_in_time) {
          has_normal_time[1] = matchTokens(tokens2, at_end_time, "number", "timesep", "number");
          has_time_var_calc[1] = matchTokens(tokens2, at_end_time, "(", "timevar");
          if (!has_normal_time[1] && !matchTokens(tokens2, at_end_time, "timevar") && !has_time_var_calc[1]) {
            throw formatWarnErrorMessage(
              nrule2,
              at_end_time - (typeof tokens2[at_end_time] === "object" ? 0 : 1),
              t("time range continue")
            );
          } else {
            if (has_normal_time[1]) {
              minutes_to = getMinutesByHoursMinutes(tokens2, nrule2, at_end_time);
              warnAmbiguousSingleDigitHours(tokens2, at, at_end_time, nrule2);
            } else {
              timevar_string[1] = tokens2[at_end_time + has_time_var_calc[1]][0];
              minutes_to = VARIABLE_TIME_DEFAULTS[timevar_string[1]];
            }
            if (has_time_var_calc[1]) {
              timevar_add[1] = parseTimevarCalc(tokens2, at_end_time);
              minutes_to += timevar_add[1];
            }
          }
        }
        at = at_end_time + (is_point_in_time ? -1 : has_normal_time[1] ? 3 : has_time_var_calc[1] ? 7 : !has_open_end);
        if (matchTokens(tokens2, at, "/", "number")) {
          if (matchTokens(tokens2, at + 2, "timesep", "number")) {
            point_in_time_period = getMinutesByHoursMinutes(tokens2, nrule2, at + 1);
            at += 4;
          } else {
            point_in_time_period = tokens2[at + 1][0];
            at += 2;
            if (matchTokens(tokens2, at, "timesep"))
              throw formatWarnErrorMessage(
                nrule2,
                at,
                t("period continue")
              );
          }
          if (oh_mode === 0) {
            throw formatWarnErrorMessage(
              nrule2,
              at - 1,
              t("time range mode", { "libraryname": library_name })
            );
          }
          is_point_in_time = true;
        } else if (matchTokens(tokens2, at, "+")) {
          parseTimeRange(tokens2, at_end_time, rule2, minutes_to < minutes_from ? 1 : true, nrule2);
          at++;
        } else if (oh_mode === 1 && !is_point_in_time) {
          throw formatWarnErrorMessage(
            nrule2,
            at_end_time,
            t("point in time mode", { "libraryname": library_name })
          );
        }
        if (typeof lat === "string") {
          if (!has_normal_time[0] || !(has_normal_time[1] || has_open_end || is_point_in_time)) {
            week_stable = false;
          }
        } else {
          timevar_string = [];
        }
        if (!extended_open_end && minutes_from >= minutes_in_day) {
          throw formatWarnErrorMessage(
            nrule2,
            at_end_time - 2,
            t("outside current day")
          );
        }
        if (minutes_to < minutes_from || has_normal_time[0] && has_normal_time[1] && minutes_from === minutes_to) {
          minutes_to += minutes_in_day;
        }
        if (minutes_to > minutes_in_day * 2) {
          throw formatWarnErrorMessage(
            nrule2,
            at_end_time + (has_normal_time[1] ? 4 : has_time_var_calc[1] ? 7 : 1) - 2,
            t("two midnights")
          );
        }
        if (minutes_from === 0 && minutes_to === minutes_in_day) {
          rule2.time.push(function() {
            return [true];
          });
        } else {
          if (minutes_to > minutes_in_day || typeof lat === "string" && !has_open_end && !is_point_in_time && timevar_string[0]) {
            rule2.time.push(/* @__PURE__ */ (function(initial_from, initial_to, timevar_string2, timevar_add2, has_open_end2, is_point_in_time2, point_in_time_period2, extended_open_end2) {
              return function(date) {
                const ourminutes = date.getHours() * 60 + date.getMinutes();
                const resolved_from = timevar_string2[0] ? getVariableTimeMinutes(date, lat, lon, timevar_string2[0], timevar_add2[0]) : initial_from;
                let resolved_to = timevar_string2[1] ? getVariableTimeMinutes(date, lat, lon, timevar_string2[1], timevar_add2[1]) : initial_to;
                if (timevar_string2[1] && resolved_to <= resolved_from) {
                  resolved_to += minutes_in_day;
                } else if (is_point_in_time2 && typeof point_in_time_period2 !== "number") {
                  resolved_to = resolved_from + 1;
                }
                if (typeof point_in_time_period2 === "number") {
                  if (ourminutes < resolved_from) {
                    return [false, dateAtDayMinutes(date, resolved_from)];
                  } else if (ourminutes <= resolved_to) {
                    for (let cur_min = resolved_from; ourminutes + point_in_time_period2 >= cur_min; cur_min += point_in_time_period2) {
                      if (cur_min === ourminutes) {
                        return [true, dateAtDayMinutes(date, ourminutes + 1)];
                      } else if (ourminutes < cur_min) {
                        return [false, dateAtDayMinutes(date, cur_min)];
                      }
                    }
                  }
                  return [false, dateAtDayMinutes(date, minutes_in_day)];
                } else {
                  if (resolved_to > minutes_in_day) {
                    if (ourminutes < resolved_from)
                      return [false, dateAtDayMinutes(date, resolved_from)];
                    return [true, dateAtDayMinutes(date, resolved_to), has_open_end2, extended_open_end2];
                  }
                  if (ourminutes < resolved_from)
                    return [false, dateAtDayMinutes(date, resolved_from)];
                  if (ourminutes < resolved_to)
                    return [true, dateAtDayMinutes(date, resolved_to), has_open_end2, extended_open_end2];
                  if (timevar_string2[0]) {
                    const next_day = dateAtDayMinutes(date, minutes_in_day);
                    return [false, dateAtDayMinutes(next_day, getVariableTimeMinutes(next_day, lat, lon, timevar_string2[0], timevar_add2[0]))];
                  }
                  return [false, dateAtDayMinutes(date, resolved_from + minutes_in_day)];
                }
              };
            })(minutes_from, minutes_to, timevar_string, timevar_add, has_open_end, is_point_in_time, point_in_time_period, extended_open_end));
            if (minutes_to - minutes_in_day > 0) {
              if (typeof rule_infos[nrule2] === "undefined") {
                rule_infos[nrule2] = {};
              }
              rule_infos[nrule2]["time_wraps_over_midnight"] = true;
              rule2.wraptime.push(/* @__PURE__ */ (function(minutes_from2, minutes_to2, timevar_string2, timevar_add2, has_open_end2, point_in_time_period2, extended_open_end2) {
                return function(date) {
                  const ourminutes = date.getHours() * 60 + date.getMinutes();
                  if (timevar_string2[0]) {
                    minutes_from2 = getVariableTimeMinutes(date, lat, lon, timevar_string2[0], timevar_add2[0]);
                  }
                  if (timevar_string2[1]) {
                    minutes_to2 = getVariableTimeMinutes(date, lat, lon, timevar_string2[1], timevar_add2[1]);
                  }
                  if (timevar_string2[0] || timevar_string2[1]) {
                    if (minutes_to2 > minutes_from2) {
                      return [false, void 0];
                    }
                  }
                  if (typeof point_in_time_period2 === "number") {
                    if (ourminutes <= minutes_to2) {
                      for (let cur_min = 0; ourminutes + point_in_time_period2 >= cur_min; cur_min += point_in_time_period2) {
                        if (cur_min === ourminutes) {
                          return [true, dateAtDayMinutes(date, ourminutes + 1)];
                        } else if (ourminutes < cur_min) {
                          return [false, dateAtDayMinutes(date, cur_min)];
                        }
                      }
                    }
                  } else {
                    if (ourminutes < minutes_to2)
                      return [true, dateAtDayMinutes(date, minutes_to2), has_open_end2, extended_open_end2];
                  }
                  return [false, void 0];
                };
              })(minutes_from, minutes_to > minutes_in_day ? minutes_to - minutes_in_day : minutes_to, timevar_string, timevar_add, has_open_end, point_in_time_period, extended_open_end));
            }
          } else {
            rule2.time.push(/* @__PURE__ */ (function(initial_from, initial_to, timevar_string2, timevar_add2, has_open_end2, is_point_in_time2, point_in_time_period2) {
              return function(date) {
                const ourminutes = date.getHours() * 60 + date.getMinutes();
                const resolved_from = timevar_string2[0] ? getVariableTimeMinutes(date, lat, lon, timevar_string2[0], timevar_add2[0]) : initial_from;
                let resolved_to = timevar_string2[1] ? getVariableTimeMinutes(date, lat, lon, timevar_string2[1], timevar_add2[1]) : initial_to;
                if (!timevar_string2[1] && is_point_in_time2 && typeof point_in_time_period2 !== "number") {
                  resolved_to = resolved_from + 1;
                }
                if (typeof point_in_time_period2 === "number") {
                  if (ourminutes < resolved_from) {
                    return [false, dateAtDayMinutes(date, resolved_from)];
                  } else if (ourminutes <= resolved_to) {
                    for (let cur_min = resolved_from; ourminutes + point_in_time_period2 >= cur_min; cur_min += point_in_time_period2) {
                      if (cur_min === ourminutes) {
                        return [true, dateAtDayMinutes(date, ourminutes + 1)];
                      } else if (ourminutes < cur_min) {
                        return [false, dateAtDayMinutes(date, cur_min)];
                      }
                    }
                  }
                  return [false, dateAtDayMinutes(date, minutes_in_day)];
                } else {
                  if (ourminutes < resolved_from)
                    return [false, dateAtDayMinutes(date, resolved_from)];
                  else if (ourminutes < resolved_to)
                    return [true, dateAtDayMinutes(date, resolved_to), has_open_end2];
                  else if (timevar_string2[0]) {
                    const next_day = dateAtDayMinutes(date, minutes_in_day);
                    return [false, dateAtDayMinutes(next_day, getVariableTimeMinutes(next_day, lat, lon, timevar_string2[0], timevar_add2[0]))];
                  } else
                    return [false, dateAtDayMinutes(date, resolved_from + minutes_in_day)];
                }
              };
            })(minutes_from, minutes_to, timevar_string, timevar_add, has_open_end, is_point_in_time, point_in_time_period));
          }
        }
      } else if (matchTokens(tokens2, at, "number", "-", "number")) {
        minutes_from = tokens2[at][0] * 60;
        minutes_to = tokens2[at + 2][0] * 60;
        warnAmbiguousSingleDigitHours(tokens2, at, at + 2, nrule2);
        if (!done_with_warnings) {
          parsing_warnings.push([nrule2, at + 2, "without_minutes", t("without minutes", {
            "syntax": (tokens2[at][0] < 10 ? "0" : "") + tokens2[at][0] + ":00-" + (tokens2[at + 2][0] < 10 ? "0" : "") + tokens2[at + 2][0] + ":00"
          })]);
        }
        if (minutes_from >= minutes_in_day)
          throw formatWarnErrorMessage(nrule2, at, t("outside day"));
        if (minutes_to < minutes_from)
          minutes_to += minutes_in_day;
        if (minutes_to > minutes_in_day * 2)
          throw formatWarnErrorMessage(nrule2, at + 2, t("two midnights"));
        if (minutes_to > minutes_in_day) {
          rule2.time.push(/* @__PURE__ */ (function(minutes_from2, minutes_to2) {
            return function(date) {
              const ourminutes = date.getHours() * 60 + date.getMinutes();
              if (ourminutes < minutes_from2)
                return [false, dateAtDayMinutes(date, minutes_from2)];
              else
                return [true, dateAtDayMinutes(date, minutes_to2)];
            };
          })(minutes_from, minutes_to));
          if (minutes_to - minutes_in_day > 0) {
            if (typeof rule_infos[nrule2] === "undefined") {
              rule_infos[nrule2] = {};
            }
            rule_infos[nrule2]["time_wraps_over_midnight"] = true;
            rule2.wraptime.push(/* @__PURE__ */ (function(minutes_to2) {
              return function(date) {
                const ourminutes = date.getHours() * 60 + date.getMinutes();
                if (ourminutes < minutes_to2) {
                  return [true, dateAtDayMinutes(date, minutes_to2)];
                } else {
                  return [false, void 0];
                }
              };
            })(minutes_to - minutes_in_day));
          }
        } else {
          rule2.time.push(/* @__PURE__ */ (function(minutes_from2, minutes_to2) {
            return function(date) {
              const ourminutes = date.getHours() * 60 + date.getMinutes();
              if (ourminutes < minutes_from2)
                return [false, dateAtDayMinutes(date, minutes_from2)];
              else if (ourminutes < minutes_to2)
                return [true, dateAtDayMinutes(date, minutes_to2), has_open_end];
              else
                return [false, dateAtDayMinutes(date, minutes_from2 + minutes_in_day)];
            };
          })(minutes_from, minutes_to));
        }
        at += 3;
      } else {
        if (matchTokens(tokens2, at, "("))
          throw formatWarnErrorMessage(nrule2, at, 'Missing variable time (e.g. sunrise) after: "' + tokens2[at][1] + '"');
        if (matchTokens(tokens2, at, "number", "timesep"))
          throw formatWarnErrorMessage(nrule2, at + 1, 'Missing minutes in time range after: "' + tokens2[at + 1][1] + '"');
        if (matchTokens(tokens2, at, "number"))
          throw formatWarnErrorMessage(
            nrule2,
            at + (typeof tokens2[at + 1] === "object" ? 1 : 0),
            'Missing time separator in time range after: "' + tokens2[at][1] + '"'
          );
        return [at];
      }
      if (!matchTokens(tokens2, at, ",")) {
        break;
      }
      if (typeof tokens2[at + 1] === "undefined" && !done_with_warnings) {
        parsing_warnings.push([nrule2, at, "value_ends_with_token", t("value ends with token", { "token": tokens2[at][1] })]);
      }
    }
    return at;
  }
  function getMinutesByHoursMinutes(tokens2, nrule2, at) {
    if (tokens2[at + 2][0] > 59)
      throw formatWarnErrorMessage(
        nrule2,
        at + 2,
        "Minutes are greater than 59."
      );
    return tokens2[at][0] * 60 + tokens2[at + 2][0];
  }
  function parseTimevarCalc(tokens2, at) {
    let error;
    if (matchTokens(tokens2, at + 2, "+") || matchTokens(tokens2, at + 2, "-")) {
      if (matchTokens(tokens2, at + 3, "number", "timesep", "number")) {
        if (matchTokens(tokens2, at + 6, ")")) {
          const add_or_subtract = tokens2[at + 2][0] === "+" ? "1" : "-1";
          const minutes = getMinutesByHoursMinutes(tokens2, nrule, at + 3) * add_or_subtract;
          if (minutes === 0)
            parsing_warnings.push(
              [nrule, at + 5, "zero_calculation", t("zero calculation")]
            );
          return minutes;
        } else {
          error = [at + 6, ". " + t("missing", { "symbol": ")" }) + "."];
        }
      } else if (matchTokens(tokens2, at + 3, "number") && matchTokens(tokens2, at + 4, ")")) {
        const hours = ("0" + tokens2[at + 3][0]).slice(-2);
        const suggestion = "(" + tokens2[at + 1][0] + tokens2[at + 2][0] + hours + ":00)";
        throw formatWarnErrorMessage(
          nrule,
          at + 3,
          t("time offset hours only", { suggestion })
        );
      } else {
        error = [at + 5, " " + t("(time)") + "."];
      }
    } else {
      error = [at + 2, ". " + t("expected", { "symbol": '+" or "-' })];
    }
    if (error)
      throw formatWarnErrorMessage(
        nrule,
        error[0],
        t("calculation syntax") + error[1]
      );
  }
  function parseWeekdayRange(tokens2, at, rule2, in_holiday_selector, nrule2) {
    if (!in_holiday_selector) {
      in_holiday_selector = true;
      tokens2[at][3] = "weekday";
    }
    for (; at < tokens2.length; at++) {
      if (matchTokens(tokens2, at, "weekday", "[")) {
        const numbers = [];
        const endat = parseNumRange(tokens2, at + 2, function(from, to, at2) {
          if (from === 0 || from < -5 || from > 5)
            throw formatWarnErrorMessage(
              nrule2,
              at2,
              t("number -5 to 5")
            );
          if (from === to) {
            numbers.push(from);
          } else if (from < to) {
            for (let i = from; i <= to; i++) {
              if (i === 0 || i < -5 || i > 5)
                throw formatWarnErrorMessage(
                  nrule2,
                  at2 + 2,
                  t("number -5 to 5")
                );
              numbers.push(i);
            }
          } else {
            throw formatWarnErrorMessage(
              nrule2,
              at2 + 2,
              t("bad range", { "from": from, "to": to })
            );
          }
        });
        if (!matchTokens(tokens2, endat, "]")) {
          throw formatWarnErrorMessage(
            nrule2,
            endat + (typeof tokens2[endat] === "object" ? 0 : -1),
            t("] or more numbers")
          );
        }
        const add_days = getMoveDays(tokens2, endat + 1, 6, "max differ name constrained weekdays");
        week_stable = false;
        for (let nnumber = 0; nnumber < numbers.length; nnumber++) {
          rule2.weekday.push(/* @__PURE__ */ (function(weekday, number, add_days2) {
            return function(date) {
              const date_num = getValueForDate(date, false);
              const start_of_this_month = new Date(date.getFullYear(), date.getMonth(), 1);
              const start_of_next_month = new Date(date.getFullYear(), date.getMonth() + 1, 1);
              const target_day_this_month = getDateForConstrainedWeekday(date.getFullYear(), date.getMonth(), weekday, [number]);
              let target_day_with_added_days_this_month = new Date(
                target_day_this_month.getFullYear(),
                target_day_this_month.getMonth(),
                target_day_this_month.getDate() + add_days2
              );
              if (target_day_with_added_days_this_month.getTime() < start_of_this_month.getTime()) {
                if (target_day_this_month.getTime() >= start_of_this_month.getTime()) {
                  target_day_with_added_days_this_month = dateAtNextWeekday(
                    new Date(date.getFullYear(), date.getMonth() + (number > 0 ? 0 : 1) + 1, 1),
                    weekday
                  );
                  target_day_this_month.setDate(target_day_with_added_days_this_month.getDate() + (number + (number > 0 ? -1 : 0)) * 7 + add_days2);
                } else {
                  return [false, start_of_next_month];
                }
              } else if (target_day_with_added_days_this_month.getTime() >= start_of_next_month.getTime()) {
                if (target_day_this_month.getTime() >= start_of_next_month.getTime())
                  return [false, start_of_next_month];
              } else if (target_day_this_month.getTime() >= start_of_next_month.getTime()) {
                return [false, start_of_next_month];
              }
              let target_day_with_added_moved_days_this_month;
              if (add_days2 > 0) {
                target_day_with_added_moved_days_this_month = dateAtNextWeekday(
                  new Date(date.getFullYear(), date.getMonth() + (number > 0 ? 0 : 1) - 1, 1),
                  weekday
                );
                target_day_with_added_moved_days_this_month.setDate(target_day_with_added_moved_days_this_month.getDate() + (number + (number > 0 ? -1 : 0)) * 7 + add_days2);
                if (date_num === getValueForDate(target_day_with_added_moved_days_this_month, false))
                  return [true, dateAtDayMinutes(date, minutes_in_day)];
              } else if (add_days2 < 0) {
                target_day_with_added_moved_days_this_month = dateAtNextWeekday(
                  new Date(date.getFullYear(), date.getMonth() + (number > 0 ? 0 : 1) + 1, 1),
                  weekday
                );
                target_day_with_added_moved_days_this_month.setDate(target_day_with_added_moved_days_this_month.getDate() + (number + (number > 0 ? -1 : 0)) * 7 + add_days2);
                if (target_day_with_added_moved_days_this_month.getTime() >= start_of_next_month.getTime()) {
                  if (target_day_with_added_days_this_month.getTime() >= start_of_next_month.getTime())
                    return [false, target_day_with_added_moved_days_this_month];
                } else {
                  if (target_day_with_added_days_this_month.getTime() < start_of_next_month.getTime() && getValueForDate(target_day_with_added_days_this_month, false) === date_num)
                    return [true, dateAtDayMinutes(date, minutes_in_day)];
                  target_day_with_added_days_this_month = target_day_with_added_moved_days_this_month;
                }
              }
              const currentDateOnly = new Date(date.getFullYear(), date.getMonth(), date.getDate());
              const targetDateOnly = new Date(target_day_with_added_days_this_month.getFullYear(), target_day_with_added_days_this_month.getMonth(), target_day_with_added_days_this_month.getDate());
              if (currentDateOnly.getTime() === targetDateOnly.getTime()) {
                return [true, dateAtDayMinutes(date, minutes_in_day)];
              }
              if (currentDateOnly.getTime() < targetDateOnly.getTime()) {
                return [false, target_day_with_added_days_this_month];
              }
              return [false, start_of_next_month];
            };
          })(tokens2[at][0], numbers[nnumber], add_days[0]));
        }
        at = endat + 1 + add_days[1];
      } else if (matchTokens(tokens2, at, "weekday")) {
        const is_range = matchTokens(tokens2, at + 1, "-", "weekday");
        let weekday_from = tokens2[at][0];
        let weekday_to = is_range ? tokens2[at + 2][0] : weekday_from;
        let inside = true;
        if (weekday_to < weekday_from) {
          const tmp = weekday_to;
          weekday_to = weekday_from - 1;
          weekday_from = tmp + 1;
          inside = false;
        }
        const weekday_list = Array.apply(0, Array(weekday_to - weekday_from + 1)).map(function(_, index2) {
          return index2 + weekday_to;
        });
        if (typeof rule_infos[nrule2] === "undefined") {
          rule_infos[nrule2] = {};
        }
        if (typeof rule_infos[nrule2]["week_days"] === "object") {
          Array.prototype.push.apply(rule_infos[nrule2]["week_days"], weekday_list);
        } else {
          rule_infos[nrule2]["week_days"] = weekday_list;
        }
        if (weekday_to < weekday_from) {
          rule2.weekday.push(function() {
            return [true];
          });
        } else {
          rule2.weekday.push(/* @__PURE__ */ (function(weekday_from2, weekday_to2, inside2) {
            return function(date) {
              const ourweekday = date.getDay();
              if (ourweekday < weekday_from2 || ourweekday > weekday_to2) {
                return [!inside2, dateAtNextWeekday(date, weekday_from2)];
              } else {
                return [inside2, dateAtNextWeekday(date, weekday_to2 + 1)];
              }
            };
          })(weekday_from, weekday_to, inside));
        }
        at += is_range ? 3 : 1;
      } else if (matchTokens(tokens2, at, "holiday")) {
        week_stable = false;
        return parseHoliday(tokens2, at, rule2, true, in_holiday_selector);
      } else if (matchTokens(tokens2, at - 1, ",")) {
        throw formatWarnErrorMessage(
          nrule2,
          at - 1,
          t("additional rule no sense")
        );
      } else {
        throw formatWarnErrorMessage(nrule2, at, t("unexpected token weekday range", { "token": tokens2[at][1] }));
      }
      if (!matchTokens(tokens2, at, ",")) {
        break;
      }
    }
    return at;
  }
  function getMoveDays(tokens2, at, max_differ, name_key) {
    const add_days = [0, 0];
    add_days[0] = matchTokens(tokens2, at, "+") || (matchTokens(tokens2, at, "-") ? -1 : 0);
    if (add_days[0] !== 0 && matchTokens(tokens2, at + 1, "number", "calcday")) {
      if (tokens2[at + 1][0] > max_differ)
        throw formatWarnErrorMessage(
          nrule,
          at + 2,
          t("max differ", { "maxdiffer": max_differ, "name": t(name_key) })
        );
      add_days[0] *= tokens2[at + 1][0];
      if (add_days[0] === 0 && !done_with_warnings)
        parsing_warnings.push([nrule, at + 2, "adding_0", t("adding 0")]);
      add_days[1] = 3;
    } else {
      add_days[0] = 0;
    }
    return add_days;
  }
  function parseSingleHolidayToken(tokens2, at, target_array) {
    const holiday_type = tokens2[at][0];
    const applying_holidays = getMatchingHoliday(holiday_type);
    if (holiday_type === "PH") {
      const add_days = getMoveDays(tokens2, at + 1, 1, "max differ name public holiday");
      const selector = createPublicHolidaySelector(applying_holidays, add_days);
      target_array.push(selector);
      return at + 1 + add_days[1];
    } else {
      const selector = createSchoolHolidaySelector(applying_holidays);
      target_array.push(selector);
      return at + 1;
    }
  }
  function parseHoliday(tokens2, at, rule2, push_to_weekday, in_holiday_selector) {
    if (!in_holiday_selector) {
      tokens2[at][3] = push_to_weekday ? "weekday" : "holiday";
    }
    const target_array = push_to_weekday ? rule2.weekday : rule2.holiday;
    while (at < tokens2.length) {
      if (matchTokens(tokens2, at, "holiday")) {
        at = parseSingleHolidayToken(tokens2, at, target_array);
      } else if (matchTokens(tokens2, at, "weekday")) {
        return parseWeekdayRange(tokens2, at, rule2, true, nrule);
      } else if (matchTokens(tokens2, at - 1, ",")) {
        throw formatWarnErrorMessage(
          nrule,
          at - 1,
          t("additional rule no sense")
        );
      } else {
        throw formatWarnErrorMessage(nrule, at, t("unexpected token holiday", { "token": tokens2[at][1] }));
      }
      if (!matchTokens(tokens2, at, ","))
        break;
      at++;
    }
    return at;
  }
  function getValueForDate(date, include_year) {
    return (include_year ? date.getFullYear() * 1e4 : 0) + date.getMonth() * 100 + date.getDate();
  }
  function getSHForYear(SH_hash, year, fatal) {
    let holiday = SH_hash[year];
    if (typeof holiday === "undefined") {
      holiday = SH_hash["default"];
      if (typeof holiday === "undefined") {
        {
          return void 0;
        }
      }
    }
    return holiday;
  }
  function getDateNumber(month, day) {
    return (month - 1) * 100 + day;
  }
  function collectSHRangesForYear(applying_holidays, year) {
    const all_ranges = [];
    for (let i = 0; i < applying_holidays.length; i++) {
      const holiday = getSHForYear(applying_holidays[i], year);
      if (typeof holiday === "undefined") {
        continue;
      }
      for (let h = 0; h < holiday.length; h += 4) {
        all_ranges.push({
          from_month: holiday[0 + h],
          from_day: holiday[1 + h],
          to_month: holiday[2 + h],
          to_day: holiday[3 + h],
          name: applying_holidays[i].name,
          holiday_obj: applying_holidays[i]
        });
      }
    }
    return all_ranges;
  }
  function sortRangesByStartDate(ranges) {
    return ranges.sort((a, b) => {
      const a_from = getDateNumber(a.from_month, a.from_day);
      const b_from = getDateNumber(b.from_month, b.from_day);
      return a_from - b_from;
    });
  }
  function createSchoolHolidaySelector(applying_holidays) {
    return function(date) {
      const date_num = getValueForDate(date);
      const year = date.getFullYear();
      const all_ranges = collectSHRangesForYear(applying_holidays, year);
      sortRangesByStartDate(all_ranges);
      for (let i = 0; i < applying_holidays.length; i++) {
        const last_year_holiday = getSHForYear(applying_holidays[i], year - 1);
        if (typeof last_year_holiday === "object") {
          const last_idx = last_year_holiday.length - 4;
          const last_year_holiday_from = getDateNumber(last_year_holiday[last_idx], last_year_holiday[last_idx + 1]);
          const last_year_holiday_to = getDateNumber(last_year_holiday[last_idx + 2], last_year_holiday[last_idx + 3]);
          if (last_year_holiday_from > last_year_holiday_to && date_num <= last_year_holiday_to) {
            return [
              true,
              new Date(
                year,
                last_year_holiday[last_idx + 2] - 1,
                last_year_holiday[last_idx + 3] + 1
              ),
              applying_holidays[i].name
            ];
          }
        }
      }
      for (let r = 0; r < all_ranges.length; r++) {
        const range = all_ranges[r];
        const holiday_from = getDateNumber(range.from_month, range.from_day);
        const holiday_to = getDateNumber(range.to_month, range.to_day);
        const holiday_ends_next_year = holiday_to < holiday_from;
        if (date_num < holiday_from) {
          return [false, new Date(year, range.from_month - 1, range.from_day)];
        } else if (holiday_from <= date_num && (date_num <= holiday_to || holiday_ends_next_year)) {
          return [
            true,
            new Date(year + holiday_ends_next_year, range.to_month - 1, range.to_day + 1),
            range.name
          ];
        }
      }
      const next_year_ranges = [];
      for (let i = 0; i < applying_holidays.length; i++) {
        const holiday = getSHForYear(applying_holidays[i], year + 1);
        if (typeof holiday === "undefined") {
          continue;
        }
        next_year_ranges.push({
          from_month: holiday[0],
          from_day: holiday[1],
          name: applying_holidays[i].name
        });
      }
      if (next_year_ranges.length > 0) {
        sortRangesByStartDate(next_year_ranges);
        return [false, new Date(year + 1, next_year_ranges[0].from_month - 1, next_year_ranges[0].from_day)];
      }
      throw formatLibraryBugMessage(t("no SH definition", {
        "name": "",
        "year": year
      }), "library bug PR only");
    };
  }
  function createPublicHolidaySelector(applying_holidays, add_days) {
    return function(date) {
      const holidays = getApplyingHolidaysForYear(applying_holidays, date.getFullYear(), add_days);
      const date_num = getValueForDate(date, true);
      for (let i = 0; i < holidays.length; i++) {
        const next_holiday_date_num = getValueForDate(holidays[i][0], true);
        if (date_num < next_holiday_date_num) {
          if (add_days[0] > 0) {
            const holidays_last_year = getApplyingHolidaysForYear(applying_holidays, date.getFullYear() - 1, add_days);
            const last_holiday_last_year = holidays_last_year[holidays_last_year.length - 1];
            const last_holiday_last_year_num = getValueForDate(last_holiday_last_year[0], true);
            if (date_num < last_holiday_last_year_num) {
              return [false, last_holiday_last_year[0]];
            } else if (date_num === last_holiday_last_year_num) {
              return [
                true,
                dateAtDayMinutes(last_holiday_last_year[0], minutes_in_day),
                "Day after " + last_holiday_last_year[1]
              ];
            }
          }
          return [false, holidays[i][0]];
        } else if (date_num === next_holiday_date_num) {
          return [
            true,
            new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1),
            (add_days[0] > 0 ? "Day after " : add_days[0] < 0 ? "Day before " : "") + holidays[i][1]
          ];
        }
      }
      if (add_days[0] < 0) {
        const holidays_next_year = getApplyingHolidaysForYear(applying_holidays, date.getFullYear() + 1, add_days);
        const first_holidays_next_year = holidays_next_year[0];
        const first_holidays_next_year_num = getValueForDate(first_holidays_next_year[0], true);
        if (date_num === first_holidays_next_year_num) {
          return [
            true,
            dateAtDayMinutes(first_holidays_next_year[0], minutes_in_day),
            "Day before " + first_holidays_next_year[1]
          ];
        }
      }
      return [false, new Date(
        holidays[0][0].getFullYear() + 1,
        holidays[0][0].getMonth(),
        holidays[0][0].getDate()
      )];
    };
  }
  function isPublicHoliday(date) {
    try {
      const applying_holidays = getMatchingHoliday("PH");
      return createPublicHolidaySelector(applying_holidays, [0, 0])(date)[0];
    } catch {
      return false;
    }
  }
  function isHolidayItemArray(value2) {
    return Array.isArray(value2) && value2.every((item) => typeof item === "object" && item !== null && typeof item.name === "string");
  }
  function getMatchingHoliday(type_of_holidays) {
    if (typeof location_cc !== "string") {
      throw t("no country code");
    }
    if (!holidayDefinitions[location_cc]) {
      throw formatLibraryBugMessage(t("no holiday definition", {
        "name": type_of_holidays,
        "cc": location_cc
      }), "library bug PR only");
    }
    const countryDefinitions = holidayDefinitions[location_cc];
    const stateDefinition = typeof location_state === "string" ? countryDefinitions[location_state] : void 0;
    const stateHolidays = typeof stateDefinition === "object" && stateDefinition !== null && !Array.isArray(stateDefinition) ? stateDefinition[type_of_holidays] : void 0;
    const countryDefinition = countryDefinitions[type_of_holidays];
    const country_holidays = isHolidayItemArray(countryDefinition) ? countryDefinition : [];
    let matching_holiday = [];
    if (isHolidayItemArray(stateHolidays)) {
      const state_holidays = stateHolidays;
      if (type_of_holidays === "PH") {
        matching_holiday = state_holidays;
      } else if (!country_holidays.length) {
        matching_holiday = state_holidays;
      } else {
        const country_holiday_names = country_holidays.map(function(country_holiday) {
          return country_holiday.name;
        });
        matching_holiday.push.apply(matching_holiday, country_holidays);
        matching_holiday.push.apply(matching_holiday, state_holidays.filter(function is_not_a_country_holiday(state_holiday) {
          return country_holiday_names.indexOf(state_holiday.name) === -1;
        }));
        matching_holiday.sort(function(h1, h2) {
          const h1_year = Object.keys(h1).find(function(k) {
            return k !== "name";
          }) ?? "";
          const h2_year = Object.keys(h2).find(function(k) {
            return k !== "name";
          }) ?? "";
          const h1_date = (
            /** @type {[number, number]} */
            h1[h1_year]
          );
          const h2_date = (
            /** @type {[number, number]} */
            h2[h2_year]
          );
          return h1_date[0] - h2_date[0] || h1_date[1] - h2_date[1];
        });
      }
    } else if (country_holidays.length > 0) {
      const applying_holidays_for_country = country_holidays;
      switch (type_of_holidays) {
        case "PH":
          applying_holidays_for_country.forEach(function(holiday_item) {
            if (Array.isArray(holiday_item.only_states) && (typeof location_state !== "string" || !holiday_item.only_states.includes(location_state))) {
              return;
            }
            matching_holiday.push(holiday_item);
          });
          break;
        case "SH":
          matching_holiday = applying_holidays_for_country;
          break;
      }
    } else {
      throw formatLibraryBugMessage(t("no holiday definition state", {
        "name": type_of_holidays,
        "cc": location_cc,
        "state": location_state
      }), "library bug PR only");
    }
    if (matching_holiday.length === 0) {
      throw formatLibraryBugMessage(t("no holiday definition", {
        "name": type_of_holidays,
        "cc": location_cc
      }), "library bug PR only");
    }
    return matching_holiday;
  }
  function getMovableEventsForYear(year) {
    const C = Math.floor(year / 100);
    const N = year - 19 * Math.floor(year / 19);
    const K = Math.floor((C - 17) / 25);
    let I = C - Math.floor(C / 4) - Math.floor((C - K) / 3) + 19 * N + 15;
    I = I - 30 * Math.floor(I / 30);
    I = I - Math.floor(I / 28) * (1 - Math.floor(I / 28) * Math.floor(29 / (I + 1)) * Math.floor((21 - N) / 11));
    let J = year + Math.floor(year / 4) + I + 2 - C + Math.floor(C / 4);
    J = J - 7 * Math.floor(J / 7);
    const L = I - J;
    const M = 3 + Math.floor((L + 40) / 44);
    const D = L + 28 - 31 * Math.floor(M / 4);
    const oA = year % 4;
    const oB = year % 7;
    const oC = year % 19;
    const oD = (19 * oC + 15) % 30;
    const oE = (2 * oA + 4 * oB - oD + 34) % 7;
    const oF = oD + oE;
    let oDate;
    if (oF < 9) {
      oDate = new Date(year, 4 - 1, oF + 4);
    } else {
      if (oF + 4 < 31) {
        oDate = new Date(year, 4 - 1, oF + 4);
      } else {
        oDate = new Date(year, 5 - 1, oF - 26);
      }
    }
    const lastFebruaryDay = new Date(year, 2, 0);
    const lastFebruarySunday = lastFebruaryDay.getDate() - lastFebruaryDay.getDay();
    const may_24 = new Date(year, 4, 24);
    const victoriaDay = 24 - (6 + may_24.getDay()) % 7;
    const july_1 = new Date(year, 6, 1);
    const canadaDay = july_1.getDay() === 0 ? 2 : 1;
    function springEquinoxCalc(year2) {
      if (year2 >= 1900 && year2 <= 1923) {
        if (year2 % 4 === 3) return new Date(year2, 2, 22);
        else return new Date(year2, 2, 21);
      } else if (year2 >= 1924 && year2 <= 1959) {
        return new Date(year2, 2, 21);
      } else if (year2 >= 1960 && year2 <= 1991) {
        if (year2 % 4 === 0) return new Date(year2, 2, 20);
        else return new Date(year2, 2, 21);
      } else if (year2 >= 1992 && year2 <= 2023) {
        if (year2 % 4 === 0 || year2 % 4 === 1) return new Date(year2, 2, 20);
        else return new Date(year2, 2, 21);
      } else if (year2 >= 2024 && year2 <= 2055) {
        if (year2 % 4 === 3) return new Date(year2, 2, 21);
        else return new Date(year2, 2, 20);
      } else if (year2 >= 2056 && year2 <= 2091) {
        return new Date(year2, 2, 20);
      } else if (year2 >= 2092 && year2 <= 2099) {
        if (year2 % 4 === 0) return new Date(year2, 2, 19);
        else return new Date(year2, 2, 20);
      }
    }
    function autumnalEquinoxCalc(year2) {
      if (year2 >= 1900 && year2 <= 1919) {
        if (year2 % 4 === 0) return new Date(year2, 8, 23);
        else return new Date(year2, 8, 24);
      } else if (year2 >= 1920 && year2 <= 1947) {
        if (year2 % 4 === 0 || year2 % 4 === 1) return new Date(year2, 8, 23);
        else return new Date(year2, 8, 24);
      } else if (year2 >= 1948 && year2 <= 1979) {
        if (year2 % 4 === 3) return new Date(year2, 8, 24);
        else return new Date(year2, 8, 23);
      } else if (year2 >= 1980 && year2 <= 2011) {
        return new Date(year2, 8, 23);
      } else if (year2 >= 2012 && year2 <= 2043) {
        if (year2 % 4 === 0) return new Date(year2, 8, 22);
        else return new Date(year2, 8, 23);
      } else if (year2 >= 2044 && year2 <= 2075) {
        if (year2 % 4 === 0 || year2 % 4 === 1) return new Date(year2, 8, 22);
        else return new Date(year2, 8, 23);
      } else if (year2 >= 2076 && year2 <= 2099) {
        if (year2 % 4 === 3) return new Date(year2, 8, 23);
        else return new Date(year2, 8, 22);
      }
    }
    function firstWeekdayOfMonth(month, weekday) {
      const first = new Date(year, month, 1);
      return 1 + (7 + weekday - first.getDay()) % 7;
    }
    function lastWeekdayOfMonth(month, weekday) {
      const last = new Date(year, month + 1, 0);
      const offset = (7 + last.getDay() - weekday) % 7;
      return last.getDate() - offset;
    }
    function weekdayBefore(month, day, weekday) {
      const date = new Date(year, month, day);
      let days = (date.getDay() - weekday + 7) % 7;
      if (days === 0) days = 7;
      date.setDate(date.getDate() - days);
      return date;
    }
    function getDateOfWeekdayInDateRange(weekday, start_date) {
      let days_to_dest_date = weekday - start_date.getDay();
      if (days_to_dest_date < 0) {
        days_to_dest_date += 7;
      }
      start_date.setDate(start_date.getDate() + days_to_dest_date);
      return start_date;
    }
    function getDateOfNextWeekdayRange(first_weekday, last_weekday, start_date) {
      if (first_weekday >= last_weekday) {
        throw formatLibraryBugMessage("Not implemented yet.");
      }
      if (first_weekday <= start_date.getDay() && start_date.getDay() <= last_weekday) {
        return start_date;
      } else {
        let days_to_dest_date = first_weekday - start_date.getDay();
        if (days_to_dest_date < 0) {
          days_to_dest_date += 7;
        }
        start_date.setDate(start_date.getDate() + days_to_dest_date);
        return start_date;
      }
    }
    return {
      "easter": new Date(year, M - 1, D),
      "orthodox easter": oDate,
      "victoriaDay": new Date(year, 4, victoriaDay),
      "canadaDay": new Date(year, 6, canadaDay),
      "firstJanuaryMonday": new Date(year, 0, firstWeekdayOfMonth(0, 1)),
      "firstFebruaryMonday": new Date(year, 1, firstWeekdayOfMonth(1, 1)),
      "lastFebruarySunday": new Date(year, 1, lastFebruarySunday),
      "firstMarchMonday": new Date(year, 2, firstWeekdayOfMonth(2, 1)),
      "firstAprilMonday": new Date(year, 3, firstWeekdayOfMonth(3, 1)),
      "firstMayMonday": new Date(year, 4, firstWeekdayOfMonth(4, 1)),
      "firstJuneMonday": new Date(year, 5, firstWeekdayOfMonth(5, 1)),
      "firstJuneFriday": new Date(year, 5, firstWeekdayOfMonth(5, 5)),
      "firstJulyMonday": new Date(year, 6, firstWeekdayOfMonth(6, 1)),
      "firstAugustMonday": new Date(year, 7, firstWeekdayOfMonth(7, 1)),
      "firstSeptemberMonday": new Date(year, 8, firstWeekdayOfMonth(8, 1)),
      "firstSeptemberTuesday": new Date(year, 8, firstWeekdayOfMonth(8, 2)),
      "firstSeptemberSunday": new Date(year, 8, firstWeekdayOfMonth(8, 0)),
      "firstOctoberMonday": new Date(year, 9, firstWeekdayOfMonth(9, 1)),
      "firstNovemberMonday": new Date(year, 10, firstWeekdayOfMonth(10, 1)),
      "firstNovemberTuesday": new Date(year, 10, firstWeekdayOfMonth(10, 2)),
      "firstMarchTuesday": new Date(year, 2, firstWeekdayOfMonth(2, 2)),
      "firstAugustTuesday": new Date(year, 7, firstWeekdayOfMonth(7, 2)),
      "firstAugustFriday": new Date(year, 7, firstWeekdayOfMonth(7, 5)),
      "firstNovemberThursday": new Date(year, 10, firstWeekdayOfMonth(10, 4)),
      "firstOctoberSunday": new Date(year, 9, firstWeekdayOfMonth(9, 0)),
      "lastNovemberWednesday": new Date(year, 10, lastWeekdayOfMonth(10, 3)),
      "lastMayMonday": new Date(year, 4, lastWeekdayOfMonth(4, 1)),
      "lastMarchMonday": new Date(year, 2, lastWeekdayOfMonth(2, 1)),
      "lastAprilMonday": new Date(year, 3, lastWeekdayOfMonth(3, 1)),
      "lastAprilFriday": new Date(year, 3, lastWeekdayOfMonth(3, 5)),
      "lastAugustMonday": new Date(year, 7, lastWeekdayOfMonth(7, 1)),
      "lastSeptemberMonday": new Date(year, 8, lastWeekdayOfMonth(8, 1)),
      "lastSeptemberFriday": new Date(year, 8, lastWeekdayOfMonth(8, 5)),
      "lastOctoberMonday": new Date(year, 9, lastWeekdayOfMonth(9, 1)),
      "lastOctoberFriday": new Date(year, 9, lastWeekdayOfMonth(9, 5)),
      "lastOctoberSunday": new Date(year, 9, lastWeekdayOfMonth(9, 0)),
      "nextSaturday20Jun": getDateOfWeekdayInDateRange(6, new Date(year, 5, 20)),
      "nextSaturday31Oct": getDateOfWeekdayInDateRange(6, new Date(year, 9, 31)),
      "nextWednesday16Nov": getDateOfWeekdayInDateRange(3, new Date(year, 10, 16)),
      "nextMo-Fr17March": getDateOfNextWeekdayRange(1, 5, new Date(year, 2, 17)),
      "nextMo-Sa01May": getDateOfNextWeekdayRange(1, 6, new Date(year, 4, 1)),
      "nextMo-Fr12July": getDateOfNextWeekdayRange(1, 5, new Date(year, 6, 12)),
      "nextMo-Sa07August": getDateOfNextWeekdayRange(1, 6, new Date(year, 7, 7)),
      "nextMo-Fr30November": getDateOfNextWeekdayRange(1, 5, new Date(year, 10, 30)),
      "nextMo-Sa25December": getDateOfNextWeekdayRange(1, 6, new Date(year, 11, 25)),
      "springEquinox": springEquinoxCalc(year),
      "autumnalEquinox": autumnalEquinoxCalc(year),
      "mondayBefore20Jun": weekdayBefore(5, 20, 1)
    };
  }
  const weekday_name_to_num = {
    sunday: 0,
    monday: 1,
    tuesday: 2,
    wednesday: 3,
    thursday: 4,
    friday: 5,
    saturday: 6
  };
  const shift_rule_cache = /* @__PURE__ */ Object.create(null);
  function compileShiftRule(rule2) {
    if (shift_rule_cache[rule2]) {
      return shift_rule_cache[rule2];
    }
    const clauses = parseShiftRule(rule2);
    const shifter = function(date) {
      return applyShiftClauses(clauses, date);
    };
    shift_rule_cache[rule2] = shifter;
    return shifter;
  }
  function parseShiftRule(rule2) {
    function fail(detail) {
      throw formatLibraryBugMessage(
        "shift_rule: " + detail + ' in "' + rule2 + '"'
      );
    }
    function toWeekdayNum(name) {
      const n = name.trim();
      if (!(n in weekday_name_to_num)) {
        fail('unknown weekday "' + n + '"');
      }
      return weekday_name_to_num[n];
    }
    function toDirection(value2) {
      if (value2 !== "next" && value2 !== "previous") {
        fail('unknown direction "' + value2 + '"');
      }
      return value2;
    }
    const clause_regex = /if\s+([a-z,\s]+?)\s+then\s+(next|previous)\s+([a-z]+)/g;
    const clauses = [];
    let last_end = 0;
    let match;
    while ((match = clause_regex.exec(rule2)) !== null) {
      if (rule2.slice(last_end, match.index).trim() !== "") {
        fail("cannot parse");
      }
      clauses.push({
        from_wds: match[1].split(",").map(toWeekdayNum),
        direction: toDirection(match[2]),
        target_wd: toWeekdayNum(match[3])
      });
      last_end = clause_regex.lastIndex;
    }
    if (clauses.length === 0 || rule2.slice(last_end).trim() !== "") {
      fail("cannot parse");
    }
    return clauses;
  }
  function applyShiftClauses(clauses, date) {
    const wd = date.getDay();
    for (let i = 0; i < clauses.length; i++) {
      const c = clauses[i];
      if (c.from_wds.indexOf(wd) === -1) continue;
      let diff;
      if (c.direction === "next") {
        diff = (c.target_wd - wd + 7) % 7 || 7;
      } else {
        diff = -((wd - c.target_wd + 7) % 7 || 7);
      }
      return new Date(date.getFullYear(), date.getMonth(), date.getDate() + diff);
    }
    return date;
  }
  function getApplyingHolidaysForYear(applying_holidays, year, add_days) {
    const movableDays = getMovableEventsForYear(year);
    const resolved = applying_holidays.filter(function(holiday_item) {
      if ("year" in holiday_item && holiday_item.year !== year) {
        return false;
      }
      if (holiday_item.years === "even" && year % 2 !== 0) {
        return false;
      }
      if (holiday_item.years === "odd" && year % 2 !== 1) {
        return false;
      }
      return true;
    }).map(function(holiday_item) {
      let base_date;
      if (Array.isArray(holiday_item.fixed_date)) {
        base_date = new Date(
          year,
          holiday_item.fixed_date[0] - 1,
          holiday_item.fixed_date[1]
        );
      } else if (typeof holiday_item.variable_date === "string") {
        const selected_movableDay = movableDays[holiday_item.variable_date];
        if (!selected_movableDay) {
          throw t("movable no formula", { "name": holiday_item.name });
        }
        const date_offset = typeof holiday_item.offset === "number" ? holiday_item.offset : 0;
        base_date = new Date(
          selected_movableDay.getFullYear(),
          selected_movableDay.getMonth(),
          selected_movableDay.getDate() + date_offset
        );
        if (year !== base_date.getFullYear()) {
          throw t("movable not in year", {
            "name": holiday_item.variable_date,
            "days": date_offset
          });
        }
      } else {
        throw formatLibraryBugMessage("Unexpected object: " + JSON.stringify(holiday_item, null, "    "));
      }
      return { date: base_date, holiday: holiday_item };
    });
    const fixed_times = /* @__PURE__ */ new Set();
    resolved.forEach(function(r) {
      if (!r.holiday.shift_rule) {
        fixed_times.add(r.date.getTime());
      }
    });
    resolved.forEach(function(r) {
      if (!r.holiday.shift_rule) return;
      const shifter = compileShiftRule(r.holiday.shift_rule);
      const shifted = shifter(r.date);
      if (shifted.getTime() === r.date.getTime()) return;
      if (fixed_times.has(shifted.getTime())) return;
      r.date = shifted;
    });
    const substitutes = [];
    resolved.forEach(function(holiday_entry) {
      const original = holiday_entry.holiday;
      if (!original.substitute_rule) return;
      const shifter = compileShiftRule(original.substitute_rule);
      const substitute_date = shifter(holiday_entry.date);
      if (substitute_date.getTime() === holiday_entry.date.getTime()) return;
      const substitute = { ...original };
      if (original.substitute_name) {
        substitute.name = original.substitute_name;
      }
      delete substitute.substitute_rule;
      delete substitute.substitute_name;
      substitutes.push({ date: substitute_date, holiday: substitute });
    });
    resolved.push(...substitutes);
    let sorted_holidays = resolved.map(function(r) {
      let d = r.date;
      if (add_days[0]) {
        d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + add_days[0]);
      }
      return [d, r.holiday.name];
    });
    sorted_holidays = sorted_holidays.sort(function(a, b) {
      if (a[0].getTime() < b[0].getTime()) return -1;
      if (a[0].getTime() > b[0].getTime()) return 1;
      return 0;
    });
    return sorted_holidays;
  }
  function parseYearRange(tokens2, at) {
    tokens2[at][3] = "year";
    for (; at < tokens2.length; at++) {
      if (matchTokens(tokens2, at, "year")) {
        let is_range, has_period, period;
        if (matchTokens(tokens2, at + 1, "-", "year", "/", "number")) {
          is_range = true;
          has_period = true;
          period = parseInt(tokens2[at + 4][0]);
          checkPeriod(at + 4, period, "year");
        } else {
          is_range = matchTokens(tokens2, at + 1, "-", "year");
          has_period = matchTokens(tokens2, at + 1, "/", "number");
          if (has_period) {
            period = parseInt(tokens2[at + 2][0]);
            checkPeriod(at + 2, period, "year", "no_end_year");
          } else if (matchTokens(tokens2, at + 1, "+")) {
            period = 1;
            has_period = 2;
          }
        }
        const year_from = parseInt(tokens2[at][0]);
        if (is_range && tokens2[at + 2][0] <= year_from) {
          if (tokens2[at + 2][0] === year_from) {
            throw formatWarnErrorMessage(nrule, at, t("year range one year", { "year": year_from }));
          } else {
            throw formatWarnErrorMessage(nrule, at, t("year range reverse"));
          }
        }
        if (!is_range && year_from < (/* @__PURE__ */ new Date()).getFullYear()) {
          parsing_warnings.push([nrule, at, "year_past", t("year past")]);
        }
        if (is_range && tokens2[at + 2][0] < (/* @__PURE__ */ new Date()).getFullYear()) {
          parsing_warnings.push([nrule, at + 2, "year_past", t("year past")]);
        }
        rule.year.push(/* @__PURE__ */ (function(tokens3, at2, year_from2, is_range2, has_period2, period2) {
          return function(date) {
            const ouryear = date.getFullYear();
            const year_to = is_range2 ? parseInt(tokens3[at2 + 2][0]) : year_from2;
            if (ouryear < year_from2) {
              return [false, new Date(year_from2, 0, 1)];
            } else if (has_period2) {
              if (year_from2 <= ouryear) {
                if (is_range2 && ouryear > year_to)
                  return [false];
                if (period2 > 0) {
                  if ((ouryear - year_from2) % period2 === 0) {
                    return [true, new Date(ouryear + 1, 0, 1)];
                  } else {
                    return [false, new Date(ouryear + period2 - 1, 0, 1)];
                  }
                }
              }
            } else if (is_range2) {
              if (ouryear <= year_to)
                return [true, new Date(year_to + 1, 0, 1)];
            } else if (ouryear === year_from2) {
              return [true];
            }
            return [false];
          };
        })(tokens2, at, year_from, is_range, has_period, period));
        at += 1 + (is_range ? 2 : 0) + (has_period ? has_period === 2 ? 1 : 2 : 0);
      } else if (matchTokens(tokens2, at - 1, ",")) {
        throw formatWarnErrorMessage(nrule, at - 1, t("additional rule no sense"));
      } else {
        throw formatWarnErrorMessage(nrule, at, t("unexpected token year range", { "token": tokens2[at][1] }));
      }
      if (!matchTokens(tokens2, at, ","))
        break;
    }
    return at;
  }
  function parseWeekRange(tokens2, at) {
    for (; at < tokens2.length; at++) {
      if (matchTokens(tokens2, at, "week")) {
        at++;
      }
      if (matchTokens(tokens2, at, "number")) {
        const is_range = matchTokens(tokens2, at + 1, "-", "number");
        let period = 0;
        const week_from = tokens2[at][0];
        const week_to = is_range ? tokens2[at + 2][0] : week_from;
        if (week_from > week_to) {
          throw formatWarnErrorMessage(nrule, at + 2, t("week range reverse"));
        }
        if (week_from < 1) {
          throw formatWarnErrorMessage(nrule, at, t("week negative"));
        }
        if (week_to > 53) {
          throw formatWarnErrorMessage(nrule, is_range ? at + 2 : at, t("week exceed"));
        }
        if (is_range) {
          period = matchTokens(tokens2, at + 3, "/", "number");
          if (period) {
            period = tokens2[at + 4][0];
            tokens2[at + 4][4] = "positive_number";
            if (period < 2) {
              throw formatWarnErrorMessage(nrule, at + 4, t("week period less than 2", {
                "weekfrom": week_from,
                "weekto": week_to,
                "period": period
              }));
            } else if (period > 26) {
              throw formatWarnErrorMessage(nrule, at + 4, t("week period greater than 26", {
                "weekfrom": week_from
              }));
            }
          }
        }
        if (week_stable && (!(week_from <= 1 && week_to >= 53) || period)) {
          week_stable = false;
        }
        if (!period && week_from === 1 && week_to === 53) {
          rule.week.push(function() {
            return [true];
          });
        } else {
          rule.week.push(/* @__PURE__ */ (function(week_from2, week_to2, period2) {
            return function(date) {
              const ourweek = getWeekNumber(date);
              if (ourweek < week_from2) {
                return [false, getNextDateOfISOWeek(week_from2, date)];
              }
              if (ourweek > week_to2) {
                return [false, getNextDateOfISOWeek(week_from2, date)];
              }
              if (period2) {
                const in_period = (ourweek - week_from2) % period2 === 0;
                if (in_period) {
                  return [true, getNextDateOfISOWeek(ourweek + 1, date)];
                } else {
                  const weeks_until_next_match = period2 - (ourweek - week_from2) % period2;
                  const next_matching_week = ourweek + weeks_until_next_match;
                  if (next_matching_week <= week_to2) {
                    return [false, getNextDateOfISOWeek(next_matching_week, date)];
                  } else {
                    return [false, getNextDateOfISOWeek(week_from2, date)];
                  }
                }
              }
              return [true, getNextDateOfISOWeek(week_to2 === 53 ? 1 : week_to2 + 1, date)];
            };
          })(week_from, week_to, period));
        }
        at += 1 + (is_range ? 2 : 0) + (period ? 2 : 0);
      } else if (matchTokens(tokens2, at - 1, ",")) {
        throw formatWarnErrorMessage(nrule, at - 1, t("additional rule no sense"));
      } else {
        throw formatWarnErrorMessage(nrule, at, t("unexpected token week range", { "token": tokens2[at][1] }));
      }
      if (!matchTokens(tokens2, at, ","))
        break;
    }
    return at;
  }
  function getWeekNumber(d) {
    d = /* @__PURE__ */ new Date(+d);
    d.setHours(0, 0, 0, 0);
    d.setDate(d.getDate() + 4 - (d.getDay() || 7));
    const yearStart = new Date(d.getFullYear(), 0, 1);
    return Math.ceil(((d - yearStart) / 864e5 + 1) / 7);
  }
  function getDateOfISOWeek(w, year) {
    const simple = new Date(year, 0, 1 + (w - 1) * 7);
    const dow = simple.getDay();
    const ISOweekStart = simple;
    if (dow <= 4)
      ISOweekStart.setDate(simple.getDate() - simple.getDay() + 1);
    else
      ISOweekStart.setDate(simple.getDate() + 8 - simple.getDay());
    return ISOweekStart;
  }
  function getNextDateOfISOWeek(week, date) {
    let next_date;
    for (let i = -1; i <= 1; i++) {
      next_date = getDateOfISOWeek(week, date.getFullYear() + i);
      if (next_date.getTime() > date.getTime()) {
        return next_date;
      }
    }
    throw formatLibraryBugMessage();
  }
  function parseMonthRange(tokens2, at, push_to_monthday, in_selector) {
    if (!in_selector)
      tokens2[at][3] = "month";
    for (; at < tokens2.length; at++) {
      if (matchTokens(tokens2, at, "month", "number") && !matchTokens(tokens2, at + 2, "timesep", "number")) {
        return parseMonthdayRange(tokens2, at, nrule, true);
      } else if (matchTokens(tokens2, at, "month")) {
        const is_range = matchTokens(tokens2, at + 1, "-", "month");
        let month_from = tokens2[at][0];
        let month_to = is_range ? tokens2[at + 2][0] : month_from;
        if (is_range && week_stable) {
          if (month_from !== (month_to + 1) % 12)
            week_stable = false;
        } else {
          week_stable = false;
        }
        let inside = true;
        if (month_to < month_from) {
          const tmp = month_to;
          month_to = month_from - 1;
          month_from = tmp + 1;
          inside = false;
        }
        const selector = /* @__PURE__ */ (function(month_from2, month_to2, inside2) {
          return function(date) {
            const ourmonth = date.getMonth();
            if (month_to2 < month_from2) {
              return [!inside2];
            }
            if (ourmonth < month_from2 || ourmonth > month_to2) {
              return [!inside2, dateAtNextMonth(date, month_from2)];
            } else {
              return [inside2, dateAtNextMonth(date, month_to2 + 1)];
            }
          };
        })(month_from, month_to, inside);
        if (push_to_monthday === true)
          rule.monthday.push(selector);
        else
          rule.month.push(selector);
        at += is_range ? 3 : 1;
      } else {
        throw formatWarnErrorMessage(nrule, at, t("unexpected token month range", { "token": tokens2[at][1] }));
      }
      if (!matchTokens(tokens2, at, ","))
        break;
    }
    return at;
  }
  function dateAtNextMonth(date, month) {
    return new Date(date.getFullYear(), month < date.getMonth() ? month + 12 : month);
  }
  function parseMonthdayRange(tokens2, at, nrule2, push_to_month) {
    if (!push_to_month)
      tokens2[at][3] = "month";
    for (; at < tokens2.length; at++) {
      let has_year = [];
      const has_month = [], has_event = [], has_calc = [], has_constrained_weekday = [];
      has_year[0] = matchTokens(tokens2, at, "year");
      has_month[0] = matchTokens(tokens2, at + has_year[0], "month", "number");
      has_event[0] = matchTokens(tokens2, at + has_year[0], "event");
      if (has_event[0])
        has_calc[0] = getMoveDays(tokens2, at + has_year[0] + 1, 200, "max differ name event like easter");
      let at_range_sep;
      if (matchTokens(tokens2, at + has_year[0], "month", "weekday", "[")) {
        has_constrained_weekday[0] = getConstrainedWeekday(tokens2, at + has_year[0] + 3);
        has_calc[0] = getMoveDays(tokens2, has_constrained_weekday[0][1], 6, "max differ name constrained weekdays");
        at_range_sep = has_constrained_weekday[0][1] + (typeof has_calc[0] === "object" && has_calc[0][1] ? 3 : 0);
      } else {
        at_range_sep = at + has_year[0] + (has_event[0] ? typeof has_calc[0] === "object" && has_calc[0][1] ? 4 : 1 : 2);
      }
      let at_sec_event_or_month;
      if ((has_month[0] || has_event[0] || has_constrained_weekday[0]) && matchTokens(tokens2, at_range_sep, "-")) {
        has_year[1] = matchTokens(tokens2, at_range_sep + 1, "year");
        at_sec_event_or_month = at_range_sep + 1 + has_year[1];
        has_month[1] = matchTokens(tokens2, at_sec_event_or_month, "month", "number");
        if (!has_month[1]) {
          has_event[1] = matchTokens(tokens2, at_sec_event_or_month, "event");
          if (has_event[1]) {
            has_calc[1] = getMoveDays(tokens2, at_sec_event_or_month + 1, 366, "max differ name event like easter");
          } else if (matchTokens(tokens2, at_sec_event_or_month, "month", "weekday", "[")) {
            has_constrained_weekday[1] = getConstrainedWeekday(tokens2, at_sec_event_or_month + 3);
            has_calc[1] = getMoveDays(tokens2, has_constrained_weekday[1][1], 6, "max differ name constrained weekdays");
          }
        }
      }
      if (has_year[0] === has_year[1] && (has_month[1] || has_event[1] || has_constrained_weekday[1])) {
        if (has_month[0])
          checkIfDateIsValid(tokens2[at + has_year[0]][0], tokens2[at + has_year[0] + 1][0], nrule2, at + has_year[0] + 1);
        if (has_month[1])
          checkIfDateIsValid(tokens2[at_sec_event_or_month][0], tokens2[at_sec_event_or_month + 1][0], nrule2, at_sec_event_or_month + 1);
        const selector = /* @__PURE__ */ (function(tokens3, at2, nrule3, has_year2, has_event2, has_calc2, at_sec_event_or_month2, has_constrained_weekday2) {
          return function(date) {
            const start_of_next_year = new Date(date.getFullYear() + 1, 0, 1);
            let movableDays, from_date;
            if (has_event2[0]) {
              movableDays = getMovableEventsForYear(has_year2[0] ? parseInt(tokens3[at2][0]) : date.getFullYear());
              from_date = movableDays[tokens3[at2 + has_year2[0]][0]];
              if (typeof has_calc2[0] === "object" && has_calc2[0][1]) {
                const from_year_before_calc = from_date.getFullYear();
                from_date.setDate(from_date.getDate() + has_calc2[0][0]);
                if (from_year_before_calc !== from_date.getFullYear())
                  throw formatWarnErrorMessage(
                    nrule3,
                    at2 + has_year2[0] + has_calc2[0][1] * 3,
                    t("movable not in year", { "name": tokens3[at2 + has_year2[0]][0], "days": has_calc2[0][0] })
                  );
              }
            } else if (has_constrained_weekday2[0]) {
              from_date = getDateForConstrainedWeekday(
                has_year2[0] ? tokens3[at2][0] : date.getFullYear(),
                // year
                tokens3[at2 + has_year2[0]][0],
                // month
                tokens3[at2 + has_year2[0] + 1][0],
                // weekday
                has_constrained_weekday2[0],
                has_calc2[0]
              );
            } else {
              from_date = new Date(
                has_year2[0] ? tokens3[at2][0] : date.getFullYear(),
                tokens3[at2 + has_year2[0]][0],
                tokens3[at2 + has_year2[0] + 1][0]
              );
            }
            let to_date;
            if (has_event2[1]) {
              movableDays = getMovableEventsForYear(has_year2[1] ? parseInt(tokens3[at_sec_event_or_month2 - 1][0]) : date.getFullYear());
              to_date = movableDays[tokens3[at_sec_event_or_month2][0]];
              if (typeof has_calc2[1] === "object" && has_calc2[1][1]) {
                const to_year_before_calc = to_date.getFullYear();
                to_date.setDate(to_date.getDate() + has_calc2[1][0]);
                if (to_year_before_calc !== to_date.getFullYear()) {
                  throw formatWarnErrorMessage(
                    nrule3,
                    at_sec_event_or_month2 + has_calc2[1][1],
                    t("movable not in year", { "name": tokens3[at_sec_event_or_month2][0], "days": has_calc2[1][0] })
                  );
                }
              }
            } else if (has_constrained_weekday2[1]) {
              const to_year = has_year2[1] ? tokens3[at_sec_event_or_month2 - 1][0] : date.getFullYear();
              const to_month = tokens3[at_sec_event_or_month2][0];
              const to_weekday = tokens3[at_sec_event_or_month2 + 1][0];
              to_date = getDateForConstrainedWeekday(
                to_year,
                to_month,
                to_weekday,
                has_constrained_weekday2[1],
                has_calc2[1]
              );
              to_date.setDate(to_date.getDate() + 1);
            } else {
              to_date = new Date(
                has_year2[1] ? tokens3[at_sec_event_or_month2 - 1][0] : date.getFullYear(),
                tokens3[at_sec_event_or_month2][0],
                tokens3[at_sec_event_or_month2 + 1][0] + 1
              );
            }
            let inside = true;
            if (to_date < from_date) {
              const tmp = to_date;
              to_date = from_date;
              from_date = tmp;
              inside = false;
            }
            if (date.getTime() < from_date.getTime()) {
              return [!inside, from_date];
            } else if (date.getTime() < to_date.getTime()) {
              return [inside, to_date];
            } else {
              if (has_year2[0]) {
                return [!inside];
              } else {
                return [!inside, start_of_next_year];
              }
            }
          };
        })(tokens2, at, nrule2, has_year, has_event, has_calc, at_sec_event_or_month, has_constrained_weekday);
        const [, next_change] = selector(/* @__PURE__ */ new Date());
        const is_past_explicit_range = has_year[0] && typeof next_change === "undefined";
        if (is_past_explicit_range) {
          parsing_warnings.push([
            nrule2,
            has_year[1] ? at_sec_event_or_month - 1 : at,
            "date_range_past",
            t("date range past")
          ]);
        }
        if (push_to_month === true)
          rule.month.push(selector);
        else
          rule.monthday.push(selector);
        at = (has_constrained_weekday[1] ? has_constrained_weekday[1][1] : at_sec_event_or_month + (has_event[1] ? 1 : 2)) + (typeof has_calc[1] === "object" ? has_calc[1][1] : 0);
      } else if (has_month[0]) {
        has_year = has_year[0];
        const year = tokens2[at][0];
        const month = tokens2[at + has_year][0];
        let first_round = true;
        let is_range;
        do {
          const range_from = tokens2[at + 1 + has_year][0];
          is_range = matchTokens(tokens2, at + 2 + has_year, "-", "number");
          let period = void 0;
          const at_range_to = at + has_year + (is_range ? 3 : 1);
          const range_to = tokens2[at_range_to][0] + 1;
          if (is_range && matchTokens(tokens2, at + has_year + 4, "/", "number")) {
            period = tokens2[at + has_year + 5][0];
            tokens2[at + has_year + 5][4] = "positive_number";
            checkPeriod(at + has_year + 5, period, "day");
          }
          if (first_round) {
            const at_timesep_if_monthRange = at + has_year + 1 + (is_range ? 2 : 0) + (period ? 2 : 0) + !(is_range || period);
            if (matchTokens(tokens2, at_timesep_if_monthRange, "timesep", "number") && (matchTokens(tokens2, at_timesep_if_monthRange + 2, "+") || matchTokens(tokens2, at_timesep_if_monthRange + 2, "-") || oh_mode !== 0)) {
              return parseMonthRange(tokens2, at, true, true);
            }
          }
          if (range_to < range_from)
            throw formatWarnErrorMessage(nrule2, at + has_year + 3, t("day range reverse"));
          checkIfDateIsValid(month, range_from, nrule2, at + 1 + has_year);
          checkIfDateIsValid(
            month,
            range_to - 1,
            nrule2,
            at_range_to
          );
          if (has_year && new Date(year, month, range_to) < /* @__PURE__ */ new Date()) {
            const warning_type = is_range ? "date_range_past" : "date_past";
            const warning_message = is_range ? t("date range past") : t("date past");
            parsing_warnings.push([
              nrule2,
              at_range_to,
              warning_type,
              warning_message
            ]);
          }
          const selector = /* @__PURE__ */ (function(year2, has_year2, month2, range_from2, range_to2, period2) {
            return function(date) {
              const start_of_next_year = new Date(date.getFullYear() + 1, 0, 1);
              const from_date = new Date(
                has_year2 ? year2 : date.getFullYear(),
                month2,
                range_from2
              );
              if (month2 === 1 && range_from2 !== from_date.getDate())
                return [false];
              const to_date = new Date(
                from_date.getFullYear(),
                month2,
                range_to2
              );
              if (month2 === 1 && is_range && range_to2 !== to_date.getDate())
                return [false];
              if (date.getTime() < from_date.getTime())
                return [false, from_date];
              else if (date.getTime() >= to_date.getTime())
                return [false, start_of_next_year];
              else if (!period2)
                return [true, to_date];
              const nday = Math.floor((date.getTime() - from_date.getTime()) / msec_in_day);
              const in_period = nday % period2;
              if (in_period === 0)
                return [true, new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1)];
              else
                return [false, new Date(date.getFullYear(), date.getMonth(), date.getDate() + period2 - in_period)];
            };
          })(year, has_year, month, range_from, range_to, period);
          if (push_to_month === true)
            rule.month.push(selector);
          else
            rule.monthday.push(selector);
          at += 2 + has_year + (is_range ? 2 : 0) + (period ? 2 : 0);
          first_round = false;
        } while (matchTokens(tokens2, at, ",", "number"));
      } else if (has_event[0]) {
        const selector = /* @__PURE__ */ (function(tokens3, at2, nrule3, has_year2, add_days) {
          return function(date) {
            const movableDays = getMovableEventsForYear(has_year2 ? tokens3[at2][0] : date.getFullYear());
            const event_date = movableDays[tokens3[at2 + has_year2][0]];
            if (!event_date)
              throw t("movable no formula", { "name": tokens3[at2 + has_year2][0] });
            if (add_days[0]) {
              event_date.setDate(event_date.getDate() + add_days[0]);
              if (date.getFullYear() !== event_date.getFullYear())
                throw formatWarnErrorMessage(nrule3, at2 + has_year2 + add_days[1], t("movable not in year", {
                  "name": tokens3[at2 + has_year2][0],
                  "days": add_days[0]
                }));
            }
            if (date.getTime() < event_date.getTime())
              return [false, event_date];
            else if (event_date.getMonth() * 100 + event_date.getDate() === date.getMonth() * 100 + date.getDate())
              return [true, new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1)];
            else
              return [false, new Date(date.getFullYear() + 1, 0, 1)];
          };
        })(tokens2, at, nrule2, has_year[0], has_calc[0]);
        if (push_to_month === true)
          rule.month.push(selector);
        else
          rule.monthday.push(selector);
        at += has_year[0] + has_event[0] + (typeof has_calc[0][1] === "number" && has_calc[0][1] ? 3 : 0);
      } else if (has_constrained_weekday[0]) {
        at = parseMonthRange(tokens2, at);
      } else if (matchTokens(tokens2, at, "month")) {
        return parseMonthRange(tokens2, at, true, true);
      } else if (matchTokens(tokens2, at - 1, ",")) {
        throw formatWarnErrorMessage(nrule2, at - 1, t("additional rule no sense"));
      } else {
        return at;
      }
      if (!matchTokens(tokens2, at, ","))
        break;
    }
    return at;
  }
  function getStatePair(rules2, date) {
    let resultstate = false;
    let changedate;
    let unknown = false;
    let comment;
    let match_rule;
    let date_matching_rules = [];
    for (let nrule2 = 0; nrule2 < rules2.length; nrule2++) {
      let matching_date_rule = true;
      for (let ndateselector = 0; ndateselector < rules2[nrule2].date.length; ndateselector++) {
        const dateselectors = rules2[nrule2].date[ndateselector];
        let has_matching_selector = false;
        for (let datesel = 0; datesel < dateselectors.length; datesel++) {
          const res = dateselectors[datesel](date);
          if (res[0]) {
            has_matching_selector = true;
            if (typeof res[2] === "string") {
              comment = [res[2], nrule2];
            }
          }
          if (typeof changedate === "undefined" || typeof res[1] === "object" && res[1].getTime() < changedate.getTime())
            changedate = res[1];
        }
        if (!has_matching_selector) {
          matching_date_rule = false;
          break;
        }
      }
      if (matching_date_rule) {
        if ((rules2[nrule2].date.length > 0 || nrule2 > 0 && rules2[nrule2].meaning && rules2[nrule2 - 1].date.length === 0) && (rules2[nrule2].meaning || rules2[nrule2].unknown) && !rules2[nrule2].wrapped && !rules2[nrule2].additional && !rules2[nrule2].fallback) {
          date_matching_rules = [];
        }
        date_matching_rules.push(nrule2);
      }
    }
    for (let nrule2 = 0; nrule2 < date_matching_rules.length; nrule2++) {
      const rule2 = date_matching_rules[nrule2];
      if (rules2[rule2].time.length === 0) {
        if (!rules2[rule2].fallback || rules2[rule2].fallback && !(resultstate || unknown)) {
          resultstate = rules2[rule2].meaning;
          unknown = rules2[rule2].unknown;
          match_rule = rule2;
        }
      }
      for (let timesel = 0; timesel < rules2[rule2].time.length; timesel++) {
        const res = rules2[rule2].time[timesel](date);
        if (res[0]) {
          if (!rules2[rule2].fallback || rules2[rule2].fallback && !(resultstate || unknown)) {
            resultstate = rules2[rule2].meaning;
            unknown = rules2[rule2].unknown;
            match_rule = rule2;
            if (typeof comment === "object" && comment[0] === t("open end"))
              comment = void 0;
            if (res[2] === true && (resultstate || unknown)) {
              comment = [t("open end"), match_rule];
              resultstate = false;
              unknown = true;
              if (typeof rules2[rule2].time[timesel + 1] === "function") {
                const next_res = rules2[rule2].time[timesel + 1](date);
                if (!next_res[0] && typeof next_res[1] === "object" && rules2[rule2].time[timesel](new Date(date.getTime() - 1))[0]) {
                  resultstate = false;
                  unknown = false;
                }
              }
            }
            if (rules2[rule2].fallback) {
              if (typeof changedate === "undefined" || typeof res[1] !== "undefined" && res[1] < changedate) {
                changedate = res[1];
              }
            }
          }
        }
        if (typeof changedate === "undefined" || typeof res[1] === "object" && res[1] < changedate)
          changedate = res[1];
      }
    }
    if (typeof rules2[match_rule] === "object" && typeof rules2[match_rule].comment === "string") {
      comment = rules2[match_rule].comment;
    } else if (typeof comment === "object") {
      if (comment[1] === match_rule) {
        comment = comment[0];
      } else {
        comment = void 0;
      }
    }
    return [resultstate, changedate, unknown, comment, match_rule];
  }
  this.getStatePair = function(date) {
    return getStatePair(rules, date);
  };
  function prettifySelector(tokens2, selector_start, selector_end, selector_type, conf) {
    let prettified_value2 = "";
    let at = selector_start;
    while (at <= selector_end) {
      const formatted = formatPrettifySelectorToken(
        prettified_value2,
        tokens2,
        at,
        selector_start,
        selector_end,
        selector_type,
        conf,
        months,
        weekdays,
        translate
      );
      prettified_value2 = formatted.value;
      at += formatted.advance;
      at++;
    }
    return prettified_value2;
  }
  this.getState = function(date) {
    const it = this.getIterator(date);
    return it.getState();
  };
  this.getUnknown = function(date) {
    const it = this.getIterator(date);
    return it.getUnknown();
  };
  this.getStateString = function(date, past) {
    const it = this.getIterator(date);
    return it.getStateString(past);
  };
  this.getComment = function(date) {
    const it = this.getIterator(date);
    return it.getComment();
  };
  this.getMatchingRule = function(date) {
    const it = this.getIterator(date);
    return it.getMatchingRule();
  };
  this.getPublicHolidayContext = function(date) {
    return {
      isHoliday: isPublicHoliday(date)
    };
  };
  this.getWarnings = function() {
    const it = this.getIterator();
    return getWarnings(it);
  };
  this.getStructuredWarnings = function() {
    const it = this.getIterator();
    return getWarnings(it, true);
  };
  this.prettifyValue = function(argument_hash) {
    this.getWarnings();
    return prettifyValue(argument_hash);
  };
  this.getNextChange = function(date, maxdate) {
    const it = this.getIterator(date);
    const initial_state = it.getState();
    const initial_unknown = it.getUnknown();
    while (it.advance(maxdate)) {
      if (it.getState() !== initial_state || it.getUnknown() !== initial_unknown) {
        return it.getDate();
      }
    }
    return void 0;
  };
  this.isWeekStable = function() {
    return week_stable;
  };
  this.isEqualTo = function(second_oh_object, start_date) {
    if (typeof start_date === "undefined") {
      start_date = /* @__PURE__ */ new Date();
    }
    let datelimit;
    if (this.isWeekStable() && second_oh_object.isWeekStable()) {
      datelimit = new Date(start_date.getTime() + msec_in_day * 10);
    } else {
      datelimit = new Date(start_date.getTime() + msec_in_day * 366 * 5);
    }
    const first_it = this.getIterator(start_date);
    const second_it = second_oh_object.getIterator(start_date);
    while (first_it.advance(datelimit)) {
      second_it.advance(datelimit);
      const not_equal = [];
      if (first_it.getDate().getTime() !== second_it.getDate().getTime()) {
        not_equal.push("getDate");
      }
      if (first_it.getState() !== second_it.getState()) {
        not_equal.push("getState");
      }
      if (first_it.getUnknown() !== second_it.getUnknown()) {
        not_equal.push("getUnknown");
      }
      if (first_it.getComment() !== second_it.getComment()) {
        not_equal.push("getComment");
      }
      if (not_equal.length) {
        const deviation_for_time = {};
        deviation_for_time[first_it.getDate().getTime()] = not_equal;
        return [
          false,
          {
            "matching_rule": first_it.getMatchingRule(),
            "matching_rule_other": second_it.getMatchingRule(),
            "deviation_for_time": deviation_for_time
          }
        ];
      }
    }
    return [true];
  };
  this.getOpenIntervals = function(from, to) {
    const res = [];
    const it = this.getIterator(from);
    if (it.getState() || it.getUnknown()) {
      res.push([from, void 0, it.getUnknown(), it.getComment()]);
    }
    while (it.advance(to)) {
      if (it.getState() || it.getUnknown()) {
        if (res.length !== 0 && typeof res[res.length - 1][1] === "undefined") {
          res[res.length - 1][1] = it.getDate();
        }
        res.push([it.getDate(), void 0, it.getUnknown(), it.getComment()]);
      } else {
        if (res.length !== 0 && typeof res[res.length - 1][1] === "undefined") {
          res[res.length - 1][1] = it.getDate();
        }
      }
    }
    if (res.length > 0 && typeof res[res.length - 1][1] === "undefined") {
      res[res.length - 1][1] = to;
    }
    return res;
  };
  this.getOpenDuration = function(from, to) {
    let open = 0;
    let unknown = 0;
    const it = this.getIterator(from);
    let prevdate = it.getState() || it.getUnknown() ? from : void 0;
    let prevstate = it.getState();
    let prevunknown = it.getUnknown();
    while (it.advance(to)) {
      if (it.getState() || it.getUnknown()) {
        if (typeof prevdate === "object") {
          if (prevunknown)
            unknown += it.getDate().getTime() - prevdate.getTime();
          else if (prevstate)
            open += it.getDate().getTime() - prevdate.getTime();
        }
        prevdate = it.getDate();
        prevstate = it.getState();
        prevunknown = it.getUnknown();
      } else {
        if (typeof prevdate === "object") {
          if (prevunknown)
            unknown += it.getDate().getTime() - prevdate.getTime();
          else
            open += it.getDate().getTime() - prevdate.getTime();
          prevdate = void 0;
        }
      }
    }
    if (typeof prevdate === "object") {
      if (prevunknown)
        unknown += to.getTime() - prevdate.getTime();
      else
        open += to.getTime() - prevdate.getTime();
    }
    return [open, unknown];
  };
  this.getIterator = function(date = /* @__PURE__ */ new Date()) {
    const iterator = {};
    let state = getStatePair(rules, date);
    let prevstate = state;
    iterator.getDate = function() {
      return date;
    };
    iterator.setDate = function(new_date) {
      if (typeof new_date !== "object")
        throw t("date parameter needed");
      date = new_date;
      state = getStatePair(rules, date);
      prevstate = state;
    };
    iterator.getState = function() {
      return state[0];
    };
    iterator.getUnknown = function() {
      return state[2];
    };
    iterator.getStateString = function(past) {
      return state[0] ? "open" : state[2] ? "unknown" : past ? "closed" : "close";
    };
    iterator.getComment = function() {
      return state[3];
    };
    iterator.getMatchingRule = function() {
      if (typeof state[4] === "undefined")
        return void 0;
      return rules[state[4]].build_from_token_rule[2];
    };
    iterator.advance = function(datelimit) {
      if (typeof datelimit === "undefined") {
        datelimit = new Date(date.getTime() + msec_in_day * 366 * 5);
      } else if (datelimit.getTime() <= date.getTime()) {
        return false;
      }
      do {
        if (typeof state[1] === "undefined") {
          return false;
        }
        if (state[1].getTime() <= date.getTime()) {
          throw "Fatal: infinite loop in nextChange";
        }
        if (state[1].getTime() >= datelimit.getTime()) {
          return false;
        }
        date = state[1];
        prevstate = state;
        state = getStatePair(rules, date);
      } while (state[0] === prevstate[0] && state[2] === prevstate[2] && state[3] === prevstate[3]);
      return true;
    };
    return iterator;
  };
}

// apps/location-service/src/domain/last-entry.ts
var TICKET_SALES_END = String.raw`(?:tickets?\s+(?:are\s+)?(?:sold\s+)?until|ticketing\s+(?:until|ends|closes)|ticket\s+(?:office|sales?|booth|window)\s+(?:closes?|ends?)(?:\s+at)?|(?<!free\s+)admission\s+until)\b`;
var LAST_ENTRY_WORDS = String.raw`(?:last\s+(?:order|entry|admission|ticket)s?\b|${TICKET_SALES_END}|라스트\s*오더|(?:입장|주문|매표|발권)\s*마감|마지막\s*(?:입장|주문))`;
var CLOCK = String.raw`(?:(\d{1,2}):(\d{2})|(오전|오후)?\s*(\d{1,2})\s*시(?!간)\s*(?:(\d{1,2})\s*분|(반))?)`;
var LAST_ENTRY_AT = new RegExp(String.raw`^\s*${LAST_ENTRY_WORDS}\D*?${CLOCK}\s*(?:까지)?\s*$`, "i");
var HOURS_FIGURE = String.raw`\d{1,3}(?:\.\d{1,2})?`;
var DURATION = String.raw`(?:(${HOURS_FIGURE})\s*(?:hours?|hrs?|h)(?:\s*(?:and\s+)?(\d{1,2})\s*(?:minutes?|mins?|m))?|(\d{1,3})\s*(?:minutes?|mins?|m))`;
var SPELLED_DURATION = String.raw`((?:half\s+an\s+hour|(?:an?|one|two|three)(?:\s+and\s+a\s+half)?\s+hours?(?:\s+and\s+(?:a\s+half|\d{1,2}\s*(?:minutes?|mins?)))?))`;
var SPELLED_HOURS = { a: 1, an: 1, one: 1, two: 2, three: 3 };
var spelledMinutes = (text) => {
  const words = text.toLowerCase().split(/\s+/);
  if (words[0] === "half") return 30;
  const halves = text.includes("half") ? 30 : 0;
  const minutes = /(\d{1,2})\s*min/i.exec(text);
  return SPELLED_HOURS[words[0]] * 60 + halves + (minutes ? Number(minutes[1]) : 0);
};
var ABOUT = String.raw`(?:(?:about|around|approx(?:imately|\.)?|roughly|ca\.)\s*)?`;
var ABOUT_KO = String.raw`(?:약\s*)?`;
var CLOSE = String.raw`(?:the\s+)?clos(?:e|ing)(?:\s+time)?`;
var BEFORE_CLOSE = String.raw`\s+(?:(?:before|prior\s+to)\s+${CLOSE}|earlier(?:\s+than\s+${CLOSE})?)\s*$`;
var LAST_ENTRY_BEFORE = new RegExp(String.raw`^\s*${LAST_ENTRY_WORDS}\W*?(?:is\s+)?${ABOUT}${DURATION}${BEFORE_CLOSE}`, "i");
var LAST_ENTRY_BEFORE_SPELLED = new RegExp(String.raw`^\s*${LAST_ENTRY_WORDS}\W*?(?:is\s+)?${ABOUT}${SPELLED_DURATION}${BEFORE_CLOSE}`, "i");
var ENTRY_WORDS = String.raw`(?:last\s+(?:entry|admission|ticket)s?\b|${TICKET_SALES_END}|(?:입장|매표|발권)\s*마감|마지막\s*입장)`;
var VENUE = String.raw`(?:the\s+)?(?:museum|gallery|palace(?:\s+grounds)?|park|gardens?|zoo|aquarium|arboretum|site|exhibitions?|venue|building|castle|fortress|temple|shrine|tower|observatory|main\s+hall)`;
var BEFORE_VENUE_CLOSE = String.raw`\s+(?:earlier\s+than\s+${VENUE}(?:'s\s+${CLOSE})?|(?:before|prior\s+to)\s+${VENUE}\s+closes)\s*$`;
var LAST_ENTRY_BEFORE_VENUE = [DURATION, SPELLED_DURATION].map((duration) => new RegExp(String.raw`^\s*${ENTRY_WORDS}\W*?(?:is\s+)?${ABOUT}${duration}${BEFORE_VENUE_CLOSE}`, "i"));
var DURATION_KO = String.raw`(?:(${HOURS_FIGURE}|한|두|세)\s*시간\s*(?:(\d{1,2})\s*분|(반))?|(\d{1,3})\s*분)`;
var KOREAN_HOURS = String.raw`한두세`;
var hoursKo = (text) => KOREAN_HOURS.includes(text) ? KOREAN_HOURS.indexOf(text) + 1 : Number(text);
var CLOSE_KO = String.raw`(?:마감|폐장|폐점|폐관|영업\s*종료|종료)`;
var TOPIC_KO = String.raw`(?:은|는)?`;
var VENUE_KO = String.raw`(?:박물관|미술관|전시관|기념관|과학관|궁궐|궁|공원|정원|수목원|식물원|동물원|본관|관람)\s*${CLOSE_KO}?`;
var LAST_ENTRY_BEFORE_KO = [
  new RegExp(String.raw`^\s*${LAST_ENTRY_WORDS}${TOPIC_KO}\s*:?\s*${CLOSE_KO}?\s*${ABOUT_KO}${DURATION_KO}\s*전\s*(?:까지)?\s*$`, "i"),
  // So long early (일찍), as "1 h earlier" ending an English comment: "입장마감 1시간 일찍", "라스트오더는 30분 일찍", "입장마감 폐관보다 1시간 일찍".
  new RegExp(String.raw`^\s*${LAST_ENTRY_WORDS}${TOPIC_KO}\s*:?\s*(?:${CLOSE_KO}\s*보다\s*)?${ABOUT_KO}${DURATION_KO}\s*일찍\s*(?:마감)?\s*$`, "i"),
  new RegExp(String.raw`^\s*(?:${CLOSE_KO}\s*보다\s*)?${ABOUT_KO}${DURATION_KO}\s*일찍\s*${LAST_ENTRY_WORDS}\s*$`, "i"),
  // Than the place entered: "입장마감은 박물관보다 1시간 일찍", "박물관보다 1시간 일찍 입장마감", "매표는 박물관보다 30분 일찍 마감".
  new RegExp(String.raw`^\s*${ENTRY_WORDS}${TOPIC_KO}\s*:?\s*${VENUE_KO}\s*보다\s*${ABOUT_KO}${DURATION_KO}\s*일찍\s*(?:마감)?\s*$`, "i"),
  new RegExp(String.raw`^\s*${VENUE_KO}\s*보다\s*${ABOUT_KO}${DURATION_KO}\s*일찍\s*${ENTRY_WORDS}\s*$`, "i"),
  new RegExp(String.raw`^\s*(?:입장|매표소?|발권)${TOPIC_KO}\s*(?:${VENUE_KO}\s*보다\s*)?${ABOUT_KO}${DURATION_KO}\s*일찍\s*마감\s*$`, "i"),
  // Before the place entered closes: "입장마감 박물관 폐관 1시간 전".
  new RegExp(String.raw`^\s*${ENTRY_WORDS}${TOPIC_KO}\s*:?\s*${VENUE_KO}\s*${ABOUT_KO}${DURATION_KO}\s*전\s*(?:까지)?\s*$`, "i"),
  new RegExp(String.raw`^\s*${CLOSE_KO}\s*${ABOUT_KO}${DURATION_KO}\s*전\s*${LAST_ENTRY_WORDS}\s*$`, "i"),
  new RegExp(String.raw`^\s*입장은?\s*${CLOSE_KO}\s*${ABOUT_KO}${DURATION_KO}\s*전\s*까지\s*(?:가능)?\s*$`, "i"),
  new RegExp(String.raw`^\s*${CLOSE_KO}\s*${ABOUT_KO}${DURATION_KO}\s*전\s*까지\s*입장\s*(?:가능)?\s*$`, "i")
];
var MENTIONS_LAST_ENTRY = new RegExp(LAST_ENTRY_WORDS, "i");
var figure = (text) => text === void 0 ? 0 : Number(text);
var clockMinutes = (m, first) => {
  const [hh, mm, meridiem, hour, minutes, halfPast] = m.slice(first, first + 6);
  if (hh !== void 0) return Number(hh) <= 24 && Number(mm) < 60 ? Number(hh) * 60 + Number(mm) : void 0;
  let h = Number(hour);
  const min = halfPast ? 30 : figure(minutes);
  if (meridiem && (h < 1 || h > 12)) return void 0;
  if (meridiem === "\uC624\uD6C4" && h < 12) h += 12;
  if (meridiem === "\uC624\uC804" && h === 12) h = 0;
  return h <= 24 && min < 60 ? h * 60 + min : void 0;
};
var lastEntryAt = (comment, open) => {
  const at = LAST_ENTRY_AT.exec(comment);
  const minutes = at ? clockMinutes(at, 1) : void 0;
  if (minutes === void 0) return void 0;
  return minutes < open ? minutes + 1440 : minutes;
};
var lastEntryGap = (comment, open, close) => {
  const at = lastEntryAt(comment, open);
  if (at !== void 0) return close - at;
  const before = LAST_ENTRY_BEFORE.exec(comment);
  if (before) return before[3] !== void 0 ? Number(before[3]) : Math.round(Number(before[1]) * 60) + figure(before[2]);
  const spelled = LAST_ENTRY_BEFORE_SPELLED.exec(comment);
  if (spelled) return spelledMinutes(spelled[1]);
  const [venue, venueSpelled] = LAST_ENTRY_BEFORE_VENUE.map((pattern) => pattern.exec(comment));
  if (venue) return venue[3] !== void 0 ? Number(venue[3]) : Math.round(Number(venue[1]) * 60) + figure(venue[2]);
  if (venueSpelled) return spelledMinutes(venueSpelled[1]);
  for (const pattern of LAST_ENTRY_BEFORE_KO) {
    const m = pattern.exec(comment);
    if (m) return m[4] !== void 0 ? Number(m[4]) : Math.round(hoursKo(m[1]) * 60) + (m[3] ? 30 : figure(m[2]));
  }
  return void 0;
};
var isLastEntry = (comment) => lastEntryGap(comment, 0, 0) !== void 0;
var isUnreadLastEntry = (comment) => MENTIONS_LAST_ENTRY.test(comment) && !isLastEntry(comment);

// apps/location-service/src/domain/opening-hours.ts
var WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
var WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
var OSM_WEEKDAYS = ["Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"];
var inPlaceTimeZone = (fn) => {
  const previous = process.env.TZ;
  if (previous === PLACE_TIME_ZONE) return fn();
  process.env.TZ = PLACE_TIME_ZONE;
  try {
    return fn();
  } finally {
    if (previous === void 0) delete process.env.TZ;
    else process.env.TZ = previous;
  }
};
var ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
var utcDay = (date) => {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`"${date}" is not a YYYY-MM-DD date`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.toISOString().slice(0, 10) !== date) throw new RangeError(`"${date}" is not a calendar date`);
  return d;
};
var isCalendarDate = (date) => {
  try {
    utcDay(date);
    return true;
  } catch {
    return false;
  }
};
var addDays = (date, days) => new Date(utcDay(date).getTime() + days * 864e5).toISOString().slice(0, 10);
var dayOfWeek = (date) => utcDay(date).getUTCDay();
var daysBetween = (from, to) => Math.round((utcDay(to).getTime() - utcDay(from).getTime()) / 864e5);
var placeDate = new Intl.DateTimeFormat("en-CA", { timeZone: PLACE_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });
var placeToday = (now = /* @__PURE__ */ new Date()) => placeDate.format(now);
var mondayOf = (date) => addDays(date, -((dayOfWeek(date) + 6) % 7));
var COMMENT = /("(?:[^"\\]|\\.)*")/;
var outsideComments = (value, edit) => value.split(COMMENT).map((part, i) => i % 2 === 1 ? part : edit(part)).join("");
var commentsOf = (value) => value.split(COMMENT).filter((_, i) => i % 2 === 1).map((comment) => comment.slice(1, -1));
var PH_TOKEN = /(?<![A-Za-z])PH(?![A-Za-z])/g;
var withHolidayWeekdays = (value, weekdays) => outsideComments(value, (code) => code.replace(PH_TOKEN, weekdays.map((d) => OSM_WEEKDAYS[d]).join(",")));
var hasHolidaySelector = (value) => {
  let found = false;
  outsideComments(value, (code) => (found ||= PH_TOKEN.test(code), PH_TOKEN.lastIndex = 0, code));
  return found;
};
var CAPITALISED_SUN_WORD = /\b(?=[a-z]*[A-Z])(?:sunrise|sunset|dawn|dusk)\b/i;
var withSunWordsLower = (value) => CAPITALISED_SUN_WORD.test(value) ? outsideComments(value, (code) => code.replace(/\b(?:sunrise|sunset|dawn|dusk)\b/gi, (word) => word.toLowerCase())) : value;
var PARSED_VALUES_MAX = LIMITS.candidates + 100;
var parsed = new LRUCache({ max: PARSED_VALUES_MAX });
var parse = (value, at) => {
  const where = at ? { lat: at.lat.toFixed(2), lon: at.lng.toFixed(2) } : void 0;
  const key = where ? `${value}\0${where.lat},${where.lon}` : value;
  let oh = parsed.get(key);
  if (!oh) {
    const nominatim = where ? { ...where, address: { country_code: PLACE_COUNTRY, state: "" } } : void 0;
    oh = new index(value, nominatim, { mode: 0, tag_key: "opening_hours", map_value: false, warnings_severity: 4, locale: "en" });
    parsed.set(key, oh);
    sourceOf.set(oh, { value, at });
  }
  return oh;
};
var sourceOf = /* @__PURE__ */ new WeakMap();
var sunDependent = new LRUCache({ max: 5e3 });
var usesSunTimes = (value, oh) => {
  let uses = sunDependent.get(value);
  if (uses === void 0) {
    uses = /\b(sunrise|sunset|dawn|dusk)\b/.test(oh.prettifyValue());
    sunDependent.set(value, uses);
  }
  return uses;
};
var unreachingWeekday = (date) => {
  const d = dayOfWeek(date);
  return d >= 2 && d <= 4 ? 6 : 3;
};
var NO_HOLIDAYS = { yesterday: false, today: false, tomorrow: false };
var parseAt = (code, at) => {
  const anywhere = parse(code);
  return at && usesSunTimes(code, anywhere) ? parse(code, at) : anywhere;
};
var evaluatorFor = (value, date, holidays, at, reading = {}) => {
  let code = value;
  if (hasHolidaySelector(value)) {
    const weekdays = [[holidays.yesterday, -1], [holidays.today, 0], [holidays.tomorrow, 1]].flatMap(([holiday, offset]) => holiday ? [dayOfWeek(addDays(date, offset))] : []);
    code = withHolidayWeekdays(value, weekdays.length ? weekdays : [unreachingWeekday(date)]);
  }
  if (!reading.asPackage) code = sunSpansOn(code, date, at, reading.keepSpan).code;
  if (reading.ownDay) code = ownDayValue(code);
  return parseAt(openEndRulesOpen(code), at);
};
var RULE_BREAK = /;|\|\||,(?=\s*(?!(?:sunrise|sunset|dawn|dusk)\b)[A-Za-z])/g;
var STATE_BEFORE = /(?:^|\s)(?:open|closed|off|unknown)\s*$/i;
var openedOpenEnds = new LRUCache({ max: 5e3 });
var openEndRulesOpen = (value) => {
  if (!value.includes("+") || !value.includes('"')) return value;
  let opened = openedOpenEnds.get(value);
  if (opened === void 0) {
    let rule = "";
    const parts = value.split(COMMENT);
    for (const [i, part] of parts.entries()) {
      if (i % 2 === 0) {
        const breaks = [...(rule + part).matchAll(RULE_BREAK)];
        const last = breaks.at(-1);
        rule = last ? (rule + part).slice(last.index + last[0].length) : rule + part;
      } else if (OPEN_END.test(rule) && !STATE_BEFORE.test(parts[i - 1])) parts[i - 1] = `${parts[i - 1].trimEnd()} open `;
    }
    opened = parts.join("");
    openedOpenEnds.set(value, opened);
  }
  return opened;
};
var withoutFallbacks = (value) => {
  if (!value.includes("||")) return void 0;
  let fallback = false;
  let found = false;
  const kept = value.split(COMMENT).map((part, i) => {
    if (i % 2 === 1) return fallback ? "" : part;
    let code = "";
    for (const [j, piece] of part.split(";").entries()) {
      if (j > 0) fallback = false;
      const bar = fallback ? 0 : piece.indexOf("||");
      if (bar >= 0) found = fallback = true;
      code += (j > 0 ? ";" : "") + (bar >= 0 ? piece.slice(0, bar) : piece);
    }
    return code;
  }).join("");
  return found ? kept.replace(/\s*;(\s*;)*\s*$/, "").trim() : void 0;
};
var coversDate = (oh, date) => {
  const [y, m, d] = date.split("-").map(Number);
  const to = new Date(y, m - 1, d + 1);
  const from = nightAfter(oh, new Date(y, m - 1, d));
  if (from >= to) return false;
  const it = oh.getIterator(from);
  do {
    if (it.getMatchingRule() !== void 0) return true;
  } while (it.advance(to) && it.getDate() < to);
  return false;
};
var evaluatorOn = (value, date, holidays, at, reading = {}) => evaluatorFor(decidingValue(value, date, holidays, at, reading), date, holidays, at, reading);
var decidingValue = (value, date, holidays, at, reading = {}) => {
  const main = withoutFallbacks(value);
  return main && coversDate(evaluatorFor(main, date, holidays, at, reading), date) ? main : value;
};
var CLOCK_SPAN = /(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})/g;
var spansPastMidnight = (value) => {
  let found = false;
  outsideComments(value, (code) => {
    for (const [, oh, om, ch, cm] of code.matchAll(CLOCK_SPAN)) {
      const open = Number(oh) * 60 + Number(om);
      const close = Number(ch) * 60 + Number(cm);
      found ||= close <= open || close > 24 * 60;
    }
    found ||= /\+|\b(?:sunrise|sunset|dawn|dusk)\b/.test(code);
    return code;
  });
  return found;
};
var pastMidnight = new LRUCache({ max: 5e3 });
var spansPastMidnightCached = (value) => {
  let found = pastMidnight.get(value);
  if (found === void 0) {
    found = spansPastMidnight(value);
    pastMidnight.set(value, found);
  }
  return found;
};
var SUN_TIME = String.raw`(?:\(\s*(?:sunrise|sunset|dawn|dusk)\s*[+-]\s*\d{1,2}:\d{2}\s*\)|\b(?:sunrise|sunset|dawn|dusk)\b)`;
var SUN_SPAN = new RegExp(String.raw`(?<!\(\s*)(${SUN_TIME}|\d{1,2}:\d{2})\s*-\s*(${SUN_TIME}|\d{1,2}:\d{2})(\s*\+(?!\s*\d))?(?!\s*[+\d)])`, "g");
var SUN_DEFAULTS = { dawn: 5 * 60 + 30, sunrise: 6 * 60, sunset: 18 * 60, dusk: 18 * 60 + 30 };
var sunOrClockMinutes = (time) => {
  const clock = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const sun = /(sunrise|sunset|dawn|dusk)\s*(?:([+-])\s*(\d{1,2}):(\d{2}))?/.exec(time);
  const offset = sun[2] ? (sun[2] === "-" ? -1 : 1) * (Number(sun[3]) * 60 + Number(sun[4])) : 0;
  return SUN_DEFAULTS[sun[1]] + offset;
};
var OPEN_END_AFTER_SPAN = new RegExp(String.raw`(-\s*(?:${SUN_TIME}|\d{1,2}:\d{2}))\+(?!\s*\d)`, "g");
var OPEN_END_AT = new RegExp(String.raw`(${SUN_TIME}|\d{1,2}:\d{2})\+(?!\s*\d)`, "g");
var ownDayValue = (value) => outsideComments(
  value,
  (code) => code.replace(SUN_SPAN, (span, open, close, openEnd) => {
    const alone = openEnd ? span.slice(0, -openEnd.length) : span;
    if (/^\d/.test(open) && /^\d/.test(close)) return alone;
    return sunOrClockMinutes(close) <= sunOrClockMinutes(open) ? `${open}-24:00` : alone;
  }).replace(CLOCK_SPAN, (span, oh, om, ch, cm) => {
    const open = Number(oh) * 60 + Number(om);
    const close = Number(ch) * 60 + Number(cm);
    return close <= open || close > 24 * 60 ? `${oh}:${om}-24:00` : span;
  }).replace(OPEN_END_AFTER_SPAN, "$1").replace(OPEN_END_AT, "$1-24:00")
);
var sunTimesFrom = (sunTime, at, first, days) => {
  const [y, m, d] = first.split("-").map(Number);
  const times2 = /* @__PURE__ */ new Map();
  for (const [start] of parse(`${sunTime}-24:00`, at).getOpenIntervals(new Date(y, m - 1, d - 1), new Date(y, m - 1, d + days))) {
    const date = localDate(start);
    if (date >= first) times2.set(date, start.getHours() * 60 + start.getMinutes());
  }
  return times2;
};
var sunDays = new LRUCache({ max: 5e3 });
var sunTimeOn = (sunTime, date, at) => {
  const key = `${sunTime}|${date}|${at.lat.toFixed(2)},${at.lng.toFixed(2)}`;
  let known = sunDays.get(key);
  if (!known) sunDays.set(key, known = { time: sunTimesFrom(sunTime, at, date, 1).get(date) });
  return known.time;
};
var SUN_EXTREME_WINDOWS = [[1, 1, 25], [5, 25, 52], [11, 20, 42]];
var sunRanges = new LRUCache({ max: 1e3 });
var sunRangeOfYear = (sunTime, year, at) => {
  const key = `${sunTime}|${year}|${at.lat.toFixed(2)},${at.lng.toFixed(2)}`;
  let known = sunRanges.get(key);
  if (!known) {
    const times2 = SUN_EXTREME_WINDOWS.flatMap(([month, day, days]) => [...sunTimesFrom(sunTime, at, `${year}-${pad(month)}-${pad(day)}`, days)]);
    const earliest = times2.reduce((a, b) => a === void 0 || b[1] < a[1] ? b : a, void 0);
    const latest = times2.reduce((a, b) => a === void 0 || b[1] > a[1] ? b : a, void 0);
    known = { range: earliest && latest ? { earliest: earliest[1], earliestOn: earliest[0], latest: latest[1], latestOn: latest[0] } : void 0 };
    sunRanges.set(key, known);
  }
  return known.range;
};
var localDate = (t) => `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
var sunSpanReadings = new LRUCache({ max: 5e3 });
var clockText = (minutes) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
var sunTimeWords = (sunTime) => {
  const m = /(sunrise|sunset|dawn|dusk)\s*(?:([+-])\s*(\d{1,2}):(\d{2}))?/i.exec(sunTime);
  const event = m[1].toLowerCase();
  if (!m[2]) return event;
  const [hours, minutes] = [Number(m[3]), Number(m[4])];
  const length = [hours ? `${hours} h` : "", minutes ? `${minutes} min` : ""].filter(Boolean).join(" ") || "0 min";
  return `${length} ${m[2] === "-" ? "before" : "after"} ${event}`;
};
var emptySunSpanNote = (sunTime, sunAt, clock, sunFirst) => {
  const words = sunTimeWords(sunTime);
  const [from, to] = sunFirst ? [words, clock] : [clock, words];
  if (sunOrClockMinutes(sunAt) === sunOrClockMinutes(clock)) return `no opening from ${from} to ${to} on this date: ${words} is at ${sunAt} too`;
  return `no opening from ${from} to ${to} on this date: ${words} is at ${sunAt}, ${sunFirst ? "after" : "before"} ${clock}`;
};
var nightToSunOn = (span, open, close, openEnd, date, at) => {
  if (sunOrClockMinutes(close) > sunOrClockMinutes(open)) return span;
  const opensAt = sunTimeOn(open.replace(/\s/g, ""), date, at);
  const closesAt = sunTimeOn(close.replace(/\s/g, ""), date, at);
  if (opensAt === void 0 || closesAt === void 0 || closesAt >= opensAt) return span;
  return `${clockText(opensAt)}-${clockText(closesAt)}${openEnd ?? ""}`;
};
var sunSpansOn = (value, date, at, keepSpan) => {
  if (!at || !/\b(?:sunrise|sunset|dawn|dusk)\b/.test(value)) return { code: value, notes: [], openEnds: [] };
  const key = `${date}|${at.lat.toFixed(2)},${at.lng.toFixed(2)}|${keepSpan ?? ""}|${value}`;
  let reading = sunSpanReadings.get(key);
  if (reading) return reading;
  const year = Number(date.slice(0, 4));
  const notes = [];
  const openEnds = [];
  const code = outsideComments(
    value,
    (part) => part.replace(SUN_SPAN, (span, open, close, openEnd, offset, whole) => {
      const sunFirst = !/^\d/.test(open);
      if (/^\d/.test(open) && /^\d/.test(close)) return span;
      if (sunFirst && !/^\d/.test(close)) return nightToSunOn(span, open, close, openEnd, date, at);
      const [sunTime, clock] = sunFirst ? [open, close] : [close, open];
      const clockAt = sunOrClockMinutes(clock);
      const night = sunFirst ? clockAt < sunOrClockMinutes(sunTime) : clockAt > sunOrClockMinutes(sunTime);
      if (!night && !openEnd) return span;
      const sunAt = sunTimeOn(sunTime.replace(/\s/g, ""), date, at);
      if (sunAt === void 0) return span;
      if (openEnd && sunAt === clockAt) return `${clock}+`;
      const opens = (sun) => sunFirst ? sun < clockAt : clockAt < sun;
      if (opens(sunAt)) return sunFirst ? `${clockText(sunAt)}-${clock}${openEnd ?? ""}` : `${clock}-${clockText(sunAt)}${openEnd ?? ""}`;
      const range = night ? sunRangeOfYear(sunTime.replace(/\s/g, ""), year, at) : void 0;
      if (night && (!range || !opens(sunFirst ? range.earliest : range.latest))) return sunFirst ? span : `${clock}-${clockText(sunAt)}${openEnd ?? ""}`;
      const before = whole.slice(0, offset);
      const after = whole.slice(offset + span.length);
      if (/^\s*(?:off|closed)\b/i.test(after)) return span;
      notes.push(emptySunSpanNote(sunTime, clockText(sunAt), clock, sunFirst));
      openEnds.push(openEnd !== void 0);
      if (notes.length - 1 === keepSpan) return openEnd ? "00:00-24:00" : span;
      return /,\s*$/.test(before) || /^\s*,\s*(?:\d|\(|(?:sunrise|sunset|dawn|dusk)\b)/.test(after) ? "\uE000" : "\uE001";
    })
  ).replace(/\s*,\s*\uE000|\uE000\s*,\s*/g, "").replace(/[\uE000\uE001](\s+(?:open|unknown)\b)?/gi, "off");
  reading = { code, notes, openEnds };
  sunSpanReadings.set(key, reading);
  return reading;
};
var intervalFrom = (oh, at) => {
  if (!oh.getState(at) && !oh.getUnknown(at)) return void 0;
  const [first] = oh.getOpenIntervals(at, new Date(at.getTime() + 864e5));
  return first && first[0].getTime() === at.getTime() ? [first[0], first[1]] : void 0;
};
var nightAfter = (oh, midnight) => {
  const source = sourceOf.get(oh);
  if (!source || !spansPastMidnightCached(source.value)) return midnight;
  const early = intervalFrom(oh, midnight);
  return early && !intervalFrom(parseAt(ownDayValue(source.value), source.at), midnight) ? early[1] : midnight;
};
var rulesOf = /* @__PURE__ */ new WeakMap();
var ruleText = (oh, rule) => {
  let rules = rulesOf.get(oh);
  if (!rules) rulesOf.set(oh, rules = []);
  return rules[rule] ??= oh.prettifyValue({ rule_index: rule });
};
var nightWindow = (oh, midnight) => {
  const source = sourceOf.get(oh);
  if (!source || !spansPastMidnightCached(source.value)) return void 0;
  const main = withoutFallbacks(source.value);
  if (main) return nightWindow(parseAt(main, source.at), midnight);
  let windows = windowsOf.get(oh);
  if (!windows) windowsOf.set(oh, windows = new LRUCache({ max: 64 }));
  const known = windows.get(midnight.getTime());
  if (known) return known.window;
  const window = computeNightWindow(oh, source, midnight);
  windows.set(midnight.getTime(), { window });
  return window;
};
var windowsOf = /* @__PURE__ */ new WeakMap();
var openEndFrom = (oh, at) => {
  const [next] = oh.getOpenIntervals(at, new Date(at.getTime() + 864e5));
  return next && next[0].getTime() === at.getTime() && next[2] && isOpenEnd(oh, at, next[3]) ? next[1] : void 0;
};
var computeNightWindow = (oh, source, midnight) => {
  const opened = intervalFrom(oh, midnight);
  if (!opened) return void 0;
  const early = [opened[0], openEndFrom(oh, opened[1]) ?? opened[1]];
  const lastInstant = new Date(midnight.getTime() - 1);
  let nightEnd = midnight;
  if (oh.getState(lastInstant) || oh.getUnknown(lastInstant)) {
    const rule = oh.getMatchingRule(lastInstant);
    if (rule === void 0) return void 0;
    const alone = parseAt(ruleText(oh, rule), source.at);
    const night = intervalFrom(alone, lastInstant);
    if (!night) return void 0;
    nightEnd = openEndFrom(alone, night[1]) ?? night[1];
  }
  const own = intervalFrom(parseAt(ownDayValue(source.value), source.at), midnight);
  const from = new Date(Math.max(nightEnd.getTime(), own ? own[1].getTime() : midnight.getTime()));
  return from < early[1] ? { from, until: early[1] } : void 0;
};
var withoutWindows = (intervals, windows) => windows.reduce(
  (kept, window) => window ? kept.flatMap((interval) => {
    const [start, end, ...rest] = interval;
    if (end <= window.from || start >= window.until) return [interval];
    return [
      ...start < window.from ? [[start, window.from, ...rest]] : [],
      ...end > window.until ? [[window.until, end, ...rest]] : []
    ];
  }) : kept,
  intervals
);
var pad = (n) => String(n).padStart(2, "0");
var OPENING_EVALUATION = "33";
var OPEN_END_MINUTES = 120;
var OPEN_END_COMMENT = "Specified as open end. Closing time was guessed.";
var OPEN_END = /(?:\d|\b(?:sunrise|sunset|dawn|dusk)|\))\+(?!\s*\d)/;
var MIDNIGHT_OPEN_END = /(?<![\d:-]\s*)0?0:00\s*\+(?!\s*\d)/;
var openIntervals = (oh, from, to) => {
  const intervals = oh.getOpenIntervals(from, to);
  const source = sourceOf.get(oh);
  if (!source || !source.value.includes("+")) return intervals;
  return intervals.flatMap((interval) => {
    const [start, end, unknown, comment] = interval;
    const pieces = [];
    let rest = start;
    for (let midnight = new Date(start.getFullYear(), start.getMonth(), start.getDate()); midnight < end; midnight = new Date(midnight.getFullYear(), midnight.getMonth(), midnight.getDate() + 1)) {
      if (midnight < start) continue;
      const rule = oh.getMatchingRule(midnight);
      if (rule === void 0) continue;
      let found = false;
      outsideComments(ruleText(oh, rule), (code) => (found ||= MIDNIGHT_OPEN_END.test(code), code));
      if (!found) continue;
      const dayEnd = new Date(Math.min(end.getTime(), new Date(midnight.getFullYear(), midnight.getMonth(), midnight.getDate() + 1).getTime()));
      if (rest < midnight) pieces.push([rest, midnight, unknown, comment]);
      pieces.push([midnight, dayEnd, true, unknown || comment ? comment : OPEN_END_COMMENT]);
      rest = dayEnd;
    }
    if (rest < end) pieces.push([rest, end, unknown, comment]);
    return pieces;
  });
};
var isOpenEnd = (oh, start, comment) => {
  if (comment === OPEN_END_COMMENT) return true;
  const rule = oh.getMatchingRule(start);
  if (rule === void 0) return false;
  let found = false;
  outsideComments(oh.prettifyValue({ rule_index: rule }), (code) => (found ||= OPEN_END.test(code), code));
  return found;
};
var UNKNOWN_STATE = /\bunknown\b/i;
var unknownRule = (oh, start) => {
  const rule = oh.getMatchingRule(start);
  let unknown = false;
  if (rule !== void 0) outsideComments(ruleText(oh, rule), (code) => (unknown ||= UNKNOWN_STATE.test(code), code));
  return unknown;
};
var evaluateDay = (oh, date) => {
  const [y, m, d] = date.split("-").map(Number);
  const from = new Date(y, m - 1, d);
  const to = new Date(y, m - 1, d + 1);
  const intervals = [];
  const comments = /* @__PURE__ */ new Set();
  let uncertain = false;
  const clockOf = (t) => `${pad(t.getHours())}:${pad(t.getMinutes())}`;
  const day = openIntervals(oh, from, to);
  const wide = day.some(([, end, unknown]) => unknown || end >= to);
  const read = withoutWindows(wide ? openIntervals(oh, new Date(y, m - 1, d - 1), new Date(y, m - 1, d + 2)) : day, [nightWindow(oh, from), wide ? nightWindow(oh, to) : void 0]);
  const ends = [];
  const opened = [];
  for (const [rawStart, rawEnd, unknown, comment] of read) {
    let end = rawEnd;
    let openEnd = false;
    if (unknown && isOpenEnd(oh, rawStart, comment) && !unknownRule(oh, rawStart)) {
      openEnd = true;
      end = new Date(Math.min(rawEnd.getTime(), rawStart.getTime() + OPEN_END_MINUTES * 6e4));
    }
    if (openEnd && rawStart.getTime() === to.getTime() && intervals.at(-1)?.[1] === "24:00") {
      const openedAt2 = opened.at(-1);
      const opensAt2 = openedAt2.getHours() * 60 + openedAt2.getMinutes();
      const lastAt = comment ? lastEntryAt(comment, opensAt2) : void 0;
      const closesAt2 = opensAt2 + Math.round((end.getTime() - openedAt2.getTime()) / 6e4);
      ends.at(-1).push({ close: Math.round((end.getTime() - from.getTime()) / 6e4), ownGap: lastAt === void 0 ? void 0 : closesAt2 - lastAt, openEnd: true });
      continue;
    }
    const start = rawStart < from ? from : rawStart;
    if (end <= from || start >= to) continue;
    const open = clockOf(start);
    const close = end.getTime() >= to.getTime() ? "24:00" : clockOf(end);
    if (openEnd) {
      if (comment && comment !== OPEN_END_COMMENT) comments.add(comment);
      comments.add(openEndNote(clockOf(rawStart), clockOf(end)));
    } else {
      if (comment && comment !== OPEN_END_COMMENT) comments.add(comment);
      if (unknown) {
        uncertain ||= open !== close;
        continue;
      }
    }
    const realClose = Math.round((end.getTime() - from.getTime()) / 6e4);
    const last = intervals.at(-1);
    const merged = last !== void 0 && last[1] === open;
    if (!merged && open === close) continue;
    const openedAt = merged ? opened.at(-1) : rawStart;
    const opensAt = openedAt.getHours() * 60 + openedAt.getMinutes();
    const closesAt = opensAt + Math.round((end.getTime() - openedAt.getTime()) / 6e4);
    let ownGap;
    if (comment && openEnd) {
      const lastAt = lastEntryAt(comment, opensAt);
      if (lastAt !== void 0) ownGap = closesAt - lastAt;
    } else if (comment) ownGap = lastEntryGap(comment, opensAt, closesAt);
    const intervalEnd = { close: realClose, ownGap, openEnd };
    if (merged) {
      intervals[intervals.length - 1] = [last[0], close];
      ends.at(-1).push(intervalEnd);
    } else {
      intervals.push([open, close]);
      ends.push([intervalEnd]);
      opened.push(rawStart);
    }
  }
  if (!intervals.length) {
    const comment = oh.getComment(new Date(y, m - 1, d, 12));
    if (comment && comment !== OPEN_END_COMMENT) comments.add(comment);
  }
  return { intervals, comments: [...comments], uncertain, ends };
};
var SUN_OFFSET = /\(\s*(sunrise|sunset|dawn|dusk)\s*([+-])\s*(\d{1,2}):(\d{2})\s*\)/g;
var sunTimeOutsideItsDay = (value, at) => {
  let problem;
  outsideComments(value, (code) => {
    for (const [written, event, sign, hours, minutes] of code.matchAll(SUN_OFFSET)) {
      const offset = (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
      const range = sunRangeOfYear(event, Number(placeToday().slice(0, 4)), at);
      if (!range) continue;
      const [earliest, latest] = [range.earliest + offset, range.latest + offset];
      if (earliest < 0) problem ??= `${written} is before midnight at this place on some dates (${event} as early as ${clockText(earliest - offset)}): write a clock time or a smaller offset`;
      else if (latest >= 24 * 60) problem ??= `${written} is past midnight at this place on some dates (${event} as late as ${clockText(latest - offset)}): write a clock time or a smaller offset`;
    }
    return code;
  });
  return problem;
};
var openingHoursProblem = (written, at) => {
  const value = withSunWordsLower(written);
  if (!value.trim()) return "the opening_hours value is empty";
  let problem;
  outsideComments(value, (code) => {
    if (/(?<![A-Za-z])PH\s*[+-]\s*\d+\s*days?\b/.test(code)) problem ??= 'public holidays with a day offset ("PH +1 day") are not supported';
    if (/(?<![A-Za-z])SH(?![A-Za-z])/.test(code)) problem ??= "school holidays (SH) have no Korean definition";
    return code;
  });
  if (problem) return problem;
  const unread = commentsOf(value).find(isUnreadLastEntry);
  if (unread !== void 0) return `a comment gives a last entry it cannot read: "${unread.slice(0, 200)}" (write it as HH:MM, 21\uC2DC, or so many hours/minutes before closing)`;
  let outside;
  try {
    outside = at && inPlaceTimeZone(() => sunTimeOutsideItsDay(value, at));
  } catch (err) {
    return `opening_hours cannot evaluate it at this place: ${(err instanceof Error ? err.message : String(err)).split("\n")[0].slice(0, 300)}`;
  }
  if (outside) return outside;
  let date = CHECK_DATE;
  try {
    inPlaceTimeZone(() => {
      const sunDates = at ? sunCheckDates(value, at) : [];
      for (date of [CHECK_DATE, ...sunDates]) {
        for (const [yesterday, today, tomorrow] of [[false, false, false], [false, true, false], [true, false, true], [true, true, true]]) {
          evaluateDay(evaluatorOn(value, date, { yesterday, today, tomorrow }, sunDates.length ? at : void 0), date);
        }
      }
    });
  } catch (err) {
    const text = (err instanceof Error ? err.message : String(err)).split("\n")[0].slice(0, 300);
    return date === CHECK_DATE ? `opening_hours cannot evaluate it: ${text}` : `opening_hours cannot evaluate it at this place on ${date} (${inPlaceTimeZone(() => sunTimesText(date, at))}): ${text}`;
  }
  return void 0;
};
var CHECK_DATE = "2026-09-29";
var SUN_EVENTS = ["dawn", "sunrise", "sunset", "dusk"];
var sunCheckDates = (value, at) => {
  const used = /* @__PURE__ */ new Set();
  outsideComments(value, (code) => {
    for (const [event] of code.matchAll(/\b(?:sunrise|sunset|dawn|dusk)\b/gi)) used.add(event.toLowerCase());
    return code;
  });
  const year = Number(CHECK_DATE.slice(0, 4));
  const dates = /* @__PURE__ */ new Set();
  for (const event of SUN_EVENTS.filter((e) => used.has(e))) {
    const range = sunRangeOfYear(event, year, at);
    if (range) dates.add(range.earliestOn).add(range.latestOn);
  }
  return [...dates].sort();
};
var sunTimesText = (date, at) => ["sunrise", "sunset"].map((event) => `${event} ${((time) => time === void 0 ? "none" : clockText(time))(sunTimeOn(event, date, at))}`).join(", ");
var weekly = new LRUCache({ max: 5e3 });
var weeklyHours = (written, monday, at) => {
  const value = withSunWordsLower(written);
  const key = `${monday}|${at ? `${at.lat.toFixed(2)},${at.lng.toFixed(2)}` : ""}|${value}`;
  let week = weekly.get(key);
  if (!week) {
    week = inPlaceTimeZone(() => {
      const days = {};
      WEEKDAYS.forEach((day, i) => {
        const date = addDays(monday, i);
        days[day] = evaluateDay(evaluatorFor(value, date, NO_HOLIDAYS, at), date).intervals;
      });
      return days;
    });
    weekly.set(key, week);
  }
  return week;
};
var sameIntervals = (a, b) => a.length === b.length && a.every((x, i) => x[0] === b[i][0] && x[1] === b[i][1]);
var calendarGap = (year) => year < HOLIDAY_YEARS[0] ? `public holidays before ${HOLIDAY_YEARS[0]} are not in the calendar` : `public holidays of ${year} are not published yet`;
var isHoliday = (date) => {
  const h = publicHolidays(date);
  return h.known && h.names.length > 0;
};
var clockMinutes2 = (hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
var lastEntries = (day, lastEntryMinutes) => day.intervals.map(([, close], i) => {
  const lastStart = Math.max(...day.ends[i].map((end) => end.close - (end.ownGap ?? (end.openEnd ? 0 : lastEntryMinutes))));
  return Math.max(0, clockMinutes2(close) - lastStart);
});
var NEXT_OPENING_DAYS = 7;
var nextOpening = (value, date, day, at) => {
  const first = day.intervals[0];
  if (first) return `; opens next at ${first[0]}`;
  for (let offset = 1; offset <= NEXT_OPENING_DAYS; offset++) {
    const next = addDays(date, offset);
    const around = { yesterday: isHoliday(addDays(next, -1)), today: isHoliday(next), tomorrow: isHoliday(addDays(next, 1)) };
    const [opens] = evaluateDay(evaluatorOn(value, next, around, at), next).intervals;
    if (opens) return `; opens next on ${WEEKDAY_NAMES[dayOfWeek(next)]} ${next} at ${opens[0]}`;
  }
  return "";
};
var dayOpenings = (written, dates, at, lastEntryMinutes = 0) => {
  const value = withSunWordsLower(written);
  return inPlaceTimeZone(
    () => dates.map((date) => {
      const holidays = publicHolidays(date);
      const today = holidays.known && holidays.names.length > 0;
      const around = { yesterday: isHoliday(addDays(date, -1)), today, tomorrow: isHoliday(addDays(date, 1)) };
      const evaluator = evaluatorOn(value, date, around, at);
      const actual = evaluateDay(evaluator, date);
      const [y, m, d] = date.split("-").map(Number);
      const midnight = new Date(y, m - 1, d);
      const window = around.yesterday ? nightWindow(evaluator, midnight) : void 0;
      const usualWindow = window && nightWindow(evaluatorOn(value, date, { ...around, yesterday: false }, at), midnight);
      const cancelled = window && !(usualWindow && usualWindow.from.getTime() === window.from.getTime() && usualWindow.until.getTime() === window.until.getTime()) ? window : void 0;
      const ordinary = evaluateDay(evaluatorFor(value, date, NO_HOLIDAYS, at), date);
      const notes = [];
      const deciding = decidingValue(value, date, around, at, { ownDay: true });
      const { notes: sunNotes, openEnds } = sunSpansOn(deciding, date, at);
      const ownHours = (keepSpan) => evaluateDay(evaluatorFor(deciding, date, around, at, { ownDay: true, keepSpan }), date);
      const dropped = sunNotes.length ? ownHours() : void 0;
      const emptySunSpans = sunNotes.filter((_, i) => {
        const kept = ownHours(i);
        return !sameIntervals(kept.intervals, dropped.intervals) || openEnds[i] && kept.uncertain !== dropped.uncertain;
      });
      const closedOn = (other) => evaluateDay(evaluatorFor(value, other, NO_HOLIDAYS, at), other).intervals.length === 0;
      const closedWeekly = () => [-7, 7].every((offset) => closedOn(addDays(date, offset))) && [-3, -2, -1, 1, 2, 3].some((offset) => !closedOn(addDays(date, offset)));
      if (today) {
        const names = holidays.names.join(" / ");
        if (!actual.intervals.length && actual.uncertain) notes.push(names);
        else if (!actual.intervals.length && ordinary.intervals.length) notes.push(`closed: ${names}`);
        else if (!actual.intervals.length) notes.push(!emptySunSpans.length && closedWeekly() ? `closed: weekly closing day (${WEEKDAY_NAMES[dayOfWeek(date)]}); also ${names}` : `closed on this date; also ${names}`);
        else if (!ordinary.intervals.length) notes.push(`open on the holiday: ${names}`);
        else if (!sameIntervals(actual.intervals, ordinary.intervals)) notes.push(`holiday hours: ${names}`);
        else notes.push(`${names}: usual hours`);
      }
      if (cancelled) {
        const clock = (t) => `${pad(t.getHours())}:${pad(t.getMinutes())}`;
        const before = publicHolidays(addDays(date, -1));
        const names = before.known ? before.names.join(" / ") : "the holiday";
        notes.push(
          cancelled.from.getTime() === midnight.getTime() ? `no night from ${names} the day before (closed for the holiday)${nextOpening(value, date, actual, at)}` : `the night from ${names} the day before closes at ${clock(cancelled.from)}`
        );
      } else if (!today && !actual.intervals.length && !actual.comments.length && !actual.uncertain && !emptySunSpans.length) {
        notes.push(closedWeekly() ? `closed: weekly closing day (${WEEKDAY_NAMES[dayOfWeek(date)]})` : "closed on this date");
      }
      const nightClose = (day) => day.intervals.at(-1)?.[1] === "24:00" ? day.ends.at(-1).at(-1).close : void 0;
      const shortened = around.tomorrow ? nightClose(actual) : void 0;
      const usual = shortened === void 0 ? void 0 : nightClose(evaluateDay(evaluatorOn(value, date, { ...around, tomorrow: false }, at), date));
      if (shortened !== void 0 && usual !== void 0 && usual > 24 * 60 && shortened < usual) {
        const after = publicHolidays(addDays(date, 1));
        const names = after.known ? after.names.join(" / ") : "the holiday";
        const clock = shortened === 24 * 60 ? "24:00" : `${pad(Math.floor(shortened / 60) % 24)}:${pad(shortened % 60)}`;
        notes.push(`the night before ${names} closes at ${clock}`);
      }
      notes.push(...actual.comments, ...emptySunSpans);
      if (actual.uncertain) notes.push(UNCERTAIN_NOTE);
      if (!holidays.known) notes.push(`${calendarGap(Number(date.slice(0, 4)))}: holiday closures are not included`);
      return {
        date,
        intervals: actual.intervals,
        // An own last entry at or after its close (an open end's "last order 01:00") restricts nothing.
        ...(lastEntryMinutes > 0 || actual.ends.flat().some((e) => (e.ownGap ?? 0) > 0)) && { lastEntryMinutes: lastEntries(actual, lastEntryMinutes) },
        ...notes.length && { note: notes.join(NOTE_SEPARATOR) }
      };
    })
  );
};

// node_modules/typebox/build/format/uuid.mjs
var Uuid = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
function IsUuid(value) {
  return Uuid.test(value);
}

// node_modules/typebox/build/format/format.mjs
var format_exports = {};
__export(format_exports, {
  Clear: () => Clear,
  Entries: () => Entries2,
  Get: () => Get3,
  Has: () => Has,
  IsDate: () => IsDate2,
  IsDateTime: () => IsDateTime,
  IsDuration: () => IsDuration,
  IsEmail: () => IsEmail,
  IsHostname: () => IsHostname2,
  IsIPv4: () => IsIPv4,
  IsIPv6: () => IsIPv6,
  IsIdnEmail: () => IsIdnEmail,
  IsIdnHostname: () => IsIdnHostname2,
  IsIri: () => IsIri,
  IsIriReference: () => IsIriReference,
  IsJsonPointer: () => IsJsonPointer,
  IsJsonPointerUriFragment: () => IsJsonPointerUriFragment,
  IsRegex: () => IsRegex,
  IsRelativeJsonPointer: () => IsRelativeJsonPointer,
  IsTime: () => IsTime,
  IsUri: () => IsUri,
  IsUriReference: () => IsUriReference,
  IsUriTemplate: () => IsUriTemplate,
  IsUrl: () => IsUrl,
  IsUuid: () => IsUuid,
  Reset: () => Reset2,
  Set: () => Set3,
  Test: () => Test
});

// node_modules/typebox/build/format/date.mjs
var DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
var DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
function IsLeapYear(year) {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}
function IsDate2(value) {
  const matches = DATE.exec(value);
  if (!matches)
    return false;
  const year = +matches[1];
  const month = +matches[2];
  const day = +matches[3];
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && IsLeapYear(year) ? 29 : DAYS[month]);
}

// node_modules/typebox/build/format/time.mjs
var TIME = /^(\d\d):(\d\d):(\d\d)(?:\.\d+)?(?:([Zz])|([+-])(\d\d):(\d\d))?$/;
function IsTime(value, strictTimeZone = true) {
  const matches = TIME.exec(value);
  if (!matches)
    return false;
  if (strictTimeZone && !matches[4] && !matches[5])
    return false;
  const hr = +matches[1];
  const min = +matches[2];
  const sec = +matches[3];
  if (hr > 23 || min > 59 || sec > 60)
    return false;
  if (matches[5]) {
    const tzH2 = +matches[6];
    const tzM2 = +matches[7];
    if (tzH2 > 23 || tzM2 > 59)
      return false;
  }
  if (sec < 60)
    return true;
  const tzSign = matches[5] === "-" ? -1 : 1;
  const tzH = +(matches[6] || 0);
  const tzM = +(matches[7] || 0);
  const totalUtcMin = hr * 60 + min - tzSign * (tzH * 60 + tzM);
  return (totalUtcMin % 1440 + 1440) % 1440 === 1439;
}

// node_modules/typebox/build/format/date_time.mjs
var DATE_TIME_SUFFIX = /^(?:\[!?(?:(?!\.{1,2}[/\]])[A-Za-z._][A-Za-z._0-9+-]{0,13}(?:\/(?!\.{1,2}[/\]])[A-Za-z._][A-Za-z._0-9+-]{0,13})*|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])\](?:\[!?[a-z_][a-z_0-9-]*=[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*\])*|(?:\[!?[a-z_][a-z_0-9-]*=[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*\])*)$/;
function IsDateTime(value) {
  const index2 = value.indexOf("[");
  const datetime = index2 === -1 ? value : value.slice(0, index2);
  if (index2 !== -1 && !DATE_TIME_SUFFIX.test(value.slice(index2)))
    return false;
  const split = datetime.split(/T/i);
  return split.length === 2 && IsDate2(split[0]) && IsTime(split[1]);
}

// node_modules/typebox/build/format/duration.mjs
var Duration = /^P((\d+Y(\d+M(\d+D)?)?|\d+M(\d+D)?|\d+D)(T(\d+H(\d+M(\d+S)?)?|\d+M(\d+S)?|\d+S))?|T(\d+H(\d+M(\d+S)?)?|\d+M(\d+S)?|\d+S)|\d+W)$/;
function IsDuration(value) {
  return Duration.test(value);
}

// node_modules/typebox/build/format/email.mjs
var Email = /^(?:[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*|"(?:[^"\\]|\\[\x20-\x7e])*")@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[(?:IPv6:[a-f0-9:]+|(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?:\.(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3})\])$/i;
function IsEmail(value) {
  return Email.test(value);
}

// node_modules/typebox/build/format/idna/pattern/pattern.mjs
var RE_RULE_HYPHEN_PLACEMENT = /^(?!-).*(?<!-)$/;
var RE_RULE_NOT_RESERVED_ACE = /^(?!..--)/;
var RE_ASCII_LDH = /^[a-zA-Z0-9-]*$/;
var RE_ASCII = new RegExp("^\\p{ASCII}*$", "u");
var RE_NON_ASCII = /[^\p{ASCII}]/u;
var RE_ASCII_DIGIT = /[0-9]/;
var RE_ARABIC_INDIC_DIGIT = /[\u{0660}-\u{0669}]/u;
var RE_EXT_ARABIC_INDIC_DIGIT = /[\u{06f0}-\u{06f9}]/u;
var RE_COMMON_SEPARATOR = /[\u{002e}\u{002c}\u{003a}\u{002f}]/u;
var RE_EUROPEAN_SEPARATOR = /[\u{002d}\u{002b}]/u;
var RE_MARK_NONSPACING = new RegExp("\\p{Mn}", "u");
var RE_MARK_SPACING_COMBINING = new RegExp("\\p{Mc}", "u");
var RE_MARK_ENCLOSING = new RegExp("\\p{Me}", "u");
var RE_COMBINING_MARK = /[\p{Mn}\p{Mc}\p{Me}]/u;
var RE_LETTER = new RegExp("\\p{L}", "u");
var RE_NUMBER_DECIMAL = new RegExp("\\p{Nd}", "u");
var RE_SCRIPT_GREEK = new RegExp("\\p{Script=Greek}", "u");
var RE_SCRIPT_HEBREW = new RegExp("\\p{Script=Hebrew}", "u");
var RE_SCRIPT_JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
var RE_SCRIPT_ARABIC_LETTER = /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Mandaic}]/u;
var RE_VIRAMA = /[\u{094d}\u{09cd}\u{0a4d}\u{0acd}\u{0b4d}\u{0bcd}\u{0c4d}\u{0ccd}\u{0d3b}\u{0d3c}\u{0d4d}\u{0dca}\u{1b44}\u{1baa}\u{1bab}\u{a9c0}\u{11046}\u{1107f}\u{110b9}\u{11133}\u{11134}\u{111c0}\u{11235}\u{1134d}\u{11442}\u{114c2}\u{115bf}\u{1163f}\u{116b6}\u{11c3f}\u{11d44}\u{11d45}]/u;
var RE_RFC5892_DISALLOWED = /[\u{0640}\u{07fa}\u{302e}\u{302f}\u{3031}\u{3032}\u{3033}\u{3034}\u{3035}\u{303b}]/u;
var RE_CONTEXTO_EXCEPTIONS = /[\u{00b7}\u{0375}\u{05f3}\u{05f4}\u{200c}\u{200d}\u{30fb}]/u;
var RE_PVALID_EXCEPTIONS = /[\u{00df}\u{03c2}\u{06fd}\u{06fe}\u{0f0b}\u{3007}]/u;
var RE_EUROPEAN_NUMBER = new RegExp([
  RE_ASCII_DIGIT,
  RE_EXT_ARABIC_INDIC_DIGIT
].map((regexp) => regexp.source).join("|"), "u");
var RE_PERMITTED_CATEGORY = new RegExp([
  RE_LETTER,
  RE_EUROPEAN_SEPARATOR,
  RE_COMMON_SEPARATOR,
  RE_NUMBER_DECIMAL,
  RE_MARK_NONSPACING,
  RE_MARK_SPACING_COMBINING,
  RE_CONTEXTO_EXCEPTIONS,
  RE_PVALID_EXCEPTIONS
].map((regexp) => regexp.source).join("|"), "u");

// node_modules/typebox/build/format/idna/label/ascii.mjs
function IsAsciiLabel(value) {
  return RE_RULE_HYPHEN_PLACEMENT.test(value) && RE_RULE_NOT_RESERVED_ACE.test(value) && RE_ASCII_LDH.test(value);
}

// node_modules/typebox/build/format/idna/format/puny.mjs
var PUNYCODE_BASE = 36;
var PUNYCODE_TMIN = 1;
var PUNYCODE_TMAX = 26;
var PUNYCODE_SKEW = 38;
var PUNYCODE_DAMP = 700;
var PUNYCODE_INITIAL_BIAS = 72;
var PUNYCODE_INITIAL_N = 128;
function ThrowDontCare() {
  throw null;
}
function IsAcePrefixed(value) {
  return value.toLowerCase().startsWith("xn--");
}
function Adapt(delta, numPoints, firstTime) {
  delta = firstTime ? Math.floor(delta / PUNYCODE_DAMP) : delta >> 1;
  delta += Math.floor(delta / numPoints);
  let k = 0;
  while (delta > (PUNYCODE_BASE - PUNYCODE_TMIN) * PUNYCODE_TMAX >> 1) {
    delta = Math.floor(delta / (PUNYCODE_BASE - PUNYCODE_TMIN));
    k += PUNYCODE_BASE;
  }
  return k + Math.floor((PUNYCODE_BASE - PUNYCODE_TMIN + 1) * delta / (delta + PUNYCODE_SKEW));
}
function Decode2(value) {
  const output = [];
  let n = PUNYCODE_INITIAL_N;
  let i = 0;
  let bias = PUNYCODE_INITIAL_BIAS;
  const delimIdx = value.lastIndexOf("-");
  if (delimIdx > 0) {
    for (let j = 0; j < delimIdx; j++) {
      const cp = value.charCodeAt(j);
      if (cp >= 128)
        ThrowDontCare();
      output.push(cp);
    }
  }
  let inIdx = delimIdx < 0 ? 0 : delimIdx + 1;
  while (inIdx < value.length) {
    const oldi = i;
    let w = 1;
    let k = PUNYCODE_BASE;
    while (true) {
      if (inIdx >= value.length)
        ThrowDontCare();
      const ch = value.charCodeAt(inIdx++);
      let digit;
      if (ch >= 97 && ch <= 122)
        digit = ch - 97;
      else if (ch >= 48 && ch <= 57)
        digit = ch - 48 + 26;
      else
        ThrowDontCare();
      i += digit * w;
      const t = k <= bias ? PUNYCODE_TMIN : k >= bias + PUNYCODE_TMAX ? PUNYCODE_TMAX : k - bias;
      if (digit < t)
        break;
      w *= PUNYCODE_BASE - t;
      k += PUNYCODE_BASE;
    }
    const outLen = output.length + 1;
    bias = Adapt(i - oldi, outLen, oldi === 0);
    n += Math.floor(i / outLen);
    i %= outLen;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}
function DigitToChar(digit) {
  return digit < 26 ? String.fromCharCode(digit + 97) : String.fromCharCode(digit - 26 + 48);
}
var RE_REPLACE_NON_ASCII = new RegExp(RE_NON_ASCII.source, "gu");
function Encode2(input) {
  const basic = input.replace(RE_REPLACE_NON_ASCII, "");
  const basicLength = basic.length;
  const result = basicLength > 0 ? [basic, "-"] : [];
  const codePoints = Array.from(input, (char) => char.codePointAt(0));
  let n = PUNYCODE_INITIAL_N;
  let delta = 0;
  let bias = PUNYCODE_INITIAL_BIAS;
  let handledCPCount = basicLength;
  while (handledCPCount < codePoints.length) {
    let m = Infinity;
    for (const cp of codePoints) {
      if (cp >= n && cp < m)
        m = cp;
    }
    delta += (m - n) * (handledCPCount + 1);
    n = m;
    for (const cp of codePoints) {
      if (cp < n)
        delta++;
      if (cp === n) {
        let q = delta;
        for (let k = PUNYCODE_BASE; ; k += PUNYCODE_BASE) {
          const t = k <= bias ? PUNYCODE_TMIN : k >= bias + PUNYCODE_TMAX ? PUNYCODE_TMAX : k - bias;
          if (q < t)
            break;
          const digit = t + (q - t) % (PUNYCODE_BASE - t);
          result.push(DigitToChar(digit));
          q = Math.floor((q - t) / (PUNYCODE_BASE - t));
        }
        result.push(DigitToChar(q));
        bias = Adapt(delta, handledCPCount + 1, handledCPCount === basicLength);
        delta = 0;
        handledCPCount++;
      }
    }
    delta++;
    n++;
  }
  return result.join("");
}

// node_modules/typebox/build/format/idna/format/bidi.mjs
var RE_RTL_ALLOWED = /^(?:R|AL|AN|EN|ES|CS|ET|ON|BN|NSM)$/;
var RE_LTR_ALLOWED = /^(?:L|EN|ES|CS|ET|ON|BN|NSM)$/;
var RE_RTL_CLASSES = /^(?:R|AL|AN)$/;
function HasBidiChars(value) {
  if (IsAcePrefixed(value)) {
    try {
      return HasRightToLeftCharacters(Decode2(value.slice(4).toLowerCase()));
    } catch {
      return false;
    }
  }
  return HasRightToLeftCharacters(value);
}
function GetBidiClass(codePoint) {
  const char = String.fromCodePoint(codePoint);
  return RE_EUROPEAN_NUMBER.test(char) ? "EN" : RE_ARABIC_INDIC_DIGIT.test(char) ? "AN" : (
    // Pattern.RE_EUROPEAN_SEPARATOR.test(char) ? 'ES' : // (no-spec-coverage)
    // Pattern.RE_COMMON_SEPARATOR.test(char) ? 'CS' : // (no-spec-coverage)
    RE_MARK_NONSPACING.test(char) ? "NSM" : RE_SCRIPT_HEBREW.test(char) ? "R" : RE_SCRIPT_ARABIC_LETTER.test(char) ? "AL" : RE_LETTER.test(char) ? "L" : "ON"
  );
}
function HasRightToLeftCharacters(value) {
  for (const ch of value)
    if (RE_RTL_CLASSES.test(GetBidiClass(ch.codePointAt(0))))
      return true;
  return false;
}
function SatisfiesBidiRule(value) {
  let isRtl = false;
  let allowed = RE_LTR_ALLOWED;
  let sawEN = false;
  let sawAN = false;
  let isFirst = true;
  for (const ch of value) {
    const bidiClass = GetBidiClass(ch.codePointAt(0));
    if (isFirst) {
      if (bidiClass !== "L" && bidiClass !== "R" && bidiClass !== "AL")
        return false;
      isRtl = bidiClass === "R" || bidiClass === "AL";
      allowed = isRtl ? RE_RTL_ALLOWED : RE_LTR_ALLOWED;
      isFirst = false;
    }
    if (!allowed.test(bidiClass))
      return false;
    if (bidiClass === "EN")
      sawEN = true;
    else if (bidiClass === "AN")
      sawAN = true;
  }
  if (isRtl && sawEN && sawAN)
    return false;
  return true;
}

// node_modules/typebox/build/format/idna/label/unicode.mjs
function ExceedsMaxALabelLength(value) {
  return RE_NON_ASCII.test(value) && Encode2(value).length + 4 > 63;
}
function HasInvalidHyphens(chars) {
  if (chars[0] === "-" || chars[chars.length - 1] === "-")
    return true;
  return chars.slice(2).join("").startsWith("--");
}
function IsUnicodeLabel(value) {
  if (ExceedsMaxALabelLength(value))
    return false;
  if (HasRightToLeftCharacters(value) && !SatisfiesBidiRule(value))
    return false;
  const chars = [...value];
  const codePoints = chars.map((c) => c.codePointAt(0));
  const length = codePoints.length;
  if (HasInvalidHyphens(chars))
    return false;
  if (RE_COMBINING_MARK.test(chars[0]))
    return false;
  let hasJapanese = false;
  for (let i = 0; i < length; i++) {
    const codePoint = codePoints[i];
    const char = chars[i];
    if (RE_RFC5892_DISALLOWED.test(char))
      return false;
    if (!RE_PERMITTED_CATEGORY.test(char))
      return false;
    if (RE_SCRIPT_JAPANESE.test(char))
      hasJapanese = true;
    const prev = codePoints[i - 1], next = codePoints[i + 1];
    switch (codePoint) {
      case 183:
        if (prev !== 108 || next !== 108)
          return false;
        break;
      // MIDDLE DOT (Catalan)
      case 885:
        if (!next || !RE_SCRIPT_GREEK.test(chars[i + 1]))
          return false;
        break;
      // Greek KERAIA
      case 1523:
      case 1524:
        if (!prev || !RE_SCRIPT_HEBREW.test(chars[i - 1]))
          return false;
        break;
      // Hebrew GERESH
      case 8204:
        if (!prev || prev < 128 && !RE_VIRAMA.test(chars[i - 1]))
          return false;
        break;
      case 8205:
        if (!prev || !RE_VIRAMA.test(chars[i - 1]))
          return false;
        break;
      case 12539:
        break;
    }
  }
  if (value.includes("\u30FB") && !hasJapanese)
    return false;
  return true;
}

// node_modules/typebox/build/format/idna/label/puny.mjs
function IsPunyLabel(value) {
  if (!IsAcePrefixed(value))
    return false;
  try {
    const body = value.slice(4).toLowerCase();
    if (body.lastIndexOf("-") === 0)
      return false;
    const decoded = Decode2(body);
    if (!RE_NON_ASCII.test(decoded))
      return false;
    return IsUnicodeLabel(decoded);
  } catch {
    return false;
  }
}

// node_modules/typebox/build/format/idna/hostname.mjs
function IsValidLabelLength(value) {
  return value.length > 0 && value.length <= 63;
}
function IsLabel(value) {
  return IsValidLabelLength(value) && (IsPunyLabel(value) || IsAsciiLabel(value));
}
function IsHostname(value) {
  if (value.length === 0 || value.length > 253)
    return false;
  if (value.charCodeAt(value.length - 1) === 46)
    return false;
  return value.split(".").every((label) => IsLabel(label));
}

// node_modules/typebox/build/format/idna/idn-hostname.mjs
function IsValidLabelLength2(value) {
  return value.length > 0 && value.length <= 63;
}
function IsLabel2(value) {
  return IsValidLabelLength2(value) && (IsPunyLabel(value) || IsUnicodeLabel(value));
}
function NormalizeHostname(value) {
  return value.replace(/[\uff01-\uff5e]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 65248)).normalize("NFC").replace(/[\u00ad\u034f\u180b-\u180d\u200b\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/gu, "").replace(/[\u002E\u3002\uFF0E\uFF61]/g, ".");
}
function IsIdnHostname(value) {
  if (value.length === 0 || value.includes(" "))
    return false;
  const normalized = NormalizeHostname(value);
  if (normalized.length > 253)
    return false;
  const labels = normalized.split(".");
  const hasBidiChars = labels.some((label) => HasBidiChars(label));
  return labels.every((label) => IsLabel2(label) && (!hasBidiChars || SatisfiesBidiRule(label)));
}

// node_modules/typebox/build/format/hostname.mjs
function IsHostname2(value) {
  return IsHostname(value);
}

// node_modules/typebox/build/format/idn_email.mjs
var IdnEmail = /^(?:[A-Za-z0-9!#$%&'*+\/=?^_`{|}~\u{0080}-\u{10FFFF}-]+(?:\.[A-Za-z0-9!#$%&'*+\/=?^_`{|}~\u{0080}-\u{10FFFF}-]+)*|"(?:[^"\\]|\\.)*")@[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62})(?<!-)(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62})(?<!-))*$/iu;
function IsIdnEmail(value) {
  return IdnEmail.test(value.normalize("NFC"));
}

// node_modules/typebox/build/format/idn_hostname.mjs
function IsIdnHostname2(value) {
  return IsIdnHostname(value);
}

// node_modules/typebox/build/format/ipv4.mjs
var IPv4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
function IsIPv4(value) {
  return IPv4.test(value);
}

// node_modules/typebox/build/format/ipv6.mjs
var IPv6 = /^(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:)?[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)$/i;
function IsIPv6(value) {
  return IPv6.test(value);
}

// node_modules/typebox/build/format/iri_reference.mjs
var InvalidIriChars = /[\x00-\x20\x7F\\]|%(?![0-9a-fA-F]{2})/;
var MalformedScheme = /^[a-zA-Z][a-zA-Z0-9+\-.]*\/\//;
function IsIriReference(value) {
  return !InvalidIriChars.test(value) && !MalformedScheme.test(value) && URL.canParse(value, "http://example.com");
}

// node_modules/typebox/build/format/iri.mjs
var InvalidIriChars2 = /[\x00-\x20<>\^`{|}\\]/;
var InvalidPercentEncoding = /%(?![0-9a-fA-F]{2})/;
function IsIri(value) {
  if (InvalidIriChars2.test(value))
    return false;
  if (InvalidPercentEncoding.test(value))
    return false;
  return URL.canParse(value);
}

// node_modules/typebox/build/format/json_pointer_uri_fragment.mjs
var JsonPointerUriFragment = /^#(?:\/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$/i;
function IsJsonPointerUriFragment(value) {
  return JsonPointerUriFragment.test(value);
}

// node_modules/typebox/build/format/json_pointer.mjs
var JsonPointer = /^(?:\/(?:[^~/]|~0|~1)*)*$/;
function IsJsonPointer(value) {
  return JsonPointer.test(value);
}

// node_modules/typebox/build/format/regex.mjs
function IsRegex(value) {
  try {
    new RegExp(value, "u");
    return true;
  } catch {
    return false;
  }
}

// node_modules/typebox/build/format/relative_json_pointer.mjs
var RelativeJsonPointer = /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/;
function IsRelativeJsonPointer(value) {
  return RelativeJsonPointer.test(value);
}

// node_modules/typebox/build/format/uri_reference.mjs
var UriReference = /^(?:[a-z][a-z0-9+\-.]*:(?:\/\/(?:(?:[-a-z0-9._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:[\da-f]{1,4}:){6}(?:[\da-f]{1,4}:[\da-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))|::(?:[\da-f]{1,4}:){5}(?:[\da-f]{1,4}:[\da-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))|(?:[\da-f]{1,4})?::(?:[\da-f]{1,4}:){4}(?:[\da-f]{1,4}:[\da-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))|(?:(?:[\da-f]{1,4}:){0,1}[\da-f]{1,4})?::(?:[\da-f]{1,4}:){3}(?:[\da-f]{1,4}:[\da-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))|(?:(?:[\da-f]{1,4}:){0,2}[\da-f]{1,4})?::(?:[\da-f]{1,4}:){2}(?:[\da-f]{1,4}:[\da-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))|(?:(?:[\da-f]{1,4}:){0,3}[\da-f]{1,4})?::[\da-f]{1,4}:(?:[\da-f]{1,4}:[\da-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))|(?:(?:[\da-f]{1,4}:){0,4}[\da-f]{1,4})?::(?:[\da-f]{1,4}:[\da-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))|(?:(?:[\da-f]{1,4}:){0,5}[\da-f]{1,4})?::[\da-f]{1,4}|(?:(?:[\da-f]{1,4}:){0,6}[\da-f]{1,4})?::)|v[0-9a-f]+\.[-a-z0-9._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)|(?:[-a-z0-9._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[-a-z0-9._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[-a-z0-9._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[-a-z0-9._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[-a-z0-9._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[-a-z0-9._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:\/\/(?:(?:[-a-z0-9._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:[\da-f]{1,4}:){6}(?:[\da-f]{1,4}:[\da-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))|::(?:[\da-f]{1,4}:){5}(?:[\da-f]{1,4}:[\da-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))|(?:[\da-f]{1,4})?::(?:[\da-f]{1,4}:){4}(?:[\da-f]{1,4}:[\da-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))|(?:(?:[\da-f]{1,4}:){0,1}[\da-f]{1,4})?::(?:[\da-f]{1,4}:){3}(?:[\da-f]{1,4}:[\da-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))|(?:(?:[\da-f]{1,4}:){0,2}[\da-f]{1,4})?::(?:[\da-f]{1,4}:){2}(?:[\da-f]{1,4}:[\da-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))|(?:(?:[\da-f]{1,4}:){0,3}[\da-f]{1,4})?::[\da-f]{1,4}:(?:[\da-f]{1,4}:[\da-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))|(?:(?:[\da-f]{1,4}:){0,4}[\da-f]{1,4})?::(?:[\da-f]{1,4}:[\da-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))|(?:(?:[\da-f]{1,4}:){0,5}[\da-f]{1,4})?::[\da-f]{1,4}|(?:(?:[\da-f]{1,4}:){0,6}[\da-f]{1,4})?::)|v[0-9a-f]+\.[-a-z0-9._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)|(?:[-a-z0-9._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[-a-z0-9._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[-a-z0-9._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[-a-z0-9._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[-a-z0-9._~!$&'()*+,;=@]|%[0-9a-f]{2})+(?:\/(?:[-a-z0-9._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?)(?:\?(?:[-a-z0-9._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[-a-z0-9._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
function IsUriReference(value) {
  return UriReference.test(value);
}

// node_modules/typebox/build/format/uri_template.mjs
var UriTemplate = /^(?:(?:[^\x00-\x20"<>%\\^`{|}\x7f]|%[0-9a-f]{2})|\{[+#./;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+(?:\.(?:[a-z0-9_]|%[0-9a-f]{2})+)*(?::[1-9]\d{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?:\.(?:[a-z0-9_]|%[0-9a-f]{2})+)*(?::[1-9]\d{0,3}|\*)?)*\})*$/i;
function IsUriTemplate(value) {
  return UriTemplate.test(value);
}

// node_modules/typebox/build/format/uri.mjs
var Uri = /^[a-z][a-z0-9+\-.]*:(?:\/\/(?:(?:[-a-z0-9._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:[\da-f]{1,4}:){6}(?:[\da-f]{1,4}:[\da-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))|::(?:[\da-f]{1,4}:){5}(?:[\da-f]{1,4}:[\da-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))|(?:[\da-f]{1,4})?::(?:[\da-f]{1,4}:){4}(?:[\da-f]{1,4}:[\da-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))|(?:(?:[\da-f]{1,4}:){0,1}[\da-f]{1,4})?::(?:[\da-f]{1,4}:){3}(?:[\da-f]{1,4}:[\da-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))|(?:(?:[\da-f]{1,4}:){0,2}[\da-f]{1,4})?::(?:[\da-f]{1,4}:){2}(?:[\da-f]{1,4}:[\da-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))|(?:(?:[\da-f]{1,4}:){0,3}[\da-f]{1,4})?::[\da-f]{1,4}:(?:[\da-f]{1,4}:[\da-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))|(?:(?:[\da-f]{1,4}:){0,4}[\da-f]{1,4})?::(?:[\da-f]{1,4}:[\da-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))|(?:(?:[\da-f]{1,4}:){0,5}[\da-f]{1,4})?::[\da-f]{1,4}|(?:(?:[\da-f]{1,4}:){0,6}[\da-f]{1,4})?::)|v[0-9a-f]+\.[-a-z0-9._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)|(?:[-a-z0-9._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[-a-z0-9._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[-a-z0-9._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[-a-z0-9._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[-a-z0-9._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[-a-z0-9._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?(?:\?(?:[-a-z0-9._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[-a-z0-9._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
function IsUri(value) {
  return Uri.test(value);
}

// node_modules/typebox/build/format/url.mjs
function IsUrl(value) {
  return URL.canParse(value);
}

// node_modules/typebox/build/format/_registry.mjs
var formats = /* @__PURE__ */ new Map();
function Clear() {
  formats.clear();
}
function Entries2() {
  return [...formats.entries()];
}
function Set3(format, check) {
  formats.set(format, check);
}
function Has(format) {
  return formats.has(format);
}
function Get3(format) {
  return formats.get(format);
}
function Test(format, value) {
  return formats.get(format)?.(value) ?? true;
}
function Reset2() {
  Clear();
  formats.set("date-time", IsDateTime);
  formats.set("date", IsDate2);
  formats.set("duration", IsDuration);
  formats.set("email", IsEmail);
  formats.set("hostname", IsHostname2);
  formats.set("idn-email", IsIdnEmail);
  formats.set("idn-hostname", IsIdnHostname2);
  formats.set("ipv4", IsIPv4);
  formats.set("ipv6", IsIPv6);
  formats.set("iri-reference", IsIriReference);
  formats.set("iri", IsIri);
  formats.set("json-pointer-uri-fragment", IsJsonPointerUriFragment);
  formats.set("json-pointer", IsJsonPointer);
  formats.set("regex", IsRegex);
  formats.set("relative-json-pointer", IsRelativeJsonPointer);
  formats.set("time", IsTime);
  formats.set("uri-reference", IsUriReference);
  formats.set("uri-template", IsUriTemplate);
  formats.set("uri", IsUri);
  formats.set("url", IsUrl);
  formats.set("uuid", IsUuid);
}
Reset2();

export {
  guard_exports,
  globals_exports,
  guard_default,
  Get,
  settings_exports,
  memory_exports,
  IsSchema,
  _Array_,
  IsArray2 as IsArray,
  ArrayOptions,
  IsConstructor2 as IsConstructor,
  IsFunction2 as IsFunction,
  Ref,
  IsRef,
  IsNever,
  IsOptional,
  _Object_,
  IsObject2 as IsObject,
  Unknown,
  IsCyclic,
  arguments_exports,
  IsEnum,
  Intersect,
  IsIntersect,
  Unreachable,
  hash_exports,
  Get2,
  IsCodec,
  IsRefine,
  IsBigInt2 as IsBigInt,
  IsBoolean3 as IsBoolean,
  IsInteger2 as IsInteger,
  Literal,
  IsLiteralBigInt,
  IsLiteralBoolean,
  IsLiteralNumber,
  IsLiteralString,
  IsLiteral,
  IsNull2 as IsNull,
  IsNumber3 as IsNumber,
  IsSymbol2 as IsSymbol,
  String2 as String,
  IsString3 as IsString,
  Union,
  IsUnion,
  TemplateLiteralDecode,
  Tuple,
  IsTuple,
  Flatten,
  Record,
  RecordPattern,
  RecordValue,
  IsRecord,
  IsUndefined2 as IsUndefined,
  IsVoid,
  IsTemplateLiteral,
  With2 as With,
  Instantiate,
  Evaluate,
  Priority,
  typebox_exports,
  IsUuid,
  format_exports,
  unstorableValue,
  COMMAND_CONNECT_TIMEOUT_MS,
  createPrismaClient,
  servicePrismaClient,
  prismaDatabase,
  prismaNamespace_exports,
  PrismaClient,
  HOLIDAY_CALENDAR,
  LIMITS,
  CATEGORY_NAME_PATTERN,
  DayOpening,
  Place,
  SearchAnswer,
  SearchQuery,
  PlaceParams,
  OpenIntervalsQuery,
  OpenIntervalsAnswer,
  BatchBody,
  BatchAnswer,
  CandidatesBody,
  CandidatesAnswer,
  PlaceRecord,
  RemovedPlace,
  isCalendarDate,
  addDays,
  daysBetween,
  placeToday,
  mondayOf,
  OPENING_EVALUATION,
  openingHoursProblem,
  weeklyHours,
  dayOpenings
};
