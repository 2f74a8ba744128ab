export { CSV_BOM, csvCell, formatCsvNumber, toCsv } from "./csv";
export { contentDisposition, csvResponse, downloadResponse, xlsxResponse, CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE } from "./response";
export { cellOf, type Cell, type ExportColumn } from "./types";
export { sheetName, toXlsx, type XlsxSheet } from "./xlsx";
