export { createExcelPort } from "./excelPort";
export { checkRequirements } from "./requirements";
