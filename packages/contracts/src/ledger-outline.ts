import { z } from 'zod';
import { LedgerInspectionKind, LedgerMeasureKind } from './ledger';

/**
 * What the ledger's importer reads from a 反馈意见 / 整改通报 text (server ledger-outline.parser.ts):
 * the reply of `POST /api/ledger/import/text` and `/import/docx` beside the editable draft.
 */

/** `YYYY-MM-DD`, or `YYYY-MM` when the text only names a month (e.g. "9月下旬"). */
export const PartialIsoDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/);

export const ParsedInspection = z.object({
  kind: LedgerInspectionKind.optional(),
  title: z.string().optional(),
  team: z.string().optional(),
  inspectedUnit: z.string().optional(),
  periodStart: PartialIsoDate.optional(),
  periodEnd: PartialIsoDate.optional(),
  feedbackDate: PartialIsoDate.optional(),
  /** The opening paragraph the fields above were read from. */
  opening: z.string().optional(),
});
export type ParsedInspection = z.infer<typeof ParsedInspection>;

/**
 * How sure the parser is of an element's place (0..1): high when the text says what it is (方面,
 * 关于…问题, 问题表现/整改情况 labels, 一是… enumerations), lower when only nesting or numbering
 * decided it. The draft editor highlights the low ones.
 */
export const Confidence = z.number().min(0).max(1);

export const ParsedCategory = z.object({
  /** Stable within one parse: the chain of labels, e.g. "二、/（一）". */
  key: z.string(),
  label: z.string(),
  title: z.string(),
  parentKey: z.string().optional(),
  depth: z.number().int().min(0),
  line: z.number().int().positive(),
  confidence: Confidence,
});
export type ParsedCategory = z.infer<typeof ParsedCategory>;

export const ParsedMeasure = z.object({
  content: z.string(),
  leader: z.string().optional(),
  department: z.string().optional(),
  deadlineText: z.string().optional(),
  dueDate: PartialIsoDate.optional(),
  kind: LedgerMeasureKind.optional(),
  line: z.number().int().positive(),
  /** Every source line the content was read from. */
  lines: z.array(z.number().int().positive()),
  confidence: Confidence,
});
export type ParsedMeasure = z.infer<typeof ParsedMeasure>;

export const ParsedFinding = z.object({
  key: z.string(),
  label: z.string(),
  number: z.number().int().optional(),
  title: z.string(),
  /** 问题表现. */
  description: z.string(),
  categoryKey: z.string().optional(),
  /** 整改结果及成效, when the text states it apart from the measures. */
  result: z.string().optional(),
  measures: z.array(ParsedMeasure),
  line: z.number().int().positive(),
  /** The heading's line and those of its 问题表现. */
  lines: z.array(z.number().int().positive()),
  confidence: Confidence,
});
export type ParsedFinding = z.infer<typeof ParsedFinding>;

export const UnplacedLine = z.object({
  line: z.number().int().positive(),
  text: z.string(),
  reason: z.string(),
});
export type UnplacedLine = z.infer<typeof UnplacedLine>;

export const ParsedOutline = z.object({
  /** 'report' when the text reports what was done (整改情况); 'feedback' when it only lists problems. */
  genre: z.enum(['report', 'feedback']),
  inspection: ParsedInspection,
  categories: z.array(ParsedCategory),
  findings: z.array(ParsedFinding),
  narratives: z.object({ workDone: z.string(), leads: z.string(), nextSteps: z.string() }),
  contact: z.object({
    phone: z.string().optional(),
    email: z.string().optional(),
    address: z.string().optional(),
    postcode: z.string().optional(),
  }),
  signature: z.string().optional(),
  reportDate: PartialIsoDate.optional(),
  unplaced: z.array(UnplacedLine),
  warnings: z.array(z.string()),
});
export type ParsedOutline = z.infer<typeof ParsedOutline>;

/**
 * The importer's proposal, in the shape `POST /api/ledger/drafts` takes but not yet checked against
 * it (a title may be too long, a team missing): the reviewer edits it, then saves.
 */
const ProposalSource = z.object({ line: z.number(), text: z.string(), confidence: z.number() });
export const LedgerDraftProposal = z.object({
  inspection: z.object({
    kind: LedgerInspectionKind,
    team: z.string(),
    inspectedUnit: z.string(),
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    feedbackDate: z.string().nullable(),
    contactPhone: z.string(),
    contactEmail: z.string(),
    contactAddress: z.string(),
  }),
  categories: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      parentKey: z.string().nullable(),
      source: ProposalSource,
    }),
  ),
  findings: z.array(
    z.object({
      title: z.string(),
      description: z.string(),
      categoryKey: z.string().nullable(),
      source: ProposalSource,
      measures: z.array(
        z.object({
          content: z.string(),
          leader: z.string(),
          departmentId: z.string().nullable(),
          dueDate: z.string().nullable(),
          kind: LedgerMeasureKind,
          source: ProposalSource,
        }),
      ),
    }),
  ),
  narratives: z.object({ workDone: z.string(), nextSteps: z.string() }),
});
export type LedgerDraftProposal = z.infer<typeof LedgerDraftProposal>;

/** `POST /api/ledger/import/text` and `/import/docx`: what was read, and the draft to review (nothing saved). */
export const LedgerImportResult = z.object({ outline: ParsedOutline, draft: LedgerDraftProposal });
export type LedgerImportResult = z.infer<typeof LedgerImportResult>;
