// Imports: box lists and retention schedules brought in from the spreadsheets departments already keep.
// (Calls are added here as the import feature lands; the map is spread into the one API contract.)
export const importContract = {} as const;
