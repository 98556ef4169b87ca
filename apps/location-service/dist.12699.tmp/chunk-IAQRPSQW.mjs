import {
  POSTGRES_ENTRA_SCOPE,
  databasePassword,
  entraTokenPassword,
  poolConfigWithPassword
} from "./chunk-DSRFBFTF.mjs";
import "./chunk-7P6ASYW6.mjs";
export {
  POSTGRES_ENTRA_SCOPE,
  databasePassword,
  entraTokenPassword,
  poolConfigWithPassword
};
