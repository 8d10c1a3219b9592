import { EChart } from '../../../app/components/echart';
import type { CatalogFigures } from '@tongban/contracts';
import { tr } from '../../../app/i18n';

/** 事项按类型 (pie) and 按部门 (bar), from the figures endpoint (TRUTH-1: computed, never typed in). */
export function ByTypeChart({ figures }: { figures: CatalogFigures }) {
  const counts = new Map(figures.byType.map((t) => [t.label, t.count]));
  return (
    <EChart
      height={320}
      option={{
        tooltip: { trigger: 'item', formatter: tr('catalog.figuresCharts.bCItemsD') },
        legend: {
          orient: 'vertical',
          right: 0,
          top: 'middle',
          formatter: (name: string) => tr('catalog.figuresCharts.items', { name, v1: counts.get(name) ?? 0 }),
        },
        series: [
          {
            type: 'pie',
            radius: ['40%', '72%'],
            center: ['34%', '50%'],
            label: { position: 'inside', formatter: '{c}', color: '#fff', fontWeight: 600 },
            data: figures.byType.map((t) => ({ name: t.label, value: t.count })),
          },
        ],
      }}
    />
  );
}

export function ByDepartmentChart({ figures }: { figures: CatalogFigures }) {
  const rows = [...figures.byDepartment].reverse();
  return (
    <EChart
      height={Math.max(240, rows.length * 36 + 60)}
      option={{
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 8, right: 40, top: 10, bottom: 10, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: rows.map((d) => d.departmentName) },
        series: [
          {
            type: 'bar',
            name: tr('catalog.figuresCharts.items2'),
            data: rows.map((d) => d.count),
            itemStyle: { color: '#1d4ed8' },
            label: { show: true, position: 'right' },
            barMaxWidth: 22,
          },
        ],
      }}
    />
  );
}
