/** The largest file an import accepts, in bytes. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** The most people (CSV rows or vCards) one import takes. */
export const MAX_IMPORT_ROWS = 50_000;
/** More columns than this is not a contact list. */
export const MAX_IMPORT_COLUMNS = 300;
