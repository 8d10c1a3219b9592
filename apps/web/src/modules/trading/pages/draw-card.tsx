import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  InputNumber,
  Input,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { EXCLUSION_GROUND_LABELS, type DrawReplay, type PanelMember } from '@tongban/contracts';
import { useAuth } from '../../../app/auth-context';
import { notifyError, notifySuccess } from '../../../app/notify';
import { replayDraw, useCommitDraw, useDraw, useOpenDraw, useRunDraw } from '../api';
import { useTr } from '../i18n';

type Plan = {
  specialty: string;
  count: number;
  specialty2?: string;
  count2?: number;
  ownerReps: number;
  reserveCount: number;
  openAt: Dayjs;
};

/** BID-1 抽取与密封名单: commit the seed (hash shown), run the draw (sealed), the supervisor opens at the set time. */
export function DrawCard({
  projectId,
  drawId,
  canCommit,
}: {
  projectId: string;
  drawId: string | null;
  canCommit: boolean;
}) {
  const { can } = useAuth();
  const { tr, label, list } = useTr();
  const draw = useDraw(drawId);
  const commit = useCommitDraw(projectId);
  const run = useRunDraw();
  const openList = useOpenDraw();
  const [replay, setReplay] = useState<DrawReplay>();
  const [form] = Form.useForm<Plan>();
  const act = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      notifySuccess(ok);
    } catch (e) {
      notifyError(e);
    }
  };
  if (!drawId) {
    if (!canCommit || !can('trading.draw')) return null;
    return (
      <Card title={tr('drawTitle', tr('drawTitle', '抽取评标专家'))} size="small" data-testid="draw-card">
        <Form
          form={form}
          layout="inline"
          initialValues={{
            specialty: '房建土建',
            count: 4,
            ownerReps: 1,
            reserveCount: 2,
            openAt: dayjs().startOf('minute'),
          }}
          onFinish={(v) =>
            act(
              () =>
                commit.mutateAsync({
                  panelSize: v.count + (v.count2 ?? 0) + v.ownerReps,
                  ownerReps: v.ownerReps,
                  reserveCount: v.reserveCount,
                  requests: [
                    { specialty: v.specialty, count: v.count },
                    ...(v.specialty2 && v.count2 ? [{ specialty: v.specialty2, count: v.count2 }] : []),
                  ],
                  openAt: v.openAt.toISOString(),
                }),
              tr('seedCommitted', '已承诺种子，哈希已公布'),
            )
          }
        >
          <Form.Item name="specialty" label={tr('specialty', tr('specialty', '专业'))}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="count" label={tr('count', tr('count', '人数'))}>
            <InputNumber min={1} max={49} />
          </Form.Item>
          <Form.Item name="specialty2" label={tr('specialty2', tr('specialty2', '专业二'))}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="count2" label={tr('count', tr('count', '人数'))}>
            <InputNumber min={0} max={49} />
          </Form.Item>
          <Form.Item name="ownerReps" label={tr('ownerReps', tr('ownerReps', '招标人代表'))}>
            <InputNumber min={0} max={20} />
          </Form.Item>
          <Form.Item name="reserveCount" label={tr('reserve', tr('reserve', '候补'))}>
            <InputNumber min={0} max={20} />
          </Form.Item>
          <Form.Item name="openAt" label={tr('openAt', tr('openAt', '名单开启时间'))}>
            <DatePicker showTime />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={commit.isPending} data-testid="commit-draw">
            {tr('commitSeed', '承诺种子')}
          </Button>
        </Form>
      </Card>
    );
  }
  const d = draw.data;
  if (!d) return <Card loading size="small" />;
  return (
    <Card title={tr('drawCard', tr('drawCard', '评标专家抽取'))} size="small" data-testid="draw-card">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={tr('seedHash', tr('seedHash', '种子哈希（SM3，抽取前公布）'))}>
          <Typography.Text code copyable data-testid="seed-hash">
            {d.seedHash}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={tr('seed', tr('seed', '种子'))}>
          {d.seed ? (
            <Typography.Text code data-testid="seed">
              {d.seed}
            </Typography.Text>
          ) : (
            tr('seedAfterOpen', '名单开启后公布')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={tr('panel', tr('panel', '委员会'))}>
          {tr('panelValue', '{{n}} 人（招标人代表 {{r}} 人）', { n: d.panelSize, r: d.ownerReps })}
        </Descriptions.Item>
        <Descriptions.Item label={tr('openAt', tr('openAt', '名单开启时间'))}>
          {dayjs(d.openAt).format('YYYY-MM-DD HH:mm')}
        </Descriptions.Item>
        <Descriptions.Item label={tr('drawn', tr('drawn', '已抽取'))}>
          {d.drawnAt ? `${d.drawnCount} 人（回避 ${d.excludedCount} 人）` : tr('notDrawn', '未抽取')}
        </Descriptions.Item>
        <Descriptions.Item label={tr('complaintStatus', tr('complaintStatus', '状态'))}>
          {d.sealed ? (
            <Tag color="gold" data-testid="sealed">
              {tr('sealed', '密封')}
            </Tag>
          ) : (
            <Tag color="green">{tr('opened', '已开启')}</Tag>
          )}
        </Descriptions.Item>
      </Descriptions>
      <Space style={{ marginTop: 12 }}>
        {!d.drawnAt && can('trading.draw') && (
          <Button
            type="primary"
            data-testid="run-draw"
            loading={run.isPending}
            onClick={() => act(() => run.mutateAsync(d.id), tr('drawDone', '抽取完成，名单已密封'))}
          >
            {tr('runDraw', '执行抽取')}
          </Button>
        )}
        {d.drawnAt && d.sealed && can('trading.draw.open') && (
          <Button
            type="primary"
            danger
            data-testid="open-draw"
            loading={openList.isPending}
            onClick={() => act(() => openList.mutateAsync(d.id), tr('listOpened', '名单已开启'))}
          >
            {tr('openList', '开启密封名单')}
          </Button>
        )}
        {!d.sealed && (
          <Button data-testid="replay-draw" onClick={async () => setReplay(await replayDraw(d.id))}>
            {tr('replay', '以种子复现')}
          </Button>
        )}
      </Space>
      {replay && (
        <Alert
          style={{ marginTop: 12 }}
          type={replay.matchesRecorded && replay.seedHashMatches ? 'success' : 'error'}
          data-testid="replay-result"
          message={
            replay.matchesRecorded && replay.seedHashMatches
              ? tr('replayOk', '复现结果与记录一致，种子与承诺哈希相符')
              : tr('replayBad', '复现结果与记录不一致')
          }
        />
      )}
      {!d.sealed && (
        <>
          <Table<PanelMember>
            style={{ marginTop: 12 }}
            size="small"
            rowKey="expertId"
            pagination={false}
            dataSource={d.members}
            columns={[
              { title: tr('position', '序号'), dataIndex: 'position' },
              { title: tr('name', '姓名'), dataIndex: 'name' },
              { title: tr('employer', '单位'), dataIndex: 'employer' },
              { title: tr('specialty', '专业'), dataIndex: 'specialty' },
              {
                title: tr('role', '身份'),
                render: (_, m) =>
                  m.recused ? (
                    <Tag>{tr('recused', '已回避')}</Tag>
                  ) : m.isReserve ? (
                    m.substituteFor ? (
                      <Tag color="green">{tr('substitute', '递补')}</Tag>
                    ) : (
                      <Tag>{tr('reserve', '候补')}</Tag>
                    )
                  ) : (
                    <Tag color="blue">{tr('member', '评委')}</Tag>
                  ),
              },
            ]}
          />
          {d.exclusions.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {tr('exclusions', '回避：')}
              {d.exclusions
                .map(
                  (e) =>
                    `${e.name}（${e.grounds.map((g) => label('ground', EXCLUSION_GROUND_LABELS, g)).join(list)}）`,
                )
                .join('；')}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Card>
  );
}
