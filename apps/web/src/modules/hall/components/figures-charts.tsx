import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HallFigures } from '@tongban/contracts';
import { EChart } from '../../../app/components/echart';

/** Waiting time by hour (one line per item group) and work done per window, as charts. */
export function WaitingChart({ figures }: { figures: HallFigures }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const hours = [...new Set(figures.waitingByGroupHour.map((r) => r.hour))].sort((a, b) => a - b);
    const groups = [...new Map(figures.waitingByGroupHour.map((r) => [r.groupId, r.groupName])).entries()];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: hours.map((h) => `${h}:00`) },
      yAxis: { type: 'value', name: t('hall.figures.minutesAxis') },
      series: groups.flatMap(([id, name]) => {
        const at = (h: number) => figures.waitingByGroupHour.find((r) => r.groupId === id && r.hour === h);
        return [
          {
            type: 'line',
            name: `${name} ${t('hall.figures.mean')}`,
            data: hours.map((h) => {
              const r = at(h);
              return r ? Math.round(r.meanSeconds / 6) / 10 : null;
            }),
          },
          {
            type: 'line',
            lineStyle: { type: 'dashed' },
            name: `${name} P90`,
            data: hours.map((h) => {
              const r = at(h);
              return r ? Math.round(r.p90Seconds / 6) / 10 : null;
            }),
          },
        ];
      }),
    };
  }, [figures, t]);
  if (figures.waitingByGroupHour.length === 0) return null;
  return <EChart option={option} height={260} testId="hall-waiting-chart" />;
}

export function ServedChart({ figures }: { figures: HallFigures }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 16, bottom: 28 },
      xAxis: { type: 'category', data: figures.servedByWindow.map((w) => w.windowNumber) },
      yAxis: { type: 'value', minInterval: 1, name: t('hall.figures.servedAxis') },
      series: [
        { type: 'bar', name: t('hall.figures.served'), data: figures.servedByWindow.map((w) => w.served) },
      ],
    }),
    [figures, t],
  );
  if (figures.servedByWindow.length === 0) return null;
  return <EChart option={option} height={220} testId="hall-served-chart" />;
}
