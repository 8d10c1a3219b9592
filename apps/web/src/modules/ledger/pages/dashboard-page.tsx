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
import { tr } from '../../../app/i18n';
import { labelsOf } from '../../../app/enum-labels';

const FONT = { fontFamily: "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif" };

function findingStateOption(byState: LedgerDashboard['findingsByState']) {
  const colors = {
    done: '#52c41a',
    in_progress: '#1677ff',
    ongoing: '#2f54eb',
    no_measure: '#faad14',
  } as const;
  const data = (['done', 'in_progress', 'ongoing', 'no_measure'] as const).map((s) => ({
    name: FINDING_STATUS_LABELS[s],
    value: byState[s],
    itemStyle: { color: colors[s] },
  }));
  return {
    textStyle: FONT,
    tooltip: { trigger: 'item', formatter: tr('ledger.dashboardPage.bCD') },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        label: { formatter: tr('ledger.dashboardPage.bC') },
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
      data: MEASURE_STATUSES.map((s) => labelsOf(MEASURE_STATUS_LABELS)[s]),
      axisLabel: { interval: 0, fontSize: 11 },
    },
    yAxis: { type: 'value', minInterval: 1, name: tr('ledger.dashboardPage.items') },
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
    xAxis: { type: 'value', minInterval: 1, name: tr('ledger.dashboardPage.items') },
    yAxis: {
      type: 'category',
      inverse: true,
      data: sorted.map((o) => o.department || tr('ledger.dashboardPage.noDepartment')),
      axisLabel: { width: 140, overflow: 'truncate' },
    },
    series: [
      {
        name: tr('ledger.dashboardPage.overdueMeasures'),
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
      { type: 'value', minInterval: 1, name: tr('ledger.dashboardPage.text') },
      { type: 'value', minInterval: 1, name: tr('ledger.dashboardPage.items') },
    ],
    series: [
      {
        name: tr('ledger.dashboardPage.progressReports'),
        type: 'bar',
        stack: 'events',
        barMaxWidth: 18,
        itemStyle: { color: '#69b1ff' },
        data: weeks.map((w) => w.progressEntries),
      },
      {
        name: tr('ledger.dashboardPage.reopenedByFollowUp'),
        type: 'bar',
        stack: 'events',
        barMaxWidth: 18,
        itemStyle: { color: MEASURE_STATUS_CHART_COLORS.reopened },
        data: weeks.map((w) => w.reopened),
      },
      {
        name: tr('ledger.dashboardPage.closedInTotal'),
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
        {
          title: tr('ledger.dashboardPage.problems'),
          value: n.findingsTotal,
          suffix: tr('ledger.dashboardPage.text2'),
        },
        {
          title: tr('ledger.dashboardPage.completed'),
          value: n.findingsDone,
          suffix: tr('ledger.dashboardPage.text2'),
        },
        {
          title: tr('ledger.dashboardPage.completionRate'),
          value: (n.findingCompletionRate * 100).toFixed(1),
          suffix: '%',
        },
        {
          title: tr('ledger.dashboardPage.measure'),
          value: n.measuresTotal,
          suffix: tr('ledger.dashboardPage.items'),
        },
        {
          title: tr('ledger.dashboardPage.closed'),
          value: n.measuresDone,
          suffix: tr('ledger.dashboardPage.items'),
        },
        {
          title: tr('ledger.dashboardPage.overdue'),
          value: n.measuresOverdue,
          suffix: tr('ledger.dashboardPage.items'),
          danger: n.measuresOverdue > 0,
        },
      ]
    : [];

  return (
    <Flex vertical gap={16} data-testid="ledger-dashboard">
      <Card size="small">
        <Flex gap={12} align="center" wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {tr('ledger.dashboardPage.rectificationDashboard')}
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
          <Empty description={tr('ledger.dashboardPage.noInspectionsYet')} />
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
              <Card size="small" title={tr('ledger.dashboardPage.problemsByStatus')} loading={!options}>
                {options && <EChart option={options.findings} testId="chart-findings" />}
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card size="small" title={tr('ledger.dashboardPage.measuresByStatus')} loading={!options}>
                {options && <EChart option={options.measures} testId="chart-measures" />}
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card
                size="small"
                title={tr('ledger.dashboardPage.overdueMeasuresByDepartment')}
                loading={!options}
              >
                {options && <EChart option={options.departments} testId="chart-departments" />}
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card size="small" title={tr('ledger.dashboardPage.progressByWeek')} loading={!options}>
                {options && <EChart option={options.time} testId="chart-progress" />}
              </Card>
            </Col>
          </Row>
          <Typography.Text type="secondary">{tr('ledger.dashboardPage.figuresAndChartsAre')}</Typography.Text>
        </>
      )}
    </Flex>
  );
}
