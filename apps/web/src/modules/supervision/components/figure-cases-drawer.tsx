import { Drawer, Table } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { FigureCase } from '@tongban/contracts';
import { useFigureCases, type FigureCasesFilter } from '../api';
import { useLabels } from '../labels';

/** RATE-1: the cases a figure counts, opened from its number. */
export function FigureCasesDrawer({
  filter,
  onClose,
}: {
  filter: FigureCasesFilter | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const L = useLabels();
  const cases = useFigureCases(filter);
  return (
    <Drawer
      open={filter !== null}
      onClose={onClose}
      width={880}
      title={
        filter
          ? `${L.figure(filter.figure)} · ${t(`supervision.figures.${filter.part}`)} · ${t('supervision.figures.casesOf')} (${cases.data?.total ?? '…'})`
          : ''
      }
    >
      <Table<FigureCase>
        size="small"
        rowKey="caseId"
        loading={cases.isLoading}
        dataSource={cases.data?.items ?? []}
        data-testid="figure-cases"
        columns={[
          {
            title: t('supervision.board.caseNo'),
            dataIndex: 'caseNo',
            render: (v: string, r) => <Link to={`/cases/${r.caseId}`}>{v}</Link>,
          },
          { title: t('supervision.board.department'), dataIndex: 'departmentName' },
          { title: t('supervision.board.item'), dataIndex: 'itemName' },
          {
            title: t('supervision.figures.cuts.channel'),
            dataIndex: 'channel',
            render: (c: string) => L.channel(c),
          },
          { title: t('supervision.figures.received'), dataIndex: 'receivedMonth' },
          { title: t('supervision.figures.concluded'), dataIndex: 'concludedMonth' },
        ]}
      />
    </Drawer>
  );
}
