import { useMemo, useState } from 'react';
import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dashboard, FigureGroup, FigureKey } from '@tongban/contracts';
import { EChart } from '../../../app/components/echart';
import { useDashboard, type FigureCasesFilter, type Period } from '../api';
import { FigureCasesDrawer } from '../components/figure-cases-drawer';
import { PeriodPicker, thisYear } from '../components/period-picker';
import { useLabels } from '../labels';
import { formatFigure } from './figures-page';

const FONT = { fontFamily: "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif" };
const pct = (g: FigureGroup, k: FigureKey) => {
  const v = g.figures.find((f) => f.key === k)?.value;
  return v === null || v === undefined ? null : Math.round(v * 1000) / 10;
};

function options(d: Dashboard, t: (k: string) => string, L: ReturnType<typeof useLabels>) {
  // A county's departments; a city's or the province's regions (their departments are the counties').
  const units = d.byRegion.length > 0 ? d.byRegion : d.byDepartment;
  return {
    volume: {
      textStyle: FONT,
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 40, top: 24, bottom: 48 },
      xAxis: { type: 'category', data: d.byMonth.map((m) => m.label) },
      yAxis: [
        { type: 'value', minInterval: 1, name: L.cases },
        { type: 'value', max: 100, name: '%' },
      ],
      series: [
        { name: t('supervision.dashboard.received'), type: 'bar', data: d.byMonth.map((m) => m.received) },
        { name: t('supervision.dashboard.concluded'), type: 'bar', data: d.byMonth.map((m) => m.concluded) },
        {
          name: t('supervision.dashboard.onTime'),
          type: 'line',
          yAxisIndex: 1,
          data: d.byMonth.map((m) => pct(m, 'on_time_rate')),
        },
      ],
    },
    departments: {
      textStyle: FONT,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 160, right: 24, top: 16, bottom: 48 },
      xAxis: { type: 'value', max: 100, name: '%' },
      yAxis: {
        type: 'category',
        inverse: true,
        data: units.map((g) => g.label),
        axisLabel: { width: 150, overflow: 'truncate' },
      },
      series: [
        {
          name: t('supervision.dashboard.onTime'),
          type: 'bar',
          itemStyle: { color: '#52c41a' },
          data: units.map((g) => pct(g, 'on_time_rate')),
        },
        {
          name: t('supervision.dashboard.overdue'),
          type: 'bar',
          itemStyle: { color: '#f5222d' },
          data: units.map((g) => pct(g, 'overdue_promised_rate')),
        },
      ],
    },
    channels: {
      textStyle: FONT,
      tooltip: { trigger: 'item', formatter: `{b}: {c} ${L.cases} ({d}%)` },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '68%'],
          center: ['50%', '45%'],
          data: d.byChannel.map((g) => ({ name: L.channel(g.key), value: g.received })),
        },
      ],
    },
    open: {
      textStyle: FONT,
      tooltip: { trigger: 'item', formatter: `{b}: {c} ${L.cases}` },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '68%'],
          center: ['50%', '45%'],
          data: [
            { name: t('supervision.board.green'), value: d.open.green, itemStyle: { color: '#52c41a' } },
            { name: t('supervision.board.yellow'), value: d.open.yellow, itemStyle: { color: '#faad14' } },
            { name: t('supervision.board.red'), value: d.open.red, itemStyle: { color: '#f5222d' } },
            { name: t('supervision.board.paused'), value: d.open.paused, itemStyle: { color: '#bfbfbf' } },
          ],
        },
      ],
    },
  };
}

/**
 * The leader's dashboard of cases: volumes, on-time and overdue by department (by region for a city
 * or the province), trend, channels.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const L = useLabels();
  const [period, setPeriod] = useState<Period>(thisYear);
  const [drill, setDrill] = useState<FigureCasesFilter | null>(null);
  const dash = useDashboard(period);
  const opts = useMemo(() => (dash.data ? options(dash.data, t, L) : null), [dash.data, t, L.locale]);
  const total = dash.data?.total;
  const stat = (k: FigureKey, title: string) => {
    const f = total?.figures.find((x) => x.key === k);
    return (
      <Card
        size="small"
        hoverable
        onClick={() => setDrill({ ...period, figure: k, part: 'numerator' })}
        data-testid={`stat-${k}`}
      >
        <Statistic title={title} value={f ? formatFigure(f) : '—'} />
        <Typography.Text type="secondary">
          {f?.numerator ?? 0} / {f?.denominator ?? 0}
        </Typography.Text>
      </Card>
    );
  };
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('supervision.dashboard.title')}
        </Typography.Title>
        <PeriodPicker value={period} onChange={setPeriod} />
      </Flex>
      <Row gutter={[12, 12]}>
        <Col xs={12} xl={4}>
          <Card
            size="small"
            hoverable
            onClick={() => setDrill({ ...period, figure: 'online_rate', part: 'denominator' })}
            data-testid="stat-received"
          >
            <Statistic
              title={t('supervision.dashboard.received')}
              value={total?.received ?? 0}
              suffix={L.cases}
            />
          </Card>
        </Col>
        <Col xs={12} xl={4}>
          <Card
            size="small"
            hoverable
            onClick={() => setDrill({ ...period, figure: 'on_time_rate', part: 'denominator' })}
            data-testid="stat-concluded"
          >
            <Statistic
              title={t('supervision.dashboard.concluded')}
              value={total?.concluded ?? 0}
              suffix={L.cases}
            />
          </Card>
        </Col>
        <Col xs={12} xl={4}>
          {stat('on_time_rate', t('supervision.dashboard.onTime'))}
        </Col>
        <Col xs={12} xl={4}>
          {stat('overdue_promised_rate', t('supervision.dashboard.overdue'))}
        </Col>
        <Col xs={12} xl={4}>
          {stat('online_rate', t('supervision.dashboard.onlineRate'))}
        </Col>
        <Col xs={12} xl={4}>
          {stat('first_time_rate', t('supervision.dashboard.firstTime'))}
        </Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('supervision.dashboard.volume')} loading={!opts}>
            {opts && <EChart option={opts.volume} testId="chart-volume" />}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('supervision.dashboard.open')} loading={!opts}>
            {opts && <EChart option={opts.open} testId="chart-open" />}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title={t(
              dash.data?.byRegion.length
                ? 'supervision.dashboard.byRegion'
                : 'supervision.dashboard.byDepartment',
            )}
            loading={!opts}
          >
            {opts && <EChart option={opts.departments} testId="chart-departments" />}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('supervision.dashboard.channels')} loading={!opts}>
            {opts && <EChart option={opts.channels} testId="chart-channels" />}
          </Card>
        </Col>
      </Row>
      <FigureCasesDrawer filter={drill} onClose={() => setDrill(null)} />
    </Flex>
  );
}
