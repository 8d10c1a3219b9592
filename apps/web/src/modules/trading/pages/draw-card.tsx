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
      <Card title="抽取评标专家" size="small" data-testid="draw-card">
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
              '已承诺种子，哈希已公布',
            )
          }
        >
          <Form.Item name="specialty" label="专业">
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="count" label="人数">
            <InputNumber min={1} max={49} />
          </Form.Item>
          <Form.Item name="specialty2" label="专业二">
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="count2" label="人数">
            <InputNumber min={0} max={49} />
          </Form.Item>
          <Form.Item name="ownerReps" label="招标人代表">
            <InputNumber min={0} max={20} />
          </Form.Item>
          <Form.Item name="reserveCount" label="候补">
            <InputNumber min={0} max={20} />
          </Form.Item>
          <Form.Item name="openAt" label="名单开启时间">
            <DatePicker showTime />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={commit.isPending} data-testid="commit-draw">
            承诺种子
          </Button>
        </Form>
      </Card>
    );
  }
  const d = draw.data;
  if (!d) return <Card loading size="small" />;
  return (
    <Card title="评标专家抽取" size="small" data-testid="draw-card">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label="种子哈希（SM3，抽取前公布）">
          <Typography.Text code copyable data-testid="seed-hash">
            {d.seedHash}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="种子">
          {d.seed ? (
            <Typography.Text code data-testid="seed">
              {d.seed}
            </Typography.Text>
          ) : (
            '名单开启后公布'
          )}
        </Descriptions.Item>
        <Descriptions.Item label="委员会">
          {d.panelSize} 人（招标人代表 {d.ownerReps} 人）
        </Descriptions.Item>
        <Descriptions.Item label="名单开启时间">
          {dayjs(d.openAt).format('YYYY-MM-DD HH:mm')}
        </Descriptions.Item>
        <Descriptions.Item label="已抽取">
          {d.drawnAt ? `${d.drawnCount} 人（回避 ${d.excludedCount} 人）` : '未抽取'}
        </Descriptions.Item>
        <Descriptions.Item label="状态">
          {d.sealed ? (
            <Tag color="gold" data-testid="sealed">
              密封
            </Tag>
          ) : (
            <Tag color="green">已开启</Tag>
          )}
        </Descriptions.Item>
      </Descriptions>
      <Space style={{ marginTop: 12 }}>
        {!d.drawnAt && can('trading.draw') && (
          <Button
            type="primary"
            data-testid="run-draw"
            loading={run.isPending}
            onClick={() => act(() => run.mutateAsync(d.id), '抽取完成，名单已密封')}
          >
            执行抽取
          </Button>
        )}
        {d.drawnAt && d.sealed && can('trading.draw.open') && (
          <Button
            type="primary"
            danger
            data-testid="open-draw"
            loading={openList.isPending}
            onClick={() => act(() => openList.mutateAsync(d.id), '名单已开启')}
          >
            开启密封名单
          </Button>
        )}
        {!d.sealed && (
          <Button data-testid="replay-draw" onClick={async () => setReplay(await replayDraw(d.id))}>
            以种子复现
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
              ? '复现结果与记录一致，种子与承诺哈希相符'
              : '复现结果与记录不一致'
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
              { title: '序号', dataIndex: 'position' },
              { title: '姓名', dataIndex: 'name' },
              { title: '单位', dataIndex: 'employer' },
              { title: '专业', dataIndex: 'specialty' },
              {
                title: '身份',
                render: (_, m) =>
                  m.recused ? (
                    <Tag>已回避</Tag>
                  ) : m.isReserve ? (
                    m.substituteFor ? (
                      <Tag color="green">递补</Tag>
                    ) : (
                      <Tag>候补</Tag>
                    )
                  ) : (
                    <Tag color="blue">评委</Tag>
                  ),
              },
            ]}
          />
          {d.exclusions.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              回避：
              {d.exclusions
                .map((e) => `${e.name}（${e.grounds.map((g) => EXCLUSION_GROUND_LABELS[g]).join('、')}）`)
                .join('；')}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Card>
  );
}
