// Heavy libraries load on first use, not with every process that imports the app (the server, the CLI,
// each test file): at import exceljs, pdfkit and PayPal's and Alipay's SDKs cost ~2 s of CPU together,
// while most processes never draw a PDF, write a workbook or call a provider.
/** `load` runs on the first call; every call answers its one promise. */
export const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load();
    return loaded;
  };
};

export const loadExcel = once(async () => (await import('exceljs')).default);
export const loadPdfkit = once(async () => (await import('pdfkit')).default);
export const loadPaypalSdk = once(() => import('@paypal/paypal-server-sdk'));
export const loadAlipaySdk = once(async () => (await import('alipay-sdk')).AlipaySdk);
