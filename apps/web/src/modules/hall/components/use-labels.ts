import { useTranslation } from 'react-i18next';
import {
  APPOINTMENT_STATUS_LABELS,
  NOTICE_STATUS_LABELS,
  PATROL_PROBLEM_LABELS,
  TICKET_PRIORITY_LABELS,
  TICKET_STATUS_LABELS,
} from '@tongban/contracts';

const LABELS = {
  appointment: APPOINTMENT_STATUS_LABELS,
  priority: TICKET_PRIORITY_LABELS,
  ticket: TICKET_STATUS_LABELS,
  problem: PATROL_PROBLEM_LABELS,
  notice: NOTICE_STATUS_LABELS,
} as const;

/**
 * The hall's enumerations in the chosen language: the Chinese wording is the contracts' (one source
 * for screens, documents and the server); other languages translate it under `hall.enum.<kind>`.
 */
export function useHallLabel() {
  const { t } = useTranslation();
  return <K extends keyof typeof LABELS>(kind: K, value: keyof (typeof LABELS)[K] & string): string => {
    const zh = (LABELS[kind] as Record<string, string>)[value] ?? value;
    return t(`hall.enum.${kind}.${value}`, { defaultValue: zh });
  };
}
