export { createExcelPort } from "./excelPort";
export { checkRequirements } from "./requirements";
export { canOpenNewWorkbook, openAsNewWorkbook } from "./newWorkbook";
