import { Avatar } from 'antd';
import { photoUrl } from '../api';

const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '慕容',
  '尉迟',
  '公孙',
  '令狐',
  '夏侯',
  '长孙',
];

/** The surname shown on the avatar when there is no photo (复姓 kept whole). */
export function surnameOf(name: string): string {
  const n = name.trim();
  return COMPOUND_SURNAMES.find((s) => n.startsWith(s) && n.length > 2) ?? n.slice(0, 1);
}

const PALETTE = ['#1d4ed8', '#0f766e', '#b45309', '#7c3aed', '#be123c', '#0369a1', '#4d7c0f'];

function colorFor(name: string): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return PALETTE[h % PALETTE.length] ?? PALETTE[0]!;
}

type Props = { name: string; photo: string | null; size: number; shape?: 'circle' | 'square' };

export function StaffAvatar({ name, photo, size, shape = 'circle' }: Props) {
  if (photo) return <Avatar src={photoUrl(photo)} size={size} shape={shape} alt={name} />;
  return (
    <Avatar size={size} shape={shape} style={{ background: colorFor(name), fontSize: size * 0.42 }}>
      {surnameOf(name)}
    </Avatar>
  );
}
