import {
  azureCredentialFromEnv
} from "./chunk-FE36DOYW.mjs";
import "./chunk-7P6ASYW6.mjs";
export {
  azureCredentialFromEnv
};
