// apps/service-kit/src/data/adapter-error.ts
var QUERY_READ_TIMEOUT = "Query read timeout";
var driverAdapterCause = (err) => err?.meta?.driverAdapterError?.cause;
var DEPENDS_ON_OTHER_ROWS = /* @__PURE__ */ new Set(["23505", "23503", "23001", "23P01"]);
var refusedDataSqlState = (err) => {
  const code = driverAdapterCause(err)?.originalCode;
  if (typeof code !== "string") return void 0;
  if (code.startsWith("22")) return code;
  return code.startsWith("23") && !DEPENDS_ON_OTHER_ROWS.has(code) ? code : void 0;
};

export {
  QUERY_READ_TIMEOUT,
  driverAdapterCause,
  refusedDataSqlState
};
