import type { CSSProperties, ReactNode } from 'react';
import { Tag } from 'antd';
import type { ReportModel } from '../api';
import { FINDING_STATUS_LABELS } from './ledger-tags';

const FONT_BODY = "FangSong, 'FangSong_GB2312', STFangsong, 'Noto Serif CJK SC', serif";
const FONT_TITLE = "'FZXiaoBiaoSong-B05S', 'Noto Serif CJK SC', 'Source Han Serif SC', SimSun, serif";
const FONT_H1 = "SimHei, 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";
const FONT_H2 = "KaiTi, 'KaiTi_GB2312', STKaiti, 'Noto Serif CJK SC', serif";

const paper: CSSProperties = {
  background: '#fff',
  maxWidth: 820,
  margin: '0 auto',
  padding: '56px 64px',
  boxShadow: '0 1px 8px rgba(0,0,0,0.08)',
  fontFamily: FONT_BODY,
  fontSize: 17,
  lineHeight: 1.9,
  color: '#1f1f1f',
};
const p: CSSProperties = { textIndent: '2em', margin: 0, textAlign: 'justify' };

export function cnDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return y && m && d ? `${y}年${m}月${d}日` : iso;
}

function H1({ children }: { children: ReactNode }) {
  return <h2 style={{ ...p, fontFamily: FONT_H1, fontSize: 17, fontWeight: 400 }}>{children}</h2>;
}
function H2({ children }: { children: ReactNode }) {
  return <h3 style={{ ...p, fontFamily: FONT_H2, fontSize: 17, fontWeight: 400 }}>{children}</h3>;
}
function P({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p style={p} data-testid={testId}>
      {children}
    </p>
  );
}

/**
 * The 整改通报 as the published reports read: title; opening; 一、整改工作开展情况; 二、反馈问题整改落实情况
 * (per category, each finding with 问题表现 and 整改情况); 三、问题线索处理情况; 四、下一步工作; contact.
 * Every number is the server's (TRUTH-1); nothing is counted here.
 */
export function ReportDocument({ model, showStatus = false }: { model: ReportModel; showStatus?: boolean }) {
  return (
    <article style={paper} data-testid="report-document">
      <h1
        style={{
          fontFamily: FONT_TITLE,
          fontSize: 26,
          fontWeight: 700,
          textAlign: 'center',
          lineHeight: 1.5,
          margin: '0 0 28px',
        }}
        data-testid="report-title"
      >
        {model.title}
      </h1>
      <P>{model.opening}</P>
      <H1>一、整改工作开展情况</H1>
      {model.workDone.map((t, i) => (
        <P key={i}>{t}</P>
      ))}
      <P testId="report-summary">{model.summary}</P>
      <H1>二、反馈问题整改落实情况</H1>
      {model.sections.map((s) => (
        <section key={`${s.label}${s.title}`}>
          <H2>
            {s.label}
            {s.title}
          </H2>
          {s.findings.map((f) => (
            <div key={f.id} data-testid="report-finding">
              <P>
                <strong>
                  {f.number}.{f.title}
                </strong>
                {showStatus && (
                  <Tag
                    color={
                      f.status === 'done' ? 'success' : f.status === 'ongoing' ? 'geekblue' : 'processing'
                    }
                    style={{ marginInlineStart: 8, textIndent: 0, fontFamily: 'inherit' }}
                  >
                    {FINDING_STATUS_LABELS[f.status]}
                  </Tag>
                )}
              </P>
              {f.description && <P>问题表现：{f.description}</P>}
              <P>
                整改情况：
                {f.actions.length > 0
                  ? f.actions.map((a, i) => `${f.actions.length > 1 ? `（${i + 1}）` : ''}${a}`).join('')
                  : '尚未制定整改措施。'}
              </P>
            </div>
          ))}
        </section>
      ))}
      <H1>三、问题线索处理情况</H1>
      {model.leads.map((t, i) => (
        <P key={i}>{t}</P>
      ))}
      <H1>四、下一步工作</H1>
      {model.nextSteps.map((t, i) => (
        <P key={i}>{t}</P>
      ))}
      <P testId="report-contact">{model.contact}</P>
      <p style={{ textAlign: 'right', marginTop: 32, marginBottom: 0 }} data-testid="report-issuer">
        {model.issuer}
      </p>
      <p style={{ textAlign: 'right' }}>{cnDate(model.asOf)}</p>
    </article>
  );
}
