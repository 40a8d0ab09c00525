// Transfers: packaging boxes for a records center (manifest, receipt, labels) and following them there.
// (Calls are added here as the transfer feature lands; the map is spread into the one API contract.)
export const transferContract = {} as const;
