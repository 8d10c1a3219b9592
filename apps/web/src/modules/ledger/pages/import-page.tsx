import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Card, Flex, Input, List, Space, Tabs, Tag, Typography, Upload } from 'antd';
import { FileWordOutlined, InboxOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { ApiError } from '../../../app/api-client';
import { notifySuccess } from '../../../app/notify';
import { useImportDocx, useImportText, useSaveDraft, type ImportResult } from '../api';
import { DraftEditor } from '../components/draft-editor';
import { isLowConfidence } from '../components/draft-ops';
import { checkDraft, describeDetails, draftForSave, type Draft } from '../components/draft-model';
import { tr } from '../../../app/i18n';

/** A .txt from an office PC may be GB 18030 (GBK) rather than UTF-8. */
async function readTextFile(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

type Problem = { message: string; lines: string[] };

function problemOf(e: unknown, fallback: string): Problem {
  if (e instanceof ApiError) return { message: e.message, lines: describeDetails(e.details) };
  return { message: fallback, lines: [] };
}

function ProblemAlert({ problem, testId }: { problem: Problem | undefined; testId: string }) {
  if (!problem) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      title={problem.message}
      description={
        problem.lines.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {problem.lines.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

/** 未能识别的内容: every line the parser could not place, with its line number — never dropped. */
function UnplacedCard({ result }: { result: ImportResult }) {
  const { unplaced, warnings } = result.outline;
  return (
    <Card
      size="small"
      data-testid="import-unplaced"
      title={
        <Space>
          <span>{tr('ledger.importPage.unrecognisedText')}</span>
          <Tag color={unplaced.length ? 'warning' : 'success'}>
            {unplaced.length} {tr('ledger.importPage.lines')}
          </Tag>
        </Space>
      }
      style={unplaced.length ? { borderColor: '#faad14' } : undefined}
    >
      {unplaced.length === 0 ? (
        <Typography.Text type="secondary">
          {tr('ledger.importPage.everythingWasRecognisedNo')}
        </Typography.Text>
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {tr('ledger.importPage.theFollowingDidNot')}
          </Typography.Paragraph>
          <List
            size="small"
            bordered
            dataSource={unplaced}
            renderItem={(u) => (
              <List.Item data-testid="import-unplaced-line">
                <Space align="start">
                  <Tag>
                    {tr('ledger.importPage.version')} {u.line} {tr('ledger.importPage.lines')}
                  </Tag>
                  <span>
                    <div>{u.text}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {u.reason}
                    </Typography.Text>
                  </span>
                </Space>
              </List.Item>
            )}
          />
        </>
      )}
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={tr('ledger.importPage.parsingNotes')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          }
        />
      )}
      {result.outline.narratives.leads && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {tr('ledger.importPage.sourceTextOnLeads')}
          {result.outline.narratives.leads}
          {tr('ledger.importPage.theReportSLead')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/** Elements the importer was unsure of (categories, findings, measures). */
function lowCount(d: Draft): number {
  return [...d.categories, ...d.findings, ...d.findings.flatMap((f) => f.measures)].filter((x) =>
    isLowConfidence(x.source),
  ).length;
}

/** 导入反馈意见: paste or upload the text, review the parsed draft, then save it all at once. */
export function ImportPage() {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [result, setResult] = useState<ImportResult>();
  const [draft, setDraft] = useState<Draft>();
  const [parseProblem, setParseProblem] = useState<Problem>();
  const [saveProblem, setSaveProblem] = useState<Problem>();
  const importText = useImportText();
  const importDocx = useImportDocx();
  const save = useSaveDraft();

  const accept = (r: ImportResult) => {
    setResult(r);
    setDraft(r.draft);
    setSaveProblem(undefined);
  };

  const parseText = async (value: string) => {
    setParseProblem(undefined);
    if (!value.trim()) {
      setParseProblem({ message: tr('ledger.importPage.pasteTheFeedbackOr'), lines: [] });
      return;
    }
    try {
      accept(await importText.mutateAsync(value));
    } catch (e) {
      setParseProblem(problemOf(e, tr('ledger.importPage.parsingFailedPleaseTry')));
    }
  };

  const parseFile = async (file: File) => {
    setParseProblem(undefined);
    const name = file.name.toLowerCase();
    try {
      if (name.endsWith('.docx')) accept(await importDocx.mutateAsync(file));
      else if (name.endsWith('.txt')) {
        const content = await readTextFile(file);
        setText(content);
        accept(await importText.mutateAsync(content));
      } else setParseProblem({ message: tr('ledger.importPage.onlyTxtOrDocx'), lines: [] });
    } catch (e) {
      setParseProblem(problemOf(e, tr('ledger.importPage.cannotReadTheFile')));
    }
  };

  const onSave = async () => {
    if (!draft) return;
    const local = checkDraft(draft);
    if (local.length > 0) {
      setSaveProblem({ message: tr('ledger.importPage.theDraftIsIncomplete'), lines: local });
      return;
    }
    setSaveProblem(undefined);
    try {
      const saved = await save.mutateAsync(draftForSave(draft));
      notifySuccess(
        tr('ledger.importPage.savedCategoriesProblemsMeasures', {
          categories: saved.categories,
          findings: saved.findings,
          measures: saved.measures,
        }),
      );
      void navigate(`/ledger?inspection=${saved.inspectionId}`);
    } catch (e) {
      setSaveProblem(problemOf(e, tr('ledger.importPage.savingFailedPleaseTry')));
    }
  };

  const parsing = importText.isPending || importDocx.isPending;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="import-page">
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }}>
            {tr('ledger.importPage.importFeedback')}
          </Typography.Title>
        }
        extra={
          result && (
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                setResult(undefined);
                setDraft(undefined);
              }}
            >
              {tr('ledger.importPage.importAgain')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">
          {tr('ledger.importPage.pasteOrUploadThe')}
        </Typography.Paragraph>
        {!result && (
          <Tabs
            items={[
              {
                key: 'paste',
                label: tr('ledger.importPage.pasteText'),
                children: (
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    <Input.TextArea
                      rows={14}
                      value={text}
                      onChange={(e) => setText(e.target.value)}
                      placeholder={tr('ledger.importPage.n1')}
                      data-testid="import-text"
                    />
                    <Button
                      type="primary"
                      loading={importText.isPending}
                      onClick={() => void parseText(text)}
                      data-testid="import-parse"
                    >
                      {tr('ledger.importPage.parse')}
                    </Button>
                  </Space>
                ),
              },
              {
                key: 'file',
                label: tr('ledger.importPage.uploadFile'),
                children: (
                  <Upload.Dragger
                    accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    showUploadList={false}
                    disabled={parsing}
                    beforeUpload={(file) => {
                      void parseFile(file);
                      return false;
                    }}
                    data-testid="import-file"
                  >
                    <p className="ant-upload-drag-icon">
                      {parsing ? <FileWordOutlined /> : <InboxOutlined />}
                    </p>
                    <p className="ant-upload-text">
                      {parsing ? tr('ledger.importPage.parsing') : tr('ledger.importPage.clickOrDropA')}
                    </p>
                    <p className="ant-upload-hint">{tr('ledger.importPage.txtMayBeUtf')}</p>
                  </Upload.Dragger>
                ),
              },
            ]}
          />
        )}
        <ProblemAlert problem={parseProblem} testId="import-error" />
        {result && draft && (
          <Alert
            type="info"
            showIcon
            data-testid="import-summary"
            title={tr('ledger.importPage.recognisedCategoriesProblemsMeasures', {
              length: result.draft.categories.length,
              length1: result.draft.findings.length,
              v2: result.draft.findings.reduce((a, f) => a + f.measures.length, 0),
              v3: result.outline.inspection.title ? `（${result.outline.inspection.title}）` : '',
            })}
            description={tr('ledger.importPage.thisDraftIsNot', {
              v0:
                lowCount(result.draft) > 0
                  ? tr('ledger.importPage.ofThemAreUncertain', { v0: lowCount(result.draft) })
                  : '',
            })}
          />
        )}
      </Card>
      {result && draft && (
        <>
          <UnplacedCard result={result} />
          <DraftEditor draft={draft} onChange={setDraft} />
          <Card size="small">
            <Flex gap={12} align="center" wrap>
              <Button
                type="primary"
                icon={<SaveOutlined />}
                loading={save.isPending}
                onClick={() => void onSave()}
                data-testid="import-save"
              >
                {tr('ledger.importPage.save')}
              </Button>
              <Typography.Text type="secondary">{tr('ledger.importPage.allOrNothingIs')}</Typography.Text>
            </Flex>
            {saveProblem && (
              <div style={{ marginTop: 12 }}>
                <ProblemAlert problem={saveProblem} testId="import-save-error" />
              </div>
            )}
          </Card>
        </>
      )}
    </Space>
  );
}
