import {
  EARLY_REFRESH_FRACTION,
  ENTRA_ASK_TIMEOUT_MS,
  entraTokenOutageSeconds,
  logEntraTokensTo,
  longestOutageSeconds,
  watchEntraTokens
} from "./chunk-Y3HIP7UB.mjs";
import "./chunk-JM6ARQPD.mjs";
import "./chunk-ZR3UZUN5.mjs";
import "./chunk-7P6ASYW6.mjs";
export {
  EARLY_REFRESH_FRACTION,
  ENTRA_ASK_TIMEOUT_MS,
  entraTokenOutageSeconds,
  logEntraTokensTo,
  longestOutageSeconds,
  watchEntraTokens
};
