import type * as DI from '@kaidan/shared/contracts/device-imports';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Modal, Progress, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import type { CompanyScope } from '../../ui/CompanyScope';
import { ProblemAlert } from '../../ui/problem';
import { uploadWorkbook } from './import-upload';

type DeviceImport = z.infer<typeof DI.DeviceImport>;
type Line = z.infer<typeof DI.DeviceImportLine>;
type Applied = z.infer<typeof DI.DeviceImportApplied>;

/**
 * 设备到期维护 in bulk (R21, seed 003): download the template, upload the filled workbook (a progress bar
 * while it goes up, then while the server reads it), see every bad row with its reason, and apply only
 * after confirming — with bad rows, only after ticking that the valid rows should apply. The report
 * (rows plus 错误/Error) downloads at any point after the preview.
 */
export function ExpiryImportDialog(p: {
  where: CompanyScope;
  onClose: () => void;
  onDone: (changed: number) => void;
}) {
  const { t, pick } = useI18n();
  const [allowPast, setAllowPast] = useState(false);
  const [percent, setPercent] = useState<number | null>(null);
  const [imp, setImp] = useState<DeviceImport | null>(null);
  const [applyValid, setApplyValid] = useState(false);
  const [applied, setApplied] = useState<Applied | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => {
      const q = new URLSearchParams({
        depth: p.where.depth,
        allowPast: String(allowPast),
        fileName: file.name,
      });
      if (p.where.companyId) q.set('companyId', p.where.companyId);
      setPercent(0);
      return uploadWorkbook<DeviceImport>(`/device-imports?${q.toString()}`, file, setPercent);
    },
    onSuccess: (r) => setImp(r),
    onSettled: () => setPercent(null),
  });
  const bad = useQuery({
    queryKey: ['device-imports', imp?.id, 'errors'],
    enabled: imp !== null && imp.errorRows > 0,
    queryFn: () =>
      api.get<{ items: Line[] }>(`/device-imports/${imp?.id}/rows`, { only: 'errors', limit: 200 }),
  });
  const confirm = useMutation({
    mutationFn: () => api.post<Applied>(`/device-imports/${imp?.id}/confirm`, { applyValidRows: applyValid }),
    onSuccess: (r) => {
      setApplied(r);
      p.onDone(r.changed);
    },
  });
  const report = imp && (
    <Button href={`/api/v1/device-imports/${imp.id}/report.xlsx`} download data-testid="import-report">
      {t('deviceImport.report')}
    </Button>
  );
  const canApply = imp !== null && imp.validRows > 0 && (imp.errorRows === 0 || applyValid) && !applied;
  return (
    <Modal
      open
      width={820}
      title={t('deviceImport.title')}
      onCancel={p.onClose}
      footer={
        <Space>
          {report}
          <Button onClick={p.onClose} data-testid="import-close">
            {t('deviceImport.close')}
          </Button>
          {imp && !applied && (
            <Button
              type="primary"
              disabled={!canApply}
              loading={confirm.isPending}
              onClick={() => confirm.mutate()}
              data-testid="import-confirm"
            >
              {t('deviceImport.apply', { n: imp.validRows })}
            </Button>
          )}
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {!imp && (
          <>
            <Typography.Paragraph type="secondary">{t('deviceImport.hint')}</Typography.Paragraph>
            <Space wrap>
              <Button href="/api/v1/device-imports/template.xlsx" download data-testid="import-template">
                {t('deviceImport.template')}
              </Button>
              <Checkbox
                checked={allowPast}
                onChange={(e) => setAllowPast(e.target.checked)}
                data-testid="import-allow-past"
              >
                {t('deviceImport.allowPast')}
              </Checkbox>
            </Space>
            <input
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              data-testid="import-file"
              disabled={upload.isPending}
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) upload.mutate(f);
              }}
            />
          </>
        )}
        {percent !== null && (
          <div data-testid="import-progress">
            <Progress percent={percent} status="active" />
            <Typography.Text type="secondary">
              {percent < 100 ? t('deviceImport.uploading') : t('deviceImport.parsing')}
            </Typography.Text>
          </div>
        )}
        <ProblemAlert error={upload.error} />
        {imp && (
          <Alert
            type={imp.errorRows > 0 ? 'warning' : 'info'}
            showIcon
            data-testid="import-summary"
            message={t('deviceImport.summary', {
              total: imp.totalRows,
              valid: imp.validRows,
              errors: imp.errorRows,
            })}
            description={
              <Space wrap>
                {imp.errorCounts.map((c) => (
                  <Tag key={c.error} color="orange" data-testid={`import-count-${c.error}`}>
                    {t(`deviceImport.error.${c.error}`)} × {c.count}
                  </Tag>
                ))}
              </Space>
            }
          />
        )}
        {imp && imp.errorRows > 0 && (
          <Table<Line>
            size="small"
            rowKey="rowNo"
            data-testid="import-errors"
            loading={bad.isLoading}
            dataSource={bad.data?.items ?? []}
            pagination={{ pageSize: 10 }}
            columns={[
              { title: t('deviceImport.row'), dataIndex: 'rowNo', width: 70 },
              { title: t('devices.deviceNo'), dataIndex: 'deviceNo', width: 140 },
              { title: t('devices.expiresOn'), dataIndex: 'expiryText', width: 120 },
              { title: t('deviceImport.reason'), render: (_, l) => (l.reason ? pick(l.reason) : '') },
            ]}
          />
        )}
        {imp && imp.errorRows > 0 && imp.validRows > 0 && !applied && (
          <Checkbox
            checked={applyValid}
            onChange={(e) => setApplyValid(e.target.checked)}
            data-testid="import-apply-valid"
          >
            {t('deviceImport.applyValid', { valid: imp.validRows, errors: imp.errorRows })}
          </Checkbox>
        )}
        <ProblemAlert error={confirm.error} />
        {applied && (
          <Alert
            type="success"
            showIcon
            data-testid="import-applied"
            message={t('deviceImport.applied', { n: applied.changed })}
          />
        )}
      </Space>
    </Modal>
  );
}
