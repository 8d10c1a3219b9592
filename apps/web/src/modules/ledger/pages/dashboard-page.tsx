import { useMemo } from 'react';
import { Card, Col, Empty, Flex, Row, Statistic, Typography } from 'antd';
import { MEASURE_STATUS_LABELS, type LedgerDashboard } from '@tongban/contracts';
import { useDashboard, useReport } from '../api';
import { EChart } from '../../../app/components/echart';
import { InspectionSelect, useChosenInspection } from '../components/inspection-picker';
import {
  FINDING_STATUS_LABELS,
  MEASURE_STATUSES,
  MEASURE_STATUS_CHART_COLORS,
} from '../components/ledger-tags';

const FONT = { fontFamily: "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif" };

function findingStateOption(byState: LedgerDashboard['findingsByState']) {
  const colors = { done: '#52c41a', in_progress: '#1677ff', ongoing: '#2f54eb' } as const;
  const data = (['done', 'in_progress', 'ongoing'] as const).map((s) => ({
    name: FINDING_STATUS_LABELS[s],
    value: byState[s],
    itemStyle: { color: colors[s] },
  }));
  return {
    textStyle: FONT,
    tooltip: { trigger: 'item', formatter: '{b}：{c} 个（{d}%）' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{c} 个' },
        data,
      },
    ],
  };
}

function measureStateOption(byState: LedgerDashboard['measuresByState']) {
  return {
    textStyle: FONT,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 40, right: 16, top: 24, bottom: 48 },
    xAxis: {
      type: 'category',
      data: MEASURE_STATUSES.map((s) => MEASURE_STATUS_LABELS[s]),
      axisLabel: { interval: 0, fontSize: 11 },
    },
    yAxis: { type: 'value', minInterval: 1, name: '项' },
    series: [
      {
        type: 'bar',
        barMaxWidth: 36,
        label: { show: true, position: 'top' },
        data: MEASURE_STATUSES.map((s) => ({
          value: byState[s] ?? 0,
          itemStyle: { color: MEASURE_STATUS_CHART_COLORS[s] },
        })),
      },
    ],
  };
}

function overdueByDepartmentOption(rows: LedgerDashboard['overdueByDepartment']) {
  const sorted = [...rows].sort((a, b) => b.overdue - a.overdue);
  return {
    textStyle: FONT,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 150, right: 32, top: 16, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1, name: '项' },
    yAxis: {
      type: 'category',
      inverse: true,
      data: sorted.map((o) => o.department || '未指定部门'),
      axisLabel: { width: 140, overflow: 'truncate' },
    },
    series: [
      {
        name: '逾期措施',
        type: 'bar',
        barMaxWidth: 22,
        itemStyle: { color: MEASURE_STATUS_CHART_COLORS.overdue },
        label: { show: true, position: 'right' },
        data: sorted.map((o) => o.overdue),
      },
    ],
  };
}

/** Per week: progress entries filed, 回头看 reopenings, and measures signed off so far. */
function progressOverTimeOption(weeks: LedgerDashboard['progressByWeek']) {
  return {
    textStyle: FONT,
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 40, right: 40, top: 24, bottom: 56 },
    xAxis: {
      type: 'category',
      data: weeks.map((w) => w.weekStart.slice(5).replace('-', '/')),
    },
    yAxis: [
      { type: 'value', minInterval: 1, name: '条' },
      { type: 'value', minInterval: 1, name: '项' },
    ],
    series: [
      {
        name: '填报进展（条）',
        type: 'bar',
        stack: 'events',
        barMaxWidth: 18,
        itemStyle: { color: '#69b1ff' },
        data: weeks.map((w) => w.progressEntries),
      },
      {
        name: '回头看重新打开（项）',
        type: 'bar',
        stack: 'events',
        barMaxWidth: 18,
        itemStyle: { color: MEASURE_STATUS_CHART_COLORS.reopened },
        data: weeks.map((w) => w.reopened),
      },
      {
        name: '累计销号（项）',
        type: 'line',
        yAxisIndex: 1,
        step: 'end',
        showSymbol: false,
        itemStyle: { color: '#52c41a' },
        data: weeks.map((w) => w.signedOffCumulative),
      },
    ],
  };
}

/** 整改看板: per inspection, findings and measures by state, overdue by department, progress over time. */
export function DashboardPage() {
  const { inspections, chosen, choose } = useChosenInspection();
  const dashboard = useDashboard(chosen?.id);
  const report = useReport(chosen?.id);
  const n = report.data?.numbers;

  const options = useMemo(() => {
    const d = dashboard.data;
    if (!d) return undefined;
    return {
      findings: findingStateOption(d.findingsByState),
      measures: measureStateOption(d.measuresByState),
      departments: overdueByDepartmentOption(d.overdueByDepartment),
      time: progressOverTimeOption(d.progressByWeek),
    };
  }, [dashboard.data]);

  const stats = n
    ? [
        { title: '反馈问题', value: n.findingsTotal, suffix: '个' },
        { title: '已完成整改', value: n.findingsDone, suffix: '个' },
        { title: '整改完成率', value: (n.findingCompletionRate * 100).toFixed(1), suffix: '%' },
        { title: '整改措施', value: n.measuresTotal, suffix: '项' },
        { title: '已销号', value: n.measuresDone, suffix: '项' },
        { title: '逾期未完成', value: n.measuresOverdue, suffix: '项', danger: n.measuresOverdue > 0 },
      ]
    : [];

  return (
    <Flex vertical gap={16} data-testid="ledger-dashboard">
      <Card size="small">
        <Flex gap={12} align="center" wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            整改看板
          </Typography.Title>
          <InspectionSelect
            list={inspections.data ?? []}
            value={chosen?.id}
            onChange={choose}
            loading={inspections.isLoading}
          />
        </Flex>
      </Card>
      {!inspections.isLoading && !chosen ? (
        <Card>
          <Empty description="还没有巡察（检查）记录" />
        </Card>
      ) : (
        <>
          <Row gutter={[16, 16]}>
            {stats.map((s) => (
              <Col key={s.title} xs={12} md={8} xl={4}>
                <Card size="small">
                  <Statistic
                    title={s.title}
                    value={s.value}
                    suffix={s.suffix}
                    styles={{ content: s.danger ? { color: '#cf1322' } : {} }}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={10}>
              <Card size="small" title="问题整改状态" loading={!options}>
                {options && <EChart option={options.findings} testId="chart-findings" />}
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card size="small" title="整改措施状态" loading={!options}>
                {options && <EChart option={options.measures} testId="chart-measures" />}
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title="逾期措施（按责任部门）" loading={!options}>
                {options && <EChart option={options.departments} testId="chart-departments" />}
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card size="small" title="整改进展趋势（按周）" loading={!options}>
                {options && <EChart option={options.time} testId="chart-progress" />}
              </Card>
            </Col>
          </Row>
          <Typography.Text type="secondary">
            数字和图表均由服务端在打开时按台账记录计算，不可手工填写；累计销号按当前有效的销号计，回头看重新打开的措施不计。
          </Typography.Text>
        </>
      )}
    </Flex>
  );
}
