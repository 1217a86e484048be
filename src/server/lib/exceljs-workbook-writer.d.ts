// exceljs's streaming writer on its own (exceljs 4.4 is pinned; it has no "exports" map, so the
// file is importable): the whole package also loads its readers, CSV and unzip code, ~5 MB more
// of a server's memory for nothing an export uses.
declare module 'exceljs/lib/stream/xlsx/workbook-writer.js' {
  import type ExcelJS from 'exceljs';

  const WorkbookWriter: typeof ExcelJS.stream.xlsx.WorkbookWriter;
  export default WorkbookWriter;
}
