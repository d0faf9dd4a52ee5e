import { ApiProblem, type Problem } from '../../api/client';

// R21: the workbook goes up as the raw .xlsx body through XMLHttpRequest, the one browser API that
// reports upload progress; the answer and any refusal read like every other call's (api/client.ts).
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function uploadWorkbook<T>(
  path: string,
  file: File,
  onProgress: (percent: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.setRequestHeader('content-type', XLSX);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('idempotency-key', crypto.randomUUID());
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () =>
      reject(
        new ApiProblem({
          status: 0,
          code: 'NETWORK',
          message: { zh: '无法连接服务器', en: 'Cannot reach the server' },
          fields: [],
          fixes: [],
          details: {},
        }),
      );
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
        return;
      }
      const b = (body ?? {}) as Partial<Problem>;
      reject(
        new ApiProblem({
          status: xhr.status,
          code: b.code ?? `HTTP_${xhr.status}`,
          message: b.message ?? { zh: `请求失败（${xhr.status}）`, en: `Request failed (${xhr.status})` },
          fields: b.fields ?? [],
          fixes: b.fixes ?? [],
          details: b.details ?? {},
        }),
      );
    };
    xhr.send(file);
  });
}
