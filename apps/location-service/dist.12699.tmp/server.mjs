import {
  serviceMain
} from "./chunk-7XMMFGQW.mjs";
import "./chunk-JT54J6WX.mjs";
import {
  LOCATION_COMMANDS
} from "./chunk-ZR3UZUN5.mjs";
import "./chunk-7P6ASYW6.mjs";

// apps/location-service/src/server.ts
import { fileURLToPath } from "node:url";
var serviceDir = fileURLToPath(new URL("..", import.meta.url));
var commandModule = (name) => (import.meta.url.endsWith(".ts") ? new URL(`./cli/${name}-command.ts`, import.meta.url) : new URL(`./${name}-command.mjs`, import.meta.url)).href;
await serviceMain({
  service: "location",
  migrationsDir: fileURLToPath(new URL("../prisma/migrations", import.meta.url)),
  build: async () => (await import("./chunk-PTDCYUN7.mjs")).buildLocationService(),
  commands: {
    [LOCATION_COMMANDS.loadPlaces]: {
      args: "[file.json ...]",
      failed: "place load failed",
      run: async (args) => (await import(commandModule(LOCATION_COMMANDS.loadPlaces))).loadPlacesCommand(args, serviceDir)
    }
  }
});
