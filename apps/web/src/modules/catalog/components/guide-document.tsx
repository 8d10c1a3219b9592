import type { ReactNode } from 'react';
import dayjs from 'dayjs';
import type { PublicGuide } from '../api';
import { yuan } from './catalog-format';
import { guideLabels } from './guide-labels';
import './guide-document.css';

type Props = {
  data: PublicGuide;
  /** The QR code to the online guide (print view). */
  qrSrc?: string;
};

function Section({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <section className="tb-guide__section" data-testid={testId}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

const Para = ({ text }: { text: string }) => <p className="tb-guide__text">{text.trim() || '—'}</p>;

/**
 * 办事指南 as a document: the same markup on the web page and in the A4 print view, rendered from
 * the published version only (the 2018 report: guides online and on paper disagreed).
 */
export function GuideDocument({ data, qrSrc }: Props) {
  const { item, guide, lang } = data;
  const L = guideLabels(lang);
  const { t } = L;
  const days = (n: number | null) =>
    n === null ? '—' : n === 0 ? t('onTheSpot') : t('workingDays', { count: n });
  const visits =
    item.maxVisits === null
      ? '—'
      : item.maxVisits === 0
        ? t('visits0')
        : t('visitsN', { count: item.maxVisits });
  let n = 0;
  const next = (key: string) => L.section(++n, key);

  return (
    <article className="tb-guide" lang={lang === 'zh' ? 'zh-CN' : lang} data-testid="guide-document">
      <header className="tb-guide__head">
        <div className="tb-guide__headtext">
          <div className="tb-guide__kicker">{t('title')}</div>
          <h1 data-testid="guide-title">{guide.name}</h1>
          <div className="tb-guide__meta">
            {item.departmentName} · {t('itemCode')} {item.itemCode}
          </div>
          <div className="tb-guide__meta">
            {t('version', {
              no: item.versionNo,
              date: item.publishedAt ? dayjs(item.publishedAt).format('YYYY-MM-DD') : '—',
            })}
          </div>
        </div>
        {qrSrc && (
          <figure className="tb-guide__qr" data-testid="guide-qr">
            <img src={qrSrc} alt={t('qrHint')} width={112} height={112} />
            <figcaption>{t('qrHint')}</figcaption>
          </figure>
        )}
      </header>

      <Section title={next('basic')} testId="guide-basic">
        <table className="tb-guide__kv">
          <tbody>
            <tr>
              <th>{t('itemType')}</th>
              <td>{L.enumLabel('itemType', item.itemType)}</td>
              <th>{t('department')}</th>
              <td>{item.departmentName}</td>
            </tr>
            <tr>
              <th>{t('handling')}</th>
              <td>{item.handling ? L.enumLabel('handling', item.handling) : '—'}</td>
              <th>{t('onlineLevel')}</th>
              <td data-testid="guide-online-level">
                {item.onlineLevel ? L.enumLabel('onlineLevel', item.onlineLevel) : '—'}
              </td>
            </tr>
            <tr>
              <th>{t('visits')}</th>
              <td data-testid="guide-visits">{visits}</td>
              <th>{t('promisedLimit')}</th>
              <td data-testid="guide-promised">{days(item.promisedLimitDays)}</td>
            </tr>
          </tbody>
        </table>
      </Section>

      <Section title={next('legalBasis')} testId="guide-basis">
        {item.legalBasis.length === 0 ? (
          <Para text="" />
        ) : (
          <ol className="tb-guide__list">
            {item.legalBasis.map((b, i) => (
              <li key={i}>
                {b.name}
                {b.article && <span className="tb-guide__muted"> {b.article}</span>}
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section title={next('conditions')} testId="guide-conditions">
        <Para text={guide.conditions} />
      </Section>

      <Section title={next('materials')} testId="guide-materials">
        <table className="tb-guide__table tb-guide__table--fixed">
          <colgroup>
            <col style={{ width: '8%' }} />
            <col />
            <col style={{ width: '19%' }} />
            <col style={{ width: '13%' }} />
            <col style={{ width: '8%' }} />
            <col style={{ width: '19%' }} />
          </colgroup>
          <thead>
            <tr>
              <th>{t('no')}</th>
              <th>{t('materialName')}</th>
              <th>{t('requirement')}</th>
              <th>{t('form')}</th>
              <th>{t('copies')}</th>
              <th>{t('remark')}</th>
            </tr>
          </thead>
          <tbody>
            {item.materials.map((m, i) => (
              <tr key={m.name} data-testid="guide-material-row">
                <td className="tb-guide__center">{i + 1}</td>
                <td>{m.name}</td>
                <td>
                  {L.enumLabel('requirement', m.requirement)}
                  {m.requirement === 'conditional' && m.condition && (
                    <div className="tb-guide__muted">{t('condition', { condition: m.condition })}</div>
                  )}
                </td>
                <td className="tb-guide__center">{L.enumLabel('form', m.form)}</td>
                <td className="tb-guide__center">{m.copies}</td>
                <td>
                  {m.deferrable && <div>{t('deferrable')}</div>}
                  {m.licenseTypeCode && <div>{t('exemptSubmit')}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title={next('process')} testId="guide-process">
        <div className="tb-guide__steps">
          {item.steps.map((s, i) => (
            <span key={s}>
              {i > 0 && <span className="tb-guide__arrow">→</span>}
              <span className="tb-guide__step">{L.stepLabel(s)}</span>
            </span>
          ))}
        </div>
        <Para text={guide.process} />
      </Section>

      <Section title={next('limits')} testId="guide-limits">
        <table className="tb-guide__kv">
          <tbody>
            <tr>
              <th>{t('legalLimit')}</th>
              <td>{days(item.legalLimitDays)}</td>
              <th>{t('promisedLimit')}</th>
              <td>{days(item.promisedLimitDays)}</td>
            </tr>
          </tbody>
        </table>
        {item.specialProcedures.length > 0 && (
          <>
            <div className="tb-guide__subhead">{t('special')}</div>
            <ul className="tb-guide__list">
              {item.specialProcedures.map((p) => (
                <li key={p.kind}>
                  {t('specialLine', {
                    name: L.enumLabel('special', p.kind),
                    days: t('workingDays', { count: p.days }),
                    counted: p.countsInLimit ? t('countsIn') : t('notCounted'),
                  })}
                  {p.legalBasis && (
                    <span className="tb-guide__muted">{t('paren', { text: p.legalBasis })}</span>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>

      <Section title={next('fees')} testId="guide-fees">
        {item.fees.length === 0 ? (
          <p className="tb-guide__text">{t('free')}</p>
        ) : (
          <table className="tb-guide__table">
            <thead>
              <tr>
                <th>{t('feeName')}</th>
                <th style={{ width: '8em' }}>{t('feeAmount')}</th>
                <th>{t('feeBasis')}</th>
              </tr>
            </thead>
            <tbody>
              {item.fees.map((f) => (
                <tr key={f.name}>
                  <td>{f.name}</td>
                  <td className="tb-guide__center">{t('yuan', { amount: yuan(f.amountFen) })}</td>
                  <td>{f.basis}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section title={next('placeAndTime')} testId="guide-place">
        <table className="tb-guide__kv">
          <tbody>
            <tr>
              <th>{t('location')}</th>
              <td>{item.location || '—'}</td>
            </tr>
            <tr>
              <th>{t('hours')}</th>
              <td>{item.hours || '—'}</td>
            </tr>
          </tbody>
        </table>
      </Section>

      <Section title={next('contact')} testId="guide-contact">
        <table className="tb-guide__kv">
          <tbody>
            <tr>
              <th>{t('consultPhone')}</th>
              <td data-testid="guide-consult-phone">{item.consultPhone || '—'}</td>
              <th>{t('complaintPhone')}</th>
              <td>{item.complaintPhone || '—'}</td>
            </tr>
          </tbody>
        </table>
      </Section>

      {guide.notes.trim() && (
        <Section title={next('notes')} testId="guide-notes">
          <Para text={guide.notes} />
        </Section>
      )}
    </article>
  );
}
