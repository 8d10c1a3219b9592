import { useTranslation } from 'react-i18next';
import type { EscalationLevel, FigureKey, OrderStatus, SupervisionColour } from '@tongban/contracts';

/** The module's words for codes (figures, colours, 督办单 states, levels, channels) in the UI language. */
export function useLabels() {
  const { t, i18n } = useTranslation();
  return {
    figure: (k: FigureKey) => t(`supervision.figureNames.${k}`),
    colour: (c: SupervisionColour) => t(`supervision.colours.${c}`),
    orderStatus: (s: OrderStatus) => t(`supervision.orderStatus.${s}`),
    level: (l: EscalationLevel) => t(`supervision.levels.${l}`),
    channel: (c: string) => t(`supervision.channels.${c}`, { defaultValue: c }),
    cases: t('supervision.units.cases'),
    locale: i18n.language?.startsWith('en') ? 'en-GB' : 'zh-CN',
  };
}
