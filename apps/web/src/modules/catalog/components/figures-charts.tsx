import { EChart } from '../../../app/components/echart';
import { ITEM_TYPE_LABELS, type CatalogFigures } from '@tongban/contracts';
import { labelsOf } from '../../../app/enum-labels';
import { tr } from '../../../app/i18n';

/** 事项按类型 (pie) and 按部门 (bar), from the figures endpoint (TRUTH-1: computed, never typed in). */
export function ByTypeChart({ figures }: { figures: CatalogFigures }) {
  // The server's label is Chinese; the legend follows the UI language.
  const typeLabels = labelsOf(ITEM_TYPE_LABELS);
  const byType = figures.byType.map((t) => ({ name: typeLabels[t.itemType] ?? t.label, value: t.count }));
  const counts = new Map(byType.map((t) => [t.name, t.value]));
  return (
    <EChart
      height={320}
      option={{
        tooltip: { trigger: 'item', formatter: tr('catalog.figuresCharts.bCItemsD') },
        // Below the chart: English type names are too long to sit beside it.
        legend: {
          bottom: 0,
          left: 'center',
          formatter: (name: string) => tr('catalog.figuresCharts.items', { name, v1: counts.get(name) ?? 0 }),
        },
        series: [
          {
            type: 'pie',
            radius: ['34%', '62%'],
            center: ['50%', '42%'],
            label: { position: 'inside', formatter: '{c}', color: '#fff', fontWeight: 600 },
            data: byType,
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
