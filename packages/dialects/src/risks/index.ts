export { classifyRisks } from "./classify-risks";
export type { RiskRules } from "./risk-rules";
export { enumValuesOf } from "./enum-values";
