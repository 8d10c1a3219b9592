import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { Period } from '../api';

/** A month range (YYYY-MM … YYYY-MM). */
export function PeriodPicker({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  return (
    <DatePicker.RangePicker
      picker="month"
      allowClear={false}
      value={[dayjs(`${value.from}-01`), dayjs(`${value.to}-01`)]}
      onChange={(v) => {
        if (v?.[0] && v[1]) onChange({ from: v[0].format('YYYY-MM'), to: v[1].format('YYYY-MM') });
      }}
    />
  );
}

/** This year so far. */
export function thisYear(): Period {
  const now = dayjs();
  return { from: `${now.year()}-01`, to: now.format('YYYY-MM') };
}
