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
          <span>未能识别的内容</span>
          <Tag color={unplaced.length ? 'warning' : 'success'}>{unplaced.length} 行</Tag>
        </Space>
      }
      style={unplaced.length ? { borderColor: '#faad14' } : undefined}
    >
      {unplaced.length === 0 ? (
        <Typography.Text type="secondary">全部内容均已识别，没有遗漏的行。</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            以下内容未能归入巡察信息、问题或措施，请核对；需要的内容请复制到下方相应位置。
          </Typography.Paragraph>
          <List
            size="small"
            bordered
            dataSource={unplaced}
            renderItem={(u) => (
              <List.Item data-testid="import-unplaced-line">
                <Space align="start">
                  <Tag>第 {u.line} 行</Tag>
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
          title="解析提示"
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
          原文“问题线索处理情况”：{result.outline.narratives.leads}
          （通报中的问题线索数由台账登记生成，此段不保存）
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
      setParseProblem({ message: '请先粘贴反馈意见或整改通报的文字', lines: [] });
      return;
    }
    try {
      accept(await importText.mutateAsync(value));
    } catch (e) {
      setParseProblem(problemOf(e, '解析失败，请稍后再试'));
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
      } else setParseProblem({ message: '只支持 .txt 或 .docx 文件；.doc 请先另存为 .docx', lines: [] });
    } catch (e) {
      setParseProblem(problemOf(e, '文件读取失败，请确认文件格式'));
    }
  };

  const onSave = async () => {
    if (!draft) return;
    const local = checkDraft(draft);
    if (local.length > 0) {
      setSaveProblem({ message: '草稿还有未填写的内容，未保存', lines: local });
      return;
    }
    setSaveProblem(undefined);
    try {
      const saved = await save.mutateAsync(draftForSave(draft));
      notifySuccess(
        `已保存：问题类别 ${saved.categories} 个、问题 ${saved.findings} 个、整改措施 ${saved.measures} 项`,
      );
      void navigate(`/ledger?inspection=${saved.inspectionId}`);
    } catch (e) {
      setSaveProblem(problemOf(e, '保存失败，请稍后再试'));
    }
  };

  const parsing = importText.isPending || importDocx.isPending;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="import-page">
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }}>
            导入反馈意见
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
              重新导入
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">
          粘贴或上传巡察反馈意见、整改方案或整改情况通报，系统按“一、（一）1.（1）”及“一是……二是……”识别问题类别、问题和整改措施，生成草稿供核对修改；核对无误后保存，保存前不会写入台账。
        </Typography.Paragraph>
        {!result && (
          <Tabs
            items={[
              {
                key: 'paste',
                label: '粘贴文本',
                children: (
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    <Input.TextArea
                      rows={14}
                      value={text}
                      onChange={(e) => setText(e.target.value)}
                      placeholder={
                        '例如：\n一、服务群众方面\n（一）办事流程不够便捷\n1. 材料重复提交。群众办理……'
                      }
                      data-testid="import-text"
                    />
                    <Button
                      type="primary"
                      loading={importText.isPending}
                      onClick={() => void parseText(text)}
                      data-testid="import-parse"
                    >
                      解析
                    </Button>
                  </Space>
                ),
              },
              {
                key: 'file',
                label: '上传文件',
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
                      {parsing ? '正在解析……' : '点击或拖入 .txt / .docx 文件'}
                    </p>
                    <p className="ant-upload-hint">.txt 支持 UTF-8 和 GBK 编码</p>
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
            title={`识别出问题类别 ${result.draft.categories.length} 个、问题 ${result.draft.findings.length} 个、整改措施 ${result.draft.findings.reduce((a, f) => a + f.measures.length, 0)} 项${result.outline.inspection.title ? `（${result.outline.inspection.title}）` : ''}`}
            description={`以下为解析草稿，尚未保存。请逐项核对，可修改、增删类别、问题和措施${
              lowCount(result.draft) > 0
                ? `；其中 ${lowCount(result.draft)} 处识别把握不大，已标为“待核对”，可一键升级、降级、合并或拆分`
                : ''
            }。`}
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
                保存
              </Button>
              <Typography.Text type="secondary">
                全部保存或全部不保存；保存后可在整改台账中继续编辑措施。
              </Typography.Text>
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
