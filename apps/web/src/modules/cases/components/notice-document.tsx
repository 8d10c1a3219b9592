import type { CaseNotice } from '@tongban/contracts';
import './case-print.css';

type Content = {
  title?: string;
  noticeNo?: string;
  caseNo?: string;
  itemName?: string;
  addressee?: string;
  paragraphs?: string[];
  list?: { name: string; note: string }[];
  issuer?: string;
  dateText?: string;
  /** SEC-2: the case's 查询码, added when the notice is read (not stored in it). */
  queryCode?: string;
};

/** A notice (ACC-2) as the print view: the same content record the .docx is made from. */
export function NoticeDocument({ notice }: { notice: CaseNotice }) {
  const c = notice.content as Content;
  return (
    <article className="tb-notice" data-testid="notice-document">
      <h1>{c.title ?? notice.title}</h1>
      <div className="tb-notice__no" data-testid="notice-no">
        {c.noticeNo ?? notice.noticeNo}
      </div>
      {c.addressee && <p style={{ margin: 0 }}>{c.addressee}：</p>}
      {(c.paragraphs ?? []).map((p, i) => (
        <p key={i} className="tb-notice__para">
          {p}
        </p>
      ))}
      {c.list && c.list.length > 0 && (
        <ol className="tb-notice__list" data-testid="notice-list">
          {c.list.map((x, i) => (
            <li key={i}>
              {x.name}
              {x.note ? `（${x.note}）` : ''}
            </li>
          ))}
        </ol>
      )}
      <div className="tb-notice__sign">
        <div>{c.issuer}</div>
        <div>{c.dateText}</div>
      </div>
      <div className="tb-notice__meta">
        办件编号：{c.caseNo}
        {c.queryCode && (
          <>
            {' '}
            · 查询码：<span data-testid="notice-query-code">{c.queryCode}</span>
            （凭办件编号和查询码可在网上查询办理进度）
          </>
        )}{' '}
        · 事项：{c.itemName}
      </div>
    </article>
  );
}
