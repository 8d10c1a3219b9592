import { useNavigate } from 'react-router';
import { Avatar, Button, Card, Col, Descriptions, List, Row, Statistic, Typography, theme } from 'antd';
import {
  ApartmentOutlined,
  BankOutlined,
  DesktopOutlined,
  IdcardOutlined,
  ShopOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth, useCurrentUser } from '../../../app/auth-context';
import { useDepartments, useHalls, useRegions, useStaff, useWindows } from '../../org';
import { NextYearHolidaysAlert } from '../../calendar';
import { CatalogHomeCard } from '../../catalog';
import { InboxHomeCard } from '../../inbox';
import { ApplicantHome, useMyCases } from '../../portal';

/** 首页: who is signed in, and — for staff — what the organisation holds. Only built modules appear. */
export function HomePage() {
  const { can } = useAuth();
  const orgReader = can('org.read');
  const user = useCurrentUser();

  return (
    <Row gutter={[16, 16]}>
      <NextYearHolidaysAlert />
      <Col span={24}>
        <WelcomeCard />
      </Col>
      <InboxHomeCard />
      {user.role === 'applicant' && <ApplicantHome />}
      <CatalogHomeCard />
      {orgReader && <OrgOverview />}
    </Row>
  );
}

function WelcomeCard() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { can } = useAuth();
  const { token } = theme.useToken();
  const regions = useRegions(can('org.read'));
  const departments = useDepartments(can('org.read') && !!user.departmentId);
  // An applicant cannot read the org admin's region list: 我的办件 names their region.
  const mine = useMyCases(user.role === 'applicant');
  const found = regions.data?.find((r) => r.code === user.regionCode);
  const region =
    found ?? (mine.data ? { name: mine.data.regionName, code: mine.data.regionCode } : undefined);
  const department = departments.data?.find((d) => d.id === user.departmentId);

  return (
    <Card data-testid="welcome-card">
      <Row gutter={24} align="middle" wrap={false}>
        <Col flex="none">
          <Avatar size={64} style={{ background: token.colorPrimary, fontSize: 28 }}>
            {user.displayName.slice(0, 1)}
          </Avatar>
        </Col>
        <Col flex="auto">
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('home.welcome', { name: user.displayName })}
          </Typography.Title>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('home.role')}>
              <span data-testid="home-role">{t(`role.${user.role}`)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('home.region')}>
              <span data-testid="home-region">
                {region ? `${region.name}（${region.code}）` : user.regionCode}
              </span>
            </Descriptions.Item>
            {user.departmentId && (
              <Descriptions.Item label={t('home.department')}>{department?.name ?? '—'}</Descriptions.Item>
            )}
          </Descriptions>
        </Col>
      </Row>
    </Card>
  );
}

function OrgOverview() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const halls = useHalls();
  const departments = useDepartments();
  const windows = useWindows();
  const staff = useStaff();

  const stats = [
    { key: 'halls', title: t('menu.halls'), icon: <BankOutlined />, q: halls, path: '/admin/halls' },
    {
      key: 'departments',
      title: t('menu.departments'),
      icon: <ApartmentOutlined />,
      q: departments,
      path: '/admin/departments',
    },
    { key: 'windows', title: t('menu.windows'), icon: <ShopOutlined />, q: windows, path: '/admin/windows' },
    { key: 'staff', title: t('menu.staff'), icon: <IdcardOutlined />, q: staff, path: '/admin/staff' },
  ];

  return (
    <>
      <Col span={24}>
        <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
          {t('home.orgTitle')}
        </Typography.Title>
      </Col>
      {stats.map((s) => (
        <Col key={s.key} xs={12} lg={6}>
          <Card hoverable onClick={() => void navigate(s.path)} data-testid={`stat-${s.key}`}>
            <Statistic
              title={s.title}
              value={s.q.data?.length ?? 0}
              prefix={s.icon}
              loading={s.q.isLoading}
            />
          </Card>
        </Col>
      ))}
      <Col span={24}>
        <Card
          title={t('home.boards')}
          extra={<Typography.Text type="secondary">{t('home.boardsHint')}</Typography.Text>}
        >
          <List
            dataSource={halls.data ?? []}
            loading={halls.isLoading}
            renderItem={(h) => (
              <List.Item
                actions={[
                  <Button
                    key="open"
                    type="link"
                    icon={<DesktopOutlined />}
                    href={`/board/${h.id}`}
                    target="_blank"
                  >
                    {t('home.open')}
                  </Button>,
                ]}
              >
                <List.Item.Meta title={h.name} description={t(`hallLevel.${h.level}`)} />
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </>
  );
}
