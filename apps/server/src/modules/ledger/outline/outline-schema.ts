import {
  DRAFT_LOW_CONFIDENCE,
  LEDGER_INSPECTION_KIND_LABELS,
  LedgerInspectionKind,
  LedgerMeasureKind,
} from '@tongban/contracts';

// The parsed outline is part of the import reply, so its schemas live in packages/contracts.
export {
  Confidence,
  ParsedCategory,
  ParsedFinding,
  ParsedInspection,
  ParsedMeasure,
  ParsedOutline,
  PartialIsoDate,
  UnplacedLine,
} from '@tongban/contracts';

export const InspectionKind = LedgerInspectionKind;
export type InspectionKind = LedgerInspectionKind;
export const inspectionKindLabels = LEDGER_INSPECTION_KIND_LABELS;

export const MeasureKind = LedgerMeasureKind;
export type MeasureKind = LedgerMeasureKind;

/** Below this the draft editor marks an element 待核对. */
export const LOW_CONFIDENCE = DRAFT_LOW_CONFIDENCE;
