// GENERATED from src/core/error_codes.h by tools/gen_error_codes.cpp: do not edit.
// Regenerate with `build/gen_error_codes web/protocol/error_codes.js`; a ctest fails when stale.
// The error codes of the engine and of the worker, one list for the page, the worker and
// the embed module.

/**
 * @typedef {'E_BAD_OPTION'|'E_STATE'|'E_NO_SESSION'|'E_EMPTY_FILE'|'E_NO_ROWS'
 *   |'E_NO_USABLE_ROWS'|'E_NO_CUSTOMER_COLUMN'|'E_NO_DATE_COLUMN'|'E_NO_AMOUNT_COLUMN'
 *   |'E_UNKNOWN_COLUMN'|'E_SPREADSHEET_FILE'|'E_UTF16_FILE'|'E_BINARY_FILE'|'E_UNTERMINATED_QUOTE'
 *   |'E_RECORD_TOO_LONG'|'E_TOO_MANY_COLUMNS'|'E_AMAZON_ALL_ORDERS'|'E_MIXED_ENCODING'
 *   |'E_NO_PURCHASES'|'E_NO_MEMBER_ID_COLUMN'|'E_PREDICT_OPTION'|'E_PREDICT_RANGE'
 *   |'E_PREDICT_CALIBRATION_END'|'E_PREDICT_NO_PURCHASES'|'E_CONSUMPTION_COLUMNS'
 *   |'E_CONSUMPTION_ROW'|'E_CONSUMPTION_DAYS'|'E_CONSUMPTION_DUPLICATE'|'E_OUT_OF_MEMORY'
 *   |'E_FILE_TOO_LARGE'|'E_INTERNAL'|'E_OPEN'|'E_READ'|'E_WRITE'|'E_CANCELLED'|'E_WORKER_CRASHED'
 *   |'E_DISPOSED'|'E_BAD_INPUT'|'E_BAD_REQUEST'|'E_NO_INPUT'} ErrorCodeName
 */

/** @type {Readonly<{[K in ErrorCodeName]: K}>} */
export const ErrorCode = Object.freeze({
  /** an option has the wrong type or an unknown value (engine) */
  E_BAD_OPTION: 'E_BAD_OPTION',
  /** calls out of order (feed before begin, report before finish) (engine) */
  E_STATE: 'E_STATE',
  /** an engine call before begin() (wasm) */
  E_NO_SESSION: 'E_NO_SESSION',
  /** the file is empty (engine) */
  E_EMPTY_FILE: 'E_EMPTY_FILE',
  /** the file has no data rows (engine) */
  E_NO_ROWS: 'E_NO_ROWS',
  /** no row could be used; input.excluded says why (engine) */
  E_NO_USABLE_ROWS: 'E_NO_USABLE_ROWS',
  /** no customer column was found or mapped (engine) */
  E_NO_CUSTOMER_COLUMN: 'E_NO_CUSTOMER_COLUMN',
  /** no date column was found or mapped (engine) */
  E_NO_DATE_COLUMN: 'E_NO_DATE_COLUMN',
  /** no amount column, nor quantity and unit price (engine) */
  E_NO_AMOUNT_COLUMN: 'E_NO_AMOUNT_COLUMN',
  /** a column mapping names a column the file does not have (engine) */
  E_UNKNOWN_COLUMN: 'E_UNKNOWN_COLUMN',
  /** an .xlsx/.xls spreadsheet, not a CSV (engine) */
  E_SPREADSHEET_FILE: 'E_SPREADSHEET_FILE',
  /** a UTF-16 text file; save it as UTF-8 CSV (engine) */
  E_UTF16_FILE: 'E_UTF16_FILE',
  /** binary data, not a text table (engine) */
  E_BINARY_FILE: 'E_BINARY_FILE',
  /** a quoted field is never closed (engine) */
  E_UNTERMINATED_QUOTE: 'E_UNTERMINATED_QUOTE',
  /** one row is longer than the row size limit (engine) */
  E_RECORD_TOO_LONG: 'E_RECORD_TOO_LONG',
  /** a row has more columns than the column limit (engine) */
  E_TOO_MANY_COLUMNS: 'E_TOO_MANY_COLUMNS',
  /** an Amazon All Orders report, which has no buyer column (engine) */
  E_AMAZON_ALL_ORDERS: 'E_AMAZON_ALL_ORDERS',
  /** UTF-8 and GBK lines in one file; one would be garbled (engine) */
  E_MIXED_ENCODING: 'E_MIXED_ENCODING',
  /** every order is a return (negative amount) (engine) */
  E_NO_PURCHASES: 'E_NO_PURCHASES',
  /** a member list has no member id column (engine) */
  E_NO_MEMBER_ID_COLUMN: 'E_NO_MEMBER_ID_COLUMN',
  /** a prediction option has a wrong value (engine) */
  E_PREDICT_OPTION: 'E_PREDICT_OPTION',
  /** purchase dates span too long a time to model (engine) */
  E_PREDICT_RANGE: 'E_PREDICT_RANGE',
  /** no customer bought on or before the calibration end (engine) */
  E_PREDICT_CALIBRATION_END: 'E_PREDICT_CALIBRATION_END',
  /** no purchases to model (engine) */
  E_PREDICT_NO_PURCHASES: 'E_PREDICT_NO_PURCHASES',
  /** the consumption table has no product or no days-per-unit column (engine) */
  E_CONSUMPTION_COLUMNS: 'E_CONSUMPTION_COLUMNS',
  /** a consumption table row lacks its product or its days per unit (engine) */
  E_CONSUMPTION_ROW: 'E_CONSUMPTION_ROW',
  /** a consumption table's days per unit is not a positive number (engine) */
  E_CONSUMPTION_DAYS: 'E_CONSUMPTION_DAYS',
  /** a product is twice in the consumption table with other days (engine) */
  E_CONSUMPTION_DUPLICATE: 'E_CONSUMPTION_DUPLICATE',
  /** the engine ran out of memory (wasm web) */
  E_OUT_OF_MEMORY: 'E_OUT_OF_MEMORY',
  /** the input would not fit in one engine's memory (web) */
  E_FILE_TOO_LARGE: 'E_FILE_TOO_LARGE',
  /** an unexpected failure (a bug) (wasm cli web) */
  E_INTERNAL: 'E_INTERNAL',
  /** a file cannot be opened (cli) */
  E_OPEN: 'E_OPEN',
  /** a file cannot be read (cli) */
  E_READ: 'E_READ',
  /** a file cannot be written (cli) */
  E_WRITE: 'E_WRITE',
  /** the user or the host cancelled the request (web) */
  E_CANCELLED: 'E_CANCELLED',
  /** the worker stopped unexpectedly (web) */
  E_WORKER_CRASHED: 'E_WORKER_CRASHED',
  /** the analyzer was disposed (web) */
  E_DISPOSED: 'E_DISPOSED',
  /** the input is not a File, Blob, ArrayBuffer or string (web) */
  E_BAD_INPUT: 'E_BAD_INPUT',
  /** the worker got a request type it does not know (web) */
  E_BAD_REQUEST: 'E_BAD_REQUEST',
  /** no file was given (web) */
  E_NO_INPUT: 'E_NO_INPUT',
});

/** Every code, in registry order. @type {readonly ErrorCodeName[]} */
export const ERROR_CODES = Object.freeze(/** @type {ErrorCodeName[]} */ (Object.keys(ErrorCode)));
